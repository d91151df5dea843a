"""The complaint, its stages, attachments and its append-only timeline."""

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.core.enums import Channel, DistrictAnswer, EventKind, IndirectSource, PendampingRelation, Severity, Status
from aduan.regions.timezones import zone_for

# "Overdue", defined once: still waiting for the unit's answer (open, and no answer awaiting the
# reporter's objection) and its due moment has come. The sweep escalates exactly what the pages,
# the API and the reports call overdue.
AWAITING_UNIT = Q(status__in=[Status.BELUM, Status.PROSES], closure_due_at__isnull=True)


# "Perlu diperiksa": open, and either without a topic (SMS, web and email arrive with a program
# only) or with a place the resolver could not name. The queue lists them; the page asks first.
NEEDS_CHECKING = ~Q(status=Status.SELESAI) & (Q(topic__isnull=True) | Q(location_needs_review=True))


def awaits_unit(status: str, closure_due_at) -> bool:
    """AWAITING_UNIT for one complaint in hand (`Complaint.awaits_unit`), or for a row read as
    plain values: open, and not waiting on the reporter's closure window."""
    return status in (Status.BELUM, Status.PROSES) and closure_due_at is None


def overdue_q(now) -> Q:
    return AWAITING_UNIT & Q(due_at__lte=now)


def overdue_as_of(moment, now) -> Q:
    """`overdue_q` read back at a past moment (a report's month end) from the complaint's own
    columns: received by then, due by then, neither answered nor closed by then. For a moment
    not yet past it is `overdue_q` itself."""
    if moment >= now:
        return overdue_q(now)
    # Open now, or closed only after the moment: each side read through its own index.
    open_then = ~Q(status=Status.SELESAI) | Q(closed_at__gt=moment)
    return (open_then & Q(received_at__lt=moment, due_at__lte=moment)
            & (Q(followed_up_at__isnull=True) | Q(followed_up_at__gt=moment)))


class ComplaintManager(models.Manager):
    def reserve_id(self) -> int:
        """The id the next complaint will be inserted with, taken before it is inserted, so that
        its stages and first event can be written first and the complaint itself last (foreign keys
        are checked at commit). Inside the filing transaction only: on SQLite that transaction holds
        the write lock from its start, so the next id is simply one more than the highest."""
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
            else:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(table)}")
            return cursor.fetchone()[0]


class Complaint(models.Model):
    # Read out over the phone, not guessable: see aduan/core/tracking.py.
    tracking_number = models.CharField(max_length=11)  # unique: Meta.constraints
    # The reporter's proof (aduan.core.access.reporter); a confidential complaint's /lacak/ page also
    # asks for it before showing anything.
    access_secret_hash = models.CharField(max_length=128, blank=True)
    # SPEC R22: the receiving unit's register ("buku register"), numbered per year.
    # Not indexed alone: one_register_number and queue_by_due begin with these units.
    receiving_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="received_complaints", db_index=False,
    )
    register_year = models.PositiveSmallIntegerField()
    register_seq = models.PositiveIntegerField()
    handling_unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="handled_complaints",
        db_index=False,
    )
    # The officer of the holding unit its head gave it to (complaint_assign); cleared on every hop.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_complaints",
    )
    # SPEC R20: the kabupaten/kota's Dinas Sosial told of a complaint received centrally, and its answer.
    # Indexed only where set: Meta.indexes.
    announced_to = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="announced_complaints",
        db_index=False,
    )
    district_answer = models.CharField(max_length=16, choices=DistrictAnswer.choices, blank=True)

    channel = models.CharField(max_length=16, choices=Channel.choices)
    indirect_source = models.CharField(max_length=16, choices=IndirectSource.choices, blank=True)
    source_reference = models.CharField(max_length=300, blank=True)
    # SPEC R16 (PKH): by a pendamping → UPPKH Pusat; about a pendamping or operator → UPPKH Kab/Kota.
    pendamping = models.CharField(max_length=8, choices=PendampingRelation.choices, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="filed_complaints",
        help_text="The officer or pendamping who digitised or filed it on the reporter's behalf.",
    )
    # The taxonomy's keys are not indexed: a handful of values over millions of rows selects
    # nothing an index would help with, and every index is written on every filing.
    program = models.ForeignKey("taxonomy.Program", on_delete=models.PROTECT, db_index=False)
    category_type = models.ForeignKey("taxonomy.CategoryType", null=True, blank=True, on_delete=models.PROTECT, db_index=False)
    topic = models.ForeignKey("taxonomy.Topic", null=True, blank=True, on_delete=models.PROTECT, db_index=False)
    severity = models.CharField(max_length=12, choices=Severity.choices)
    policy = models.ForeignKey("taxonomy.DeadlinePolicy", on_delete=models.PROTECT, db_index=False)

    # SPEC R6: anonymous stores no identity at all; confidential stores it, shown only to handlers.
    anonymous = models.BooleanField(default=False)
    confidential = models.BooleanField(default=False)
    reporter_name = models.CharField(max_length=150, blank=True)
    reporter_nik = models.CharField(max_length=16, blank=True)
    reporter_kk = models.CharField(max_length=16, blank=True)
    reporter_kks = models.CharField(max_length=16, blank=True)
    reporter_phone = models.CharField(max_length=20, blank=True)  # indexed: Meta.indexes
    reporter_email = models.EmailField(blank=True)
    reporter_address = models.CharField(max_length=300, blank=True)

    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT)
    location_text = models.CharField(max_length=300, blank=True)
    location_needs_review = models.BooleanField(default=False)
    # What triage read in the text at intake (aduan/triage): a suggestion, never applied by itself.
    triage = models.JSONField(default=dict, blank=True)

    text = models.TextField()
    received_at = models.DateTimeField()
    due_at = models.DateTimeField()
    followed_up_at = models.DateTimeField(null=True, blank=True)  # the latest answer
    # The first answer (the reports' "days to the first answer"); a rebuttal's new answer keeps it.
    first_answered_at = models.DateTimeField(null=True, blank=True)
    closure_due_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.BELUM)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)

    # Idempotency: a gateway's retry carries the same key and must not file twice.
    external_id = models.CharField(max_length=200, null=True, blank=True)  # unique: Meta.constraints
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ComplaintManager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("pengaduan")
        verbose_name_plural = pgettext_lazy("plural", "pengaduan")
        # Unique constraints and indexes declared here rather than on the fields: a field's
        # unique=True or db_index=True also gets a second, pattern-matching index on PostgreSQL
        # that no lookup of ours uses and every filing would write.
        constraints = [
            models.UniqueConstraint(fields=["receiving_unit", "register_year", "register_seq"], name="one_register_number"),
            models.UniqueConstraint(fields=["tracking_number"], name="one_tracking_number"),
            models.UniqueConstraint(fields=["external_id"], name="one_external_id"),
        ]
        indexes = [
            models.Index(fields=["reporter_phone"], name="by_reporter_phone"),
            # Possible duplicates (aduan/core/duplicates.py) and the registry's matches: most complaints
            # carry neither number, so only those that do are indexed.
            models.Index(fields=["reporter_nik"], condition=~Q(reporter_nik=""), name="by_reporter_nik"),
            models.Index(fields=["reporter_kks"], condition=~Q(reporter_kks=""), name="by_reporter_kks"),
            models.Index(fields=["handling_unit", "status", "due_at"], name="queue_by_due"),
            models.Index(fields=["status", "due_at"], name="open_by_due"),
            # The lists by due date, read in index order so that the first page of a million
            # complaints costs what it costs for a hundred: everything (the API without a status
            # filter), and what is still open (the queue's default).
            models.Index(fields=["due_at", "id"], name="all_by_due"),
            models.Index(fields=["due_at", "id"], condition=~Q(status=Status.SELESAI), name="active_by_due"),
            # A unit's open complaints in due order (its queue, the sweep): without it PostgreSQL
            # walked active_by_due through the whole country looking for the unit's rows (40 ms
            # for a district at a million complaints, 0.4 ms with it).
            models.Index(fields=["handling_unit", "due_at", "id"], condition=~Q(status=Status.SELESAI),
                         name="unit_active_by_due"),
            models.Index(fields=["status", "closure_due_at"], name="closure_window"),
            # By receipt; on PostgreSQL it also carries what the reports group by, so that a month or a
            # year of them is counted from the index alone (aduan/reports/figures.py).
            models.Index(fields=["received_at"], name="received",
                         include=["id", "program", "category_type", "topic", "channel", "severity", "status",
                                  "region", "receiving_unit", "handling_unit", "updated_at"]),
            # The reports (aduan/reports): what was closed, and first answered, in a period.
            models.Index(fields=["closed_at"], condition=Q(closed_at__isnull=False), name="closed",
                         include=["id", "followed_up_at", "due_at", "region", "receiving_unit", "handling_unit"]),
            models.Index(fields=["first_answered_at"], condition=Q(first_answered_at__isnull=False),
                         name="first_answered", include=["id", "received_at", "region", "receiving_unit", "handling_unit"]),
            # The announcements a kabupaten/kota has still to answer (SPEC R20).
            models.Index(fields=["announced_to", "received_at"], condition=Q(announced_to__isnull=False),
                         name="announced"),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def register_number(self) -> str:
        return f"{self.register_seq:05d}/{self.receiving_unit.code.upper()}/{self.register_year}"

    @property
    def local_zone(self):
        return zone_for(self.region_id)

    @property
    def due_is_provisional(self) -> bool:
        """The deadline falls in a year whose cuti bersama are not decreed yet: it may move."""
        from aduan.core.due_dates import calendar_is_confirmed

        return not calendar_is_confirmed(self.due_at.astimezone(self.local_zone).year)

    @property
    def is_open(self) -> bool:
        return self.status != Status.SELESAI

    @property
    def holder_id(self) -> int:
        """The unit the complaint sits with: its handling unit, or the receiving unit before disposition."""
        return self.handling_unit_id or self.receiving_unit_id

    @property
    def holder(self):
        """The unit of `holder_id`, as an object."""
        return self.handling_unit if self.handling_unit_id else self.receiving_unit

    @property
    def needs_checking(self) -> bool:
        """NEEDS_CHECKING for the complaint in hand."""
        return self.status != Status.SELESAI and (self.topic_id is None or self.location_needs_review)

    @property
    def awaits_unit(self) -> bool:
        return awaits_unit(self.status, self.closure_due_at)

    def is_overdue(self, now) -> bool:
        """The same rule as `overdue_q`, for a complaint in hand."""
        return self.awaits_unit and self.due_at <= now


class ComplaintStage(models.Model):
    """A staged deadline (PKH: 5/3/15/3 working days), each stage with its own due date."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    # The event kind that marks it done (the policy's DeadlineStage.completed_by); empty: by hand.
    completed_by = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["order"]

    def is_overdue(self, now) -> bool:
        return self.done_at is None and self.due_at <= now


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"lampiran/{instance.complaint.received_at:%Y/%m}/{instance.complaint.tracking_number}/{filename}"


class Attachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Events are history: they are never updated.")

    def delete(self):
        raise TypeError("Events are history: they are never deleted.")


class Event(models.Model):
    """One row per change: the timeline, the reports and the notification outbox all read it."""

    # Not indexed alone: the timeline index begins with it.
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="events", db_index=False)
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=150, blank=True, help_text="Who acted, as shown: an officer, 'Pelapor', 'Sistem'.")
    from_status = models.CharField(max_length=8, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=8, choices=Status.choices, blank=True)
    from_unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True, help_text="Internal: officers only.")
    public_note = models.TextField(blank=True, help_text="What the reporter reads.")
    data = models.JSONField(default=dict, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["complaint", "at"], name="timeline"), models.Index(fields=["kind", "at"], name="event_kind_at")]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Events are history: they are never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Events are history: they are never deleted.")


class RegisterCounterManager(models.Manager):
    def take_next(self, unit_id: int, year: int) -> int:
        """The unit's next register number for the year, in one statement that also locks the
        counter row until the transaction ends (so the numbers have no gaps and no repeats)."""
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (unit_id, year, last) VALUES (%s, %s, 1) "
                f"ON CONFLICT (unit_id, year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
                [unit_id, year],
            )
            return cursor.fetchone()[0]


class RegisterCounter(models.Model):
    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    objects = RegisterCounterManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_counter_per_unit_year")]


class ReporterCode(models.Model):
    """A one-time code sent to the reporter's phone or email: proof of being the reporter when the
    secret given at filing is lost (or locked after wrong guesses by someone else). Only its hash
    is kept; it works once, for a short while, and for a few tries."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="reporter_codes")
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["complaint", "expires_at"], name="reporter_code_live")]
