"""The unit's queue: what the officer may see, filtered, counted, sorted by deadline, one page at a time.

The number of queries is the same whatever the page size and however many complaints there are:
pages are keyset pages (`?after=` the last row's due date and id, read through the due-date
indexes), every column shown is select_related, counts past 50,000 are the planner's estimate, and
the working calendar comes from memory.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from aduan.core.access import announcements_to_answer, complaints_visible_to, sees_everything, user_units
from aduan.core.due_dates import working_calendar
from aduan.core.enums import Severity, Status
from aduan.core.errors import ActionError
from aduan.core.selectors import keyset_page
from aduan.web import exports
from aduan.web.officer import deadlines, monitoring
from aduan.web.officer.filters import (
    ACTIVE,
    ELSEWHERE,
    PLACE_CHOICES,
    QueueFilter,
    apply_filters,
    apply_status,
    default_place,
    shown_count,
    status_counts,
)
from aduan.web.templatetags.officer_tags import local_date

# What a row prints, read as plain values (one join per name; no model built per row).
QUEUE_FIELDS = (
    "tracking_number", "severity", "status", "received_at", "due_at", "closure_due_at", "region_id", "location_text",
    "program__name", "category_type__name", "topic__number", "topic__name",
    "region__name", "region__parent__parent__name", "handling_unit__name",
    "assigned_to__first_name", "assigned_to__last_name", "assigned_to__username",
)


@login_required
def queue(request):
    if request.GET.get("format") == "xlsx":  # the same filters, every page, as a spreadsheet
        params = {key: value for key, value in request.GET.items() if key not in ("format", "after", "page")}
        return exports.send_or_start(request, "queue", {**params, "format": "xlsx"},
                                     exports.queue_complaints(request.user, params).count())
    now = timezone.now()
    form = QueueFilter(request.GET or None)
    data = form.cleaned()
    filtered = apply_filters(complaints_visible_to(request.user), data, user=request.user, now=now)
    counts = status_counts(filtered, now)
    after = request.GET.get("after") or None
    rows = apply_status(filtered, data.get("status"))
    shown = shown_count(counts, data.get("status"))
    total = shown.value if shown.exact else None
    # What needs checking is worked through oldest first; everything else by deadline.
    by = "received_at" if data.get("check") else "due_at"
    try:
        page = keyset_page(rows, cursor=after, limit=form.per_page, fields=QUEUE_FIELDS, total=total, by=by)
    except ActionError:  # an old or edited link: start again at the top
        after, page = None, keyset_page(rows, cursor=None, limit=form.per_page, fields=QUEUE_FIELDS, total=total,
                                        by=by)
    calendar = working_calendar()
    place = data.get("tempat") or default_place(request.user)
    complaint_url = reverse("web:officer:complaint", args=["-"]).removesuffix("-/")
    return render(request, "web/officer/queue.html", {
        "form": form,
        "rows": [_row(values, calendar, now, complaint_url) for values in page.items],
        "next_cursor": page.next_cursor,
        "after": after,
        "counts": counts,
        "shown": shown,
        "estimated": not all(c.exact for c in counts.values()),
        "status": data.get("status") or ACTIVE,
        "overdue_only": bool(data.get("overdue")),
        "check_only": bool(data.get("check")),
        "query_without_page": _query_without(request, "page", "after"),
        "xlsx_url": f"?{_query_with(request, format='xlsx')}",
        "query_without_status": _query_without(request, "page", "after", "status", "overdue", "check"),
        "memberships": user_units(request.user),
        "sees_everything": sees_everything(request.user),
        "place": place,
        "read_only": place == ELSEWHERE,
        "places": [(value, label, _query_with(request, tempat=value)) for value, label in PLACE_CHOICES],
        "mine_open": complaints_visible_to(request.user).filter(assigned_to=request.user).exclude(status=Status.SELESAI).count(),
        "mine_url": "?" + _query_with(request, mine="on"),
        "announcements": announcement_rows(request.user, calendar, now, complaint_url),
        "monitoring": monitoring.queue_panel(request.user),
    })


ANNOUNCEMENTS_SHOWN = 20


def announcement_rows(user, calendar, now, complaint_url: str) -> dict:
    """SPEC R20: what the centre announced to the user's units and they have not answered yet."""
    pending = announcements_to_answer(user)
    rows = [_row(values, calendar, now, complaint_url)
            for values in pending.values(*QUEUE_FIELDS)[:ANNOUNCEMENTS_SHOWN]]
    return {"rows": rows, "more": max(0, pending.count() - len(rows)) if len(rows) == ANNOUNCEMENTS_SHOWN else 0}


def _row(v: dict, calendar, now, complaint_url: str) -> dict:
    """What one row shows, from the values read (`QUEUE_FIELDS`): the template then only prints
    them (resolving methods, filters and related objects in the template took half the page's time)."""
    due = deadlines.describe_values(v["status"], v["closure_due_at"], v["due_at"], v["region_id"], calendar, now)
    assignee = " ".join(filter(None, (v["assigned_to__first_name"], v["assigned_to__last_name"])))
    return {
        "url": f"{complaint_url}{v['tracking_number']}/",
        "tracking_number": v["tracking_number"],
        "severity": v["severity"],
        "severity_label": Severity(v["severity"]).label,
        "received": local_date(v["received_at"], v["region_id"]),
        "due_state": due.state,
        "due_label": due.label,
        "due_date": local_date(v["due_at"], v["region_id"]),
        "status": v["status"],
        "status_label": Status(v["status"]).label,
        "assignee": assignee or v["assigned_to__username"] or "",
        "program": v["program__name"],
        "category_type": v["category_type__name"] or "",
        "topic": f"{v['topic__number']}. {v['topic__name']}" if v["topic__name"] else "",
        "region": v["region__name"] or "",
        # The kabupaten/kota of a desa (two levels up), which tells Kediri from Kediri.
        "district": v["region__parent__parent__name"] or "",
        "location_text": v["location_text"],
        "handling_unit": v["handling_unit__name"] or "",
    }


def _query_with(request, **values: str) -> str:
    query = request.GET.copy()
    for name in ("page", "after", *values):
        query.pop(name, None)
    query.update(values)
    return query.urlencode()


def _query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
