"""SPEC R25's staffing rule for units, checked by `aduan check_units`."""

from aduan.organisation.models import Membership, Role, Unit


def units_missing_officers() -> list[tuple[Unit, list[str]]]:
    """SPEC R25: every staffed unit names one Pejabat Pengelola and at least one Administrator.
    Units nobody has joined yet are not reported (most regional units of a fresh install)."""
    staffed: dict[int, set[str]] = {}
    for unit_id, role in Membership.objects.values_list("unit_id", "role"):
        staffed.setdefault(unit_id, set()).add(role)
    problems = []
    for unit in Unit.objects.filter(pk__in=staffed, is_active=True).order_by("code"):
        missing = [label for role, label in ((Role.PEJABAT_PENGELOLA, "Pejabat Pengelola"),
                                             (Role.ADMINISTRATOR, "Administrator")) if role not in staffed[unit.pk]]
        if missing:
            problems.append((unit, missing))
    return problems
