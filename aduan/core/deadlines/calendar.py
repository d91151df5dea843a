"""Working days and office hours (SPEC R12, R13, R15): pure date arithmetic, holidays passed in.

A working day is Monday to Friday, minus national holidays and cuti bersama, corrected by the
administrators' overrides. Deadlines are wall-clock rules, so every computation happens on the
local date and time of the datetime it is given: convert a receipt to its region's zone (WIB,
WITA, WIT) before asking.
"""

from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime, time, timedelta, tzinfo

END_OF_DAY = time(23, 59, 59)
SATURDAY = 5

# Programmer errors (a caller's bug, never the user's input), hence in English.
NAIVE_DATETIME = "Deadlines need a timezone-aware datetime in the complaint's local zone."
NEGATIVE_AMOUNT = "A deadline amount cannot be negative."
OFFICE_HOURS_REVERSED = "The office must open before it closes."

ONE_DAY = timedelta(days=1)


def end_of_day(day: date, tz: tzinfo | None) -> datetime:
    """The last second of `day` in `tz`: a deadline is met by anything done that day."""
    return datetime.combine(day, END_OF_DAY, tzinfo=tz)


def add_calendar_days(start: datetime, n: int) -> datetime:
    """The end of the n-th calendar day after the (local) day of `start`; needs no calendar."""
    _non_negative(n)
    return end_of_day(_local(start).date() + timedelta(days=n), start.tzinfo)


def _local(start: datetime) -> datetime:
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError(NAIVE_DATETIME)
    return start


def _non_negative(n: int | float) -> None:
    if n < 0:
        raise ValueError(NEGATIVE_AMOUNT)


class WorkingCalendar:
    """Which days count, and the arithmetic on them.

    `days_off` are days off for any year (the administrators' additions, or a full national list);
    `days_off_for_year`, when given, is asked once per year the calendar meets, so a calendar built
    for a few years still answers correctly for the next ones. `working_overrides` force a day to be
    a working day, and win over both (a holiday moved, a Saturday worked in its place).
    """

    def __init__(
        self,
        days_off: Mapping[date, str],
        working_overrides: Collection[date] = (),
        office_opens: time = time(8),
        office_closes: time = time(16),
        *,
        days_off_for_year: Callable[[int], Mapping[date, str]] | None = None,
    ) -> None:
        if office_opens >= office_closes:
            raise ValueError(OFFICE_HOURS_REVERSED)
        self._days_off = dict(days_off)
        self._working_overrides = frozenset(working_overrides)
        self._days_off_for_year = days_off_for_year
        self._loaded_years: set[int] = set()
        # Sorted, for counting by bisection: the weekend days made working, and the weekdays off
        # (built again whenever a year's days off arrive).
        self._weekends_worked = sorted(day for day in self._working_overrides if day.weekday() >= SATURDAY)
        self._weekdays_off: list[date] | None = None
        self.office_opens = office_opens
        self.office_closes = office_closes

    def __repr__(self) -> str:
        return (
            f"WorkingCalendar({len(self._days_off)} days off, {len(self._working_overrides)} working overrides, "
            f"{self.office_opens:%H:%M}-{self.office_closes:%H:%M})"
        )

    # -- which days count -------------------------------------------------------------------

    def _ensure_year(self, year: int) -> None:
        if self._days_off_for_year is None or year in self._loaded_years:
            return
        loaded = self._days_off_for_year(year)
        # The explicitly given days off (administrators' names) keep precedence over the loader's.
        self._days_off = {**loaded, **self._days_off}
        self._loaded_years.add(year)
        self._weekdays_off = None

    def day_off_name(self, day: date) -> str | None:
        """The holiday's name when `day` is a declared day off that is not overridden, else None."""
        if day in self._working_overrides:
            return None
        self._ensure_year(day.year)
        return self._days_off.get(day)

    def is_working_day(self, day: date) -> bool:
        if day in self._working_overrides:
            return True
        if day.weekday() >= SATURDAY:
            return False
        self._ensure_year(day.year)
        return day not in self._days_off

    def _next_working_day(self, day: date) -> date:
        day += ONE_DAY
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    # -- deadlines ----------------------------------------------------------------------------

    def add_working_days(self, start: datetime, n: int) -> datetime:
        """The end of the n-th working day after the (local) day of `start`.

        The day of receipt never counts, whatever the hour: a complaint received on a Saturday or
        at 07:00 on a Monday has its first working day on the Monday after or the Tuesday. n=0
        means the end of the day of `start` itself.
        """
        _non_negative(n)
        day = _local(start).date()
        for _ in range(n):
            day = self._next_working_day(day)
        return end_of_day(day, start.tzinfo)

    def add_calendar_days(self, start: datetime, n: int) -> datetime:
        """The end of the n-th calendar day after the (local) day of `start`."""
        return add_calendar_days(start, n)

    def add_office_hours(self, start: datetime, hours: int | float) -> datetime:
        """The instant at which `hours` office hours on working days have passed since `start`.

        Before opening the clock starts at opening; after closing, or on a day off, at the next
        working day's opening. A span that ends exactly at closing time ends that day, not the next
        morning.
        """
        _non_negative(hours)
        tz = _local(start).tzinfo
        # Office hours are wall-clock hours: compute on the local wall time, attach the zone last.
        cursor = start.replace(tzinfo=None)
        remaining = timedelta(hours=hours)
        while True:
            day = cursor.date()
            opens = datetime.combine(day, self.office_opens)
            closes = datetime.combine(day, self.office_closes)
            if not self.is_working_day(day) or cursor >= closes:
                cursor = datetime.combine(self._next_working_day(day), self.office_opens)
                continue
            cursor = max(cursor, opens)
            if remaining <= closes - cursor:
                return (cursor + remaining).replace(tzinfo=tz)
            remaining -= closes - cursor
            cursor = datetime.combine(self._next_working_day(day), self.office_opens)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end], negative when `end` is before `start`.

        `working_days_between(today, due)` is "n hari kerja lagi"; `working_days_between(due, today)`
        is "terlambat n hari kerja".
        """
        if end < start:
            return -self.working_days_between(end, start)
        # Arithmetic, not a walk: the queue asks this for every row, and an old complaint is
        # years late. Monday to Friday, less the weekdays off, plus the weekends made working.
        for year in range(start.year, end.year + 1):
            self._ensure_year(year)
        if self._weekdays_off is None:
            self._weekdays_off = sorted(day for day in self._days_off
                                        if day.weekday() < SATURDAY and day not in self._working_overrides)
        return (_weekdays_between(start, end) - _count_within(self._weekdays_off, start, end)
                + _count_within(self._weekends_worked, start, end))


def _count_within(days: list[date], start: date, end: date) -> int:
    """How many of the sorted `days` fall in (start, end]."""
    return bisect_right(days, end) - bisect_right(days, start)


def _weekdays_between(start: date, end: date) -> int:
    """Mondays to Fridays in (start, end]."""
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for i in range(1, rest + 1) if (first + i) % 7 < SATURDAY)
