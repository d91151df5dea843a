"""Who may read a registry record (SPEC R21, UU PDP): the officers of a unit whose region holds the
record's desa, and the units above it — the national bodies see every region. The same rule covers
a complaint's registry match (and a confidential reporter's match only for those who may see the
identity). Each read is recorded (`lookup`, `matches_read`); nothing of it reaches a log."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from aduan.core.access import may_see_identity
from aduan.core.access.memberships import sees_everything, user_units
from aduan.registry.busy import claim_for_reading
from aduan.registry.models import Lookup, Match, Record

EVERYWHERE = Q()
NOWHERE = None


def reach_q(user) -> Q | None:
    """The desa codes this user may read, as a filter on `region_code`; None: none at all."""
    if sees_everything(user):
        return EVERYWHERE
    units = [m.unit for m in user_units(user)]
    if not units:
        return NOWHERE
    if any(unit.region_id is None for unit in units):
        return EVERYWHERE
    reach = Q()
    for code in {unit.region_id for unit in units}:
        reach |= Q(region_code=code) | Q(region_code__startswith=code + ".")
    return reach


def records_visible_to(user) -> QuerySet[Record]:
    reach = reach_q(user)
    return Record.objects.none() if reach is NOWHERE else Record.objects.filter(reach)


def matches_visible_to(user, complaint) -> list[Match]:
    """A complaint's registry matches this user may read (they may already see the complaint)."""
    reach = reach_q(user)
    if reach is NOWHERE or not may_see_identity(user, complaint):
        return []
    found = complaint.registry_matches.all()
    if reach is not EVERYWHERE:  # (Q() | q is q, not "everything")
        found = found.filter(Q(source="") | reach)
    return list(found.select_related("linked_by"))


def matches_read(user, complaint, *, where: str) -> list[Match]:
    """`matches_visible_to`, the showing of each record found recorded like a lookup."""
    matches = matches_visible_to(user, complaint)
    found = [m for m in matches if m.found]
    if found:
        _record_read(user, where=where, by=found[0].by, ids=[m.record_id for m in found])
    return matches


def _record_read(user, *, where: str, by: str, ids) -> None:
    Lookup.objects.create(user=user if getattr(user, "is_authenticated", False) else None, at=timezone.now(),
                          where=where, by=by, records=[pk for pk in ids if pk is not None])


def lookup(user, *, by: str, number: str, where: str) -> list[Record]:
    """The records matching a NIK, KK or KKS number that the user may see, the read recorded — on
    PostgreSQL in the same statement (one round trip: the registry's desk answers in about a
    millisecond at ten million records). `RegistryBusy` while an import holds the registry."""
    claim_for_reading()
    field = {"nik": "nik", "kk": "no_kk", "kks": "kks"}[by]
    found = records_visible_to(user).filter(**{field: number}).order_by("-period", "source")[:50]
    if connection.vendor != "postgresql":
        records = list(found)
        _record_read(user, where=where, by=by, ids=[record.pk for record in records])
        return records
    select, params = found.query.get_compiler(using=found.db).as_sql()
    reader = user.pk if getattr(user, "is_authenticated", False) else None
    # A data-modifying WITH runs exactly once, to completion, whether or not the outer query reads it.
    return list(Record.objects.raw(
        f"WITH found AS ({select}), recorded AS (INSERT INTO {Lookup._meta.db_table} "
        '(user_id, "at", "where", "by", records) SELECT %s, %s, %s, %s, '
        "COALESCE(jsonb_agg(id ORDER BY period DESC, source), '[]'::jsonb) FROM found) "
        "SELECT * FROM found ORDER BY period DESC, source",
        [*params, reader, timezone.now(), where, by]))
