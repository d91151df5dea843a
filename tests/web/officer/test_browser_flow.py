"""The officers' day in a real browser (issue 3 §7): the national administrator disposes a new
complaint, the district officer answers it, the reporter's rebuttal (taken by phone) sends it back,
the second answer is closed by the sweep after the window, and a late one is escalated. By keyboard
where the front office works by keyboard."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from aduan.core.actions import complaint_dispose
from aduan.core.models import Complaint
from aduan.core.sweep import run_sweep
from aduan.organisation.models import Membership, Role

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("ADUAN_SCREENSHOT_DIR")


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Antrean pengaduan")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/$"))


def shoot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


def test_a_complaint_from_disposition_to_automatic_closure_and_a_late_one_escalated(
        page: Page, live_server, people, world, file_complaint):
    base = live_server.url
    complaint = file_complaint(text="Saldo KKS saya belum masuk sejak dua bulan, padahal tetangga sudah bisa belanja.")
    late = file_complaint(text="Beras e-Warong berkutu.", days_ago=40)
    complaint_dispose(complaint=late, actor=people["admin"], to_unit=world["dinsos-35-06"])
    for i in range(6):  # a believable queue around them
        file_complaint(text=f"Pengaduan lain nomor {i}.", days_ago=i * 3, topic=f"bpnt-{i + 1}")

    # The national administrator finds the new complaint by keyboard and disposes it to Kediri.
    sign_in(page, base, "admin")
    shoot(page, "queue.png")
    page.keyboard.press("/")
    expect(page.locator("#id_q")).to_be_focused()
    page.keyboard.type(complaint.tracking_number)
    page.keyboard.press("Enter")
    expect(page.locator("[data-row]")).to_have_count(1)
    page.keyboard.press("j")
    expect(page.locator("[data-row].selected")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=complaint.tracking_number)).to_be_visible()

    page.locator("#aksi-disposisi summary").click()
    expect(page.locator("#id_disposisi-to_unit")).to_have_value(str(world["dinsos-35"].pk))  # the proposal
    page.get_by_label("Cari unit").fill("sosial kediri")
    expect(page.locator("#id_disposisi-to_unit")).to_have_value(str(world["dinsos-35-06"].pk))
    page.locator("#id_disposisi-note").fill("Lokasi di Kab. Kediri.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("didisposisikan kepada Dinas Sosial Kediri")
    shoot(page, "complaint-disposed.png")
    sign_out(page)

    # The district officer answers; an empty answer is refused and what was typed stays.
    sign_in(page, base, "kediri")
    page.get_by_role("link", name=complaint.tracking_number).click()
    page.locator("#id_tindak-lanjut-internal_note").fill("Dicek di SIKS-NG: KPM aktif.")
    page.get_by_role("button", name="Kirim tindak lanjut").click()
    expect(page.locator("#id_tindak-lanjut-answer_error")).to_have_text("Wajib diisi.")
    expect(page.locator("#id_tindak-lanjut-internal_note")).to_have_value("Dicek di SIKS-NG: KPM aktif.")
    expect(page.locator("#id_tindak-lanjut-answer")).to_be_focused()
    page.keyboard.type("Saldo Ibu akan masuk pada penyaluran berikutnya.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Tindak lanjut tersimpan")
    expect(page.locator(".complaint-head .status")).to_have_text("Proses")
    expect(page.locator(".note.public").last).to_contain_text("Saldo Ibu akan masuk")
    expect(page.locator(".note.internal").last).to_contain_text("KPM aktif")

    # The reporter phones in a rebuttal: it goes back to the unit, which answers again.
    page.locator("#aksi-sanggahan summary").click()
    page.locator("#id_sanggahan-text").fill("Pelapor menelepon: saldo tetap belum masuk.")
    page.get_by_role("button", name="Catat sanggahan").click()
    expect(page.get_by_role("status")).to_contain_text("Sanggahan dicatat")
    expect(page.locator(".event-rebutted")).to_contain_text("saldo tetap belum masuk")
    page.locator("#id_tindak-lanjut-answer").fill("Bank sudah memproses ulang; saldo masuk hari ini.")
    page.get_by_role("button", name="Kirim tindak lanjut").click()
    expect(page.get_by_role("status")).to_contain_text("Tindak lanjut tersimpan")
    shoot(page, "complaint.png")

    # Nobody objects within the window: the sweep closes it; the late one goes up a level.
    complaint.refresh_from_db()
    run_sweep(now=complaint.closure_due_at + timedelta(minutes=1))
    page.reload()
    expect(page.locator(".complaint-head .status")).to_have_text("Selesai")
    expect(page.locator(".event-closed")).to_contain_text("Ditutup otomatis")

    page.keyboard.press("g")
    page.keyboard.press("q")
    expect(page.get_by_role("heading", name="Antrean pengaduan")).to_be_visible()
    sign_out(page)
    sign_in(page, base, "jatim")
    page.get_by_role("link", name=late.tracking_number).click()
    expect(page.locator(".event-escalated")).to_contain_text("Dinas Sosial Provinsi Jawa Timur")
    assert Complaint.objects.get(pk=late.pk).handling_unit == world["dinsos-35"]


def test_the_officer_escalates_by_hand_with_a_reason(page: Page, live_server, people, world, file_complaint):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])

    sign_in(page, live_server.url, "kediri")
    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    page.locator("#aksi-eskalasi summary").click()
    page.get_by_label("Alasan eskalasi").fill("Perlu rapat Tikor: melibatkan bank dan e-Warong.")
    page.get_by_role("button", name="Eskalasi", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("dieskalasi kepada Dinas Sosial Provinsi Jawa Timur")


def test_the_queue_reads_on_a_phone(page: Page, live_server, people, file_complaint):
    for i in range(3):
        file_complaint(days_ago=i * 10)
    page.set_viewport_size({"width": 390, "height": 844})

    sign_in(page, live_server.url, "admin")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "queue-phone.png")


def test_the_front_office_works_through_what_needs_checking(page: Page, live_server, people, file_complaint):
    sms = file_complaint(text="sldo gk msk 2 bln", topic=None, category_type=None, region=None,
                         location_text="purwodadi ringin rejo", location_needs_review=True)

    sign_in(page, live_server.url, "admin")
    page.locator("a.count.periksa").click()
    expect(page.locator("[data-row]")).to_have_count(1)
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=sms.tracking_number)).to_be_visible()

    # The classification form is the first one, open, with what the SMS said about the place.
    expect(page.locator("#aksi-klasifikasi")).to_have_attribute("open", "")
    page.locator("#id_klasifikasi-category_type").select_option("keluhan")
    page.locator("#id_klasifikasi-topic").select_option("bpnt-3")
    page.locator("#id_klasifikasi-location_code").fill("35.06.10.2005")
    page.keyboard.press("Control+Enter")

    expect(page.get_by_role("status")).to_contain_text("Klasifikasi tersimpan")
    expect(page.locator(".event-classified")).to_be_visible()
    expect(page.locator(".event-located")).to_be_visible()
    page.keyboard.press("g")
    page.keyboard.press("q")
    expect(page.locator("a.count.periksa b")).to_have_text("0")


def test_the_front_office_accepts_the_triage_suggestion_with_one_key(page: Page, live_server, people, file_complaint):
    """Issue 10: an SMS names no topic; triage reads one; "t" accepts it, and the bank is proposed."""
    sms = file_complaint(text="kks ke blokir krn salah pin 3x, sldo gk bs diambil", topic=None, category_type=None)

    sign_in(page, live_server.url, "admin")
    page.locator("a.count.periksa").click()
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=sms.tracking_number)).to_be_visible()
    expect(page.locator("[data-suggestion]")).to_contain_text("Kartu/KKS, PIN")
    shoot(page, "triage-suggestion.png")

    page.keyboard.press("t")

    expect(page.get_by_role("status")).to_contain_text("Klasifikasi tersimpan")
    expect(page.locator(".event-classified")).to_contain_text("bpnt-3")
    expect(page.locator("[data-suggestion]")).to_have_count(0)
    assert Complaint.objects.get(pk=sms.pk).topic.code == "bpnt-3"
    page.locator("#aksi-disposisi summary").click()
    expect(page.locator("#aksi-disposisi")).to_contain_text("Bank Rakyat Indonesia")


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 800}],
                         ids=["phone-360", "desktop"])
def test_the_head_assigns_and_the_officer_finds_it_assigned_to_them(page: Page, live_server, people, world,
                                                                      file_complaint, viewport):
    budi = get_user_model().objects.create_user("budi", password=PASSWORD, first_name="Budi", last_name="Santoso")
    Membership.objects.create(user=budi, unit=world["dinsos-35-06"], role=Role.BACK_OFFICE)
    complaint = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])
    page.set_viewport_size(viewport)

    sign_in(page, live_server.url, "kediri")
    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    page.locator("#aksi-tugaskan summary").click()
    page.get_by_label("Petugas", exact=True).select_option(label="Budi Santoso")
    page.get_by_label("Pesan untuk petugas (opsional)").fill("Tolong cek ke e-Warong hari ini.")
    page.get_by_role("button", name="Tugaskan", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Ditugaskan kepada Budi Santoso")
    expect(page.locator(".officer-timeline")).to_contain_text("Ditugaskan kepada Budi Santoso.")
    sign_out(page)

    sign_in(page, live_server.url, "budi")
    page.get_by_role("link", name=re.compile("ditugaskan ke saya")).click()
    expect(page.locator("[data-queue] a.tracking-no")).to_have_text([complaint.tracking_number])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"


def test_enter_in_the_unit_search_picks_a_unit_and_never_disposes(page: Page, live_server, people, file_complaint):
    complaint = file_complaint()
    sign_in(page, live_server.url, "admin")
    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    page.locator("#aksi-disposisi").evaluate("details => { details.open = true; }")
    search = page.get_by_label("Cari unit")
    search.fill("bni")
    search.press("Enter")

    expect(page.locator("select[name=disposisi-to_unit]")).to_be_focused()
    expect(page.locator("select[name=disposisi-to_unit] option:checked")).to_contain_text("BNI")
    assert Complaint.objects.get(pk=complaint.pk).handling_unit_id is None
