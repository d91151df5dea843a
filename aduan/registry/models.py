"""Our own copy of the beneficiary data a unit is given (SPEC R21): DTKS and the programs' lists
arrive as files (the national registry is not reachable from here), one row per person per
source, with the period the file describes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.jobs import BackgroundJob


class Record(models.Model):
    source = models.CharField(max_length=40, help_text="Where the file came from, e.g. 'dtks' or 'pkh-kemensos'.")
    period = models.CharField(max_length=7, help_text="The month the file describes, YYYY-MM.")
    nik = models.CharField(max_length=16)
    no_kk = models.CharField(max_length=16, blank=True)
    name = models.CharField(max_length=150)
    address = models.CharField(max_length=300, blank=True)
    # Not a foreign key: a file names desa codes, and a code the regions table lacks is refused
    # at import; the reads join on the code when they need the name.
    region_code = models.CharField(max_length=13, blank=True)
    program = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=40, blank=True)
    kks = models.CharField(max_length=16, blank=True)
    bank = models.CharField(max_length=40, blank=True)
    since = models.CharField(max_length=10, blank=True, help_text="Enrolled in the program since (YYYY-MM or a date).")
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("data penerima")
        verbose_name_plural = pgettext_lazy("plural", "data penerima")
        # NIK first: the one index serves the import's merge and the lookups by NIK.
        constraints = [models.UniqueConstraint(fields=["nik", "source"], name="one_record_per_nik_source")]
        indexes = [
            models.Index(fields=["no_kk"], condition=~Q(no_kk=""), name="registry_by_kk"),
            models.Index(fields=["kks"], condition=~Q(kks=""), name="registry_by_kks"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.period} …{self.nik[-4:]}"


class Match(models.Model):
    """What the registry said of a complaint's reporter when it was filed (SPEC R21): the record found
    by the reporter's NIK, KK or KKS number — its program, since when, status and bank, as that
    record stood then, with the period of the file it came from — or nothing found. An officer who
    confirms that the reporter is this person links them (`linked_at`)."""

    class By(models.TextChoices):
        NIK = "nik", "NIK"
        KK = "kk", _("No. KK")
        KKS = "kks", _("No. KKS")

    complaint = models.ForeignKey("core.Complaint", on_delete=models.CASCADE, related_name="registry_matches")
    by = models.CharField(max_length=4, choices=By.choices)
    # No constraint in the database: the first national file is written with the registry's keys
    # built again after it (bulk.py), and a constraint here would lock this table, the complaint
    # pages' and the intake's, meanwhile. Records are never deleted by an import; a deletion through
    # the ORM still sets this to NULL.
    record = models.ForeignKey(Record, null=True, blank=True, on_delete=models.SET_NULL, related_name="matches",
                               db_constraint=False)
    # The record as it stood when checked: a later import may change or drop it.
    source = models.CharField(max_length=40, blank=True)
    period = models.CharField(max_length=7, blank=True)
    name = models.CharField(max_length=150, blank=True)
    program = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=40, blank=True)
    bank = models.CharField(max_length=40, blank=True)
    since = models.CharField(max_length=10, blank=True)
    region_code = models.CharField(max_length=13, blank=True)
    checked_at = models.DateTimeField()
    linked_at = models.DateTimeField(null=True, blank=True)
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        ordering = ["complaint", "id"]
        verbose_name = _("kecocokan data penerima")
        verbose_name_plural = pgettext_lazy("plural", "kecocokan data penerima")

    @property
    def found(self) -> bool:
        return bool(self.source)


class Lookup(models.Model):
    """One row each time someone reads registry records (UU PDP): who, when, through which door,
    by which kind of number, and which records were shown. Never edited."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(db_index=True)
    where = models.CharField(max_length=8)
    by = models.CharField(max_length=4)
    records = models.JSONField(default=list)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("akses data penerima")
        verbose_name_plural = pgettext_lazy("plural", "akses data penerima")


def upload_path(instance: "ImportJob", filename: str) -> str:
    return f"registri/{timezone.now():%Y/%m}/{filename}"


class ImportJob(BackgroundJob):
    """An uploaded registry file being imported by a background task; the page shows its progress
    and then the summary (rows read, added, changed, rejected with line and reason)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=upload_path)
    source = models.CharField(max_length=40)
    period = models.CharField(max_length=7)
    summary = models.JSONField(default=dict, blank=True)

    class Meta(BackgroundJob.Meta):
        verbose_name = _("impor data penerima")
        verbose_name_plural = pgettext_lazy("plural", "impor data penerima")
