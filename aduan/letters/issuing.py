"""Issuing a letter (SPEC R23): the next number of the unit's year, the template filled with the
complaint's facts, the PDF made once and kept (a reprint is that file), an event on the timeline."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils import timezone

from aduan.core import privacy
from aduan.core.access import Ability, may_see_identity, require
from aduan.core.actions.events import record_event
from aduan.core.enums import EventKind
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.letters import pdf
from aduan.letters.models import Letter, LetterCounter, Letterhead, LetterKind, LetterTemplate
from aduan.letters.texts import DEFAULTS, fill
from aduan.organisation.models import Membership, Role, Unit
from aduan.registry.busy import claim_for_reading
from aduan.registry.models import Record
from aduan.reports.recap import tanggal

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
ANONYMOUS = "Pengaduan anonim tidak dapat diberi surat yang menyebut pelapor."
NO_NIK = "NIK pelapor belum dicatat; lengkapi data pelapor dulu."
NO_ANSWER = "Pengaduan ini belum dijawab; belum ada hasil penanganan untuk diberitahukan."
NO_UNIT = "Pilih unit tujuan surat pengantar."
SAME_UNIT = "Surat pengantar ditujukan kepada unit lain."
ISSUED_NOTE = "{kind} nomor {number} diterbitkan."
NOT_YOURS = "Surat ini menyebut pelapor yang identitasnya dirahasiakan bagi Anda."


def letter_issue(*, complaint: Complaint, kind: str, actor, to_unit: Unit | None = None,
                 at: datetime | None = None) -> Letter:
    kind = LetterKind(kind)
    at = at or timezone.now()
    with transaction.atomic():
        current = Complaint.objects.select_for_update(of=("self",)).select_related(
            "program", "region", "receiving_unit", "handling_unit").get(pk=complaint.pk)
        require(actor, Ability.ISSUE_LETTER, current)
        unit = current.holder
        facts = _facts(current, kind, unit, to_unit)
        code, addressee, subject, body = _words(kind)
        day = at.astimezone(current.local_zone).date()
        sequence = _next_number(unit, day.year)
        head = Letterhead.objects.filter(unit=unit).first() or Letterhead(unit=unit)
        number = f"{sequence:03d}/{code}/{head.code or unit.code.upper()}/{ROMAN[day.month - 1]}/{day.year}"
        sheet = pdf.Sheet(
            unit_name=unit.name, unit_lines=[unit.address, " · ".join(filter(None, (unit.phone, unit.email, unit.website)))],
            logo_path=head.logo.path if head.logo else None, number=number,
            place_date=f"{head.place or _place(unit)}, {tanggal(day)}", subject=fill(subject, facts),
            addressee=fill(addressee, facts), body=fill(body, facts), signatory_title=head.signatory_title,
            signatory_name=head.signatory_name or _pejabat(unit), signatory_nip=head.signatory_nip,
        )
        letter = Letter(complaint=current, kind=kind, unit=unit, year=day.year, sequence=sequence, number=number,
                        addressee=sheet.addressee, to_unit=to_unit, issued_at=at, issued_by=actor)
        letter.pdf.save(f"{current.tracking_number}-{kind}-{sequence:03d}.pdf", ContentFile(pdf.render(sheet)), save=False)
        letter.save()
        record_event(current, EventKind.LETTER_ISSUED, at=at, actor=actor,
                     note=ISSUED_NOTE.format(kind=kind.label, number=number),
                     data={"letter_id": letter.pk, "kind": kind.value, "number": number})
    return letter


def _facts(complaint: Complaint, kind: LetterKind, unit: Unit, to_unit: Unit | None) -> dict[str, str]:
    if kind is not LetterKind.PENGANTAR and complaint.anonymous:
        raise ActionError(ANONYMOUS, field="kind")
    if kind is LetterKind.REKOMENDASI_KKS and not complaint.reporter_nik:
        raise ActionError(NO_NIK, field="kind")
    answer = complaint.events.filter(kind=EventKind.FOLLOWED_UP).order_by("-at", "-pk").values_list(
        "public_note", flat=True).first() or ""
    if kind is LetterKind.HASIL_PENANGANAN and not answer.strip():
        raise ActionError(NO_ANSWER, field="kind")
    if kind is LetterKind.PENGANTAR and to_unit is None:
        raise ActionError(NO_UNIT, field="to_unit")
    if kind is LetterKind.PENGANTAR and to_unit.pk == unit.pk:
        raise ActionError(SAME_UNIT, field="to_unit")
    record = complaint.registry_matches.exclude(source="").order_by("-linked_at", "-period").first()
    kks = complaint.reporter_kks or (_registry_kks(record.record_id) if record and record.record_id else "")
    hidden = complaint.anonymous or complaint.confidential
    return {
        "nama": complaint.reporter_name, "nik": complaint.reporter_nik, "kks": kks,
        "alamat": complaint.reporter_address, "desa": complaint.region.name if complaint.region_id else "",
        "nomor_pengaduan": complaint.tracking_number,
        "tanggal_pengaduan": tanggal(complaint.received_at.astimezone(complaint.local_zone).date()),
        "program": complaint.program.name if complaint.program_id else "",
        "bank": (record.bank if record and record.bank else "") or "Bank Penyalur",
        "saluran": complaint.get_channel_display(),
        "pelapor": "Anonim" if complaint.anonymous else ("Dirahasiakan" if complaint.confidential
                                                         else complaint.reporter_name),
        "isi": privacy.scrub(complaint.text) if hidden else complaint.text, "jawaban": answer,
        "unit": unit.name, "unit_tujuan": to_unit.name if to_unit else "",
    }


def _registry_kks(record_id: int) -> str:
    """The KKS number of the record the reporter was matched to (`RegistryBusy` while an import holds it)."""
    claim_for_reading()
    return Record.objects.filter(pk=record_id).values_list("kks", flat=True).first() or ""


def _words(kind: LetterKind) -> tuple[str, str, str, str]:
    code, addressee, subject, body = DEFAULTS[kind]
    edited = LetterTemplate.objects.filter(kind=kind).first()
    return (code, addressee, edited.subject, edited.body) if edited else (code, addressee, subject, body)


def _next_number(unit: Unit, year: int) -> int:
    counter, _ = LetterCounter.objects.select_for_update().get_or_create(unit=unit, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _place(unit: Unit) -> str:
    name = unit.region.name if unit.region_id else "Jakarta"
    return name.removeprefix("Kabupaten ").removeprefix("Kota Administrasi ").removeprefix("Kota ")


def _pejabat(unit: Unit) -> str:
    member = Membership.objects.filter(unit=unit, role=Role.PEJABAT_PENGELOLA).select_related("user").first()
    return (member.user.get_full_name() or member.user.get_username()) if member else ""


def may_read(user, letter: Letter) -> bool:
    """A letter names the reporter: those who may see the identity read it (a covering letter for
    an anonymous complaint names no one)."""
    complaint = letter.complaint
    return may_see_identity(user, complaint) or (letter.kind == LetterKind.PENGANTAR and complaint.anonymous)


def letter_download(user, complaint: Complaint, letter_id: int) -> FileResponse:
    """One of the complaint's letters as kept when issued (every reprint the same bytes), for the
    page and the API: Http404 when the complaint has no such letter, PermissionDenied when the
    user may not read whom it names."""
    letter = complaint.letters.filter(pk=letter_id).first()
    if letter is None:
        raise Http404
    if not may_read(user, letter):
        raise PermissionDenied(NOT_YOURS)
    return FileResponse(letter.pdf.open("rb"), content_type="application/pdf",
                        filename=f"{letter.number.replace('/', '-')}.pdf")
