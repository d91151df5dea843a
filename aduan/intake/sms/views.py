"""The gateway endpoints under /sms/: authenticate, read the dialect, hand over to the pipeline, answer.

Every dialect funnels through ``receive``; a dialect is a reader (request → message) and a
responder (outcome → HTTP response) in ``DIALECTS``. Nothing here logs a text or a phone number.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aduan.intake.sms import transport
from aduan.intake.sms.access import BEARER, SCHEMES, Access, check_access
from aduan.intake.sms.gateways.gammu import parse_gammu_form
from aduan.intake.sms.gateways.kannel_dialect import (
    KannelRequestError,
    parse_kannel_dlr,
    parse_kannel_request,
    reply_headers,
)
from aduan.intake.sms.gateways.webhook import parse_webhook
from aduan.intake.sms.pipeline import SmsOutcome, handle_inbound_sms

REALM = 'realm="aduan-sms"'


@dataclass(frozen=True)
class Dialect:
    read: Callable[[HttpRequest], object]  # → an object with message_id, sender, receiver, text, received_at
    respond: Callable[[SmsOutcome], HttpResponse]
    error: Callable[[str, int], HttpResponse]


def _text_reply(outcome: SmsOutcome) -> HttpResponse:
    return HttpResponse(outcome.reply, headers=reply_headers(outcome.reply))


def _json_reply(outcome: SmsOutcome) -> HttpResponse:
    return JsonResponse({
        "reply": outcome.reply,
        "tracking_number": outcome.tracking_number,
        "location_code": outcome.location_code,
        "needs_review": outcome.needs_review,
        "outcome": outcome.outcome,
    })


def _text_error(message: str, status: int) -> HttpResponse:
    # Not the SMS reply: an empty-bodied 4xx tells Kannel there is nothing to send.
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def _json_error(message: str, status: int) -> HttpResponse:
    return JsonResponse({"error": message}, status=status)


def _read_kannel(request: HttpRequest):
    # Not request.GET: Django decodes the query in the body's charset, and a UCS-2 SMS from a
    # Kannel without mo-recode comes with "charset=UTF-16BE". The query is always ASCII/UTF-8.
    params = QueryDict(request.META.get("QUERY_STRING", ""), encoding="utf-8")
    return parse_kannel_request(params, request.body, request.headers)


DIALECTS = {
    "kannel": Dialect(
        read=_read_kannel,
        respond=_text_reply, error=_text_error,
    ),
    "gammu": Dialect(read=lambda request: parse_gammu_form(request.POST), respond=_text_reply, error=_text_error),
    "webhook": Dialect(read=lambda request: parse_webhook(request.body), respond=_json_reply, error=_json_error),
}


def receive(request: HttpRequest, gateway: str) -> HttpResponse:
    dialect = DIALECTS[gateway]
    access = check_access(gateway, request.headers.get("Authorization", ""))
    if access is Access.NOT_ENABLED:
        return dialect.error(f"SMS gateway '{gateway}' is not enabled (ADUAN_SMS_GATEWAYS).", 403)
    if access is Access.UNAUTHENTICATED:
        response = dialect.error("Authentication required.", 401)
        response["WWW-Authenticate"] = ("Bearer " if SCHEMES[gateway] == BEARER else "Basic ") + REALM
        return response
    try:
        message = dialect.read(request)
        outcome = handle_inbound_sms(
            gateway=gateway, message_id=message.message_id, sender=message.sender, receiver=message.receiver,
            text=message.text, received_at=message.received_at,
        )
    except ValueError as error:  # the dialects' request errors, and an id the pipeline refuses
        return dialect.error(str(error), 400)
    return dialect.respond(outcome)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def kannel(request: HttpRequest) -> HttpResponse:
    return receive(request, "kannel")


@csrf_exempt
@require_POST
def gammu(request: HttpRequest) -> HttpResponse:
    return receive(request, "gammu")


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    return receive(request, "webhook")


@csrf_exempt
@require_GET
def kannel_dlr(request: HttpRequest) -> HttpResponse:
    """Kannel's delivery report; the signed reference is the credential (transport.dlr_reference)."""
    try:
        report = parse_kannel_dlr(request.GET)
    except KannelRequestError as error:
        return _text_error(str(error), 400)
    notification_id = transport.notification_id_from(report.reference)
    if notification_id is None:
        return _text_error("Unknown delivery-report reference.", 403)
    changed = transport.record_delivery_report(notification_id, report)
    return HttpResponse(json.dumps({"updated": changed}), content_type="application/json")
