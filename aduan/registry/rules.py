"""What a row of a registry file must be (SPEC R21), for both ways of importing it: the fields we
read and how long each may be, the words a rejected row is given, and `Checker`, the rules row by
row. `bulk` states the same rules in SQL for PostgreSQL, in the same order and the same words."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from aduan.core.numbers import digits, nik_problem, sixteen_problem
from aduan.regions.models import Region
from aduan.registry.models import Record
from aduan.tabular import header_key

# Our field → the file's header, by default (any case).
DEFAULT_MAPPING = {"nik": "nik", "no_kk": "no_kk", "name": "nama", "address": "alamat", "region_code": "kode_desa",
                   "program": "program", "status": "status", "kks": "no_kks", "bank": "bank", "since": "sejak"}
FIELDS = tuple(DEFAULT_MAPPING)
LIMITS = tuple((name, Record._meta.get_field(name).max_length) for name in FIELDS)
COMPARED = (*FIELDS, "period")
SHORT = "baris tidak lengkap: {have} kolom, seharusnya {want}"
NO_NAME = "nama kosong"
UNKNOWN_DESA = "kode desa {code} tidak dikenal"
DUPLICATE = "NIK {nik} sudah ada di baris {line}"
NO_HEADER = "Kolom wajib tidak ada di baris judul: {missing}."
UNREADABLE = "Berkas tidak dapat dibaca: simpan sebagai CSV (UTF-8) atau XLSX."


@dataclass
class Summary:
    read: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"read": self.read, "added": self.added, "changed": self.changed, "unchanged": self.unchanged,
                "rejected": self.rejected}


class ImportRefused(Exception):
    pass


def load_mapping(path: str | None) -> dict[str, str]:
    if not path:
        return DEFAULT_MAPPING
    given = json.loads(Path(path).read_text(encoding="utf-8"))
    return {**DEFAULT_MAPPING, **{key: value for key, value in given.items() if key in DEFAULT_MAPPING}}


def positions(headers: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """Where each of our fields is among the file's headers; refused when NIK or name is missing."""
    wanted = {ours: header_key(theirs) for ours, theirs in mapping.items()}
    missing = [theirs for ours, theirs in wanted.items() if ours in ("nik", "name") and theirs not in headers]
    if not headers or missing:
        raise ImportRefused(NO_HEADER.format(missing=", ".join(missing or wanted.values())))
    return {ours: headers.index(theirs) for ours, theirs in wanted.items() if theirs in headers}


class Checker:
    """Each row on its own, and a NIK repeated in the file (the first line keeps it)."""

    def __init__(self):
        self.provinces = frozenset(Region.objects.filter(level=1).values_list("code", flat=True))
        self.villages = frozenset(Region.objects.filter(level=4).values_list("code", flat=True))
        self.seen: dict[str, int] = {}

    def problem(self, line: int, row: dict) -> str | None:
        row["nik"] = digits(row.get("nik", ""))
        row["no_kk"] = digits(row.get("no_kk", ""))
        row["kks"] = digits(row.get("kks", ""))
        problem = (nik_problem(row["nik"], self.provinces) or sixteen_problem(row["no_kk"], "No. KK")
                   or sixteen_problem(row["kks"], "No. KKS"))
        if problem:
            return problem
        if not row.get("name"):
            return NO_NAME
        code = row.get("region_code", "")
        if code and code not in self.villages:
            return UNKNOWN_DESA.format(code=code)
        if row["nik"] in self.seen:
            return DUPLICATE.format(nik=row["nik"], line=self.seen[row["nik"]])
        self.seen[row["nik"]] = line
        return None
