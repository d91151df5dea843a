"""What a unit writes for its reports: the annual report's introduction (SPEC R28) and the public
apologies for complaints that missed their standard (R30)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.jobs import BackgroundJob


class ReportText(models.Model):
    """The introduction of a unit's annual report, which the unit edits; a default otherwise."""

    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, related_name="report_texts")
    year = models.PositiveSmallIntegerField()
    introduction = models.TextField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pengantar laporan")
        verbose_name_plural = pgettext_lazy("plural", "pengantar laporan")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_report_text_per_unit_year")]


class Apology(models.Model):
    """SPEC R30: a public apology (permintaan maaf) for a complaint closed after its deadline.
    The system drafts it; the unit's Pejabat Pengelola edits and publishes it. It names no person
    and quotes no complaint: only the unit, the month and the kind of problem."""

    complaint = models.ForeignKey("core.Complaint", on_delete=models.CASCADE, related_name="apologies")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="apologies")
    text = models.TextField()
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("permintaan maaf")
        verbose_name_plural = pgettext_lazy("plural", "permintaan maaf")
        constraints = [models.UniqueConstraint(fields=["complaint"], name="one_apology_per_complaint")]
        indexes = [models.Index(fields=["unit", "published_at"], name="apology_by_unit")]


def export_path(instance: "Export", filename: str) -> str:
    return f"ekspor/{instance.created_at or timezone.now():%Y/%m}/{instance.pk}-{filename}"


class Export(BackgroundJob):
    """A long export or report, built by a background task while the officer watches its progress;
    the file is offered to the officer who asked for it, and to nobody else."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(max_length=16)
    params = models.JSONField(default=dict)
    format = models.CharField(max_length=8)
    file = models.FileField(upload_to=export_path, blank=True)
    name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)

    class Meta(BackgroundJob.Meta):
        verbose_name = _("ekspor")
        verbose_name_plural = pgettext_lazy("plural", "ekspor")
