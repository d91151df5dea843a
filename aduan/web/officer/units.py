"""SPEC R31: a unit keeps its own public channels (its Pejabat Pengelola or Administrator edits
them); administrators set many units' at once from a CSV or XLSX file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aduan.core.access import kept_units, sees_everything
from aduan.organisation.channels import import_channels, read_rows
from aduan.web.officer.report_forms import ChannelImportForm, UnitChannelsForm


@login_required
@require_http_methods(["GET", "POST"])
def unit_channels(request):
    units = kept_units(request.user)
    if not units:
        return render(request, "web/officer/unit_channels.html", {"units": {}, "may_import": _may_import(request.user)})
    code = request.POST.get("unit") or request.GET.get("unit") or next(iter(units))
    unit = units.get(code)
    if unit is None:
        return HttpResponseForbidden(_("Anda tidak berwenang mengubah kanal unit ini."))
    form = UnitChannelsForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        edited.channels_updated_at = timezone.now()
        edited.save()
        messages.success(request, _("Kanal pengaduan unit disimpan; halaman Kontak menampilkannya."))
        return redirect(f"{request.path}?unit={unit.code}")
    return render(request, "web/officer/unit_channels.html", {
        "units": units, "unit": unit, "form": form, "may_import": _may_import(request.user),
    }, status=400 if form.errors else 200)


def _may_import(user) -> bool:
    return bool(user.is_staff or sees_everything(user))


@login_required
@require_http_methods(["GET", "POST"])
def channel_import(request):
    if not _may_import(request.user):
        return HttpResponseForbidden(_("Hanya administrator yang dapat mengimpor kanal banyak unit."))
    form = ChannelImportForm(request.POST or None, request.FILES or None)
    summary = error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = import_channels(read_rows(upload, upload.name))
        except ValueError as problem:
            error = str(problem)
    return render(request, "web/officer/channel_import.html", {"form": form, "summary": summary, "error": error},
                  status=400 if error else 200)
