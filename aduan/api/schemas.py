from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict

from aduan.core.enums import Channel, Severity, Status

ChannelName = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
SeverityName = Literal[tuple(Severity.values)]  # type: ignore[valid-type]
StatusName = Literal[tuple(Status.values)]  # type: ignore[valid-type]


class In(BaseModel):
    """What callers send: a JSON object whose every field has its declared type, at every level.
    (ninja's Schema reads attributes off whatever it is given, so a list `[null, null]` would pass
    as an object with all defaults; a plain pydantic model refuses it.)"""

    model_config = ConfigDict(strict=False, from_attributes=False)


class ReporterIn(In):
    anonymous: bool = False
    confidential: bool = False
    name: str = Field("", max_length=150)
    nik: str = Field("", max_length=16, description="16 digits")
    kk: str = Field("", max_length=16)
    kks: str = Field("", max_length=16)
    phone: str = Field("", max_length=20)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=300)


class ComplaintIn(In):
    program: str = Field(..., examples=["bpnt"], max_length=20)
    channel: ChannelName = Field(..., examples=["tatap_muka"])
    text: str = Field(..., min_length=1, max_length=10000)
    location_code: str | None = Field(None, examples=["35.06.10.2005"], max_length=13)
    pendamping: Literal["", "oleh", "tentang"] = Field(
        "", description="PKH (SPEC R16): 'oleh' — made by a pendamping (to UPPKH Pusat); 'tentang' — about a "
                        "pendamping or operator (straight to the kabupaten/kota's UPPKH).")
    location_text: str = Field("", max_length=300)
    received_at: datetime | None = Field(None, description="When the complaint arrived, if earlier (a letter).")
    severity: SeverityName | None = None
    category_type: Literal["aspirasi", "permintaan_informasi", "keluhan"] | None = None
    topic: str | None = Field(None, examples=["bpnt-3"], max_length=40)
    reporter: ReporterIn = Field(default_factory=ReporterIn)
    external_id: str | None = Field(None, max_length=150, description="Your system's id: a retry with the same id files nothing twice.")


class ReporterOut(Schema):
    anonymous: bool
    confidential: bool
    masked: bool
    name: str
    nik: str
    kk: str
    kks: str
    phone: str
    email: str
    address: str


class EventOut(Schema):
    kind: str
    at: datetime
    actor: str
    from_status: str
    to_status: str
    from_unit: str | None
    to_unit: str | None
    public_note: str
    note: str


class StageOut(Schema):
    order: int
    name: str
    due_at: datetime
    done_at: datetime | None


class Confidences(Schema):
    program: float | None = None
    category_type: float | None = None
    topic: float | None = None
    authority: float | None = None


class SuggestionOut(Schema):
    """What triage read in a text (aduan/triage); each field null where it is unsure ("perlu diperiksa")."""

    program: str | None
    category_type: str | None
    topic: str | None = Field(..., examples=["bpnt-3"])
    severity: str | None
    authority: str | None = Field(..., examples=["bank"])
    confidence: float = Field(..., description="The topic's probability (or that the text is an aspirasi).")
    confidences: Confidences


class RegistryMatchOut(Schema):
    id: int
    by: str = Field(description="The reporter's number it was found by: nik, kk or kks.")
    found: bool
    source: str
    period: str = Field(description="The period (YYYY-MM) of the registry file the record came from.")
    name: str
    program: str
    status: str
    bank: str
    since: str
    checked_at: datetime
    linked_at: datetime | None = Field(None, description="When an officer confirmed the reporter is this person.")


class ComplaintOut(Schema):
    tracking_number: str
    register_number: str
    status: StatusName
    severity: SeverityName
    program: str
    category_type: str | None
    topic: str | None
    channel: ChannelName
    text: str
    received_at: datetime
    due_at: datetime
    due_is_provisional: bool = Field(False, description="The year's cuti bersama are not decreed yet; the deadline may move.")
    followed_up_at: datetime | None
    closure_due_at: datetime | None
    closed_at: datetime | None
    time_zone: str
    location_code: str | None
    location_name: str | None
    location_text: str
    location_needs_review: bool
    receiving_unit: str
    handling_unit: str | None
    assigned_to: str | None = Field(None, description="The officer of the handling unit it was assigned to.")
    pendamping: str = ""
    announced_to: str | None = Field(None, description="SPEC R20: the kabupaten/kota's Dinas Sosial told of it.")
    district_answer: str = Field("", description="Its answer: 'juga_diterima', 'tidak_diterima', or '' (none yet).")
    policy: str
    reporter: ReporterOut
    stages: list[StageOut]
    events: list[EventOut]
    suggestion: SuggestionOut | None = Field(
        None, description="What triage read in the text at intake, when the channel named no topic; never applied by itself.")
    access_secret: str | None = Field(None, description="Only in the answer that files a confidential complaint.")
    registry: list[RegistryMatchOut] | None = Field(
        None, description="SPEC R21: the registry check of the reporter at intake (null: not yours to read, or anonymous).")
