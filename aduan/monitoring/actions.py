"""What is done to an aid-delivery case (SPEC R24): opened (by hand or from a complaint), its
requirements checked, each visit or contact recorded, and closed with the aid received. Each
action checks who acts on the row it has locked; a case that began as a complaint leaves an
event on the complaint's timeline when it opens and when the aid arrives."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import may_see_identity
from aduan.core.actions.events import record_event
from aduan.core.enums import EventKind
from aduan.core.models import Complaint
from aduan.core.numbers import digits, nik_problem, sixteen_problem
from aduan.monitoring.access import require_act, require_open
from aduan.monitoring.models import Contact, ContactKind, DeliveryChannel, MonitoringCase, Requirement
from aduan.organisation.models import Unit
from aduan.regions.models import Region
from aduan.taxonomy.models import Program

NO_NAME = "Nama KPM wajib diisi."
NO_PROBLEM = "Tuliskan masalah penyalurannya (bantuan apa, sejak kapan belum diterima)."
ANONYMOUS = "Pengaduan anonim tidak menyebut keluarga yang dapat dipantau."
ALREADY = "Pengaduan ini sudah menjadi kasus pemantauan {number}."
CLOSED = "Kasus {number} sudah selesai: bantuan diterima {on}."
NO_NOTE = "Catat hasil kunjungan atau kontaknya."
FUTURE_CONTACT = "Waktu kontak tidak boleh di masa depan."
NO_RECEIPT_DATE = "Tanggal bantuan diterima wajib diisi."
FUTURE_RECEIPT = "Tanggal bantuan diterima tidak boleh di masa depan."
NO_AMOUNT = "Jumlah bantuan yang diterima (rupiah) wajib diisi dan lebih dari 0."
UNKNOWN_CHANNEL = "Pilih saluran penerimaan bantuan."
UNKNOWN_KIND = "Pilih jenis kontak."
UNKNOWN_REQUIREMENT = "Persyaratan '{value}' tidak dikenal."
OPENED_NOTE = "Dibuka kasus pemantauan penyaluran {number}."
RECEIVED_NOTE = "Bantuan diterima {on}: {amount} melalui {channel} (kasus {number})."


@dataclass(frozen=True)
class Family:
    """Whom the case follows, as typed or as the complaint gave it."""

    name: str
    nik: str = ""
    no_kk: str = ""
    kks_number: str = ""
    phone: str = ""
    address: str = ""
    region_code: str = ""


def case_open(*, unit: Unit, actor, family: Family, program: Program, problem: str, at: datetime | None = None,
              complaint: Complaint | None = None) -> MonitoringCase:
    require_open(actor, unit)
    name = errors.required(family.name, NO_NAME, field="name")
    problem = errors.required(problem, NO_PROBLEM, field="problem")
    numbers = _numbers(family)
    region = _region(family.region_code)
    at = at or timezone.now()
    with transaction.atomic():
        case = MonitoringCase.objects.create(
            unit=unit, program=program, name=name, phone=family.phone.strip(), address=family.address.strip(),
            region=region, problem=problem, opened_at=at, opened_by=actor, complaint=complaint,
            confidential=bool(complaint and complaint.confidential), **numbers,
        )
        if complaint is not None:
            record_event(complaint, EventKind.MONITORING_OPENED, at=at, actor=actor, to_unit=unit,
                         note=OPENED_NOTE.format(number=case.number), data={"case": case.number})
    return case


def case_from_complaint(*, complaint: Complaint, unit: Unit, actor, at: datetime | None = None) -> MonitoringCase:
    """The reporter's family, as the complaint names it, followed until the aid arrives."""
    if complaint.anonymous or not may_see_identity(actor, complaint):
        raise errors.ActionError(ANONYMOUS)
    with transaction.atomic():
        current = Complaint.objects.select_for_update().get(pk=complaint.pk)
        existing = MonitoringCase.objects.filter(complaint=current).first()
        if existing is not None:
            raise errors.ActionError(ALREADY.format(number=existing.number), code="conflict")
        family = Family(name=current.reporter_name, nik=current.reporter_nik, no_kk=current.reporter_kk,
                        kks_number=current.reporter_kks, phone=current.reporter_phone,
                        address=current.reporter_address, region_code=current.region_id or "")
        return case_open(unit=unit, actor=actor, family=family, program=current.program, problem=current.text,
                         at=at, complaint=current)


def case_requirements(*, case: MonitoringCase, actor, met: dict[str, bool]) -> MonitoringCase:
    unknown = [key for key in met if key not in Requirement.values]
    if unknown:
        raise errors.ActionError(UNKNOWN_REQUIREMENT.format(value=unknown[0]), field="requirements")
    with transaction.atomic():
        current = _locked(case, actor)
        current.requirements = {**current.requirements, **{key: bool(value) for key, value in met.items()}}
        current.save(update_fields=["requirements"])
    return current


def case_contact(*, case: MonitoringCase, actor, kind: str, note: str, with_whom: str = "",
                 at: datetime | None = None) -> Contact:
    if kind not in ContactKind.values:
        raise errors.ActionError(UNKNOWN_KIND, field="kind")
    note = errors.required(note, NO_NOTE, field="note")
    at = at or timezone.now()
    if at > timezone.now():
        raise errors.ActionError(FUTURE_CONTACT, field="at")
    with transaction.atomic():
        current = _locked(case, actor)
        return Contact.objects.create(case=current, kind=kind, at=at, with_whom=with_whom.strip(), note=note,
                                      officer=actor)


def case_aid_received(*, case: MonitoringCase, actor, on: date | None, amount: int | None, channel: str,
                      note: str = "", at: datetime | None = None) -> MonitoringCase:
    """The only way a case closes: the family has the aid — when, how much, through which channel."""
    at = at or timezone.now()
    if on is None:
        raise errors.ActionError(NO_RECEIPT_DATE, field="on")
    if on > timezone.localdate(at, case.unit_zone):
        raise errors.ActionError(FUTURE_RECEIPT, field="on")
    if not amount or amount <= 0:
        raise errors.ActionError(NO_AMOUNT, field="amount")
    if channel not in DeliveryChannel.values:
        raise errors.ActionError(UNKNOWN_CHANNEL, field="channel")
    with transaction.atomic():
        current = _locked(case, actor)
        current.received_on, current.received_amount, current.received_channel = on, amount, channel
        current.received_note, current.closed_at, current.closed_by = note.strip(), at, actor
        current.save(update_fields=["received_on", "received_amount", "received_channel", "received_note",
                                    "closed_at", "closed_by"])
        if current.complaint_id:
            text = RECEIVED_NOTE.format(on=on.strftime("%d-%m-%Y"), amount=current.received_rupiah,
                                        channel=DeliveryChannel(channel).label, number=current.number)
            record_event(current.complaint, EventKind.AID_RECEIVED, at=at, actor=actor, public_note=text,
                         data={"case": current.number, "on": on.isoformat(), "amount": amount, "channel": channel})
    return current


def _locked(case: MonitoringCase, actor) -> MonitoringCase:
    current = MonitoringCase.objects.select_for_update(of=("self",)).select_related("unit").get(pk=case.pk)
    require_act(actor, current)
    if not current.is_open:
        raise errors.ActionError(CLOSED.format(number=current.number, on=current.received_on.strftime("%d-%m-%Y")),
                                 code="illegal_transition")
    return current


def _numbers(family: Family) -> dict[str, str]:
    values = {"nik": digits(family.nik.strip()), "no_kk": digits(family.no_kk.strip()),
              "kks_number": digits(family.kks_number.strip())}
    if values["nik"] and (problem := nik_problem(values["nik"])):
        raise errors.ActionError(problem, field="nik")
    for field, label in (("no_kk", "No. KK"), ("kks_number", "No. KKS")):
        if problem := sixteen_problem(values[field], label):
            raise errors.ActionError(problem, field=field)
    return values


def _region(code: str) -> Region | None:
    code = (code or "").strip()
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise errors.ActionError(errors.UNKNOWN_REGION.format(value=code), field="location_code")
    return region
