"""Writes to the case file. Each leaves a NOTE event on the complaint's timeline (officers only:
notes send the reporter nothing). Case work is part of following the complaint up: each write
re-checks, on the locked complaint, that the officer's unit still holds it (SPEC R14)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.casework.checklists import steps_for
from aduan.casework.models import ChangeStatus, ChecklistStep, EntryKind, InvestigationEntry, MasterDataChangeRequest
from aduan.core import errors
from aduan.core.access import Ability, NotAllowed
from aduan.core.actions.events import record_event
from aduan.core.actions.guard import locked
from aduan.core.attachments import attachment_add
from aduan.core.enums import EventKind
from aduan.core.models import Complaint
from aduan.organisation.models import Membership, Role

EMPTY_ENTRY = "Isi catatan investigasi tidak boleh kosong."
UNKNOWN_KIND = "Jenis catatan '{value}' tidak dikenal. Pilih: wawancara, bukti, catatan."
UNKNOWN_STEP = "Langkah {order} tidak ada pada daftar langkah pengaduan ini."
STEP_ALREADY_DONE = "Langkah ini sudah ditandai selesai."
STEP_NOT_DONE = "Langkah ini belum ditandai selesai."
EMPTY_CHANGE = "Data yang diubah dan nilai barunya wajib diisi."
ONLY_UPPKH_PUSAT = (
    "Perubahan data induk penerima hanya dapat disetujui oleh Pejabat Pengelola UPPKH Pusat (SPEC R19)."
)
ALREADY_DECIDED = "Usulan perubahan data ini sudah diputuskan."
APPROVER_UNIT = "uppkh-pusat"


def checklist_instantiate(*, complaint: Complaint) -> int:
    """Give a PKH complaint the steps of its type, once; returns how many steps were created."""
    steps = steps_for(complaint.topic.code if complaint.topic_id else None)
    if not steps or ChecklistStep.objects.filter(complaint=complaint).exists():
        return 0
    ChecklistStep.objects.bulk_create(
        ChecklistStep(complaint=complaint, topic_code=complaint.topic.code, order=i, text=text)
        for i, text in enumerate(steps, 1)
    )
    return len(steps)


def checklist_step_complete(*, complaint: Complaint, actor, order: int, note: str = "", at: datetime | None = None) -> ChecklistStep:
    at = at or timezone.now()
    with transaction.atomic():
        locked(complaint, actor=actor, ability=Ability.FOLLOW_UP)
        step = ChecklistStep.objects.select_for_update().filter(complaint=complaint, order=order).first()
        if step is None:
            raise errors.ActionError(UNKNOWN_STEP.format(order=order), field="order")
        if step.done_at is not None:
            raise errors.ActionError(STEP_ALREADY_DONE, code="conflict")
        step.done_at, step.done_by, step.note = at, actor, note.strip()
        step.save(update_fields=["done_at", "done_by", "note"])
        record_event(complaint, EventKind.NOTE, at=at, actor=actor, to_unit=complaint.handling_unit,
                     note=f"Langkah {order} selesai: {step.text}" + (f" — {step.note}" if step.note else ""),
                     data={"casework": "checklist", "order": order})
    return step


def checklist_step_reopen(*, complaint: Complaint, actor, order: int, note: str = "",
                          at: datetime | None = None) -> ChecklistStep:
    """Take back a step marked done by mistake; the note says why, and the timeline keeps both."""
    at = at or timezone.now()
    with transaction.atomic():
        locked(complaint, actor=actor, ability=Ability.FOLLOW_UP)
        step = ChecklistStep.objects.select_for_update().filter(complaint=complaint, order=order).first()
        if step is None:
            raise errors.ActionError(UNKNOWN_STEP.format(order=order), field="order")
        if step.done_at is None:
            raise errors.ActionError(STEP_NOT_DONE, code="conflict")
        step.done_at, step.done_by, step.note = None, None, note.strip()
        step.save(update_fields=["done_at", "done_by", "note"])
        record_event(complaint, EventKind.NOTE, at=at, actor=actor, to_unit=complaint.handling_unit,
                     note=f"Langkah {order} dibuka kembali: {step.text}" + (f" — {step.note}" if step.note else ""),
                     data={"casework": "checklist", "order": order, "done": False})
    return step


def investigation_record(*, complaint: Complaint, actor, kind: str, text: str, source: str = "", with_whom: str = "",
                         file=None, at: datetime | None = None) -> InvestigationEntry:
    """SPEC R17: an interview (with whom) or a piece of evidence, with an optional file."""
    text = errors.required(text, EMPTY_ENTRY, field="text")
    if kind not in EntryKind.values:
        raise errors.ActionError(UNKNOWN_KIND.format(value=kind), field="kind")
    at = at or timezone.now()
    with transaction.atomic():
        locked(complaint, actor=actor, ability=Ability.FOLLOW_UP)
        attachment = None
        if file is not None:
            # The same checks as every other upload: size, and the kind read from the bytes.
            attachment = attachment_add(complaint=complaint, file=file, original_name=getattr(file, "name", "lampiran"),
                                        uploaded_by=actor, description=f"Investigasi: {with_whom or kind}")
        entry = InvestigationEntry.objects.create(
            complaint=complaint, kind=kind, source=source, with_whom=with_whom.strip(), text=text,
            attachment=attachment, author=actor, at=at,
        )
        record_event(complaint, EventKind.NOTE, at=at, actor=actor, to_unit=complaint.handling_unit,
                     note=f"{entry.get_kind_display()}" + (f" dengan {entry.with_whom}" if entry.with_whom else "")
                     + f": {text}", data={"casework": "investigation", "entry": entry.pk})
    return entry


def master_data_change_request(*, complaint: Complaint, actor, field_name: str, proposed_value: str, reason: str,
                               current_value: str = "", beneficiary_nik: str = "",
                               at: datetime | None = None) -> MasterDataChangeRequest:
    if not (field_name or "").strip() or not (proposed_value or "").strip():
        raise errors.ActionError(EMPTY_CHANGE, field="field_name")
    if not (reason or "").strip():
        raise errors.ActionError(errors.EMPTY_REASON, field="reason")
    at = at or timezone.now()
    with transaction.atomic():
        locked(complaint, actor=actor, ability=Ability.FOLLOW_UP)
        request = MasterDataChangeRequest.objects.create(
            complaint=complaint, beneficiary_nik=beneficiary_nik, field_name=field_name.strip(),
            current_value=current_value.strip(), proposed_value=proposed_value.strip(), reason=reason.strip(),
            requested_by=actor, requested_at=at,
        )
        record_event(complaint, EventKind.NOTE, at=at, actor=actor, to_unit=complaint.handling_unit,
                     note=f"Usulan perubahan data induk ({request.field_name}) dikirim ke UPPKH Pusat.",
                     data={"casework": "master_data", "request": request.pk, "status": request.status})
    return request


def may_approve_master_data(user) -> bool:
    return Membership.objects.filter(user=user, unit__code=APPROVER_UNIT, role=Role.PEJABAT_PENGELOLA).exists()


def master_data_change_decide(*, request: MasterDataChangeRequest, actor, approve: bool, note: str = "",
                              at: datetime | None = None) -> MasterDataChangeRequest:
    """SPEC R19: only the Pejabat Pengelola of UPPKH Pusat decides; not even a superuser stands in."""
    if actor is None or not may_approve_master_data(actor):
        raise NotAllowed(ONLY_UPPKH_PUSAT)
    at = at or timezone.now()
    with transaction.atomic():
        current = MasterDataChangeRequest.objects.select_for_update().get(pk=request.pk)
        if current.status != ChangeStatus.PENDING:
            raise errors.ActionError(ALREADY_DECIDED, code="conflict")
        current.status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
        current.decided_by, current.decided_at, current.decision_note = actor, at, note.strip()
        current.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        record_event(current.complaint, EventKind.NOTE, at=at, actor=actor,
                     note=f"Usulan perubahan data induk ({current.field_name}) {current.get_status_display().lower()}"
                     + (f": {current.decision_note}" if current.decision_note else "."),
                     data={"casework": "master_data", "request": current.pk, "status": current.status})
    request.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return request
