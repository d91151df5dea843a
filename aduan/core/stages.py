"""A staged deadline's rows (SPEC R13: PKH's 5/3/15/3 working days), and the rule that marks them
done: each stage names the event that completes it (`ComplaintStage.completed_by`), and that event
completes it and every stage before it still open. Recording an event calls `complete_stages`."""

from datetime import datetime

from django.db.models import Max

from aduan.core.deadlines.rules import Due
from aduan.core.due_dates import stage_completions
from aduan.core.models import Complaint, ComplaintStage


def stage_rows(complaint: Complaint, due: Due, *, skip: frozenset[int] = frozenset()) -> list[ComplaintStage]:
    """The rows of `due`'s stages (not saved), numbered from 1; the orders in `skip` are left out."""
    return [ComplaintStage(complaint=complaint, order=order, name=stage.name, due_at=at, completed_by=stage.completed_by)
            for order, (stage, at) in enumerate(due.stages, 1) if order not in skip]


def complete_stages(complaint: Complaint, kind: str, at: datetime) -> int:
    """Mark done the stages this event completes, and the open ones before them; how many.
    No query for a complaint whose policy has no stage this kind of event completes."""
    if kind not in stage_completions(complaint.policy_id, complaint.severity):
        return 0
    open_stages = ComplaintStage.objects.filter(complaint=complaint, done_at__isnull=True)
    last = open_stages.filter(completed_by=kind).aggregate(last=Max("order"))["last"]
    return open_stages.filter(order__lte=last).update(done_at=at) if last else 0
