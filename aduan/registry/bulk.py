"""The registry import on PostgreSQL (SPEC R21): the file's lines go to the server as they are and
every check and the merge run there, set-wise, so that Python only moves bytes.

1. *Load.* The CSV is read in blocks of a few megabytes; a line that PostgreSQL's CSV reader takes
   exactly as `tabular` would (ASCII, no quotes, no padding around a value, the header's number of
   fields) is sent untouched; any other line is read here the way `tabular` reads it and sent
   re-quoted, or as the reason it cannot be a row at all (not UTF-8, too few fields). Each line
   becomes one row of an unlogged table, numbered in order, so every rejection keeps its line.
2. *Check.* One statement gives each row its values (digits only, cut to the column lengths) and
   its first problem, in the order `Checker.problem` uses, with the same messages. It runs over
   each half of the lines on a connection of its own, side by side (one statement uses one core).
3. *Repeats.* A NIK on several good lines: the first line wins, the later ones are refused with it.
4. *Merge.* In slices of a few million rows (the progress bar moves): a source seen for the first time is a plain
   insert sorted by NIK; otherwise INSERT … ON CONFLICT that rewrites only the records that differ.
   A new source with more rows than the registry holds (the first national file) goes in as one
   insert with the registry's indexes and keys dropped, and built again after it in the same
   transaction: three times faster than keeping them up to date row by row. Meanwhile the
   registry's readers are told it is busy (`busy.py`) rather than kept waiting.

Memory stays flat: one block in Python, the rest on the server's disk. An advisory lock keeps two
imports of one source apart; the work tables are named after the server process, and one left by
a process that died is dropped by the next import."""

import csv
import io
import itertools
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, transaction

from aduan.core.numbers import BAD_BIRTH_DATE, BAD_PROVINCE, NOT_SIXTEEN
from aduan.regions.models import Region
from aduan.registry import busy
from aduan.registry.models import Record
from aduan.registry.rules import (COMPARED, DUPLICATE, FIELDS, LIMITS, NO_NAME, SHORT, UNKNOWN_DESA, UNREADABLE,
                                  ImportRefused, Summary, positions)
from aduan.tabular import NOT_TEXT, Unreadable, fields, header_key, open_table, sniff

BLOCK = 4 << 20
COPY_BLOCKS = 16
MERGE_LINES = 2_000_000
SKIP = "-"  # the note of a blank line: it keeps its number but is no row
# What `str.strip` takes off an ASCII value: a value starting or ending with one is read here.
PADDING = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
TABLE = Record._meta.db_table
# The session's settings (JIT compiles each statement for longer than it runs; the repeats need memory).
SETTINGS = "SET jit = off; SET work_mem = '256MB'"
# Bytes that make a block's lines worth reading one by one (see `_padded`).
CONTROL = (b"\x00", b"\r", b"\t", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def import_csv_or_xlsx(path: str, *, source: str, period: str, mapping: dict[str, str], progress=None) -> Summary:
    summary = Summary()
    with _bulk_session(source) as (load, checked, dups):
        lines = _table(path)
        headers = next(lines)
        position = positions(headers, mapping)
        with connection.cursor() as cursor:
            total = _load(cursor, load, len(headers), *next(lines), progress)
            summary.read = _check(cursor, load, checked, position)
            cursor.execute(f"DROP TABLE {load}")
            cursor.execute(f"CREATE UNLOGGED TABLE {dups} AS SELECT nik, min(line) AS first FROM {checked} "
                           "WHERE problem IS NULL GROUP BY nik HAVING count(*) > 1")
            summary.rejected = _rejected(cursor, checked, dups)
            _merge(cursor, checked, dups, source, period, total, summary, progress)
            if summary.added or summary.changed:
                cursor.execute(f"ANALYZE {TABLE}")  # the lookups plan on what the table now holds
    summary.unchanged = summary.read - len(summary.rejected) - summary.added - summary.changed
    return summary


# 1. Load ------------------------------------------------------------------------------------------

def _table(path: str):
    """Yields the file's headers, then (the first data line's number, the delimiter, the blocks of
    COPY text with how many lines each holds)."""
    if path.lower().endswith(".xlsx"):
        yield from _xlsx(path)
        return
    with open(path, "rb") as stream:
        number, header = 0, b""
        for raw in stream:
            number += 1
            if raw.strip():
                header = raw
                break
        try:
            text = header.decode("utf-8-sig").rstrip("\r\n")
        except UnicodeDecodeError:
            yield []
            return
        dialect = sniff(text)
        headers = [header_key(h) for h in fields(text, dialect)] if text else []
        yield headers
        yield number + 1, dialect.delimiter, _csv_blocks(stream, dialect, len(headers))


def _load(cursor, load: str, width: int, first: int, delimiter: str, blocks, progress) -> int:
    columns = [f"c{i}" for i in range(width)] + ["note"]
    cursor.execute(f"CREATE UNLOGGED TABLE {load} (line bigint GENERATED BY DEFAULT AS IDENTITY (START {first}), "
                   f"{', '.join(f'{c} text' for c in columns)})")
    options = f"FORMAT csv, DELIMITER {_literal(delimiter)}, FORCE_NOT_NULL ({', '.join(columns)})"
    read = 0
    # A COPY for every few blocks: the progress is written between them (no query can run during one).
    more = True
    while more:
        more = False
        with cursor.copy(f"COPY {load} ({', '.join(columns)}) FROM STDIN ({options})") as copy:
            for block, count in itertools.islice(blocks, COPY_BLOCKS):
                copy.write(block)
                read += count
                more = True
        if progress and more:
            progress(read // 2)  # the first half of the bar: reading; the second: merging
    return read


def _csv_blocks(stream, dialect, width: int):
    rest = b""
    while chunk := stream.read(BLOCK):
        chunk = rest + chunk
        cut = chunk.rfind(b"\n") + 1
        rest = chunk[cut:]
        if cut:
            yield _block(chunk[:cut].replace(b"\r\n", b"\n").split(b"\n")[:-1], width, dialect)
    if rest:
        yield _block([rest.rstrip(b"\r")], width, dialect)


def _block(lines: list[bytes], width: int, dialect) -> tuple[bytes, int]:
    """The COPY text of these lines, and how many they are."""
    delimiter = dialect.delimiter.encode()
    end = delimiter + b"\n"  # a line read as it is, with its empty note
    odd = {i for i, line in enumerate(lines) if line.count(delimiter) != width - 1}
    joined = b"\n".join(lines)
    if not joined.isascii():
        odd.update(i for i, line in enumerate(lines) if not line.isascii())
    if b'"' in joined:  # `sniff` gives every file spreadsheet quoting
        odd.update(i for i, line in enumerate(lines) if b'"' in line)
    if any(c in joined for c in (*CONTROL, b" " + delimiter, delimiter + b" ", b" \n", b"\n ")) \
            or joined[:1] == b" " or joined[-1:] == b" " or (width == 1 and (b"" in lines or b"\\." in lines)):
        odd.update(i for i, line in enumerate(lines) if _padded(line, delimiter))
    if not odd:
        return end.join(lines) + end, len(lines)
    parts, start = [], 0
    for i in sorted(odd):
        if i > start:
            parts.append(end.join(lines[start:i]) + end)
        parts.append(_read_here(lines[i], width, dialect))
        start = i + 1
    if start < len(lines):
        parts.append(end.join(lines[start:]) + end)
    return b"".join(parts), len(lines)


def _padded(line: bytes, delimiter: bytes) -> bool:
    if b"\x00" in line or b"\r" in line or line in (b"", b"\\."):
        return True
    return any(value[:1] in PADDING or value[-1:] in PADDING for value in line.split(delimiter) if value)


def _read_here(raw: bytes, width: int, dialect) -> bytes:
    """One line read as `tabular` reads it, as COPY text: its values and an empty note, or the
    reason it is no row."""
    delimiter = dialect.delimiter
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return _row([""] * width, NOT_TEXT, delimiter)
    if not text.strip():
        return _row([""] * width, SKIP, delimiter)
    return _values_row(fields(text, dialect), width, delimiter)


def _values_row(values: list[str], width: int, delimiter: str) -> bytes:
    if len(values) < width:
        return _row([""] * width, SHORT.format(have=len(values), want=width), delimiter)
    return _row([value.replace("\x00", "") for value in values[:width]], "", delimiter)


def _row(values: list[str], note: str, delimiter: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow([*values, note])
    return out.getvalue().encode()


def _xlsx(path: str):
    """As `_table`, for a workbook (opened once)."""
    try:
        with open_table(path) as table:
            width = len(table.headers)
            yield table.headers
            rows = iter(table)
            first = next(rows, None)
            if first is None:
                yield 2, ",", iter(())
                return
            yield first[0], ",", _xlsx_parts(itertools.chain([first], rows), first[0], width)
    except Unreadable:
        raise ImportRefused(UNREADABLE) from None


def _xlsx_parts(rows, expected: int, width: int):
    parts = []
    for number, values in rows:
        parts += [_row([""] * width, SKIP, ",")] * (number - expected)  # empty rows keep their numbers
        parts.append(_row([""] * width, NOT_TEXT, ",") if values is None else _values_row(values, width, ","))
        expected = number + 1
        if len(parts) >= 10_000:
            yield b"".join(parts), len(parts)
            parts = []
    if parts:
        yield b"".join(parts), len(parts)


# 2. Check -----------------------------------------------------------------------------------------

def _check(cursor, load: str, checked: str, position: dict[str, int]) -> int:
    """Each row's values and first problem, in `Checker.problem`'s order and words; how many rows."""
    column = {ours: f"s.c{i}" for ours, i in position.items()}
    raw = {name: column.get(name, "''") for name in FIELDS}
    number = {name: f"n.{name}" for name in ("nik", "no_kk", "kks")}
    values = {**raw, **number}
    # NIK compared as the registry compares it (bytes): the merge sorts by it to walk the index in order.
    collate = {"nik": ' COLLATE "C"'}
    cut = ", ".join(f"left({values[name]}, {limit}){collate.get(name, '')} AS {name}" for name, limit in LIMITS)
    provinces = list(Region.objects.filter(level=1).values_list("code", flat=True))
    day, month = "substr(n.nik, 7, 2)::int", "substr(n.nik, 9, 2)::int"
    problems = [
        ("s.note <> ''", "s.note"),
        ("NOT n.plain AND n.nik !~ '^[0-9]{16}$'", "%(nik)s"),
        ("NOT left(n.nik, 2) = ANY(%(provinces)s)" if provinces else "false",
         "replace(%(province)s, '{code}', left(n.nik, 2))"),
        (f"NOT ({day} BETWEEN 1 AND 31 OR {day} BETWEEN 41 AND 71) OR {month} NOT BETWEEN 1 AND 12",
         "replace(%(birth)s, '{part}', substr(n.nik, 7, 6))"),
        ("NOT n.plain AND n.no_kk <> '' AND n.no_kk !~ '^[0-9]{16}$'", "%(kk)s"),
        ("NOT n.plain AND n.kks <> '' AND n.kks !~ '^[0-9]{16}$'", "%(kks)s"),
        (f"{raw['name']} = ''", "%(name)s"),
        (f"{raw['region_code']} <> '' AND d.code IS NULL", f"replace(%(desa)s, '{{code}}', {raw['region_code']})"),
    ]
    problem = "CASE " + " ".join(f"WHEN {when} THEN {then}" for when, then in problems) + " END"
    # The three numbers of a row as written are usually plain: one pattern for all three then.
    # (OFFSET 0 keeps each LATERAL evaluated once a row, not copied into every use of its values.)
    plain = (f"({raw['nik']} || {raw['no_kk']} || {raw['kks']}) ~ '^[0-9]*$' AND length({raw['nik']}) = 16 "
             f"AND length({raw['no_kk']}) IN (0, 16) AND length({raw['kks']}) IN (0, 16)")
    numbers = ", ".join(f"CASE WHEN p.plain THEN {raw[name]} ELSE regexp_replace({raw[name]}, '[[:space:].-]', '', 'g') "
                        f"END AS {name}" for name in ("nik", "no_kk", "kks"))
    desa = f"LEFT JOIN {Region._meta.db_table} d ON d.code = {raw['region_code']} AND d.level = 4" \
        if "region_code" in position else "LEFT JOIN (SELECT NULL::text AS code) d ON false"
    select = (f"SELECT s.line, {cut}, {problem} AS problem FROM {load} s "
              f"CROSS JOIN LATERAL (SELECT {plain} AS plain OFFSET 0) p "
              f"CROSS JOIN LATERAL (SELECT p.plain, {numbers} OFFSET 0) n {desa} WHERE s.note <> %(skip)s")
    params = {"provinces": provinces, "nik": NOT_SIXTEEN.format(label="NIK"), "province": BAD_PROVINCE,
              "birth": BAD_BIRTH_DATE, "kk": NOT_SIXTEEN.format(label="No. KK"),
              "kks": NOT_SIXTEEN.format(label="No. KKS"), "name": NO_NAME, "desa": UNKNOWN_DESA, "skip": SKIP}
    cursor.execute(f"CREATE UNLOGGED TABLE {checked} AS {select} WITH NO DATA", params)
    return sum(_in_halves(load, f"INSERT INTO {checked} {select} AND s.ctid >= %(low)s::tid AND s.ctid < %(high)s::tid",
                          params))


def _in_halves(table: str, sql: str, params: dict) -> list[int]:
    """`sql` (which reads `table` from TID `low` to `high`) over each half of the table, the rows
    it wrote in each. Side by side on two connections, the second on a thread of its own (one
    statement runs on one core), when no transaction is open: only then are the work tables seen
    from another connection. Otherwise one half after the other."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        (pages,) = cursor.fetchone()
    halves = [{**params, "low": "(0,0)", "high": f"({pages // 2},0)"},
              {**params, "low": f"({pages // 2},0)", "high": f"({pages + 1},0)"}]

    def run(half: dict) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql, half)
            return cursor.rowcount

    if connection.in_atomic_block:
        return [run(half) for half in halves]
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(_on_own_connection, run, halves[1])
        return [run(halves[0]), other.result()]


def _on_own_connection(work, *args):
    """`work` on this thread's own connection (Django gives each thread one), set as the import's."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(SETTINGS)
        return work(*args)
    finally:
        connection.close()


def _rejected(cursor, checked: str, dups: str) -> list[dict]:
    cursor.execute(f"SELECT line, problem FROM {checked} WHERE problem IS NOT NULL")
    rejected = cursor.fetchall()
    cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {dups})")
    if cursor.fetchone()[0]:
        cursor.execute(f"SELECT c.line, replace(replace(%s, '{{nik}}', c.nik), '{{line}}', d.first::text) "
                       f"FROM {checked} c JOIN {dups} d ON d.nik = c.nik AND c.line > d.first WHERE c.problem IS NULL",
                       [DUPLICATE])
        rejected += cursor.fetchall()
    return [{"line": line, "reason": reason} for line, reason in sorted(rejected)]


# 4. Merge -----------------------------------------------------------------------------------------

def _merge(cursor, checked: str, dups: str, source: str, period: str, total: int, summary: Summary,
           progress) -> None:
    """In slices of the checked table's pages (each read by itself, no index needed), each slice
    sorted by NIK so that the index is walked in order; or, for a new source larger than the whole
    registry, in one insert with the indexes built afresh after it."""
    cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int, "
                   f"(SELECT count(*) FROM {checked} WHERE ctid < '(1,0)')", [checked])
    pages, per_page = cursor.fetchone()
    if not pages:
        return
    cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE} WHERE source = %s)", [source])
    (known,) = cursor.fetchone()
    rebuild = not known and _smaller_than(cursor, summary.read - len(summary.rejected))
    columns = ", ".join(COMPARED)
    good = (f"SELECT %(source)s, {', '.join(FIELDS)}, %(period)s, now() FROM {checked} c "
            "WHERE c.ctid >= %(low)s::tid AND c.ctid < %(high)s::tid AND c.problem IS NULL "
            f"AND NOT EXISTS (SELECT 1 FROM {dups} d WHERE d.nik = c.nik AND c.line > d.first)")
    insert = f"INSERT INTO {TABLE} (source, {columns}, updated_at) {good}"
    if known:
        distinct = " OR ".join(f"{TABLE}.{c} IS DISTINCT FROM EXCLUDED.{c}" for c in COMPARED)
        insert += (f" ORDER BY c.nik ON CONFLICT (nik, source) DO UPDATE SET "
                   f"{', '.join(f'{c} = EXCLUDED.{c}' for c in COMPARED)}, updated_at = EXCLUDED.updated_at "
                   f"WHERE {distinct}")
        insert = (f"WITH merged AS ({insert} RETURNING (xmax = 0) AS added) "
                  "SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added) FROM merged")
    elif not rebuild:
        insert += " ORDER BY c.nik"
    step = pages if rebuild else max(1, MERGE_LINES // max(per_page, 1))
    with _indexes_rebuilt_after(rebuild):
        for first in range(0, pages, step):
            cursor.execute(insert, {"source": source, "period": period, "low": f"({first},0)",
                                    "high": f"({first + step},0)"})
            added, changed = cursor.fetchone() if known else (cursor.rowcount, 0)
            summary.added += added
            summary.changed += changed
            if progress:
                progress(total // 2 + total * min(pages, first + step) // pages // 2)


def _smaller_than(cursor, rows: int) -> bool:
    """Whether the registry holds fewer records than `rows` (the planner's count when it has one;
    otherwise counted, never past `rows`)."""
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
    (estimate,) = cursor.fetchone()
    if estimate < 0:  # never analyzed
        cursor.execute(f"SELECT count(*) FROM (SELECT FROM {TABLE} LIMIT %s) r", [rows])
        (estimate,) = cursor.fetchone()
    return estimate < rows


@contextmanager
def _indexes_rebuilt_after(rebuild: bool):
    """When `rebuild`, the registry's indexes and keys are dropped for the inserts and made again
    after, as they were defined, all in one transaction: a failure leaves the table as it was.
    Nothing points at the registry by a constraint (a complaint's match holds its record without
    one), so no other table is locked; a primary key that some constraint leans on is kept. Until
    the commit the registry's readers are told it is busy (`busy.py`)."""
    if not rebuild:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        connection.check_constraints()  # no ALTER TABLE while deferred checks wait
        busy.announce(cursor)
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint k WHERE conrelid = %(table)s::regclass "
                       "AND contype IN ('p', 'u', 'x') AND NOT EXISTS (SELECT FROM pg_constraint f "
                       "WHERE f.confrelid = %(table)s::regclass AND f.conindid = k.conindid)", {"table": TABLE})
        keys = cursor.fetchall()
        cursor.execute("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                       "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass "
                       "AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)", [TABLE])
        indexes = cursor.fetchall()
        for name, _ in keys:
            cursor.execute(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        yield
        for _, definition in indexes:
            cursor.execute(definition)
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE {TABLE} ADD CONSTRAINT "{name}" {definition}')


# The session around it ------------------------------------------------------------------------------

@contextmanager
def _bulk_session(source: str):
    """The work tables (their names), the session's settings and the lock on the source; all let
    go after."""
    lock = "hashtext('registry import ' || %s)"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
        names = tuple(f"registry_work_{pid}_{part}" for part in ("load", "checked", "dups"))
        # Left by a process that died, or by an import of this session that failed.
        cursor.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname ~ '^registry_work_[0-9]+_' "
                       "AND split_part(c.relname, '_', 3)::int NOT IN (SELECT pid FROM pg_stat_activity)")
        for name in [orphan for (orphan,) in cursor.fetchall()] + list(names):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
        cursor.execute(SETTINGS)
        cursor.execute(f"SELECT pg_advisory_lock({lock})", [source])
    try:
        yield names
    finally:
        if not connection.needs_rollback and connection.is_usable():
            with connection.cursor() as cursor:
                for name in names:
                    cursor.execute(f"DROP TABLE IF EXISTS {name}")
                cursor.execute("RESET jit; RESET work_mem")
                cursor.execute(f"SELECT pg_advisory_unlock({lock})", [source])


def _literal(text: str) -> str:
    return "E'\\t'" if text == "\t" else "'" + text.replace("'", "''") + "'"

