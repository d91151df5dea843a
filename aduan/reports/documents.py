"""The monthly (R27), annual (R28) and IKM (R29) reports as files: XLSX and PDF, from the same
figures the JSON carries (aduan.reports.figures, aduan.surveys.selectors)."""

from datetime import date

from django.utils.translation import gettext as _

from aduan.organisation.models import Unit
from aduan.reports import charts, recap
from aduan.reports.models import ReportText
from aduan.reports.pdf import Document
from aduan.reports.summary import attention_tables, breakdown_tables, chart_tables, headline_rows
from aduan.reports.xlsx import Sheet, workbook
from aduan.surveys.ikm import Ikm

DEFAULT_INTRODUCTION = (
    "Laporan ini menyajikan pengelolaan pengaduan masyarakat tentang bantuan sosial (BPNT/Sembako, "
    "Bansos Rastra dan PKH) yang diterima dan ditangani oleh {unit} selama tahun {year}: jumlah pengaduan "
    "menurut program, jenis, topik, saluran dan tingkatnya, ketepatan waktu penyelesaiannya, serta rekapitulasi "
    "setiap pengaduan beserta hasil penanganannya.\n\n"
    "Pengelolaan pengaduan merupakan bagian dari upaya meningkatkan kualitas penyelenggaraan pelayanan publik "
    "sebagaimana diamanahkan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik."
)


def introduction(unit: Unit, year: int) -> str:
    written = ReportText.objects.filter(unit=unit, year=year).values_list("introduction", flat=True).first()
    return written or DEFAULT_INTRODUCTION.format(unit=unit.name, year=year)


def _figure_sheet(report: dict, heading: tuple[str, ...]) -> Sheet:
    rows: list[tuple] = [(label, value, "") for label, value in headline_rows(report)]
    for title, table in breakdown_tables(report):
        rows.append(("", "", ""))
        rows.append((title, "", ""))
        rows += [(f"  {name}", count, code) for code, name, count in table]
    return Sheet(_("Ringkasan"), (_("Uraian"), _("Jumlah"), _("Kode")), rows, widths={0: 48, 1: 14, 2: 14},
                 heading=heading)


ITEM_HEADERS = ("Nomor", "No. register", "Program", "Topik", "Ditangani oleh", "Tenggat")


def _item_row(item: dict) -> tuple:
    return (item["tracking_number"], item["register_number"], item["program"], item["topic_name"] or item["topic"] or "",
            item["holder_name"], item["due_at"][:10])


def _charts_of(report: dict) -> list:
    return [charts.bars(title, rows, empty=_("Belum ada data.")) for title, rows in chart_tables(report)]


def _unit_line(report: dict) -> str:
    return report["unit"]["name"]


# --- Monthly -------------------------------------------------------------------------------------

def monthly_xlsx(report: dict) -> bytes:
    heading = (_("Laporan bulanan pengaduan %(month)s") % {"month": report["month"]}, _unit_line(report))
    attention_rows = []
    for title, count, items in attention_tables(report):
        attention_rows += [(f"{title} ({count})", "", "", "", "", "")] + [_item_row(item) for item in items]
    return workbook([_figure_sheet(report, heading),
                     Sheet(_("Perlu perhatian"), ITEM_HEADERS, attention_rows, widths={0: 22, 1: 24, 3: 40, 4: 40})])


def monthly_pdf(report: dict) -> bytes:
    year, month = map(int, report["month"].split("-"))
    period = f"{recap.MONTHS[month - 1]} {year}"
    doc = Document(_("Laporan Bulanan Pengaduan — %(unit)s — %(period)s") % {"unit": _unit_line(report), "period": period})
    doc.heading(_("Laporan Bulanan Pengelolaan Pengaduan"))
    doc.paragraph(f"{_unit_line(report)} — {period}")
    _figures_into(doc, report)
    doc.heading(_("Pengaduan yang perlu perhatian khusus"))
    for title, count, items in attention_tables(report):
        doc.paragraph(f"{title}: {count}")
        if items:
            doc.table(ITEM_HEADERS, [_item_row(i) for i in items], widths=[0.14, 0.2, 0.08, 0.22, 0.24, 0.12])
    for cluster in report["attention"]["clusters"]:
        doc.paragraph(cluster["recommendation"])
    for line in report["attention"]["across_kabupaten"]:
        doc.paragraph(line)
    return doc.bytes()


def _figures_into(doc: Document, report: dict) -> None:
    doc.heading(_("Ringkasan"))
    doc.table((_("Uraian"), _("Jumlah")), headline_rows(report), widths=[0.7, 0.3])
    for drawing in _charts_of(report):
        doc.chart(drawing)
    for title, table in breakdown_tables(report):
        doc.heading(title)
        doc.table((_("Kode"), _("Nama"), _("Jumlah")), table, widths=[0.15, 0.65, 0.2])


# --- Annual ----------------------------------------------------------------------------------------

RECAP_WIDTHS = {0: 6, 1: 18, 2: 12, 3: 60, 4: 14, 5: 14, 6: 16, 7: 60}


def annual_xlsx(report: dict, rows, progress=None) -> bytes:
    heading = (_("Rekapitulasi pengaduan %(unit)s tahun %(year)s") % {"unit": _unit_line(report), "year": report["year"]},)
    months = Sheet(_("Per bulan"), (_("Bulan"), _("Diterima"), _("Selesai")),
                   [(m["month"], m["received"], m["closed"]) for m in report["by_month"]])
    return workbook([
        Sheet(_("Rekap"), recap.RECAP_HEADERS, rows, widths=RECAP_WIDTHS, wrap=frozenset({3, 7}), heading=heading),
        _figure_sheet(report, heading),
        months,
    ], progress=progress)


def annual_pdf(report: dict, rows, intro: str) -> bytes:
    year = report["year"]
    doc = Document(_("Laporan Tahunan Pengaduan — %(unit)s — %(year)s") % {"unit": _unit_line(report), "year": year},
                   wide=True)
    doc.cover(_("Laporan Pengelolaan Pengaduan Tahun %(year)s") % {"year": year},
              [_unit_line(report), _("Bantuan sosial: BPNT/Sembako, Bansos Rastra, PKH")])
    doc.heading(_("Pendahuluan"))
    doc.paragraph(intro)
    _figures_into(doc, report)
    doc.chart(charts.columns(_("Pengaduan per bulan"), [m["month"][5:] for m in report["by_month"]],
                             [(_("Diterima"), [m["received"] for m in report["by_month"]]),
                              (_("Selesai"), [m["closed"] for m in report["by_month"]])]))
    doc.page_break()
    doc.heading(_("Rekapitulasi pengaduan tahun %(year)s") % {"year": year})
    doc.table(recap.RECAP_HEADERS, ((n, name, recap.tanggal(day), materi, kategori, recap.tanggal(answered), status,
                                     hasil) for n, name, day, materi, kategori, answered, status, hasil in rows),
              widths=[0.04, 0.11, 0.09, 0.25, 0.08, 0.09, 0.1, 0.24])
    return doc.bytes()


# --- IKM -------------------------------------------------------------------------------------------

def ikm_rows(result: Ikm) -> list[tuple]:
    return [(e.code, _(e.name), "—" if e.nrr is None else f"{e.nrr:.2f}") for e in result.elements]


def _profile_rows(profile: dict) -> list[tuple]:
    names = {"gender": _("Jenis kelamin"), "age": _("Usia"), "education": _("Pendidikan"),
             "occupation": _("Pekerjaan")}
    return [(names[key], label, n) for key, rows in profile.items() for label, n in rows]


def _ikm_line(result: Ikm) -> str:
    if result.ikm is None:
        return _("Belum ada responden dalam periode ini; IKM belum dapat dihitung.")
    return _("IKM %(value)s — mutu %(grade)s (%(label)s), dari %(n)s responden.") % {
        "value": f"{result.ikm:.2f}", "grade": result.grade, "label": _(result.label), "n": result.responses}


def ikm_xlsx(unit: Unit, start: date, end: date, result: Ikm, profile: dict) -> bytes:
    heading = (_("Indeks Kepuasan Masyarakat — %(unit)s") % {"unit": unit.name}, f"{start} – {end}", _ikm_line(result))
    lowest = [(e.code, _(e.name), f"{e.nrr:.2f}") for e in result.lowest()]
    return workbook([
        Sheet("IKM", (_("Unsur"), _("Nama unsur"), "NRR"), ikm_rows(result), widths={1: 44}, heading=heading),
        Sheet(_("Responden"), (_("Data"), _("Kelompok"), _("Jumlah")), _profile_rows(profile), widths={0: 18, 1: 28}),
        Sheet(_("Perlu perbaikan"), (_("Unsur"), _("Nama unsur"), "NRR"), lowest, widths={1: 44}),
    ])


def ikm_pdf(unit: Unit, start: date, end: date, result: Ikm, profile: dict) -> bytes:
    doc = Document(_("Indeks Kepuasan Masyarakat — %(unit)s") % {"unit": unit.name})
    doc.heading(_("Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)"))
    doc.paragraph(f"{unit.name} — {recap.tanggal(start)} s.d. {recap.tanggal(end)}")
    doc.paragraph(_ikm_line(result))
    doc.table((_("Unsur"), _("Nama unsur"), "NRR"), ikm_rows(result), widths=[0.12, 0.68, 0.2])
    doc.chart(charts.bars(_("Nilai rata-rata per unsur (1–4)"),
                          [(f"{e.code} {_(e.name)}", float(e.nrr)) for e in result.elements if e.nrr is not None],
                          empty=_("Belum ada responden.")))
    doc.heading(_("Unsur yang perlu diperbaiki"))
    doc.table((_("Unsur"), _("Nama unsur"), "NRR"), [(e.code, _(e.name), f"{e.nrr:.2f}") for e in result.lowest()],
              widths=[0.12, 0.68, 0.2])
    doc.heading(_("Profil responden"))
    doc.table((_("Data"), _("Kelompok"), _("Jumlah")), _profile_rows(profile), widths=[0.3, 0.5, 0.2])
    return doc.bytes()


__all__ = ["monthly_xlsx", "monthly_pdf", "annual_xlsx", "annual_pdf", "ikm_xlsx", "ikm_pdf", "introduction"]
