"""Coordination-team meetings (SPEC R26, seeds 002): a Tikor schedules a meeting, puts complaints on
its agenda, records who attended and the minutes with a recommendation for each complaint, and
sends the minutes with the attendance list to the central complaint unit — once, as a PDF kept
as sent, with an event on each complaint discussed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.regions.timezones import zone_for


class Meeting(models.Model):
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("judul"), max_length=200, default="Rapat koordinasi penanganan pengaduan")
    scheduled_for = models.DateTimeField(_("jadwal"))
    place = models.CharField(_("tempat"), max_length=200)
    # The minutes: the day it met, what was said beyond the agenda's recommendations.
    held_on = models.DateField(_("tanggal rapat"), null=True, blank=True)
    summary = models.TextField(_("ringkasan notulen"), blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    sent_to = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    minutes_pdf = models.FileField(upload_to="minutes/%Y/%m/", blank=True)

    class Meta:
        ordering = ["-scheduled_for", "-pk"]
        verbose_name = _("rapat koordinasi")
        verbose_name_plural = _("rapat koordinasi")
        indexes = [models.Index(fields=["unit", "held_on"], name="meeting_by_unit_held")]

    def __str__(self) -> str:
        return f"{self.title} — {self.unit.name}"

    @property
    def unit_zone(self):
        return zone_for(self.unit.region_id)

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    complaint = models.ForeignKey("core.Complaint", on_delete=models.PROTECT, related_name="agenda_items")
    recommendation = models.TextField(_("rekomendasi"), blank=True)
    # Put there when the meeting was scheduled (a berat complaint needing several agencies), or by hand.
    by_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "complaint"], name="one_agenda_item_per_complaint")]


class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    name = models.CharField(_("nama"), max_length=150)
    agency = models.CharField(_("instansi"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=150, blank=True)

    class Meta:
        ordering = ["pk"]
