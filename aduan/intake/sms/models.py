"""Every SMS that reached 1708, understood or not, and what it was answered."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Outcome(models.TextChoices):
    # A row is written before the message is handled, so that a crash still leaves it to read.
    PENDING = "pending", "Belum diproses"
    FILED = "filed", "Pengaduan dicatat"
    CHECK = "check", "Cek status"
    REBUT = "rebut", "Sanggahan"
    RATE = "rate", "Penilaian (IKM)"
    INVALID = "invalid", "Tidak dipahami"
    DUPLICATE = "duplicate", "Pengaduan yang sama dikirim ulang"


class InboundSms(models.Model):
    gateway = models.CharField(max_length=20, help_text="Which gateway delivered it: kannel, gammu, webhook, cli.")
    gateway_message_id = models.CharField(max_length=200)
    sender = models.CharField(max_length=20, db_index=True, help_text="E.164 (+62…) when it is a phone number.")
    receiver = models.CharField(max_length=20, blank=True)
    text = models.TextField(blank=True)
    received_at = models.DateTimeField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    complaint = models.ForeignKey(
        "core.Complaint", null=True, blank=True, on_delete=models.SET_NULL, related_name="inbound_sms",
    )
    reply = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("SMS masuk")
        verbose_name_plural = pgettext_lazy("plural", "SMS masuk")
        constraints = [
            # A gateway's retry carries the same id: it is answered from this row, never handled twice.
            models.UniqueConstraint(fields=["gateway", "gateway_message_id"], name="one_inbound_sms_per_gateway_id"),
        ]
        indexes = [models.Index(fields=["sender", "received_at"], name="inbound_sms_by_sender")]

    def __str__(self) -> str:
        return f"{self.gateway}:{self.gateway_message_id} {self.outcome}"
