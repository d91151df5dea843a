"""Triage of a text before or without filing it: what it is about and who has authority over it."""

from ninja import Field, Router, Schema

from aduan.api.errors import ApiError, Error
from aduan.api.schemas import SuggestionOut
from aduan.core import errors
from aduan.taxonomy import lookups as taxonomy
from aduan.triage.suggestions import suggest

router = Router(tags=["triage"])


class TriageIn(Schema):
    text: str = Field(..., min_length=1, max_length=5000, examples=["sldo gk msk udh 3 bln, kks bri"])
    program: str | None = Field(None, max_length=20, examples=["bpnt"], description="The program, where known.")


@router.post("/triage", response={200: SuggestionOut, 400: Error})
def triage(request, payload: TriageIn):
    """Suggest program, category type, topic (codes as in `/topics`), severity and authority."""
    programs = taxonomy.active_programs()
    if payload.program and payload.program not in programs:
        raise ApiError(errors.UNKNOWN_PROGRAM.format(value=payload.program, choices=", ".join(programs)), field="program")
    if not payload.text.strip():
        raise ApiError(errors.EMPTY_TEXT, field="text")
    return suggest(payload.text, payload.program).as_dict()
