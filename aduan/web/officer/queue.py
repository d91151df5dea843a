"""The unit's queue: what the officer may see, filtered, counted, sorted by deadline, one page at a time.

The number of queries is the same whatever the page size and however many complaints there are:
pages are keyset pages (`?after=` the last row's due date and id, read through the due-date
indexes), every column shown is select_related, counts past 50,000 are the planner's estimate, and
the working calendar comes from memory.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from aduan.core.access import complaints_visible_to, sees_everything, user_units
from aduan.core.due_dates import working_calendar
from aduan.core.errors import ActionError
from aduan.core.selectors import keyset_page
from aduan.web.officer.filters import ACTIVE, QueueFilter, apply_filters, apply_status, shown_count, status_counts

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
    try:
        page = keyset_page(rows, cursor=after, limit=form.per_page, columns=QUEUE_COLUMNS)
    except ActionError:  # an old or edited link: start again at the top
        after, page = None, keyset_page(rows, cursor=None, limit=form.per_page, columns=QUEUE_COLUMNS)
    return render(request, "web/officer/queue.html", {
        "form": form,
        "rows": page.items,
        "next_cursor": page.next_cursor,
        "after": after,
        "counts": counts,
        "shown": shown_count(counts, data.get("status")),
        "estimated": not all(c.exact for c in counts.values()),
        "status": data.get("status") or ACTIVE,
        "overdue_only": bool(data.get("overdue")),
        "query_without_page": _query_without(request, "page", "after"),
        "query_without_status": _query_without(request, "page", "after", "status", "overdue"),
        "calendar": working_calendar(),
        "now": now,
        "memberships": user_units(request.user),
        "sees_everything": sees_everything(request.user),
    })


def _query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
