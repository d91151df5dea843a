"""An officer types in a walk-in complaint with its scans, by keyboard, and goes on to the next."""

import os

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
