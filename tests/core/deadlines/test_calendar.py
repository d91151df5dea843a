"""Working days, calendar days and office hours (SPEC R12, R13): no database, holidays passed in."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aduan.core.deadlines.calendar import (
    NAIVE_DATETIME,
    NEGATIVE_AMOUNT,
    OFFICE_HOURS_REVERSED,
    WorkingCalendar,
)
from aduan.core.deadlines.holiday_source import build_calendar

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

# March 2026 has no national holiday before Nyepi (19 March): weekends are the only days off.
MONDAY = datetime(2026, 3, 2, 10, tzinfo=WIB)
WEEKENDS_ONLY = WorkingCalendar({})


@pytest.fixture(scope="module")
def national():
    return build_calendar(years=[2026, 2027])


def end_of(day: date, tz=WIB) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)


# -- which days count ------------------------------------------------------------------------


def test_monday_to_friday_are_working_days_and_the_weekend_is_not():
    week = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]
    assert [WEEKENDS_ONLY.is_working_day(day) for day in week] == [True] * 5 + [False] * 2


def test_a_national_holiday_is_not_a_working_day(national):
    assert not national.is_working_day(date(2026, 12, 25))
    assert national.day_off_name(date(2026, 12, 25)) == "Hari Raya Natal"


def test_cuti_bersama_is_not_a_working_day(national):
    assert not national.is_working_day(date(2026, 12, 24))
    assert national.day_off_name(date(2026, 12, 24)) == "Cuti Bersama Hari Raya Natal"


def test_an_override_can_add_a_day_off():
    calendar = WorkingCalendar({date(2026, 3, 4): "Hari jadi kabupaten"})
    assert not calendar.is_working_day(date(2026, 3, 4))


def test_an_override_can_turn_a_holiday_into_a_working_day():
    calendar = WorkingCalendar({date(2026, 12, 24): "Cuti Bersama"}, working_overrides={date(2026, 12, 24)})
    assert calendar.is_working_day(date(2026, 12, 24))
    assert calendar.day_off_name(date(2026, 12, 24)) is None


def test_an_override_can_make_a_saturday_a_working_day():
    calendar = WorkingCalendar({}, working_overrides={date(2026, 3, 7)})
    assert calendar.is_working_day(date(2026, 3, 7))
    assert calendar.add_working_days(datetime(2026, 3, 6, 10, tzinfo=WIB), 1) == end_of(date(2026, 3, 7))


# -- working days ----------------------------------------------------------------------------


def test_seven_working_days_from_wednesday_23_december_2026_end_on_thursday_7_january_2027(national):
    # 24 Dec (cuti bersama), 25 Dec (Natal), 1 Jan (Tahun Baru), 5 Jan (Isra Mikraj) and the weekends
    # do not count: 28, 29, 30, 31 Dec, 4, 6, 7 Jan.
    received = datetime(2026, 12, 23, 10, tzinfo=WIB)
    assert national.add_working_days(received, 7) == datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB)


def test_the_day_of_receipt_never_counts_even_before_office_hours():
    early_monday = datetime(2026, 3, 2, 6, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_working_days(early_monday, 1) == end_of(date(2026, 3, 3))


def test_a_receipt_after_office_hours_counts_from_the_next_working_day():
    late_wednesday = datetime(2026, 3, 4, 22, 30, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_working_days(late_wednesday, 1) == end_of(date(2026, 3, 5))


def test_a_receipt_on_a_saturday_counts_from_monday():
    saturday = datetime(2026, 3, 7, 10, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_working_days(saturday, 1) == end_of(date(2026, 3, 9))
    assert WEEKENDS_ONLY.add_working_days(saturday, 5) == end_of(date(2026, 3, 13))


def test_zero_working_days_is_the_end_of_the_day_of_receipt():
    assert WEEKENDS_ONLY.add_working_days(MONDAY, 0) == end_of(date(2026, 3, 2))


def test_a_wit_complaint_is_due_at_the_end_of_the_local_day_in_wit():
    due = WEEKENDS_ONLY.add_working_days(datetime(2026, 3, 2, 10, tzinfo=WIT), 1)
    assert due.isoformat() == "2026-03-03T23:59:59+09:00"


def test_a_wita_complaint_is_due_at_the_end_of_the_local_day_in_wita():
    due = WEEKENDS_ONLY.add_working_days(datetime(2026, 3, 2, 10, tzinfo=WITA), 1)
    assert due.isoformat() == "2026-03-03T23:59:59+08:00"


def test_the_arithmetic_uses_the_local_date_of_receipt(national):
    # 20:00 UTC on Tuesday 22 December is already 05:00 on Wednesday 23 December in Jayapura.
    received = datetime(2026, 12, 22, 20, tzinfo=UTC).astimezone(WIT)
    assert received.date() == date(2026, 12, 23)
    assert national.add_working_days(received, 7).isoformat() == "2027-01-07T23:59:59+09:00"
    # Counted on the UTC date, it would have been due a day earlier.
    in_utc = national.add_working_days(datetime(2026, 12, 22, 20, tzinfo=UTC), 7)
    assert in_utc.date() == date(2027, 1, 6)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match=NAIVE_DATETIME):
        WEEKENDS_ONLY.add_working_days(datetime(2026, 3, 2, 10), 7)


def test_a_negative_amount_is_refused():
    with pytest.raises(ValueError, match=NEGATIVE_AMOUNT):
        WEEKENDS_ONLY.add_working_days(MONDAY, -1)


# -- calendar days ---------------------------------------------------------------------------


def test_calendar_days_count_weekends_and_holidays(national):
    received = datetime(2026, 12, 23, 10, tzinfo=WIB)
    assert national.add_calendar_days(received, 10) == end_of(date(2027, 1, 2))


# -- office hours ----------------------------------------------------------------------------


def test_office_hours_within_one_day_end_at_the_exact_instant():
    assert WEEKENDS_ONLY.add_office_hours(MONDAY, 3) == datetime(2026, 3, 2, 13, tzinfo=WIB)


def test_office_hours_carry_over_the_night_to_the_next_opening():
    three_pm = datetime(2026, 3, 4, 15, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_office_hours(three_pm, 3) == datetime(2026, 3, 5, 10, tzinfo=WIB)


def test_office_hours_before_opening_count_from_opening():
    six_am = datetime(2026, 3, 2, 6, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_office_hours(six_am, 3) == datetime(2026, 3, 2, 11, tzinfo=WIB)


def test_office_hours_after_closing_count_from_the_next_working_days_opening():
    friday_evening = datetime(2026, 3, 6, 19, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_office_hours(friday_evening, 3) == datetime(2026, 3, 9, 11, tzinfo=WIB)


def test_office_hours_skip_holidays(national):
    wednesday_afternoon = datetime(2026, 12, 23, 15, tzinfo=WIB)
    assert national.add_office_hours(wednesday_afternoon, 3) == datetime(2026, 12, 28, 10, tzinfo=WIB)


def test_office_hours_that_end_at_closing_time_end_that_day():
    one_pm = datetime(2026, 3, 2, 13, tzinfo=WIB)
    assert WEEKENDS_ONLY.add_office_hours(one_pm, 3) == datetime(2026, 3, 2, 16, tzinfo=WIB)


def test_office_hours_can_be_fractional_and_follow_the_configured_hours():
    calendar = WorkingCalendar({}, office_opens=time(7, 30), office_closes=time(15, 30))
    three_pm = datetime(2026, 3, 2, 15, tzinfo=WITA)
    assert calendar.add_office_hours(three_pm, 1.5) == datetime(2026, 3, 3, 8, 30, tzinfo=WITA)


def test_the_office_must_open_before_it_closes():
    with pytest.raises(ValueError, match=OFFICE_HOURS_REVERSED):
        WorkingCalendar({}, office_opens=time(16), office_closes=time(8))


# -- counting between dates --------------------------------------------------------------------


def test_working_days_between_counts_the_days_left():
    assert WEEKENDS_ONLY.working_days_between(date(2026, 3, 4), date(2026, 3, 9)) == 3  # Thu, Fri, Mon


def test_working_days_between_is_negative_when_overdue():
    assert WEEKENDS_ONLY.working_days_between(date(2026, 3, 9), date(2026, 3, 4)) == -3


def test_working_days_between_the_same_day_is_zero():
    assert WEEKENDS_ONLY.working_days_between(date(2026, 3, 4), date(2026, 3, 4)) == 0


def test_working_days_between_skips_holidays(national):
    assert national.working_days_between(date(2026, 12, 23), date(2027, 1, 7)) == 7


# Nyepi off, a Saturday worked in its place, a weekday holiday cancelled, a holiday on a Sunday.
WITH_OVERRIDES = WorkingCalendar({date(2026, 3, 19): "Nyepi", date(2026, 3, 23): "Cuti bersama",
                                  date(2026, 3, 29): "Hari Minggu libur"},
                                 working_overrides=[date(2026, 3, 21), date(2026, 3, 23)])
days_in_march = st.dates(min_value=date(2026, 2, 20), max_value=date(2026, 4, 10))


@settings(max_examples=60, deadline=None)
@given(start=days_in_march, end=days_in_march)
def test_working_days_between_counts_what_a_day_by_day_walk_counts(start, end):
    low, high = sorted((start, end))
    walked = sum(WITH_OVERRIDES.is_working_day(low + timedelta(days=i)) for i in range(1, (high - low).days + 1))
    assert WITH_OVERRIDES.working_days_between(start, end) == (walked if end >= start else -walked)


# -- a calendar extends itself -------------------------------------------------------------------


def test_the_calendar_loads_a_year_it_meets_once():
    asked = []

    def loader(year):
        asked.append(year)
        return {date(year, 8, 17): "Hari Kemerdekaan"}

    calendar = WorkingCalendar({}, days_off_for_year=loader)
    assert not calendar.is_working_day(date(2029, 8, 17))
    assert calendar.is_working_day(date(2029, 8, 16))
    assert asked == [2029]


def test_a_given_day_off_keeps_its_name_over_the_loaders():
    calendar = WorkingCalendar(
        {date(2029, 8, 17): "HUT RI"}, days_off_for_year=lambda year: {date(year, 8, 17): "Hari Kemerdekaan"}
    )
    assert calendar.day_off_name(date(2029, 8, 17)) == "HUT RI"


# -- properties --------------------------------------------------------------------------------

receipts = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.sampled_from([WIB, WITA, WIT])
)


@settings(max_examples=60, deadline=None)
@given(start=receipts, n=st.integers(min_value=1, max_value=40))
def test_a_working_day_deadline_is_always_the_end_of_a_working_day_after_receipt(national, start, n):
    due = national.add_working_days(start, n)
    assert national.is_working_day(due.date())
    assert due.timetz() == time(23, 59, 59, tzinfo=start.tzinfo)
    assert due.date() > start.date()
    assert national.working_days_between(start.date(), due.date()) == n


@settings(max_examples=40, deadline=None)
@given(start=receipts, n=st.integers(min_value=0, max_value=40))
def test_one_more_working_day_always_moves_the_deadline_later(national, start, n):
    assert national.add_working_days(start, n + 1) > national.add_working_days(start, n)


@settings(max_examples=40, deadline=None)
@given(start=receipts, hours=st.integers(min_value=1, max_value=40))
def test_an_office_hours_deadline_falls_within_office_hours_on_a_working_day(national, start, hours):
    due = national.add_office_hours(start, hours)
    assert national.is_working_day(due.date())
    assert national.office_opens < due.time() <= national.office_closes
    assert due > start
