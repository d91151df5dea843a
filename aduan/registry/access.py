"""Who may read a registry record (SPEC R21, UU PDP): the officers of a unit whose region holds the
record's desa, and the units above it — the national bodies see every region. Each read is
recorded (`lookup`); nothing of it reaches a log."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from aduan.core.access.memberships import sees_everything, user_units
from aduan.registry.models import Lookup, Record


def records_visible_to(user) -> QuerySet[Record]:
    if sees_everything(user):
        return Record.objects.all()
    units = [m.unit for m in user_units(user)]
    if not units:
        return Record.objects.none()
    if any(unit.region_id is None for unit in units):
        return Record.objects.all()
    reach = Q()
    for code in {unit.region_id for unit in units}:
        reach |= Q(region_code=code) | Q(region_code__startswith=code + ".")
    return Record.objects.filter(reach)


def lookup(user, *, by: str, number: str, where: str) -> list[Record]:
    """The records matching a NIK, KK or KKS number that the user may see, the read recorded."""
    field = {"nik": "nik", "kk": "no_kk", "kks": "kks"}[by]
    found = list(records_visible_to(user).filter(**{field: number}).order_by("-period", "source")[:50])
    Lookup.objects.create(user=user if getattr(user, "is_authenticated", False) else None, at=timezone.now(),
                          where=where, by=by, records=[record.pk for record in found])
    return found
