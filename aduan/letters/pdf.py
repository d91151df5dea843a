"""A letter as a PDF (reportlab): the unit's letterhead, number and date, the addressee, the body,
the Pejabat Pengelola's signature block."""

from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BODY = ParagraphStyle("letter", fontName="Helvetica", fontSize=11, leading=15, spaceAfter=6)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=17, alignment=TA_CENTER,
                      spaceAfter=0)
HEAD_LINE = ParagraphStyle("head_line", parent=BODY, fontSize=9, leading=11, alignment=TA_CENTER, spaceAfter=0)
SIGN = ParagraphStyle("sign", parent=BODY, alignment=TA_CENTER, spaceAfter=0)
PLAIN = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("FONTNAME", (0, 0), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 11)])


@dataclass
class Sheet:
    unit_name: str
    unit_lines: list[str]
    logo_path: str | None
    number: str
    place_date: str
    subject: str
    addressee: str
    body: str
    signatory_title: str
    signatory_name: str
    signatory_nip: str


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render(sheet: Sheet) -> bytes:
    width = A4[0] - 40 * mm
    head = [_p(sheet.unit_name.upper(), HEAD)] + [_p(line, HEAD_LINE) for line in sheet.unit_lines if line]
    if sheet.logo_path:
        head = [Table([[Image(sheet.logo_path, width=20 * mm, height=20 * mm, kind="proportional"), head]],
                      colWidths=[24 * mm, width - 24 * mm], style=PLAIN)]
    story = [*head, Spacer(1, 2 * mm), HRFlowable(width="100%", thickness=1.5), Spacer(1, 5 * mm)]
    story.append(Table([["Nomor", ":", sheet.number, sheet.place_date], ["Lampiran", ":", "-", ""],
                        ["Perihal", ":", _p(sheet.subject), ""]],
                       colWidths=[22 * mm, 4 * mm, width - 86 * mm, 60 * mm], style=PLAIN))
    story += [Spacer(1, 6 * mm), _p("Kepada Yth."), _p(sheet.addressee), _p("di tempat"), Spacer(1, 4 * mm)]
    story += [_p(block) for block in sheet.body.split("\n\n")]
    signature = [_p(sheet.signatory_title, SIGN), Spacer(1, 22 * mm),
                 Paragraph(f"<u><b>{escape(sheet.signatory_name or '........................')}</b></u>", SIGN)]
    if sheet.signatory_nip:
        signature.append(_p(f"NIP {sheet.signatory_nip}", SIGN))
    story += [Spacer(1, 8 * mm), Table([["", signature]], colWidths=[width - 75 * mm, 75 * mm], style=PLAIN)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                      bottomMargin=20 * mm, title=f"{sheet.subject} — {sheet.number}",
                      author=sheet.unit_name).build(story)
    return buffer.getvalue()
