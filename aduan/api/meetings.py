"""Coordination meetings (SPEC R26): schedule one (the berat complaints of the Tikor's region on its
agenda by default), change the agenda and the attendance, record the minutes, send them to the
central unit once, and read the PDF as sent."""

from datetime import date, datetime
from typing import Literal

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from ninja import Field, Path, Query, Router, Schema, Status

from aduan.api import scopes
from aduan.api.errors import Error
from aduan.api.lookups import unit_or_own
from aduan.api.schemas import In
from aduan.core import errors
from aduan.meetings import actions, minutes
from aduan.meetings.access import meetings_visible_to, tikor_units
from aduan.meetings.models import AgendaItem, Meeting

router = Router(tags=["meetings"])
MAX_ID = 2**63 - 1  # a bigint primary key; larger numbers cannot name a row
PAGE = 200
NO_UNIT = "Akun ini bukan petugas Tim Koordinasi; sebutkan unitnya (`unit`)."
UNKNOWN_ITEM = "Agenda {value} tidak ada dalam rapat ini."


class MeetingIn(In):
    unit: str | None = Field(None, max_length=60, description="The Tikor's code; default: your own Tikor.")
    title: str = Field("", max_length=200)
    scheduled_for: datetime
    place: str = Field(..., max_length=200)


class AgendaIn(In):
    add: list[str] = Field([], max_length=100, description="Tracking numbers to put on the agenda.")
    remove: list[str] = Field([], max_length=100, description="Tracking numbers to take off.")


class AttendeeIn(In):
    name: str = Field(..., max_length=150)
    agency: str = Field(..., max_length=200)
    position: str = Field("", max_length=150)


class AttendanceIn(In):
    add: list[AttendeeIn] = Field([], max_length=200)
    remove: list[int] = Field([], max_length=200, description="Attendee ids to strike out.")


class MinutesIn(In):
    held_on: date
    summary: str = Field("", max_length=20000)
    recommendations: dict[str, str] = Field({}, description="Tracking number → the meeting's recommendation.")


class AgendaItemOut(Schema):
    complaint: str
    severity: str
    status: str
    by_default: bool
    recommendation: str


class AttendeeOut(Schema):
    id: int
    name: str
    agency: str
    position: str


class MeetingOut(Schema):
    id: int
    unit: str
    title: str
    scheduled_for: datetime
    place: str
    status: Literal["dijadwalkan", "dilaksanakan", "dikirim"]
    held_on: date | None
    summary: str
    agenda: list[AgendaItemOut]
    attendance: list[AttendeeOut]
    sent_at: datetime | None
    sent_to: str | None
    minutes_pdf_url: str | None


def _shown(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """With everything `meeting_dict` reads, in three queries however many meetings there are."""
    return meetings.select_related("unit", "sent_to").prefetch_related(
        Prefetch("agenda", queryset=AgendaItem.objects.select_related("complaint")), "attendance")


def meeting_dict(meeting: Meeting) -> dict:
    """A meeting read through `_shown`."""
    return {
        "id": meeting.pk, "unit": meeting.unit.code, "title": meeting.title, "scheduled_for": meeting.scheduled_for,
        "place": meeting.place, "held_on": meeting.held_on, "summary": meeting.summary,
        "status": "dikirim" if meeting.is_sent else "dilaksanakan" if meeting.held_on else "dijadwalkan",
        "agenda": [{"complaint": i.complaint.tracking_number, "severity": i.complaint.severity,
                    "status": i.complaint.status, "by_default": i.by_default, "recommendation": i.recommendation}
                   for i in meeting.agenda.all()],
        "attendance": [{"id": a.pk, "name": a.name, "agency": a.agency, "position": a.position}
                       for a in meeting.attendance.all()],
        "sent_at": meeting.sent_at, "sent_to": meeting.sent_to.code if meeting.sent_to_id else None,
        "minutes_pdf_url": f"/api/v1/meetings/{meeting.pk}/minutes.pdf" if meeting.minutes_pdf else None,
    }


def _visible(request, meeting_id: int) -> Meeting:
    meeting = _shown(meetings_visible_to(request.user)).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


MEETING_ID = Path(..., ge=1, le=MAX_ID)


@router.post("/meetings", response={201: MeetingOut, 400: Error, 403: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def schedule(request, payload: MeetingIn):
    """Schedule a meeting of a Tikor; its open berat and sangat berat complaints not yet discussed
    are on the agenda."""
    unit = unit_or_own(payload.unit, tikor_units(request.user), missing=NO_UNIT)
    meeting = actions.meeting_schedule(unit=unit, actor=request.user, title=payload.title,
                                       scheduled_for=payload.scheduled_for, place=payload.place)
    return Status(201, meeting_dict(_visible(request, meeting.pk)))


@router.get("/meetings", response={200: list[MeetingOut]})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_meetings(request, unit: str | None = Query(None, max_length=60)):
    """The meetings you see, the latest first (at most 200)."""
    meetings = _shown(meetings_visible_to(request.user))
    if unit:
        meetings = meetings.filter(unit__code=unit.strip().lower())
    return [meeting_dict(meeting) for meeting in meetings[:PAGE]]


@router.get("/meetings/{meeting_id}", response={200: MeetingOut, 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def read_meeting(request, meeting_id: int = MEETING_ID):
    return meeting_dict(_visible(request, meeting_id))


@router.post("/meetings/{meeting_id}/agenda", response={200: MeetingOut, 400: Error, 403: Error, 404: Error,
                                                        409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def change_agenda(request, payload: AgendaIn, meeting_id: int = MEETING_ID):
    """Put complaints on the agenda (of the Tikor's region, not there yet) or take them off — all of
    it or, when one is refused, none."""
    meeting = _visible(request, meeting_id)
    wanted = {number.strip().upper() for number in payload.remove}
    with transaction.atomic():
        for number in payload.add:
            actions.agenda_add(meeting=meeting, actor=request.user, tracking_number=number)
        for item in meeting.agenda.filter(complaint__tracking_number__in=wanted):  # as it is now, with those added
            actions.agenda_remove(meeting=meeting, actor=request.user, item_id=item.pk)
    return meeting_dict(_visible(request, meeting_id))


@router.post("/meetings/{meeting_id}/attendance", response={200: MeetingOut, 400: Error, 403: Error, 404: Error,
                                                            409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def change_attendance(request, payload: AttendanceIn, meeting_id: int = MEETING_ID):
    """Add people to the attendance list or strike them out — all of it or none."""
    meeting = _visible(request, meeting_id)
    with transaction.atomic():
        for person in payload.add:
            actions.attendee_add(meeting=meeting, actor=request.user, name=person.name, agency=person.agency,
                                 position=person.position)
        for attendee_id in payload.remove:
            actions.attendee_remove(meeting=meeting, actor=request.user, attendee_id=attendee_id)
    return meeting_dict(_visible(request, meeting_id))


@router.post("/meetings/{meeting_id}/minutes", response={200: MeetingOut, 400: Error, 403: Error, 404: Error,
                                                         409: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def record_minutes(request, payload: MinutesIn, meeting_id: int = MEETING_ID):
    """The day it met, the summary, and a recommendation per complaint on the agenda (by tracking
    number; those left out keep theirs)."""
    meeting = _visible(request, meeting_id)
    items = {item.complaint.tracking_number: item.pk for item in meeting.agenda.all()}
    recommendations = {}
    for number, text in payload.recommendations.items():
        if number.strip().upper() not in items:
            raise errors.ActionError(UNKNOWN_ITEM.format(value=number), field="recommendations")
        recommendations[items[number.strip().upper()]] = text
    actions.minutes_record(meeting=meeting, actor=request.user, held_on=payload.held_on,
                           summary=payload.summary, recommendations=recommendations)
    return meeting_dict(_visible(request, meeting_id))


@router.post("/meetings/{meeting_id}/send", response={200: MeetingOut, 400: Error, 403: Error, 404: Error,
                                                      409: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def send_minutes(request, meeting_id: int = MEETING_ID):
    """Send the minutes and attendance to the central unit, once: 409 when already sent, 400 when
    the day it met, the attendance or a recommendation is missing."""
    actions.minutes_send(meeting=_visible(request, meeting_id), actor=request.user)
    return meeting_dict(_visible(request, meeting_id))


@router.get("/meetings/{meeting_id}/minutes.pdf", response={200: None, 404: Error},
            openapi_extra={"responses": {"200": {"description": "The minutes as sent.",
                                                 "content": {"application/pdf": {}}}}})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def minutes_pdf(request, meeting_id: int = MEETING_ID):
    return minutes.download(_visible(request, meeting_id))
