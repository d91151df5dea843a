"""What the sweep does about deadlines (SPEC R16, R20): warn the unit, raise what is late, tell the
reporter. Each function takes `now`, returns how many complaints it moved, and is safe to run from
several workers at once: candidates are read without a lock, then each is re-checked under its row
lock (SQLite: the IMMEDIATE transaction) before anything is written.

`warned_at` marks what has been said about the current deadline: before `due_at`, the unit got
its 75% warning; at or after `due_at`, the reporter was told it is late. A new deadline (after an
escalation) clears it.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_noop

from aduan.core.actions.events import SYSTEM, record_event
from aduan.core.actions.handling import _raise
from aduan.core.enums import EventKind
from aduan.core.models import AWAITING_UNIT, Complaint, Event, overdue_q
from aduan.organisation.routing import next_unit

OVERDUE_ESCALATION = "Dieskalasi otomatis: tenggat penanganan di {unit} terlewati."
WARNING_NOTE = "Peringatan: {percent}% waktu penanganan sudah berlalu; tenggat {due}."
OVERDUE_PUBLIC = gettext_noop("Penanganan pengaduan melebihi tenggat; pengaduan masih dalam proses.")

def _late_and_unannounced(c: Complaint, now: datetime) -> bool:
    return c.is_overdue(now) and (c.warned_at is None or c.warned_at < c.due_at)


def _overdue_candidates(now: datetime) -> list[int]:
    late = Complaint.objects.filter(overdue_q(now)).filter(Q(warned_at__isnull=True) | Q(warned_at__lt=F("due_at")))
    return list(late.order_by("due_at").values_list("pk", flat=True))


def complaint_escalate_overdue(*, now: datetime | None = None) -> int:
    """Raise every late complaint one level, by "Sistem", once per deadline. Those already at the top
    of their ladder are left for `complaint_announce_overdue`."""
    now = now or timezone.now()
    escalated = 0
    for pk in _overdue_candidates(now):
        with transaction.atomic():
            current = Complaint.objects.select_for_update().select_related("program").get(pk=pk)
            if not _late_and_unannounced(current, now):
                continue  # another worker, or an officer, got there first
            holder = current.holder
            above = next_unit(holder, current.program.code)
            if above is None:
                continue
            _raise(current, holder, above, at=now, actor=None, automatic=True,
                   reason=OVERDUE_ESCALATION.format(unit=holder.name))
            escalated += 1
    return escalated


def complaint_announce_overdue(*, now: datetime | None = None) -> int:
    """SPEC R20: tell the reporter that handling exceeds the deadline (an event WARNED with
    data overdue=true, which aduan.notifications turns into a message). Once per deadline."""
    now = now or timezone.now()
    announced = 0
    for pk in _overdue_candidates(now):
        with transaction.atomic():
            current = Complaint.objects.select_for_update().get(pk=pk)
            if not _late_and_unannounced(current, now):
                continue
            current.warned_at = now
            current.save(update_fields=["warned_at", "updated_at"])
            record_event(
                current, EventKind.WARNED, at=now, label=SYSTEM, to_unit=current.handling_unit,
                public_note=OVERDUE_PUBLIC, data={"overdue": True, "due_at": current.due_at.isoformat()},
            )
            announced += 1
    return announced


def warning_due(start: datetime, due: datetime, fraction: float) -> datetime:
    """Pure: when `fraction` of the time from `start` to `due` has passed."""
    return start + (due - start) * fraction


def complaint_warn_approaching(*, now: datetime | None = None) -> int:
    """Warn the unit holding a complaint when WARN_AT_FRACTION of its time has passed (once per
    deadline; the time runs from receipt, or from the last escalation that set the deadline)."""
    now = now or timezone.now()
    fraction = settings.ADUAN["WARN_AT_FRACTION"]
    last_escalation = (Event.objects.filter(complaint=OuterRef("pk"), kind=EventKind.ESCALATED)
                       .order_by("-at", "-id").values("at")[:1])
    rows = (Complaint.objects.filter(AWAITING_UNIT, warned_at__isnull=True, due_at__gt=now)
            .annotate(window_start=Coalesce(Subquery(last_escalation), F("received_at")))
            .values_list("pk", "window_start", "due_at"))
    # The fraction is applied in Python: interval arithmetic differs between SQLite and PostgreSQL.
    due_now = [pk for pk, start, due in rows.iterator(chunk_size=2000) if warning_due(start, due, fraction) <= now]
    warned = 0
    for pk in due_now:
        with transaction.atomic():
            # The conditional update is the guard: of two workers, only one sees a row change.
            guard = Complaint.objects.filter(AWAITING_UNIT, pk=pk, warned_at__isnull=True, due_at__gt=now)
            if not guard.update(warned_at=now, updated_at=now):
                continue
            current = Complaint.objects.get(pk=pk)
            local_due = current.due_at.astimezone(current.local_zone)
            record_event(
                current, EventKind.WARNED, at=now, label=SYSTEM, to_unit=current.handling_unit,
                note=WARNING_NOTE.format(percent=round(fraction * 100), due=f"{local_due:%d-%m-%Y %H:%M}"),
                data={"fraction": fraction, "due_at": current.due_at.isoformat()},
            )
            warned += 1
    return warned
