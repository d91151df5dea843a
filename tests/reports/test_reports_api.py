"""The reports API (SPEC R27–R29): JSON, XLSX opened with openpyxl, PDF read back; who may ask."""

import json
from datetime import UTC, datetime
from io import BytesIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from aduan.core.actions import complaint_close_expired, complaint_follow_up
from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from tests.fixtures.org import api_as, lodge, officer, org  # noqa: F401  (shared fixtures)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.fixture
def year_2026(lodge, officer):
    kediri = officer("dinsos-35-06", Role.BACK_OFFICE)
    named = lodge(receiving_unit="dinsos-35-06", channel="tatap_muka", received_at=datetime(2026, 3, 2, 2, tzinfo=UTC),
                  text="Kartu KKS hilang, saldo tidak bisa diambil.", severity="sedang",
                  reporter=Reporter(name="Roni Satriono", nik="3506104501800001"))
    answered = complaint_follow_up(complaint=named, actor=kediri, answer="Silakan datang ke Dinas Sosial dengan KK dan KTP.",
                                   at=datetime(2026, 3, 4, 2, tzinfo=UTC))
    complaint_close_expired(now=answered.closure_due_at)  # still in March
    lodge(receiving_unit="dinsos-35-06", received_at=datetime(2026, 5, 5, 2, tzinfo=UTC), severity="berat",
          reporter=Reporter(anonymous=True), text="Data DTKS banyak yang bermasalah.")
    lodge(receiving_unit="dinsos-35-06", received_at=datetime(2026, 6, 5, 2, tzinfo=UTC), severity="ringan",
          reporter=Reporter(confidential=True, name="Asnan Rahasia", nik="3506104501800002"), text="Pungutan di agen.")
    return kediri


def test_the_monthly_report_as_json_for_the_callers_own_unit(api_as, year_2026):
    response = api_as(year_2026).get("/api/v1/reports/monthly?month=2026-03")
    assert response.status_code == 200
    body = response.json()
    assert body["month"] == "2026-03" and body["unit"]["code"] == "dinsos-35-06"
    assert body["received"] == 1 and body["closed"] == 1 and body["closed_within_deadline"] == 1
    assert {r["code"]: r["count"] for r in body["by_status"]} == {"belum": 0, "proses": 0, "selesai": 1}
    assert set(body["attention"]) >= {"overdue", "escalated", "rebutted_twice", "misuse", "clusters"}


def test_the_monthly_report_as_xlsx_and_pdf(api_as, year_2026):
    client = api_as(year_2026)
    xlsx = client.get("/api/v1/reports/monthly?month=2026-03&format=xlsx")
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]
    sheet = load_workbook(BytesIO(xlsx.content))["Ringkasan"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Pengaduan diterima", "1", None] in cells or ["Pengaduan diterima", 1, None] in cells
    pdf = client.get("/api/v1/reports/monthly?month=2026-03&format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Laporan Bulanan Pengelolaan Pengaduan" in text and "Maret 2026" in text and "Dinas Sosial Kabupaten Kediri" in text


def test_the_annual_recap_has_the_kalbar_columns_and_never_names_the_hidden(api_as, year_2026):
    client = api_as(year_2026)
    body = client.get("/api/v1/reports/annual?year=2026&include=recap").json()
    assert body["received"] == 3 and len(body["by_month"]) == 12
    assert [r["nama"] for r in body["recap"]] == ["Roni Satriono", "Anonim", "Dirahasiakan"]
    first = body["recap"][0]
    assert first["kategori"] == "Sedang" and first["status"] == "Selesai" and first["tanggal"] == "2026-03-02"
    assert first["waktu_penerimaan"] == "2026-03-04" and first["hasil"].startswith("Silakan datang")

    book = load_workbook(BytesIO(client.get("/api/v1/reports/annual?year=2026&format=xlsx").content))
    recap = book["Rekap"]
    header_row = next(i for i, row in enumerate(recap.iter_rows(values_only=True), 1) if row[0] == "No")
    rows = list(recap.iter_rows(min_row=header_row, values_only=True))
    assert rows[0] == ("No", "Nama", "Tanggal", "Materi Pengaduan", "Kategori Pengaduan", "Waktu Penerimaan",
                       "Status Penyelesaian", "Hasil Penanganan")
    assert rows[1][1] == "Roni Satriono" and rows[1][2] == datetime(2026, 3, 2)  # an Excel date
    assert recap.cell(row=header_row + 1, column=3).is_date
    assert recap.freeze_panes == f"A{header_row + 1}"
    assert "Asnan" not in str(rows) and "Ringkasan" in book.sheetnames

    text = pdf_text(client.get("/api/v1/reports/annual?year=2026&format=pdf").content)
    assert "Laporan Pengelolaan Pengaduan Tahun 2026" in text and "Dinas Sosial Kabupaten Kediri" in text
    assert "Pendahuluan" in text and "Roni Satriono" in text and "2 Maret 2026" in text and "Anonim" in text
    assert "Dirahasiakan" in text and "Asnan" not in text


def test_reports_of_another_district_are_refused_and_bad_input_named(api_as, year_2026, officer):
    client = api_as(year_2026)
    refused = client.get("/api/v1/reports/monthly?month=2026-03&unit=dinsos-35-71")
    assert refused.status_code == 403
    assert client.get("/api/v1/reports/monthly?month=2026-13").json()["field"] == "month"
    assert client.get("/api/v1/reports/monthly?month=2026-03&unit=tidak-ada").status_code == 400
    # The province may read its kabupaten's report.
    province = api_as(officer("dinsos-35", Role.SUPERVISOR))
    assert province.get("/api/v1/reports/monthly?month=2026-03&unit=dinsos-35-06").json()["received"] == 1


def test_the_report_command_writes_the_same_reports(year_2026, tmp_path, capsys):
    call_command("report", "monthly", "--month", "2026-03", "--unit", "dinsos-35-06")
    assert json.loads(capsys.readouterr().out)["received"] == 1
    out = tmp_path / "tahunan.xlsx"
    call_command("report", "annual", "--year", "2026", "--unit", "dinsos-35-06", "--format", "xlsx", "--out", str(out))
    assert load_workbook(out)["Rekap"].max_row >= 4
    pdf = tmp_path / "ikm.pdf"
    call_command("report", "ikm", "--unit", "dinsos-35-06", "--format", "pdf", "--out", str(pdf))
    assert "belum dapat dihitung" in pdf_text(pdf.read_bytes())
