"""Coordination meetings (SPEC R26): a Tikor schedules one (the berat complaints of its region on
the agenda by default), records attendance and minutes with a recommendation per complaint, and
sends them to the central unit once — a PDF kept as sent and an event on each complaint."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.enums import EventKind
from aduan.meetings import actions
from aduan.meetings.access import meetings_visible_to
from aduan.meetings.cadence import cadences, districts_late, months_after
from aduan.organisation.models import Role
from tests.fixtures.org import KANDAT, MAKASSAR, lodge, officer, org  # noqa: F401  (shared fixtures)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def secretary(officer):
    return officer("tikor-35-06", Role.ADMINISTRATOR)


@pytest.fixture
def heavy(lodge):
    return lodge(severity="berat", text="Penyaluran BPNT di tiga desa terhenti; bank dan e-Warong saling lempar.")


def schedule(org, secretary, **extra):
    return actions.meeting_schedule(unit=org["tikor-35-06"], actor=secretary, place="Aula Dinas Sosial",
                                    scheduled_for=timezone.now() + timedelta(days=2), **extra)


def test_the_berat_complaints_of_the_region_land_on_the_agenda_by_default(org, secretary, heavy, lodge):
    light = lodge(severity="ringan")
    elsewhere = lodge(severity="berat", region_code=MAKASSAR)
    meeting = schedule(org, secretary)
    on_agenda = set(meeting.agenda.values_list("complaint_id", flat=True))
    assert heavy.pk in on_agenda and light.pk not in on_agenda and elsewhere.pk not in on_agenda

    added = actions.agenda_add(meeting=meeting, actor=secretary, tracking_number=light.tracking_number.lower())
    assert added.complaint == light and not added.by_default
    with pytest.raises(errors.ActionError, match="sudah ada"):
        actions.agenda_add(meeting=meeting, actor=secretary, tracking_number=light.tracking_number)
    with pytest.raises(errors.ActionError, match="bukan dari wilayah"):
        actions.agenda_add(meeting=meeting, actor=secretary, tracking_number=elsewhere.tracking_number)


def test_minutes_are_sent_once_with_attendance_recommendations_a_pdf_and_events(org, secretary, heavy, lodge):
    also = lodge(severity="ringan", region_code=KANDAT)
    meeting = schedule(org, secretary)
    actions.agenda_add(meeting=meeting, actor=secretary, tracking_number=also.tracking_number)
    with pytest.raises(errors.ActionError, match="notulen"):
        actions.minutes_send(meeting=meeting, actor=secretary)
    items = {item.complaint_id: item.pk for item in meeting.agenda.all()}
    actions.minutes_record(meeting=meeting, actor=secretary, held_on=timezone.localdate(), summary="Rapat lengkap.",
                           recommendations={items[heavy.pk]: "Bank BRI membuka layanan di balai desa."})
    with pytest.raises(errors.ActionError, match="Daftar hadir"):
        actions.minutes_send(meeting=meeting, actor=secretary)
    actions.attendee_add(meeting=meeting, actor=secretary, name="Ir. Suparno", agency="Dinas Sosial",
                         position="Kepala Dinas")
    actions.attendee_add(meeting=meeting, actor=secretary, name="Andi", agency="BRI Cabang Kediri")
    with pytest.raises(errors.ActionError, match=also.tracking_number):
        actions.minutes_send(meeting=meeting, actor=secretary)  # every complaint needs its recommendation
    actions.minutes_record(meeting=meeting, actor=secretary, held_on=timezone.localdate(), summary="Rapat lengkap.",
                           recommendations={items[also.pk]: "Cukup dijawab Dinas Sosial."})

    sent = actions.minutes_send(meeting=meeting, actor=secretary)
    assert sent.is_sent and sent.sent_to == org["admin-utama"]
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(sent.minutes_pdf.read())).pages)
    assert "Ir. Suparno" in text and "BRI Cabang Kediri" in text and heavy.tracking_number in text
    assert "Bank BRI membuka layanan" in text and "Siti Aminah" not in text, "no reporter's name in the minutes"
    discussed = heavy.events.get(kind=EventKind.DISCUSSED)
    assert "Bank BRI membuka layanan di balai desa." in discussed.note
    assert discussed.public_note == f"Pengaduan Anda dibahas dalam rapat koordinasi {org['tikor-35-06'].name}.", \
        "the reporter reads that it was discussed, not the officers' note"
    assert also.events.filter(kind=EventKind.DISCUSSED).exists()
    with pytest.raises(errors.ActionError, match="sudah dikirim"):
        actions.attendee_add(meeting=meeting, actor=secretary, name="Telat", agency="X")
    # once discussed and sent, a complaint is not put on the next agenda by default
    assert heavy.pk not in set(schedule(org, secretary).agenda.values_list("complaint_id", flat=True))


def test_only_the_tikor_holds_its_meetings_and_who_reads_them(org, officer, secretary):
    with pytest.raises(NotAllowed):
        schedule(org, officer("dinsos-35-71", Role.ADMINISTRATOR))
    with pytest.raises(NotAllowed):
        schedule(org, officer("tikor-35-06", Role.SUPERVISOR))
    meeting = schedule(org, secretary)
    assert meeting in meetings_visible_to(officer("admin-utama", Role.ADMINISTRATOR))
    assert meeting not in meetings_visible_to(officer("tikor-73-71", Role.ADMINISTRATOR))
    with pytest.raises(errors.ActionError, match="masa depan"):
        actions.minutes_record(meeting=meeting, actor=secretary, held_on=date.today() + timedelta(days=3),
                               summary="", recommendations={})


def test_a_district_tikor_is_late_a_month_after_it_last_met_the_centre_after_three(org, secretary):
    today = timezone.localdate()
    kediri, centre, province = org["tikor-35-06"], org["tikor-pusat"], org["tikor-35"]
    assert all(c.late(today) for c in cadences([kediri, centre])), "never met: late"
    assert not cadences([province])[0].late(today), "a province meets as needed"
    meeting = schedule(org, secretary)
    actions.minutes_record(meeting=meeting, actor=secretary, held_on=today - timedelta(days=20), summary="",
                           recommendations={})
    (kediri_now,) = cadences([kediri])
    assert kediri_now.last_met == today - timedelta(days=20) and not kediri_now.late(today)
    assert kediri_now.late(today + timedelta(days=15))
    assert months_after(date(2026, 1, 31), 1) == date(2026, 2, 28) and months_after(date(2026, 11, 30), 3) == date(2027, 2, 28)
    late, total = districts_late(today, "35")
    assert total >= 1 and late == total - 1
