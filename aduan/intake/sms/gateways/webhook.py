"""The generic JSON dialect, for any gateway or aggregator that can POST JSON.

Request::

    POST /sms/webhook/
    Authorization: Bearer <secret>
    Content-Type: application/json

    {"id": "msg-8812", "from": "+6281234567890", "to": "1708",
     "text": "NT#Jatim#Kediri#Ringinrejo#Purwodadi#Saldo KKS kosong",
     "received_at": "2025-03-12T08:15:02+07:00"}

``id`` is the gateway's message id (a retry repeats it), ``received_at`` is optional and must
carry its UTC offset. Response: ``{"reply", "tracking_number", "location_code", "needs_review",
"outcome"}``; the gateway sends ``reply`` back to the sender. Pure functions, no Django.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from aduan.core.errors import EARLIEST_RECEIPT

ERROR_NOT_JSON = "The body must be a JSON object."
ERROR_FIELD = "'{field}' must be a non-empty string."
ERROR_TEXT = "'text' must be a string."
ERROR_TIME = "'received_at' must be an ISO 8601 time with its UTC offset, e.g. 2025-03-12T08:15:02+07:00."


class WebhookRequestError(ValueError):
    pass


@dataclass(frozen=True)
class WebhookInbound:
    message_id: str
    sender: str
    receiver: str
    text: str
    received_at: datetime | None = None


def parse_webhook(body: bytes) -> WebhookInbound:
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError) as error:
        raise WebhookRequestError(ERROR_NOT_JSON) from error
    if not isinstance(data, dict):
        raise WebhookRequestError(ERROR_NOT_JSON)
    message_id, sender = _required(data, "id"), _required(data, "from")
    text = data.get("text", "")
    if not isinstance(text, str):
        raise WebhookRequestError(ERROR_TEXT)
    receiver = data.get("to") or ""
    return WebhookInbound(
        message_id=message_id,
        sender=sender,
        receiver=receiver if isinstance(receiver, str) else str(receiver),
        text=text,
        received_at=_time(data.get("received_at")),
    )


def _required(data: dict, field: str) -> str:
    value = data.get(field)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # numeric ids are common
    if not isinstance(value, str) or not value.strip():
        raise WebhookRequestError(ERROR_FIELD.format(field=field))
    return value.strip()


def _time(value) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise WebhookRequestError(ERROR_TIME)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise WebhookRequestError(ERROR_TIME) from error
    if parsed.tzinfo is None or parsed < EARLIEST_RECEIPT:
        raise WebhookRequestError(ERROR_TIME)
    return parsed
