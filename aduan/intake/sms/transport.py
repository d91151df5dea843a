"""Outbound SMS through Kannel's sendsms, and the delivery reports that come back.

Registered as the notification outbox's "sms" transport only when ``ADUAN_KANNEL_SENDSMS_URL``
is set: without it, dispatch answers an SMS reporter by email when there is an address, and
otherwise sends nothing (aduan/notifications/dispatch.py ``reporter_address``). Errors say whether
a retry can help; the outbox retries with backoff on each ``aduan sweep``.

Each message asks Kannel for delivery reports at ``ADUAN_PUBLIC_URL/sms/kannel/dlr/`` with a
reference that is the notification's id plus an HMAC of it: the callback needs no credentials of
its own, and nobody can mark someone else's message delivered.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from aduan.intake.sms.gateways.kannel_dialect import (
    KannelDeliveryReport,
    build_sendsms_url,
    classify_sendsms_response,
    dlr_url_for,
)
from aduan.intake.sms.replies import to_gsm7
from aduan.notifications.models import DeliveryStatus, Notification
from aduan.notifications.transports import Sent, TransportError, register

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
DLR_PATH = "/sms/kannel/dlr/"
_SALT = "aduan.intake.sms.dlr"


def is_configured() -> bool:
    return bool(getattr(settings, "ADUAN_KANNEL_SENDSMS_URL", ""))


def register_if_configured() -> None:
    if is_configured():
        register("sms", send_sms)


def send_sms(*, recipient: str, subject: str, body: str, notification_id: int) -> Sent:
    base = getattr(settings, "ADUAN_KANNEL_SENDSMS_URL", "")
    if not base:  # registered, then unconfigured: keep the message queued until it is fixed
        raise TransportError("ADUAN_KANNEL_SENDSMS_URL is not set", permanent=False)
    reference = dlr_reference(notification_id)
    public_url = (getattr(settings, "ADUAN_PUBLIC_URL", "") or "").rstrip("/")
    url = build_sendsms_url(
        base,
        settings.ADUAN_KANNEL_SENDSMS_USER,
        settings.ADUAN_KANNEL_SENDSMS_PASSWORD,
        recipient,
        to_gsm7(body),
        dlr_url_for(public_url + DLR_PATH, reference) if public_url else None,
        settings.ADUAN_SMS_SENDER,
    )
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            status, detail = response.status, response.read(500).decode(errors="replace")
    except urllib.error.HTTPError as error:
        status, detail = error.code, error.read(500).decode(errors="replace")
    except (urllib.error.URLError, OSError) as error:  # refused, unreachable, timed out
        raise TransportError(f"Kannel sendsms unreachable: {error}", permanent=False) from error
    outcome = classify_sendsms_response(status, detail)
    if not outcome.accepted:
        # The URL carries the sendsms password: only the status and Kannel's answer are reported.
        raise TransportError(f"Kannel sendsms answered {status}: {outcome.detail[:200]}", permanent=not outcome.retry)
    return Sent(reference=reference)


def dlr_reference(notification_id: int) -> str:
    """'123-9f2c…': URL-safe as it is (no '%', which Kannel would take for an escape code)."""
    return f"{notification_id}-{_signature(str(notification_id))}"


def notification_id_from(reference: str) -> int | None:
    number, _, signature = reference.partition("-")
    if not number.isdigit() or not constant_time_compare(signature, _signature(number)):
        return None
    return int(number)


def _signature(value: str) -> str:
    return salted_hmac(_SALT, value, algorithm="sha256").hexdigest()[:24]


def record_delivery_report(notification_id: int, report: KannelDeliveryReport) -> bool:
    """Delivered or failed, from the operator's receipt. Returns whether the report changed anything.

    "Accepted by the SMS centre" and "buffered" change nothing: the message is already "sent".
    A report may overtake the outbox writing "sent" (Kannel answers within milliseconds), so the
    update accepts "queued" as well, and never undoes a final state.
    """
    if not report.is_final:
        return False
    at = report.reported_at or timezone.now()
    pending = Notification.objects.filter(
        Q(status=DeliveryStatus.SENT) | Q(status=DeliveryStatus.QUEUED), pk=notification_id, transport="sms",
    )
    if report.is_failure:
        changed = pending.update(status=DeliveryStatus.FAILED, last_error=f"DLR {int(report.status)}: {report.answer}"[:300])
    else:
        changed = pending.update(status=DeliveryStatus.DELIVERED, delivered_at=at)
    return bool(changed)
