"""The letters of SPEC R23: a KKS replacement recommendation, a result notice and a covering
letter, each numbered from the unit's own numbering for the year, on the unit's letterhead, kept as
issued, and read back from the PDF here."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.actions import complaint_follow_up
from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.letters.issuing import ANONYMOUS, NO_ANSWER, NO_UNIT, letter_issue, may_read
from aduan.letters.models import Letter, Letterhead, LetterTemplate
from aduan.organisation.models import Role
from aduan.registry.matching import match_refresh
from aduan.registry.models import Record
from tests.fixtures.org import PURWODADI, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)
from tests.web.public.conftest import png_bytes

SITI = Reporter(name="Siti Aminah", nik="3506104501800001", phone="+6281234567890", address="RT 01 RW 02")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def desk(officer):
    return officer("dinsos-35-06", Role.FRONT_OFFICE)


@pytest.fixture
def walk_in(lodge, desk):
    return lodge(channel="tatap_muka", receiving_unit="dinsos-35-06", actor=desk, reporter=SITI)


def text_of(letter) -> str:
    with letter.pdf.open("rb") as handle:
        return " ".join(page.extract_text() for page in PdfReader(BytesIO(handle.read())).pages)


def test_a_kks_recommendation_names_the_reporter_and_the_bank_from_the_registry(walk_in, desk, org, officer):
    Record.objects.create(source="dtks", period="2026-11", nik=SITI.nik, name="Siti Aminah", region_code=PURWODADI,
                          program="bpnt", status="aktif", kks="3235386475739456", bank="BRI", updated_at=timezone.now())
    walk_in.registry_matches.all().delete()  # the record arrived after filing: look again
    match_refresh(complaint=walk_in, actor=desk)
    Letterhead.objects.create(unit=org["dinsos-35-06"], place="Kediri", code="DINSOS-KDR",
                              signatory_name="Ir. Suparno", signatory_nip="196801011990031001")

    letter = letter_issue(complaint=walk_in, kind="rekomendasi_kks", actor=desk)

    year = timezone.localdate().year
    assert letter.number.startswith("001/REK-KKS/DINSOS-KDR/") and letter.number.endswith(f"/{year}")
    text = text_of(letter)
    for expected in ("Siti Aminah", "3506104501800001", "3235386475739456", "Pimpinan BRI", letter.number,
                     walk_in.tracking_number, "Ir. Suparno", "NIP 196801011990031001", "Kediri,"):
        assert expected in text, expected
    assert walk_in.events.filter(kind=EventKind.LETTER_ISSUED, data__number=letter.number).exists()


def test_numbers_run_per_unit_and_year_and_a_reprint_is_the_same_file(walk_in, desk, lodge, officer):
    first = letter_issue(complaint=walk_in, kind="rekomendasi_kks", actor=desk)
    other = lodge(channel="telepon", receiving_unit="dinsos-35-06", actor=desk, reporter=SITI)
    second = letter_issue(complaint=other, kind="rekomendasi_kks", actor=desk)
    elsewhere = lodge(channel="telepon", receiving_unit="dinsos-35-71", reporter=SITI)
    third = letter_issue(complaint=elsewhere, kind="rekomendasi_kks", actor=officer("dinsos-35-71", Role.FRONT_OFFICE))
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 1]
    printed = [Letter.objects.get(pk=first.pk).pdf.read() for _ in range(2)]
    assert printed[0] == printed[1] and printed[0].startswith(b"%PDF")


def test_a_result_notice_carries_the_answer_and_a_template_edit_is_used(walk_in, desk, officer):
    with pytest.raises(errors.ActionError, match=NO_ANSWER):
        letter_issue(complaint=walk_in, kind="hasil_penanganan", actor=desk)
    complaint_follow_up(complaint=walk_in, actor=officer("dinsos-35-06", Role.BACK_OFFICE),
                        answer="KKS pengganti dapat diambil di BRI Unit Pare mulai 10 Desember.")
    LetterTemplate.objects.create(kind="hasil_penanganan", subject="Jawaban pengaduan {nomor_pengaduan}",
                                  body="Yth. {nama}, hasil penanganan: {jawaban} {tidak_dikenal}")

    text = text_of(letter_issue(complaint=walk_in, kind="hasil_penanganan", actor=desk))

    assert "KKS pengganti dapat diambil di BRI Unit Pare" in text and f"Jawaban pengaduan {walk_in.tracking_number}" in text
    assert "{tidak_dikenal}" in text  # an unknown placeholder stays as written, the letter still made


def test_a_covering_letter_goes_to_another_unit_and_hides_a_confidential_reporter(lodge, desk, org, officer):
    secret = lodge(channel="tatap_muka", receiving_unit="dinsos-35-06", actor=desk,
                   reporter=Reporter(name="Siti Aminah", nik="3506104501800001", confidential=True),
                   text="Saldo saya 3506104501800001 kosong.")
    with pytest.raises(errors.ActionError, match=NO_UNIT):
        letter_issue(complaint=secret, kind="pengantar", actor=desk)
    letter = letter_issue(complaint=secret, kind="pengantar", actor=desk, to_unit=org["bri"])
    text = text_of(letter)
    assert "Pimpinan" in text and org["bri"].name in text and "Dirahasiakan" in text
    assert "Siti Aminah" not in text and "3506104501800001" not in text
    assert not may_read(officer("dinsos-35", Role.SUPERVISOR), letter) and may_read(desk, letter)


def test_who_may_issue_and_for_whom(lodge, walk_in, officer):
    with pytest.raises(NotAllowed):
        letter_issue(complaint=walk_in, kind="rekomendasi_kks", actor=officer("dinsos-35-06", Role.SUPERVISOR))
    anonymous = lodge(channel="tatap_muka", receiving_unit="dinsos-35-06", reporter=Reporter(anonymous=True))
    with pytest.raises(errors.ActionError, match=ANONYMOUS):
        letter_issue(complaint=anonymous, kind="rekomendasi_kks", actor=officer("dinsos-35-06", Role.FRONT_OFFICE))


def test_the_api_issues_lists_and_serves_the_pdf(walk_in, desk, api_as, officer):
    client = api_as(desk)
    url = f"/api/v1/complaints/{walk_in.tracking_number}/letters"
    issued = client.post(url, {"kind": "rekomendasi_kks"}, content_type="application/json")
    assert issued.status_code == 201
    body = issued.json()
    assert body["kind"] == "rekomendasi_kks" and body["number"].startswith("001/REK-KKS/")
    pdf = client.get(body["pdf_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert body["number"] in " ".join(p.extract_text() for p in PdfReader(BytesIO(b"".join(pdf.streaming_content))).pages)
    assert [row["number"] for row in client.get(url).json()] == [body["number"]]
    missing = client.post(url, {"kind": "pengantar", "to_unit": "tidak-ada"}, content_type="application/json")
    assert missing.status_code == 400 and missing.json()["field"] == "to_unit"
    assert api_as(officer("dinsos-35-06", Role.SUPERVISOR)).post(
        url, {"kind": "rekomendasi_kks"}, content_type="application/json").status_code == 403


def test_the_pages_issue_refuse_with_the_reason_and_keep_the_letterhead(client, walk_in, desk, officer, org):
    page_url = f"/petugas/aduan/{walk_in.tracking_number}/"
    client.force_login(desk)
    refused = client.post(page_url + "surat/terbitkan/", {"surat-kind": "hasil_penanganan"})
    assert refused.status_code == 400 and NO_ANSWER in refused.content.decode()
    assert '<option value="hasil_penanganan" selected>' in refused.content.decode()  # what was chosen is kept

    head = officer("dinsos-35-06", Role.PEJABAT_PENGELOLA)
    client.force_login(head)
    assert client.get("/petugas/unit/kop-surat/").status_code == 200
    logo = SimpleUploadedFile("logo.png", png_bytes(), "image/png")
    saved = client.post("/petugas/unit/kop-surat/", {"unit": "dinsos-35-06", "logo": logo, "place": "Kediri",
                                                     "code": "DINSOS-KDR", "signatory_name": "Ir. Suparno",
                                                     "signatory_title": "Kepala Dinas Sosial"})
    assert saved.status_code == 302 and Letterhead.objects.get(unit=org["dinsos-35-06"]).logo
    client.force_login(desk)
    client.post(page_url + "surat/terbitkan/", {"surat-kind": "rekomendasi_kks"})
    letter = Letter.objects.get()
    assert "/DINSOS-KDR/" in letter.number and "Kepala Dinas Sosial" in text_of(letter)
    assert client.get(f"{page_url}surat/{letter.pk}/")["Content-Type"] == "application/pdf"
    client.force_login(officer("dinsos-35", Role.SUPERVISOR))
    assert client.get("/petugas/unit/kop-surat/").status_code == 403
