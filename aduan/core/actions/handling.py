"""Moving a complaint between units: disposition (SPEC R14)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.actions.events import record_event
from aduan.core.actions.lifecycle import _apply, _refuse, locked
from aduan.core.enums import EventKind
from aduan.core.models import Complaint
from aduan.core.workflow import IllegalTransition, State, Transition, next_state
from aduan.organisation.models import Unit

SAME_UNIT = "Pengaduan sudah berada di unit tersebut."


def complaint_dispose(*, complaint: Complaint, actor, to_unit: Unit, note: str = "", at: datetime | None = None) -> Complaint:
    """Forward the complaint to the unit with authority; its status does not change."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint)
        before = State(current.status)
        try:
            after = next_state(before, Transition.DISPOSE)
        except IllegalTransition as error:
            raise _refuse(error) from None
        if current.handling_unit_id == to_unit.pk:
            raise errors.ActionError(SAME_UNIT, field="to_unit")
        from_unit = current.handling_unit
        current.handling_unit = to_unit
        current.assigned_to = None
        current.save(update_fields=["handling_unit", "assigned_to", "updated_at"])
        record_event(
            current, EventKind.DISPOSED, at=at, actor=actor, from_status=before, to_status=after,
            from_unit=from_unit or current.receiving_unit, to_unit=to_unit, note=note.strip(),
            public_note=f"Pengaduan diteruskan kepada {to_unit.name}.",
        )
    return _apply(current, complaint)
