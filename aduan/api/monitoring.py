"""Aid-delivery monitoring cases (SPEC R24): open one (typed, or from a complaint), list and read
them, tick requirements, record contacts, and close one with the aid received."""

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from aduan.api import scopes
from aduan.api.complaints import get_visible
from aduan.api.errors import Error
from aduan.api.lookups import unit_or_own
from aduan.api.schemas import In
from aduan.core import errors
from aduan.monitoring import actions
from aduan.monitoring.access import cases_visible_to, family_shown, monitoring_units
from aduan.monitoring.models import ContactKind, DeliveryChannel, MonitoringCase, Requirement
from aduan.organisation.models import Unit
from aduan.taxonomy.models import Program

router = Router(tags=["monitoring"])
NUMBER = r"^PMT-\d{1,12}$"
NO_UNIT = "Akun ini bukan petugas Dinas Sosial; sebutkan unit pemantau (`unit`)."
UNKNOWN_PROGRAM = "Program '{value}' tidak dikenal."
PAGE = 200


class FamilyIn(In):
    name: str = Field(..., max_length=150)
    nik: str = Field("", max_length=24)
    no_kk: str = Field("", max_length=24)
    kks_number: str = Field("", max_length=24)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=300)
    location_code: str = Field("", max_length=13, description="The desa/kelurahan's Kemendagri code.")


class CaseIn(In):
    unit: str | None = Field(None, max_length=60, description="The monitoring unit's code; default: your Dinas Sosial.")
    program: str = Field(..., max_length=20)
    family: FamilyIn
    problem: str = Field(..., max_length=5000)


class FromComplaintIn(In):
    unit: str | None = Field(None, max_length=60)


class RequirementsIn(In):
    ktp: bool | None = None
    kk: bool | None = None
    dtks: bool | None = None
    sp2d: bool | None = None
    akun_ibu: bool | None = None
    kks: bool | None = None


class ContactIn(In):
    kind: Literal[tuple(ContactKind.values)]
    note: str = Field(..., max_length=5000)
    with_whom: str = Field("", max_length=200)
    at: datetime | None = None


class ReceivedIn(In):
    on: date
    amount: int = Field(..., ge=1, le=1_000_000_000)
    channel: Literal[tuple(DeliveryChannel.values)]
    note: str = Field("", max_length=2000)


class ContactOut(Schema):
    kind: str
    at: datetime
    with_whom: str
    note: str
    officer: str


class CaseOut(Schema):
    number: str
    unit: str
    program: str
    complaint: str | None
    status: str
    family: dict
    problem: str
    requirements: dict[str, bool]
    opened_at: datetime
    age_days: int
    received: dict | None
    contacts: list[ContactOut]


def case_dict(user, case: MonitoringCase, *, with_contacts: bool = True) -> dict:
    shown = family_shown(user, case)
    family = {key: value for key, value in shown.items() if key != "whole"}
    family |= {"location_code": case.region_id or "", "masked": not shown["whole"]}
    zone = case.unit_zone
    until = case.closed_at or datetime.now(zone)
    return {
        "number": case.number, "unit": case.unit.code, "program": case.program.code,
        "complaint": case.complaint.tracking_number if case.complaint_id else None,
        "status": "terbuka" if case.is_open else "bantuan_diterima",
        "family": family, "problem": case.problem,
        "requirements": {code: met for code, _label, met in case.requirements_met()},
        "opened_at": case.opened_at,
        "age_days": (until.astimezone(zone).date() - case.opened_at.astimezone(zone).date()).days,
        "received": None if case.is_open else {"on": case.received_on, "amount": case.received_amount,
                                               "channel": case.received_channel, "note": case.received_note},
        "contacts": [{"kind": c.kind, "at": c.at, "with_whom": c.with_whom, "note": c.note,
                      "officer": (c.officer.get_full_name() or c.officer.get_username()) if c.officer else ""}
                     for c in case.contacts.select_related("officer")] if with_contacts else [],
    }


def _visible(request, number: str) -> MonitoringCase:
    try:
        pk = int(number.upper().removeprefix("PMT-"))
    except ValueError:
        raise Http404 from None
    case = cases_visible_to(request.user).select_related("unit", "program", "complaint").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def _unit(user, code: str | None) -> Unit:
    return unit_or_own(code, monitoring_units(user), missing=NO_UNIT)


@router.post("/monitoring", response={201: CaseOut, 400: Error, 403: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def open_case(request, payload: CaseIn):
    """Open a case for a family entitled to the aid that has not received it."""
    program = Program.objects.filter(code=payload.program.strip().lower()).first()
    if program is None:
        raise errors.ActionError(UNKNOWN_PROGRAM.format(value=payload.program), field="program")
    f = payload.family
    case = actions.case_open(
        unit=_unit(request.user, payload.unit), actor=request.user, program=program, problem=payload.problem,
        family=actions.Family(name=f.name, nik=f.nik, no_kk=f.no_kk, kks_number=f.kks_number, phone=f.phone,
                              address=f.address, region_code=f.location_code),
    )
    return Status(201, case_dict(request.user, case))


@router.post("/complaints/{tracking_number}/monitoring", response={201: CaseOut, 400: Error, 403: Error, 404: Error,
                                                                   409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def case_from_complaint(request, tracking_number: str, payload: FromComplaintIn):
    """Follow the reporter's family until the aid arrives; 409 when the complaint already has a case."""
    complaint = get_visible(request, tracking_number)
    case = actions.case_from_complaint(complaint=complaint, unit=_unit(request.user, payload.unit), actor=request.user)
    return Status(201, case_dict(request.user, case))


@router.get("/monitoring", response={200: list[CaseOut]})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_cases(request, status: Literal["terbuka", "bantuan_diterima", "semua"] = Query("terbuka")):
    """The cases you see, oldest first (at most 200; `status` terbuka, bantuan_diterima or semua)."""
    cases = cases_visible_to(request.user).select_related("unit", "program", "complaint").order_by("opened_at", "pk")
    if status != "semua":
        cases = cases.filter(closed_at__isnull=status == "terbuka")
    return [case_dict(request.user, case, with_contacts=False) for case in cases[:PAGE]]


@router.get("/monitoring/{number}", response={200: CaseOut, 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def read_case(request, number: str):
    return case_dict(request.user, _visible(request, number))


@router.post("/monitoring/{number}/requirements", response={200: CaseOut, 403: Error, 404: Error, 409: Error,
                                                            422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def set_requirements(request, number: str, payload: RequirementsIn):
    """Tick (true) or untick (false) the requirements named; those left out stay as they are."""
    met = {code: value for code, value in payload.model_dump().items() if value is not None and code in Requirement.values}
    case = actions.case_requirements(case=_visible(request, number), actor=request.user, met=met)
    return case_dict(request.user, case)


@router.post("/monitoring/{number}/contacts", response={201: CaseOut, 400: Error, 403: Error, 404: Error,
                                                        409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def add_contact(request, number: str, payload: ContactIn):
    case = _visible(request, number)
    actions.case_contact(case=case, actor=request.user, kind=payload.kind, note=payload.note,
                         with_whom=payload.with_whom, at=payload.at)
    return Status(201, case_dict(request.user, case))


@router.post("/monitoring/{number}/received", response={200: CaseOut, 400: Error, 403: Error, 404: Error,
                                                        409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def aid_received(request, number: str, payload: ReceivedIn):
    """The family has the aid: the case closes (the only way it does)."""
    case = actions.case_aid_received(case=_visible(request, number), actor=request.user, on=payload.on,
                                     amount=payload.amount, channel=payload.channel, note=payload.note)
    return case_dict(request.user, case)
