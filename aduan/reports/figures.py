"""Every figure of the monthly (SPEC R27) and annual (R28) reports for a unit and the units below
it (aduan.reports.scope), each read from the database in one grouped query: a dimension is a
GROUP BY, a median is a histogram of a few dozen values, never a loop over complaints.

- `received` and the `by_*` breakdowns: complaints received in the period (local days of each
  complaint's region); `by_status` is their status at the period's end.
- `closed`: complaints closed in the period; `closed_within_deadline`: those whose answer came by
  their due date.
- `overdue_open`: complaints overdue at the period's end (core.models.overdue_as_of).
- `median_working_days_to_first_answer`: over the complaints first answered in the period.
- `attention`: what needs special attention (overdue, escalated, rebutted twice, misuse and KKN
  topics, clusters of one problem), the most pressing first.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Case, CharField, Count, F, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, ExtractMonth, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from aduan.core import clusters
from aduan.core.due_dates import working_calendar
from aduan.core.enums import Channel, EventKind, Severity, Status
from aduan.core.models import Complaint, Event, overdue_as_of
from aduan.monitoring.models import MonitoringCase
from aduan.organisation.models import Unit
from aduan.regions.lookups import region as region_by_code
from aduan.regions.timezones import PROVINCES_OUTSIDE_WIB, WIB, zone_name_for
from aduan.reports import scope
from aduan.reports.database import without_jit
from aduan.reports.periods import ZONES, Period, in_zone, local_date, with_province, within
from aduan.taxonomy.models import CategoryType, Program, Topic

# SPEC R27: misuse of the aid (BPNT, Rastra) and corruption, collusion, nepotism (PKH).
MISUSE_TOPICS = frozenset({"bpnt-7", "rastra-7", "pkh-7"})
ATTENTION_LIMIT = 100
NONE = "—"


@dataclass(frozen=True)
class Subject:
    """What a report is about: the unit, its period, and the complaints it counts."""

    unit: Unit
    period: Period
    complaints: QuerySet[Complaint]

    @classmethod
    def of(cls, unit: Unit, period: Period) -> "Subject":
        return cls(unit, period, with_province(scope.complaints_of(unit)).order_by())

    @property
    def received(self) -> QuerySet[Complaint]:
        return self.complaints.filter(within("received_at", self.period))


def grouped(rows: QuerySet, field, **annotate) -> list[tuple]:
    if isinstance(field, str):
        grouped = rows.values(field)
        key = field
    else:
        grouped = rows.annotate(_key=field).values("_key")
        key = "_key"
    return list(grouped.annotate(n=Count("pk")).values_list(key, "n"))


def breakdowns(rows: QuerySet, keys: dict) -> dict[str, list[tuple]]:
    """Each key's grouped counts over `rows`. On PostgreSQL one scan answers them all (GROUP BY
    GROUPING SETS over the rows' keys); elsewhere one GROUP BY per key."""
    if connection.vendor != "postgresql":
        return {name: grouped(rows, key) for name, key in keys.items()}
    names = list(keys)
    aliased = {f"k_{i}": (F(key) if isinstance(key, str) else key) for i, key in enumerate(keys.values())}
    sql, params = rows.annotate(**aliased).values(*aliased).query.sql_with_params()
    columns = list(aliased)
    flags = ", ".join(f"GROUPING({c})" for c in columns)
    sets = ", ".join(f"({c})" for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {flags}, {', '.join(columns)}, COUNT(*) FROM ({sql}) AS report "
                       f"GROUP BY GROUPING SETS ({sets})", params)
        found: dict[str, list[tuple]] = {name: [] for name in names}
        width = len(columns)
        for row in cursor.fetchall():
            index = row[:width].index(0)
            found[names[index]].append((row[width + index], row[-1]))
    return found


def _rows(counts: list[tuple], names: dict) -> list[dict]:
    rows = [{"code": code or "", "name": str(names.get(code, NONE if code in (None, "") else code)), "count": n}
            for code, n in counts]
    return sorted(rows, key=lambda r: (-r["count"], r["code"]))


def rows_by_id(counts: list[tuple], model) -> list[dict]:
    found = {pk: (code, name) for pk, code, name in model.objects.filter(pk__in=[k for k, _n in counts if k])
             .values_list("pk", "code", "name")}
    rows = [{"code": found[pk][0] if pk else "", "name": found[pk][1] if pk else _("Belum diklasifikasi"), "count": n}
            for pk, n in counts]
    return sorted(rows, key=lambda r: (-r["count"], r["code"]))


def _status_at(period: Period, now) -> Case | F:
    """Each complaint's status at the period's end, in its own zone. A complaint not changed since
    the period ended (in WIT, the first zone to end it) still has it; for the others it is the last
    status change by their own zone's end, from the timeline."""
    if period.ends_at(WIB) > now:
        return F("status")
    changed_since = []
    for zone_name in (WIB, *PROVINCES_OUTSIDE_WIB):
        last = (Event.objects.filter(complaint=OuterRef("pk"), at__lt=period.ends_at(zone_name)).exclude(to_status="")
                .order_by("-at", "-id").values("to_status")[:1])
        changed_since.append(When(in_zone(zone_name), then=Coalesce(Subquery(last), Value(Status.BELUM))))
    return Case(When(updated_at__lt=period.ends_at(ZONES[-1]), then=F("status")),
                default=Case(*changed_since, output_field=CharField()), output_field=CharField())


def _overdue(subject: Subject, now) -> QuerySet[Complaint]:
    moment = min(subject.period.ends_at(WIB), now)
    return subject.complaints.filter(overdue_as_of(moment, now))


def median_working_days(subject: Subject) -> float | None:
    """The median, in working days, from receipt to the first answer, of the complaints whose first
    answer came in the period: one query grouping by (day received, day answered)."""
    pairs = (subject.complaints.filter(within("first_answered_at", subject.period))
             .annotate(day_in=local_date("received_at"), day_out=local_date("first_answered_at"))
             .values("day_in", "day_out").annotate(n=Count("pk")).values_list("day_in", "day_out", "n"))
    return median_of(working_day_histograms((None, *row) for row in pairs).get(None, {}))


def working_day_histograms(rows) -> dict:
    """(key, day received, day answered, count) rows → per key, {working days between: count}."""
    calendar = working_calendar()
    histograms: dict = {}
    for key, day_in, day_out, n in rows:
        days = max(calendar.working_days_between(day_in, day_out), 0)
        histogram = histograms.setdefault(key, {})
        histogram[days] = histogram.get(days, 0) + n
    return histograms


def median_of(histogram: dict[int, int]) -> float | None:
    total = sum(histogram.values())
    if not total:
        return None
    middle = ((total - 1) // 2, total // 2)
    values, seen = [], 0
    for value in sorted(histogram):
        count = histogram[value]
        for position in middle:
            if seen <= position < seen + count:
                values.append(value)
        seen += count
    return sum(values) / len(values)


def _item(c: Complaint, now) -> dict:
    return {
        "tracking_number": c.tracking_number,
        "register_number": c.register_number,
        "program": c.program.code,
        "topic": c.topic.code if c.topic_id else None,
        "topic_name": c.topic.name if c.topic_id else "",
        "status": c.status,
        "holder": c.holder.code,
        "holder_name": c.holder.name,
        "received_at": c.received_at.isoformat(),
        "due_at": c.due_at.isoformat(),
        "overdue": c.is_overdue(now),
    }


def _items(complaints: QuerySet[Complaint], now, order=("due_at", "id")) -> dict:
    related = complaints.select_related("program", "topic", "receiving_unit", "handling_unit")
    return {"count": complaints.count(),
            "items": [_item(c, now) for c in related.order_by(*order)[:ATTENTION_LIMIT]]}


def attention(subject: Subject, now) -> dict:
    start, end = subject.period.bounds(WIB)
    # The whole country's report needs no "among the unit's complaints" (a semi-join over all of them).
    events = Event.objects.all() if scope.unit_ids(subject.unit) is None else Event.objects.filter(
        complaint_id__in=subject.complaints.values("pk"))
    escalated = events.filter(kind=EventKind.ESCALATED, at__gte=start, at__lt=end).values("complaint_id")
    rebuttals = (events.filter(kind=EventKind.REBUTTED, at__lt=end)
                 .values("complaint_id").annotate(n=Count("id"), last=Max("at")).filter(n__gte=2, last__gte=start)
                 .values("complaint_id"))
    days = (subject.period.end - subject.period.start).days + 1
    spots, across = clusters.hotspots(scope.complaints_of(subject.unit), days=days, now=min(end, now))
    return {
        "overdue": _items(_overdue(subject, now), now),
        "escalated": _items(Complaint.objects.filter(pk__in=escalated), now),
        "rebutted_twice": _items(Complaint.objects.filter(pk__in=rebuttals), now),
        "misuse": _items(subject.received.filter(topic__code__in=MISUSE_TOPICS), now),
        "clusters": [{"topic": s.topic, "topic_name": s.topic_name, "area_code": s.area_code, "area_name": s.area_name,
                      "complaints": s.complaints, "people": s.people, "recommendation": s.recommendation}
                     for s in spots[:ATTENTION_LIMIT]],
        "across_kabupaten": across,
    }


def _regions(counts: list[tuple]) -> list[dict]:
    rows = []
    for code, n in counts:
        region = region_by_code(code) if code else None
        rows.append({"code": code or "", "name": region.name if region else _("Tanpa lokasi"), "count": n})
    return sorted(rows, key=lambda r: (-r["count"], r["code"]))


@without_jit()
def figures(subject: Subject, *, now=None, with_attention: bool = True, by_month: bool = False) -> dict:
    now = now or timezone.now()
    received = subject.received
    closed = subject.complaints.filter(within("closed_at", subject.period))
    closed_counts = closed.aggregate(n=Count("pk"), on_time=Count("pk", filter=Q(followed_up_at__lte=F("due_at"))))
    keys = {"program": "program_id", "category_type": "category_type_id", "topic": "topic_id", "channel": "channel",
            "severity": "severity", "status": _status_at(subject.period, now), "region": Substr("region_id", 1, 5)}
    if by_month:
        keys["month"] = ExtractMonth(local_date("received_at"))
    counted = breakdowns(received, keys)
    statuses = dict(counted["status"])
    result = {
        "unit": {"code": subject.unit.code, "name": subject.unit.name},
        "period": {"from": subject.period.start.isoformat(), "to": subject.period.end.isoformat()},
        "received": sum(n for _value, n in counted["program"]),
        "by_program": rows_by_id(counted["program"], Program),
        "by_category_type": rows_by_id(counted["category_type"], CategoryType),
        "by_topic": rows_by_id(counted["topic"], Topic),
        "by_channel": _rows(counted["channel"], dict(Channel.choices)),
        "by_severity": _rows(counted["severity"], dict(Severity.choices)),
        "by_status": [{"code": s.value, "name": str(s.label), "count": statuses.get(s.value, 0)} for s in Status],
        "by_region": _regions(counted["region"]),
        "closed": closed_counts["n"],
        "closed_within_deadline": closed_counts["on_time"],
        "overdue_open": _overdue(subject, now).count(),
        "median_working_days_to_first_answer": median_working_days(subject),
        "monitoring": monitoring_cases(subject),
    }
    if by_month:
        received_by_month = dict(counted["month"])
        closed_by_month = dict(grouped(closed, ExtractMonth(local_date("closed_at"))))
        result["by_month"] = [{"month": f"{subject.period.start.year:04d}-{m:02d}", "received": received_by_month.get(m, 0),
                               "closed": closed_by_month.get(m, 0)} for m in range(1, 13)]
    if with_attention:
        result["attention"] = attention(subject, now)
    return result


def monitoring_cases(subject: Subject) -> dict:
    """The aid-delivery cases (SPEC R24) of the unit and those below it: opened and closed with the
    aid received in the period, and still open at its end — in the unit's own days, one query."""
    start, end = subject.period.bounds(zone_name_for(subject.unit.region_id or ""))
    ids = scope.unit_ids(subject.unit)
    cases = MonitoringCase.objects.all() if ids is None else MonitoringCase.objects.filter(unit_id__in=ids)
    return cases.order_by().aggregate(
        opened=Count("pk", filter=Q(opened_at__gte=start, opened_at__lt=end)),
        aid_received=Count("pk", filter=Q(closed_at__gte=start, closed_at__lt=end)),
        open_at_end=Count("pk", filter=Q(opened_at__lt=end) & (Q(closed_at__isnull=True) | Q(closed_at__gte=end))),
    )


def monthly(unit: Unit, year: int, month: int, *, now=None) -> dict:
    subject = Subject.of(unit, Period.month(year, month))
    return {"month": f"{year:04d}-{month:02d}", **figures(subject, now=now)}


def annual(unit: Unit, year: int, *, now=None) -> dict:
    subject = Subject.of(unit, Period.year(year))
    return {"year": year, **figures(subject, now=now, with_attention=False, by_month=True)}


def weeks_back(today: date, weeks: int) -> Period:
    monday = today - timedelta(days=today.weekday())
    return Period(monday - timedelta(weeks=weeks - 1), monday + timedelta(days=6))
