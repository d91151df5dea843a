"""The report pages of issue 12, through the real views: monthly and annual reports with their
charts and files, the register book, paper surveys, the dashboard, exports in the background,
public apologies, a unit's channels and their import, and the public transparency and contact pages."""

import re
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from aduan.core.actions import complaint_close_expired, complaint_dispose, complaint_follow_up
from aduan.core.intake import Reporter
from aduan.organisation.models import Membership, Role, Unit
from aduan.reports.models import Apology, Export
from aduan.surveys.models import Survey


def handled_in_kediri(file_complaint, people, world, **kwargs):
    complaint = file_complaint(**kwargs)
    return complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])


def make_pejabat(user) -> None:
    membership = Membership.objects.get(user=user)
    membership.role = Role.PEJABAT_PENGELOLA
    membership.save()  # through save(): the memberships remembered in memory are forgotten


def month_now() -> str:
    return f"{timezone.localdate():%Y-%m}"


def test_the_monthly_page_shows_the_figures_with_their_charts_and_tables(sign_in, people, world, file_complaint):
    for _ in range(3):
        handled_in_kediri(file_complaint, people, world)
    page = sign_in(people["kediri"]).get(f"/petugas/laporan/bulanan/?month={month_now()}")
    html = page.content.decode()
    assert page.status_code == 200 and page.context["report"]["received"] == 3
    assert html.count('<img class="chart" src="data:image/svg+xml;base64,') == 4
    assert "Per program" in html and "BPNT/Sembako" in html and "Perlu perhatian khusus" in html
    xlsx = sign_in(people["kediri"]).get(f"/petugas/laporan/bulanan/?month={month_now()}&format=xlsx")
    lines = {row[0]: row[1] for row in load_workbook(BytesIO(xlsx.content))["Ringkasan"].iter_rows(values_only=True)
             if row and row[0]}
    assert lines["Pengaduan diterima"] == "3"


def test_a_district_may_not_open_another_districts_report(sign_in, people, world):
    page = sign_in(people["kediri"]).get(f"/petugas/laporan/bulanan/?month={month_now()}&unit=dinsos-73-71")
    assert page.status_code == 403 and "tidak berwenang" in page.content.decode()
    assert sign_in(people["kediri"]).get("/petugas/laporan/bulanan/?month=2026-13").status_code == 400


def test_the_pejabat_pengelola_writes_the_introduction_that_opens_the_annual_pdf(sign_in, people, world, file_complaint):
    handled_in_kediri(file_complaint, people, world)
    kadis = people["kediri"]
    make_pejabat(kadis)
    client = sign_in(kadis)
    year = timezone.localdate().year
    saved = client.post(f"/petugas/laporan/tahunan/?year={year}", {"introduction": "Dinas Sosial Kediri melayani 24 jam."})
    assert saved.status_code == 302
    pdf = client.get(f"/petugas/laporan/tahunan/?year={year}&format=pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Dinas Sosial Kediri melayani 24 jam." in text
    # A front-office officer reads the report but cannot rewrite it.
    assert sign_in(people["kediri_fo"]).post(f"/petugas/laporan/tahunan/?year={year}",
                                             {"introduction": "Tidak boleh."}).status_code == 403


def test_the_register_lists_the_units_book_in_register_order_and_exports_it(sign_in, people, world, file_complaint):
    first = file_complaint(text="Kartu hilang.")
    second = file_complaint(program="rastra", topic="rastra-2", reporter=Reporter(anonymous=True))
    client = sign_in(people["admin"])
    page = client.get(f"/petugas/register/?year={timezone.localdate().year}&unit=admin-utama")
    rows = page.context["rows"]
    assert [r[1] for r in rows] == [first.tracking_number, second.tracking_number]
    assert rows[0][0] == first.register_number and rows[1][4] == "Anonim"
    only_rastra = client.get(f"/petugas/register/?year={timezone.localdate().year}&unit=admin-utama&program=rastra")
    assert [r[1] for r in only_rastra.context["rows"]] == [second.tracking_number]
    book = load_workbook(BytesIO(client.get(f"/petugas/register/?year={timezone.localdate().year}&unit=admin-utama"
                                            "&program=rastra&format=xlsx").content))
    values = [row for row in book.active.iter_rows(values_only=True) if row and row[1] == second.tracking_number]
    assert len(values) == 1 and book.active.freeze_panes == "A4"


def test_officers_type_paper_questionnaires_one_after_another(sign_in, people, world):
    client = sign_in(people["kediri_fo"])
    form = client.get("/petugas/survei/")
    assert form.status_code == 200 and "U9." in form.content.decode()
    answers = {f"u{n}": "4" for n in range(1, 10)} | {"unit": "dinsos-35-06", "received_on": str(timezone.localdate()),
                                                     "gender": "P", "age": "37", "education": "smp", "occupation": ""}
    saved = client.post("/petugas/survei/", answers)
    assert saved.status_code == 302 and "unit=dinsos-35-06" in saved["Location"]
    survey = Survey.objects.get()
    assert survey.source == "kertas" and survey.entered_by == people["kediri_fo"] and survey.age == 37
    missing = client.post("/petugas/survei/", {k: v for k, v in answers.items() if k != "u5"})
    assert missing.status_code == 400 and "Pilih nilai 1–4" in missing.content.decode()
    assert Survey.objects.count() == 1
    ikm = client.get("/petugas/laporan/ikm/?unit=dinsos-35-06")
    assert ikm.context["result"].ikm == 100 and "Sangat baik" in ikm.content.decode()


def test_the_dashboard_shows_its_charts_each_with_its_table(sign_in, people, world, file_complaint):
    handled_in_kediri(file_complaint, people, world)
    handled_in_kediri(file_complaint, people, world, days_ago=40)  # overdue by now
    page = sign_in(people["jatim"]).get("/petugas/dasbor/?unit=dinsos-35")
    html = page.content.decode()
    assert page.status_code == 200 and html.count("data-chart") == 5 and html.count("<table") >= 5
    assert page.context["status"]["terlambat"] == 1
    assert "Dinas Sosial Kediri" in html or "Dinas Sosial Kabupaten" in html


def test_a_long_export_runs_in_the_background_and_is_offered_to_its_owner_only(sign_in, people, world, file_complaint,
                                                                              django_capture_on_commit_callbacks, settings):
    settings.ADUAN = {**settings.ADUAN, "EXPORT_INLINE_ROWS": 1}
    for _ in range(3):
        file_complaint()
    client = sign_in(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        started = client.get("/petugas/?tempat=semua&status=semua&format=xlsx")
    export = Export.objects.get()
    assert started.status_code == 302 and started["Location"] == f"/petugas/ekspor/{export.pk}/"
    page = client.get(started["Location"])
    assert export.rows_total == 3 and 'data-job="done"' in page.content.decode()
    download = client.get(f"/petugas/ekspor/{export.pk}/unduh/")
    sheet = load_workbook(BytesIO(b"".join(download.streaming_content))).active
    assert sum(1 for row in sheet.iter_rows(values_only=True) if row and re.match(r"^[A-Z0-9]{5}-", str(row[0]))) == 3
    assert sign_in(people["kediri"]).get(f"/petugas/ekspor/{export.pk}/unduh/").status_code == 404


def test_the_queue_exports_with_its_filters(sign_in, people, world, file_complaint):
    file_complaint(program="rastra", topic="rastra-2")
    file_complaint()
    sheet = load_workbook(BytesIO(sign_in(people["admin"]).get(
        "/petugas/?tempat=semua&program=rastra&format=xlsx").content)).active
    programs = [row[3] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert programs == ["Bansos Rastra"]


def test_a_late_complaint_gets_a_drafted_apology_that_the_pejabat_publishes(client, sign_in, people, world, file_complaint):
    late = handled_in_kediri(file_complaint, people, world, days_ago=60, reporter=Reporter(name="Siti Rahasia"),
                             text="Saldo saya dipotong agen Pak Joko.")
    answered = complaint_follow_up(complaint=late, actor=people["kediri"], answer="Sudah ditindak.")
    complaint_close_expired(now=answered.closure_due_at)
    kadis = people["kediri"]
    make_pejabat(kadis)
    drafts = sign_in(kadis).get("/petugas/permintaan-maaf/")
    draft = drafts.context["drafts"][0][2].initial["text"]
    assert "memohon maaf" in draft and "Siti" not in draft and "Joko" not in draft
    published = sign_in(kadis).post(f"/petugas/permintaan-maaf/{late.tracking_number}/", {"text": draft})
    assert published.status_code == 302 and Apology.objects.get().published_at is not None
    refused = sign_in(people["kediri_fo"]).post(f"/petugas/permintaan-maaf/{late.tracking_number}/", {"text": "x"})
    assert refused.status_code == 302 and Apology.objects.get().text == draft

    client.logout()
    public = client.get("/transparansi/").content.decode()
    assert draft.split(":")[0] in public and "Siti" not in public and "Joko" not in public
    assert late.tracking_number not in public


def test_transparency_counts_stop_at_the_kabupaten_and_hide_small_numbers(client, people, world, file_complaint):
    for _ in range(6):
        file_complaint()
    file_complaint(region="73.71.01.1001")
    page = client.get("/transparansi/")
    rows = {r["code"]: r for r in page.context["rows"]}
    assert rows["35"]["received"] == 6 and rows["73"]["received"] == "< 5"
    assert rows["73"]["median_days"] is None and rows["73"]["on_time_share"] is None
    kab = client.get("/transparansi/?provinsi=35").context["rows"]
    assert [(r["code"], r["received"]) for r in kab] == [("35.06", 6)]
    html = page.content.decode()
    assert "Siti" not in html and "Saldo KKS" not in html and 'class="chart"' in html


def test_a_unit_edits_its_channels_and_the_public_finds_them_by_region(client, sign_in, people, world):
    editor = sign_in(people["kediri"])
    saved = editor.post("/petugas/unit/", {"unit": "dinsos-35-06", "address": "Jl. Soekarno Hatta 1, Kediri",
                                           "phone": "(0354) 689901", "whatsapp": "0812-3000-1708",
                                           "email": "pengaduan@dinsos.kedirikab.go.id", "website": "",
                                           "social_media": "@dinsoskediri", "office_hours": "Senin–Jumat 08.00–16.00"})
    assert saved.status_code == 302
    refused = sign_in(people["kediri_fo"]).post("/petugas/unit/", {"unit": "dinsos-35-06", "phone": "1"})
    assert Unit.objects.get(code="dinsos-35-06").phone == "(0354) 689901" and refused.status_code in (200, 403)
    client.logout()
    found = client.get("/kontak/?q=kediri").content.decode()
    assert "Jl. Soekarno Hatta 1, Kediri" in found and "0812-3000-1708" in found and "Senin–Jumat" in found


def test_administrators_import_channels_and_bad_rows_are_named(sign_in, people, world):
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode", "Telepon", "Email", "Jam_layanan"])
    sheet.append(["dinsos-35-06", "(0354) 111", "kediri@example.go.id", "08.00–15.00"])
    sheet.append(["tidak-ada", "1", "", ""])
    sheet.append(["dinsos-73-71", "(0411) 222", "bukan email", ""])
    buffer = BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("kanal.xlsx", buffer.getvalue())
    result = sign_in(people["admin"]).post("/petugas/unit/impor/", {"file": upload})
    summary = result.context["summary"]
    assert (summary.read, summary.changed) == (3, 1)
    assert [r["line"] for r in summary.rejected] == [3, 4] and "tidak ditemukan" in summary.rejected[0]["reason"]
    assert Unit.objects.get(code="dinsos-35-06").office_hours == "08.00–15.00"
    # A line that is not UTF-8 is named and the others still count; "Jam layanan" is jam_layanan.
    csv_upload = SimpleUploadedFile("kanal.csv", "kode;telepon;Jam layanan\ndinsos-35-06;(0354) 111;08.00–15.00\n"
                                    .encode() + b"dinsos-73-71;\xff\xfe;\n")
    again = sign_in(people["admin"]).post("/petugas/unit/impor/", {"file": csv_upload}).context["summary"]
    assert (again.read, again.changed, again.unchanged) == (2, 0, 1)
    assert again.rejected == [{"line": 3, "reason": "baris bukan teks UTF-8 yang sah"}]
    assert sign_in(people["kediri"]).get("/petugas/unit/impor/").status_code == 403
