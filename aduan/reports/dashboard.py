"""A unit's dashboard (issue 12): what came in per week by program, where things stand now, who
below is overdue, the top topics, deadline performance and the IKM — each one grouped query."""

from datetime import date, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from aduan.core.enums import Status
from aduan.core.models import overdue_q
from aduan.organisation.models import Unit
from aduan.reports import scope
from aduan.reports.database import without_jit
from aduan.reports.figures import Subject, grouped, rows_by_id
from aduan.reports.periods import Period, local_date, with_province, within
from aduan.surveys import selectors as surveys
from aduan.taxonomy import lookups as taxonomy
from aduan.taxonomy.models import Topic

WEEKS = 12
TOPIC_DAYS = 90
TOP = 10


def weekly(unit: Unit, today: date, weeks: int = WEEKS) -> tuple[list[date], dict[str, list[int]]]:
    """Mondays of the last `weeks` weeks, and per program the complaints received in each."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    subject = Subject.of(unit, Period(first, monday + timedelta(days=6)))
    rows = (subject.received.annotate(week=TruncWeek(local_date("received_at")))
            .values("week", "program_id").annotate(n=Count("pk")).values_list("week", "program_id", "n"))
    mondays = [first + timedelta(weeks=i) for i in range(weeks)]
    names = {p.pk: p.name for p in taxonomy.active_programs().values()}
    series: dict[str, list[int]] = {name: [0] * weeks for name in names.values()}
    for week, program_id, n in rows:
        week = week.date() if hasattr(week, "date") else week
        if program_id in names and week in mondays:
            series[names[program_id]][mondays.index(week)] += n
    return mondays, series


def status_now(unit: Unit, now) -> dict[str, int]:
    complaints = scope.complaints_of(unit).order_by()
    counts = dict(grouped(complaints, "status"))
    return {**{s.value: counts.get(s.value, 0) for s in Status}, "terlambat": complaints.filter(overdue_q(now)).count()}


def overdue_by_unit(unit: Unit, now) -> list[tuple[str, str, int]]:
    rows = (scope.complaints_of(unit).filter(overdue_q(now)).order_by()
            .annotate(holder=Coalesce("handling_unit_id", "receiving_unit_id")).values("holder")
            .annotate(n=Count("pk")).order_by("-n")[:15])
    counted = [(row["holder"], row["n"]) for row in rows]
    names = dict(Unit.objects.filter(pk__in=[pk for pk, _n in counted]).values_list("pk", "name"))
    codes = dict(Unit.objects.filter(pk__in=[pk for pk, _n in counted]).values_list("pk", "code"))
    return [(codes[pk], names[pk], n) for pk, n in counted]


def top_topics(unit: Unit, today: date, days: int = TOPIC_DAYS) -> list[dict]:
    subject = Subject.of(unit, Period(today - timedelta(days=days - 1), today))
    return [row for row in rows_by_id(grouped(subject.received.filter(topic__isnull=False), "topic_id"), Topic)][:TOP]


def deadline_performance(unit: Unit, year: int) -> dict[str, int]:
    closed = with_province(scope.complaints_of(unit)).order_by().filter(within("closed_at", Period.year(year)))
    counts = closed.aggregate(all=Count("pk"), on_time=Count("pk", filter=Q(followed_up_at__lte=F("due_at"))))
    return {"closed": counts["all"], "on_time": counts["on_time"], "late": counts["all"] - counts["on_time"]}


def ikm_this_year(unit: Unit, today: date):
    return surveys.ikm_of(surveys.surveys_of(scope.unit_ids(unit), date(today.year, 1, 1), today,
                                             region_code=unit.region_id))


@without_jit()
def dashboard(unit: Unit, *, now=None) -> dict:
    now = now or timezone.now()
    today = timezone.localdate(now)
    mondays, series = weekly(unit, today)
    return {
        "weeks": mondays, "weekly": series, "status": status_now(unit, now), "overdue_by_unit": overdue_by_unit(unit, now),
        "topics": top_topics(unit, today), "performance": deadline_performance(unit, today.year),
        "ikm": ikm_this_year(unit, today),
    }
