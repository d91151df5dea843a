"""Handling across units (SPEC R14–R20, R25): the caller's complaint list, the moves between units,
follow-ups, rebuttals, closure, and the units themselves.

Each write endpoint parses, finds the complaint among those the caller may see (404 otherwise),
checks the caller's role (403, aduan.core.access), calls one action, and answers with
the complaint as it now is (201).
"""

from datetime import datetime
from typing import Literal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from aduan.api import complaints, scopes
from aduan.api.errors import Error, Forbidden
from aduan.api.lookups import unit_named
from aduan.api.schemas import ComplaintOut, EventOut, In, SeverityName, StatusName
from aduan.api.serializers import complaint_dict, event_dict, with_related
from aduan.core import actions, clusters, errors
from aduan.core.access import Ability, NotAllowed, complaints_visible_to, readable_text, require
from aduan.core.duplicates import possible_duplicates
from aduan.core.models import Complaint
from aduan.core.selectors import ComplaintFilters, complaint_page
from aduan.core.tracking import normalize_tracking_number
from aduan.organisation.models import Unit, UnitKind
from aduan.organisation.routing import propose_unit
from aduan.regions.timezones import zone_for

router = Router(tags=["handling"])

UNKNOWN_OFFICER = "Petugas '{value}' tidak ditemukan."
UNIT_NOT_FOUND = "Unit tidak ditemukan."
NOTHING_TO_CLASSIFY = "Kirim minimal satu dari: program, category_type, topic, severity, location_code."
MAX_PAGE = 200
ACTION_ERRORS = {400: Error, 403: Error, 404: Error, 409: Error, 422: Error}


# --- Schemas ------------------------------------------------------------------------------------

class DispositionIn(In):
    to_unit: str | None = Field(None, description="Unit code; without it the proposed unit is used.", max_length=60)
    note: str = Field("", max_length=2000)


class ReasonIn(In):
    reason: str = Field(..., max_length=2000)


class EscalationIn(ReasonIn):
    to_unit: str | None = Field(None, description="A unit further up the ladder; default: the next level.",
                                max_length=60)


class FollowUpIn(In):
    answer: str = Field(..., max_length=5000, description="What the reporter is told.")
    internal_note: str = Field("", max_length=5000)


class DeskAnswerIn(In):
    answer: str = Field(..., max_length=5000, description="The explanation or solution the reporter was given.")


class ReferralIn(In):
    officer: str = Field(..., max_length=150, description="The username of the unit's sub koordinator or Pejabat Pengelola.")
    note: str = Field(..., max_length=2000, description="The problem, for them to decide.")


class AssignmentIn(In):
    officer: str | None = Field(..., max_length=150, description="The officer's username; null takes the assignment back.")
    note: str = Field("", max_length=2000)


class ExtensionIn(ReasonIn):
    extension: Literal["data_induk", "penyedia_layanan"] = Field(
        ..., description="'data_induk': 1 month to correct the master data; 'penyedia_layanan': 3 months for a "
                         "service provider's corrective action (SPEC R13).")


class AnnouncementAnswerIn(In):
    answer: Literal["juga_diterima", "tidak_diterima"]
    own_number: str = Field("", max_length=20, description="The district's own record of the same complaint.")
    note: str = Field("", max_length=2000)


class RebuttalIn(In):
    text: str = Field(..., max_length=5000)


class ClassificationIn(In):
    """Any of the fields; what is left out stays as it is. `""` clears the category type or topic."""

    program: str | None = Field(None, max_length=20, examples=["bpnt"])
    category_type: str | None = Field(None, max_length=40, examples=["keluhan"])
    topic: str | None = Field(None, max_length=40, examples=["bpnt-3"])
    severity: SeverityName | None = None
    location_code: str | None = Field(None, max_length=13, description="An official region (Kemendagri code).",
                                      examples=["35.06.10.2005"])


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    region: str | None
    parent: str | None
    address: str
    phone: str
    whatsapp: str
    email: str
    website: str
    social_media: str


class ComplaintListItem(Schema):
    tracking_number: str
    register_number: str
    status: StatusName
    severity: SeverityName
    program: str
    topic: str | None
    channel: str
    excerpt: str
    received_at: datetime
    due_at: datetime
    overdue: bool
    location_code: str | None
    location_name: str | None
    receiving_unit: str
    handling_unit: str | None
    assigned_to: str | None
    anonymous: bool
    confidential: bool


class ComplaintPageOut(Schema):
    items: list[ComplaintListItem]
    next_cursor: str | None


class ListQuery(Schema):
    status: StatusName | None = None
    severity: SeverityName | None = None
    program: str | None = None
    region: str | None = Field(None, description="A region code: complaints in it and below it.")
    overdue: bool | None = None
    handling_unit: str | None = Field(None, description="A unit code.")
    assigned_to_me: bool = False
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=MAX_PAGE)


# --- Helpers ------------------------------------------------------------------------------------

def unit_dict(unit: Unit) -> dict:
    return {
        "code": unit.code, "name": unit.name, "kind": unit.kind, "region": unit.region_id,
        "parent": unit.parent.code if unit.parent_id else None, "address": unit.address, "phone": unit.phone,
        "whatsapp": unit.whatsapp, "email": unit.email, "website": unit.website, "social_media": unit.social_media,
    }


def list_item(complaint: Complaint, user, now: datetime) -> dict:
    zone = zone_for(complaint.region_id)
    return {
        "tracking_number": complaint.tracking_number,
        "register_number": complaint.register_number,
        "status": complaint.status,
        "severity": complaint.severity,
        "program": complaint.program.code,
        "topic": complaint.topic.code if complaint.topic_id else None,
        "channel": complaint.channel,
        "excerpt": readable_text(user, complaint)[:160],
        "received_at": complaint.received_at.astimezone(zone),
        "due_at": complaint.due_at.astimezone(zone),
        "overdue": complaint.is_overdue(now),
        "location_code": complaint.region_id,
        "location_name": complaint.region.name if complaint.region_id else None,
        "receiving_unit": complaint.receiving_unit.code,
        "handling_unit": complaint.handling_unit.code if complaint.handling_unit_id else None,
        "assigned_to": complaint.assigned_to.get_username() if complaint.assigned_to_id else None,
        "anonymous": complaint.anonymous,
        "confidential": complaint.confidential,
    }


def _visible(request, tracking_number: str) -> Complaint:
    normalized = normalize_tracking_number(tracking_number)
    complaint = normalized and (complaints_visible_to(request.user)
                                .select_related("program", "topic", "receiving_unit", "handling_unit")
                                .filter(tracking_number=normalized).first())
    if not complaint:
        raise Http404
    return complaint


def _officer(username: str):
    officer = get_user_model().objects.filter(username=username, is_active=True).first()
    if officer is None:
        raise errors.ActionError(UNKNOWN_OFFICER.format(value=username), field="officer")
    return officer


def _authorise(request, ability: Ability, complaint: Complaint, to_unit: Unit | None = None) -> None:
    try:
        require(request.user, ability, complaint, to_unit=to_unit)
    except NotAllowed as refusal:
        raise Forbidden(refusal.message) from None


def _answer(request, complaint: Complaint):
    fresh = with_related(Complaint.objects).get(pk=complaint.pk)
    return Status(201, complaint_dict(fresh, request.user))


# --- The list ----------------------------------------------------------------------------------

# Registered on the complaints router: GET and POST /complaints must share one URL pattern.
@complaints.router.get("/complaints", response={200: ComplaintPageOut, 400: Error, 422: Error}, tags=["handling"])
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_complaints(request, query: Query[ListQuery]):
    """The complaints the caller may see, soonest deadline first, one page at a time.

    Pass `next_cursor` back as `cursor` for the next page; it is null on the last page.
    `overdue=true`: past the due date with no answer awaiting the reporter's objection."""
    now = timezone.now()
    filters = ComplaintFilters(
        status=query.status, severity=query.severity, program=query.program, region=query.region,
        overdue=query.overdue, handling_unit=query.handling_unit, assigned_to_me=query.assigned_to_me,
    )
    page = complaint_page(request.user, filters, cursor=query.cursor, limit=query.limit, now=now)
    return {"items": [list_item(c, request.user, now) for c in page.items], "next_cursor": page.next_cursor}


# --- Reads on one complaint -------------------------------------------------------------------

@router.get("/complaints/{tracking_number}/events", response={200: list[EventOut], 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_events(request, tracking_number: str):
    """The timeline: every receipt, hop, answer, rebuttal, warning and closure, oldest first."""
    complaint = _visible(request, tracking_number)
    zone = complaint.local_zone
    events = complaint.events.select_related("from_unit", "to_unit").order_by("at", "id")
    return [event_dict(e, zone) for e in events]


@router.get("/complaints/{tracking_number}/proposed-unit", response={200: UnitOut, 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def proposed_unit(request, tracking_number: str):
    """The unit with authority over the complaint's topic and region (SPEC R14), seen from the unit
    holding it now: a province's proposal is the kab/kota where the complaint is located."""
    complaint = _visible(request, tracking_number)
    unit = propose_unit(complaint)
    return unit_dict(Unit.objects.select_related("parent").get(pk=unit.pk))


# --- Writes -------------------------------------------------------------------------------------

@router.post("/complaints/{tracking_number}/dispositions", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def dispose(request, tracking_number: str, payload: DispositionIn):
    """Forward the complaint to a unit (`to_unit`), or to the proposed unit when none is given."""
    complaint = _visible(request, tracking_number)
    to_unit = unit_named(payload.to_unit, field="to_unit") if payload.to_unit else propose_unit(complaint)
    _authorise(request, Ability.DISPOSE, complaint, to_unit)
    actions.complaint_dispose(complaint=complaint, actor=request.user, to_unit=to_unit, note=payload.note)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/returns", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def return_complaint(request, tracking_number: str, payload: ReasonIn):
    """Send a complaint that is not the unit's back to the unit that sent it."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.RETURN, complaint)
    actions.complaint_return(complaint=complaint, actor=request.user, reason=payload.reason)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/follow-ups", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def follow_up(request, tracking_number: str, payload: FollowUpIn):
    """The unit's answer (tindak lanjut); the reporter may rebut it within the closure window."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.FOLLOW_UP, complaint)
    actions.complaint_follow_up(complaint=complaint, actor=request.user, answer=payload.answer,
                                internal_note=payload.internal_note)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/desk-answer", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def answer_at_desk(request, tracking_number: str, payload: DeskAnswerIn):
    """A simple case settled with the reporter there (face to face or by phone): answered and closed."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.ANSWER_AT_DESK, complaint)
    actions.complaint_answer_at_desk(complaint=complaint, actor=request.user, answer=payload.answer)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/referral", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def refer(request, tracking_number: str, payload: ReferralIn):
    """The desk refers a case it cannot settle to the unit's sub koordinator, with a note."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.REFER, complaint)
    actions.complaint_refer(complaint=complaint, actor=request.user, officer=_officer(payload.officer), note=payload.note)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/rebuttals", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def rebut(request, tracking_number: str, payload: RebuttalIn):
    """Record the reporter's rebuttal (sanggahan) received by an officer."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.REBUT, complaint)
    actions.complaint_rebut(complaint=complaint, text=payload.text, actor=request.user)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/classification", response={200: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def classify(request, tracking_number: str, payload: ClassificationIn):
    """Set or correct program, category type, topic, severity (the due date follows) and the place."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.CLASSIFY, complaint)
    change = actions.Classification(program=payload.program, category_type=payload.category_type,
                                    topic=payload.topic, severity=payload.severity)
    classifies = change != actions.Classification()
    if not classifies and payload.location_code is None:
        raise errors.ActionError(NOTHING_TO_CLASSIFY)
    with transaction.atomic():  # all of it or none of it
        if classifies:
            actions.complaint_classify(complaint=complaint, actor=request.user, change=change)
        if payload.location_code is not None:
            actions.complaint_locate(complaint=complaint, actor=request.user, region_code=payload.location_code)
    fresh = with_related(Complaint.objects).get(pk=complaint.pk)
    return Status(200, complaint_dict(fresh, request.user))


@router.post("/complaints/{tracking_number}/escalations", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def escalate(request, tracking_number: str, payload: EscalationIn):
    """Raise the complaint to the next level (SPEC R16), or to `to_unit` further up the ladder."""
    complaint = _visible(request, tracking_number)
    to_unit = unit_named(payload.to_unit, field="to_unit") if payload.to_unit else None
    _authorise(request, Ability.ESCALATE, complaint)
    actions.complaint_escalate(complaint=complaint, actor=request.user, reason=payload.reason, to_unit=to_unit)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/closures", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def close(request, tracking_number: str, payload: ReasonIn):
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.CLOSE, complaint)
    actions.complaint_close(complaint=complaint, actor=request.user, reason=payload.reason)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/reopenings", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def reopen(request, tracking_number: str, payload: ReasonIn):
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.REOPEN, complaint)
    actions.complaint_reopen(complaint=complaint, actor=request.user, reason=payload.reason)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/assignment", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def assign(request, tracking_number: str, payload: AssignmentIn):
    """The handling unit's head assigns the complaint to one of its officers (who is told)."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.ASSIGN, complaint)
    officer = None if payload.officer is None else _officer(payload.officer)
    actions.complaint_assign(complaint=complaint, actor=request.user, officer=officer, note=payload.note)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/stages/{order}/done", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def complete_stage(request, tracking_number: str, order: int):
    """Mark a stage of a staged (PKH) deadline done by hand."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.COMPLETE_STAGE, complaint)
    actions.complaint_complete_stage(complaint=complaint, actor=request.user, order=order)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/extensions", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def extend(request, tracking_number: str, payload: ExtensionIn):
    """Extend a PKH complaint's deadline once for each reason; the reporter is told the new date."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.EXTEND, complaint)
    actions.complaint_extend(complaint=complaint, actor=request.user, extension=payload.extension,
                             reason=payload.reason)
    return _answer(request, complaint)


@router.post("/complaints/{tracking_number}/announcement-answer", response={201: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def answer_announcement(request, tracking_number: str, payload: AnnouncementAnswerIn):
    """SPEC R20: the kabupaten/kota says whether it received the same complaint too."""
    complaint = _visible(request, tracking_number)
    _authorise(request, Ability.ANSWER_ANNOUNCEMENT, complaint)
    actions.complaint_answer_announcement(complaint=complaint, actor=request.user, answer=payload.answer,
                                          own_number=payload.own_number, note=payload.note)
    return _answer(request, complaint)


# --- Units ------------------------------------------------------------------------------------

@router.get("/units", response={200: list[UnitOut], 422: Error})
def list_units(request, kind: UnitKind | None = None, region: str | None = None, q: str | None = None,
               limit: int = Query(500, ge=1, le=2000)):
    """Complaint units and their public channels (SPEC R31). `region`: units of that region and
    below (`35` gives Jawa Timur's province and kab/kota units); `q` searches code and name."""
    units = Unit.objects.filter(is_active=True).select_related("parent")
    if kind:
        units = units.filter(kind=kind)
    if region:
        code = region.strip().rstrip(".")
        units = units.filter(Q(region_id=code) | Q(region__code__startswith=code + "."))
    if q:
        units = units.filter(Q(name__icontains=q.strip()) | Q(code__icontains=q.strip()))
    return [unit_dict(u) for u in units.order_by("code")[:limit]]


@router.get("/units/{code}", response={200: UnitOut, 404: Error})
def get_unit(request, code: str):
    unit = Unit.objects.select_related("parent").filter(code=code.lower()).first()
    if unit is None:
        raise Http404(UNIT_NOT_FOUND)
    return unit_dict(unit)



# --- Duplicates, links and clusters (issue 10) ------------------------------------------------


class DuplicateOut(Schema):
    tracking_number: str
    status: StatusName
    received_at: datetime
    score: int = Field(..., description="How alike the texts are, 0–100 (60 and above is shown).")
    text: str = Field(..., description="The other complaint's text as the caller may read it (160 characters).")


class LinkIn(In):
    with_: str = Field(..., alias="with", max_length=20, examples=["ABCDE-23456"])


class HotspotOut(Schema):
    topic: str
    topic_name: str
    program: str
    area_code: str
    area_name: str
    complaints: int
    people: int
    first_at: datetime
    last_at: datetime
    recommendation: str


class ClustersOut(Schema):
    days: int
    clusters: list[HotspotOut]
    across_kabupaten: list[str]


@router.get("/complaints/{tracking_number}/duplicates", response={200: list[DuplicateOut], 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def duplicates(request, tracking_number: str):
    """Possible duplicates: the same reporter (phone, NIK or KKS) with a similar text within 30 days,
    among what the caller may see; those already linked are left out."""
    complaint = _visible(request, tracking_number)
    return [{"tracking_number": d.complaint.tracking_number, "status": d.complaint.status,
             "received_at": d.complaint.received_at, "score": d.score, "text": d.excerpt}
            for d in possible_duplicates(complaint, request.user)]


@router.post("/complaints/{tracking_number}/links", response={200: ComplaintOut, **ACTION_ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def link(request, tracking_number: str, payload: LinkIn):
    """Link two complaints about the same problem: an event on each, neither merged nor closed."""
    complaint = _visible(request, tracking_number)
    other = _visible(request, payload.with_)
    _authorise(request, Ability.CLASSIFY, complaint)
    actions.complaint_link(complaint=complaint, actor=request.user, other=other)
    fresh = with_related(Complaint.objects).get(pk=complaint.pk)
    return Status(200, complaint_dict(fresh, request.user))


@router.get("/clusters", response={200: ClustersOut, 400: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_clusters(request, days: int = clusters.DAYS):
    """The same problem (topic) in the same area within `days` (at most 365), reported by at least
    two people, among the complaints the caller may see: BPNT per desa, Rastra per kabupaten/kota,
    PKH per kecamatan; and the topics reported so in several kabupaten/kota of one province."""
    if not 1 <= days <= 365:
        raise errors.ActionError("days harus antara 1 dan 365.", field="days")
    spots, across = clusters.hotspots(complaints_visible_to(request.user), days=days)
    return {"days": days, "across_kabupaten": across,
            "clusters": spots}
