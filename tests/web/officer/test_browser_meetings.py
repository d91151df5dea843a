"""SPEC R26 in a real browser: the Tikor's secretary, warned on the dashboard that the Tikor has not
met, schedules a meeting (the berat complaint already on the agenda), records who came and the
recommendation, sends the minutes to the centre, and the warning is gone."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Page, expect

from aduan.core.actions import complaint_receive
from aduan.core.enums import EventKind
from aduan.core.intake import IntakeMessage, Reporter
from aduan.organisation.models import Membership, Role

from .conftest import PASSWORD
from .test_browser_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_holds_a_meeting_and_sends_its_minutes(page: Page, live_server, people, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    secretary = get_user_model().objects.create_user("kediri_tikor", password=PASSWORD, first_name="Bayu")
    Membership.objects.create(user=secretary, unit=world["tikor-35-06"], role=Role.ADMINISTRATOR)
    heavy = complaint_receive(message=IntakeMessage(
        channel="sms", program="bpnt", text="Penyaluran BPNT di desa kami berhenti, bank dan agen saling lempar.",
        region_code="35.06.10.2005", severity="berat", reporter=Reporter(name="Sumiati", phone="+6281234567890"),
        external_id="sms:meeting")).complaint

    sign_in(page, live_server.url, "kediri_tikor")
    page.goto(f"{live_server.url}/petugas/dasbor/")
    expect(page.locator("#rapat-koordinasi [data-late]")).to_contain_text("belum ada rapat")
    page.get_by_role("link", name="Rapat", exact=True).click()

    form = page.locator("#jadwalkan")
    form.get_by_label("Jadwal").fill(timezone.localtime().strftime("%Y-%m-%dT10:00"))
    form.get_by_role("button", name="Jadwalkan").click()
    expect(form.locator(".error")).to_contain_text("Wajib diisi")  # no place: refused, the rest kept
    form.get_by_label("Tempat").fill("Aula Dinas Sosial")
    form.get_by_role("button", name="Jadwalkan").click()
    expect(page.get_by_text("Rapat dijadwalkan; 1 pengaduan berat masuk agenda.")).to_be_visible()
    expect(page.locator(f'[data-agenda="{heavy.tracking_number}"]')).to_be_visible()

    attendance = page.locator("#daftar-hadir")
    attendance.get_by_label("Nama").fill("Ir. Suparno")
    attendance.get_by_label("Instansi").fill("Dinas Sosial Kab. Kediri")
    attendance.get_by_role("button", name="Catat hadir").click()
    expect(page.locator("#daftar-hadir .attendance")).to_contain_text("Ir. Suparno — Dinas Sosial Kab. Kediri")

    minutes = page.locator("#notulen")
    minutes.get_by_label(f"Rekomendasi untuk {heavy.tracking_number}").fill("BRI membuka layanan di balai desa.")
    minutes.get_by_role("button", name="Simpan notulen").click()
    expect(page.get_by_text("Notulen tersimpan.")).to_be_visible()
    page.get_by_role("button", name="Kirim notulen ke pusat").click()
    expect(page.locator("#status")).to_contain_text("dikirim ke")
    expect(page.get_by_role("link", name="Unduh notulen (PDF)")).to_be_visible()
    expect(page.get_by_role("button", name="Catat hadir")).to_have_count(0)
    assert heavy.events.filter(kind=EventKind.DISCUSSED).exists()

    page.goto(f"{live_server.url}/petugas/dasbor/")
    expect(page.locator("#rapat-koordinasi")).to_contain_text("terakhir rapat")
    expect(page.locator("#rapat-koordinasi [data-late]")).to_have_count(0)
