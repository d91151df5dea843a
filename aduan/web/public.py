"""Public pages: how and where to complain (/), the complaint form (/lapor/), following one (/lacak/).

Thin views: parse, throttle, call one action, render. Pages work without JavaScript.
"""

import time

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

from aduan.core.access import reporter
from aduan.core.actions import complaint_rate, complaint_rebut, complaint_receive
from aduan.core.enums import EventKind, Status
from aduan.core.errors import ActionError
from aduan.core.intake import IntakeMessage
from aduan.core.models import Complaint
from aduan.core.privacy import mask_email, mask_phone, scrub
from aduan.core.tracking import normalize_tracking_number
from aduan.notifications.dispatch import send_reporter_code
from aduan.organisation.models import Unit, UnitKind
from aduan.regions.timezones import ABBREVIATIONS
from aduan.web import throttle
from aduan.web.public_forms import (
    LacakForm,
    LaporForm,
    RateForm,
    RebutForm,
    derived_secret,
    new_form_token,
    read_form_token,
)
from aduan.web.uploads import attachments_save

TOO_MANY = gettext_noop("Terlalu banyak percobaan dari jaringan Anda. Tunggu beberapa menit lalu coba lagi.")
TOO_FAST = gettext_noop("Formulir terkirim terlalu cepat. Periksa isinya sekali lagi, lalu tekan Kirim.")
EXPIRED = gettext_noop("Formulir ini sudah terlalu lama dibuka. Periksa isinya, lalu tekan Kirim sekali lagi.")
REFUSED = gettext_noop("Formulir tidak dapat diproses.")
NOT_FOUND = gettext_noop("Nomor pengaduan tidak ditemukan. Periksa lagi: 10 huruf/angka, mis. ABCDE-23456.")
SECRET_NEEDED = gettext_noop("Pengaduan ini rahasia. Masukkan kode rahasia 6 angka yang Anda terima saat melapor.")
SECRET_WRONG = gettext_noop("Kode tidak cocok. Periksa tanda terima, atau minta kode baru dikirim ke HP/email Anda.")
CODE_SENT = gettext_noop("Kode dikirim ke %(where)s. Berlaku 30 menit.")
CODE_NO_CONTACT = gettext_noop("Pengaduan ini tidak mencatat nomor HP atau email. Gunakan kode rahasia dari tanda terima, "
                               "atau datang ke kantor Dinas Sosial dengan nomor pengaduan.")
CODE_TOO_OFTEN = gettext_noop("Kode sudah dikirim beberapa kali. Tunggu sebentar, lalu minta lagi.")
REBUTTED = gettext_noop("Sanggahan Anda sudah dicatat. Petugas akan menindaklanjuti lagi.")
RATED = gettext_noop("Terima kasih atas penilaian Anda.")

DINSOS_KINDS = [UnitKind.DINSOS_KABKOTA, UnitKind.DINSOS_PROVINSI]
# Internal bookkeeping the reporter has no use for (officers' notes, deadline warnings).
HIDDEN_EVENTS = {EventKind.NOTE, EventKind.WARNED}
_SESSION_KEY = "lacak_opened"  # complaints this browser proved to be the reporter of


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
    if time.time() - issued_at < _min_fill_seconds():
        return _lapor_again(request, message=gettext(TOO_FAST))
    address = throttle.client_address(request)
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
    secret = derived_secret(nonce)
    _remember_opened(request, complaint)  # this browser filed it: it may follow and act on it
    return render(request, "web/public/terima.html", {
        "complaint": complaint, "secret": secret, "repeated": not result.created, "warnings": form.warnings,
        "attachments": complaint.attachments.count(),
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


# --- /lacak/ --------------------------------------------------------------------------------------
def _opened(request) -> list[str]:
    return request.session.get(_SESSION_KEY, [])


def _remember_opened(request, complaint: Complaint) -> None:
    opened = [n for n in _opened(request) if n != complaint.tracking_number][-9:]
    request.session[_SESSION_KEY] = opened + [complaint.tracking_number]


def _proven(request, complaint: Complaint) -> bool:
    return complaint.tracking_number in _opened(request)


def _may_open(request, complaint: Complaint) -> bool:
    return not complaint.confidential or _proven(request, complaint)


def _prove(request, complaint: Complaint, code: str) -> bool:
    """Is `code` the reporter's proof? Wrong tries count per client and per complaint; once the
    complaint's count is used up its secret is not tried any more, but a one-time code still is."""
    address = throttle.client_address(request)
    if throttle.is_limited("code_client", address):
        return False
    secret_open = not throttle.is_limited("secret", complaint.tracking_number)
    if (secret_open and reporter.secret_is_right(complaint, code)) or reporter.one_time_code_is_right(complaint, code):
        _remember_opened(request, complaint)
        return True
    throttle.hit("secret", complaint.tracking_number)
    throttle.hit("code_client", address)
    return False


@require_http_methods(["GET", "POST"])
def lacak(request):
    form = LacakForm(request.POST or None, initial={"nomor": request.GET.get("nomor", "")})
    if request.method == "GET" or not form.is_valid():
        return render(request, "web/public/lacak.html", {"form": form}, status=200 if request.method == "GET" else 400)

    address = throttle.client_address(request)
    if throttle.is_limited("lacak", address):
        return render(request, "web/public/lacak.html", {"form": form, "message": gettext(TOO_MANY)}, status=429)
    number = normalize_tracking_number(form.cleaned_data["nomor"])
    complaint = Complaint.objects.filter(tracking_number=number).first() if number else None
    if complaint is None:
        throttle.hit("lacak", address)
        return render(request, "web/public/lacak.html", {"form": form, "message": gettext(NOT_FOUND)}, status=404)
    if complaint.confidential and not _may_open(request, complaint):
        secret = form.cleaned_data["rahasia"]
        if not secret:
            return render(request, "web/public/lacak.html", {"form": form, "message": gettext(SECRET_NEEDED), "ask_secret": True}, status=403)
        if not _prove(request, complaint, secret):
            return render(request, "web/public/lacak.html", {"form": form, "message": gettext(SECRET_WRONG), "ask_secret": True,
                                                             "complaint": complaint}, status=403)
    elif form.cleaned_data["rahasia"]:
        _prove(request, complaint, form.cleaned_data["rahasia"])  # a reporter proving it up front
    return redirect("web:lacak_detail", nomor=complaint.tracking_number)


def _complaint_or_lookup(request, nomor: str):
    """(complaint, None) when this browser may read it, else (None, the lookup page to show)."""
    address = throttle.client_address(request)
    if throttle.is_limited("lacak", address):
        return None, render(request, "web/public/lacak.html", {"form": LacakForm(), "message": gettext(TOO_MANY)}, status=429)
    number = normalize_tracking_number(nomor)
    complaint = (
        Complaint.objects.select_related("program", "region", "handling_unit").filter(tracking_number=number).first()
        if number else None
    )
    if complaint is None:
        throttle.hit("lacak", address)
        return None, render(request, "web/public/lacak.html", {"form": LacakForm(initial={"nomor": nomor}), "message": gettext(NOT_FOUND)}, status=404)
    if not _may_open(request, complaint):
        form = LacakForm(initial={"nomor": complaint.tracking_number})
        return None, render(request, "web/public/lacak.html", {"form": form, "message": gettext(SECRET_NEEDED), "ask_secret": True,
                                                                "complaint": complaint}, status=403)
    return complaint, None


def public_timeline(complaint: Complaint) -> list[dict]:
    """What the reporter may read: the kind, when, the public note — no internal notes, no names."""
    zone = complaint.local_zone
    rows = []
    for event in complaint.events.exclude(kind__in=HIDDEN_EVENTS).select_related("to_unit"):
        rows.append({
            "label": EventKind(event.kind).label,
            "at": event.at.astimezone(zone),
            "note": event.public_note,
            "unit": event.to_unit.name if event.kind in (EventKind.DISPOSED, EventKind.ESCALATED) and event.to_unit else "",
            "rating": event.data.get("rating") if event.kind == EventKind.RATED else None,
            "kind": event.kind,
        })
    return rows


def _detail(request, complaint: Complaint, *, rebut_form=None, rate_form=None, message: str = "", status: int = 200):
    now = timezone.now()
    can_rebut = complaint.status == Status.PROSES and complaint.closure_due_at is not None and now < complaint.closure_due_at
    can_rate = complaint.status == Status.SELESAI and complaint.rating is None
    needs_code = not _proven(request, complaint)
    return render(request, "web/public/lacak_detail.html", {
        "complaint": complaint,
        "text": scrub(complaint.text),
        "timeline": public_timeline(complaint),
        "zone_abbr": ABBREVIATIONS.get(str(complaint.local_zone), ""),
        "received_at": complaint.received_at.astimezone(complaint.local_zone),
        "closure_due_at": complaint.closure_due_at.astimezone(complaint.local_zone) if complaint.closure_due_at else None,
        "rebut_form": (rebut_form or RebutForm(needs_code=needs_code)) if can_rebut else None,
        "rate_form": (rate_form or RateForm(needs_code=needs_code)) if can_rate else None,
        "offer_code": needs_code and (can_rebut or can_rate) and reporter.contact_for_code(complaint) is not None,
        "message": message,
    }, status=status)


@require_http_methods(["GET"])
def lacak_detail(request, nomor: str):
    complaint, refusal = _complaint_or_lookup(request, nomor)
    if refusal:
        return refusal
    done = {"sanggah": gettext(REBUTTED), "nilai": gettext(RATED)}.get(request.GET.get("ok", ""), "")
    return _detail(request, complaint, message=done)


@require_POST
def sanggah(request, nomor: str):
    complaint, refusal = _complaint_or_lookup(request, nomor)
    if refusal:
        return refusal
    form = RebutForm(request.POST, needs_code=not _proven(request, complaint))
    if not form.is_valid():
        return _detail(request, complaint, rebut_form=form, status=400)
    if form.needs_code and not _prove(request, complaint, form.cleaned_data["kode"]):
        form.add_error("kode", gettext(SECRET_WRONG))
        return _detail(request, complaint, rebut_form=form, status=403)
    try:
        complaint_rebut(complaint=complaint, text=form.cleaned_data["text"])
    except ActionError as error:
        return _detail(request, complaint, message=error.message, status=409)
    return redirect(reverse("web:lacak_detail", args=[complaint.tracking_number]) + "?ok=sanggah")


@require_POST
def nilai(request, nomor: str):
    complaint, refusal = _complaint_or_lookup(request, nomor)
    if refusal:
        return refusal
    form = RateForm(request.POST, needs_code=not _proven(request, complaint))
    if not form.is_valid():
        return _detail(request, complaint, rate_form=form, status=400)
    if form.needs_code and not _prove(request, complaint, form.cleaned_data["kode"]):
        form.add_error("kode", gettext(SECRET_WRONG))
        return _detail(request, complaint, rate_form=form, status=403)
    try:
        complaint_rate(complaint=complaint, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"])
    except ActionError as error:
        return _detail(request, complaint, message=error.message, status=409)
    return redirect(reverse("web:lacak_detail", args=[complaint.tracking_number]) + "?ok=nilai")


@require_POST
def kirim_kode(request, nomor: str):
    """Send a one-time code to the reporter's own phone or email (never shown on the page). Works
    for a confidential complaint too, whose page the browser cannot open yet."""
    number = normalize_tracking_number(nomor)
    complaint = Complaint.objects.filter(tracking_number=number).first() if number else None
    address = throttle.client_address(request)
    if complaint is None or throttle.is_limited("lacak", address):
        throttle.hit("lacak", address)
        return render(request, "web/public/lacak.html", {"form": LacakForm(initial={"nomor": nomor}), "message": gettext(NOT_FOUND)}, status=404)
    contact = reporter.contact_for_code(complaint)
    lookup = LacakForm(initial={"nomor": complaint.tracking_number})
    if contact is None:
        return render(request, "web/public/lacak.html", {"form": lookup, "message": gettext(CODE_NO_CONTACT), "ask_secret": True}, status=409)
    if throttle.check_and_hit("code_sent", complaint.tracking_number):
        return render(request, "web/public/lacak.html", {"form": lookup, "message": gettext(CODE_TOO_OFTEN), "ask_secret": True}, status=429)
    transport, recipient = contact
    with transaction.atomic():
        code = reporter.one_time_code_issue(complaint=complaint)
        send_reporter_code(complaint=complaint, transport=transport, recipient=recipient, code=code)
    where = mask_phone(recipient) if transport == "sms" else mask_email(recipient)
    return render(request, "web/public/lacak.html", {
        "form": lookup, "message": gettext(CODE_SENT) % {"where": where}, "ask_secret": True, "code_sent": True,
    })
