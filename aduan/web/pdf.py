"""Printable blank PKH complaint forms (SPEC R4): the participant form and form C-2 for
non-participants. Reporter and complaint on top, classification below — the same order as the
officers' intake form, so typing one in follows the paper."""

from functools import lru_cache
from io import BytesIO

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from aduan.taxonomy.seed import PKH_TOPICS

MARGIN = 18 * mm
WIDTH, HEIGHT = A4
CATEGORY_TYPES = ["Aspirasi", "Permintaan informasi", "Keluhan"]
SEVERITIES = ["Ringan", "Sedang", "Berat", "Sangat berat"]


class _Sheet:
    """A cursor down an A4 page: each call draws one row and moves below it."""

    def __init__(self, title: str, subtitle: str):
        self.buffer = BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Pengaduan Bansos")
        self.y = HEIGHT - MARGIN
        self.canvas.setFont("Helvetica-Bold", 13)
        self.canvas.drawString(MARGIN, self.y, title)
        self.y -= 5 * mm
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawString(MARGIN, self.y, subtitle)
        self.canvas.drawRightString(WIDTH - MARGIN, HEIGHT - MARGIN, "No. register: ________________")
        self.y -= 4 * mm
        self.canvas.line(MARGIN, self.y, WIDTH - MARGIN, self.y)
        self.y -= 6 * mm

    def heading(self, text: str) -> None:
        self.y -= 2 * mm
        self.canvas.setFillGray(0.9)
        self.canvas.rect(MARGIN, self.y - 1.5 * mm, WIDTH - 2 * MARGIN, 6 * mm, stroke=0, fill=1)
        self.canvas.setFillGray(0)
        self.canvas.setFont("Helvetica-Bold", 10)
        self.canvas.drawString(MARGIN + 2 * mm, self.y, text)
        self.y -= 8 * mm

    def line(self, label: str, *, boxes: int = 0) -> None:
        """A label and a line to write on, or `boxes` character boxes (NIK, KKS: 16)."""
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawString(MARGIN, self.y, label)
        x = MARGIN + 48 * mm
        if boxes:
            size = 5.2 * mm
            for i in range(boxes):
                self.canvas.rect(x + i * size, self.y - 1.5 * mm, size, size)
        else:
            self.canvas.line(x, self.y - 1 * mm, WIDTH - MARGIN, self.y - 1 * mm)
        self.y -= 8 * mm

    def checks(self, label: str, options: list[str], *, per_row: int = 3) -> None:
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawString(MARGIN, self.y, label)
        x0 = MARGIN + 48 * mm
        column = (WIDTH - MARGIN - x0) / per_row
        for i, option in enumerate(options):
            row, col = divmod(i, per_row)
            x, y = x0 + col * column, self.y - row * 6 * mm
            self.canvas.rect(x, y - 0.8 * mm, 3.2 * mm, 3.2 * mm)
            self.canvas.drawString(x + 5 * mm, y, option[:52])
        self.y -= (len(options) + per_row - 1) // per_row * 6 * mm + 3 * mm

    def box(self, label: str, height_mm: float) -> None:
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawString(MARGIN, self.y, label)
        self.y -= 2 * mm
        self.canvas.rect(MARGIN, self.y - height_mm * mm, WIDTH - 2 * MARGIN, height_mm * mm)
        self.y -= height_mm * mm + 6 * mm

    def signatures(self, left: str, right: str) -> None:
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawString(MARGIN, self.y, left)
        self.canvas.drawString(WIDTH / 2 + 10 * mm, self.y, right)
        self.y -= 18 * mm
        self.canvas.drawString(MARGIN, self.y, "(______________________)")
        self.canvas.drawString(WIDTH / 2 + 10 * mm, self.y, "(______________________)")
        self.y -= 8 * mm

    def footer(self, text: str) -> bytes:
        self.canvas.setFont("Helvetica-Oblique", 7.5)
        self.canvas.drawString(MARGIN, MARGIN - 6 * mm, text)
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _classification(sheet: _Sheet) -> None:
    sheet.heading("C. KLASIFIKASI (diisi petugas)")
    sheet.checks("Jenis", CATEGORY_TYPES)
    sheet.checks("Topik PKH", [f"{number}. {name}" for number, name, *_ in PKH_TOPICS], per_row=2)
    sheet.checks("Tingkat", SEVERITIES, per_row=4)
    sheet.checks("Diteruskan ke", ["UPPKH Kab/Kota", "Tikor Kab/Kota", "UPPKH Pusat"])


@lru_cache(maxsize=1)
def participant_form() -> bytes:
    sheet = _Sheet("FORMULIR PENGADUAN PKH — PESERTA", "Program Keluarga Harapan. Diisi pelapor atau pendamping atas nama pelapor.")
    sheet.heading("A. IDENTITAS PELAPOR")
    sheet.line("Nama peserta / pengurus")
    sheet.line("NIK", boxes=16)
    sheet.line("Nomor KKS", boxes=16)
    sheet.line("Alamat")
    sheet.line("Desa/Kel. — Kecamatan")
    sheet.line("Kabupaten/Kota — Provinsi")
    sheet.line("Nomor HP")
    sheet.checks("Identitas", ["Boleh diketahui petugas", "Dirahasiakan", "Anonim"])
    sheet.heading("B. PENGADUAN")
    sheet.line("Tanggal kejadian")
    sheet.box("Uraian pengaduan (apa, di mana, sejak kapan, siapa yang terlibat)", 52)
    sheet.checks("Dilampirkan", ["Fotokopi KTP", "Fotokopi KK", "Kartu KKS / fotokopi"])
    _classification(sheet)
    sheet.signatures("Pelapor,", "Petugas / Pendamping penerima,")
    return sheet.footer("Nomor pengaduan diberikan setelah dicatat. Pantau di /lacak/ atau SMS: CEK <nomor> ke 1708.")


@lru_cache(maxsize=1)
def c2_form() -> bytes:
    sheet = _Sheet("FORMULIR C-2 — PENGADUAN NON-PESERTA PKH", "Untuk pendamping, operator, penyedia layanan, dan masyarakat yang bukan peserta PKH.")
    sheet.heading("A. IDENTITAS PELAPOR")
    sheet.line("Nama")
    sheet.checks("Status", ["Pendamping / operator", "Penyedia layanan", "Masyarakat non-peserta", "Aparat desa/kec.", "Lainnya"])
    sheet.line("Instansi / jabatan")
    sheet.line("NIK", boxes=16)
    sheet.line("Alamat")
    sheet.line("Desa/Kel. — Kecamatan")
    sheet.line("Kabupaten/Kota — Provinsi")
    sheet.line("Nomor HP / email")
    sheet.checks("Identitas", ["Boleh diketahui petugas", "Dirahasiakan", "Anonim"])
    sheet.heading("B. PENGADUAN")
    sheet.line("Peserta/pihak yang diadukan")
    sheet.line("Tanggal kejadian")
    sheet.box("Uraian pengaduan", 44)
    _classification(sheet)
    sheet.signatures("Pelapor,", "Petugas penerima,")
    return sheet.footer("Pengaduan oleh pendamping diteruskan ke UPPKH Pusat. Nomor pengaduan diberikan setelah dicatat.")


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@cache_control(public=True, max_age=86400)
def pkh_participant_form(request):
    return _pdf(participant_form(), "formulir-pengaduan-pkh-peserta.pdf")


@cache_control(public=True, max_age=86400)
def pkh_c2_form(request):
    return _pdf(c2_form(), "formulir-pengaduan-pkh-c2.pdf")
