"""The complaint page: header, timeline, reporter, attachments, stages, and one form per action.

GET shows the page. Each action POSTs to its own URL, runs one action, and redirects back with a
message (PRG); on error the page is shown again with what was typed and the error, status 400.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from aduan.core import privacy
from aduan.core.access import (
    NotAllowed,
    complaints_visible_to,
    may_download,
    may_resend_messages,
    may_see_identity,
    readable_text,
    record_identity_view,
)
from aduan.core.due_dates import working_calendar
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.core.tracking import normalize_tracking_number
from aduan.letters.issuing import letter_download
from aduan.notifications.dispatch import notification_resend
from aduan.notifications.models import DeliveryStatus
from aduan.registry import access as registry_access
from aduan.registry import matching
from aduan.web.officer import access, casework, letters, monitoring, registry
from aduan.web.officer.forms import ACTION_FORMS, BY_SLUG, ClassifyForm

PAGE_COLUMNS = ("program", "topic", "category_type", "policy", "region__parent__parent__parent",
                "receiving_unit", "handling_unit", "assigned_to", "filed_by", "announced_to")


def visible_complaint(user, tracking: str) -> Complaint:
    number = normalize_tracking_number(tracking)
    complaint = number and complaints_visible_to(user).select_related(*PAGE_COLUMNS).filter(tracking_number=number).first()
    if not complaint:
        raise Http404
    return complaint


@login_required
def complaint_page(request, tracking: str):
    complaint = visible_complaint(request.user, tracking)
    if complaint.tracking_number != tracking:
        return redirect("web:officer:complaint", tracking=complaint.tracking_number)
    return _render(request, complaint)


@login_required
@require_POST
def complaint_action(request, tracking: str, slug: str):
    complaint = visible_complaint(request.user, tracking)
    form_class = BY_SLUG.get(slug)
    if form_class is None:
        raise Http404
    # Only the role is checked here: a state the page did not expect (another officer acted in the
    # meantime) is the action's to refuse, and the officer reads why next to the form.
    if not access.role_allows(request.user, form_class.transition, complaint):
        raise PermissionDenied
    form = form_class(request.POST, complaint=complaint, user=request.user)
    message = form.submit()
    if message is None:
        return _render(request, complaint, bound=form, status=400)
    messages.success(request, message)
    return redirect("web:officer:complaint", tracking=complaint.tracking_number)


@login_required
def attachment_download(request, tracking: str, attachment_id: int):
    """Attachments carry personal data: served only to those who may see the complaint."""
    complaint = visible_complaint(request.user, tracking)
    attachment = get_object_or_404(complaint.attachments, pk=attachment_id)
    if not may_download(user=request.user, complaint=complaint, where="web"):
        raise PermissionDenied
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                        content_type=attachment.content_type or "application/octet-stream")


@login_required
@require_POST
def casework_action(request, tracking: str, slug: str):
    """A form of the case-work panel (aduan/web/officer/casework.py)."""
    complaint = visible_complaint(request.user, tracking)
    form_class = casework.BY_SLUG.get(slug)
    if form_class is None:
        raise Http404
    if not casework.may(request.user, form_class.needs, complaint):
        raise PermissionDenied
    form = form_class(request.POST, complaint=complaint, user=request.user)
    try:
        message = form.submit()
    except NotAllowed:
        raise PermissionDenied from None
    if message is None:
        return _render(request, complaint, casework_form=form, status=400)
    messages.success(request, message)
    return redirect("web:officer:complaint", tracking=complaint.tracking_number)


@login_required
@require_POST
def registry_link(request, tracking: str, match_id: int):
    """The officer confirms the reporter is the person the registry check found (SPEC R21)."""
    complaint = visible_complaint(request.user, tracking)
    match = get_object_or_404(complaint.registry_matches, pk=match_id)
    if match not in registry_access.matches_visible_to(request.user, complaint):
        raise PermissionDenied
    try:
        matching.match_link(match=match, actor=request.user)
    except NotAllowed:
        raise PermissionDenied from None
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Pelapor ditautkan ke data penerima."))
    return redirect("web:officer:complaint", tracking=complaint.tracking_number)


@login_required
@require_POST
def registry_recheck(request, tracking: str):
    """Look the reporter up again (a newer registry file may have arrived since the complaint was filed)."""
    complaint = visible_complaint(request.user, tracking)
    try:
        matching.match_refresh(complaint=complaint, actor=request.user)
    except NotAllowed:
        raise PermissionDenied from None
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Data penerima diperiksa ulang."))
    return redirect(f"{reverse('web:officer:complaint', kwargs={'tracking': complaint.tracking_number})}#registri")


@login_required
@require_POST
def letter_issue(request, tracking: str):
    """Issue one of the complaint's letters (SPEC R23); its PDF is kept for every reprint."""
    complaint = visible_complaint(request.user, tracking)
    form = letters.issue(request, complaint)
    if form is not None:
        return _render(request, complaint, letter_form=form, status=400)
    return redirect(f"{reverse('web:officer:complaint', kwargs={'tracking': complaint.tracking_number})}#surat")


@login_required
@require_POST
def monitoring_open(request, tracking: str):
    """Follow the reporter's family until the aid arrives (SPEC R24)."""
    return monitoring.open_from_complaint(request, visible_complaint(request.user, tracking))


@login_required
def letter_pdf(request, tracking: str, letter_id: int):
    return letter_download(request.user, visible_complaint(request.user, tracking), letter_id)


def _render(request, complaint: Complaint, *, bound=None, status: int = 200, casework_form=None, letter_form=None):
    allowed = access.allowed_actions(request.user, complaint)
    forms = []
    for form_class in sorted(ACTION_FORMS, key=lambda form: not (form is ClassifyForm and complaint.needs_checking)):
        if bound is not None and isinstance(bound, form_class):
            forms.append(bound)  # shown with its errors even if the state no longer admits it
        elif form_class.transition in allowed:
            form = form_class(complaint=complaint, user=request.user)
            if form.is_offered():
                forms.append(form)
    events = complaint.events.select_related("actor", "from_unit", "to_unit")
    return render(request, "web/officer/complaint.html", {
        "complaint": complaint,
        "text": readable_text(request.user, complaint),
        "events": events,
        "stages": list(complaint.stages.all()),
        "attachments": list(complaint.attachments.all()),
        "outbox": outbox_rows(request.user, complaint),
        "reporter": reporter_panel(request, complaint),
        "action_forms": forms,
        "failed_form": bound,
        "casework": casework.panel(request.user, complaint, bound=casework_form),
        "registry": registry.registry_panel(request.user, complaint),
        "letters": letters.letters_panel(request.user, complaint, bound=letter_form),
        "monitoring": monitoring.complaint_panel(request.user, complaint),
        "calendar": working_calendar(),
        "now": timezone.now(),
    }, status=status)


IDENTITY_FIELDS = [
    ("name", "Nama", "reporter_name", privacy.mask_name),
    ("nik", "NIK", "reporter_nik", privacy.mask_number),
    ("kk", "Nomor KK", "reporter_kk", privacy.mask_number),
    ("kks", "Nomor KKS", "reporter_kks", privacy.mask_number),
    ("phone", "Telepon", "reporter_phone", privacy.mask_phone),
    ("email", "Email", "reporter_email", privacy.mask_email),
    ("address", "Alamat", "reporter_address", lambda value: privacy.HIDDEN),
]


def reporter_panel(request, complaint: Complaint) -> dict:
    """SPEC R6: anonymous keeps nothing; confidential is shown whole only to the handlers, masked to
    everyone else, and every whole showing is recorded."""
    if complaint.anonymous:
        return {"anonymous": True, "fields": []}
    whole = may_see_identity(request.user, complaint)
    fields = []
    for key, label, attribute, mask in IDENTITY_FIELDS:
        value = getattr(complaint, attribute)
        if value:
            fields.append({"key": key, "label": label, "value": value if whole else mask(value)})
    if complaint.confidential and whole and fields:
        record_identity_view(user=request.user, complaint=complaint)
    return {"anonymous": False, "confidential": complaint.confidential, "masked": not whole, "fields": fields}


def outbox_rows(user, complaint: Complaint) -> dict:
    """The messages this complaint caused (to the reporter, to a district), newest first, with
    their state; the recipient is masked (it is the reporter's phone or email)."""
    rows = []
    for n in complaint.notifications.order_by("-created_at", "-id")[:20]:
        rows.append({"pk": n.pk, "transport": n.transport, "recipient": privacy.mask_contact(n.recipient), "status": n.status,
                     "status_label": n.get_status_display(), "at": n.sent_at or n.created_at,
                     "error": n.last_error, "resendable": n.status == DeliveryStatus.FAILED})
    return {"rows": rows, "may_resend": may_resend_messages(user, complaint)}


@login_required
@require_POST
def message_resend(request, tracking: str, notification_id: int):
    complaint = visible_complaint(request.user, tracking)
    if not may_resend_messages(request.user, complaint):
        raise PermissionDenied
    get_object_or_404(complaint.notifications, pk=notification_id)
    if notification_resend(notification_id=notification_id):
        messages.success(request, gettext("Pesan dimasukkan lagi ke antrean pengiriman."))
    return redirect("web:officer:complaint", tracking=complaint.tracking_number)
