"""Whose complaints a report counts, and who may ask for it — the one home of both rules.

A unit's report covers the unit and every unit below it: the units under it in the tree, and for
a regional unit every unit whose region lies inside its own (a Tikor Provinsi counts its
kabupaten/kota's Dinas Sosial, UPPKH and Tikor, a kabupaten's Tikor its pendamping). The Admin
Utama and the central coordination team count the whole country; a bank's head office its own.
A complaint counts where it was received or where it is handled.

A user may ask for the report of any unit inside the report of one of their own units.
"""

from django.db.models import Q, QuerySet

from aduan.core.access.memberships import descendant_unit_ids, sees_everything, user_units
from aduan.core.models import Complaint
from aduan.memo import memoized
from aduan.organisation.models import Unit, UnitKind

WHOLE_COUNTRY = frozenset({UnitKind.ADMIN_UTAMA, UnitKind.TIKOR_PUSAT})


def unit_ids(unit: Unit) -> frozenset[int] | None:
    """The units a report of `unit` counts; None: every unit (the whole country)."""
    if unit.kind in WHOLE_COUNTRY:
        return None
    return _tree(unit.pk, unit.region_id or "")


@memoized(models=[Unit])
def _tree(unit_id: int, region_code: str) -> frozenset[int]:
    below = descendant_unit_ids({unit_id})
    if region_code:
        below |= set(Unit.objects.filter(region__code__startswith=region_code).values_list("id", flat=True))
    return frozenset(below)


def complaints_of(unit: Unit) -> QuerySet[Complaint]:
    ids = unit_ids(unit)
    complaints = Complaint.objects.all()
    if ids is None:
        return complaints
    return complaints.filter(Q(receiving_unit_id__in=ids) | Q(handling_unit_id__in=ids))


def may_report(user, unit: Unit) -> bool:
    if sees_everything(user):
        return True
    for membership in user_units(user):
        ids = unit_ids(membership.unit)
        if ids is None or unit.pk in ids:
            return True
    return False


def default_unit(user) -> Unit | None:
    """The unit a user's reports open on: the widest of their own units."""
    units = [m.unit for m in user_units(user)]
    if not units:
        return Unit.objects.filter(kind=UnitKind.ADMIN_UTAMA).first() if sees_everything(user) else None
    return max(units, key=lambda u: (unit_ids(u) is None, len(unit_ids(u) or ())))


def reportable_units(user) -> QuerySet[Unit]:
    """The units a user may choose in the report pages' unit box."""
    if sees_everything(user):
        return Unit.objects.filter(is_active=True)
    ids: set[int] = set()
    for membership in user_units(user):
        tree = unit_ids(membership.unit)
        if tree is None:
            return Unit.objects.filter(is_active=True)
        ids |= tree
    return Unit.objects.filter(pk__in=ids, is_active=True)
