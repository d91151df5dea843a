"""A report's figures as labelled lines and tables, read the same way by the spreadsheet, the PDF
and the pages: what each figure is called in Indonesian, in one place."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

HEADLINES = (
    ("received", gettext_noop("Pengaduan diterima")),
    ("closed", gettext_noop("Pengaduan selesai dalam periode")),
    ("closed_within_deadline", gettext_noop("Selesai dalam tenggat")),
    ("overdue_open", gettext_noop("Melewati tenggat, belum dijawab (akhir periode)")),
    ("median_working_days_to_first_answer", gettext_noop("Median hari kerja sampai jawaban pertama")),
)
# SPEC R24: the aid-delivery cases, under the report's "monitoring".
MONITORING = (
    ("opened", gettext_noop("Kasus pemantauan penyaluran dibuka")),
    ("aid_received", gettext_noop("Kasus pemantauan selesai: bantuan diterima")),
    ("open_at_end", gettext_noop("Kasus pemantauan masih terbuka (akhir periode)")),
)
BREAKDOWNS = (
    ("by_program", gettext_noop("Per program")),
    ("by_category_type", gettext_noop("Per jenis kategori")),
    ("by_topic", gettext_noop("Per topik")),
    ("by_channel", gettext_noop("Per saluran")),
    ("by_severity", gettext_noop("Per tingkat (kategori pengaduan)")),
    ("by_status", gettext_noop("Status pada akhir periode")),
    ("by_region", gettext_noop("Per kabupaten/kota")),
)
# The breakdowns drawn as charts, on the pages and in the PDFs alike.
CHARTED = (
    ("by_program", gettext_noop("Per program")),
    ("by_status", gettext_noop("Status pada akhir periode")),
    ("by_topic", gettext_noop("Topik terbanyak")),
    ("by_region", gettext_noop("Per kabupaten/kota")),
)
CHART_ROWS = 10
ATTENTION = (
    ("overdue", gettext_noop("Melewati tenggat")),
    ("escalated", gettext_noop("Dieskalasi dalam periode")),
    ("rebutted_twice", gettext_noop("Disanggah dua kali atau lebih")),
    ("misuse", gettext_noop("Penyalahgunaan bantuan / KKN")),
)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}".replace("%", " %") if whole else "—"


def headline_rows(report: dict) -> list[tuple[str, str]]:
    rows = []
    for key, label in HEADLINES:
        value = report[key]
        if key == "closed_within_deadline":
            value = f"{value} ({share(value, report['closed'])})"
        elif value is None:
            value = "—"
        elif isinstance(value, float):
            value = f"{value:g}".replace(".", ",")
        rows.append((_(label), str(value)))
    for key, label in MONITORING if "monitoring" in report else ():
        rows.append((_(label), str(report["monitoring"][key])))
    return rows


def breakdown_tables(report: dict) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """(title, [(code, name, count)]) for each breakdown, rows with a count only."""
    return [(_(title), [(row["code"], row["name"], row["count"]) for row in report[key] if row["count"]])
            for key, title in BREAKDOWNS]


def attention_tables(report: dict) -> list[tuple[str, int, list[dict]]]:
    attention = report.get("attention") or {}
    return [(_(title), attention[key]["count"], attention[key]["items"]) for key, title in ATTENTION if key in attention]


def chart_tables(report: dict) -> list[tuple[str, list[tuple[str, int]]]]:
    """(title, [(name, count)]) for each charted breakdown: the rows a chart draws, its largest ten."""
    return [(_(title), [(row["name"], row["count"]) for row in report[key] if row["count"]][:CHART_ROWS])
            for key, title in CHARTED]
