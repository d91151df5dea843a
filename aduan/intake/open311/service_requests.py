"""Complaints as Open311 service requests: the public view, the query, and filing one.

The public view carries no personal data: no reporter field exists in it, the free-text location
is left out (it is often the reporter's home), and the complaint's own text (`description`) is
shown only to a caller whose api_key may see the complaint — free text carries names and numbers
that no filter removes reliably. The answer shown is the latest follow-up's public note.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from aduan.core.access import complaints_visible_to, readable_text
from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint, Event
from aduan.core.tracking import normalize_tracking_number

MAX_RESULTS = 1000
DEFAULT_SPAN = timedelta(days=90)

BAD_DATE = "{field} harus berformat W3C, mis. 2026-01-01T00:00:00Z."
BAD_SPAN = "Rentang start_date sampai end_date paling lama 90 hari."
BAD_STATUS = "status hanya boleh open atau closed."
STATUS_NOTES = {
    Status.BELUM: "Belum ditindaklanjuti.",
    Status.PROSES: "Proses.",
    Status.SELESAI: "Selesai.",
}


class QueryError(ValueError):
    pass


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] = ()


def _date(params, field: str) -> datetime | None:
    raw = (params.get(field) or "").strip()
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))  # a '+' in a query string arrives as a space
    except ValueError:
        value = None
    if value is None or not 2000 <= value.year < 2100:
        raise QueryError(BAD_DATE.format(field=field))
    # A date without an offset is read in WIB, where most of the programmes' complaints are.
    return value if timezone.is_aware(value) else timezone.make_aware(value, timezone.get_default_timezone())


def _list(params, field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (params.get(field) or "").split(",") if part.strip())


def parse_query(params) -> RequestQuery:
    """The GET /requests parameters; service_request_id overrides all the others (the standard)."""
    ids = _list(params, "service_request_id")
    if ids:
        return RequestQuery(ids=ids)
    statuses = _list(params, "status")
    if any(s not in ("open", "closed") for s in statuses):
        raise QueryError(BAD_STATUS)
    start, end = _date(params, "start_date"), _date(params, "end_date")
    if start and end and end - start > DEFAULT_SPAN:
        raise QueryError(BAD_SPAN)
    try:
        if end is None:
            end = start + DEFAULT_SPAN if start else timezone.now()
        if start is None:
            start = end - DEFAULT_SPAN
    except OverflowError:
        raise QueryError(BAD_SPAN) from None
    return RequestQuery(service_codes=_list(params, "service_code"), start=start, end=end, statuses=statuses)


def _with_public_fields(queryset: QuerySet) -> QuerySet:
    latest_answer = Event.objects.filter(complaint=OuterRef("pk"), kind=EventKind.FOLLOWED_UP).order_by("-at", "-id")
    return queryset.select_related(
        "program", "topic", "handling_unit", "receiving_unit", "region__parent__parent__parent",
    ).annotate(latest_answer=Subquery(latest_answer.values("public_note")[:1]))


def find_requests(query: RequestQuery) -> list[Complaint]:
    complaints = public_complaints()
    if query.ids:
        numbers = {normalize_tracking_number(i) for i in query.ids[:MAX_RESULTS]} - {None}
        complaints = complaints.filter(tracking_number__in=numbers)
    else:
        complaints = complaints.filter(received_at__gte=query.start, received_at__lte=query.end)
        if query.service_codes:
            codes = list(query.service_codes)
            complaints = complaints.filter(
                Q(topic__code__in=codes) | Q(topic__isnull=True, program__code__in=codes)
            )
        if query.statuses and len(set(query.statuses)) == 1:
            closed = Q(status=Status.SELESAI)
            complaints = complaints.filter(closed if query.statuses[0] == "closed" else ~closed)
    return list(_with_public_fields(complaints).order_by("-received_at", "-id")[:MAX_RESULTS])


def find_request(raw_id: str) -> Complaint | None:
    number = normalize_tracking_number(raw_id)
    if number is None:
        return None
    return _with_public_fields(public_complaints().filter(tracking_number=number)).first()


def readable_ids(user, complaints: list[Complaint]) -> set[int]:
    """The complaints among these whose text the caller may read (none without an api_key)."""
    if user is None or not complaints:
        return set()
    ids = [c.pk for c in complaints]
    return set(complaints_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def public_complaints():
    """What Open311 may show at all: a confidential complaint is never listed, its tracking number
    never revealed (its reporter follows it on /lacak/ with the secret)."""
    return Complaint.objects.filter(confidential=False)


def _address(region) -> str | None:
    names = []
    while region is not None:
        names.append(region.name)
        region = region.parent
    return ", ".join(names) or None


def status_notes(complaint: Complaint) -> str:
    notes = STATUS_NOTES[complaint.status]
    answer = getattr(complaint, "latest_answer", None)
    return f"{notes} Tindak lanjut: {answer.strip()}" if answer else notes


def request_dict(complaint: Complaint, *, reader=None, with_text: bool = False) -> dict:
    zone = complaint.local_zone
    closed = complaint.status == Status.SELESAI
    updated = complaint.closed_at if closed and complaint.closed_at else complaint.updated_at
    unit = complaint.holder
    return {
        "service_request_id": complaint.tracking_number,
        "status": "closed" if closed else "open",
        "status_notes": status_notes(complaint),
        "service_name": complaint.topic.name if complaint.topic_id else complaint.program.name,
        "service_code": complaint.topic.code if complaint.topic_id else complaint.program.code,
        "description": readable_text(reader, complaint)[:4000] if with_text else None,
        "agency_responsible": unit.name,
        "service_notice": None,
        "requested_datetime": complaint.received_at.astimezone(zone),
        "updated_datetime": updated.astimezone(zone),
        "expected_datetime": complaint.due_at.astimezone(zone),
        "address": _address(complaint.region) if complaint.region_id else None,
        "address_id": complaint.region_id,
        "zipcode": (complaint.region.postal_code or None) if complaint.region_id else None,
        "lat": None,
        "long": None,
        "media_url": None,
    }
