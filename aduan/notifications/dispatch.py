"""From a committed event to queued messages, and from a queued message to the wire."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from aduan.core.enums import Channel, EventKind
from aduan.core.models import Event
from aduan.core.privacy import scrub
from aduan.notifications.messages import DISTRICT_ANNOUNCEMENT, REPORTER_CODE, reporter_text
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import TRANSPORTS, TransportError
from aduan.organisation.models import Unit, UnitKind

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6


def reporter_address(complaint) -> tuple[str, str] | None:
    """Answer by the channel the reporter came in on (an SMS by SMS, an email by email)."""
    if complaint.anonymous:
        return None
    if complaint.channel in (Channel.EMAIL, Channel.WEB) and complaint.reporter_email:
        return "email", complaint.reporter_email
    if complaint.reporter_phone and "sms" in TRANSPORTS:
        return "sms", complaint.reporter_phone
    if complaint.reporter_email:
        return "email", complaint.reporter_email
    return None


def event_committed(event_id: int) -> None:
    event = Event.objects.select_related("complaint__region", "complaint__receiving_unit", "to_unit").get(pk=event_id)
    text = reporter_text(event, closure_days=settings.ADUAN["CLOSURE_WINDOW"])
    address = reporter_address(event.complaint) if text else None
    if address is not None:
        _queue(event, *address, text)
    announcement = district_announcement(event)
    if announcement is not None:
        _queue(event, "email", *announcement)


def district_announcement(event) -> tuple[str, str] | None:
    """SPEC R20: a complaint that reached the national door is announced to the Dinas Sosial of its
    kabupaten/kota, which confirms whether it was received there too (no double handling)."""
    complaint = event.complaint
    if event.kind != EventKind.RECEIVED or complaint.receiving_unit.kind != UnitKind.ADMIN_UTAMA:
        return None
    if complaint.region_id is None or complaint.region.level < 2:
        return None
    district = Unit.objects.filter(kind=UnitKind.DINSOS_KABKOTA, region_id=complaint.region_id[:5]).first()
    if district is None or not district.email:
        return None
    return district.email, DISTRICT_ANNOUNCEMENT.format(
        tracking=complaint.tracking_number, unit=district.name, channel=complaint.get_channel_display(),
    )


def _queue(event, transport: str, recipient: str, text: str) -> None:
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                complaint=event.complaint, event=event, transport=transport, recipient=recipient,
                subject=f"Pengaduan {event.complaint.tracking_number}", body=text,
            )
    except IntegrityError:
        return  # already queued for this event
    deliver.enqueue(notification.pk)


def send_reporter_code(*, complaint, transport: str, recipient: str, code: str) -> None:
    """The one-time code the reporter asked for on /lacak/, by their own phone or email."""
    notification = Notification.objects.create(
        complaint=complaint, transport=transport, recipient=recipient,
        subject=f"Kode pengaduan {complaint.tracking_number}",
        body=REPORTER_CODE.format(tracking=complaint.tracking_number, code=code),
    )
    transaction.on_commit(lambda: deliver.enqueue(notification.pk))


@task()
def deliver(notification_id: int) -> None:
    """Send one message; a temporary failure is retried by the next `aduan sweep` with backoff."""
    notification = Notification.objects.get(pk=notification_id)
    if notification.status != DeliveryStatus.QUEUED:
        return
    transport = TRANSPORTS.get(notification.transport)
    notification.attempts += 1
    try:
        if transport is None:
            raise TransportError(f"transport {notification.transport!r} is not configured", permanent=False)
        sent = transport(recipient=notification.recipient, subject=notification.subject,
                         body=notification.body, notification_id=notification.pk)
    except TransportError as error:
        notification.last_error = str(error)[:300]
        if error.permanent or notification.attempts >= MAX_ATTEMPTS:
            notification.status = DeliveryStatus.FAILED
        log.warning("notification %s attempt %s failed: %s", notification.pk, notification.attempts, scrub(str(error)))
    else:
        notification.status = DeliveryStatus.SENT
        notification.sent_at = timezone.now()
        notification.gateway_reference = sent.reference
    fields = ("attempts", "last_error", "sent_at", "gateway_reference")
    Notification.objects.filter(pk=notification.pk).update(**{name: getattr(notification, name) for name in fields})
    # Only from "queued": a fast gateway's delivery report may already have written "delivered".
    Notification.objects.filter(pk=notification.pk, status=DeliveryStatus.QUEUED).update(status=notification.status)


def retry_due(now=None) -> int:
    """Re-enqueue queued messages whose backoff (2^attempts minutes) has passed."""
    now = now or timezone.now()
    count = 0
    for notification in Notification.objects.filter(status=DeliveryStatus.QUEUED, attempts__gt=0, attempts__lt=MAX_ATTEMPTS):
        if notification.created_at + timezone.timedelta(minutes=2 ** notification.attempts) <= now:
            deliver.enqueue(notification.pk)
            count += 1
    return count
