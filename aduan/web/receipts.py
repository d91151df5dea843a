"""What every receipt tells the reporter, in one place: the citizen's page after filing (/lapor/),
the officer's printable desk receipt (tanda terima, /petugas/catat/) and /lacak/ — when an answer
is due, who handles it, where it happened, and how the answer will come."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext

from aduan.core import privacy
from aduan.core.models import Complaint
from aduan.notifications.dispatch import reporter_address
from aduan.regions.lookups import names_down_to


@dataclass(frozen=True)
class ReceiptFacts:
    due_at: datetime  # in the complaint's own zone
    provisional: bool  # the year's cuti bersama are not decreed yet: the date may move
    handler: str
    location: str
    answer_by: str


def receipt_facts(complaint: Complaint) -> ReceiptFacts:
    return ReceiptFacts(
        due_at=complaint.due_at.astimezone(complaint.local_zone),
        provisional=complaint.due_is_provisional,
        handler=_handler(complaint),
        location=full_location(complaint),
        answer_by=answer_channel(complaint),
    )


def _handler(complaint: Complaint) -> str:
    if complaint.handling_unit_id:
        return complaint.handling_unit.name
    return gettext("%(unit)s — diteruskan ke unit yang berwenang") % {"unit": complaint.receiving_unit.name}


def full_location(complaint: Complaint) -> str:
    """Desa, kecamatan, kabupaten/kota, provinsi — as far as the place is known — or what the
    reporter wrote."""
    if not complaint.region_id:
        return complaint.location_text or gettext("belum diketahui")
    return ", ".join(reversed(names_down_to(complaint.region_id)))


def answer_channel(complaint: Complaint) -> str:
    """How the answer reaches the reporter (the outbox's own rule), the contact masked."""
    address = reporter_address(complaint)
    if address is None:
        return gettext("Pantau di halaman Lacak atau kirim SMS CEK %(nomor)s ke %(short_code)s.") % {
            "nomor": complaint.tracking_number, "short_code": settings.ADUAN["SMS_SHORT_CODE"]}
    transport, recipient = address
    if transport == "email":
        return gettext("Email ke %(recipient)s, dan di halaman Lacak.") % {"recipient": privacy.mask_email(recipient)}
    return gettext("SMS ke %(recipient)s, dan di halaman Lacak.") % {"recipient": privacy.mask_phone(recipient)}
