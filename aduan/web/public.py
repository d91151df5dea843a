"""Public pages: how and where to complain (/) and the complaint form (/lapor/); following one is
aduan/web/lacak.py.

Thin views: parse, throttle, call one action, render. Pages work without JavaScript.
"""

import time

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods

from aduan.core.actions import complaint_receive
from aduan.core.errors import ActionError
from aduan.core.intake import IntakeMessage
from aduan.organisation.models import Unit, UnitKind
from aduan.web import throttle
from aduan.web.lacak import remember_opened
from aduan.web.public_forms import LaporForm, derived_secret, new_form_token, read_form_token
from aduan.web.receipts import receipt_facts
from aduan.web.throttle import TOO_MANY
from aduan.web.uploads import attachments_save

TOO_FAST = gettext_noop("Formulir terkirim terlalu cepat. Periksa isinya sekali lagi, lalu tekan Kirim.")
EXPIRED = gettext_noop("Formulir ini sudah terlalu lama dibuka. Periksa isinya, lalu tekan Kirim sekali lagi.")
REFUSED = gettext_noop("Formulir tidak dapat diproses.")

DINSOS_KINDS = [UnitKind.DINSOS_KABKOTA, UnitKind.DINSOS_PROVINSI]


def home(request):
    national = Unit.objects.filter(kind__in=[UnitKind.ADMIN_UTAMA, UnitKind.KEMENSOS]).order_by("id")
    query = (request.GET.get("dinsos") or "").strip()[:60]
    found = None
    if len(query) >= 3:
        found = list(
            Unit.objects.filter(kind__in=DINSOS_KINDS, is_active=True)
            .filter(Q(name__icontains=query) | Q(region__name__icontains=query))
            .select_related("region", "parent").order_by("kind", "name")[:20]
        )
    return render(request, "web/home.html", {
        "short_code": settings.ADUAN["SMS_SHORT_CODE"], "units": national, "query": query, "found": found,
    })


# --- /lapor/ --------------------------------------------------------------------------------------
def _min_fill_seconds() -> int:
    return settings.ADUAN.get("WEB_MIN_FILL_SECONDS", 3)


@require_http_methods(["GET", "POST"])
def lapor(request):
    if request.method == "GET":
        initial = {"token": new_form_token(), "program": request.GET.get("program", "")}
        return render(request, "web/public/lapor.html", {"form": LaporForm(initial=initial)})

    form = LaporForm(request.POST, request.FILES)
    if "pilih" in request.POST:
        # Without JavaScript, "Pilih" after a region level re-shows the form with the next list.
        return _lapor_again(request, status=200)
    if form.data.get("website"):
        return _lapor_again(request, message=gettext(REFUSED), status=400)
    token = read_form_token(form.data.get("token", ""))
    if token is None:
        return _lapor_again(request, message=gettext(EXPIRED), new_token=True)
    nonce, issued_at = token
    address = throttle.client_address(request)
    # Faster than a person types: a reporter who pasted a prepared text is filed with everything
    # they sent (attachments too); a script sending form after form from one address is not.
    if time.time() - issued_at < _min_fill_seconds() and throttle.check_and_hit("lapor_fast", address):
        return _lapor_again(request, message=gettext(TOO_FAST))
    if throttle.is_limited("lapor", address):
        return _lapor_again(request, message=gettext(TOO_MANY), status=429)
    if not form.is_valid():
        return _lapor_again(request, form)

    message = IntakeMessage(
        channel="web",
        program=form.program_code(),
        text=form.complaint_text(),
        reporter=form.reporter(),
        region_code=form.region_code(),
        location_text=form.location_text_for_complaint(),
        location_needs_review=form.region_code().count(".") < 3,
        external_id=f"web:{nonce}",
        confidential_secret=derived_secret(nonce),
    )
    try:
        with transaction.atomic():
            result = complaint_receive(message=message)
            if result.created:
                attachments_save(complaint=result.complaint, files=form.cleaned_data["lampiran"])
    except ActionError as error:
        form.add_error(_form_field(error.field), error.message)
        return _lapor_again(request, form)

    if result.created:
        throttle.hit("lapor", address)
    complaint = result.complaint
    files = form.cleaned_data["lampiran"]
    secret = derived_secret(nonce)
    remember_opened(request, complaint)  # this browser filed it: it may follow and act on it
    return render(request, "web/public/terima.html", {
        "complaint": complaint, "secret": secret, "repeated": not result.created, "warnings": form.warnings,
        "facts": receipt_facts(complaint),
        "attachments": complaint.attachments.count() if files or not result.created else 0,
    })


def _form_field(action_field: str | None) -> str | None:
    mapping = {"reporter.nik": "nik", "reporter.kks": "kks", "location_code": "provinsi", "text": "text", "program": "program"}
    return mapping.get(action_field or "")


def _lapor_again(request, form=None, *, message: str = "", status: int = 400, new_token: bool = False):
    """The form again with everything typed kept (files cannot be: browsers forbid it). Without a
    form to correct, the same values are shown without error marks."""
    if form is None:
        initial = {k: v for k, v in request.POST.dict().items() if k not in ("website", "csrfmiddlewaretoken")}
        if new_token:
            initial["token"] = new_form_token()
        form = LaporForm(initial=initial)
    return render(request, "web/public/lapor.html", {
        "form": form, "message": message, "files_dropped": bool(request.FILES) and status != 200,
    }, status=status)
