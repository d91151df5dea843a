"""Who holds a coordination meeting and who reads it — the one home of these rules (SPEC R26).

- schedule, keep the agenda, the attendance and the minutes, send them: the officers of the Tikor
  (every role but a supervisor) — a kabupaten/kota's, a province's, or the centre's;
- read a meeting: whoever sees the Tikor's unit (its own officers and those overseeing it), and the
  central complaint unit it was sent to (the Admin Utama sees every unit).
"""

from django.db.models import QuerySet

from aduan.core.access.abilities import NotAllowed
from aduan.core.access.memberships import roles_in, sees_everything, user_units
from aduan.core.access.visibility import visible_unit_ids
from aduan.meetings.models import Meeting
from aduan.organisation.models import Role, Unit, UnitKind

TIKOR_KINDS = frozenset({UnitKind.TIKOR_KABKOTA, UnitKind.TIKOR_PROVINSI, UnitKind.TIKOR_PUSAT})
NOT_A_TIKOR = "Hanya petugas Tim Koordinasi (Tikor) yang dapat mengatur rapat koordinasinya."


def tikor_units(user) -> list[Unit]:
    """The Tikor this user holds meetings for, each once, in membership order."""
    units: dict[int, Unit] = {}
    for m in user_units(user):
        if m.role != Role.SUPERVISOR and m.unit.kind in TIKOR_KINDS:
            units.setdefault(m.unit_id, m.unit)
    return list(units.values())


def may_hold(user, unit: Unit) -> bool:
    if unit.kind not in TIKOR_KINDS or not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(roles_in(user, unit.pk) - {Role.SUPERVISOR})


def require_hold(user, unit: Unit) -> None:
    if not may_hold(user, unit):
        raise NotAllowed(NOT_A_TIKOR)


def meetings_visible_to(user) -> QuerySet[Meeting]:
    meetings = Meeting.objects.all()
    if sees_everything(user):
        return meetings
    return meetings.filter(unit_id__in=visible_unit_ids(user))
