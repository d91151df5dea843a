"""/petugas/catat/: an officer digitises a complaint that arrived off-line (SPEC R3, R4, R5, R8)."""

import secrets

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from aduan.core.access import Ability, filing_units
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import complaint_receive
from aduan.core.actions.events import record_event
from aduan.core.duplicates import possible_duplicates
from aduan.core.enums import EventKind
from aduan.core.errors import ActionError
from aduan.regions.lookups import region as region_by_code
from aduan.regions.timezones import zone_for
from aduan.web.intake_forms import FORM_KINDS, REPORTER_STATUSES, REQUIREMENTS, IntakeForm
from aduan.web.officer.access import allowed_actions
from aduan.web.officer.forms import DeskAnswerForm, ReferForm
from aduan.web.officer.registry import registry_panel
from aduan.web.public_forms import region_initial
from aduan.web.receipts import receipt_facts
from aduan.web.uploads import attachments_save

NOT_AN_OFFICER = REFUSALS[Ability.FILE]
_ACTION_FIELDS = {"reporter.nik": "nik", "reporter.kk": "kk", "reporter.kks": "kks", "location_code": "provinsi"}


@login_required
@require_http_methods(["GET", "POST"])
def catat(request):
    units = filing_units(request.user)
    if not units:
        return HttpResponseForbidden(NOT_AN_OFFICER)
    zone = zone_for(units[0].region_id)

    if request.method == "GET":
        initial = {
            "channel": request.GET.get("saluran", "tatap_muka"), "program": request.GET.get("program", "bpnt"),
            "form_kind": request.GET.get("formulir", "umum"), "unit": request.GET.get("unit", str(units[0].pk)),
            "received_at": timezone.now().astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            "nonce": secrets.token_urlsafe(12),
            # The place the office serves (or the kab/kota of the complaint just filed, for "Catat lagi").
            **region_initial(_known_region(request.GET.get("wilayah")) or units[0].region_id),
        }
        return render(request, "web/intake/catat.html", {"form": IntakeForm(initial=initial, units=units, zone=zone)})

    if "pilih" in request.POST:
        # Without JavaScript, "Pilih" after a region level re-shows the form with the next list.
        initial = {k: v for k, v in request.POST.dict().items() if k != "csrfmiddlewaretoken"}
        form = IntakeForm(initial=initial, units=units, zone=zone)
        return render(request, "web/intake/catat.html", {"form": form, "files_dropped": bool(request.FILES)})
    form = IntakeForm(request.POST, request.FILES, units=units, zone=zone)
    if not form.is_valid():
        return render(request, "web/intake/catat.html", {"form": form, "files_dropped": bool(request.FILES)}, status=400)
    unit = next((u for u in units if str(u.pk) == form.cleaned_data["unit"]), units[0])
    try:
        with transaction.atomic():
            result = complaint_receive(message=form.message(), receiving_unit=unit, actor=request.user)
            if result.created:
                attachments_save(complaint=result.complaint, files=form.checked_files(), uploaded_by=request.user)
                _record_paper_details(result.complaint, request.user, form)
    except ActionError as error:
        form.add_error(_ACTION_FIELDS.get(error.field or "", error.field if error.field in form.fields else None), error.message)
        return render(request, "web/intake/catat.html", {"form": form, "files_dropped": bool(request.FILES)}, status=400)

    data = form.cleaned_data
    region = result.complaint.region_id or ""
    again = (f"?saluran={data['channel']}&program={data['program']}&formulir={data['form_kind']}&unit={unit.pk}"
             f"&wilayah={region[:5]}")
    return render(request, "web/intake/tercatat.html", {
        "complaint": result.complaint, "secret": result.access_secret, "repeated": not result.created, "again": again,
        "attachments": result.complaint.attachments.count(),
        "facts": receipt_facts(result.complaint),
        "unit": unit,
        "short_code": settings.ADUAN["SMS_SHORT_CODE"],
        # The same reporter with a similar text within 30 days: shown now, linked from the complaint's page.
        "duplicates": possible_duplicates(result.complaint, request.user),
        "registry": registry_panel(request.user, result.complaint),
        # Probolinggo 2.4–2.5: settled on the spot, or referred to the sub koordinator.
        "settle": _settle_here(request.user, result.complaint),
    })


def _known_region(code: str | None) -> str | None:
    return code if code and region_by_code(code) is not None else None


def _record_paper_details(complaint, officer, form: IntakeForm) -> None:
    """What the paper form says beyond the complaint itself — which form, the reporter's status,
    which R8 copies were handed over — as an internal note on the timeline."""
    data = form.cleaned_data
    requirements = form.requirements()
    with translation.override(settings.LANGUAGE_CODE):  # the record stays Indonesian whatever the officer reads
        status = str(dict(REPORTER_STATUSES).get(data["reporter_status"], "")) if not data["anonymous"] else ""
        lines = [f"Formulir: {dict(FORM_KINDS)[data['form_kind']]}."]
        if status:
            lines.append(f"Status pelapor: {status}.")
        lines.append("Persyaratan: " + ", ".join(f"{label} {'ada' if requirements[key] else 'tidak ada'}" for key, label in REQUIREMENTS) + ".")
    record_event(
        complaint, EventKind.NOTE, at=timezone.now(), actor=officer, note=" ".join(lines),
        data={"form": data["form_kind"], "reporter_status": data["reporter_status"] if status else "", "requirements": requirements},
    )


def _settle_here(user, complaint) -> set[str]:
    """The desk's two ways to finish with a reporter still there, as far as this complaint admits."""
    settle = allowed_actions(user, complaint) & {DeskAnswerForm.transition, ReferForm.transition}
    if ReferForm.transition in settle and not ReferForm.offered_for(complaint):
        settle.discard(ReferForm.transition)
    return settle
