"""The case file over the API (SPEC R17–R19): the investigation log, the steps of the complaint's PKH
type, the payment recommendation, and master-data change requests with their approval.

Like aduan/api/handling.py: find the complaint among those the caller may see (404 otherwise), check
the caller's role (403), call one action of aduan.casework.actions; its refusals are 400/409.
Writing to the case file takes the role that follows a complaint up (the unit holding it); the
decision on master data is the Pejabat Pengelola of UPPKH Pusat's alone (SPEC R19).
"""

from datetime import datetime

from django.http import Http404
from ninja import Field, Path, Router, Schema, Status

from aduan.api import scopes
from aduan.api.errors import Error, Forbidden
from aduan.api.handling import ACTION_ERRORS, _authorise, _visible
from aduan.api.schemas import In
from aduan.casework import actions as casework
from aduan.casework.models import (
    ChangeStatus,
    ChecklistStep,
    EntryKind,
    InvestigationEntry,
    MasterDataChangeRequest,
    Source,
)
from aduan.casework.selectors import payment_cluster, payment_recommendation
from aduan.core import privacy
from aduan.core.access import Ability, NotAllowed, complaints_visible_to, may_see_identity
from aduan.core.models import Complaint

router = Router(tags=["casework"])

REQUEST_NOT_FOUND = "Usulan perubahan data induk tidak ditemukan."
MAX_ID = 2**63 - 1  # a bigint primary key
MAX_STEP = 32767  # PositiveSmallIntegerField
READ_ERRORS = {404: Error, 422: Error}


# --- Schemas ------------------------------------------------------------------------------------

class InvestigationIn(In):
    kind: EntryKind = Field(..., description="wawancara, bukti or catatan.")
    source: Source | None = Field(None, description="Whom the interview was with, or where the evidence came from.")
    with_whom: str = Field("", max_length=200, description="Name/position interviewed, or the evidence's origin.")
    text: str = Field(..., max_length=5000)


class InvestigationOut(Schema):
    id: int
    kind: str
    kind_label: str
    source: str
    with_whom: str
    text: str
    attachment_id: int | None
    author: str | None
    at: datetime


class StepOut(Schema):
    order: int
    text: str
    done: bool
    done_at: datetime | None
    done_by: str | None
    note: str


class StepIn(In):
    done: bool = Field(True, description="true marks the step done; false takes it back.")
    note: str = Field("", max_length=300)


class RelatedComplaint(Schema):
    tracking_number: str
    status: str
    received_at: datetime
    location_code: str | None
    location_name: str | None


class RecommendationOut(Schema):
    recommendation: str | None = Field(None, description="SPEC R18's advice, when at least 2 people report it.")
    people: int | None = Field(None, description="How many people reported it, when a recommendation is made.")
    related: list[RelatedComplaint]


class MasterDataIn(In):
    field_name: str = Field(..., max_length=100, description="The data to change, e.g. nama ibu, komponen, alamat.")
    proposed_value: str = Field(..., max_length=300)
    current_value: str = Field("", max_length=300)
    reason: str = Field(..., max_length=2000)
    beneficiary_nik: str = Field("", pattern=r"^(\d{16})?$", description="The beneficiary's 16-digit NIK.")


class MasterDataOut(Schema):
    id: int
    complaint: str
    beneficiary_nik: str
    field_name: str
    current_value: str
    proposed_value: str
    reason: str
    status: str
    requested_by: str | None
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str


class ApprovalIn(In):
    approve: bool
    note: str = Field("", max_length=2000)


# --- Helpers ------------------------------------------------------------------------------------

def _name(user) -> str | None:
    return user.get_username() if user is not None else None


def entry_dict(entry: InvestigationEntry) -> dict:
    return {
        "id": entry.pk, "kind": entry.kind, "kind_label": entry.get_kind_display(), "source": entry.source,
        "with_whom": entry.with_whom, "text": entry.text, "attachment_id": entry.attachment_id,
        "author": _name(entry.author), "at": entry.at,
    }


def step_dict(step: ChecklistStep) -> dict:
    return {"order": step.order, "text": step.text, "done": step.done_at is not None, "done_at": step.done_at,
            "done_by": _name(step.done_by), "note": step.note}


def request_dict(change: MasterDataChangeRequest, user, *, approver: bool | None = None) -> dict:
    # The beneficiary's NIK is personal data: masked like the reporter's wherever the identity is.
    nik = change.beneficiary_nik
    if approver is None:
        approver = casework.may_approve_master_data(user)
    if not approver and not may_see_identity(user, change.complaint):
        nik = privacy.mask_number(nik)
    return {
        "id": change.pk, "complaint": change.complaint.tracking_number, "beneficiary_nik": nik,
        "field_name": change.field_name, "current_value": change.current_value,
        "proposed_value": change.proposed_value, "reason": change.reason, "status": change.status,
        "requested_by": _name(change.requested_by), "requested_at": change.requested_at,
        "decided_by": _name(change.decided_by), "decided_at": change.decided_at,
        "decision_note": change.decision_note,
    }


def _may_write(request, complaint: Complaint) -> None:
    """Case work is part of following the complaint up: the unit holding it (SPEC R14)."""
    _authorise(request, Ability.FOLLOW_UP, complaint)


def related_complaints(user, complaint: Complaint) -> list[Complaint]:
    """The same-kecamatan payment complaints, as far as the caller may see them."""
    cluster = payment_cluster(complaint)
    return list(complaints_visible_to(user).filter(pk__in=cluster.values("pk"))
                .select_related("region").order_by("received_at"))


def requests_decidable_by(user):
    """The caller sees a request through its complaint, and UPPKH Pusat's Pejabat Pengelola sees
    every request, since every request is theirs to decide (SPEC R19)."""
    requests = MasterDataChangeRequest.objects.select_related("complaint", "requested_by", "decided_by")
    if casework.may_approve_master_data(user):
        return requests
    return requests.filter(complaint__in=complaints_visible_to(user))


# --- Investigation (SPEC R17) ------------------------------------------------------------------

@router.get("/complaints/{tracking_number}/investigation", response={200: list[InvestigationOut], **READ_ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_investigation(request, tracking_number: str):
    """Interviews, evidence and notes of the investigation, oldest first."""
    complaint = _visible(request, tracking_number)
    return [entry_dict(e) for e in complaint.investigation_entries.select_related("author")]


@router.post("/complaints/{tracking_number}/investigation", response={201: InvestigationOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def add_investigation(request, tracking_number: str, payload: InvestigationIn):
    """Record an interview (with whom), a piece of evidence, or a note."""
    complaint = _visible(request, tracking_number)
    _may_write(request, complaint)
    entry = casework.investigation_record(
        complaint=complaint, actor=request.user, kind=payload.kind.value, text=payload.text,
        source=payload.source.value if payload.source else "", with_whom=payload.with_whom,
    )
    return Status(201, entry_dict(entry))


# --- Checklist (SPEC R18) -------------------------------------------------------------------------

@router.get("/complaints/{tracking_number}/checklist", response={200: list[StepOut], **READ_ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_checklist(request, tracking_number: str):
    """The steps of the complaint's PKH type, given when it is disposed; empty for other programs."""
    complaint = _visible(request, tracking_number)
    return [step_dict(s) for s in complaint.checklist.select_related("done_by")]


@router.post("/complaints/{tracking_number}/checklist/{step_id}", response={200: StepOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def mark_step(request, tracking_number: str, payload: StepIn, step_id: int = Path(..., ge=1, le=MAX_STEP)):
    """Mark step `step_id` (its order, from 1) done, or take it back with `done: false`.
    Marking a done step done again, or undoing an open one, is a 409."""
    complaint = _visible(request, tracking_number)
    _may_write(request, complaint)
    act = casework.checklist_step_complete if payload.done else casework.checklist_step_reopen
    step = act(complaint=complaint, actor=request.user, order=step_id, note=payload.note)
    return step_dict(step)


# --- The payment rule (SPEC R18) ------------------------------------------------------------------

@router.get("/complaints/{tracking_number}/recommendations", response={200: RecommendationOut, **READ_ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def recommendations(request, tracking_number: str):
    """Other PKH payment complaints (pkh-4) from the same kecamatan within 30 days, and the advice
    to take it up with PT Pos when at least 2 people report it. `related` lists only complaints
    the caller may see; `people` counts them all."""
    complaint = _visible(request, tracking_number)
    recommendation = payment_recommendation(complaint)
    related = related_complaints(request.user, complaint)
    return {
        "recommendation": recommendation.text if recommendation else None,
        "people": recommendation.people if recommendation else None,
        "related": [{"tracking_number": c.tracking_number, "status": c.status, "received_at": c.received_at,
                     "location_code": c.region_id, "location_name": c.region.name if c.region_id else None}
                    for c in related],
    }


# --- Master data (SPEC R19) -----------------------------------------------------------------------

@router.get("/complaints/{tracking_number}/master-data-requests", response={200: list[MasterDataOut], **READ_ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_master_data_requests(request, tracking_number: str):
    complaint = _visible(request, tracking_number)
    requests = complaint.master_data_requests.select_related("complaint", "requested_by", "decided_by")
    approver = casework.may_approve_master_data(request.user)
    return [request_dict(r, request.user, approver=approver) for r in requests]


@router.post("/complaints/{tracking_number}/master-data-requests", response={201: MasterDataOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def request_master_data_change(request, tracking_number: str, payload: MasterDataIn):
    """Ask UPPKH Pusat to correct the master beneficiary data; it is pending until decided."""
    complaint = _visible(request, tracking_number)
    _may_write(request, complaint)
    change = casework.master_data_change_request(
        complaint=complaint, actor=request.user, field_name=payload.field_name,
        proposed_value=payload.proposed_value, current_value=payload.current_value, reason=payload.reason,
        beneficiary_nik=payload.beneficiary_nik,
    )
    return Status(201, request_dict(change, request.user))


@router.get("/master-data-requests", response={200: list[MasterDataOut], 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def pending_master_data_requests(request, status: ChangeStatus = ChangeStatus.PENDING):
    """The requests the caller may see (UPPKH Pusat's Pejabat Pengelola: all), pending by default."""
    requests = requests_decidable_by(request.user).filter(status=status).order_by("requested_at", "id")
    approver = casework.may_approve_master_data(request.user)
    return [request_dict(r, request.user, approver=approver) for r in requests[:500]]


@router.post("/master-data-requests/{request_id}/approval", response={200: MasterDataOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def decide_master_data_change(request, payload: ApprovalIn, request_id: int = Path(..., ge=1, le=MAX_ID)):
    """Approve (`approve: true`) or reject a request. Only the Pejabat Pengelola of UPPKH Pusat may
    (403 for anyone else, superusers included); a decided request is a 409."""
    change = requests_decidable_by(request.user).filter(pk=request_id).first()
    if change is None:
        raise Http404(REQUEST_NOT_FOUND)
    try:
        casework.master_data_change_decide(request=change, actor=request.user, approve=payload.approve,
                                           note=payload.note)
    except NotAllowed as refusal:
        raise Forbidden(refusal.message) from None
    change = requests_decidable_by(request.user).get(pk=change.pk)
    return request_dict(change, request.user)
