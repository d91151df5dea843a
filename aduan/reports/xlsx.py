"""Spreadsheets for the officers, who live in Excel: one sheet per table, headers bold and frozen,
dates as Excel dates, written row by row (openpyxl's write-only mode) so a national year of rows
never sits in memory at once."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: Iterable[tuple]
    widths: dict[int, int] = field(default_factory=dict)  # column index (0-based) → characters
    wrap: frozenset[int] = frozenset()  # columns whose text wraps (long complaint texts, answers)
    heading: tuple[str, ...] = ()  # lines above the table (the unit, the period)


def workbook(sheets: list[Sheet], progress=None) -> bytes:
    """The file's bytes. `progress(rows_written)` is called every 1,000 rows (background exports)."""
    book = Workbook(write_only=True)
    written = 0
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.title[:31])
        for index, width in sheet.widths.items():
            ws.column_dimensions[_column(index)].width = width
        top = len(sheet.heading) + (1 if sheet.heading else 0)
        ws.freeze_panes = f"A{top + 2}"
        for line in sheet.heading:
            cell = WriteOnlyCell(ws, value=line)
            cell.font = BOLD
            ws.append([cell])
        if sheet.heading:
            ws.append([])
        ws.append([_bold(ws, header) for header in sheet.headers])
        for row in sheet.rows:
            ws.append([_cell(ws, value, index in sheet.wrap) for index, value in enumerate(row)])
            written += 1
            if progress and written % 1000 == 0:
                progress(written)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column(index: int) -> str:
    return get_column_letter(index + 1)


def _bold(ws, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = BOLD
    return cell


def _cell(ws, value, wrap: bool):
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if wrap:
        cell = WriteOnlyCell(ws, value=value)
        cell.alignment = WRAP
        return cell
    return value
