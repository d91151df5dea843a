"""Which complaints a user may see (SPEC R25):

- the Admin Utama's members (and superusers) see every complaint;
- everyone sees the complaints their units receive or handle, and those they filed themselves;
- supervisors, Pejabat Pengelola and administrators also see the units below theirs (a province
  follows what it forwarded to its kab/kota);
- a unit that escalated a complaint keeps seeing it: its history there is not lost (R16);
- a kabupaten/kota's Dinas Sosial sees what was announced to it (R20), to answer whether it was
  received there too.
"""

from django.db.models import Q, QuerySet

from aduan.core.access.memberships import descendant_unit_ids, sees_everything, user_units
from aduan.core.enums import EventKind
from aduan.core.models import Complaint, Event
from aduan.organisation.models import Role

# Roles that may read complaints of the units below their own (SPEC R25 internal supervision).
OVERSEEING_ROLES = frozenset({Role.SUPERVISOR, Role.PEJABAT_PENGELOLA, Role.ADMINISTRATOR})


def visible_unit_ids(user) -> set[int]:
    cached = getattr(user, "_aduan_visible_units", None)
    if cached is not None:
        return cached
    memberships = user_units(user)
    own = {m.unit_id for m in memberships}
    overseen = {m.unit_id for m in memberships if m.role in OVERSEEING_ROLES}
    visible = own | (descendant_unit_ids(overseen) if overseen else set())
    if getattr(user, "is_authenticated", False):
        user._aduan_visible_units = visible
    return visible


def complaints_visible_to(user) -> QuerySet[Complaint]:
    base = Complaint.objects.all()
    if sees_everything(user):
        return base
    unit_ids = visible_unit_ids(user)
    if not unit_ids:
        return base.filter(filed_by=user) if getattr(user, "is_authenticated", False) else base.none()
    return base.filter(_reachable(user, unit_ids))


# More escalated complaints than this and they stay a subquery (see _reachable).
ESCALATED_INLINE = 2_000


def _reachable(user, unit_ids: set[int]) -> Q:
    """Every reason to see a complaint as one condition on the complaint's own indexed columns,
    which PostgreSQL answers with one bitmap scan of those indexes and one visit of each row.

    The complaints the units escalated are read first, from the event index, and named by id. As
    a subquery inside the OR they made PostgreSQL scan every complaint (2 s a queue page at
    100,000 complaints); as a UNION of four lookups matched by id, every row was visited twice
    (25 ms for a district at a million complaints, for the counts and again for the page). Units
    that escalated more than ESCALATED_INLINE keep the union."""
    escalated = Event.objects.filter(kind=EventKind.ESCALATED, from_unit_id__in=unit_ids).order_by()
    escalated_ids = list(escalated.values_list("complaint_id", flat=True).distinct()[: ESCALATED_INLINE + 1])
    if len(escalated_ids) > ESCALATED_INLINE:
        return Q(pk__in=Complaint.objects.filter(handling_unit_id__in=unit_ids).order_by().values("pk").union(
            Complaint.objects.filter(receiving_unit_id__in=unit_ids).order_by().values("pk"),
            Complaint.objects.filter(filed_by=user).order_by().values("pk"),
            Complaint.objects.filter(announced_to_id__in=unit_ids).order_by().values("pk"),
            escalated.values("complaint_id"),
            all=True,
        ))
    own = (Q(handling_unit_id__in=unit_ids) | Q(receiving_unit_id__in=unit_ids) | Q(filed_by=user)
           | Q(announced_to_id__in=unit_ids))
    return own | Q(pk__in=escalated_ids) if escalated_ids else own


def held_q(user) -> Q:
    """Of what a user sees, what their own units hold and so may act on: handled there, or received
    there and not disposed yet. The rest (sent elsewhere, escalated, overseen, announced) is read only."""
    own = {m.unit_id for m in user_units(user)}
    return Q(handling_unit_id__in=own) | Q(handling_unit__isnull=True, receiving_unit_id__in=own)


def announcements_to_answer(user) -> QuerySet[Complaint]:
    """SPEC R20: the complaints received centrally that were announced to the user's units and
    that those units have not answered yet, oldest first — but for those since disposed to them,
    which their queue lists already (the answer can still be given on the complaint's page)."""
    own = {m.unit_id for m in user_units(user)}
    return (Complaint.objects.filter(announced_to_id__in=own, district_answer="")
            .exclude(handling_unit_id__in=own).order_by("received_at", "id"))
