"""The Kannel dialect: what Kannel's smsbox sends us, and what we send to Kannel.

Pure functions, no Django. The view under ``/sms/kannel/`` parses the HTTP request with
``parse_kannel_request``; the outbound transport builds ``/cgi-bin/sendsms`` requests with
``build_sendsms_url``; the delivery-report view parses Kannel's callback with ``parse_kannel_dlr``.

Kannel settings this module expects (deploy/kannel/kannel.conf.example is the full example,
tests/support/kannel.py starts the same thing on loopback):

Inbound (mobile-originated) -- one ``sms-service`` with ``post-url`` pointing at the endpoint
followed by ``KANNEL_POST_URL_QUERY``::

    group = sms-service
    keyword = default
    catch-all = true
    post-url = "https://<host>/sms/kannel/?id=%I&from=%p&to=%P&time=%T&smsc=%i&coding=%c&charset=%C"
    max-messages = 1
    omit-empty = true
    accept-x-kannel-headers = true

  and ``mo-recode = true`` in the ``smsbox`` group, so a UCS-2 message that UTF-8 can carry
  arrives as UTF-8. The escape codes: ``%I`` Kannel's UUID for the message (our idempotency key;
  it stays the same when smsbox retries the request), ``%p`` sender, ``%P`` receiver (the short
  code), ``%T`` the time the SMSC stamped, as a Unix epoch, ``%i`` the smsc-id, ``%c`` coding
  (0 GSM 7-bit, 1 8-bit, 2 UCS-2), ``%C`` charset. The message text is the POST body, byte for
  byte (double spaces, ``#``, ``&`` and non-ASCII intact), in the charset of ``Content-Type``.
  A ``get-url`` with ``&text=%b`` works as well: the text is then read from the ``text``
  parameter.

  The HTTP response body (``text/plain; charset=utf-8``) is the reply SMS; an empty body sends
  nothing (``omit-empty``). Kannel sends it in GSM 7-bit and turns every character GSM lacks
  (’ “ ” — …) into ``?`` unless the response carries ``X-Kannel-Coding: 2``
  (``reply_headers`` adds it when needed; ``accept-x-kannel-headers`` lets it through). Kannel
  chops the reply to one SMS: 160 GSM characters, or 70 in UCS-2 (``fits_one_sms``).

Outbound (mobile-terminated) -- smsbox's ``sendsms-port`` and a ``sendsms-user``; delivery
reports come to ``dlr-url`` with the escape codes of ``KANNEL_DLR_URL_QUERY``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlencode

from aduan.core.errors import EARLIEST_RECEIPT

KANNEL_POST_URL_QUERY = "id=%I&from=%p&to=%P&time=%T&smsc=%i&coding=%c&charset=%C"
KANNEL_DLR_URL_QUERY = "status=%d&smsc_message_id=%F&answer=%A&time=%T&to=%p"

ERROR_MISSING_MESSAGE_ID = "Kannel request without a message id (id=%I)."
ERROR_MISSING_SENDER = "Kannel request without a sender (from=%p)."
ERROR_MISSING_DLR_STATUS = "Kannel delivery report without a status (status=%d)."
ERROR_BAD_DLR_STATUS = "Kannel delivery report with a status that is not a number."
ERROR_MISSING_DLR_REFERENCE = "Kannel delivery report without our reference (ref)."

CODING_GSM7 = 0
CODING_8BIT = 1
CODING_UCS2 = 2


class KannelRequestError(ValueError):
    """The request did not come from a Kannel configured as this module expects."""


class DlrStatus(enum.IntFlag):
    """Kannel's delivery report types; ``dlr-mask`` is their sum."""

    DELIVERED = 1
    UNDELIVERABLE = 2
    BUFFERED = 4
    SMSC_ACCEPTED = 8
    SMSC_REJECTED = 16


# Final outcomes and the operator's acceptance; BUFFERED only says "still trying".
DLR_MASK_DEFAULT = (
    DlrStatus.DELIVERED | DlrStatus.UNDELIVERABLE | DlrStatus.SMSC_ACCEPTED | DlrStatus.SMSC_REJECTED
)


@dataclass(frozen=True)
class KannelInbound:
    message_id: str
    sender: str
    receiver: str
    text: str
    received_at: datetime | None  # None when the SMSC gave no time; the caller uses "now"
    smsc_id: str = ""
    coding: int = CODING_GSM7


@dataclass(frozen=True)
class KannelDeliveryReport:
    reference: str
    status: DlrStatus
    smsc_message_id: str
    answer: str
    reported_at: datetime | None

    @property
    def is_final(self) -> bool:
        return bool(self.status & (DlrStatus.DELIVERED | DlrStatus.UNDELIVERABLE | DlrStatus.SMSC_REJECTED))

    @property
    def is_failure(self) -> bool:
        return bool(self.status & (DlrStatus.UNDELIVERABLE | DlrStatus.SMSC_REJECTED))


@dataclass(frozen=True)
class SendsmsOutcome:
    accepted: bool
    retry: bool  # worth trying again later (Kannel or the operator link is down)
    detail: str


def parse_kannel_request(
    params: Mapping[str, str], body: bytes, headers: Mapping[str, str]
) -> KannelInbound:
    """Turn one smsbox request (``post-url`` or ``get-url``) into a ``KannelInbound``."""
    message_id = _param(params, "id")
    if not message_id:
        raise KannelRequestError(ERROR_MISSING_MESSAGE_ID)
    sender = _param(params, "from")
    if not sender:
        raise KannelRequestError(ERROR_MISSING_SENDER)
    coding = _int_or(params.get("coding"), CODING_GSM7)
    if body:
        text = _decode_body(body, headers, params, coding)
    else:
        text = params.get("text", "")
    return KannelInbound(
        message_id=message_id,
        sender=sender,
        receiver=_param(params, "to"),
        text=text,
        received_at=_epoch_or_none(params.get("time")),
        smsc_id=_param(params, "smsc"),
        coding=coding,
    )


def parse_kannel_dlr(params: Mapping[str, str]) -> KannelDeliveryReport:
    """Parse Kannel's ``dlr-url`` callback built by ``dlr_url_for``."""
    reference = _param(params, "ref")
    if not reference:
        raise KannelRequestError(ERROR_MISSING_DLR_REFERENCE)
    raw_status = _param(params, "status")
    if not raw_status:
        raise KannelRequestError(ERROR_MISSING_DLR_STATUS)
    try:
        status = DlrStatus(int(raw_status))
    except ValueError as exc:
        raise KannelRequestError(ERROR_BAD_DLR_STATUS) from exc
    return KannelDeliveryReport(
        reference=reference,
        status=status,
        smsc_message_id=_param(params, "smsc_message_id"),
        answer=params.get("answer", ""),
        reported_at=_epoch_or_none(params.get("time")),
    )


def dlr_url_for(callback_url: str, reference: str) -> str:
    """Our delivery-report endpoint with our reference and Kannel's escape codes appended.

    The reference must be URL-safe as it is (a number or UUID): Kannel substitutes escape codes
    in this string, so a ``%`` of ours would be taken for one.
    """
    if "%" in reference:
        raise ValueError("A DLR reference cannot contain '%'.")
    separator = "&" if "?" in callback_url else "?"
    return f"{callback_url}{separator}ref={quote(reference, safe='')}&{KANNEL_DLR_URL_QUERY}"


def sendsms_params(
    *,
    user: str,
    password: str,
    to: str,
    text: str,
    sender: str | None = None,
    dlr_url: str | None = None,
    dlr_mask: int = DLR_MASK_DEFAULT,
    smsc: str | None = None,
) -> dict[str, str]:
    """The query parameters of one ``/cgi-bin/sendsms`` request.

    The text goes as UTF-8; ``coding=2`` (UCS-2) only when GSM 7-bit cannot carry it, because
    UCS-2 cuts an SMS from 160 characters to 70.
    """
    params = {
        "username": user,
        "password": password,
        "to": to,
        "text": text,
        "charset": "UTF-8",
        "coding": str(CODING_GSM7 if is_gsm7(text) else CODING_UCS2),
    }
    if sender:
        params["from"] = sender
    if smsc:
        params["smsc"] = smsc
    if dlr_url:
        params["dlr-url"] = dlr_url
        params["dlr-mask"] = str(int(dlr_mask))
    return params


def build_sendsms_url(
    base: str,
    user: str,
    password: str,
    to: str,
    text: str,
    dlr_url: str | None = None,
    sender: str | None = None,
    *,
    dlr_mask: int = DLR_MASK_DEFAULT,
    smsc: str | None = None,
) -> str:
    """``base`` is smsbox's sendsms URL, e.g. ``http://127.0.0.1:13013/cgi-bin/sendsms``."""
    params = sendsms_params(
        user=user, password=password, to=to, text=text, sender=sender,
        dlr_url=dlr_url, dlr_mask=dlr_mask, smsc=smsc,
    )
    # quote, not quote_plus: a literal '+' in a phone number must not turn into a space.
    return f"{base}?{urlencode(params, quote_via=quote)}"


def classify_sendsms_response(status: int, body: str) -> SendsmsOutcome:
    """smsbox answers 202 ``0: Accepted for delivery`` or ``3: Queued for later delivery``."""
    detail = body.strip()
    if status in (200, 202):
        return SendsmsOutcome(accepted=True, retry=False, detail=detail)
    # 4xx: bad credentials or a request Kannel will never take; 5xx: Kannel or the link is down.
    return SendsmsOutcome(accepted=False, retry=status >= 500, detail=detail)


def reply_headers(text: str) -> dict[str, str]:
    """Headers for the HTTP response whose body is the reply SMS."""
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    if not is_gsm7(text):
        headers["X-Kannel-Coding"] = str(CODING_UCS2)
    return headers


SMS_MAX_GSM7 = 160
SMS_MAX_UCS2 = 70


def fits_one_sms(text: str) -> bool:
    if is_gsm7(text):
        # Extension characters (€, [, ] ...) take two septets.
        return len(text) + sum(ch in _GSM7_EXTENSION for ch in text) <= SMS_MAX_GSM7
    return len(text.encode("utf-16-be")) // 2 <= SMS_MAX_UCS2


_TYPOGRAPHY_TO_GSM7 = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "…": "...", "\u00a0": " ", "•": "-",
})


def gsm7_safe(text: str) -> str:
    """Replace the typography that word processors add with the GSM characters it stands for."""
    return text.translate(_TYPOGRAPHY_TO_GSM7)


# GSM 03.38 default alphabet and its extension table (characters sent with an escape).
_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


def is_gsm7(text: str) -> bool:
    return all(ch in _GSM7_BASIC or ch in _GSM7_EXTENSION for ch in text)


def _param(params: Mapping[str, str], name: str) -> str:
    return (params.get(name) or "").strip()


def _int_or(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


# An SMSC time outside these bounds is a broken clock or a forged request: the arrival time is used.
_EPOCH_BOUNDS = (EARLIEST_RECEIPT.timestamp(), datetime(2100, 1, 1, tzinfo=UTC).timestamp())


def _epoch_or_none(value: str | None) -> datetime | None:
    seconds = _int_or(value, 0)
    # Kannel writes 0 or -1 when the SMSC gave no time.
    if not _EPOCH_BOUNDS[0] <= seconds < _EPOCH_BOUNDS[1]:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


def _decode_body(body: bytes, headers: Mapping[str, str], params: Mapping[str, str], coding: int) -> str:
    charset = _charset_of(_header(headers, "Content-Type")) or _param(params, "charset")
    if not charset:
        charset = "utf-16-be" if coding == CODING_UCS2 else "utf-8"
    if charset.upper() in ("UCS-2", "UCS2"):
        charset = "utf-16-be"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: keep what UTF-8 can read
        return body.decode("utf-8", errors="replace")


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def _charset_of(content_type: str) -> str:
    # Kannel quotes it: text/plain; charset="UTF-8"
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').strip("'")
    return ""
