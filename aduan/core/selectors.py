"""Reads: the querysets the pages and the API list. Who may see what is `aduan.core.access`."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from aduan.core.access import complaints_visible_to
from aduan.core.errors import ActionError
from aduan.core.models import Complaint, overdue_q

# --- The list the API and the queue page read -------------------------------------------------------

LIST_COLUMNS = ("program", "topic", "region", "receiving_unit", "handling_unit", "assigned_to")
BAD_CURSOR = "Kursor halaman tidak valid; mulai lagi dari halaman pertama."


@dataclass(frozen=True)
class ComplaintFilters:
    status: str | None = None
    severity: str | None = None
    program: str | None = None
    region: str | None = None  # a region code: that region and everything inside it
    overdue: bool | None = None
    handling_unit: str | None = None  # a unit code
    assigned_to_me: bool = False


@dataclass(frozen=True)
class Page:
    items: list  # complaints, or dicts when keyset_page was given `fields`
    next_cursor: str | None


def complaints_filtered(user, filters: ComplaintFilters, *, now: datetime | None = None) -> QuerySet[Complaint]:
    now = now or timezone.now()
    rows = complaints_visible_to(user)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.severity:
        rows = rows.filter(severity=filters.severity)
    if filters.program:
        rows = rows.filter(program__code=filters.program)
    if filters.region:
        code = filters.region.strip().rstrip(".")
        rows = rows.filter(Q(region_id=code) | Q(region__code__startswith=code + "."))
    if filters.overdue is True:
        rows = rows.filter(overdue_q(now))
    elif filters.overdue is False:
        rows = rows.exclude(overdue_q(now))
    if filters.handling_unit:
        rows = rows.filter(handling_unit__code=filters.handling_unit)
    if filters.assigned_to_me:
        rows = rows.filter(assigned_to=user)
    return rows


def encode_cursor(moment: datetime, pk: int) -> str:
    raw = f"{moment.isoformat()}|{pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        due, pk = raw.split("|")
        due_at = parse_datetime(due)
        if due_at is None or timezone.is_naive(due_at):
            raise ValueError(due)
        return due_at, int(pk)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise ActionError(BAD_CURSOR, field="cursor") from None


def complaint_page(user, filters: ComplaintFilters, *, cursor: str | None = None, limit: int = 50,
                   now: datetime | None = None) -> Page:
    """One page sorted by due date (then id, so ties never repeat or vanish between pages).

    Keyset pagination: the cursor is the last row's (due_at, id), so page 1,000 costs what page 1
    costs, and rows filed meanwhile do not shift the pages. The query count does not grow with
    the page size: every column the list shows is joined in.
    """
    return keyset_page(complaints_filtered(user, filters, now=now), cursor=cursor, limit=limit, columns=LIST_COLUMNS)


# A set of at most this many rows is sorted whole to find its page (keyset_page).
SORT_WHOLE_UP_TO = 5_000


def keyset_page(rows: QuerySet[Complaint], *, cursor: str | None, limit: int, columns: tuple[str, ...] = (),
                fields: tuple[str, ...] = (), total: int | None = None, by: str = "due_at") -> Page:
    """The rows after the cursor, by due date (or the moment named by `by`) then id: complaints
    with their related `columns` joined in, or, given `fields`, dicts of those values (and `pk`
    and `by`) — a page that only prints them is spared building nine model instances a row.

    In two steps: the page's ids first, then only those rows with what they show. Joining
    every visible complaint to its program, region and units before sorting made PostgreSQL join
    300,000 rows to show 25 (a second a page at a million complaints).

    Read in due-date order through the due-date indexes. A small set (up to SORT_WHOLE_UP_TO rows:
    `total` when the caller has counted them, else PostgreSQL's estimate) is sorted whole, without
    a LIMIT: asked for its first 25 in order, PostgreSQL walked the whole country's due-date index
    looking for a district's rows (95 ms at a million complaints, for 600 rows); sorting the
    district's rows found by one bitmap scan costs 3 ms, and only their ids travel."""
    rows = rows.order_by(by, "pk")
    if cursor:
        moment, pk = decode_cursor(cursor)
        rows = rows.filter(Q(**{f"{by}__gt": moment}) | Q(**{by: moment, "pk__gt": pk}))
    if total is None:
        total = planner_rows(rows)
    pks = rows.values_list("pk", flat=True)
    sorted_whole = total is not None and total <= SORT_WHOLE_UP_TO
    ids = list(pks)[: limit + 1] if sorted_whole else list(pks[: limit + 1])
    more = len(ids) > limit
    ids = ids[:limit]
    if fields:
        read = dict.fromkeys(("pk", by, *fields))
        found = {row["pk"]: row for row in Complaint.objects.filter(pk__in=ids).values(*read)}
        items = [found[pk] for pk in ids if pk in found]
        last = (items[-1][by], items[-1]["pk"]) if items else None
    else:
        found = Complaint.objects.select_related(*columns).in_bulk(ids)
        items = [found[pk] for pk in ids if pk in found]
        last = (getattr(items[-1], by), items[-1].pk) if items else None
    return Page(items=items, next_cursor=encode_cursor(*last) if more and last else None)


# --- Counts that stay cheap at a million complaints ---------------------------------------------------

# Above this many rows (as PostgreSQL's planner expects them) a count is the planner's estimate.
ESTIMATE_ABOVE = 50_000


@dataclass(frozen=True)
class Tally:
    """A count: exact, or PostgreSQL's estimate, which the page marks with ≈."""

    value: int
    exact: bool = True

    def __str__(self) -> str:
        shown = f"{self.value:,}".replace(",", ".")
        return shown if self.exact else f"≈ {shown}"

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.value + other.value, self.exact and other.exact)


def tallies(rows: QuerySet, parts: dict[str, Q]) -> dict[str, Tally]:
    """Each part of `rows` counted. Counting the 300,000 open complaints of the whole country
    exactly costs a third of a second every time the national queue opens; past ESTIMATE_ABOVE
    the planner's estimate (from the statistics autovacuum keeps) is as useful to a reader and
    costs a millisecond. A unit's own queue is small, so its counts are exact, in one query."""
    expected = planner_rows(rows)
    if expected is None or expected <= ESTIMATE_ABOVE:
        counted = rows.order_by().aggregate(**{name: Count("pk", filter=q) for name, q in parts.items()})
        return {name: Tally(counted[name]) for name in parts}
    return {name: Tally(planner_rows(rows.filter(q)), exact=False) for name, q in parts.items()}


def planner_rows(rows: QuerySet) -> int | None:
    """How many rows PostgreSQL's planner expects the query to return (None on SQLite)."""
    if connection.vendor != "postgresql":
        return None
    plan = rows.order_by().explain(format="json")
    if not plan:  # a condition that can match nothing (no units to hold anything): no query was run
        return 0
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])
