"""The report pages (SPEC R22, R27–R29): the monthly and annual reports, the IKM, the register
book and the paper questionnaires. Each page shows the figures with the charts and tables behind
them, and offers the same report as XLSX and PDF; the numbers come from aduan.reports."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aduan.core.access import may_keep_unit
from aduan.core.enums import Channel, Status
from aduan.core.errors import ActionError
from aduan.regions.timezones import zone_for
from aduan.reports import charts, figures, scope, service
from aduan.reports.models import ReportText
from aduan.reports.periods import Period
from aduan.reports.recap import MONTHS, REGISTER_HEADERS, register_rows
from aduan.reports.summary import attention_tables, breakdown_tables, chart_tables, headline_rows
from aduan.surveys.actions import survey_record
from aduan.surveys.models import Source
from aduan.taxonomy import lookups as taxonomy
from aduan.web import exports
from aduan.web.officer.report_forms import PaperSurveyForm, ReportTextForm

# More units than this and the unit box is a code field: a national list is 1,600 units long.
UNIT_SELECT_LIMIT = 300


def unit_choice(request):
    """The unit asked for, and the units to choose from (None: type a code)."""
    unit = service.unit_for(request.user, request.GET.get("unit") or None)
    units = scope.reportable_units(request.user)
    count = units.count()
    return unit, (list(units.only("code", "name").order_by("name")) if count <= UNIT_SELECT_LIMIT else None)


def refused(request, error: ActionError, template: str, context: dict):
    status = 403 if error.code == "forbidden" else 400
    return render(request, template, {**context, "error": error.message}, status=status)


def _charts(report: dict) -> list[dict]:
    return [{"title": title, "svg": charts.svg(charts.bars(title, rows, empty=_("Belum ada data.")), title), "rows": rows}
            for title, rows in chart_tables(report)]


def _downloads(request, **extra) -> list[tuple[str, str]]:
    query = request.GET.copy()
    links = []
    for fmt, label in (("xlsx", "XLSX"), ("pdf", "PDF")):
        query["format"] = fmt
        for key, value in extra.items():
            query[key] = value
        links.append((label, f"?{query.urlencode()}"))
    return links


@login_required
def monthly(request):
    today = timezone.localdate()
    month_text = request.GET.get("month") or f"{today:%Y-%m}"
    context = {"month": month_text}
    try:
        year, month = service.parse_month(month_text)
        unit, units = unit_choice(request)
        fmt = service.check_format(request.GET.get("format"))
    except ActionError as error:
        return refused(request, error, "web/officer/report_monthly.html", context)
    if fmt != "json":
        return exports.file_response(service.monthly(unit, year, month, fmt))
    report = figures.monthly(unit, year, month)
    return render(request, "web/officer/report_monthly.html", {
        **context, "unit": unit, "units": units, "report": report, "period": f"{MONTHS[month - 1]} {year}",
        "headlines": headline_rows(report), "breakdowns": breakdown_tables(report),
        "attention": attention_tables(report), "charts": _charts(report), "downloads": _downloads(request),
    })


@login_required
@require_http_methods(["GET", "POST"])
def annual(request):
    year_text = request.GET.get("year") or str(timezone.localdate().year)
    context = {"year": year_text}
    try:
        year = service.parse_year(year_text)
        unit, units = unit_choice(request)
        fmt = service.check_format(request.GET.get("format"))
    except ActionError as error:
        return refused(request, error, "web/officer/report_annual.html", context)
    may_edit = may_keep_unit(request.user, unit)
    text_form = ReportTextForm(request.POST or None, initial={"introduction": service.documents.introduction(unit, year)})
    if request.method == "POST":
        if not may_edit:
            return HttpResponseForbidden(_("Hanya Pejabat Pengelola atau Administrator unit ini yang dapat mengubahnya."))
        if text_form.is_valid():
            ReportText.objects.update_or_create(unit=unit, year=year, defaults={
                "introduction": text_form.cleaned_data["introduction"], "updated_by": request.user})
            messages.success(request, _("Pendahuluan laporan disimpan."))
            return redirect(f"{reverse('web:officer:report_annual')}?year={year}&unit={unit.code}")
    if fmt != "json":
        rows = figures.Subject.of(unit, Period.year(year)).received.count()
        return exports.send_or_start(request, "annual", {"unit": unit.code, "year": year, "format": fmt}, rows)
    report = figures.annual(unit, year)
    return render(request, "web/officer/report_annual.html", {
        **context, "unit": unit, "units": units, "report": report, "headlines": headline_rows(report),
        "breakdowns": breakdown_tables(report), "charts": _charts(report), "downloads": _downloads(request),
        "months_svg": charts.svg(charts.columns(_("Pengaduan per bulan"), [m["month"][5:] for m in report["by_month"]], [
            (_("Diterima"), [m["received"] for m in report["by_month"]]),
            (_("Selesai"), [m["closed"] for m in report["by_month"]])]), _("Pengaduan per bulan")),
        "may_edit": may_edit, "text_form": text_form,
    })


@login_required
def ikm(request):
    context = {"start": request.GET.get("from", ""), "end": request.GET.get("to", "")}
    try:
        unit, units = unit_choice(request)
        first, last = service.ikm_period(request.GET.get("from") or None, request.GET.get("to") or None)
        fmt = service.check_format(request.GET.get("format"))
    except ActionError as error:
        return refused(request, error, "web/officer/report_ikm.html", context)
    if fmt != "json":
        return exports.file_response(service.ikm_file(unit, first, last, fmt))
    result, profile = service.ikm(unit, first, last)
    rows = [(f"{e.code} {_(e.name)}", float(e.nrr)) for e in result.elements if e.nrr is not None]
    return render(request, "web/officer/report_ikm.html", {
        "unit": unit, "units": units, "start": first.isoformat(), "end": last.isoformat(), "result": result,
        "profile": profile, "downloads": _downloads(request, **{"from": first.isoformat(), "to": last.isoformat()}),
        "svg": charts.svg(charts.bars(_("NRR per unsur (1–4)"), rows, empty=_("Belum ada responden.")), "NRR"),
    })


REGISTER_PER_PAGE = 50


@login_required
def register(request):
    year_text = request.GET.get("year") or str(timezone.localdate().year)
    context = {"year": year_text, "channels": Channel.choices, "statuses": Status.choices,
               "programs": taxonomy.active_programs(), "months": list(enumerate(MONTHS, start=1)),
               "params": request.GET}
    try:
        year = service.parse_year(year_text)
        unit, units = unit_choice(request)
    except ActionError as error:
        return refused(request, error, "web/officer/register.html", context)
    params = {key: request.GET.get(key, "") for key in ("status", "program", "channel", "month")}
    complaints = exports.register_complaints(unit, year, params)
    if request.GET.get("format") == "xlsx":
        return exports.send_or_start(request, "register", {**params, "unit": unit.code, "year": year, "format": "xlsx"},
                                     complaints.count())
    page = Paginator(complaints.order_by("register_seq"), REGISTER_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return render(request, "web/officer/register.html", {
        **context, "unit": unit, "units": units, "page": page, "headers": REGISTER_HEADERS,
        "rows": list(register_rows(complaints.filter(pk__in=[c.pk for c in page.object_list]))),
        "xlsx": f"?{query.urlencode()}",
    })


@login_required
@require_http_methods(["GET", "POST"])
def survey_entry(request):
    """Paper questionnaires typed in, one after another: the unit and date stay for the next one."""
    units = scope.reportable_units(request.user)
    form = PaperSurveyForm(request.POST or None, units=units, initial={
        "unit": request.GET.get("unit") or getattr(scope.default_unit(request.user), "code", ""),
        "received_on": request.GET.get("tanggal") or timezone.localdate().isoformat()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = service.unit_for(request.user, data["unit"])
            received_at = datetime.combine(data["received_on"], time(12), tzinfo=zone_for(unit.region_id))
            survey_record(unit=unit, scores=form.scores_of(data), respondent=form.respondent_of(data),
                          source=Source.PAPER, received_at=min(received_at, timezone.now()), entered_by=request.user)
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Kuesioner disimpan. Isi kuesioner berikutnya."))
            return redirect(f"{reverse('web:officer:survey_entry')}?unit={unit.code}&tanggal={data['received_on']}")
    return render(request, "web/officer/survey_entry.html", {"form": form}, status=400 if form.errors else 200)
