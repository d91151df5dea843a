"""Indonesia's days off from the `holidays` package, and the calendar built with overrides."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from aduan.core.deadlines.holiday_source import _days_off_in, build_calendar, national_days_off, year_is_confirmed

WIB = ZoneInfo("Asia/Jakarta")


def test_national_days_off_include_public_holidays_and_cuti_bersama_in_indonesian():
    days_off = national_days_off([2026])
    assert days_off[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert days_off[date(2026, 12, 24)] == "Cuti Bersama Hari Raya Natal"


def test_national_days_off_span_the_years_asked():
    days_off = national_days_off([2026, 2027])
    assert date(2026, 12, 25) in days_off and date(2027, 1, 1) in days_off


def test_national_days_off_are_loaded_once_per_year():
    national_days_off([2031])
    before = _days_off_in.cache_info()
    national_days_off([2031])
    after = _days_off_in.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


def test_changing_the_returned_days_off_does_not_change_the_next_answer():
    national_days_off([2026]).clear()
    assert date(2026, 12, 25) in national_days_off([2026])


def test_years_with_a_decreed_cuti_bersama_are_confirmed():
    assert year_is_confirmed(2026) and year_is_confirmed(2027)


def test_a_year_without_cuti_bersama_still_computes_and_is_flagged():
    assert not year_is_confirmed(2028)
    calendar = build_calendar(years=[2028])
    assert not calendar.is_working_day(date(2028, 8, 17))  # public holidays still count
    friday = datetime(2028, 8, 11, 10, tzinfo=WIB)
    assert calendar.add_working_days(friday, 5) == datetime(2028, 8, 21, 23, 59, 59, tzinfo=WIB)


def test_a_day_off_override_is_not_a_working_day():
    calendar = build_calendar([(date(2026, 3, 4), True, "Hari jadi kota")], years=[2026])
    assert not calendar.is_working_day(date(2026, 3, 4))
    assert calendar.day_off_name(date(2026, 3, 4)) == "Hari jadi kota"


def test_an_override_can_turn_cuti_bersama_into_a_working_day():
    calendar = build_calendar([(date(2026, 12, 24), False, "Tetap masuk")], years=[2026])
    assert calendar.is_working_day(date(2026, 12, 24))


def test_the_later_override_for_the_same_day_wins():
    calendar = build_calendar([(date(2026, 3, 4), True, "Libur"), (date(2026, 3, 4), False, "Masuk")], years=[2026])
    assert calendar.is_working_day(date(2026, 3, 4))


def test_the_calendar_extends_itself_to_a_year_it_was_not_built_for():
    calendar = build_calendar(years=[2026])
    assert not calendar.is_working_day(date(2030, 12, 25))
    assert calendar.day_off_name(date(2030, 12, 25)) == "Hari Raya Natal"


def test_the_calendar_uses_the_given_office_hours():
    calendar = build_calendar(years=[2026], office_opens=time(7, 30), office_closes=time(15))
    start = datetime(2026, 3, 2, 14, tzinfo=WIB)
    assert calendar.add_office_hours(start, 2) == datetime(2026, 3, 3, 8, 30, tzinfo=WIB)
