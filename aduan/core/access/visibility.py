"""Which complaints a user may see (SPEC R25):

- the Admin Utama's members (and superusers) see every complaint;
- everyone sees the complaints their units receive or handle, and those they filed themselves;
- supervisors, Pejabat Pengelola and administrators also see the units below theirs (a province
  follows what it forwarded to its kab/kota);
- a unit that escalated a complaint keeps seeing it: its history there is not lost (R16).
"""

from django.db.models import QuerySet

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
    # One indexed lookup per reason to see a complaint, united: an OR of these conditions (with the
    # escalation EXISTS) made PostgreSQL scan every complaint, 2 s per queue page at 100,000 rows.
    reachable = (
        Complaint.objects.filter(handling_unit_id__in=unit_ids).order_by().values("pk")
        .union(
            Complaint.objects.filter(receiving_unit_id__in=unit_ids).order_by().values("pk"),
            Complaint.objects.filter(filed_by=user).order_by().values("pk"),
            Event.objects.filter(kind=EventKind.ESCALATED, from_unit_id__in=unit_ids).order_by().values("complaint_id"),
            all=True,
        )
    )
    return base.filter(pk__in=reachable)
