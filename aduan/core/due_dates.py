"""Deadlines from the database's policies and holiday corrections, computed by the pure rules."""

from datetime import datetime, time

from django.conf import settings

from aduan.core.deadlines import rules
from aduan.core.deadlines.holiday_source import build_calendar, year_is_confirmed
from aduan.core.deadlines.rules import DeadlineRule, Due, Stage, Unit, closure_due, compute_due
from aduan.memo import memoized
from aduan.taxonomy.models import DeadlineClass, DeadlinePolicy, DeadlineStage, HolidayOverride


def _clock(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@memoized(models=[HolidayOverride])
def working_calendar():
    """The national calendar corrected by the administrators' overrides (one small query, then
    from memory until an override changes)."""
    overrides = HolidayOverride.objects.values_list("day", "is_day_off", "name")
    return build_calendar(
        overrides=list(overrides),
        office_opens=_clock(settings.ADUAN["OFFICE_OPENS"]),
        office_closes=_clock(settings.ADUAN["OFFICE_CLOSES"]),
    )


@memoized(models=[DeadlinePolicy])
def default_policy() -> DeadlinePolicy:
    policy = DeadlinePolicy.objects.filter(slug=settings.ADUAN["DEFAULT_POLICY"]).first()
    return policy or DeadlinePolicy.objects.filter(is_default=True).first() or DeadlinePolicy.objects.first()


@memoized(models=[DeadlineClass, DeadlineStage])
def _policy_rules(policy_id: int) -> dict[str, DeadlineRule]:
    classes = DeadlineClass.objects.filter(policy_id=policy_id).prefetch_related("stages")
    return {
        c.severity: DeadlineRule(unit=Unit(c.unit), amount=c.amount, stages=tuple(
            Stage(name=s.name, amount=s.amount, completed_by=s.completed_by) for s in c.stages.all()))
        for c in classes
    }


def rule_for(policy: DeadlinePolicy, severity: str) -> DeadlineRule:
    """The policy's class for this severity; a severity it lacks falls back to its heaviest class."""
    return rules.rule_for(_policy_rules(policy.pk), severity)


def stage_completions(policy_id: int, severity: str) -> frozenset[str]:
    """The event kinds that complete a stage of this class (from memory)."""
    rule = rules.rule_for(_policy_rules(policy_id), severity)
    return frozenset(stage.completed_by for stage in rule.stages if stage.completed_by)


def due_for(received_at: datetime, policy: DeadlinePolicy, severity: str, calendar=None) -> Due:
    return compute_due(received_at, rule_for(policy, severity), calendar or working_calendar())


def closure_window_end(followed_up_at: datetime, calendar=None) -> datetime:
    unit = Unit(settings.ADUAN["CLOSURE_WINDOW_UNIT"])
    if calendar is None and unit is not Unit.CALENDAR_DAYS:
        calendar = working_calendar()  # calendar days need no holidays, so no query
    return closure_due(followed_up_at, settings.ADUAN["CLOSURE_WINDOW"], unit, calendar)


def calendar_is_confirmed(year: int) -> bool:
    """False for a year whose cuti bersama the government has not decreed yet: deadlines are provisional."""
    return year_is_confirmed(year)
