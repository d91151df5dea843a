"""Reports and the satisfaction survey (SPEC R27–R29): the monthly and annual figures and the IKM,
as JSON or as the XLSX/PDF files the offices send on; and the questionnaires typed in from paper.

A report covers a unit and the units below it (aduan.reports.scope); without `unit` it is the
caller's own widest unit."""

from datetime import datetime
from typing import Literal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status

from aduan.api import scopes
from aduan.api.errors import Error
from aduan.core.errors import ActionError
from aduan.reports import scope, service
from aduan.surveys.actions import survey_record
from aduan.surveys.models import Source

router = Router(tags=["reports"])
ERRORS = {400: Error, 403: Error, 404: Error}
Format = Literal["json", "xlsx", "pdf"]


def _file(result) -> HttpResponse:
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.name}"'
    return response


def _answer(result):
    return _file(result) if isinstance(result, service.File) else result


class MonthlyQuery(Schema):
    month: str = Field(..., examples=["2026-11"], description="YYYY-MM, in the local days of each complaint's region.")
    unit: str | None = Field(None, max_length=60, description="Unit code; default: the caller's own.")
    format: Format = "json"


class AnnualQuery(Schema):
    year: int = Field(..., ge=2000, le=2100, examples=[2026])
    unit: str | None = Field(None, max_length=60)
    format: Format = "json"
    include: Literal["", "recap"] = Field("", description="'recap': the JSON also carries the recap table's rows.")


class IkmQuery(Schema):
    unit: str | None = Field(None, max_length=60)
    from_: str | None = Field(None, alias="from", examples=["2026-01-01"], description="YYYY-MM-DD; default 1 January.")
    to: str | None = Field(None, examples=["2026-12-31"], description="YYYY-MM-DD; default today.")
    format: Format = "json"


@router.get("/reports/monthly", response={200: dict, **ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def monthly(request, query: Query[MonthlyQuery]):
    """SPEC R27: received by program, category type, topic, channel, severity, status at the month's
    end and kabupaten/kota; closed, closed within the deadline, overdue, the median working days to
    the first answer, and the cases that need special attention."""
    year, month = service.parse_month(query.month)
    unit = service.unit_for(request.user, query.unit)
    return _answer(service.monthly(unit, year, month, query.format))


@router.get("/reports/annual", response={200: dict, **ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def annual(request, query: Query[AnnualQuery]):
    """SPEC R28: the year's figures and months; as XLSX or PDF with the recap table (No, Nama,
    Tanggal, Materi Pengaduan, Kategori Pengaduan, Waktu Penerimaan, Status Penyelesaian, Hasil
    Penanganan)."""
    unit = service.unit_for(request.user, query.unit)
    return _answer(service.annual(unit, query.year, query.format, with_recap=query.include == "recap"))


@router.get("/reports/ikm", response={200: dict, **ERRORS})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def ikm(request, query: Query[IkmQuery]):
    """SPEC R29, PermenPANRB 14/2017: NRR per element, IKM = Σ NRR × 1/9 × 25, and its grade
    (A Sangat baik ≥ 88.31, B Baik ≥ 76.61, C Kurang baik ≥ 65.00, D Tidak baik). No responses:
    `ikm` is null."""
    unit = service.unit_for(request.user, query.unit)
    first, last = service.ikm_period(query.from_, query.to)
    if query.format != "json":
        return _file(service.ikm_file(unit, first, last, query.format))
    result, profile = service.ikm(unit, first, last)
    return {"unit": {"code": unit.code, "name": unit.name}, "from": first.isoformat(), "to": last.isoformat(),
            **result.as_dict(), "lowest": [e.code for e in result.lowest()],
            "respondents": {key: [{"name": name, "count": n} for name, n in rows] for key, rows in profile.items()}}


class Respondent(Schema):
    gender: Literal["", "L", "P"] = ""
    age: int | None = Field(None, description="15–120")
    education: str = Field("", max_length=16, description="sd, smp, sma, d3, s1, s2")
    occupation: str = Field("", max_length=16, description="pns, tni_polri, swasta, wirausaha, petani_nelayan, "
                                                            "pelajar, rumah_tangga, lainnya")


class SurveyIn(Schema):
    unit: str = Field(..., max_length=60)
    received_at: datetime
    scores: dict[str, int | str | float | None] = Field(..., examples=[{f"U{n}": 4 for n in range(1, 10)}])
    respondent: Respondent = Field(default_factory=Respondent)


class SurveyOut(Schema):
    id: int
    unit: str
    received_at: datetime
    source: str
    scores: dict[str, int]
    respondent: dict


@router.post("/surveys", response={201: SurveyOut, **ERRORS})
@scopes.require_scope(scopes.HANDLING_WRITE)
def create_survey(request, payload: SurveyIn):
    """A paper questionnaire typed in: all nine elements U1–U9, each 1–4 (a missing element or a
    score outside 1–4 is a 400 that names it), and the respondent data the form asks."""
    unit = service.unit_for(request.user, payload.unit)
    if not scope.may_report(request.user, unit):
        raise ActionError(service.NOT_YOURS, code="forbidden")
    survey = survey_record(unit=unit, scores=payload.scores, source=Source.API, received_at=payload.received_at,
                           respondent=payload.respondent.dict(), entered_by=request.user)
    return Status(201, {"id": survey.pk, "unit": unit.code, "received_at": survey.received_at, "source": survey.source,
                 "scores": survey.scores, "respondent": {"gender": survey.gender, "age": survey.age,
                                                         "education": survey.education,
                                                         "occupation": survey.occupation}})
