"""Reads: which complaints a user may see, and the querysets the pages and the API list."""

from django.db.models import Q, QuerySet

from aduan.core.models import Complaint
from aduan.organisation.models import Membership, Role, Unit, UnitKind

NATIONAL_KINDS = {UnitKind.ADMIN_UTAMA}
# Roles that may read complaints of the units below their own (SPEC R25 internal supervision).
OVERSEEING_ROLES = {Role.SUPERVISOR, Role.PEJABAT_PENGELOLA}


def user_units(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_aduan_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit"))
        user._aduan_memberships = cached
    return cached


def sees_everything(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        m.unit.kind in NATIONAL_KINDS for m in user_units(user)
    )


def descendant_unit_ids(unit_ids: set[int]) -> set[int]:
    """The units below these ones, by walking the parent links level by level (a few queries)."""
    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return found


def visible_unit_ids(user) -> set[int]:
    memberships = user_units(user)
    own = {m.unit_id for m in memberships}
    overseen = {m.unit_id for m in memberships if m.role in OVERSEEING_ROLES}
    return own | (descendant_unit_ids(overseen) if overseen else set())


def complaints_visible_to(user) -> QuerySet[Complaint]:
    base = Complaint.objects.all()
    if sees_everything(user):
        return base
    unit_ids = visible_unit_ids(user)
    if not unit_ids:
        return base.none()
    return base.filter(Q(handling_unit_id__in=unit_ids) | Q(receiving_unit_id__in=unit_ids) | Q(filed_by=user))


def may_see_identity(user, complaint: Complaint) -> bool:
    """A confidential reporter's identity is for the officers handling the complaint (and the
    national administrators who dispose it); everyone else sees it masked."""
    if complaint.anonymous:
        return False
    if not complaint.confidential:
        return True  # callers have already checked that the user may see the complaint at all
    if sees_everything(user):
        return True
    handling = {m.unit_id for m in user_units(user) if m.role != Role.SUPERVISOR}
    return complaint.handling_unit_id in handling or complaint.filed_by_id == getattr(user, "id", None)
