"""Charts drawn on the server with reportlab.graphics: one Drawing, embedded as itself in the PDFs
and as an SVG image in the pages (scaled to the screen, readable at 360 px). No JavaScript,
no CDN; each chart on a page sits beside the table behind it."""

import base64
from html import escape

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

INK = colors.HexColor("#1f2d3d")
BAR = colors.HexColor("#1565c0")
SECOND = colors.HexColor("#ef6c00")
THIRD = colors.HexColor("#2e7d32")
SERIES = (BAR, SECOND, THIRD, colors.HexColor("#6a1b9a"), colors.HexColor("#00838f"))
WIDTH = 420
LABEL_CHARS = 28


def _label(text: str) -> str:
    text = str(text)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _empty(title: str, message: str) -> Drawing:
    drawing = Drawing(WIDTH, 60)
    drawing.add(String(0, 44, title, fontName="Helvetica-Bold", fontSize=11, fillColor=INK))
    drawing.add(String(0, 20, message, fontName="Helvetica", fontSize=10, fillColor=INK))
    return drawing


def bars(title: str, rows: list[tuple[str, float]], *, empty: str = "Belum ada data.") -> Drawing:
    """Horizontal bars, one per row, largest first as given; a label wide enough to read."""
    if not rows or not any(value for _label_text, value in rows):
        return _empty(title, empty)
    row_height = 18
    height = 40 + row_height * len(rows)
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 14, title, fontName="Helvetica-Bold", fontSize=11, fillColor=INK))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 10
    chart.width, chart.height = WIDTH - 190, row_height * len(rows)
    chart.data = [[value for _label_text, value in reversed(rows)]]
    chart.categoryAxis.categoryNames = [_label(name) for name, _value in reversed(rows)]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%s"
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def columns(title: str, labels: list[str], series: list[tuple[str, list[float]]], *,
            empty: str = "Belum ada data.") -> Drawing:
    """Vertical columns per label (weeks, months), one colour per series, with a legend."""
    if not labels or not any(any(values) for _name, values in series):
        return _empty(title, empty)
    height = 220
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 14, title, fontName="Helvetica-Bold", fontSize=11, fillColor=INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 44
    chart.width, chart.height = WIDTH - 50, height - 90
    chart.data = [values for _name, values in series]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    for index in range(len(series)):
        chart.bars[index].fillColor = SERIES[index % len(SERIES)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    x = 36
    for index, (name, _values) in enumerate(series):
        drawing.add(String(x, height - 30, f"■ {name}", fontName="Helvetica", fontSize=8,
                           fillColor=SERIES[index % len(SERIES)]))
        x += 12 + 5 * len(name)
    return drawing


def svg(drawing: Drawing, description: str = "") -> str:
    """The drawing as an <img> of its SVG, scaled to its container by CSS (.chart): as an image its
    own styles stay inside it, so the pages' Content-Security-Policy needs no inline styles."""
    markup = renderSVG.drawToString(drawing)
    markup = markup[markup.index("<svg"):].replace("<title>...</title>", f"<title>{escape(description)}</title>", 1)
    encoded = base64.b64encode(markup.encode("utf-8")).decode("ascii")
    return (f'<img class="chart" src="data:image/svg+xml;base64,{encoded}" alt="{escape(description, quote=True)}" '
            f'width="{drawing.width:g}" height="{drawing.height:g}">')
