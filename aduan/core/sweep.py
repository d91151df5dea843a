"""What `aduan sweep` does, in order. Safe to run from several workers at once: each step re-checks
under a row lock."""

from dataclasses import dataclass, field

from django.utils import timezone

from aduan.core.actions import complaint_close_expired


@dataclass
class SweepReport:
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{name}: {count}" for name, count in self.counts.items()]


# Further steps (deadline warnings, escalation) register here, each `fn(now) -> int`.
STEPS: list[tuple[str, object]] = [("ditutup otomatis", lambda now: complaint_close_expired(now=now))]


def run_sweep(now=None) -> SweepReport:
    from aduan.notifications.dispatch import retry_due

    now = now or timezone.now()
    report = SweepReport()
    for name, step in STEPS:
        report.counts[name] = step(now)
    report.counts["notifikasi diulang"] = retry_due(now)
    return report
