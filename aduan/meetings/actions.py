"""What is done to a coordination meeting (SPEC R26): scheduled (the berat complaints of the Tikor's
region that need several agencies put on its agenda by default), complaints added or taken off,
attendance and minutes recorded, and the minutes sent to the central complaint unit — once: the
PDF is made and kept, and each complaint discussed gets an event with the recommendation."""

from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.actions.events import record_event
from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint
from aduan.meetings import minutes
from aduan.meetings.access import require_hold
from aduan.meetings.models import AgendaItem, Attendee, Meeting
from aduan.organisation.models import Unit, UnitKind
from aduan.taxonomy.models import Severity

NO_PLACE = "Tempat rapat wajib diisi."
NO_NAME = "Nama peserta wajib diisi."
NO_AGENCY = "Instansi peserta wajib diisi."
OUTSIDE = "Pengaduan {number} bukan dari wilayah {unit}."
ALREADY_ON = "Pengaduan {number} sudah ada dalam agenda."
UNKNOWN_COMPLAINT = "Pengaduan {number} tidak ditemukan."
SENT = "Notulen rapat ini sudah dikirim ke pusat; tidak dapat diubah lagi."
NO_HELD_ON = "Tanggal rapat wajib diisi."
FUTURE_HELD_ON = "Tanggal rapat tidak boleh di masa depan."
NOT_HELD = "Catat notulen (tanggal rapat) dulu sebelum mengirim."
NO_ATTENDANCE = "Daftar hadir masih kosong."
NO_RECOMMENDATION = "Rekomendasi untuk pengaduan {number} belum diisi."
NO_CENTRE = "Unit pengaduan pusat (Admin Utama) tidak ditemukan."
DISCUSSED_NOTE = "Dibahas dalam {title} {unit} ({on}). Rekomendasi: {recommendation}"
DISCUSSED_PUBLIC = "Pengaduan Anda dibahas dalam rapat koordinasi {unit}."  # aduan/web/timeline.py translates it
# SPEC R26: the berat ones that need several agencies land on the agenda by default.
DEFAULT_SEVERITIES = (Severity.BERAT, Severity.SANGAT_BERAT)
DEFAULT_AGENDA_MAX = 30


def meeting_schedule(*, unit: Unit, actor, scheduled_for: datetime, place: str, title: str = "",
                     at: datetime | None = None) -> Meeting:
    require_hold(actor, unit)
    place = errors.required(place, NO_PLACE, field="place")
    at = at or timezone.now()
    with transaction.atomic():
        meeting = Meeting.objects.create(unit=unit, scheduled_for=scheduled_for, place=place, created_at=at,
                                         created_by=actor, **({"title": title.strip()} if title.strip() else {}))
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, complaint_id=pk, by_default=True)
                                        for pk in default_agenda(unit)])
    return meeting


def region_complaints(unit: Unit):
    """The complaints a Tikor coordinates: those of its region (the centre's: every one)."""
    complaints = Complaint.objects.all()
    if unit.kind == UnitKind.TIKOR_PUSAT or not unit.region_id:
        return complaints
    return complaints.filter(region__code__startswith=unit.region_id + ".")


def default_agenda(unit: Unit) -> list[int]:
    """Open berat and sangat berat complaints of the region not discussed yet, oldest first."""
    discussed = AgendaItem.objects.filter(meeting__unit=unit, meeting__sent_at__isnull=False).values("complaint_id")
    return list(region_complaints(unit).filter(severity__in=DEFAULT_SEVERITIES).exclude(status=Status.SELESAI)
                .exclude(pk__in=discussed).order_by("received_at", "pk").values_list("pk", flat=True)[:DEFAULT_AGENDA_MAX])


def agenda_add(*, meeting: Meeting, actor, tracking_number: str) -> AgendaItem:
    with transaction.atomic():
        current = _locked(meeting, actor)
        number = tracking_number.strip().upper()
        complaint = Complaint.objects.filter(tracking_number=number).first()
        if complaint is None:
            raise errors.ActionError(UNKNOWN_COMPLAINT.format(number=number), field="tracking_number")
        if not region_complaints(current.unit).filter(pk=complaint.pk).exists():
            raise errors.ActionError(OUTSIDE.format(number=number, unit=current.unit.name), field="tracking_number")
        if current.agenda.filter(complaint=complaint).exists():
            raise errors.ActionError(ALREADY_ON.format(number=number), field="tracking_number", code="conflict")
        return AgendaItem.objects.create(meeting=current, complaint=complaint)


def agenda_remove(*, meeting: Meeting, actor, item_id: int) -> None:
    with transaction.atomic():
        current = _locked(meeting, actor)
        current.agenda.filter(pk=item_id).delete()


def attendee_add(*, meeting: Meeting, actor, name: str, agency: str, position: str = "") -> Attendee:
    name = errors.required(name, NO_NAME, field="name")
    agency = errors.required(agency, NO_AGENCY, field="agency")
    with transaction.atomic():
        current = _locked(meeting, actor)
        return Attendee.objects.create(meeting=current, name=name, agency=agency, position=position.strip())


def attendee_remove(*, meeting: Meeting, actor, attendee_id: int) -> None:
    with transaction.atomic():
        current = _locked(meeting, actor)
        current.attendance.filter(pk=attendee_id).delete()


def minutes_record(*, meeting: Meeting, actor, held_on: date | None, summary: str,
                   recommendations: dict[int, str]) -> Meeting:
    """The day it met, the general minutes, and a recommendation per agenda item (by item id)."""
    if held_on is None:
        raise errors.ActionError(NO_HELD_ON, field="held_on")
    with transaction.atomic():
        current = _locked(meeting, actor)
        if held_on > timezone.localdate(timezone.now(), current.unit_zone):
            raise errors.ActionError(FUTURE_HELD_ON, field="held_on")
        current.held_on, current.summary = held_on, summary.strip()
        current.save(update_fields=["held_on", "summary"])
        items = list(current.agenda.filter(pk__in=list(recommendations)))
        for item in items:
            item.recommendation = recommendations[item.pk].strip()
        AgendaItem.objects.bulk_update(items, ["recommendation"])
    return current


def minutes_send(*, meeting: Meeting, actor, at: datetime | None = None) -> Meeting:
    """To the central complaint unit: the PDF of the minutes and attendance, kept as sent, and an
    event on every complaint discussed."""
    at = at or timezone.now()
    with transaction.atomic():
        current = _locked(meeting, actor)
        items = list(current.agenda.select_related("complaint__program", "complaint__topic", "complaint__region"))
        if current.held_on is None:
            raise errors.ActionError(NOT_HELD, field="held_on")
        if not current.attendance.exists():
            raise errors.ActionError(NO_ATTENDANCE, field="attendance")
        for item in items:
            if not item.recommendation.strip():
                raise errors.ActionError(NO_RECOMMENDATION.format(number=item.complaint.tracking_number),
                                         field="recommendations")
        centre = Unit.objects.filter(kind=UnitKind.ADMIN_UTAMA, is_active=True).first()
        if centre is None:
            raise errors.ActionError(NO_CENTRE)
        current.sent_at, current.sent_by, current.sent_to = at, actor, centre
        current.minutes_pdf.save(f"notulen-{current.unit.code}-{current.held_on:%Y%m%d}-{current.pk}.pdf",
                                 ContentFile(minutes.pdf(current, items)), save=False)
        current.save(update_fields=["sent_at", "sent_by", "sent_to", "minutes_pdf"])
        on = current.held_on.strftime("%d-%m-%Y")
        for item in items:
            record_event(item.complaint, EventKind.DISCUSSED, at=at, actor=actor, to_unit=current.unit,
                         note=DISCUSSED_NOTE.format(title=current.title, unit=current.unit.name, on=on,
                                                    recommendation=item.recommendation),
                         public_note=DISCUSSED_PUBLIC.format(unit=current.unit.name),
                         data={"meeting": current.pk, "held_on": current.held_on.isoformat()})
    return current


def _locked(meeting: Meeting, actor) -> Meeting:
    current = Meeting.objects.select_for_update(of=("self",)).select_related("unit").get(pk=meeting.pk)
    require_hold(actor, current.unit)
    if current.is_sent:
        raise errors.ActionError(SENT, code="illegal_transition")
    return current
