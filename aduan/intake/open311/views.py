"""Thin views: parse, authorise, call, respond in the format the URL's extension names."""

from django.http import HttpRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from aduan.accounts.models import ApiToken
from aduan.accounts.scopes import COMPLAINTS_READ, token_allows
from aduan.core.errors import ActionError
from aduan.intake.open311 import filing, render, service_requests, services
from aduan.regions.timezones import ABBREVIATIONS, zone_name_for

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-23T00:00:00+07:00"  # when this endpoint's behaviour last changed
CONTACT = "Admin Utama Pengaduan Bansos — SMS 1708, https://lapor.go.id"
KEY_SERVICE = "Token API dari administrator (`aduan token USERNAME`); GET tidak memerlukan api_key."
SERVICE_NOT_FOUND = "service_code '{value}' tidak ditemukan."
REQUEST_NOT_FOUND = "service_request_id '{value}' tidak ditemukan."
RECEIVED = "Pengaduan diterima dengan nomor {tracking}. Batas waktu penanganan: {due}."
ACCESS_CODE = " Kode rahasia pelapor (untuk sanggahan dan penilaian di /lacak/): {secret} (hanya ditampilkan sekali)."


@require_GET
def discovery(request: HttpRequest, fmt: str):
    url = request.build_absolute_uri("/open311/v2/").rstrip("/")
    return render.respond(fmt, "discovery", {
        "changeset": CHANGESET,
        "contact": CONTACT,
        "key_service": KEY_SERVICE,
        "endpoints": [{
            "specification": SPECIFICATION, "url": url, "changeset": CHANGESET, "type": "production",
            "formats": ["application/json", "text/xml"],
        }],
    })


@require_GET
def service_list(request: HttpRequest, fmt: str):
    return render.respond(fmt, "services", services.services_list())


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str):
    service = services.find_service(code)
    if service is None:
        return render.error(fmt, 404, SERVICE_NOT_FOUND.format(value=code[:40]))
    return render.respond(fmt, "service_definition", services.definition_dict(service))


def _reader(request: HttpRequest):
    """The user behind an optional api_key on a GET, who may then read the complaints' text."""
    raw = (request.GET.get("api_key") or "").strip()
    token = ApiToken.objects.authenticate(raw) if raw else None
    return token.user if token and token_allows(token, COMPLAINTS_READ) else None


def _public(request: HttpRequest, complaints, fmt: str, *, status: int = 200):
    reader = _reader(request)
    readable = service_requests.readable_ids(reader, complaints)
    rows = [service_requests.request_dict(c, reader=reader, with_text=c.pk in readable) for c in complaints]
    return render.respond(fmt, "service_requests", rows, status=status)


@csrf_exempt  # an API called with an api_key, never by a browser session
@require_http_methods(["GET", "POST"])
def request_list(request: HttpRequest, fmt: str):
    if request.method == "POST":
        return _create(request, fmt)
    try:
        query = service_requests.parse_query(request.GET)
    except service_requests.QueryError as error:
        return render.error(fmt, 400, str(error))
    return _public(request, service_requests.find_requests(query), fmt)


def _create(request: HttpRequest, fmt: str):
    try:
        # The standard's Swagger puts api_key in the query string; most clients post it in the form.
        token = filing.authenticate(request.POST.get("api_key") or request.GET.get("api_key"))
        result = filing.file_request(params=request.POST, token=token)
    except filing.FilingError as error:
        return render.error(fmt, error.status, error.description)
    except ActionError as error:
        return render.error(fmt, 400, error.message)
    complaint = result.complaint
    due = complaint.due_at.astimezone(complaint.local_zone)
    notice = RECEIVED.format(
        tracking=complaint.tracking_number,
        due=f"{due:%d-%m-%Y %H:%M} {ABBREVIATIONS[zone_name_for(complaint.region_id or '')]}",
    )
    if result.access_secret:
        notice += ACCESS_CODE.format(secret=result.access_secret)
    body = [{"service_request_id": complaint.tracking_number, "service_notice": notice, "account_id": None}]
    return render.respond(fmt, "service_requests", body, status=201 if result.created else 200)


@require_GET
def request_detail(request: HttpRequest, request_id: str, fmt: str):
    complaint = service_requests.find_request(request_id)
    if complaint is None:
        return render.error(fmt, 404, REQUEST_NOT_FOUND.format(value=request_id[:40]))
    return _public(request, [complaint], fmt)

