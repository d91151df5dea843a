"""Indonesia's days off, from the `holidays` package, and the calendar built from them.

"public" is the national holidays (hari libur nasional), "government" the cuti bersama decreed
each year by joint ministerial decree (SKB). Islamic and lunar holidays of years not yet decreed
are the package's estimates, named "... (perkiraan)".
"""

from collections.abc import Iterable, Mapping
from datetime import date, time
from functools import lru_cache
from types import MappingProxyType

import holidays

from aduan.core.deadlines.calendar import WorkingCalendar

COUNTRY = "ID"
CATEGORIES = ("public", "government")
CUTI_BERSAMA = "government"
LANGUAGE = "id"


@lru_cache(maxsize=None)
def _days_off_in(year: int) -> Mapping[date, str]:
    # Read-only because the cache hands the same object to every caller.
    return MappingProxyType(
        dict(holidays.country_holidays(COUNTRY, years=year, categories=CATEGORIES, language=LANGUAGE))
    )


def national_days_off(years: Iterable[int]) -> dict[date, str]:
    """National holidays and cuti bersama of `years`, with their Indonesian names."""
    days: dict[date, str] = {}
    for year in years:
        days.update(_days_off_in(year))
    return days


@lru_cache(maxsize=None)
def year_is_confirmed(year: int) -> bool:
    """False when the package knows no cuti bersama for `year` (not decreed yet, or not yet added).

    Such a year still computes, from weekends and public holidays, but its deadlines may move once
    the SKB is out: callers flag them as provisional.
    """
    return bool(holidays.country_holidays(COUNTRY, years=year, categories=(CUTI_BERSAMA,)))


def build_calendar(
    overrides: Iterable[tuple[date, bool, str]] = (),
    years: Iterable[int] | None = None,
    office_opens: time = time(8),
    office_closes: time = time(16),
) -> WorkingCalendar:
    """The national calendar corrected by the administrators' overrides.

    `overrides` are (day, is_day_off, name) rows: is_day_off adds a day off (a regional holiday, a
    cuti bersama the package lacks), otherwise the day is forced to be a working day. `years` are
    loaded up front (default: last year to two years ahead, which covers 30 working days plus the
    closure window); any other year is loaded the first time the calendar meets it.
    """
    days_off: dict[date, str] = {}
    working: set[date] = set()
    for day, is_day_off, name in overrides:
        # One row per day is expected; should there be two, the later one wins, as in the table.
        days_off.pop(day, None)
        working.discard(day)
        if is_day_off:
            days_off[day] = name
        else:
            working.add(day)
    if years is None:
        this_year = date.today().year
        years = range(this_year - 1, this_year + 3)
    national_days_off(years)  # warms the per-year cache; the calendar then reads it per year
    return WorkingCalendar(
        days_off,
        working,
        office_opens,
        office_closes,
        days_off_for_year=_days_off_in,
    )
