"""A confidential reporter's identity (SPEC R6, UU PDP): shown whole only to those handling the
complaint, masked to everyone else, and every whole showing recorded.

The attachments of a confidential complaint (copies of KTP, KK, KKS) are that identity too: the
same rule decides who downloads them, and each download is recorded like a view."""

from django.db.models import Q
from django.utils import timezone

from aduan.core.access.memberships import NATIONAL_KINDS, user_units
from aduan.core.privacy import scrub
from aduan.organisation.models import IdentityView, Role

# Officers who work on a complaint, and so may see a confidential reporter's identity.
IDENTITY_ROLES = frozenset({Role.ADMINISTRATOR, Role.BACK_OFFICE, Role.FRONT_OFFICE, Role.PEJABAT_PENGELOLA,
                            Role.SUB_KOORDINATOR})


def may_see_identity(user, complaint) -> bool:
    """The officers of the unit holding it, the Admin Utama that disposes it, and whoever filed it;
    supervisors and the units above see it masked. Callers have already checked that the user may
    see the complaint."""
    if complaint.anonymous:
        return False
    if not complaint.confidential:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or complaint.filed_by_id == user.id:
        return True
    holder = complaint.holder_id
    return any(m.role in IDENTITY_ROLES and (m.unit_id == holder or m.unit.kind in NATIONAL_KINDS)
               for m in user_units(user))


def identity_visible_q(user) -> Q:
    """`may_see_identity` as a filter: the complaints whose identity (and so whole text) this user
    may see. A search of the text keeps to these, or a search for a NIK would tell which
    confidential complaint it belongs to."""
    if getattr(user, "is_superuser", False):
        return ~Q(anonymous=True)
    memberships = user_units(user)
    if any(m.role in IDENTITY_ROLES and m.unit.kind in NATIONAL_KINDS for m in memberships):
        return ~Q(anonymous=True)
    units = {m.unit_id for m in memberships if m.role in IDENTITY_ROLES}
    holding = Q(handling_unit_id__in=units) | Q(handling_unit__isnull=True, receiving_unit_id__in=units)
    filed = Q(filed_by=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    return Q(anonymous=False) & (Q(confidential=False) | filed | holding)


def readable_text(user, complaint) -> str:
    """The complaint's text for this reader: whole for those who may see the identity, with the NIK,
    KK, KKS, phone numbers and emails the reporter typed into it masked for everyone else."""
    return complaint.text if may_see_identity(user, complaint) else scrub(complaint.text)


def record_identity_view(*, user, complaint, where: str = IdentityView.Where.WEB, at=None) -> None:
    """UU PDP audit: one row each time a confidential reporter's identity is shown whole."""
    if not complaint.confidential or not getattr(user, "is_authenticated", False):
        return
    IdentityView.objects.create(user=user, complaint=complaint, where=where, at=at or timezone.now())


def may_download(*, user, complaint, where: str) -> bool:
    """Attachments of a non-confidential complaint go to whoever may see it; a confidential one's
    only to those who may see the identity, each download recorded."""
    if not complaint.confidential:
        return True
    if not may_see_identity(user, complaint):
        return False
    record_identity_view(user=user, complaint=complaint, where=where)
    return True
