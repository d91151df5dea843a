"""How often each Tikor must meet (SPEC R26, seeds 002): a kabupaten/kota's at least monthly, the
centre's at least every three months, a province's as needed. A Tikor has met when its minutes
record the day it met."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Max

from aduan.meetings.access import TIKOR_KINDS
from aduan.meetings.models import Meeting
from aduan.organisation.models import Unit, UnitKind

EVERY_MONTHS = {UnitKind.TIKOR_KABKOTA: 1, UnitKind.TIKOR_PUSAT: 3}


@dataclass(frozen=True)
class Cadence:
    unit: Unit
    last_met: date | None
    every_months: int | None  # None: as needed
    due_by: date | None  # the latest day of the next meeting the rule allows

    def late(self, today: date) -> bool:
        if self.every_months is None:
            return False
        return self.last_met is None or today > self.due_by


def months_after(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cadences(units: list[Unit]) -> list[Cadence]:
    """Each unit's last meeting and what the rule asks of it, in one query."""
    last = dict(Meeting.objects.filter(unit__in=units, held_on__isnull=False).order_by()
                .values("unit").annotate(last=Max("held_on")).values_list("unit", "last"))
    result = []
    for unit in units:
        every, met = EVERY_MONTHS.get(unit.kind), last.get(unit.pk)
        result.append(Cadence(unit, met, every, months_after(met, every) if every and met else None))
    return result


def tikor_for(unit: Unit) -> list[Unit]:
    """The Tikor whose cadence a unit's dashboard shows: the unit itself when it is one, else the
    Tikor of its region (a Dinas Sosial's), or the centre's for a national unit."""
    if unit.kind in TIKOR_KINDS:
        return [unit]
    if unit.region_id:
        return list(Unit.objects.filter(region_id=unit.region_id, is_active=True,
                                        kind__in=[UnitKind.TIKOR_KABKOTA, UnitKind.TIKOR_PROVINSI]))
    return list(Unit.objects.filter(kind=UnitKind.TIKOR_PUSAT, is_active=True))


def districts_late(today: date, region_code: str | None = None) -> tuple[int, int]:
    """(late, all) of the kabupaten/kota Tikor — inside a province when a code is given."""
    units = Unit.objects.filter(kind=UnitKind.TIKOR_KABKOTA, is_active=True)
    if region_code:
        units = units.filter(region__code__startswith=region_code + ".")
    found = cadences(list(units))
    return sum(1 for c in found if c.late(today)), len(found)
