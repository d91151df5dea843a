"""Reports on paper (reportlab's platypus): a cover with the unit's name, the introduction the unit
wrote, the summary figures with their charts, then the tables — the recap table last."""

from collections.abc import Iterable
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=14)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5)
HEADING = ParagraphStyle("heading", parent=STYLES["Heading2"], fontName="Helvetica-Bold", fontSize=13, spaceBefore=10)
COVER_TITLE = ParagraphStyle("cover", parent=STYLES["Title"], fontName="Helvetica-Bold", fontSize=22, leading=28,
                             alignment=TA_CENTER)
COVER_LINE = ParagraphStyle("cover_line", parent=BODY, fontSize=14, leading=20, alignment=TA_CENTER)
GRID = TableStyle([
    ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3eaf3")),
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b5")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])


def text(value) -> Paragraph:
    return Paragraph(escape(str(value)).replace("\n", "<br/>"), SMALL)


class Document:
    """A report being written: `cover`, `heading`, `paragraph`, `table`, `chart`, then `bytes()`."""

    def __init__(self, title: str, *, wide: bool = False):
        self.title = title
        self.story: list = []
        self.pagesize = landscape(A4) if wide else A4

    @property
    def width(self) -> float:
        return self.pagesize[0] - 30 * mm

    def cover(self, title: str, lines: Iterable[str]) -> None:
        self.story += [Spacer(1, 60 * mm), Paragraph(escape(title), COVER_TITLE), Spacer(1, 12 * mm)]
        self.story += [Paragraph(escape(line), COVER_LINE) for line in lines]
        self.story.append(PageBreak())

    def heading(self, value: str) -> None:
        self.story.append(Paragraph(escape(value), HEADING))

    def paragraph(self, value: str) -> None:
        for block in str(value).split("\n\n"):
            self.story.append(Paragraph(escape(block).replace("\n", "<br/>"), BODY))

    def table(self, headers: tuple[str, ...], rows: Iterable[tuple], widths: list[float] | None = None,
              repeat: bool = True) -> None:
        data = [list(headers)] + [[text(cell) for cell in row] for row in rows]
        if len(data) == 1:
            self.paragraph("—")
            return
        widths = [w * self.width for w in widths] if widths else None
        table = (LongTable if len(data) > 40 else Table)(data, colWidths=widths, repeatRows=1 if repeat else 0)
        table.setStyle(GRID)
        self.story.append(table)

    def chart(self, drawing) -> None:
        scale = min(1.0, self.width / drawing.width)
        drawing.scale(scale, scale)
        drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
        self.story.append(KeepTogether([Spacer(1, 4 * mm), drawing]))

    def space(self) -> None:
        self.story.append(Spacer(1, 5 * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def bytes(self) -> bytes:
        buffer = BytesIO()
        title = self.title

        def footer(canvas, doc):
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
            canvas.drawString(15 * mm, 10 * mm, title)
            canvas.drawRightString(self.pagesize[0] - 15 * mm, 10 * mm, str(doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(buffer, pagesize=self.pagesize, leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=15 * mm, bottomMargin=18 * mm, title=title, author="Pengaduan Bansos")
        doc.build(self.story, onFirstPage=footer, onLaterPages=footer)
        return buffer.getvalue()
