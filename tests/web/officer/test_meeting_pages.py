"""SPEC R26 on the officers' pages: the Tikor schedules a meeting (the berat complaints of its
region on the agenda), records attendance and minutes, a wrong step is refused with what was typed
kept, and the minutes go to the centre once; the dashboard warns when the Tikor has not met."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from pypdf import PdfReader

from aduan.core.enums import EventKind
from aduan.meetings.models import Meeting
from aduan.organisation.models import Membership, Role

LIST = "/petugas/rapat/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def secretary(world):
    user = get_user_model().objects.create_user("kediri_tikor", first_name="Bayu", last_name="Sekretariat")
    Membership.objects.create(user=user, unit=world["tikor-35-06"], role=Role.ADMINISTRATOR)
    return user


def schedule(client, world, **extra):
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    return client.post(LIST, {"unit": world["tikor-35-06"].pk, "title": "", "scheduled_for": when,
                              "place": "Aula Dinas Sosial"} | extra)


def test_a_meeting_is_scheduled_with_the_berat_complaints_and_a_missing_place_keeps_the_form(
        sign_in, secretary, world, file_complaint):
    heavy = file_complaint(severity="berat")
    light = file_complaint(severity="ringan")
    client = sign_in(secretary)
    refused = schedule(client, world, place="", title="Rapat Oktober")
    assert refused.status_code == 400 and "Wajib diisi" in refused.content.decode()
    assert 'value="Rapat Oktober"' in refused.content.decode()

    scheduled = schedule(client, world)
    meeting = Meeting.objects.get()
    assert scheduled.status_code == 302 and scheduled["Location"] == f"/petugas/rapat/{meeting.pk}/"
    page = client.get(scheduled["Location"]).content.decode()
    assert heavy.tracking_number in page and light.tracking_number not in page
    added = client.post(f"/petugas/rapat/{meeting.pk}/agenda/", {"agenda-tracking_number": "ADU-0000-0000"})
    assert added.status_code == 400 and "tidak ditemukan" in added.content.decode()
    client.post(f"/petugas/rapat/{meeting.pk}/agenda/", {"agenda-tracking_number": light.tracking_number})
    assert light.tracking_number in client.get(f"/petugas/rapat/{meeting.pk}/").content.decode()


def test_the_minutes_are_sent_once_with_their_pdf_and_the_dashboard_stops_warning(
        sign_in, secretary, world, people, file_complaint):
    heavy = file_complaint(severity="sangat_berat")
    client = sign_in(secretary)
    dashboard = client.get("/petugas/dasbor/").content.decode()
    assert "belum pernah rapat" in dashboard and "Terlambat: belum ada rapat yang tercatat." in dashboard
    schedule(client, world)
    meeting = Meeting.objects.get()
    url = f"/petugas/rapat/{meeting.pk}/"
    item = meeting.agenda.get()
    client.post(url + "hadir/", {"hadir-name": "Ir. Suparno", "hadir-agency": "Dinas Sosial Kab. Kediri",
                                 "hadir-position": "Kepala Dinas"})
    client.post(url + "hadir/", {"hadir-name": "Andi", "hadir-agency": "BRI Cabang Kediri", "hadir-position": ""})
    today = timezone.localdate().isoformat()
    client.post(url + "notulen/", {"notulen-held_on": today, "notulen-summary": "Dihadiri lengkap.",
                                   f"notulen-item_{item.pk}": ""})
    refused = client.post(url + "kirim/", follow=True).content.decode()
    assert f"Rekomendasi untuk pengaduan {heavy.tracking_number} belum diisi" in refused
    client.post(url + "notulen/", {"notulen-held_on": today, "notulen-summary": "Dihadiri lengkap.",
                                   f"notulen-item_{item.pk}": "BRI membuka layanan di balai desa."})
    sent = client.post(url + "kirim/", follow=True).content.decode()
    assert "dikirim ke" in sent and "Unduh notulen" in sent and 'id="tambah-hadir"' not in sent

    pdf = client.get(url + "notulen.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(b"".join(pdf.streaming_content))).pages)
    assert "Ir. Suparno" in text and "BRI membuka layanan" in text and heavy.tracking_number in text
    assert heavy.events.filter(kind=EventKind.DISCUSSED).count() == 1
    assert client.post(url + "hadir/", {"hadir-name": "Telat", "hadir-agency": "X"}).status_code == 302
    assert meeting.attendance.count() == 2, "nothing changes once sent"

    dashboard = client.get("/petugas/dasbor/").content.decode()
    assert "terakhir rapat" in dashboard and "data-late" not in dashboard and "paling lambat" in dashboard
    centre = sign_in(people["admin"])
    assert centre.get(url).status_code == 200 and centre.get(url + "notulen.pdf").status_code == 200
    assert "Dinas Sosial Kab. Kediri" in centre.get(url).content.decode()


def test_only_the_tikor_schedules_and_another_region_cannot_read(sign_in, secretary, world, people):
    schedule(sign_in(secretary), world)
    meeting = Meeting.objects.get()
    dinsos = sign_in(people["kediri"])
    assert 'id="jadwalkan-rapat"' not in dinsos.get(LIST).content.decode()
    assert schedule(dinsos, world).status_code == 403
    assert sign_in(people["makassar"]).get(f"/petugas/rapat/{meeting.pk}/").status_code == 404
