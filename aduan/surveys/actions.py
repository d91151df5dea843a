"""Recording a questionnaire: the one way in for every channel (/lacak/, SMS NILAI, the officers'
paper entry, the API). Each element must be there and scored 1–4; a complaint is rated once,
after it is closed, and its timeline says so."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from aduan.core.actions.events import REPORTER, record_event
from aduan.core.enums import EventKind, Status
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.surveys.elements import CODES, EDUCATION, OCCUPATION, SCORES, Gender
from aduan.surveys.models import Source, Survey

MISSING_ELEMENT = "Nilai unsur {code} belum diisi (1–4)."
BAD_SCORE = "Nilai unsur {code} harus 1, 2, 3 atau 4."
UNKNOWN_ELEMENT = "Unsur '{code}' tidak dikenal; unsurnya U1 sampai U9."
ONLY_CLOSED = "Survei hanya dapat diisi setelah pengaduan selesai."
ALREADY_RATED = "Pengaduan ini sudah dinilai. Terima kasih."
BAD_AGE = "Usia harus angka 15–120."
BAD_CHOICE = "Isian '{field}' tidak dikenal."
FUTURE = "Tanggal survei tidak boleh di masa depan."


def clean_scores(scores: dict) -> dict[str, int]:
    """The nine scores by code, or the refusal that names the first one to fix."""
    given = {str(code).upper(): value for code, value in (scores or {}).items()}
    for code in given:
        if code not in CODES:
            raise ActionError(UNKNOWN_ELEMENT.format(code=code), field=f"scores.{code}")
    cleaned = {}
    for code in CODES:
        value = given.get(code)
        if value is None or value == "":
            raise ActionError(MISSING_ELEMENT.format(code=code), field=f"scores.{code}")
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ActionError(BAD_SCORE.format(code=code), field=f"scores.{code}") from None
        if number not in SCORES or (isinstance(value, float) and value != number) or isinstance(value, bool):
            raise ActionError(BAD_SCORE.format(code=code), field=f"scores.{code}")
        cleaned[code] = number
    return cleaned


def clean_respondent(respondent: dict | None) -> dict:
    respondent = respondent or {}
    cleaned = {"gender": "", "age": None, "education": "", "occupation": ""}
    allowed = {"gender": dict(Gender.CHOICES), "education": dict(EDUCATION), "occupation": dict(OCCUPATION)}
    for key, choices in allowed.items():
        value = (respondent.get(key) or "").strip()
        if value and value not in choices:
            raise ActionError(BAD_CHOICE.format(field=key), field=f"respondent.{key}")
        cleaned[key] = value
    age = respondent.get("age")
    if age not in (None, ""):
        try:
            age = int(age)
        except (TypeError, ValueError):
            raise ActionError(BAD_AGE, field="respondent.age") from None
        if not 15 <= age <= 120:
            raise ActionError(BAD_AGE, field="respondent.age")
        cleaned["age"] = age
    return cleaned


def survey_record(*, unit, scores: dict, source: str, respondent: dict | None = None, received_at: datetime | None = None,
                  complaint: Complaint | None = None, entered_by=None, comment: str = "") -> Survey:
    values = clean_scores(scores)
    person = clean_respondent(respondent)
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ActionError(FUTURE, field="received_at")
    fields = {code.lower(): score for code, score in values.items()}
    with transaction.atomic():
        if complaint is not None:
            current = Complaint.objects.select_for_update().get(pk=complaint.pk)
            if current.status != Status.SELESAI:
                raise ActionError(ONLY_CLOSED, code="illegal_transition")
            if current.rating is not None or Survey.objects.filter(complaint=current).exists():
                raise ActionError(ALREADY_RATED, code="conflict")
            unit = current.holder
        try:
            with transaction.atomic():
                survey = Survey.objects.create(unit=unit, complaint=complaint, source=source, received_at=received_at,
                                               entered_by=entered_by, **fields, **person)
        except IntegrityError:  # the same complaint rated at the same moment from two doors
            raise ActionError(ALREADY_RATED, code="conflict") from None
        if complaint is not None:
            record_event(current, EventKind.RATED, at=received_at, label=REPORTER, public_note=comment.strip()[:1000],
                         data={"ikm": values, "source": source})
    return survey


__all__ = ["Source", "survey_record", "clean_scores"]
