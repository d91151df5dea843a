"""Follow-up, the answer at the desk, rebuttal, closure and reopening (SPEC R15, R21)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from aduan.core import errors
from aduan.core.access import Ability
from aduan.core.actions.events import REPORTER, SYSTEM, record_event
from aduan.core.actions.guard import locked, refused, states, updated
from aduan.core.due_dates import closure_window_end
from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint
from aduan.core.workflow import (
    IllegalTransition,
    State,
    Transition,
    Window,
    check_closure,
    check_desk_answer,
    check_rebuttal,
    closes_automatically,
    next_state,
)

AUTO_CLOSE_NOTE = gettext_noop("Ditutup otomatis: tidak ada sanggahan dalam masa sanggah.")
DESK_CLOSE_NOTE = gettext_noop("Dijawab langsung di loket; pelapor menerima penjelasannya.")


def complaint_follow_up(*, complaint: Complaint, actor, answer: str, internal_note: str = "", at: datetime | None = None) -> Complaint:
    """The unit's answer to the reporter; it opens the window in which the reporter may rebut."""
    answer = errors.required(answer, errors.EMPTY_ANSWER, field="answer")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.FOLLOW_UP)
        before, after = states(current, Transition.FOLLOW_UP)
        current.status = after
        current.followed_up_at = at
        current.first_answered_at = current.first_answered_at or at
        current.closure_due_at = closure_window_end(at.astimezone(current.local_zone))
        current.save(update_fields=["status", "followed_up_at", "first_answered_at", "closure_due_at", "updated_at"])
        record_event(
            current, EventKind.FOLLOWED_UP, at=at, actor=actor, from_status=before, to_status=after,
            from_unit=current.handling_unit, to_unit=current.handling_unit,
            note=internal_note.strip(), public_note=answer,
            data={"closure_due_at": current.closure_due_at.isoformat()},
        )
    return updated(current, complaint)


def complaint_answer_at_desk(*, complaint: Complaint, actor, answer: str, at: datetime | None = None) -> Complaint:
    """The desk settles a simple case on the spot: the answer given is recorded as the follow-up
    and the complaint is closed with it."""
    answer = errors.required(answer, errors.EMPTY_ANSWER, field="answer")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.ANSWER_AT_DESK)
        before = State(current.status)
        try:
            check_desk_answer(before, current.channel)
        except IllegalTransition as error:
            raise refused(error) from None
        after = next_state(before, Transition.ANSWER_AT_DESK)
        current.followed_up_at = at
        current.first_answered_at = current.first_answered_at or at
        current.save(update_fields=["followed_up_at", "first_answered_at", "updated_at"])
        record_event(current, EventKind.FOLLOWED_UP, at=at, actor=actor, from_status=before, to_status=before,
                     from_unit=current.holder, to_unit=current.holder, public_note=answer, data={"at_desk": True})
        _close(current, at, after)
        record_event(current, EventKind.CLOSED, at=at, actor=actor, from_status=before, to_status=after,
                     note=DESK_CLOSE_NOTE, data={"at_desk": True})
    return updated(current, complaint)


def complaint_rebut(*, complaint: Complaint, text: str, at: datetime | None = None, actor=None) -> Complaint:
    """The reporter objects to the answer: the work goes back to the same unit's queue."""
    text = errors.required(text, "Isi sanggahan tidak boleh kosong.", field="text")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.REBUT)
        before = State(current.status)
        try:
            check_rebuttal(before, Window(current.closure_due_at), at)
            after = next_state(before, Transition.REBUT)
        except IllegalTransition as error:
            raise refused(error) from None
        current.status = after
        current.closure_due_at = None
        current.save(update_fields=["status", "closure_due_at", "updated_at"])
        record_event(
            current, EventKind.REBUTTED, at=at, actor=actor, label=None if actor else REPORTER,
            from_status=before, to_status=after, to_unit=current.handling_unit, public_note=text,
        )
    return updated(current, complaint)


def complaint_close(*, complaint: Complaint, actor, reason: str, at: datetime | None = None) -> Complaint:
    """An officer closes a followed-up complaint before its window ends (e.g. the reporter confirmed)."""
    reason = errors.required(reason, errors.EMPTY_REASON, field="reason")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.CLOSE)
        before = State(current.status)
        try:
            check_closure(before, Window(current.closure_due_at))
            after = next_state(before, Transition.CLOSE)
        except IllegalTransition as error:
            raise refused(error) from None
        _close(current, at, after)
        record_event(current, EventKind.CLOSED, at=at, actor=actor, from_status=before, to_status=after, note=reason)
    return updated(current, complaint)


def _close(current: Complaint, at: datetime, after: State) -> None:
    current.status = after
    current.closed_at = at
    current.save(update_fields=["status", "closed_at", "updated_at"])


def complaint_close_expired(*, now: datetime | None = None) -> int:
    """The sweep: close every complaint whose window passed without a rebuttal. Returns how many."""
    now = now or timezone.now()
    closed = 0
    candidates = Complaint.objects.filter(status=Status.PROSES, closure_due_at__lte=now).values_list("pk", flat=True)
    for pk in list(candidates.iterator(chunk_size=500)):
        with transaction.atomic():
            current = Complaint.objects.select_for_update().get(pk=pk)
            # Re-checked under the lock: a rebuttal may have arrived since the list was read.
            if not closes_automatically(State(current.status), Window(current.closure_due_at), now):
                continue
            _close(current, now, next_state(State.PROSES, Transition.CLOSE))
            record_event(
                current, EventKind.CLOSED, at=now, label=SYSTEM, from_status=Status.PROSES, to_status=Status.SELESAI,
                public_note=AUTO_CLOSE_NOTE, data={"automatic": True},
            )
            closed += 1
    return closed


def complaint_reopen(*, complaint: Complaint, actor, reason: str, at: datetime | None = None) -> Complaint:
    reason = errors.required(reason, errors.EMPTY_REASON, field="reason")
    at = at or timezone.now()
    with transaction.atomic():
        current = locked(complaint, actor=actor, ability=Ability.REOPEN)
        before, after = states(current, Transition.REOPEN)
        current.status = after
        current.closed_at = None
        current.closure_due_at = None
        current.save(update_fields=["status", "closed_at", "closure_due_at", "updated_at"])
        record_event(current, EventKind.REOPENED, at=at, actor=actor, from_status=before, to_status=after, note=reason)
    return updated(current, complaint)
