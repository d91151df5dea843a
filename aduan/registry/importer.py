"""Importing a registry file (SPEC R21): CSV or XLSX, read as a stream (never the whole file in
memory), each row checked on its own — a bad row is reported with its line and reason and never
stops the import or loses the good rows — then merged set-wise: on PostgreSQL COPY into a staging
table and one INSERT … ON CONFLICT per batch, elsewhere batched reads and writes. Importing the same
file again changes nothing."""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from aduan.core.numbers import digits, nik_problem, sixteen_problem
from aduan.regions.models import Region
from aduan.registry.models import Record
from aduan.tabular import NOT_TEXT, Unreadable, header_key, open_table

# Our field → the file's header, by default (any case).
DEFAULT_MAPPING = {"nik": "nik", "no_kk": "no_kk", "name": "nama", "address": "alamat", "region_code": "kode_desa",
                   "program": "program", "status": "status", "kks": "no_kks", "bank": "bank", "since": "sejak"}
FIELDS = tuple(DEFAULT_MAPPING)
BATCH = 20_000
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


def rows_of(path: str, mapping: dict[str, str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line, values by our field names, problem) for every data line of the file."""
    try:
        with open_table(path) as table:
            wanted = {ours: header_key(theirs) for ours, theirs in mapping.items()}
            missing = [theirs for ours, theirs in wanted.items() if ours in ("nik", "name") and theirs not in table.headers]
            if not table.headers or missing:
                raise ImportRefused(NO_HEADER.format(missing=", ".join(missing or wanted.values())))
            position = {ours: table.headers.index(theirs) for ours, theirs in wanted.items() if theirs in table.headers}
            for number, values in table:
                if values is None:
                    yield number, None, NOT_TEXT
                elif len(values) < len(table.headers):
                    yield number, None, SHORT.format(have=len(values), want=len(table.headers))
                else:
                    yield number, {ours: values[i] for ours, i in position.items()}, None
    except Unreadable:
        raise ImportRefused(UNREADABLE) from None


class Checker:
    """Each row on its own. A NIK repeated in the file is caught here only where the database cannot
    (`duplicates`): on PostgreSQL the merge finds them, so memory stays flat at any file size."""

    def __init__(self, *, duplicates: bool):
        self.provinces = frozenset(Region.objects.filter(level=1).values_list("code", flat=True))
        self.villages = frozenset(Region.objects.filter(level=4).values_list("code", flat=True))
        self.seen: dict[str, int] | None = {} if duplicates else None

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
        if self.seen is not None:
            if row["nik"] in self.seen:
                return DUPLICATE.format(nik=row["nik"], line=self.seen[row["nik"]])
            self.seen[row["nik"]] = line
        return None


def import_file(path: str, *, source: str, period: str, mapping: dict[str, str] | None = None,
                progress=None) -> Summary:
    summary = Summary()
    postgres = connection.vendor == "postgresql"
    checker = Checker(duplicates=not postgres)
    merge = _merge_postgres if postgres else _merge_generic
    if postgres:
        _forget_seen()
    for batch, read in checked_batches(path, mapping or DEFAULT_MAPPING, checker, summary):
        merge(batch, source, period, summary)
        if progress:
            progress(read)
    summary.rejected.sort(key=lambda rejected: rejected["line"])
    return summary


def checked_batches(path: str, mapping: dict[str, str], checker: Checker,
                    summary: Summary) -> Iterator[tuple[list[dict], int]]:
    """The good rows in batches, each with how many lines had been read by its end; every bad row
    goes to `summary.rejected` with its line and reason."""
    batch: list[dict] = []
    for line, row, problem in rows_of(path, mapping):
        summary.read += 1
        problem = problem or checker.problem(line, row)
        if problem:
            summary.rejected.append({"line": line, "reason": problem})
            continue
        row["line"] = line
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch, summary.read
            batch = []
    if batch:
        yield batch, summary.read


LIMITS = tuple((name, Record._meta.get_field(name).max_length) for name in FIELDS)


def _values(row: dict) -> list[str]:
    """The row's values in FIELDS order, each cut to its column's length."""
    return [(row.get(name) or "")[:limit] for name, limit in LIMITS]


COMPARED = (*FIELDS, "period")


@transaction.atomic
def _merge_generic(rows: list[dict], source: str, period: str, summary: Summary) -> None:
    now = timezone.now()
    existing = {r.nik: r for r in Record.objects.filter(source=source, nik__in=[row["nik"] for row in rows])}
    new, changed = [], []
    for row in rows:
        values = dict(zip(FIELDS, _values(row))) | {"period": period}
        record = existing.get(row["nik"])
        if record is None:
            new.append(Record(source=source, updated_at=now, **values))
        elif any(getattr(record, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(record, name, value)
            record.updated_at = now
            changed.append(record)
        else:
            summary.unchanged += 1
    Record.objects.bulk_create(new, batch_size=2000)
    Record.objects.bulk_update(changed, [*COMPARED, "updated_at"], batch_size=2000)
    summary.added += len(new)
    summary.changed += len(changed)


SEEN = "CREATE TEMP TABLE IF NOT EXISTS registry_seen (nik text PRIMARY KEY, line integer NOT NULL)"


def _forget_seen() -> None:
    """The NIKs this import has taken so far live in a session table, not in our memory."""
    with connection.cursor() as cursor:
        cursor.execute(SEEN)
        cursor.execute("TRUNCATE registry_seen")


def _merge_postgres(rows: list[dict], source: str, period: str, summary: Summary) -> None:
    table = Record._meta.db_table
    columns = ", ".join(COMPARED)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS registry_staging (line integer, "
                       f"{', '.join(f'{c} text' for c in COMPARED)}) ON COMMIT DELETE ROWS")
        cursor.execute("TRUNCATE registry_staging")  # inside an outer transaction nothing has committed
        with cursor.copy(f"COPY registry_staging (line, {columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row["line"], *_values(row), period])
        # A NIK already taken by an earlier line of this file is refused with that line. Driven by
        # this batch: the session table is never analysed, and grows to the whole file.
        cursor.execute("INSERT INTO registry_seen SELECT nik, line FROM registry_staging ORDER BY line "
                       "ON CONFLICT (nik) DO NOTHING RETURNING line")
        taken = {line for (line,) in cursor.fetchall()}
        repeated = [(row["line"], row["nik"]) for row in rows if row["line"] not in taken]
        if repeated:
            cursor.execute("DELETE FROM registry_staging WHERE line = ANY(%s)", [[line for line, _ in repeated]])
            cursor.execute("SELECT nik, line FROM registry_seen WHERE nik = ANY(%s)", [[nik for _, nik in repeated]])
            first = dict(cursor.fetchall())
            summary.rejected += [{"line": line, "reason": DUPLICATE.format(nik=nik, line=first[nik])}
                                 for line, nik in repeated]
        distinct = " OR ".join(f"{table}.{c} IS DISTINCT FROM EXCLUDED.{c}" for c in COMPARED)
        cursor.execute(
            f"WITH merged AS (INSERT INTO {table} (source, {columns}, updated_at) "
            f"SELECT %s, {columns}, now() FROM registry_staging "
            f"ON CONFLICT (source, nik) DO UPDATE SET {', '.join(f'{c} = EXCLUDED.{c}' for c in COMPARED)}, "
            f"updated_at = EXCLUDED.updated_at WHERE {distinct} RETURNING (xmax = 0) AS added) "
            "SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added) FROM merged", [source])
        added, changed = cursor.fetchone()
    summary.added += added
    summary.changed += changed
    summary.unchanged += len(rows) - len(repeated) - added - changed
