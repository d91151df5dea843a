"""The complaint lifecycle of SPEC R15 as one pure table.

    belum ──follow_up──▶ proses ──(window passes)──▶ selesai
                          ▲  │                         │
                          │  └──rebut (in window)──┐   │
                          └────────────────────────┘◀──reopen

Disposition and escalation move a complaint between units without changing its status, and
classifying it (program, type, topic, severity, place), assigning it to an officer, marking a
stage done or extending its deadline leave the status as it is too.
No Django imports: the table and its guards are tested without a database.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class State(StrEnum):
    BELUM = "belum"
    PROSES = "proses"
    SELESAI = "selesai"


class Transition(StrEnum):
    RECEIVE = "receive"
    DISPOSE = "dispose"
    RETURN = "return"
    FOLLOW_UP = "follow_up"
    REBUT = "rebut"
    CLOSE = "close"
    REOPEN = "reopen"
    ESCALATE = "escalate"
    CLASSIFY = "classify"  # program, type, topic, severity, place: while the complaint is open
    ASSIGN = "assign"  # to one of the holding unit's officers
    COMPLETE_STAGE = "complete_stage"  # a PKH stage done by hand
    EXTEND = "extend"  # a PKH extension (R13): 1 month for master data, 3 for a service provider
    ANSWER_ANNOUNCEMENT = "answer_announcement"  # a kabupaten/kota answers R20's announcement
    ANSWER_AT_DESK = "answer_at_desk"  # a simple case settled with the reporter there (Probolinggo 2.4)
    REFER = "refer"  # the desk hands a complex case to the unit's sub koordinator (Probolinggo 2.5)


TABLE: dict[tuple[State | None, Transition], State] = {
    (None, Transition.RECEIVE): State.BELUM,
    (State.BELUM, Transition.DISPOSE): State.BELUM,
    (State.PROSES, Transition.DISPOSE): State.PROSES,
    (State.BELUM, Transition.RETURN): State.BELUM,
    (State.PROSES, Transition.RETURN): State.PROSES,
    (State.BELUM, Transition.FOLLOW_UP): State.PROSES,
    (State.PROSES, Transition.FOLLOW_UP): State.PROSES,
    (State.PROSES, Transition.REBUT): State.PROSES,
    (State.PROSES, Transition.CLOSE): State.SELESAI,
    (State.SELESAI, Transition.REOPEN): State.PROSES,
    (State.BELUM, Transition.ESCALATE): State.BELUM,
    (State.PROSES, Transition.ESCALATE): State.PROSES,
    (State.BELUM, Transition.CLASSIFY): State.BELUM,
    (State.PROSES, Transition.CLASSIFY): State.PROSES,
    (State.BELUM, Transition.ASSIGN): State.BELUM,
    (State.PROSES, Transition.ASSIGN): State.PROSES,
    (State.BELUM, Transition.COMPLETE_STAGE): State.BELUM,
    (State.PROSES, Transition.COMPLETE_STAGE): State.PROSES,
    (State.BELUM, Transition.EXTEND): State.BELUM,
    (State.BELUM, Transition.ANSWER_AT_DESK): State.SELESAI,
    (State.BELUM, Transition.REFER): State.BELUM,
    (State.PROSES, Transition.REFER): State.PROSES,
    (State.PROSES, Transition.EXTEND): State.PROSES,
    # Whether it was received there too is worth knowing whatever became of it.
    (State.BELUM, Transition.ANSWER_ANNOUNCEMENT): State.BELUM,
    (State.PROSES, Transition.ANSWER_ANNOUNCEMENT): State.PROSES,
    (State.SELESAI, Transition.ANSWER_ANNOUNCEMENT): State.SELESAI,
}

# Error messages are constants: the pages show them, the tests assert them.
ILLEGAL_TRANSITION = "Tindakan '{transition}' tidak dapat dilakukan pada pengaduan berstatus '{state}'."
REBUT_WITHOUT_ANSWER = "Belum ada tindak lanjut yang dapat disanggah."
REBUT_WINDOW_CLOSED = "Masa sanggah sudah berakhir; pengaduan ini sudah dianggap selesai."
CLOSE_WHILE_REBUTTED = "Sanggahan pelapor belum dijawab; pengaduan belum dapat ditutup."
NOT_AT_THE_DESK = "Hanya pengaduan yang diterima tatap muka atau lewat telepon yang dapat dijawab langsung."

# Probolinggo 2.4: a simple case is explained and settled with the reporter there — at the desk or
# on the line — so there is no answer to wait for and none to rebut (Channel values).
AT_DESK_CHANNELS = frozenset({"tatap_muka", "telepon"})


class IllegalTransition(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def next_state(current: State | None, transition: Transition) -> State:
    try:
        return TABLE[(current, transition)]
    except KeyError:
        label = current.value if current else "baru"
        raise IllegalTransition(ILLEGAL_TRANSITION.format(transition=transition.value, state=label)) from None


@dataclass(frozen=True)
class Window:
    """The automatic-closure window a follow-up opens (None when no follow-up is awaiting objection)."""

    closes_at: datetime | None

    def is_open(self, now: datetime) -> bool:
        return self.closes_at is not None and now < self.closes_at

    def has_passed(self, now: datetime) -> bool:
        return self.closes_at is not None and now >= self.closes_at


def check_rebuttal(state: State, window: Window, now: datetime) -> None:
    next_state(state, Transition.REBUT)
    if window.closes_at is None:
        raise IllegalTransition(REBUT_WITHOUT_ANSWER)
    if not window.is_open(now):
        raise IllegalTransition(REBUT_WINDOW_CLOSED)


def check_closure(state: State, window: Window) -> None:
    """An officer may close early; a rebutted complaint must be answered again first."""
    next_state(state, Transition.CLOSE)
    if window.closes_at is None:
        raise IllegalTransition(CLOSE_WHILE_REBUTTED)


def check_desk_answer(state: State, channel: str) -> None:
    next_state(state, Transition.ANSWER_AT_DESK)
    if channel not in AT_DESK_CHANNELS:
        raise IllegalTransition(NOT_AT_THE_DESK)


def admitted(complaint, now: datetime) -> set[str]:
    """The transitions a complaint (anything with its status, channel, closure window and handling
    unit) admits now, checked the way the actions check them: what the pages and the API offer."""
    state = State(complaint.status)
    allowed = {t.value for t in Transition if (state, t) in TABLE}
    if complaint.closure_due_at is None:
        allowed -= {Transition.CLOSE, Transition.REBUT}
    elif now >= complaint.closure_due_at:
        allowed.discard(Transition.REBUT)
    if complaint.handling_unit_id is None:
        allowed.discard(Transition.RETURN)  # not disposed yet: nothing to send back
    if complaint.channel not in AT_DESK_CHANNELS:
        allowed.discard(Transition.ANSWER_AT_DESK)
    return allowed


def closes_automatically(state: State, window: Window, now: datetime) -> bool:
    return state is State.PROSES and window.has_passed(now)
