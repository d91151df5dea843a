"""Deadline policies (SPEC R12, R13) and the automatic-closure window (R15): no database."""

import subprocess
import sys
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from aduan.core.deadlines.calendar import WorkingCalendar
from aduan.core.deadlines.holiday_source import build_calendar
from aduan.core.deadlines.rules import (
    DEFAULT_POLICY,
    NEEDS_A_CALENDAR,
    NON_POSITIVE_AMOUNT,
    PKH_RULE,
    PRESET_NAMES,
    PRESETS,
    SEVERITY_ORDER,
    STAGES_DO_NOT_ADD_UP,
    DeadlineRule,
    Stage,
    Unit,
    closure_due,
    compute_due,
    rule_for,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

# Monday 2 March 2026, a month with no national holiday before Nyepi on the 19th.
MONDAY = datetime(2026, 3, 2, 10, tzinfo=WIB)
WEEKENDS_ONLY = WorkingCalendar({})


def end_of(day: date, tz=WIB) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)


def due(policy: str, severity: str, received_at: datetime = MONDAY, calendar=WEEKENDS_ONLY):
    return compute_due(received_at, rule_for(policy, severity), calendar)


# -- Kemendagri 2018 (R12), the default ----------------------------------------------------------


def test_kemendagri_2018_is_the_default_policy():
    assert DEFAULT_POLICY == "kemendagri-2018"


def test_ringan_is_due_at_the_end_of_the_seventh_working_day():
    assert due("kemendagri-2018", "ringan").due_at == end_of(date(2026, 3, 11))


def test_sedang_is_due_at_the_end_of_the_fourteenth_working_day():
    assert due("kemendagri-2018", "sedang").due_at == end_of(date(2026, 3, 20))


def test_berat_is_due_at_the_end_of_the_thirtieth_working_day():
    assert due("kemendagri-2018", "berat").due_at == end_of(date(2026, 4, 13))


def test_sangat_berat_falls_back_to_the_heaviest_class_kemendagri_defines():
    assert rule_for("kemendagri-2018", "sangat_berat") == rule_for("kemendagri-2018", "berat")


def test_a_ringan_complaint_of_23_december_2026_is_due_at_the_end_of_7_january_2027():
    calendar = build_calendar(years=[2026, 2027])
    received = datetime(2026, 12, 23, 10, tzinfo=WIB)
    assert due("kemendagri-2018", "ringan", received, calendar).due_at == end_of(date(2027, 1, 7))


def test_a_wit_complaint_received_at_utc_evening_counts_from_the_next_local_day():
    calendar = build_calendar(years=[2026, 2027])
    received = datetime(2026, 12, 22, 20, tzinfo=UTC)  # 05:00 on 23 December in Jayapura
    result = compute_due(received, rule_for("kemendagri-2018", "ringan"), calendar, tz=WIT)
    assert result.due_at.isoformat() == "2027-01-07T23:59:59+09:00"


# -- PKH (R13) -----------------------------------------------------------------------------------


def test_pkh_stages_fall_at_5_8_23_26_working_days():
    result = due("pkh", "sedang")
    assert tuple((stage.name, at) for stage, at in result.stages) == (
        ("Dokumentasi, analisis dan klarifikasi", end_of(date(2026, 3, 9))),
        ("Identifikasi pihak yang menindaklanjuti", end_of(date(2026, 3, 12))),
        ("Tindak lanjut", end_of(date(2026, 4, 2))),
        ("Penyampaian informasi kepada pelapor", end_of(date(2026, 4, 7))),
    )
    assert result.due_at == end_of(date(2026, 4, 7))


def test_pkh_gives_every_severity_26_working_days():
    assert all(rule_for("pkh", severity) is PKH_RULE for severity in SEVERITY_ORDER)
    assert PKH_RULE == DeadlineRule(Unit.WORKING_DAYS, 26, PKH_RULE.stages)


# -- Kalimantan Barat (R13) ------------------------------------------------------------------------


def test_kalbar_ringan_counts_three_office_hours_across_the_night():
    wednesday_three_pm = datetime(2026, 3, 4, 15, tzinfo=WITA)
    assert due("kalbar", "ringan", wednesday_three_pm).due_at == datetime(2026, 3, 5, 10, tzinfo=WITA)


def test_kalbar_ringan_received_on_a_saturday_is_due_monday_morning():
    saturday = datetime(2026, 3, 7, 9, tzinfo=WITA)
    assert due("kalbar", "ringan", saturday).due_at == datetime(2026, 3, 9, 11, tzinfo=WITA)


@pytest.mark.parametrize(
    ("severity", "due_on"),
    [("sedang", date(2026, 3, 5)), ("berat", date(2026, 3, 11)), ("sangat_berat", date(2026, 3, 20))],
)
def test_kalbar_gives_sedang_3_berat_7_and_sangat_berat_14_working_days(severity, due_on):
    assert due("kalbar", severity).due_at == end_of(due_on)


# -- the automatic-closure window (R15) ------------------------------------------------------------


def test_closure_window_counts_calendar_days_by_default():
    friday_follow_up = datetime(2026, 12, 18, 14, tzinfo=WIB)
    # Ten days later, through the weekend, cuti bersama and Christmas.
    assert closure_due(friday_follow_up) == end_of(date(2026, 12, 28))


def test_closure_window_can_count_working_days():
    calendar = build_calendar(years=[2026, 2027])
    friday_follow_up = datetime(2026, 12, 18, 14, tzinfo=WIB)
    # 21-23 and 28-31 December, 4, 6 and 7 January: 24, 25 December and 1, 5 January are days off.
    assert closure_due(friday_follow_up, 10, Unit.WORKING_DAYS, calendar) == end_of(date(2027, 1, 7))


def test_closure_window_in_working_days_needs_a_calendar():
    with pytest.raises(ValueError, match=NEEDS_A_CALENDAR.format(unit=Unit.WORKING_DAYS)):
        closure_due(MONDAY, 10, Unit.WORKING_DAYS)


def test_closure_window_is_the_end_of_the_local_day():
    follow_up = datetime(2026, 3, 2, 16, tzinfo=UTC)  # already Tuesday 01:00 in Jayapura
    assert closure_due(follow_up, tz=WIT).isoformat() == "2026-03-13T23:59:59+09:00"


# -- rules are well-formed ---------------------------------------------------------------------


def test_stages_must_add_up_to_the_rule():
    with pytest.raises(ValueError, match=STAGES_DO_NOT_ADD_UP.format(total=5, amount=7)):
        DeadlineRule(Unit.WORKING_DAYS, 7, (Stage("Klarifikasi", 2), Stage("Tindak lanjut", 3)))


def test_amounts_must_be_positive():
    with pytest.raises(ValueError, match=NON_POSITIVE_AMOUNT.format(value=0)):
        DeadlineRule(Unit.WORKING_DAYS, 0)


def test_an_unknown_policy_or_severity_is_refused():
    with pytest.raises(KeyError, match="probolinggo"):
        rule_for("probolinggo", "ringan")
    with pytest.raises(ValueError, match="'darurat'"):
        rule_for("kemendagri-2018", "darurat")


def test_a_deployment_can_define_its_own_policy():
    own = {"ringan": DeadlineRule(Unit.CALENDAR_DAYS, 1), "sedang": DeadlineRule(Unit.WORKING_DAYS, 5)}
    assert rule_for(own, "ringan") == DeadlineRule(Unit.CALENDAR_DAYS, 1)
    assert rule_for(own, "sangat_berat") == DeadlineRule(Unit.WORKING_DAYS, 5)


def test_every_preset_has_an_indonesian_display_name():
    assert PRESET_NAMES.keys() == PRESETS.keys()
    assert PRESET_NAMES["kemendagri-2018"] == "Kemendagri 2018 (7/14/30 hari kerja)"


def test_presets_use_the_projects_severities():
    from aduan.taxonomy.models import Severity  # imported without touching the database

    assert set(SEVERITY_ORDER) == set(Severity.values)
    assert all(set(rules) <= set(Severity.values) for rules in PRESETS.values())


def test_the_deadline_rules_do_not_import_django():
    code = "import sys, aduan.core.deadlines; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_month_later_keeps_the_day_or_takes_the_months_last():
    from aduan.core.deadlines.rules import add_months

    assert add_months(datetime(2026, 1, 31, 16, 0), 1) == datetime(2026, 2, 28, 16, 0)
    assert add_months(datetime(2026, 11, 15), 3) == datetime(2027, 2, 15)
    assert add_months(datetime(2028, 1, 30), 1) == datetime(2028, 2, 29)
