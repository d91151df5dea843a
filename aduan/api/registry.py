"""The beneficiary registry (SPEC R21): the records matching a NIK, KK or KKS number, for the
officers whose region holds them (aduan.registry.access); every lookup is recorded."""

from ninja import Field, Query, Router, Schema

from aduan.api import scopes
from aduan.api.errors import ApiError, Error
from aduan.regions.lookups import region as region_by_code
from aduan.registry.access import lookup
from aduan.registry.numbers import SIXTEEN, digits

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
            "program": record.program, "status": record.status, "kks": record.kks, "bank": record.bank}


@router.get("/registry", response={200: dict, 400: Error})
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
