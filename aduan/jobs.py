"""The shape every long piece of work shares (an export, a registry import): a row the background
task moves through waiting → running → done or failed, with the rows done so far, so the page that
asked for it can show its progress (`web/officer/job.html`) and then its result."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BackgroundJob(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Menunggu")
        RUNNING = "running", _("Sedang diproses")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)  # None: not known before the end
    error = models.TextField(blank=True)  # what the officer is told when it failed
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def working(self) -> bool:
        return self.state in (self.State.WAITING, self.State.RUNNING)

    @property
    def percent(self) -> int | None:
        """How far, 0–100; None while the total is not known (an indeterminate bar)."""
        if self.state == self.State.DONE:
            return 100
        if not self.rows_total:
            return None
        return min(99, int(self.rows_done * 100 / self.rows_total))

    # The task's side: single-row updates, so a page polling the row never waits on the task.
    @classmethod
    def mark_running(cls, pk: int) -> None:
        cls.objects.filter(pk=pk).update(state=cls.State.RUNNING)

    @classmethod
    def progress_of(cls, pk: int):
        return lambda rows: cls.objects.filter(pk=pk).update(rows_done=rows)

    @classmethod
    def mark_failed(cls, pk: int, error: str = "") -> None:
        cls.objects.filter(pk=pk).update(state=cls.State.FAILED, error=error[:500], finished_at=timezone.now())

    @classmethod
    def mark_done(cls, pk: int, **fields) -> None:
        cls.objects.filter(pk=pk).update(state=cls.State.DONE, finished_at=timezone.now(), **fields)
