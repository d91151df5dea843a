"""A person files on the website with a cheap phone's screen, follows it, rebuts and rates."""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from aduan.core.actions import complaint_close, complaint_dispose, complaint_follow_up
from aduan.core.models import Complaint
from aduan.organisation.models import Membership, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}
SHOTS = os.environ.get("ADUAN_SCREENSHOTS")  # a folder: save what the person saw, to look at


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_person_files_follows_rebuts_and_rates(page: Page, browser, live_server, world, officer):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/lapor/")
    shot(page, "lapor")

    page.get_by_label("BPNT/Sembako").check()
    page.get_by_label("Apa yang terjadi?").fill("Saldo KKS belum masuk sejak Januari.")
    page.get_by_label("Provinsi", exact=True).select_option("35")
    expect(page.locator("select[name=kabupaten] option[value='35.06']")).to_be_attached()
    page.get_by_label("Kabupaten/Kota", exact=True).select_option("35.06")
    expect(page.locator("select[name=kecamatan] option[value='35.06.10']")).to_be_attached()
    page.get_by_label("Kecamatan", exact=True).select_option("35.06.10")
    # Searching instead of scrolling: one match is chosen by itself.
    page.get_by_placeholder("Cari desa/kelurahan…").fill("purwo")
    expect(page.locator("select[name=desa]")).to_have_value("35.06.10.2005")
    page.get_by_label("Nama", exact=True).fill("Siti Aminah")
    page.get_by_label("Nomor HP").fill("0812 3456 7890")
    page.get_by_label("NIK (16 angka, boleh kosong)").fill("7371 0145 0190 0002")
    expect(page.locator("#nik-warning")).to_be_visible()  # issued in Makassar, complaining about Kediri
    page.get_by_role("button", name="Kirim pengaduan").click()

    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#access-secret").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", number) and re.fullmatch(r"\d{6}", secret)
    shot(page, "terima")
    complaint = Complaint.objects.get(tracking_number=number)
    assert complaint.reporter_phone == "+6281234567890" and complaint.region_id == "35.06.10.2005"
    coordinator = get_user_model().objects.create_user("koordinator")
    Membership.objects.create(user=coordinator, unit=world["admin-utama"], role=Role.ADMINISTRATOR)
    complaint = complaint_dispose(complaint=complaint, actor=coordinator, to_unit=world["dinsos-35-06"])

    # Later, on another phone: the number shows the timeline, the secret from the receipt lets her act.
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(live_server.url + "/lacak/")
    page.get_by_label("Nomor pengaduan").fill(number.lower())
    page.get_by_role("button", name="Lihat status").click()
    expect(page.get_by_text("Pengaduan diterima dan dicatat.")).to_be_visible()

    complaint_follow_up(complaint=complaint, actor=officer, answer="Saldo sudah ditransfer ulang.")
    page.reload()
    shot(page, "lacak")
    page.get_by_label("Mengapa jawaban ini belum sesuai?").fill("Saldo belum juga masuk.")
    page.get_by_label("Kode rahasia atau kode yang dikirim ke HP/email Anda").fill("000000")
    page.get_by_role("button", name="Kirim sanggahan").click()
    expect(page.get_by_text("Kode tidak cocok.")).to_be_visible()
    expect(page.get_by_label("Mengapa jawaban ini belum sesuai?")).to_have_value("Saldo belum juga masuk.")
    page.get_by_label("Kode rahasia atau kode yang dikirim ke HP/email Anda").fill(secret)
    page.get_by_role("button", name="Kirim sanggahan").click()
    expect(page.get_by_text("Sanggahan Anda sudah dicatat.")).to_be_visible()

    complaint_follow_up(complaint=complaint, actor=officer, answer="Sudah kami cek: saldo masuk 3 Februari.")
    complaint_close(complaint=complaint, actor=officer, reason="Pelapor mengonfirmasi.")
    page.reload()
    for n in range(1, 10):  # the IKM questionnaire: nine elements, each 1–4
        page.locator(f"#f-u{n}").get_by_text("3 — Baik" if n == 3 else "4 — Sangat baik").click()
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_text("Terima kasih atas penilaian Anda.")).to_be_visible()
    assert complaint.surveys.get().scores == {**{f"U{n}": 4 for n in range(1, 10)}, "U3": 3}


def test_the_form_works_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/lapor/")

    page.get_by_label("Program Keluarga Harapan", exact=False).or_(page.get_by_label("PKH", exact=True)).first.check()
    page.get_by_label("Apa yang terjadi?").fill("Bantuan tahap 2 belum cair.")
    page.get_by_label("Provinsi", exact=True).select_option("35")
    page.locator("button[name=pilih][value=provinsi]").click()
    page.get_by_label("Kabupaten/Kota", exact=True).select_option("35.06")
    expect(page.get_by_label("Apa yang terjadi?")).to_have_value("Bantuan tahap 2 belum cair.")
    page.get_by_label("Anonim — kami tidak menyimpan nama atau nomor Anda").check()
    page.get_by_role("button", name="Kirim pengaduan").click()

    expect(page.locator("#tracking-number")).to_be_visible()
    complaint = Complaint.objects.get()
    assert complaint.anonymous and complaint.region_id == "35.06" and complaint.location_needs_review
    context.close()


DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop"])
def test_enter_in_a_region_search_box_picks_and_the_receipt_says_when(page: Page, live_server, world, viewport):
    """The "Go" key in a search box chooses the first match and moves on; it never sends a form
    with the place half chosen. The receipt then says when the answer is due, who handles it,
    where, and how the answer comes."""
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/lapor/")
    page.get_by_label("BPNT/Sembako").check()
    page.get_by_label("Apa yang terjadi?").fill("Saldo KKS belum masuk sejak Januari.")

    page.get_by_placeholder("Cari provinsi…").fill("jawa")
    page.get_by_placeholder("Cari provinsi…").press("Enter")
    expect(page.locator("select[name=provinsi]")).to_have_value("35")
    expect(page.get_by_placeholder("Cari kabupaten/kota…")).to_be_focused()
    page.keyboard.type("kediri")
    page.keyboard.press("Enter")
    expect(page.locator("select[name=kabupaten]")).to_have_value("35.06")
    expect(page.get_by_placeholder("Cari kecamatan…")).to_be_focused()
    page.keyboard.type("ringin")
    page.keyboard.press("Enter")
    expect(page.locator("select[name=kecamatan]")).to_have_value("35.06.10")
    assert page.url.endswith("/lapor/") and not Complaint.objects.exists()

    page.get_by_label("Nama", exact=True).fill("Siti Aminah")
    page.get_by_role("button", name="Kirim pengaduan").click()
    number = page.locator("#tracking-number").inner_text()
    complaint = Complaint.objects.get(tracking_number=number)
    assert complaint.region_id == "35.06.10"
    due = complaint.due_at.astimezone(complaint.local_zone)
    facts = page.locator("[data-receipt-facts]")
    expect(facts.locator("[data-due]")).to_contain_text(f"{due.day} ")
    expect(facts.locator("[data-due]")).to_contain_text(str(due.year))
    expect(facts.locator("[data-location]")).to_have_text("Ringinrejo, Kabupaten Kediri, Jawa Timur")
    expect(facts.locator("[data-handler]")).to_contain_text("diteruskan ke unit yang berwenang")
    expect(facts.locator("[data-answer-by]")).to_contain_text("Lacak")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    shot(page, f"terima-{viewport['width']}")
