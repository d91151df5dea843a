"""What `aduan sweep` does, in order. Safe to run from several workers at once and to run again:
each step re-checks every complaint under its row lock, and each writes at most one event per
complaint per deadline.

Order matters: closing first removes answered complaints from the deadline steps; escalating
before announcing means the reporter of an escalated complaint hears "diteruskan ke …" (its own
message) and only a complaint already at the top of its ladder gets the "melebihi tenggat" one.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from aduan.core.actions import complaint_close_expired
from aduan.core.actions.overdue import (
    complaint_announce_overdue,
    complaint_escalate_overdue,
    complaint_warn_approaching,
)


@dataclass
class SweepReport:
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{name}: {count}" for name, count in self.counts.items()]


# Each step is `fn(now) -> int`, the number of complaints it moved.
STEPS: list[tuple[str, object]] = [
    ("ditutup otomatis", lambda now: complaint_close_expired(now=now)),
    ("dieskalasi (lewat tenggat)", lambda now: complaint_escalate_overdue(now=now)),
    ("pelapor diberi tahu (lewat tenggat)", lambda now: complaint_announce_overdue(now=now)),
    ("peringatan tenggat", lambda now: complaint_warn_approaching(now=now)),
]


def register(name: str, step) -> None:
    """A step of an app built on the core (the outbox's retries), run after the core's own."""
    if all(existing != name for existing, _ in STEPS):
        STEPS.append((name, step))


def run_sweep(now=None) -> SweepReport:
    now = now or timezone.now()
    report = SweepReport()
    for name, step in STEPS:
        report.counts[name] = step(now)
    return report
