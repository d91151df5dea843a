"""Reading the tables people upload — CSV (any of , ; tab |, UTF-8) or XLSX — one line at a time,
never the whole file in memory, each line with its number in the file so that a rejection can say
where it is. Headers are matched in any case, spaces read as underscores. Used by every import
(the registry's beneficiary lists, the units' channels)."""

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from openpyxl import load_workbook

DELIMITERS = ",;\t|"
# The reason given for a line that is not text (a line, not the file: the others still count).
NOT_TEXT = "baris bukan teks UTF-8 yang sah"


class Unreadable(Exception):
    """The file is not a CSV or XLSX table at all (not a single line could be read)."""


def header_key(text: str) -> str:
    return "_".join(str(text).strip().lower().split())


@dataclass
class Table:
    headers: list[str]
    lines: Iterator[tuple[int, list[str] | None]]  # (line number, fields) — None: not UTF-8

    def __iter__(self):
        return self.lines


@contextmanager
def open_table(source, name: str = ""):
    """`with open_table(path_or_binary_file, name) as table:` — the header line read, the data lines
    streamed. A file with no header line gives an empty header list."""
    name = str(name or getattr(source, "name", "") or source)
    stream = None
    if name.lower().endswith(".xlsx"):
        lines = _xlsx_lines(source)
    elif isinstance(source, (str, PurePath)):
        stream = open(source, "rb")  # noqa: SIM115 (closed below, once the lines are read)
        lines = _csv_lines(stream)
    else:
        lines = _csv_lines(source)
    try:
        first = next(lines, None)
        headers = [header_key(h) for h in first[1]] if first and first[1] is not None else []
        yield Table(headers, lines)
    finally:
        if stream is not None:
            stream.close()


def data_rows(path) -> int | None:
    """About how many data lines the file has (for a progress bar): newlines counted in blocks for
    a CSV, the sheet's recorded size for an XLSX (None when the workbook does not record it)."""
    if str(path).lower().endswith(".xlsx"):
        try:
            rows = load_workbook(path, read_only=True).active.max_row
        except Exception:  # not a workbook: the import itself says so
            return None
        return max(rows - 1, 0) if rows else None
    lines, last = 0, b"\n"
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return max(lines + (last != b"\n") - 1, 0)


def sniff(header: str):
    """The CSV dialect of a file: the delimiter (among , ; tab |) read off its header line, the
    quoting as spreadsheets write it (a header has no quotes to learn that from)."""
    if not any(c in header for c in DELIMITERS):
        return csv.excel
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return csv.excel
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


def fields(text: str, dialect) -> list[str]:
    """One line's values, each stripped of the spaces around it."""
    return [value.strip() for value in next(csv.reader([text], dialect))]


def _csv_lines(stream) -> Iterator[tuple[int, list[str] | None]]:
    dialect = None
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, None
            continue
        text = text.rstrip("\r\n")
        if not text.strip():
            continue
        if dialect is None:
            dialect = sniff(text)
        yield number, fields(text, dialect)


def _xlsx_lines(source) -> Iterator[tuple[int, list[str] | None]]:
    try:
        sheet = load_workbook(source, read_only=True, data_only=True).active
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise Unreadable(source) from None
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row and any(v not in (None, "") for v in row):
            yield number, ["" if v is None else str(v).strip() for v in row]
