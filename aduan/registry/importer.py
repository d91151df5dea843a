"""Importing a registry file (SPEC R21): CSV or XLSX, read as a stream (never the whole file in
memory), each row checked on its own — a bad row is reported with its line and reason and never
stops the import or loses the good rows — then merged in batches of reads and writes. That is
the way on SQLite; on PostgreSQL `bulk` does the same work on the server, set-wise. Importing the
same file again changes nothing."""

from collections.abc import Iterator

from django.db import connection, transaction
from django.utils import timezone

from aduan.registry import bulk
from aduan.registry.models import Record
from aduan.registry.rules import (COMPARED, DEFAULT_MAPPING, FIELDS, LIMITS, SHORT, UNREADABLE, Checker, ImportRefused,
                                  Summary, positions)
from aduan.tabular import NOT_TEXT, Unreadable, open_table

BATCH = 20_000


def rows_of(path: str, mapping: dict[str, str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line, values by our field names, problem) for every data line of the file."""
    try:
        with open_table(path) as table:
            position = positions(table.headers, mapping)
            for number, values in table:
                if values is None:
                    yield number, None, NOT_TEXT
                elif len(values) < len(table.headers):
                    yield number, None, SHORT.format(have=len(values), want=len(table.headers))
                else:
                    yield number, {ours: values[i] for ours, i in position.items()}, None
    except Unreadable:
        raise ImportRefused(UNREADABLE) from None


def import_file(path: str, *, source: str, period: str, mapping: dict[str, str] | None = None,
                progress=None) -> Summary:
    """`progress(n)`, when given, is called as the work goes on with n out of the file's data lines."""
    if connection.vendor == "postgresql":
        return bulk.import_csv_or_xlsx(path, source=source, period=period, mapping=mapping or DEFAULT_MAPPING,
                                       progress=progress)
    summary = Summary()
    checker = Checker()
    for batch, read in checked_batches(path, mapping or DEFAULT_MAPPING, checker, summary):
        _merge(batch, source, period, summary)
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


def _values(row: dict) -> list[str]:
    """The row's values in FIELDS order, each cut to its column's length."""
    return [(row.get(name) or "")[:limit] for name, limit in LIMITS]


@transaction.atomic
def _merge(rows: list[dict], source: str, period: str, summary: Summary) -> None:
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
