"""Which actions the page offers: what the complaint's state admits (aduan.core.workflow) and what
the user's roles allow (aduan.core.access), both."""

from django.utils import timezone

from aduan.core import access
from aduan.core.workflow import TABLE, State, Transition


def workflow_allows(complaint, now=None) -> set[str]:
    """The transitions the complaint's current state admits, checked the way the actions check
    them, so the page does not offer what would only be refused."""
    now = now or timezone.now()
    state = State(complaint.status)
    allowed = {t.value for t in Transition if (state, t) in TABLE}
    if complaint.closure_due_at is None:
        allowed -= {Transition.CLOSE, Transition.REBUT}
    elif now >= complaint.closure_due_at:
        allowed.discard(Transition.REBUT)
    if complaint.handling_unit_id is None:
        allowed.discard(Transition.RETURN)  # not disposed yet: nothing to send back
    return allowed


def allowed_actions(user, complaint) -> set[str]:
    return workflow_allows(complaint) & set(access.allowed_actions(user, complaint))


def role_allows(user, transition: str, complaint) -> bool:
    return access.may(user, transition, complaint)

