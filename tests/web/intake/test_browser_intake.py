"""An officer types in a walk-in complaint with its scans, by keyboard, and goes on to the next."""

import os
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from aduan.core.models import Complaint
from tests.web.public.conftest import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_an_officer_digitises_a_walk_in_complaint(page: Page, live_server, front_office):
    sign_in(page, live_server, front_office)
    page.goto(live_server.url + "/petugas/catat/")

    expect(page.locator("select[name=channel]")).to_be_focused()
    expect(page.locator("[data-show-for-channel]")).to_be_hidden()
    page.locator("select[name=program]").select_option("pkh")
    page.get_by_label("Nama pelapor").fill("Siti Aminah")
    page.get_by_label("NIK", exact=True).fill("3506 1045 0190 0002")
    page.get_by_label("Nomor HP").fill("0812-3456-7890")
    page.get_by_label("Isi pengaduan").fill("Bantuan PKH tahap 2 belum cair.")
    page.get_by_label("Provinsi", exact=True).select_option("35")
    expect(page.locator("select[name=kabupaten] option[value='35.06']")).to_be_attached()
    page.get_by_label("Kabupaten/Kota", exact=True).select_option("35.06")
    page.get_by_label("Fotokopi KTP").check()
    page.get_by_label("Pindaian KTP").set_input_files({"name": "ktp.png", "mimeType": "image/png", "buffer": png_bytes()})
    page.locator("select[name=category_type]").select_option("keluhan")
    page.locator("select[name=topic]").select_option("pkh-4")
    page.get_by_label("Isi pengaduan").press("Control+Enter")
    page.wait_for_load_state()
    if os.environ.get("ADUAN_SCREENSHOTS"):
        page.screenshot(path=os.environ["ADUAN_SCREENSHOTS"] + "/catat-after.png", full_page=True)

    number = page.locator("#tracking-number").inner_text()
    complaint = Complaint.objects.get(tracking_number=number)
    assert complaint.channel == "tatap_muka" and complaint.filed_by == front_office
    assert complaint.attachments.get().description == "Pindaian KTP"

    page.get_by_role("link", name="Catat lagi").click()
    expect(page.locator("select[name=program]")).to_have_value("pkh")
    page.locator("select[name=channel]").select_option("tidak_langsung")
    expect(page.locator("[data-show-for-channel]")).to_be_visible()


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop"])
def test_the_desk_never_submits_on_enter_and_prints_a_receipt_with_the_due_date(page: Page, live_server, front_office,
                                                                                viewport):
    """The office's kab/kota is already chosen; Enter in a search box picks the kecamatan without
    saving; the saved complaint's tanda terima carries the numbers, the secret and the due date."""
    page.set_viewport_size(viewport)
    sign_in(page, live_server, front_office)
    page.goto(live_server.url + "/petugas/catat/")
    expect(page.locator("select[name=kabupaten]")).to_have_value("35.06")
    expect(page.locator("input[name=received_at]")).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"))

    page.get_by_label("Nama pelapor").fill("Siti Aminah")
    page.get_by_label("Isi pengaduan").fill("Kartu KKS hilang, mohon surat rekomendasi.")
    search = page.get_by_placeholder("Cari kecamatan…")
    search.fill("ringin")
    search.press("Enter")
    expect(page.locator("select[name=kecamatan]")).to_have_value("35.06.10")
    assert page.url.endswith("/petugas/catat/") and not Complaint.objects.exists()

    page.get_by_label("Isi pengaduan").press("Control+Enter")
    receipt = page.locator("#tanda-terima")
    expect(receipt).to_be_visible()
    complaint = Complaint.objects.get()
    due = complaint.due_at.astimezone(complaint.local_zone)
    expect(receipt.locator("[data-receipt-tracking]")).to_have_text(complaint.tracking_number)
    expect(receipt.locator("[data-receipt-register]")).to_have_text(complaint.register_number)
    expect(receipt.locator("[data-receipt-secret]")).to_have_text(re.compile(r"^\d{6}$"))
    expect(receipt.locator("[data-due]")).to_contain_text(f"{due.day} ")
    expect(receipt.locator("[data-location]")).to_have_text("Ringinrejo, Kabupaten Kediri, Jawa Timur")
    expect(page.get_by_role("button", name="Cetak tanda terima")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("#catat-lagi")).to_be_hidden()  # on paper, only the tanda terima
    expect(receipt).to_be_visible()
    page.emulate_media(media="screen")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    if os.environ.get("ADUAN_SCREENSHOTS"):
        page.screenshot(path=os.environ["ADUAN_SCREENSHOTS"] + f"/tanda-terima-{viewport['width']}.png", full_page=True)
