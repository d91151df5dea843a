"""The outbox: every message the system sends, with its attempts and its delivery report."""

from django.db import models


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Dalam antrean"
    SENT = "sent", "Terkirim ke gateway"
    DELIVERED = "delivered", "Diterima"
    FAILED = "failed", "Gagal"


class Notification(models.Model):
    complaint = models.ForeignKey("core.Complaint", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey("core.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="notifications")
    transport = models.CharField(max_length=20)
    recipient = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    gateway_reference = models.CharField(max_length=100, blank=True, db_index=True)
    # Set by the worker sending it (aduan.notifications.dispatch.deliver), cleared after the attempt.
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One message per event, transport and recipient: a re-announced event sends nothing twice.
            models.UniqueConstraint(fields=["event", "transport", "recipient"], name="one_notification_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.transport} #{self.pk} {self.status}"
