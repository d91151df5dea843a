"""What the API, the pages and `aduan report` ask for, answered once: which unit (the caller's
own by default; another only inside what the caller may report on), which period, which format.
Each returns the JSON figures or a file (bytes, content type, file name)."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from aduan.core.errors import ActionError
from aduan.organisation.models import Unit
from aduan.reports import documents, figures, scope
from aduan.reports.periods import Period
from aduan.reports.recap import recap_rows
from aduan.surveys import selectors as surveys
from aduan.surveys.ikm import Ikm

FORMATS = ("json", "xlsx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
BAD_MONTH = "Bulan harus ditulis YYYY-MM, mis. 2026-11."
BAD_YEAR = "Tahun harus empat angka, mis. 2026."
BAD_DATE = "Tanggal harus ditulis YYYY-MM-DD."
BAD_RANGE = "Tanggal 'from' harus sebelum atau sama dengan 'to'."
BAD_FORMAT = "Format harus json, xlsx atau pdf."
UNKNOWN_UNIT = "Unit '{code}' tidak ditemukan."
NO_UNIT = "Akun ini tidak terdaftar di unit mana pun; sebutkan unit."
NOT_YOURS = "Anda tidak berwenang melihat laporan unit ini."


@dataclass(frozen=True)
class File:
    content: bytes
    content_type: str
    name: str


def parse_month(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", (value or "").strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ActionError(BAD_MONTH, field="month")
    return int(match[1]), int(match[2])


def parse_year(value) -> int:
    text = str(value or "").strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ActionError(BAD_YEAR, field="year")
    return int(text)


def parse_date(value, field: str) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ActionError(BAD_DATE, field=field) from None


def check_format(value: str | None) -> str:
    fmt = (value or "json").lower()
    if fmt not in FORMATS:
        raise ActionError(BAD_FORMAT, field="format")
    return fmt


def unit_for(user, code: str | None) -> Unit:
    """The unit a report is asked for: `code`, or the caller's widest own unit."""
    if code:
        unit = Unit.objects.filter(code=code).select_related("region").first()
        if unit is None:
            raise ActionError(UNKNOWN_UNIT.format(code=code), field="unit")
    else:
        unit = scope.default_unit(user)
        if unit is None:
            raise ActionError(NO_UNIT, field="unit")
    if user is not None and not scope.may_report(user, unit):
        raise ActionError(NOT_YOURS, code="forbidden")
    return unit


def monthly(unit: Unit, year: int, month: int, fmt: str) -> dict | File:
    report = figures.monthly(unit, year, month)
    if fmt == "json":
        return report
    name = f"laporan-bulanan-{unit.code}-{year:04d}-{month:02d}.{fmt}"
    content = documents.monthly_xlsx(report) if fmt == "xlsx" else documents.monthly_pdf(report)
    return File(content, CONTENT_TYPES[fmt], name)


def annual(unit: Unit, year: int, fmt: str, *, with_recap: bool = False, progress=None) -> dict | File:
    report = figures.annual(unit, year)
    subject = figures.Subject.of(unit, Period.year(year))
    if fmt == "json":
        if with_recap:
            report["recap"] = [dict(zip(("no", "nama", "tanggal", "materi", "kategori", "waktu_penerimaan", "status",
                                         "hasil"), (v.isoformat() if isinstance(v, date) else v for v in row)))
                               for row in recap_rows(subject.received)]
        return report
    rows = recap_rows(subject.received)
    name = f"laporan-tahunan-{unit.code}-{year}.{fmt}"
    if fmt == "xlsx":
        return File(documents.annual_xlsx(report, rows, progress=progress), CONTENT_TYPES[fmt], name)
    return File(documents.annual_pdf(report, rows, documents.introduction(unit, year)), CONTENT_TYPES[fmt], name)


def ikm_period(start: str | None, end: str | None) -> tuple[date, date]:
    """`from`/`to`, by default this year so far."""
    today = timezone.localdate()
    first = parse_date(start, "from") if start else date(today.year, 1, 1)
    last = parse_date(end, "to") if end else today
    if first > last:
        raise ActionError(BAD_RANGE, field="from")
    return first, last


def ikm(unit: Unit, first: date, last: date) -> tuple[Ikm, dict]:
    answered = surveys.surveys_of(scope.unit_ids(unit), first, last, region_code=unit.region_id)
    return surveys.ikm_of(answered), surveys.respondent_profile(answered)


def ikm_file(unit: Unit, first: date, last: date, fmt: str) -> File:
    result, profile = ikm(unit, first, last)
    name = f"ikm-{unit.code}-{first}-{last}.{fmt}"
    build = documents.ikm_xlsx if fmt == "xlsx" else documents.ikm_pdf
    return File(build(unit, first, last, result, profile), CONTENT_TYPES[fmt], name)
