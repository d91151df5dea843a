"""The deadline words on the officers' pages, against a fixed calendar and clock (no database)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from aduan.core.deadlines.calendar import WorkingCalendar
from aduan.core.models import Complaint
from aduan.web.officer.deadlines import describe, describe_due

WIB = ZoneInfo("Asia/Jakarta")
WIT = ZoneInfo("Asia/Jayapura")
# 17 August 2026 (Monday) is a day off.
CALENDAR = WorkingCalendar({date(2026, 8, 17): "Hari Kemerdekaan"})
THURSDAY = datetime(2026, 8, 13, 10, 0, tzinfo=WIB)


def due(day: int, tz=WIB) -> datetime:
    return datetime(2026, 8, day, 23, 59, 59, tzinfo=tz)


def test_it_counts_working_days_left_skipping_weekends_and_holidays():
    # Fri 14, (Sat, Sun, Mon 17 off), Tue 18
    assert describe_due(due(18), CALENDAR, THURSDAY, WIB).label == "2 hari kerja lagi"


def test_far_deadlines_are_on_time_and_near_ones_are_due_soon():
    assert describe_due(due(25), CALENDAR, THURSDAY, WIB).state == "on-time"
    assert describe_due(due(14), CALENDAR, THURSDAY, WIB).state == "due-soon"


def test_a_deadline_today_says_at_what_time():
    at_three = datetime(2026, 8, 13, 15, 0, tzinfo=WIB)

    assert describe_due(at_three, CALENDAR, THURSDAY, WIB).label == "tenggat hari ini pukul 15.00"


def test_it_counts_lateness_in_working_days():
    tuesday_after = datetime(2026, 8, 18, 9, 0, tzinfo=WIB)

    late = describe_due(due(13), CALENDAR, tuesday_after, WIB)

    assert late.label == "terlambat 2 hari kerja"  # Fri 14, Tue 18
    assert late.is_overdue


def test_late_over_a_weekend_only_is_still_late():
    saturday = datetime(2026, 8, 15, 9, 0, tzinfo=WIB)

    assert describe_due(due(14), CALENDAR, saturday, WIB).label == "terlambat"


def test_the_day_is_read_in_the_region_s_own_zone():
    # 23:30 WIB on Thursday is already Friday in Papua (WIT, +2h).
    late_evening = datetime(2026, 8, 13, 23, 30, tzinfo=WIB)

    assert describe_due(due(14, WIT), CALENDAR, late_evening, WIT).label.startswith("tenggat hari ini")
    assert describe_due(due(14, WIB), CALENDAR, late_evening, WIB).label == "1 hari kerja lagi"


def test_an_answered_complaint_waits_for_rebuttal_and_a_closed_one_is_done():
    answered = Complaint(status="proses", closure_due_at=due(20), due_at=due(10), region_id="35.06")
    closed = Complaint(status="selesai", closure_due_at=None, due_at=due(10), region_id="35.06")

    assert describe(answered, CALENDAR, THURSDAY).label == "menunggu sanggahan"
    assert describe(closed, CALENDAR, THURSDAY).label == "selesai"
