"""How far a complaint is from its deadline, in the words the officers use: "3 hari kerja lagi",
"terlambat 2 hari kerja". Pure: the calendar and the clock are passed in, so a page builds the
calendar once and describes every row with it."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aduan.core.enums import Status
from aduan.core.models import awaits_unit
from aduan.regions.timezones import zone_for

ON_TIME, DUE_SOON, OVERDUE, WAITING, DONE = "on-time", "due-soon", "overdue", "waiting", "done"
# At or under this many working days left, the row is highlighted.
SOON = 2


@dataclass(frozen=True)
class Deadline:
    label: str
    state: str  # one of the constants above; the CSS class of the badge
    working_days: int = 0

    @property
    def is_overdue(self) -> bool:
        return self.state == OVERDUE


def describe(complaint, calendar, now: datetime) -> Deadline:
    return describe_values(complaint.status, complaint.closure_due_at, complaint.due_at, complaint.region_id,
                           calendar, now)


def describe_values(status: str, closure_due_at, due_at: datetime, region_code: str | None,
                    calendar, now: datetime) -> Deadline:
    """`describe` for a row read as plain values (the queue)."""
    if status == Status.SELESAI:
        return Deadline(_("selesai"), DONE)
    if not awaits_unit(status, closure_due_at):
        return Deadline(_("menunggu sanggahan"), WAITING)
    return describe_due(due_at, calendar, now, zone_for(region_code))


def describe_due(due_at: datetime, calendar, now: datetime, zone) -> Deadline:
    """The words for a due moment; at or after it, late (the rule of `Complaint.is_overdue`)."""
    today = now.astimezone(zone).date()
    due_day = due_at.astimezone(zone).date()
    if due_at <= now:
        late = calendar.working_days_between(due_day, today)
        if late <= 0:
            return Deadline(_("terlambat"), OVERDUE)
        return Deadline(ngettext("terlambat %(n)d hari kerja", "terlambat %(n)d hari kerja", late) % {"n": late},
                        OVERDUE, -late)
    left = calendar.working_days_between(today, due_day)
    if left <= 0:
        local = due_at.astimezone(zone)
        return Deadline(_("tenggat hari ini pukul %(time)s") % {"time": local.strftime("%H.%M")}, DUE_SOON, 0)
    return Deadline(ngettext("%(n)d hari kerja lagi", "%(n)d hari kerja lagi", left) % {"n": left},
                    DUE_SOON if left <= SOON else ON_TIME, left)
