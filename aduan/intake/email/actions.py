"""One delivered email → a new complaint, or a rebuttal or note on the complaint it answers.

Program: the first program named in the subject, else in the body (BPNT/Sembako/e-Warong → bpnt,
Rastra → rastra, PKH/Keluarga Harapan → pkh, or any active program's code); none named →
DEFAULT_PROGRAM ("bpnt", the largest program), which the officer corrects when classifying.
A reply is recognised by In-Reply-To/References naming the first message, or by the tracking
number in the subject — and only when it comes from the reporter's own address: anyone else who
writes about a complaint files a new one.
"""

import hashlib
import logging
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from aduan.core.actions import complaint_rebut, complaint_receive
from aduan.core.actions.events import REPORTER, record_event
from aduan.core.attachments import attachment_add
from aduan.core.enums import Channel, EventKind
from aduan.core.errors import ActionError, required
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint, Event
from aduan.core.numbers import plausible_nik
from aduan.core.tracking import ALPHABET, normalize_tracking_number
from aduan.intake.email.parsing import InboundEmail
from aduan.organisation.models import Unit
from aduan.taxonomy.models import Program

log = logging.getLogger(__name__)

DEFAULT_PROGRAM = "bpnt"
PROGRAM_WORDS = {
    "bpnt": ("bpnt", "sembako", "pangan non tunai", "e-warong", "ewarong"),
    "rastra": ("rastra", "beras sejahtera"),
    "pkh": ("pkh", "keluarga harapan"),
}
TRACKING = re.compile(rf"\b[{ALPHABET}]{{5}}-[{ALPHABET}]{{5}}\b")
KKS = re.compile(r"\bkks\D{0,12}?(\d{16})\b", re.IGNORECASE)
NIK = re.compile(r"\bnik\D{0,12}?(\d{16})\b", re.IGNORECASE)
SMS_LOCATION = re.compile(r"[^#\n]*#[^#\n]+#[^#\n]+#[^#\n]+(?:#[^#\n]+)?")
MAX_EXTERNAL_ID = 200

FILES_ONLY = "(Pelapor mengirim lampiran tanpa pesan.)"
FILE_REFUSED = "Lampiran email ditolak: {details}"


@dataclass(frozen=True)
class EmailOutcome:
    kind: str  # "filed", "duplicate", "rebuttal", "note"
    complaint: Complaint
    refused_files: tuple[str, ...] = field(default_factory=tuple)


def complaint_add_message(*, complaint: Complaint, text: str, at=None, data: dict | None = None) -> Event:
    """A message from the reporter that changes nothing: it joins the timeline for the officers."""
    text = required(text, "Pesan tidak boleh kosong.", field="text")
    with transaction.atomic():
        return record_event(
            complaint, EventKind.NOTE, at=at or timezone.now(), label=REPORTER, note=text, data=data or {},
        )


def external_id_for(inbound: InboundEmail, raw: bytes) -> str:
    """'email:<Message-ID>': a redelivered message files nothing twice. A message without one (or
    with an absurdly long one) is known by the hash of its bytes."""
    key = f"email:{inbound.message_id}"
    if inbound.message_id and len(key) <= MAX_EXTERNAL_ID:
        return key
    return f"email:sha256:{hashlib.sha256(inbound.message_id.encode() if inbound.message_id else raw).hexdigest()}"


def detect_program(subject: str, body: str) -> str:
    active = list(Program.objects.filter(is_active=True).values_list("code", flat=True))
    words = {code: PROGRAM_WORDS.get(code, ()) + (code,) for code in active}
    for text in (subject.lower(), body.lower()):
        found = []
        for code, names in words.items():
            for name in names:
                match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
                if match:
                    found.append((match.start(), code))
        if found:
            return min(found)[1]
    return DEFAULT_PROGRAM if DEFAULT_PROGRAM in active else (active[0] if active else DEFAULT_PROGRAM)


def _location(body: str) -> tuple[str | None, str, bool]:
    """A line in the SMS 1708 form ('Jawa Timur#Kediri#Ringinrejo#Purwodadi') places the complaint;
    without one an officer sets the region."""
    match = SMS_LOCATION.search(body)
    if not match:
        return None, "", True
    from aduan.regions.models import Region
    from aduan.regions.resolver import get_resolver

    text = match.group().strip()
    parts = text.split("#")
    parts[0] = parts[0].rsplit(":", 1)[-1]  # "Lokasi: Jawa Timur#…"
    keywords = {k.upper() for k in Program.objects.exclude(sms_keyword="").values_list("sms_keyword", flat=True)}
    parts = [p.strip() for p in parts if p.strip()]
    if parts and parts[0].upper() in keywords:  # written as an SMS: "NT #Jawa Timur#…"
        parts = parts[1:]
    resolution = get_resolver().resolve(parts[:4])
    if resolution.code and Region.objects.filter(code=resolution.code).exists():
        return resolution.code, text[:300], resolution.needs_review
    return None, text[:300], True


def _answered_complaint(inbound: InboundEmail) -> Complaint | None:
    if not inbound.sender_email:
        return None
    candidates = []
    if inbound.refers_to:
        candidates += Complaint.objects.filter(external_id__in=[f"email:{m}" for m in inbound.refers_to])
    numbers = {normalize_tracking_number(n) for n in TRACKING.findall(inbound.subject.upper())} - {None}
    if numbers:
        candidates += Complaint.objects.filter(tracking_number__in=numbers)
    for complaint in candidates:
        if complaint.reporter_email and complaint.reporter_email.lower() == inbound.sender_email:
            return complaint
    return None


def _keep_files(complaint: Complaint, inbound: InboundEmail) -> tuple[str, ...]:
    refused = []
    for inbound_file in inbound.files:
        try:
            attachment_add(complaint=complaint, file=inbound_file.content, original_name=inbound_file.name,
                           description="Lampiran email")
        except ActionError as error:
            refused.append(f"{inbound_file.name[:80]} ({error.message})")
    if refused:
        complaint_add_message(complaint=complaint, text=FILE_REFUSED.format(details="; ".join(refused)),
                              data={"refused_files": refused})
    return tuple(refused)


def _already_answered(complaint: Complaint, inbound: InboundEmail, text: str) -> bool:
    # The MTA retries a delivery it thinks failed: the same reply must not count twice.
    if inbound.message_id and complaint.events.filter(kind=EventKind.NOTE, data__message_id=inbound.message_id).exists():
        return True
    return complaint.events.filter(kind=EventKind.REBUTTED, public_note=text, actor__isnull=True).exists()


def _reply(complaint: Complaint, inbound: InboundEmail) -> EmailOutcome:
    text = inbound.reply_text or ("" if inbound.files else inbound.subject) or FILES_ONLY
    if _already_answered(complaint, inbound, text):
        return EmailOutcome("duplicate", complaint)
    with transaction.atomic():
        try:
            complaint_rebut(complaint=complaint, text=text)
            kind = "rebuttal"
        except ActionError as error:
            if error.code != "illegal_transition":
                raise
            # Not in a rebuttal window (no answer yet, or the window has passed): a note for the officers.
            complaint_add_message(complaint=complaint, text=text,
                                  data={"channel": Channel.EMAIL, "message_id": inbound.message_id})
            kind = "note"
        refused = _keep_files(complaint, inbound)
    return EmailOutcome(kind, complaint, refused)


def _receiving_unit(recipients: list[str]) -> Unit | None:
    """A unit that publishes its own complaint address (SPEC R31) receives what is sent to it."""
    addresses = [r.strip().lower() for r in recipients if r and r.strip()]
    if not addresses:
        return None
    return Unit.objects.filter(email__in=addresses, is_active=True).order_by("id").first()


def email_receive(*, raw: bytes, inbound: InboundEmail, recipients: list[str] | None = None) -> EmailOutcome:
    """Handle one delivered message; raises ActionError when it cannot be a complaint (e.g. empty)."""
    answered = _answered_complaint(inbound)
    if answered is not None:
        return _reply(answered, inbound)
    body = inbound.text
    text = "\n\n".join(filter(None, [inbound.subject, body])).strip()
    kks, nik = KKS.search(body), NIK.search(body)
    region_code, location_text, needs_review = _location(body)
    message = IntakeMessage(
        channel=Channel.EMAIL,
        program=detect_program(inbound.subject, body),
        text=text,
        reporter=Reporter(name=inbound.sender_name[:150], email=inbound.sender_email[:254],
                          kks=kks.group(1) if kks else "", nik=plausible_nik(nik.group(1) if nik else "")),
        region_code=region_code,
        location_text=location_text,
        location_needs_review=needs_review,
        external_id=external_id_for(inbound, raw),
    )
    with transaction.atomic():
        result = complaint_receive(message=message, receiving_unit=_receiving_unit(recipients or []))
        if not result.created:
            return EmailOutcome("duplicate", result.complaint)
        refused = _keep_files(result.complaint, inbound)
    return EmailOutcome("filed", result.complaint, refused)
