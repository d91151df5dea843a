"""/lacak/: following a complaint by its number, and — for its reporter only — rebutting the
answer, rating the handling, asking for a one-time code (aduan.core.access.reporter).

Thin views: parse, throttle, prove, call one action, render. Pages work without JavaScript.
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

from aduan.core.access import reporter
from aduan.core.actions import complaint_rebut
from aduan.core.enums import EventKind, Status
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.core.privacy import mask_contact, scrub
from aduan.core.tracking import normalize_tracking_number
from aduan.notifications.dispatch import send_reporter_code
from aduan.regions.timezones import ABBREVIATIONS
from aduan.surveys.actions import survey_record
from aduan.surveys.models import Source
from aduan.web import throttle
from aduan.web.public_forms import LacakForm, RebutForm, SurveyForm
from aduan.web.receipts import receipt_facts
from aduan.web.throttle import TOO_MANY
from aduan.web.timeline import public_note

NOT_FOUND = gettext_noop("Nomor pengaduan tidak ditemukan. Periksa lagi: 10 huruf/angka, mis. ABCDE-23456.")
SECRET_NEEDED = gettext_noop("Pengaduan ini rahasia. Masukkan kode rahasia 6 angka yang Anda terima saat melapor.")
SECRET_WRONG = gettext_noop("Kode tidak cocok. Periksa tanda terima, atau minta kode baru dikirim ke HP/email Anda.")
CODE_SENT = gettext_noop("Kode dikirim ke %(where)s. Berlaku 30 menit.")
CODE_NO_CONTACT = gettext_noop("Pengaduan ini tidak mencatat nomor HP atau email. Gunakan kode rahasia dari tanda terima, "
                               "atau datang ke kantor Dinas Sosial dengan nomor pengaduan.")
CODE_TOO_OFTEN = gettext_noop("Kode sudah dikirim beberapa kali. Tunggu sebentar, lalu minta lagi.")
REBUTTED = gettext_noop("Sanggahan Anda sudah dicatat. Petugas akan menindaklanjuti lagi.")
RATED = gettext_noop("Terima kasih atas penilaian Anda.")
# Internal bookkeeping the reporter has no use for (officers' notes, deadline warnings).
# Internal: notes, warnings, who in the unit works on it, stage ticks, the district's answer.
HIDDEN_EVENTS = {EventKind.NOTE, EventKind.WARNED, EventKind.ASSIGNED, EventKind.STAGE_DONE, EventKind.DISTRICT_ANSWERED}
_SESSION_KEY = "lacak_opened"  # complaints this browser proved to be the reporter of


def _opened(request) -> list[str]:
    return request.session.get(_SESSION_KEY, [])


def remember_opened(request, complaint: Complaint) -> None:
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
        remember_opened(request, complaint)
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
            "note": public_note(event),
            "unit": event.to_unit.name if event.kind in (EventKind.DISPOSED, EventKind.ESCALATED) and event.to_unit else "",
            "rating": event.data.get("rating") if event.kind == EventKind.RATED else None,
            "kind": event.kind,
        })
    return rows


def _detail(request, complaint: Complaint, *, rebut_form=None, rate_form=None, message: str = "", status: int = 200):
    now = timezone.now()
    can_rebut = complaint.status == Status.PROSES and complaint.closure_due_at is not None and now < complaint.closure_due_at
    # The IKM questionnaire replaced the single 1–5 rating; a complaint rated either way is rated.
    can_rate = complaint.status == Status.SELESAI and complaint.rating is None and not complaint.surveys.exists()
    needs_code = not _proven(request, complaint)
    return render(request, "web/public/lacak_detail.html", {
        "complaint": complaint,
        "text": scrub(complaint.text),
        "timeline": public_timeline(complaint),
        "facts": receipt_facts(complaint),
        "zone_abbr": ABBREVIATIONS.get(str(complaint.local_zone), ""),
        "received_at": complaint.received_at.astimezone(complaint.local_zone),
        "closure_due_at": complaint.closure_due_at.astimezone(complaint.local_zone) if complaint.closure_due_at else None,
        "rebut_form": (rebut_form or RebutForm(needs_code=needs_code)) if can_rebut else None,
        "rate_form": (rate_form or SurveyForm(needs_code=needs_code)) if can_rate else None,
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


def _as_reporter(request, nomor: str, form_class, form_name: str, perform, done: str):
    """Rebut or rate: the form, the reporter's proof (unless this browser gave it already), one
    action, back to the page. A wrong code keeps what was typed."""
    complaint, refusal = _complaint_or_lookup(request, nomor)
    if refusal:
        return refusal
    form = form_class(request.POST, needs_code=not _proven(request, complaint))
    if not form.is_valid():
        return _detail(request, complaint, status=400, **{form_name: form})
    if form.needs_code and not _prove(request, complaint, form.cleaned_data["kode"]):
        form.add_error("kode", gettext(SECRET_WRONG))
        return _detail(request, complaint, status=403, **{form_name: form})
    try:
        perform(complaint, form.cleaned_data)
    except ActionError as error:
        return _detail(request, complaint, message=error.message, status=409)
    return redirect(reverse("web:lacak_detail", args=[complaint.tracking_number]) + f"?ok={done}")


@require_POST
def sanggah(request, nomor: str):
    return _as_reporter(request, nomor, RebutForm, "rebut_form", done="sanggah",
                        perform=lambda complaint, data: complaint_rebut(complaint=complaint, text=data["text"]))


@require_POST
def nilai(request, nomor: str):
    return _as_reporter(request, nomor, SurveyForm, "rate_form", done="nilai", perform=lambda complaint, data: survey_record(
        unit=None, complaint=complaint, scores=SurveyForm.scores_of(data), respondent=SurveyForm.respondent_of(data),
        source=Source.LACAK, comment=data["comment"]))


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
    return render(request, "web/public/lacak.html", {
        "form": lookup, "message": gettext(CODE_SENT) % {"where": mask_contact(recipient)}, "ask_secret": True, "code_sent": True,
    })
