"""The outbox: every message the system sends, with its attempts and its delivery report."""

from django.db import models


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Dalam antrean"
    SENT = "sent", "Terkirim ke gateway"
    DELIVERED = "delivered", "Diterima"
    FAILED = "failed", "Gagal"


class Notification(models.Model):
    complaint = models.ForeignKey("core.Complaint", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    # Not indexed alone: one_notification_per_event begins with it.
    event = models.ForeignKey(
        "core.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="notifications", db_index=False,
    )
    transport = models.CharField(max_length=20)
    recipient = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    gateway_reference = models.CharField(max_length=100, blank=True)
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
        # Declared here, not with db_index=True: that adds a pattern-matching copy on PostgreSQL.
        # The gateway's reference is not indexed: a delivery report names the message by its id.
        indexes = [models.Index(fields=["status"], name="outbox_by_status")]

    def __str__(self) -> str:
        return f"{self.transport} #{self.pk} {self.status}"
