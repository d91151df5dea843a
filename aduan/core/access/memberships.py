"""The user's units and roles: remembered per process (aduan/memo.py) and on the user object."""

from django.contrib.auth import get_user_model

from aduan.memo import memoized
from aduan.organisation.models import Membership, Unit, UnitKind

NATIONAL_KINDS = frozenset({UnitKind.ADMIN_UTAMA})


def user_units(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_aduan_memberships", None)
    if cached is None:
        cached = user._aduan_memberships = _memberships_of(user.pk)
    return cached


@memoized(models=[Membership, Unit])
def _memberships_of(user_id: int) -> list[Membership]:
    return list(Membership.objects.filter(user_id=user_id).select_related("unit"))


def roles_in(user, unit_id: int | None) -> set[str]:
    return {m.role for m in user_units(user) if m.unit_id == unit_id} if unit_id else set()


def sees_everything(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(m.unit.kind in NATIONAL_KINDS for m in user_units(user))


def descendant_unit_ids(unit_ids: set[int]) -> set[int]:
    """The units below these ones (and these ones)."""
    return set(_descendants(frozenset(unit_ids)))


@memoized(models=[Unit])
def _descendants(unit_ids: frozenset[int]) -> frozenset[int]:
    # Walking the parent links level by level: one query a level, four levels in the seeded tree.
    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return frozenset(found)


def unit_officers(unit_id: int, roles: frozenset[str]):
    """The users holding one of `roles` in the unit, by name (the assignment form's choices)."""
    ids = Membership.objects.filter(unit_id=unit_id, role__in=roles).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("first_name", "last_name", "username")
