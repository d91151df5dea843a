from django.http import Http404, HttpResponse
from ninja import Router
from ninja.renderers import JSONRenderer

from aduan.api import scopes
from aduan.api.errors import Error, Forbidden
from aduan.api.schemas import ComplaintIn, ComplaintOut
from aduan.api.serializers import complaint_dict, registry_dicts, with_related
from aduan.core.access import Ability, complaints_visible_to, filing_unit, may_file
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.tracking import normalize_tracking_number

router = Router(tags=["complaints"])



def get_visible(request, tracking_number: str):
    normalized = normalize_tracking_number(tracking_number)
    complaint = normalized and with_related(complaints_visible_to(request.user)).filter(tracking_number=normalized).first()
    if not complaint:
        raise Http404
    return complaint


@router.post("/complaints", response={201: ComplaintOut, 200: ComplaintOut, 400: Error, 403: Error, 422: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def create_complaint(request, payload: ComplaintIn):
    """File a complaint received by the caller's unit. A repeated `external_id` returns the first (200)."""
    if not may_file(request.user):
        raise Forbidden(REFUSALS[Ability.FILE])
    reporter = Reporter(**payload.reporter.model_dump())
    message = IntakeMessage(
        channel=payload.channel, program=payload.program, text=payload.text, reporter=reporter,
        region_code=payload.location_code, location_text=payload.location_text,
        category_type=payload.category_type, topic=payload.topic, severity=payload.severity,
        received_at=payload.received_at, pendamping=payload.pendamping,
        external_id=f"api:{request.api_token.user_id}:{payload.external_id}" if payload.external_id else None,
    )
    result = complaint_receive(message=message, receiving_unit=filing_unit(request.user), actor=request.user)
    if result.created:
        body = complaint_dict(result.complaint, request.user, events=result.events, stages=result.stages)
    else:
        body = complaint_dict(with_related(type(result.complaint).objects).get(pk=result.complaint.pk), request.user)
    # Sent as the serializer built it, not validated again against ComplaintOut: that check of our
    # own output took 5 % of every filing's time. The suite holds the answer to the schema
    # (tests/api/test_complaints_api.py) and to what GET answers for the same complaint.
    body["registry"] = registry_dicts(result.complaint, request.user)
    return _as_is(request, body | {"access_secret": result.access_secret}, status=201 if result.created else 200)


_JSON = JSONRenderer()  # the API's renderer (NinjaAPI's default)


def _as_is(request, data: dict, *, status: int) -> HttpResponse:
    """`data` rendered as NinjaAPI.create_response renders an answer, without the response schema."""
    return HttpResponse(_JSON.render(request, data, response_status=status), status=status,
                        content_type=f"{_JSON.media_type}; charset={_JSON.charset}")


@router.get("/complaints/{tracking_number}", response={200: ComplaintOut, 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def get_complaint(request, tracking_number: str):
    complaint = get_visible(request, tracking_number)
    return complaint_dict(complaint, request.user) | {"registry": registry_dicts(complaint, request.user)}
