"""What every action does first: lock the row, check that the actor may act on it as it now is,
check the transition against the table."""

from aduan.core import errors
from aduan.core.access import Ability, require
from aduan.core.models import Complaint
from aduan.core.workflow import IllegalTransition, State, Transition, next_state


def locked(complaint: Complaint, *, actor=None, ability: Ability | None = None, to_unit=None) -> Complaint:
    """The complaint's current row, locked until the transaction ends: two officers, a sweep or a
    gateway retry may act at once, and each must see what the other did.

    With an officer and an ability, the officer's right is checked on that locked row: the copy the
    entry point authorised may be stale (disposed elsewhere in between). The sweep and the reporter
    act with no officer; the entry points that let a reporter act prove who they are first."""
    current = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if ability is not None and getattr(actor, "is_authenticated", False):
        require(actor, ability, current, to_unit=to_unit)
    return current


def refused(error: IllegalTransition) -> errors.ActionError:
    return errors.ActionError(error.message, code="illegal_transition")


def states(current: Complaint, transition: Transition) -> tuple[State, State]:
    """(before, after) for this transition, or the refusal the user reads."""
    before = State(current.status)
    try:
        return before, next_state(before, transition)
    except IllegalTransition as error:
        raise refused(error) from None


def updated(current: Complaint, complaint: Complaint) -> Complaint:
    """The caller's instance with the saved row's fields and related objects (handling_unit…)."""
    complaint.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    complaint._state.fields_cache = dict(current._state.fields_cache)
    return complaint
