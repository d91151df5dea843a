"""The SMTP receiver: aiosmtpd accepts each message and hands it to `email_receive` in a thread.

It speaks plain SMTP on a loopback port behind the organisation's mail server (Postfix relays the
complaint address to it), so it needs no mailbox and no polling. Answers: 250 when the message is
kept (also for a redelivery), 550 when it can never be a complaint (the sender's server bounces it
with our Indonesian reason), 451 on a temporary failure so that the sender's server retries.
"""

import logging

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from asgiref.sync import sync_to_async
from django.db import close_old_connections

from aduan.core.errors import ActionError
from aduan.core.privacy import scrub
from aduan.intake.email.actions import email_receive
from aduan.intake.email.parsing import parse

log = logging.getLogger(__name__)

MAX_MESSAGE_SIZE = 25 * 1024 * 1024  # five 5 MB attachments, base64-encoded
UNREADABLE = "Email tidak dapat dibaca; kirim ulang sebagai email biasa."


def _one_ascii_line(text: str) -> str:
    return " ".join(text.split()).encode("ascii", errors="replace").decode()


def deliver(raw: bytes, recipients: list[str]) -> str:
    """Handle one message in Django's world; returns the SMTP reply."""
    try:
        inbound = parse(raw)
    except Exception:  # noqa: BLE001 — whatever the parser chokes on, a retry will not fix
        log.warning("unreadable email refused", exc_info=True)
        return f"550 5.6.0 {UNREADABLE}"
    close_old_connections()
    try:
        outcome = email_receive(raw=raw, inbound=inbound, recipients=recipients)
    except ActionError as error:
        log.info("email refused: %s", scrub(error.message))
        return f"550 5.6.0 {_one_ascii_line(error.message)}"
    except Exception:
        log.exception("email intake failed; the sending server will retry")
        return "451 4.3.0 Gangguan sementara, coba lagi nanti."
    finally:
        close_old_connections()
    log.info("email %s → %s %s", inbound.message_id, outcome.kind, outcome.complaint.tracking_number)
    return f"250 2.0.0 {outcome.kind} {outcome.complaint.tracking_number}"


class ComplaintHandler:
    async def handle_DATA(self, server, session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="replace")
        # The ORM is synchronous: run it outside the event loop, one message at a time per thread.
        return await sync_to_async(deliver, thread_sensitive=False)(raw, list(envelope.rcpt_tos))


def controller(host: str = "127.0.0.1", port: int = 2525) -> Controller:
    return Controller(ComplaintHandler(), hostname=host, port=port, data_size_limit=MAX_MESSAGE_SIZE,
                      server_hostname="aduan-bansos", ident="Aduan Bansos email intake")
