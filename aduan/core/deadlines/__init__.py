"""Deadline arithmetic (SPEC R12, R13, R15): pure functions, holidays passed in, no Django."""

from aduan.core.deadlines.calendar import WorkingCalendar, add_calendar_days, end_of_day
from aduan.core.deadlines.holiday_source import build_calendar, national_days_off, year_is_confirmed
from aduan.core.deadlines.rules import (
    DEFAULT_POLICY,
    PRESET_NAMES,
    PRESETS,
    SEVERITY_ORDER,
    DeadlineRule,
    Due,
    Stage,
    Unit,
    closure_due,
    compute_due,
    rule_for,
)

__all__ = [
    "DEFAULT_POLICY",
    "PRESETS",
    "PRESET_NAMES",
    "SEVERITY_ORDER",
    "DeadlineRule",
    "Due",
    "Stage",
    "Unit",
    "WorkingCalendar",
    "add_calendar_days",
    "build_calendar",
    "closure_due",
    "compute_due",
    "end_of_day",
    "national_days_off",
    "rule_for",
    "year_is_confirmed",
]
