"""complaint_receive: the one door every channel files through.

Filing is one short transaction of a few statements: the complaint's id, its stages, its first
event and the messages that event causes (the outbox), then the register number (one upsert) and
the complaint itself. What every request reads and rarely changes (programs, policies, the
calendar, regions, units) comes from memory (aduan/memo.py), and the result carries the stages and
first event it wrote, so the channel can answer without reading the complaint again.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from aduan.core import errors
from aduan.core.access.reporter import gets_secret
from aduan.core.actions.announcement import announcement_unit
from aduan.core.actions.events import REPORTER, SYSTEM, record_event
from aduan.core.actions.handling import DISPOSED_PUBLIC
from aduan.core.contacts import checked_contacts
from aduan.core.due_dates import default_policy, due_for
from aduan.core.enums import Channel, EventKind, PendampingRelation, Severity, Status
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint, ComplaintStage, Event, RegisterCounter
from aduan.core.numbers import SIXTEEN, nik_problem
from aduan.core.stages import stage_rows
from aduan.core.tracking import hash_secret, new_access_secret, new_tracking_number
from aduan.organisation import lookups as units
from aduan.organisation.models import Unit
from aduan.organisation.routing import first_handler_code
from aduan.regions.lookups import region as region_by_code
from aduan.regions.timezones import zone_for
from aduan.taxonomy import lookups as taxonomy
from aduan.triage.suggestions import suggest

# Fixed sentences are marked for translation: the timeline shows them in the reader's language.
RECEIVED_PUBLIC = gettext_noop("Pengaduan diterima dan dicatat.")
UNKNOWN_PENDAMPING = "Nilai pendamping '{value}' tidak dikenal; pilih: {choices}."
FIRST_RUNG_NOTE = "Diteruskan langsung sesuai jenjang PKH: {reason}."
FIRST_RUNG_REASONS = {PendampingRelation.BY: "pengaduan oleh pendamping ditangani UPPKH Pusat",
                      PendampingRelation.ABOUT: "pengaduan tentang pendamping atau operator ditangani UPPKH"}
# A fresh tracking number is drawn when the random one is taken (about once in a million filings).
_DRAWS = 5


@dataclass(frozen=True)
class ReceiveResult:
    complaint: Complaint
    created: bool
    # Shown once to a confidential reporter; only its hash is stored.
    access_secret: str | None = None
    # What filing wrote (empty when the complaint existed already).
    stages: tuple[ComplaintStage, ...] = ()
    events: tuple = ()


def complaint_receive(*, message: IntakeMessage, receiving_unit: Unit | None = None, actor=None) -> ReceiveResult:
    """File a complaint, or return the one already filed under the same external id."""
    if message.external_id and (existing := _filed_before(message.external_id)):
        return ReceiveResult(existing, created=False)
    fields = _validated_fields(message)
    receiving_unit = receiving_unit or national_unit()
    access_secret = None
    if fields["confidential"] or gets_secret(message.channel):
        access_secret = message.confidential_secret or new_access_secret()
    for draw in range(_DRAWS):
        tracking_number = new_tracking_number()
        try:
            with transaction.atomic():
                complaint, stages, event = _file(message, fields, receiving_unit, actor, tracking_number, access_secret)
            return ReceiveResult(complaint, created=True, access_secret=access_secret, stages=stages, events=(event,))
        except IntegrityError:
            if message.external_id and (existing := _filed_before(message.external_id)):
                # Two deliveries of one gateway message raced; the other one filed it.
                return ReceiveResult(existing, created=False)
            # Only a tracking-number collision is worth another draw; anything else goes up.
            if draw == _DRAWS - 1 or not Complaint.objects.filter(tracking_number=tracking_number).exists():
                raise
    raise AssertionError("unreachable")


def _filed_before(external_id: str) -> Complaint | None:
    # The id alone first: almost every message is new, and a whole complaint row costs more to ask for.
    pk = Complaint.objects.filter(external_id=external_id).values_list("pk", flat=True).first()
    return Complaint.objects.get(pk=pk) if pk else None


def national_unit() -> Unit:
    """The unit that registers what reaches the national door (SMS 1708, the website)."""
    unit = units.national_unit()
    if unit is None:
        raise errors.ActionError("Unit Admin Utama belum dibuat; jalankan `aduan setup`.", code="not_configured")
    return unit


def _validated_fields(message: IntakeMessage) -> dict:
    if message.channel not in Channel.values:
        raise errors.ActionError(errors.UNKNOWN_CHANNEL.format(value=message.channel), field="channel")
    programs = taxonomy.active_programs()
    program = programs.get(message.program)
    if program is None:
        choices = ", ".join(programs)
        raise errors.ActionError(errors.UNKNOWN_PROGRAM.format(value=message.program, choices=choices), field="program")
    text = errors.required(message.text, errors.EMPTY_TEXT, field="text")
    now = timezone.now()
    received_at = message.received_at or now
    if timezone.is_naive(received_at):
        raise errors.ActionError("Waktu penerimaan harus menyertakan zona waktu.", field="received_at")
    if received_at > now + timezone.timedelta(minutes=5):
        raise errors.ActionError(errors.FUTURE_RECEIPT, field="received_at")
    if received_at < errors.EARLIEST_RECEIPT:
        raise errors.ActionError(errors.EARLY_RECEIPT, field="received_at")

    region = None
    if message.region_code:
        region = region_by_code(message.region_code)
        if region is None:
            raise errors.ActionError(errors.UNKNOWN_REGION.format(value=message.region_code), field="location_code")

    category_type = None
    if message.category_type:
        category_type = taxonomy.category_types().get(message.category_type)
        if category_type is None:
            raise errors.ActionError(errors.UNKNOWN_CATEGORY.format(value=message.category_type), field="category_type")
    topic = None
    if message.topic:
        topic = taxonomy.topics().get((program.pk, message.topic))
        if topic is None:
            raise errors.ActionError(errors.UNKNOWN_TOPIC.format(value=message.topic), field="topic")

    if message.pendamping and message.pendamping not in PendampingRelation.values:
        raise errors.ActionError(UNKNOWN_PENDAMPING.format(value=message.pendamping,
                                                           choices=", ".join(PendampingRelation.values)),
                                 field="pendamping")

    severity = message.severity or taxonomy.default_severity(category_type, topic)
    if severity not in Severity.values:
        raise errors.ActionError(errors.UNKNOWN_SEVERITY.format(value=severity), field="severity")

    return {
        "program": program,
        "text": text,
        "received_at": received_at,
        "region": region,
        "category_type": category_type,
        "topic": topic,
        "severity": severity,
        "policy": program.policy or default_policy(),
        "pendamping": message.pendamping if program.code == "pkh" else "",
        # Only what the channel left open is worth suggesting (SMS, web and email leave the topic open).
        "triage": suggest(text, program.code).as_dict() if topic is None or category_type is None else {},
        **_reporter_fields(message.reporter),
    }


def _reporter_fields(reporter: Reporter) -> dict:
    if reporter.anonymous:
        # SPEC R6: an anonymous complaint keeps no identity at all, not even a phone number.
        return {"anonymous": True, "confidential": False}
    for label, value in (("NIK", reporter.nik), ("Nomor KK", reporter.kk), ("Nomor KKS", reporter.kks)):
        if value and not SIXTEEN.match(value):
            raise errors.ActionError(errors.BAD_NUMBER.format(field=label), field=f"reporter.{label.lower().split()[-1]}")
    # SPEC R21: a NIK names a province and a birth date; a typo that makes it impossible is caught here.
    if reporter.nik and (problem := nik_problem(reporter.nik)):
        raise errors.ActionError(f"{problem}.", field="reporter.nik")
    phone, email = checked_contacts(reporter.phone, reporter.email)
    return {
        "anonymous": False,
        "confidential": reporter.confidential,
        "reporter_name": reporter.name.strip(),
        "reporter_nik": reporter.nik,
        "reporter_kk": reporter.kk,
        "reporter_kks": reporter.kks,
        "reporter_phone": phone,
        "reporter_email": email,
        "reporter_address": reporter.address.strip(),
    }


def _file(message: IntakeMessage, fields: dict, receiving_unit: Unit, actor, tracking_number: str,
          access_secret: str | None) -> tuple[Complaint, tuple[ComplaintStage, ...], Event]:
    region = fields["region"]
    local_received = fields["received_at"].astimezone(zone_for(region.code if region else None))
    due = due_for(local_received, fields["policy"], fields["severity"])
    complaint = Complaint(
        pk=Complaint.objects.reserve_id(),
        channel=message.channel,
        indirect_source=message.indirect_source,
        source_reference=message.source_reference,
        filed_by=actor,
        receiving_unit=receiving_unit,
        register_year=local_received.year,
        location_text=message.location_text,
        location_needs_review=message.location_needs_review,
        due_at=due.due_at,
        status=Status.BELUM,
        external_id=message.external_id,
        tracking_number=tracking_number,
        access_secret_hash=hash_secret(tracking_number, access_secret) if access_secret else "",
        announced_to=announcement_unit(receiving_unit, region),
        **fields,
    )
    stages = tuple(stage_rows(complaint, due))
    if stages:
        ComplaintStage.objects.bulk_create(stages)
    event = record_event(
        complaint,
        EventKind.RECEIVED,
        at=complaint.received_at,
        actor=actor,
        label=None if actor else REPORTER,
        to_status=Status.BELUM,
        to_unit=receiving_unit,
        public_note=RECEIVED_PUBLIC,
        data={"channel": message.channel},
    )
    _past_the_lower_rungs(complaint, receiving_unit)
    # The complaint last, with its register number: every filing at the national door takes the
    # next number from the same counter row, which stays locked until the commit, so the number
    # is taken when nothing is left to write but the complaint (its stages, event and messages
    # went first; foreign keys are checked at commit). Taken first, the lock covered the whole
    # filing and two app workers spent a third of their time waiting for each other.
    complaint.register_seq = RegisterCounter.objects.take_next(receiving_unit.pk, local_received.year)
    complaint.save(force_insert=True)
    return complaint, stages, event


def _past_the_lower_rungs(complaint: Complaint, receiving_unit: Unit) -> None:
    """SPEC R16: a PKH complaint by or about a pendamping is not handled where it was received but
    goes at once to the UPPKH that handles it (a disposition by "Sistem", on the timeline)."""
    code = first_handler_code(program=complaint.program.code, pendamping=complaint.pendamping,
                              region_code=complaint.region_id)
    target = units.units_by_code().get(code) if code else None
    if target is None or target.pk == receiving_unit.pk:
        return
    complaint.handling_unit = target
    record_event(complaint, EventKind.DISPOSED, at=complaint.received_at, label=SYSTEM, from_status=Status.BELUM,
                 to_status=Status.BELUM, from_unit=receiving_unit, to_unit=target,
                 note=FIRST_RUNG_NOTE.format(reason=FIRST_RUNG_REASONS[PendampingRelation(complaint.pendamping)]),
                 public_note=DISPOSED_PUBLIC.format(unit=target.name), data={"automatic": True})
