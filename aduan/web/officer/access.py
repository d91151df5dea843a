"""Which actions the page offers: what the complaint admits now (aduan.core.workflow.admitted) and
what the user's roles allow (aduan.core.access), both."""

from django.utils import timezone

from aduan.core import access
from aduan.core.workflow import admitted


def allowed_actions(user, complaint) -> set[str]:
    return admitted(complaint, timezone.now()) & set(access.allowed_actions(user, complaint))


def role_allows(user, transition: str, complaint) -> bool:
    return access.may(user, transition, complaint)
