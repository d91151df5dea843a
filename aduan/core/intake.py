"""The one shape every channel turns what it received into (SMS, web, email, API, officers)."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Reporter:
    anonymous: bool = False
    confidential: bool = False
    name: str = ""
    nik: str = ""
    kk: str = ""
    kks: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class IntakeMessage:
    channel: str
    program: str
    text: str
    reporter: Reporter = field(default_factory=Reporter)
    region_code: str | None = None
    location_text: str = ""
    location_needs_review: bool = False
    category_type: str | None = None
    topic: str | None = None
    severity: str | None = None
    received_at: datetime | None = None
    # Idempotency key, e.g. "sms:kannel:<message id>": the same key never files twice.
    external_id: str | None = None
    indirect_source: str = ""
    source_reference: str = ""
    # PKH (SPEC R16): "oleh" a pendamping, or "tentang" a pendamping or operator (PendampingRelation).
    pendamping: str = ""
    # The reporter's secret when the channel chose it (the web form derives it from its nonce, so a
    # double submit shows the same one); otherwise the receive action draws one.
    confidential_secret: str | None = field(default=None, repr=False)
