"""SPEC R24 in a real browser: the desk turns a walk-in complaint into an aid-delivery case, ticks
requirements, records a home visit, sees the case in the queue, and closes it with the aid received."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage, Reporter
from aduan.monitoring.models import MonitoringCase

from .test_browser_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_desk_follows_a_family_from_complaint_to_aid_received(page: Page, live_server, people, world):
    complaint = complaint_receive(message=IntakeMessage(
        channel="tatap_muka", program="bpnt", text="Sudah tiga bulan BPNT tidak cair, nama ada di DTKS.",
        region_code="35.06.10.2005", reporter=Reporter(name="Sumiati", nik="3506104501800001"),
        external_id="desk:monitoring"), receiving_unit=world["dinsos-35-06"], actor=people["kediri_fo"]).complaint

    sign_in(page, live_server.url, "kediri_fo")
    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    page.get_by_role("button", name="Jadikan kasus pemantauan").click()
    expect(page.get_by_text(re.compile(r"Kasus pemantauan PMT-\d+ dibuka dari pengaduan ini\."))).to_be_visible()
    case = MonitoringCase.objects.get()
    expect(page.get_by_role("heading", name=f"{case.number} · Sumiati")).to_be_visible()

    requirements = page.locator("#persyaratan")
    requirements.get_by_label("Fotokopi KTP").check()
    requirements.get_by_label("Terdaftar di DTKS").check()
    requirements.get_by_role("button", name="Simpan persyaratan").click()
    expect(page.get_by_text("Persyaratan tersimpan.")).to_be_visible()
    expect(page.locator("#persyaratan").get_by_label("Terdaftar di DTKS")).to_be_checked()

    contact = page.locator("#kontak")
    contact.get_by_label("Jenis").select_option("kunjungan")
    contact.get_by_label("Hasilnya").fill("Nama belum masuk SP2D bulan ini; diusulkan ke Kemensos.")
    contact.get_by_role("button", name="Catat kontak").click()
    expect(page.locator(".contacts")).to_contain_text("Nama belum masuk SP2D")

    page.get_by_role("link", name="Antrean").click()
    expect(page.locator("[data-monitoring]")).to_contain_text(case.number)
    page.locator("[data-monitoring]").get_by_role("link", name=case.number).click()

    received = page.locator("#diterima")
    received.get_by_role("button", name="Bantuan diterima — tutup kasus").click()
    expect(received.locator(".error").first).to_be_visible()  # nothing given: refused, nothing closed
    received.get_by_label("Tanggal bantuan diterima").fill(date.today().isoformat())
    received.get_by_label("Jumlah (rupiah)").fill("200000")
    received.get_by_label("Diterima melalui").select_option("e_warong")
    received.get_by_role("button", name="Bantuan diterima — tutup kasus").click()
    expect(page.get_by_text("Bantuan diterima; kasus selesai.")).to_be_visible()
    expect(page.locator("#diterima")).to_contain_text("Rp200.000")
    case.refresh_from_db()
    assert not case.is_open and case.received_channel == "e_warong"

    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    expect(page.locator("#pemantauan")).to_contain_text(case.number)
