"""The Gammu SMSD dialect: what deploy/gammu/aduan-runonreceive.sh posts for each received SMS.

Gammu SMSD runs its ``RunOnReceive`` program with the message in the environment and the
message ids (inbox file names or database row ids; several for a multipart SMS) as arguments.
The script forwards them as a form: ``id`` (the arguments joined by ``,``), ``SMS_MESSAGES``,
``SMS_1_NUMBER``, ``SMS_1_TEXT`` … ``SMS_n_TEXT``, ``DECODED_PARTS``, ``DECODED_1_TEXT`` and
``PHONE_ID``. The reply is the response body; the script sends it with ``gammu-smsd-inject``.
Pure functions, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

ERROR_MISSING_ID = "Gammu request without the message id (id=<RunOnReceive arguments>)."
ERROR_MISSING_SENDER = "Gammu request without SMS_1_NUMBER."
MAX_PARTS = 20


class GammuRequestError(ValueError):
    """The request is not what aduan-runonreceive.sh posts."""


@dataclass(frozen=True)
class GammuInbound:
    message_id: str
    sender: str
    receiver: str
    text: str
    received_at: datetime | None = None  # Gammu gives no time: the moment it reaches us


def parse_gammu_form(form: Mapping[str, str]) -> GammuInbound:
    message_id = (form.get("id") or "").strip()
    if not message_id:
        raise GammuRequestError(ERROR_MISSING_ID)
    sender = (form.get("SMS_1_NUMBER") or "").strip()
    if not sender:
        raise GammuRequestError(ERROR_MISSING_SENDER)
    return GammuInbound(
        message_id=message_id,
        sender=sender,
        receiver=(form.get("PHONE_ID") or "").strip(),
        text=_text(form),
    )


def _text(form: Mapping[str, str]) -> str:
    """A multipart SMS arrives as parts; Gammu's decoded text is the whole message when it has one."""
    decoded = form.get("DECODED_1_TEXT")
    if decoded and _count(form.get("DECODED_PARTS")) >= 1:
        return decoded
    parts = min(max(_count(form.get("SMS_MESSAGES")), 1), MAX_PARTS)
    return "".join(form.get(f"SMS_{n}_TEXT") or "" for n in range(1, parts + 1))


def _count(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
