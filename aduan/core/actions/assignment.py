"""Giving a complaint to one of the holding unit's officers (the unit head's queue work), and the
desk's referral of a case it cannot settle to the unit's sub koordinator (Probolinggo 2.5).

The head or administrator of the unit holding a complaint assigns it to an officer of that unit
who may answer it (`access.ASSIGNABLE_ROLES`); the officer finds it under "Ditugaskan ke saya"
and is told by email when they have one. Every hop to another unit clears the assignment.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.access.abilities import ASSIGNABLE_ROLES, REFERRAL_ROLES
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
REFERRED_NOTE = "Dirujuk kepada {name} untuk diputuskan:"
NO_REFERRAL_NOTE = "Tuliskan masalahnya untuk sub koordinator."
NOT_A_REFEREE = "{name} bukan sub koordinator atau Pejabat Pengelola di {unit}."


def complaint_assign(*, complaint: Complaint, actor, officer, note: str = "", at: datetime | None = None) -> Complaint:
    """Assign to `officer`, or (None) take the assignment back; the status does not change."""
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.ASSIGN)
        before, after = states(current, Transition.ASSIGN)
        previous = current.assigned_to
        if officer is None and previous is None:
            raise errors.ActionError(NOT_ASSIGNED, field="officer")
        if officer is None:
            current.assigned_to = None
            current.save(update_fields=["assigned_to", "updated_at"])
            record_event(current, EventKind.ASSIGNED, at=at, actor=actor, from_status=before, to_status=after,
                         to_unit=current.holder,
                         note=" ".join(filter(None, (UNASSIGNED_NOTE.format(name=actor_label(previous)), note.strip()))),
                         data={"officer_id": None, "officer": "", "previous_id": previous.pk})
        else:
            _give(current, officer, ASSIGNABLE_ROLES, at=at, actor=actor, states=(before, after),
                  note=" ".join(filter(None, (ASSIGNED_NOTE.format(name=actor_label(officer)), note.strip()))))
    return updated(current, complaint)


def complaint_refer(*, complaint: Complaint, actor, officer, note: str, at: datetime | None = None) -> Complaint:
    """The desk refers a case it cannot settle to the unit's sub koordinator (or its Pejabat
    Pengelola), who decides and answers (Probolinggo 2.5–2.7): an assignment with the desk's note."""
    note = errors.required(note, NO_REFERRAL_NOTE, field="note")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.REFER)
        _give(current, officer, REFERRAL_ROLES, at=at, actor=actor, states=states(current, Transition.REFER),
              note=f"{REFERRED_NOTE.format(name=actor_label(officer))} {note}", referral=True)
    return updated(current, complaint)


def _give(current: Complaint, officer, roles, *, at, actor, states, note: str, referral: bool = False) -> None:
    holder, previous = current.holder, current.assigned_to
    if previous is not None and previous.pk == officer.pk:
        raise errors.ActionError(ALREADY_ASSIGNED.format(name=actor_label(officer)), field="officer")
    if not unit_officers(holder.pk, roles).filter(pk=officer.pk).exists():
        refusal = NOT_A_REFEREE if referral else NOT_OF_THE_UNIT
        raise errors.ActionError(refusal.format(name=actor_label(officer), unit=holder.name), field="officer")
    current.assigned_to = officer
    current.save(update_fields=["assigned_to", "updated_at"])
    before, after = states
    data = {"officer_id": officer.pk, "officer": actor_label(officer), "previous_id": previous.pk if previous else None}
    record_event(current, EventKind.ASSIGNED, at=at, actor=actor, from_status=before, to_status=after, to_unit=holder,
                 note=note, data=data | ({"referral": True} if referral else {}))
