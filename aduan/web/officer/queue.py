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

from aduan.core.access import complaints_visible_to, sees_everything, user_units
from aduan.core.due_dates import working_calendar
from aduan.core.enums import Severity, Status
from aduan.core.errors import ActionError
from aduan.core.selectors import keyset_page
from aduan.web.officer import deadlines
from aduan.web.officer.filters import ACTIVE, QueueFilter, apply_filters, apply_status, shown_count, status_counts
from aduan.web.templatetags.officer_tags import local_date

QUEUE_COLUMNS = ("program", "topic", "category_type", "region__parent__parent", "handling_unit", "assigned_to")


@login_required
def queue(request):
    now = timezone.now()
    form = QueueFilter(request.GET or None)
    data = form.cleaned()
    filtered = apply_filters(complaints_visible_to(request.user), data, user=request.user, now=now)
    counts = status_counts(filtered, now)
    after = request.GET.get("after") or None
    rows = apply_status(filtered, data.get("status"))
    shown = shown_count(counts, data.get("status"))
    total = shown.value if shown.exact else None
    try:
        page = keyset_page(rows, cursor=after, limit=form.per_page, columns=QUEUE_COLUMNS, total=total)
    except ActionError:  # an old or edited link: start again at the top
        after, page = None, keyset_page(rows, cursor=None, limit=form.per_page, columns=QUEUE_COLUMNS, total=total)
    calendar = working_calendar()
    return render(request, "web/officer/queue.html", {
        "form": form,
        "rows": [_row(complaint, calendar, now) for complaint in page.items],
        "next_cursor": page.next_cursor,
        "after": after,
        "counts": counts,
        "shown": shown,
        "estimated": not all(c.exact for c in counts.values()),
        "status": data.get("status") or ACTIVE,
        "overdue_only": bool(data.get("overdue")),
        "query_without_page": _query_without(request, "page", "after"),
        "query_without_status": _query_without(request, "page", "after", "status", "overdue"),
        "memberships": user_units(request.user),
        "sees_everything": sees_everything(request.user),
    })


def _row(complaint, calendar, now) -> dict:
    """What one row shows, as plain values: the template then prints them (resolving methods,
    filters and related objects in the template took half the page's time)."""
    due = deadlines.describe(complaint, calendar, now)
    region, user = complaint.region, complaint.assigned_to
    return {
        "url": reverse("web:officer:complaint", args=[complaint.tracking_number]),
        "tracking_number": complaint.tracking_number,
        "severity": complaint.severity,
        "severity_label": Severity(complaint.severity).label,
        "received": local_date(complaint.received_at, complaint.region_id),
        "due_state": due.state,
        "due_label": due.label,
        "due_date": local_date(complaint.due_at, complaint.region_id),
        "status": complaint.status,
        "status_label": Status(complaint.status).label,
        "assignee": (user.get_full_name() or user.get_username()) if user else "",
        "program": complaint.program.name,
        "category_type": complaint.category_type.name if complaint.category_type_id else "",
        "topic": f"{complaint.topic.number}. {complaint.topic.name}" if complaint.topic_id else "",
        "region": region.name if region else "",
        # The kabupaten/kota of a desa (two levels up), which tells Kediri from Kediri.
        "district": region.parent.parent.name if region and region.parent and region.parent.parent else "",
        "location_text": complaint.location_text,
        "handling_unit": complaint.handling_unit.name if complaint.handling_unit_id else "",
    }


def _query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
