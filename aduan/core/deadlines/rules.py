"""Deadline policies and the due dates they give (SPEC R12, R13, R15).

Where the source documents disagree, the deployment picks a policy: these are the presets the
seeding code offers, keyed by slug and then by severity ("ringan", "sedang", "berat",
"sangat_berat", the values of `aduan.taxonomy.models.Severity`).

- kemendagri-2018 (R12, the default): ringan 7, sedang 14, berat 30 working days.
- pkh (R13): 26 working days for every severity, in four stages due 5, 8, 23 and 26 working days
  after receipt. Correcting the master data (up to 1 month) and a service provider's corrective
  action (up to 3 months) are extensions granted on top of the 26 days when a complaint needs
  them; they are not stages of the 26 and not part of this rule.
- kalbar (R13): ringan 3 office hours; sedang 3, berat 7, sangat_berat 14 working days.

A severity a policy does not define falls back to the policy's heaviest class (`rule_for`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from aduan.core.deadlines.calendar import WorkingCalendar, add_calendar_days

SEVERITY_ORDER = ("ringan", "sedang", "berat", "sangat_berat")  # lightest first

UNKNOWN_POLICY = "Unknown deadline policy {value!r}; presets: {choices}."
UNKNOWN_SEVERITY = "Unknown severity {value!r}; expected one of: {choices}."
EMPTY_POLICY = "A deadline policy needs at least one severity class."
STAGES_DO_NOT_ADD_UP = "The stages add up to {total}, not to the rule's {amount}."
NON_POSITIVE_AMOUNT = "A deadline amount must be positive, got {value}."
NEEDS_A_CALENDAR = "Counting {unit} needs a WorkingCalendar."


class Unit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    OFFICE_HOURS = "office_hours"


@dataclass(frozen=True)
class Stage:
    name: str
    amount: int  # in the rule's unit, this stage alone
    completed_by: str = ""  # the event kind that marks it done ("followed_up"); empty: by hand


@dataclass(frozen=True)
class DeadlineRule:
    """`amount` units after receipt; when there are stages, they split the amount in order."""

    unit: Unit
    amount: int
    stages: tuple[Stage, ...] = ()

    def __post_init__(self) -> None:
        for amount in (self.amount, *(stage.amount for stage in self.stages)):
            if amount <= 0:
                raise ValueError(NON_POSITIVE_AMOUNT.format(value=amount))
        total = sum(stage.amount for stage in self.stages)
        if self.stages and total != self.amount:
            raise ValueError(STAGES_DO_NOT_ADD_UP.format(total=total, amount=self.amount))


@dataclass(frozen=True)
class Due:
    due_at: datetime
    stages: tuple[tuple[Stage, datetime], ...] = ()  # each stage with its own due date, cumulative


def _advance(start: datetime, amount: int, unit: Unit, calendar: WorkingCalendar) -> datetime:
    match unit:
        case Unit.WORKING_DAYS:
            return calendar.add_working_days(start, amount)
        case Unit.CALENDAR_DAYS:
            return calendar.add_calendar_days(start, amount)
        case Unit.OFFICE_HOURS:
            return calendar.add_office_hours(start, amount)
    raise ValueError(f"Unknown unit {unit!r}")


def compute_due(
    received_at: datetime, rule: DeadlineRule, calendar: WorkingCalendar, *, tz: tzinfo | None = None
) -> Due:
    """When the complaint, and each of the rule's stages, is due.

    The arithmetic runs on the local date of `received_at`: pass it in the region's zone, or pass
    `tz` (a datetime read from the database is in UTC, and 06:00 WIB is still yesterday in UTC).
    Each stage is due `sum of the stages so far` units after receipt.
    """
    start = received_at.astimezone(tz) if tz is not None else received_at
    stages = []
    elapsed = 0
    for stage in rule.stages:
        elapsed += stage.amount
        stages.append((stage, _advance(start, elapsed, rule.unit, calendar)))
    return Due(due_at=_advance(start, rule.amount, rule.unit, calendar), stages=tuple(stages))


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later; a day the month lacks becomes its last (31 Jan → 28 Feb)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    days_in_month = (datetime(year + month // 12, month % 12 + 1, 1) - datetime(year, month, 1)).days
    return moment.replace(year=year, month=month, day=min(moment.day, days_in_month))


def extended_due(due_at: datetime, months: int, calendar: WorkingCalendar, *, tz: tzinfo | None = None) -> datetime:
    """A PKH extension (R13): `months` calendar months after the current due date, moved on to the
    next working day when it falls on a day off."""
    local = due_at.astimezone(tz) if tz is not None else due_at
    extended = add_months(local, months)
    while not calendar.is_working_day(extended.date()):
        extended += timedelta(days=1)
    return extended


AUTO_CLOSURE_AMOUNT = 10
AUTO_CLOSURE_UNIT = Unit.CALENDAR_DAYS


def closure_due(
    followed_up_at: datetime,
    amount: int = AUTO_CLOSURE_AMOUNT,
    unit: Unit = AUTO_CLOSURE_UNIT,
    calendar: WorkingCalendar | None = None,
    *,
    tz: tzinfo | None = None,
) -> datetime:
    """The end of the automatic-closure window after a tindak lanjut (R15: "10 hari").

    The source says "10 hari", not "10 hari kerja", so the default counts calendar days and needs
    no calendar; a deployment that reads it as working days passes Unit.WORKING_DAYS and a calendar.
    """
    start = followed_up_at.astimezone(tz) if tz is not None else followed_up_at
    if calendar is None:
        if unit is not Unit.CALENDAR_DAYS:
            raise ValueError(NEEDS_A_CALENDAR.format(unit=unit))
        return add_calendar_days(start, amount)
    return _advance(start, amount, unit, calendar)


def _days(amount: int) -> DeadlineRule:
    return DeadlineRule(Unit.WORKING_DAYS, amount)


# Each stage is done when the action that completes it happens (classifying the complaint,
# disposing it to the unit that follows it up, answering the reporter), or by hand.
PKH_STAGES = (
    Stage("Dokumentasi, analisis dan klarifikasi", 5, "classified"),
    Stage("Identifikasi pihak yang menindaklanjuti", 3, "disposed"),
    Stage("Tindak lanjut", 15, "followed_up"),
    Stage("Penyampaian informasi kepada pelapor", 3, "followed_up"),
)
# Master-data correction (1 month) and corrective action (3 months) extend it: `extended_due`.
PKH_RULE = DeadlineRule(Unit.WORKING_DAYS, 26, PKH_STAGES)

PRESETS: dict[str, dict[str, DeadlineRule]] = {
    # R12, seed 000 (the default): no "sangat_berat" class, which falls back to berat.
    "kemendagri-2018": {"ringan": _days(7), "sedang": _days(14), "berat": _days(30)},
    # R13, seed 002: one rule for every severity.
    "pkh": {severity: PKH_RULE for severity in SEVERITY_ORDER},
    # R13, seed 004: ringan is answered within office hours, the rest in working days.
    "kalbar": {
        "ringan": DeadlineRule(Unit.OFFICE_HOURS, 3),
        "sedang": _days(3),
        "berat": _days(7),
        "sangat_berat": _days(14),
    },
}
DEFAULT_POLICY = "kemendagri-2018"
PRESET_NAMES: dict[str, str] = {
    "kemendagri-2018": "Kemendagri 2018 (7/14/30 hari kerja)",
    "pkh": "PKH (26 hari kerja dalam 4 tahap)",
    "kalbar": "Dinsos Kalimantan Barat (3 jam / 3, 7, 14 hari kerja)",
}


def rule_for(policy: str | Mapping[str, DeadlineRule], severity: str) -> DeadlineRule:
    """The policy's rule for `severity`; a severity the policy does not define gets its heaviest class.

    Falling back to the heaviest class gives a complaint more time, never less, than the policy's
    own rules: a "sangat_berat" complaint under Kemendagri 2018 gets the 30 days of "berat".
    `policy` is a preset slug or a mapping of severity to rule (a deployment's own policy).
    """
    rules = _policy(policy)
    if severity not in SEVERITY_ORDER:
        raise ValueError(UNKNOWN_SEVERITY.format(value=severity, choices=", ".join(SEVERITY_ORDER)))
    if severity in rules:
        return rules[severity]
    heaviest = max(rules, key=SEVERITY_ORDER.index)
    return rules[heaviest]


def _policy(policy: str | Mapping[str, DeadlineRule]) -> Mapping[str, DeadlineRule]:
    if isinstance(policy, str):
        if policy not in PRESETS:
            raise KeyError(UNKNOWN_POLICY.format(value=policy, choices=", ".join(PRESETS)))
        return PRESETS[policy]
    if not policy:
        raise ValueError(EMPTY_POLICY)
    return policy
