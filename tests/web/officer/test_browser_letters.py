"""SPEC R23 in a real browser: the front office issues a KKS replacement recommendation from the
complaint page and opens the PDF it was given; the number is the unit's next one."""

import re
from io import BytesIO

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage, Reporter
from aduan.letters.models import Letter

from .test_browser_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_desk_issues_a_kks_recommendation_from_the_complaint_page(page: Page, live_server, people, world):
    complaint = complaint_receive(message=IntakeMessage(
        channel="tatap_muka", program="bpnt", text="KKS saya hilang waktu banjir.", region_code="35.06.10.2005",
        reporter=Reporter(name="Siti Aminah", nik="3506104501800001", kks="3235386475739456"),
        external_id="desk:1"), receiving_unit=world["dinsos-35-06"], actor=people["kediri_fo"]).complaint

    sign_in(page, live_server.url, "kediri_fo")
    page.goto(f"{live_server.url}/petugas/aduan/{complaint.tracking_number}/")
    letters = page.locator("#surat")
    letters.get_by_label("Jenis surat").select_option("rekomendasi_kks")
    letters.get_by_role("button", name="Terbitkan surat").click()

    expect(page.get_by_text(re.compile(r"Surat 001/REK-KKS/.* diterbitkan\."))).to_be_visible()
    letter = Letter.objects.get()
    link = page.locator('[data-letter="rekomendasi_kks"] a')
    expect(link).to_have_attribute("href", f"/petugas/aduan/{complaint.tracking_number}/surat/{letter.pk}/")
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)
    assert letter.number in text and "Siti Aminah" in text and "3235386475739456" in text
