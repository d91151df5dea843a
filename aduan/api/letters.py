"""The complaint's letters (SPEC R23): issue one, list them, fetch the stored PDF."""

from datetime import datetime
from typing import Literal

from ninja import Field, Path, Router, Schema, Status

from aduan.api import scopes
from aduan.api.complaints import get_visible
from aduan.api.errors import Error, Forbidden
from aduan.api.lookups import unit_named
from aduan.api.schemas import In
from aduan.core.access import NotAllowed
from aduan.letters.issuing import letter_download, letter_issue

router = Router(tags=["letters"])
MAX_ID = 2**63 - 1


class LetterIn(In):
    kind: Literal["rekomendasi_kks", "hasil_penanganan", "pengantar"]
    to_unit: str | None = Field(None, max_length=60, description="The unit a covering letter (pengantar) is sent to.")


class LetterOut(Schema):
    id: int
    number: str
    kind: str
    addressee: str
    issued_at: datetime
    pdf_url: str


def letter_dict(letter) -> dict:
    return {"id": letter.pk, "number": letter.number, "kind": letter.kind, "addressee": letter.addressee,
            "issued_at": letter.issued_at,
            "pdf_url": f"/api/v1/complaints/{letter.complaint.tracking_number}/letters/{letter.pk}/pdf"}


@router.post("/complaints/{tracking_number}/letters", response={201: LetterOut, 400: Error, 403: Error, 404: Error,
                                                                422: Error, 503: Error})
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def issue_letter(request, tracking_number: str, payload: LetterIn):
    """Issue a letter with the unit's next number; its PDF is kept and every fetch returns it."""
    complaint = get_visible(request, tracking_number)
    to_unit = None
    if payload.to_unit:
        to_unit = unit_named(payload.to_unit, field="to_unit")
    try:
        letter = letter_issue(complaint=complaint, kind=payload.kind, actor=request.user, to_unit=to_unit)
    except NotAllowed as refusal:
        raise Forbidden(refusal.message) from None
    return Status(201, letter_dict(letter))


@router.get("/complaints/{tracking_number}/letters", response={200: list[LetterOut], 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_letters(request, tracking_number: str):
    complaint = get_visible(request, tracking_number)
    return [letter_dict(letter) for letter in complaint.letters.select_related("complaint")]


@router.get("/complaints/{tracking_number}/letters/{letter_id}/pdf", response={200: None, 403: Error, 404: Error},
            openapi_extra={"responses": {"200": {"description": "The letter as issued.",
                                                 "content": {"application/pdf": {}}}}})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def letter_pdf(request, tracking_number: str, letter_id: int = Path(..., ge=1, le=MAX_ID)):
    return letter_download(request.user, get_visible(request, tracking_number), letter_id)
