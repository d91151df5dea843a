"""Classifying a complaint after intake, and correcting where it happened.

SMS, web and email complaints arrive with a program and little else: no category type, no topic,
sometimes a place the resolver could not name. The officer sets them here. The deadline follows
the classification (the policy's class for the severity, SPEC R12/R13), counted again from the
moment the complaint's current clock started: its receipt, or its last escalation, which gave the
level above a clock of its own. Each change writes an event that keeps the old and the new values.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.actions.events import record_event
from aduan.core.actions.guard import locked, states, updated
from aduan.core.actions.stages import with_extensions
from aduan.core.due_dates import default_policy, due_for
from aduan.core.enums import EventKind, Severity
from aduan.core.models import Complaint, ComplaintStage, Event
from aduan.core.stages import stage_rows
from aduan.core.workflow import Transition
from aduan.regions import taught
from aduan.regions.lookups import region as region_by_code
from aduan.taxonomy import lookups as taxonomy

TOPIC_OF_OTHER_PROGRAM = "Topik '{value}' bukan topik program {program}."
CLASSIFIED_PUBLIC = "Pengaduan diklasifikasikan: {summary}."
LOCATED_PUBLIC = "Lokasi pengaduan dicatat: {name}."
SAME_COMPLAINT = "Pengaduan tidak dapat ditautkan dengan dirinya sendiri."
LINKED_NOTE = "Ditautkan dengan {number}: kemungkinan masalah yang sama."


@dataclass(frozen=True)
class Classification:
    """What the officer sets; None leaves a value as it is, "" clears the category type or topic."""

    program: str | None = None
    category_type: str | None = None
    topic: str | None = None
    severity: str | None = None


SUGGESTED = ("program", "category_type", "topic", "severity")


def complaint_classify(*, complaint: Complaint, actor, change: Classification, at: datetime | None = None) -> Complaint:
    """Set or change program, category type, topic and severity; the deadline follows. What is
    recorded already changes nothing and writes no event."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.CLASSIFY)
        states(current, Transition.CLASSIFY)
        program, category_type, topic, severity = _resolved(current, change)
        changes = {
            name: [_code(old), _code(new)]
            for name, old, new in (("program", current.program, program),
                                   ("category_type", current.category_type, category_type),
                                   ("topic", current.topic, topic),
                                   ("severity", current.severity, severity))
            if _code(old) != _code(new)
        }
        if not changes:  # what is recorded already: nothing to write (a retried request, a form sent twice)
            return updated(current, complaint)
        current.program, current.category_type, current.topic = program, category_type, topic
        current.severity = severity
        current.policy = program.policy or default_policy()
        previous_due = current.due_at
        _recompute_due(current)
        current.save(update_fields=["program", "category_type", "topic", "severity", "policy", "due_at", "warned_at",
                                    "updated_at"])
        data = {"changes": changes, "previous_due_at": previous_due.isoformat(), "due_at": current.due_at.isoformat()}
        if current.triage:
            # What triage had suggested beside what the officer chose: how often it was right, from the events.
            data["suggested"] = {name: current.triage.get(name) for name in SUGGESTED}
        record_event(current, EventKind.CLASSIFIED, at=at, actor=actor,
                     public_note=CLASSIFIED_PUBLIC.format(summary=_summary(current)), data=data)
    return updated(current, complaint)


def complaint_locate(*, complaint: Complaint, actor, region_code: str, at: datetime | None = None) -> Complaint:
    """Correct the complaint's place to an official region (a flagged SMS: from the text as sent,
    which the event keeps, and which teaches the resolver that spelling for that desa). The
    deadline is counted again in the region's time zone."""
    at = at or timezone.now()
    region = region_by_code((region_code or "").strip())
    if region is None:
        raise errors.ActionError(errors.UNKNOWN_REGION.format(value=region_code), field="location_code")
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.CLASSIFY)
        states(current, Transition.CLASSIFY)
        if current.region_id == region.code and not current.location_needs_review:
            return updated(current, complaint)
        previous_region, previous_due = current.region_id, current.due_at
        if current.location_needs_review and current.location_text:
            taught.teach(current.location_text, region, by=actor)  # the next SMS written so resolves
        current.region = region
        current.location_needs_review = False
        _recompute_due(current)
        current.save(update_fields=["region", "location_needs_review", "due_at", "warned_at", "updated_at"])
        record_event(
            current, EventKind.LOCATED, at=at, actor=actor,
            public_note=LOCATED_PUBLIC.format(name=region.name),
            data={"from_region": previous_region, "to_region": region.code, "location_text": current.location_text,
                  "previous_due_at": previous_due.isoformat(), "due_at": current.due_at.isoformat()},
        )
    return updated(current, complaint)


def complaint_link(*, complaint: Complaint, actor, other: Complaint, at: datetime | None = None) -> Complaint:
    """Link two complaints about the same problem (a possible duplicate): an event on each that
    names the other. Neither is merged, closed or hidden; each is answered on its own."""
    at = at or timezone.now()
    if other.pk == complaint.pk:
        raise errors.ActionError(SAME_COMPLAINT, field="other")
    with transaction.atomic():
        rows = {c.pk: locked(c, actor=actor, ability=Ability.CLASSIFY if c is complaint else None)
                for c in sorted((complaint, other), key=lambda c: c.pk)}  # one lock order for both
        current = rows[complaint.pk]
        states(current, Transition.CLASSIFY)
        link_both(current, other, actor=actor, at=at)
    return updated(current, complaint)


def link_both(current: Complaint, other: Complaint, *, actor, at: datetime) -> None:
    """The LINKED event on each of two complaints, once (under the caller's lock of `current`)."""
    if Event.objects.filter(complaint=current, kind=EventKind.LINKED, data__with=other.tracking_number).exists():
        return
    for this, that in ((current, other), (other, current)):
        record_event(this, EventKind.LINKED, at=at, actor=actor, data={"with": that.tracking_number},
                     note=LINKED_NOTE.format(number=that.tracking_number))


def _resolved(current: Complaint, change: Classification):
    programs = taxonomy.active_programs()
    program = current.program
    if change.program is not None and change.program != program.code:
        program = programs.get(change.program)
        if program is None:
            choices = ", ".join(programs)
            raise errors.ActionError(errors.UNKNOWN_PROGRAM.format(value=change.program, choices=choices),
                                     field="program")
    category_type = current.category_type
    if change.category_type is not None:
        category_type = taxonomy.category_types().get(change.category_type) if change.category_type else None
        if change.category_type and category_type is None:
            raise errors.ActionError(errors.UNKNOWN_CATEGORY.format(value=change.category_type), field="category_type")
    topic = current.topic
    if change.topic is not None:
        topic = taxonomy.topics().get((program.pk, change.topic)) if change.topic else None
        if change.topic and topic is None:
            raise errors.ActionError(errors.UNKNOWN_TOPIC.format(value=change.topic), field="topic")
    elif topic is not None and topic.program_id != program.pk:
        raise errors.ActionError(TOPIC_OF_OTHER_PROGRAM.format(value=topic.code, program=program.name), field="topic")
    severity = change.severity or current.severity
    if severity not in Severity.values:
        raise errors.ActionError(errors.UNKNOWN_SEVERITY.format(value=severity), field="severity")
    return program, category_type, topic, severity


def _recompute_due(current: Complaint) -> None:
    """The due date of the policy's class for the severity, from the start of the current clock,
    with the extensions granted so far; the stages not yet done follow, and the 75 % warning is
    owed again."""
    started = (Event.objects.filter(complaint=current, kind=EventKind.ESCALATED)
               .order_by("-at").values_list("at", flat=True).first()) or current.received_at
    due = due_for(started.astimezone(current.local_zone), current.policy, current.severity)
    current.due_at = with_extensions(current, due.due_at)
    current.warned_at = None
    done = frozenset(ComplaintStage.objects.filter(complaint=current, done_at__isnull=False).values_list("order", flat=True))
    ComplaintStage.objects.filter(complaint=current, done_at__isnull=True).delete()
    ComplaintStage.objects.bulk_create(stage_rows(current, due, skip=done))


def _code(value) -> str | None:
    return getattr(value, "code", value) or None


def _summary(complaint: Complaint) -> str:
    parts = [complaint.program.name]
    if complaint.category_type_id:
        parts.append(complaint.category_type.name)
    if complaint.topic_id:
        parts.append(complaint.topic.name)
    parts.append(Severity(complaint.severity).label)
    return ", ".join(str(part) for part in parts)
