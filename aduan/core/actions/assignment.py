"""Giving a complaint to one of the holding unit's officers (the unit head's queue work).

The head or administrator of the unit holding a complaint assigns it to an officer of that unit
who may answer it (`access.ASSIGNABLE_ROLES`); the officer finds it under "Ditugaskan ke saya"
and is told by email when they have one. Every hop to another unit clears the assignment.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.access.abilities import ASSIGNABLE_ROLES
from aduan.core.access.memberships import unit_officers
from aduan.core.actions.events import actor_label, record_event
from aduan.core.actions.guard import locked, states, updated
from aduan.core.enums import EventKind
from aduan.core.models import Complaint
from aduan.core.workflow import Transition

NOT_OF_THE_UNIT = "{name} bukan petugas penanganan di {unit}."
ALREADY_ASSIGNED = "Pengaduan ini sudah ditugaskan kepada {name}."
NOT_ASSIGNED = "Pengaduan ini belum ditugaskan kepada siapa pun."
ASSIGNED_NOTE = "Ditugaskan kepada {name}."
UNASSIGNED_NOTE = "Penugasan kepada {name} dicabut."


def complaint_assign(*, complaint: Complaint, actor, officer, note: str = "", at: datetime | None = None) -> Complaint:
    """Assign to `officer`, or (None) take the assignment back; the status does not change."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.ASSIGN)
        before, after = states(current, Transition.ASSIGN)
        holder = current.holder
        previous = current.assigned_to
        if officer is None and previous is None:
            raise errors.ActionError(NOT_ASSIGNED, field="officer")
        if officer is not None:
            if previous is not None and previous.pk == officer.pk:
                raise errors.ActionError(ALREADY_ASSIGNED.format(name=actor_label(officer)), field="officer")
            if not unit_officers(holder.pk, ASSIGNABLE_ROLES).filter(pk=officer.pk).exists():
                raise errors.ActionError(NOT_OF_THE_UNIT.format(name=actor_label(officer), unit=holder.name),
                                         field="officer")
        current.assigned_to = officer
        current.save(update_fields=["assigned_to", "updated_at"])
        summary = (ASSIGNED_NOTE.format(name=actor_label(officer)) if officer is not None
                   else UNASSIGNED_NOTE.format(name=actor_label(previous)))
        record_event(
            current, EventKind.ASSIGNED, at=at, actor=actor, from_status=before, to_status=after, to_unit=holder,
            note=" ".join(filter(None, (summary, note.strip()))),
            data={"officer_id": officer.pk if officer else None, "officer": actor_label(officer) if officer else "",
                  "previous_id": previous.pk if previous else None},
        )
    return updated(current, complaint)
