"""From an event to queued messages, and from a queued message to the wire — the outbox.

A message is written in the transaction of the event that causes it (`queue_for_event`, connected
to aduan.core.signals.event_recorded): if the action commits, its messages exist; if the process
dies right after the commit, they are still there, and the sweep sends them. A worker claims a
message with a conditional update before sending it, so two workers never send one message; a
claim left by a crashed worker expires after CLAIM_LEASE.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from aduan.core.enums import Channel, EventKind
from aduan.core.models import Event
from aduan.core.privacy import scrub
from aduan.notifications.messages import ASSIGNED_TO_YOU, DISTRICT_ANNOUNCEMENT, REPORTER_CODE, reporter_text
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import TRANSPORTS, TransportError

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
CLAIM_LEASE = timedelta(minutes=5)
NEVER_TRIED_AFTER = timedelta(minutes=1)


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


def queue_for_event(sender, *, event: Event, **kwargs) -> None:
    """The messages an event causes, written in the event's own transaction."""
    text = reporter_text(event, closure_days=settings.ADUAN["CLOSURE_WINDOW"])
    address = reporter_address(event.complaint) if text else None
    if address is not None:
        _queue(event, *address, text)
    for officer_message in (district_announcement(event), officer_assignment(event)):
        if officer_message is not None:
            _queue(event, "email", *officer_message)


def district_announcement(event) -> tuple[str, str] | None:
    """SPEC R20: the announcement of a complaint received centrally (its queue shows it to the
    kabupaten/kota's Dinas Sosial, `Complaint.announced_to`) also goes by email where the office
    has one."""
    complaint = event.complaint
    district = complaint.announced_to
    if event.kind != EventKind.RECEIVED or district is None or not district.email:
        return None
    return district.email, DISTRICT_ANNOUNCEMENT.format(
        tracking=complaint.tracking_number, unit=district.name, channel=complaint.get_channel_display(),
    )


def officer_assignment(event) -> tuple[str, str] | None:
    """The officer a complaint was assigned to is told by email, when they have one (the queue's
    "Ditugaskan ke saya" lists it either way)."""
    if event.kind != EventKind.ASSIGNED or not event.data.get("officer_id"):
        return None
    email = get_user_model().objects.filter(pk=event.data["officer_id"]).values_list("email", flat=True).first()
    if not email:
        return None
    complaint = event.complaint
    return email, ASSIGNED_TO_YOU.format(tracking=complaint.tracking_number, unit=event.to_unit.name,
                                         due=f"{complaint.due_at.astimezone(complaint.local_zone):%d-%m-%Y}")


def _queue(event, transport: str, recipient: str, text: str) -> None:
    # The event was just written, so nothing can have been queued for it yet.
    notification = Notification.objects.create(
        complaint=event.complaint, event=event, transport=transport, recipient=recipient,
        subject=f"Pengaduan {event.complaint.tracking_number}", body=text,
    )
    _enqueue_on_commit(notification.pk)


def _enqueue_on_commit(notification_id: int) -> None:
    # Only a head start: if this is lost (the process dies after the commit), `retry_due` finds
    # the queued row and enqueues it.
    transaction.on_commit(lambda: deliver.enqueue(notification_id))


def send_reporter_code(*, complaint, transport: str, recipient: str, code: str) -> None:
    """The one-time code the reporter asked for on /lacak/, by their own phone or email."""
    notification = Notification.objects.create(
        complaint=complaint, transport=transport, recipient=recipient,
        subject=f"Kode pengaduan {complaint.tracking_number}",
        body=REPORTER_CODE.format(tracking=complaint.tracking_number, code=code),
    )
    _enqueue_on_commit(notification.pk)


@task()
def deliver(notification_id: int) -> None:
    """Send one message; a temporary failure is retried by the next `aduan sweep` with backoff."""
    now = timezone.now()
    # The conditional update is the guard: of two workers handed the same message, one claims it.
    claimable = Notification.objects.filter(pk=notification_id, status=DeliveryStatus.QUEUED).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE))
    if not claimable.update(claimed_at=now):
        return
    notification = Notification.objects.get(pk=notification_id)
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
    Notification.objects.filter(pk=notification.pk).update(claimed_at=None, **{name: getattr(notification, name) for name in fields})
    # Only from "queued": a fast gateway's delivery report may already have written "delivered".
    Notification.objects.filter(pk=notification.pk, status=DeliveryStatus.QUEUED).update(status=notification.status)


def notification_resend(*, notification_id: int) -> bool:
    """An officer sends a failed (or stuck) message again: back to the queue with a fresh count.
    A message already sent or delivered is left alone."""
    resent = Notification.objects.filter(pk=notification_id, status__in=[DeliveryStatus.FAILED, DeliveryStatus.QUEUED]).update(
        status=DeliveryStatus.QUEUED, attempts=0, claimed_at=None, last_error="")
    if resent:
        _enqueue_on_commit(notification_id)
    return bool(resent)


def retry_due(now=None) -> int:
    """Enqueue the queued messages nobody is sending: those never tried whose head start was lost
    (older than NEVER_TRIED_AFTER), and those whose backoff (2^attempts minutes) has passed."""
    now = now or timezone.now()
    count = 0
    unclaimed = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    waiting = Notification.objects.filter(unclaimed, status=DeliveryStatus.QUEUED, attempts__lt=MAX_ATTEMPTS)
    for pk, attempts, created_at in waiting.values_list("pk", "attempts", "created_at").iterator(chunk_size=1000):
        wait = NEVER_TRIED_AFTER if attempts == 0 else timezone.timedelta(minutes=2 ** attempts)
        if created_at + wait <= now:
            deliver.enqueue(pk)
            count += 1
    return count
