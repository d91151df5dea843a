"""Moving a complaint between units: disposition and return (SPEC R14), escalation (R16, R20).

Every hop writes an event with the unit it left and the unit it reached, so the history of each
unit that held the complaint stays on its timeline. The status never changes on a hop.

Escalation and the deadline: the unit above gets a fresh due date computed by the complaint's own
policy from the moment of escalation (never earlier than the one it had), and a fresh 75% warning.
A higher level takes a complaint on its own clock, and a lapse there can be escalated once more;
the deadline the reporter was first given stays in the event's data (`previous_due_at`) for the
reports that measure lateness against it.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.actions.events import SYSTEM, record_event
from aduan.core.actions.guard import locked, states, updated
from aduan.core.due_dates import due_for
from aduan.core.enums import EventKind
from aduan.core.models import Complaint, Event
from aduan.core.workflow import Transition
from aduan.organisation.models import Unit
from aduan.organisation.routing import escalation_path, next_unit

SAME_UNIT = "Pengaduan sudah berada di unit tersebut."
NOTHING_TO_RETURN = "Pengaduan ini belum pernah didisposisikan ke unit ini; tidak ada yang dapat dikembalikan."
TOP_LEVEL = "Unit ini sudah berada di tingkat tertinggi; pengaduan tidak dapat dieskalasi lagi."
NOT_ABOVE = "{unit} bukan tingkat di atas unit yang menangani pengaduan ini."
DISPOSED_PUBLIC = "Pengaduan diteruskan kepada {unit}."
ESCALATED_PUBLIC = "Pengaduan diteruskan ke {unit} untuk ditangani di tingkat yang lebih tinggi."


def complaint_dispose(*, complaint: Complaint, actor, to_unit: Unit, note: str = "", at: datetime | None = None) -> Complaint:
    """Forward the complaint to the unit with authority; its status does not change.

    A PKH complaint gets its R18 checklist when it is first disposed (aduan.casework listens)."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.DISPOSE, to_unit=to_unit)
        before, after = states(current, Transition.DISPOSE)
        if current.handling_unit_id == to_unit.pk:
            raise errors.ActionError(SAME_UNIT, field="to_unit")
        from_unit = current.holder
        current.handling_unit = to_unit
        current.assigned_to = None
        current.save(update_fields=["handling_unit", "assigned_to", "updated_at"])
        record_event(
            current, EventKind.DISPOSED, at=at, actor=actor, from_status=before, to_status=after,
            from_unit=from_unit, to_unit=to_unit, note=note.strip(),
            public_note=DISPOSED_PUBLIC.format(unit=to_unit.name),
        )
    return updated(current, complaint)


def complaint_return(*, complaint: Complaint, actor, reason: str, at: datetime | None = None) -> Complaint:
    """A unit sends back a complaint that is not theirs, to the unit that sent it to them (the last
    disposition or escalation into it). Back at the receiving unit it waits for a new disposition."""
    reason = errors.required(reason, errors.EMPTY_REASON, field="reason")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.RETURN)
        before, after = states(current, Transition.RETURN)
        arrival = (
            Event.objects.filter(complaint=current, kind__in=[EventKind.DISPOSED, EventKind.ESCALATED],
                                 to_unit_id=current.handling_unit_id)
            .select_related("from_unit").order_by("-at", "-id").first()
            if current.handling_unit_id else None
        )
        if arrival is None or arrival.from_unit is None:
            raise errors.ActionError(NOTHING_TO_RETURN, code="illegal_transition")
        leaving, back_to = current.handling_unit, arrival.from_unit
        current.handling_unit = None if back_to.pk == current.receiving_unit_id else back_to
        current.assigned_to = None
        current.save(update_fields=["handling_unit", "assigned_to", "updated_at"])
        record_event(
            current, EventKind.RETURNED, at=at, actor=actor, from_status=before, to_status=after,
            from_unit=leaving, to_unit=back_to, note=reason, data={"returned_after": arrival.kind},
        )
    return updated(current, complaint)


def complaint_escalate(*, complaint: Complaint, actor, reason: str, to_unit: Unit | None = None,
                       at: datetime | None = None) -> Complaint:
    """Raise the complaint to the level above the unit holding it (SPEC R16), or straight to a unit
    further up the same ladder (`to_unit`, e.g. a complaint about a pendamping to UPPKH Pusat)."""
    reason = errors.required(reason, errors.EMPTY_REASON, field="reason")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.ESCALATE)
        states(current, Transition.ESCALATE)
        holder = current.holder
        program = current.program.code
        if to_unit is None:
            to_unit = next_unit(holder, program)
            if to_unit is None:
                raise errors.ActionError(TOP_LEVEL, code="illegal_transition")
        elif to_unit.pk not in {u.pk for u in escalation_path(holder, program)}:
            raise errors.ActionError(NOT_ABOVE.format(unit=to_unit.name), field="to_unit")
        _raise(current, holder, to_unit, at=at, actor=actor, reason=reason, automatic=False)
    return updated(current, complaint)


def _raise(current: Complaint, holder: Unit, to_unit: Unit, *, at: datetime, actor, reason: str, automatic: bool) -> None:
    """The escalation itself, under the caller's row lock (shared with the sweep)."""
    before, after = states(current, Transition.ESCALATE)
    previous_due = current.due_at
    fresh = due_for(at.astimezone(current.local_zone), current.policy, current.severity).due_at
    current.due_at = max(previous_due, fresh)
    current.handling_unit = to_unit
    current.assigned_to = None
    current.warned_at = None
    current.save(update_fields=["handling_unit", "assigned_to", "due_at", "warned_at", "updated_at"])
    record_event(
        current, EventKind.ESCALATED, at=at, actor=actor, label=SYSTEM if automatic else None,
        from_status=before, to_status=after, from_unit=holder, to_unit=to_unit, note=reason,
        public_note=ESCALATED_PUBLIC.format(unit=to_unit.name),
        data={"automatic": automatic, "previous_due_at": previous_due.isoformat(), "due_at": current.due_at.isoformat()},
    )
