"""SPEC R20: a complaint received at the national door is announced to the Dinas Sosial of its
kabupaten/kota (`announcement_unit`, set at intake), which answers in the app whether it received
the same complaint too — linking its own record — or not. The national unit reads the answer on
the complaint's timeline and page; the district's queue lists what it has still to answer."""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.actions.classification import link_both
from aduan.core.actions.events import record_event
from aduan.core.actions.guard import locked, states, updated
from aduan.core.enums import DistrictAnswer, EventKind
from aduan.core.models import Complaint
from aduan.core.tracking import normalize_tracking_number
from aduan.core.workflow import Transition
from aduan.organisation import lookups as units
from aduan.organisation.models import Unit, UnitKind

UNKNOWN_ANSWER = "Jawaban '{value}' tidak dikenal; pilih: {choices}."
OWN_RECORD_NOT_FOUND = "Pengaduan {number} tidak ditemukan di {unit}."
OWN_RECORD_IS_THIS = "Sebutkan nomor pengaduan yang dicatat di unit Anda, bukan nomor pengaduan ini."
ANSWER_NOTE = {
    DistrictAnswer.ALSO_RECEIVED: "{unit}: pengaduan yang sama juga diterima di sini{own}.",
    DistrictAnswer.NOT_RECEIVED: "{unit}: pengaduan ini tidak diterima di sini.",
}


def announcement_unit(receiving_unit: Unit, region) -> Unit | None:
    """Who is told of a complaint received centrally: the Dinas Sosial of the kabupaten/kota it
    happened in (from memory; None elsewhere, or when the place is not known to that level)."""
    if receiving_unit.kind != UnitKind.ADMIN_UTAMA or region is None or region.level < 2:
        return None
    return units.district_offices().get(region.code[:5])


def complaint_answer_announcement(*, complaint: Complaint, actor, answer: str, own_number: str = "", note: str = "",
                                  at: datetime | None = None) -> Complaint:
    """The district's answer; given again, the newer answer stands (both stay on the timeline)."""
    if answer not in DistrictAnswer.values:
        choices = ", ".join(DistrictAnswer.values)
        raise errors.ActionError(UNKNOWN_ANSWER.format(value=answer, choices=choices), field="answer")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.ANSWER_ANNOUNCEMENT)
        before, after = states(current, Transition.ANSWER_ANNOUNCEMENT)
        district = current.announced_to
        own = _own_record(current, district, own_number) if answer == DistrictAnswer.ALSO_RECEIVED else None
        current.district_answer = answer
        current.save(update_fields=["district_answer", "updated_at"])
        own_text = f" dengan nomor {own.tracking_number}" if own else ""
        record_event(
            current, EventKind.DISTRICT_ANSWERED, at=at, actor=actor, from_status=before, to_status=after,
            from_unit=district, note=" ".join(filter(None, (ANSWER_NOTE[answer].format(unit=district.name, own=own_text),
                                                             note.strip()))),
            data={"answer": answer, "own": own.tracking_number if own else ""},
        )
        if own is not None:
            link_both(current, own, actor=actor, at=at)
    return updated(current, complaint)


def _own_record(current: Complaint, district: Unit, number: str) -> Complaint | None:
    """The district's own complaint (received or handled there), when the officer names one."""
    if not number.strip():
        return None
    normalized = normalize_tracking_number(number)
    if normalized == current.tracking_number:
        raise errors.ActionError(OWN_RECORD_IS_THIS, field="own_number")
    own = normalized and (Complaint.objects.filter(Q(receiving_unit=district) | Q(handling_unit=district),
                                                   tracking_number=normalized).first())
    if not own:
        raise errors.ActionError(OWN_RECORD_NOT_FOUND.format(number=number.strip(), unit=district.name),
                                 field="own_number")
    return own
