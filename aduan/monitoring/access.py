"""Who follows, sees and reads the family of an aid-delivery case — the one home of these rules.

- open a case: the desk (front office and every role that may follow up a complaint) of a Dinas
  Sosial, kabupaten/kota or province: it is the Dinas Sosial that monitors (seeds 003);
- act on a case (requirements, contacts, the aid received): the desk of the unit following it;
- see a case: whoever sees that unit's complaints — its own officers, and the supervisors,
  Pejabat Pengelola and administrators of the units above it (`core.access.visible_unit_ids`);
- the family's NIK, KK, KKS and phone: whole for the desk following it and the overseeing
  Pejabat Pengelola and administrators; masked for supervisors, and for everyone but the desk when
  the case began as a confidential complaint.
"""

from django.db.models import QuerySet

from aduan.core.access.abilities import DECIDING_ROLES, DESK_ROLES, NotAllowed
from aduan.core.access.memberships import roles_in, sees_everything, user_units
from aduan.core.access.visibility import visible_unit_ids
from aduan.core.privacy import mask_name, mask_number
from aduan.monitoring.models import MonitoringCase
from aduan.organisation.models import Unit, UnitKind

MONITORING_KINDS = frozenset({UnitKind.DINSOS_KABKOTA, UnitKind.DINSOS_PROVINSI})
NOT_A_MONITOR = "Hanya petugas Dinas Sosial kabupaten/kota atau provinsi yang dapat membuka kasus pemantauan."
NOT_YOURS = "Hanya petugas unit yang memantau kasus ini yang dapat mencatat perkembangannya."


def monitoring_units(user) -> list[Unit]:
    """The units whose cases this user may open, each once, in membership order."""
    units: dict[int, Unit] = {}
    for m in user_units(user):
        if m.role in DESK_ROLES and m.unit.kind in MONITORING_KINDS:
            units.setdefault(m.unit_id, m.unit)
    return list(units.values())


def may_open(user, unit: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return unit.kind in MONITORING_KINDS
    return unit.kind in MONITORING_KINDS and bool(DESK_ROLES & roles_in(user, unit.pk))


def require_open(user, unit: Unit) -> None:
    if not may_open(user, unit):
        raise NotAllowed(NOT_A_MONITOR)


def may_act(user, case: MonitoringCase) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(DESK_ROLES & roles_in(user, case.unit_id))


def require_act(user, case: MonitoringCase) -> None:
    if not may_act(user, case):
        raise NotAllowed(NOT_YOURS)


def cases_visible_to(user) -> QuerySet[MonitoringCase]:
    cases = MonitoringCase.objects.all()
    if sees_everything(user):
        return cases
    return cases.filter(unit_id__in=visible_unit_ids(user))


def may_see_family(user, case: MonitoringCase) -> bool:
    """Callers have checked that the user sees the case."""
    if may_act(user, case):
        return True
    if case.confidential:
        return False
    return any(m.role in DECIDING_ROLES for m in user_units(user))


def family_shown(user, case: MonitoringCase) -> dict:
    """The family's name and numbers as this reader may see them (`whole` False: masked, no address)."""
    if may_see_family(user, case):
        return {"name": case.name, "nik": case.nik, "no_kk": case.no_kk, "kks_number": case.kks_number,
                "phone": case.phone, "address": case.address, "whole": True}
    return {"name": mask_name(case.name), "nik": mask_number(case.nik), "no_kk": mask_number(case.no_kk),
            "kks_number": mask_number(case.kks_number), "phone": mask_number(case.phone), "address": "",
            "whole": False}
