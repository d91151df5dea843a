"""The list's pages: by due date then id, the same whether the set is sorted whole or read in index
order, with no row repeated or skipped between pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core import selectors
from aduan.core.models import Complaint
from aduan.core.selectors import keyset_page

pytestmark = pytest.mark.django_db


def _all_pages(rows, total, as_values=False):
    seen, cursor = [], None
    while True:
        if as_values:  # the queue page's way: plain values, no model per row
            page = keyset_page(rows, cursor=cursor, limit=3, fields=("tracking_number",), total=total)
            seen += [row["tracking_number"] for row in page.items]
        else:
            page = keyset_page(rows, cursor=cursor, limit=3, columns=("program",), total=total)
            seen += [c.tracking_number for c in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize("as_values", [False, True], ids=["complaints", "values"])
@pytest.mark.parametrize("sorted_whole", [True, False], ids=["small-set-sorted-whole", "read-in-index-order"])
def test_pages_follow_the_due_date_then_the_id_and_never_repeat_a_row(lodge, monkeypatch, sorted_whole, as_values):
    complaints = [lodge() for _ in range(8)]
    soon = timezone.now() + timedelta(days=3)
    # Two pairs share a due moment: the id decides, and a page boundary falls inside the first pair.
    for complaint, days in zip(complaints, [5, 1, 1, 7, 2, 2, 0, 9], strict=True):
        Complaint.objects.filter(pk=complaint.pk).update(due_at=soon + timedelta(days=days))
    if not sorted_whole:
        monkeypatch.setattr(selectors, "SORT_WHOLE_UP_TO", -1)
    expected = list(Complaint.objects.order_by("due_at", "pk").values_list("tracking_number", flat=True))

    assert _all_pages(Complaint.objects.all(), total=8 if sorted_whole else None, as_values=as_values) == expected
