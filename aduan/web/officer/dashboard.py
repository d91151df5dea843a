"""The unit's dashboard and its public apologies (SPEC R30): charts drawn on the server, each with
the table behind it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aduan.core.access import user_units
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.organisation.models import Role
from aduan.reports import apologies, charts
from aduan.reports import dashboard as figures
from aduan.reports.summary import share
from aduan.web.officer.meetings import dashboard_panel
from aduan.web.officer.report_forms import ApologyForm
from aduan.web.officer.reports import refused, unit_choice


@login_required
def dashboard(request):
    try:
        unit, units = unit_choice(request)
    except ActionError as error:
        return refused(request, error, "web/officer/dashboard.html", {})
    data = figures.dashboard(unit)
    weeks = [f"{monday:%d/%m}" for monday in data["weeks"]]
    series = [(name, values) for name, values in data["weekly"].items()]
    status_rows = [(_("Belum ditindaklanjuti"), data["status"]["belum"]), (_("Proses"), data["status"]["proses"]),
                   (_("Selesai"), data["status"]["selesai"]), (_("Terlambat"), data["status"]["terlambat"])]
    performance = data["performance"]
    panels = [
        {"title": _("Diterima per minggu, per program"),
         "svg": charts.svg(charts.columns(_("Diterima per minggu, per program"), weeks, series, empty=_("Belum ada data.")),
                           _("Diterima per minggu, per program")),
         "headers": [_("Minggu mulai"), *[name for name, _values in series]],
         "rows": [(week, *[values[i] for _name, values in series]) for i, week in enumerate(weeks)]},
        {"title": _("Status sekarang"), "svg": charts.svg(charts.bars(_("Status sekarang"), status_rows), _("Status sekarang")),
         "headers": [_("Status"), _("Jumlah")], "rows": status_rows},
        {"title": _("Terlambat per unit"),
         "svg": charts.svg(charts.bars(_("Terlambat per unit"), [(name, n) for _code, name, n in data["overdue_by_unit"]],
                                       empty=_("Tidak ada yang terlambat.")), _("Terlambat per unit")),
         "headers": [_("Unit"), _("Terlambat")], "rows": [(name, n) for _code, name, n in data["overdue_by_unit"]]},
        {"title": _("Topik terbanyak (90 hari)"),
         "svg": charts.svg(charts.bars(_("Topik terbanyak (90 hari)"), [(r["name"], r["count"]) for r in data["topics"]]),
                           _("Topik terbanyak (90 hari)")),
         "headers": [_("Topik"), _("Jumlah")], "rows": [(f'{r["code"]} {r["name"]}', r["count"]) for r in data["topics"]]},
        {"title": _("Ketepatan waktu tahun ini"),
         "svg": charts.svg(charts.bars(_("Ketepatan waktu tahun ini"), [(_("Selesai dalam tenggat"), performance["on_time"]),
                                                                       (_("Selesai terlambat"), performance["late"])]),
                           _("Ketepatan waktu tahun ini")),
         "headers": [_("Selesai"), _("Dalam tenggat"), _("Bagian")],
         "rows": [(performance["closed"], performance["on_time"], share(performance["on_time"], performance["closed"]))]},
    ]
    return render(request, "web/officer/dashboard.html", {"unit": unit, "units": units, "panels": panels,
                                                          "ikm": data["ikm"], "status": data["status"],
                                                          "meetings": dashboard_panel(unit)})


def _units_to_apologise_for(user):
    return [m.unit for m in user_units(user) if m.role == Role.PEJABAT_PENGELOLA]


@login_required
def apology_list(request):
    units = _units_to_apologise_for(request.user)
    drafts = [(unit, complaint, ApologyForm(initial={"text": apologies.draft(complaint, unit)}))
              for unit in units for complaint in apologies.late_complaints(unit)[:50]]
    return render(request, "web/officer/apologies.html", {
        "drafts": drafts, "units": units, "published": apologies.published(),
    })


@login_required
@require_POST
def apology_publish(request, tracking: str):
    complaint = get_object_or_404(Complaint, tracking_number=tracking)
    form = ApologyForm(request.POST)
    unit = complaint.holder
    if form.is_valid():
        try:
            apologies.apology_publish(complaint=complaint, unit=unit, actor=request.user, text=form.cleaned_data["text"])
        except ActionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Permintaan maaf diterbitkan di halaman Transparansi."))
    else:
        messages.error(request, _("Teks permintaan maaf tidak boleh kosong."))
    return redirect("web:officer:apologies")
