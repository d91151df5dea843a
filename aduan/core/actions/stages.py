"""A PKH complaint's stages and extensions (SPEC R13, R18, R19).

Each stage is marked done by the action that completes it (aduan.core.stages), or here by hand.
An extension — up to 1 month to correct the master data, up to 3 months for a service provider's
corrective action — is granted once of each kind, with a reason: it moves the due date (and the
open stages) on by its months, and the reporter is told the new date.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.actions.events import record_event
from aduan.core.actions.guard import locked, states, updated
from aduan.core.deadlines.rules import extended_due
from aduan.core.due_dates import working_calendar
from aduan.core.enums import EXTENSION_MONTHS, EventKind, Extension
from aduan.core.models import Complaint, ComplaintStage, Event
from aduan.core.workflow import Transition

NO_SUCH_STAGE = "Tahap ini tidak ada pada pengaduan ini."
STAGE_ALREADY_DONE = "Tahap ini sudah selesai."
STAGE_DONE_NOTE = "Tahap {order} selesai: {name}."
NOT_PKH = "Perpanjangan tenggat hanya berlaku untuk pengaduan PKH."
UNKNOWN_EXTENSION = "Jenis perpanjangan '{value}' tidak dikenal; pilih: {choices}."
ALREADY_EXTENDED = "Perpanjangan untuk {label} sudah pernah diberikan pada pengaduan ini."
EXTENDED_PUBLIC = "Penanganan diperpanjang {months} bulan untuk {reason}; tenggat baru {due}."
EXTENSION_REASONS = {Extension.MASTER_DATA: "perbaikan data induk",
                     Extension.SERVICE_PROVIDER: "tindakan korektif penyedia layanan"}


def complaint_complete_stage(*, complaint: Complaint, actor, order: int, note: str = "",
                             at: datetime | None = None) -> Complaint:
    """Mark one stage done by hand (the stages before it stay as they are)."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.COMPLETE_STAGE)
        before, after = states(current, Transition.COMPLETE_STAGE)
        stage = ComplaintStage.objects.filter(complaint=current, order=order).first()
        if stage is None:
            raise errors.ActionError(NO_SUCH_STAGE, field="order")
        if stage.done_at is not None:
            raise errors.ActionError(STAGE_ALREADY_DONE, field="order")
        ComplaintStage.objects.filter(pk=stage.pk).update(done_at=at)
        record_event(current, EventKind.STAGE_DONE, at=at, actor=actor, from_status=before, to_status=after,
                     note=note.strip() or STAGE_DONE_NOTE.format(order=order, name=stage.name),
                     data={"order": order, "stage": stage.name, "late": stage.due_at < at})
    return updated(current, complaint)


def complaint_extend(*, complaint: Complaint, actor, extension: str, reason: str, at: datetime | None = None) -> Complaint:
    reason = errors.required(reason, errors.EMPTY_REASON, field="reason")
    if extension not in Extension.values:
        choices = ", ".join(Extension.values)
        raise errors.ActionError(UNKNOWN_EXTENSION.format(value=extension, choices=choices), field="extension")
    kind = Extension(extension)
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.EXTEND)
        before, after = states(current, Transition.EXTEND)
        if current.program.code != "pkh":
            raise errors.ActionError(NOT_PKH, field="extension")
        if kind in granted_extensions(current):
            raise errors.ActionError(ALREADY_EXTENDED.format(label=EXTENSION_REASONS[kind]), field="extension")
        months = EXTENSION_MONTHS[kind]
        previous = current.due_at
        current.due_at = _extended(current, previous, months)
        current.warned_at = None  # a new deadline: its 75 % warning is owed again
        current.save(update_fields=["due_at", "warned_at", "updated_at"])
        for stage in ComplaintStage.objects.filter(complaint=current, done_at__isnull=True):
            ComplaintStage.objects.filter(pk=stage.pk).update(due_at=_extended(current, stage.due_at, months))
        local_due = current.due_at.astimezone(current.local_zone)
        record_event(
            current, EventKind.EXTENDED, at=at, actor=actor, from_status=before, to_status=after, note=reason,
            public_note=EXTENDED_PUBLIC.format(months=months, reason=EXTENSION_REASONS[kind], due=f"{local_due:%d-%m-%Y}"),
            data={"extension": kind.value, "months": months, "previous_due_at": previous.isoformat(),
                  "due_at": current.due_at.isoformat()},
        )
    return updated(current, complaint)


def granted_extensions(complaint: Complaint) -> list[Extension]:
    kinds = Event.objects.filter(complaint=complaint, kind=EventKind.EXTENDED).values_list("data__extension", flat=True)
    return [Extension(kind) for kind in kinds if kind in Extension.values]


def with_extensions(complaint: Complaint, due_at: datetime) -> datetime:
    """A recomputed due date (after a reclassification) keeps the extensions already granted."""
    for kind in granted_extensions(complaint):
        due_at = _extended(complaint, due_at, EXTENSION_MONTHS[kind])
    return due_at


def _extended(complaint: Complaint, due_at: datetime, months: int) -> datetime:
    return extended_due(due_at, months, working_calendar(), tz=complaint.local_zone)
