"""The beneficiary registry's pages (SPEC R21): a lookup by NIK, KK or KKS number for the officers
whose region holds the record, the administrators' upload of a registry file, imported by a
background task while the page shows its progress and then the summary, and the registry check of
a complaint's reporter that the complaint page and the desk's receipt show (`registry_panel`)."""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from aduan.core.access import Ability, may, may_see_identity
from aduan.core.access.memberships import sees_everything, user_units
from aduan.core.models import Complaint
from aduan.core.numbers import SIXTEEN, digits
from aduan.organisation.models import Role
from aduan.registry import access as registry_access
from aduan.registry.access import lookup
from aduan.registry.busy import RegistryBusy
from aduan.registry.models import ImportJob
from aduan.registry.tasks import run_import

KINDS = [("nik", "NIK"), ("kk", gettext_lazy("Nomor KK")), ("kks", gettext_lazy("Nomor KKS"))]


class LookupForm(forms.Form):
    by = forms.ChoiceField(label=gettext_lazy("Cari dengan"), choices=KINDS)
    nomor = forms.CharField(label=gettext_lazy("Nomor (16 angka)"), max_length=24,
                            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))

    def clean_nomor(self):
        number = digits(self.cleaned_data["nomor"])
        if not SIXTEEN.match(number):
            raise forms.ValidationError(_("Nomor harus 16 angka."))
        return number


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Berkas CSV atau XLSX"), help_text=gettext_lazy(
        "Kolom: nik, no_kk, nama, alamat, kode_desa, program, status, no_kks, bank (huruf besar atau kecil)."))
    source = forms.SlugField(label=gettext_lazy("Sumber"), max_length=40, initial="dtks",
                             help_text=gettext_lazy("mis. dtks, pkh-kemensos"))
    period = forms.CharField(label=gettext_lazy("Periode data (YYYY-MM)"), max_length=7)

    def clean_period(self):
        period = self.cleaned_data["period"].strip()
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
            raise forms.ValidationError(_("Periode harus YYYY-MM, mis. 2026-11."))
        return period


def may_upload(user) -> bool:
    return bool(user.is_staff or sees_everything(user)
                or any(m.role == Role.ADMINISTRATOR for m in user_units(user)))


@login_required
def registry_lookup(request):
    form = LookupForm(request.GET or None)
    records, status = None, 200
    if request.GET and form.is_valid():
        try:
            records = lookup(request.user, by=form.cleaned_data["by"], number=form.cleaned_data["nomor"], where="web")
        except RegistryBusy as busy:
            messages.error(request, busy.message)
            status = 503
    return render(request, "web/officer/registry.html", {"form": form, "records": records,
                                                         "may_upload": may_upload(request.user)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def registry_upload(request):
    if not may_upload(request.user):
        return HttpResponseForbidden(_("Hanya administrator yang dapat mengimpor data penerima."))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = ImportJob.objects.create(user=request.user, file=data["file"], source=data["source"].lower(),
                                       period=data["period"])
        transaction.on_commit(lambda: run_import.enqueue(job.pk))
        return redirect("web:officer:registry_job", job_id=job.pk)
    jobs = ImportJob.objects.filter(user=request.user)[:10]
    return render(request, "web/officer/registry_upload.html", {"form": form, "jobs": jobs},
                  status=400 if form.errors else 200)


@login_required
def registry_job(request, job_id: int):
    job = get_object_or_404(ImportJob, pk=job_id, user=request.user)
    return render(request, "web/officer/registry_job.html", {"job": job, "summary": job.summary})


def registry_panel(user, complaint: Complaint) -> dict | None:
    """What the registry said of the reporter (SPEC R21), for those who may read it; each showing of a
    record is recorded like an identity view."""
    if complaint.anonymous:
        return None
    matches = registry_access.matches_read(user, complaint, where="aduan")
    found = [m for m in matches if m.found]
    numbers = any((complaint.reporter_nik, complaint.reporter_kk, complaint.reporter_kks))
    if not matches and not (numbers and may_see_identity(user, complaint)):
        return None
    return {"matches": matches, "found": found, "checked": bool(matches),
            "may_link": may(user, Ability.CLASSIFY, complaint)}
