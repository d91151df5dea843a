"""SPEC R31: every unit publishes its complaint channels, and keeps them itself. Administrators can
set them for many units at once from a CSV or XLSX file; a bad row is reported with its line and
never stops the others. `aduan check_units` lists the units with no channel at all."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from aduan.organisation.models import Unit
from aduan.tabular import NOT_TEXT, Unreadable, open_table

# Column of the file → field of the unit.
COLUMNS = {"alamat": "address", "telepon": "phone", "whatsapp": "whatsapp", "email": "email", "situs": "website",
           "media_sosial": "social_media", "jam_layanan": "office_hours"}
CHANNEL_FIELDS = tuple(COLUMNS.values())
UNKNOWN_UNIT = "unit '{code}' tidak ditemukan"
NO_CODE = "kolom kode kosong"
BAD_EMAIL = "email '{value}' tidak valid"
BAD_URL = "situs '{value}' tidak valid"
UNREADABLE = "Berkas tidak dapat dibaca: simpan sebagai CSV (UTF-8) atau XLSX dengan kolom kode."


@dataclass
class ImportSummary:
    read: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)


def without_channels() -> QuerySet[Unit]:
    """Active units that publish no channel and have no email (the R20 announcement needs one)."""
    empty = Q()
    for name in CHANNEL_FIELDS:
        empty &= Q(**{name: ""})
    return Unit.objects.filter(empty, is_active=True).order_by("code")


def read_rows(source, name: str = "") -> list[tuple[int, dict | None]]:
    """(line number, {column: value}) from a CSV or XLSX file (a path or an open binary file), headers
    in any case; None for a line that is not UTF-8. A unit file is a few thousand lines at most."""
    try:
        with open_table(source, name) as table:
            if "kode" not in table.headers:
                raise ValueError(UNREADABLE)
            return [(number, None if values is None else dict(zip(table.headers, values))) for number, values in table]
    except Unreadable:
        raise ValueError(UNREADABLE) from None


def _problem(values: dict) -> str | None:
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            return BAD_EMAIL.format(value=values["email"])
    if values.get("website"):
        try:
            URLValidator()(values["website"])
        except ValidationError:
            return BAD_URL.format(value=values["website"])
    return None


def import_channels(rows: list[tuple[int, dict | None]]) -> ImportSummary:
    summary = ImportSummary()
    units = Unit.objects.in_bulk([r.get("kode", "") for _n, r in rows if r], field_name="code")
    now = timezone.now()
    with transaction.atomic():
        for number, row in rows:
            summary.read += 1
            if row is None:
                summary.rejected.append({"line": number, "reason": NOT_TEXT})
                continue
            code = row.get("kode", "")
            if not code:
                summary.rejected.append({"line": number, "reason": NO_CODE})
                continue
            unit = units.get(code)
            if unit is None:
                summary.rejected.append({"line": number, "reason": UNKNOWN_UNIT.format(code=code)})
                continue
            values = {target: row[column][:Unit._meta.get_field(target).max_length]
                      for column, target in COLUMNS.items() if column in row}
            problem = _problem(values)
            if problem:
                summary.rejected.append({"line": number, "reason": problem})
                continue
            if all(getattr(unit, name) == value for name, value in values.items()):
                summary.unchanged += 1
                continue
            for name, value in values.items():
                setattr(unit, name, value)
            unit.channels_updated_at = now
            unit.save(update_fields=[*values, "channels_updated_at"])
            summary.changed += 1
    return summary
