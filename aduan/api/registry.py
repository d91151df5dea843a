"""The beneficiary registry (SPEC R21): the records matching a NIK, KK or KKS number, for the
officers whose region holds them (aduan.registry.access); every lookup is recorded."""

from django.http import Http404
from ninja import Field, Query, Router, Schema

from aduan.api import scopes
from aduan.api.complaints import get_visible
from aduan.api.errors import ApiError, Error
from aduan.core.numbers import SIXTEEN, digits
from aduan.regions.lookups import region as region_by_code
from aduan.registry.access import lookup, matches_visible_to
from aduan.registry.matching import match_link

router = Router(tags=["registry"])
ONE_NUMBER = "Kirim tepat satu dari: nik, kk, kks (16 angka)."
NOT_SIXTEEN = "Nomor '{field}' harus 16 angka."


class RegistryQuery(Schema):
    nik: str | None = Field(None, max_length=24)
    kk: str | None = Field(None, max_length=24)
    kks: str | None = Field(None, max_length=24)


def record_dict(record) -> dict:
    region = region_by_code(record.region_code) if record.region_code else None
    return {"source": record.source, "period": record.period, "nik": record.nik, "no_kk": record.no_kk,
            "name": record.name, "address": record.address,
            "region": {"code": record.region_code, "name": region.name if region else ""} if record.region_code else None,
            "program": record.program, "status": record.status, "kks": record.kks, "bank": record.bank,
            "since": record.since}


@router.get("/registry", response={200: dict, 400: Error, 503: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def registry(request, query: Query[RegistryQuery]):
    """The registry records for one number, newest period first; `{"records": []}` when none."""
    given = {name: digits(value) for name, value in (("nik", query.nik), ("kk", query.kk), ("kks", query.kks)) if value}
    if len(given) != 1:
        raise ApiError(ONE_NUMBER, field="nik")
    (by, number), = given.items()
    if not SIXTEEN.match(number):
        raise ApiError(NOT_SIXTEEN.format(field=by), field=by)
    return {"records": [record_dict(r) for r in lookup(request.user, by=by, number=number, where="api")]}


@router.post("/complaints/{tracking_number}/registry/{match_id}/link", response={200: dict, 400: Error, 403: Error,
                                                                              404: Error, 409: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def link_match(request, tracking_number: str, match_id: int):
    """Confirm the reporter is the person a registry match found (an event on the timeline)."""
    complaint = get_visible(request, tracking_number)
    match = next((m for m in matches_visible_to(request.user, complaint) if m.pk == match_id), None)
    if match is None:
        raise Http404
    linked = match_link(match=match, actor=request.user)
    return {"id": linked.pk, "linked_at": linked.linked_at}
