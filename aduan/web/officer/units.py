"""SPEC R31: a unit keeps its own public channels (its Pejabat Pengelola or Administrator edits
them); administrators set many units' at once from a CSV or XLSX file. The same people keep the
unit's letterhead (R23)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aduan.core.access import kept_units, sees_everything
from aduan.letters.models import Letterhead
from aduan.organisation.channels import import_channels, read_rows
from aduan.web.officer.report_forms import ChannelImportForm, UnitChannelsForm


def chosen_unit(request, units: dict):
    """The unit the page is about: the one named (`?unit=`, or the form's), else the first kept;
    None when the user does not keep the one named."""
    code = request.POST.get("unit") or request.GET.get("unit") or next(iter(units))
    return units.get(code)


@login_required
@require_http_methods(["GET", "POST"])
def unit_channels(request):
    units = kept_units(request.user)
    if not units:
        return render(request, "web/officer/unit_channels.html", {"units": {}, "may_import": _may_import(request.user)})
    unit = chosen_unit(request, units)
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


class LetterheadForm(forms.ModelForm):
    class Meta:
        model = Letterhead
        fields = ["logo", "place", "code", "signatory_name", "signatory_title", "signatory_nip"]


@login_required
@require_http_methods(["GET", "POST"])
def letterhead(request):
    """What heads and signs the unit's letters; the name, address and contacts are its channels."""
    units = kept_units(request.user)
    unit = chosen_unit(request, units) if units else None
    if unit is None:
        return HttpResponseForbidden(_("Anda tidak berwenang mengubah kop surat unit ini."))
    head = Letterhead.objects.filter(unit=unit).first() or Letterhead(unit=unit)
    form = LetterheadForm(request.POST or None, request.FILES or None, instance=head)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Kop surat disimpan; surat berikutnya memakainya."))
        return redirect(f"{request.path}?unit={unit.code}")
    return render(request, "web/officer/letterhead.html", {"units": units, "unit": unit, "form": form},
                  status=400 if form.errors else 200)
