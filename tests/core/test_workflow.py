"""SPEC R15 as a table: belum → proses → selesai, rebuttal inside the window, closure after it."""

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from aduan.core.workflow import (
    CLOSE_WHILE_REBUTTED,
    REBUT_WINDOW_CLOSED,
    REBUT_WITHOUT_ANSWER,
    IllegalTransition,
    State,
    Transition,
    Window,
    admitted,
    check_closure,
    check_rebuttal,
    closes_automatically,
    next_state,
)

NOW = datetime(2026, 11, 23, 10, tzinfo=timezone.utc)


def test_a_received_complaint_starts_as_belum():
    assert next_state(None, Transition.RECEIVE) is State.BELUM


def test_a_follow_up_moves_belum_to_proses():
    assert next_state(State.BELUM, Transition.FOLLOW_UP) is State.PROSES


def test_a_rebutted_complaint_can_be_followed_up_again():
    assert next_state(State.PROSES, Transition.FOLLOW_UP) is State.PROSES


def test_closing_makes_it_selesai_and_reopening_returns_it_to_proses():
    assert next_state(State.PROSES, Transition.CLOSE) is State.SELESAI
    assert next_state(State.SELESAI, Transition.REOPEN) is State.PROSES


@pytest.mark.parametrize("transition", [Transition.DISPOSE, Transition.ESCALATE, Transition.RETURN])
def test_moving_between_units_keeps_the_status(transition):
    assert next_state(State.BELUM, transition) is State.BELUM
    assert next_state(State.PROSES, transition) is State.PROSES


@pytest.mark.parametrize(
    "state, transition",
    [
        (State.BELUM, Transition.CLOSE),  # nothing was answered yet
        (State.BELUM, Transition.REBUT),
        (State.SELESAI, Transition.FOLLOW_UP),
        (State.SELESAI, Transition.REBUT),
        (State.SELESAI, Transition.DISPOSE),
        (State.PROSES, Transition.REOPEN),
        (State.BELUM, Transition.RECEIVE),
    ],
)
def test_an_illegal_transition_is_refused_with_a_clear_message(state, transition):
    with pytest.raises(IllegalTransition) as refused:
        next_state(state, transition)
    assert transition.value in refused.value.message and state.value in refused.value.message


def test_a_rebuttal_inside_the_window_is_accepted():
    check_rebuttal(State.PROSES, Window(NOW + timedelta(days=1)), NOW)


def test_a_rebuttal_after_the_window_is_refused():
    with pytest.raises(IllegalTransition, match=REBUT_WINDOW_CLOSED):
        check_rebuttal(State.PROSES, Window(NOW - timedelta(seconds=1)), NOW)


def test_a_rebuttal_needs_an_answer_to_object_to():
    with pytest.raises(IllegalTransition, match=REBUT_WITHOUT_ANSWER):
        check_rebuttal(State.PROSES, Window(None), NOW)


def test_a_rebutted_complaint_cannot_be_closed_before_it_is_answered_again():
    with pytest.raises(IllegalTransition, match=CLOSE_WHILE_REBUTTED):
        check_closure(State.PROSES, Window(None))


def test_it_closes_automatically_only_once_the_window_has_passed():
    window = Window(NOW)
    assert not closes_automatically(State.PROSES, window, NOW - timedelta(seconds=1))
    assert closes_automatically(State.PROSES, window, NOW)
    assert not closes_automatically(State.PROSES, Window(None), NOW + timedelta(days=99))
    assert not closes_automatically(State.SELESAI, window, NOW + timedelta(days=1))


def _complaint(channel, status="belum", closure_due_at=None, handling_unit_id=None):
    return SimpleNamespace(channel=channel, status=status, closure_due_at=closure_due_at,
                           handling_unit_id=handling_unit_id)


def test_only_a_complaint_made_at_the_desk_or_by_phone_can_be_answered_there():
    assert "answer_at_desk" in admitted(_complaint("tatap_muka"), NOW)
    assert "answer_at_desk" in admitted(_complaint("telepon"), NOW)
    assert "answer_at_desk" not in admitted(_complaint("sms"), NOW)
    assert "answer_at_desk" not in admitted(_complaint("telepon", status="proses", closure_due_at=NOW), NOW)


def test_what_a_complaint_admits_follows_its_window_and_its_place():
    answered = _complaint("web", status="proses", closure_due_at=NOW + timedelta(days=1))
    assert {"close", "rebut"} <= admitted(answered, NOW)
    assert "rebut" not in admitted(answered, NOW + timedelta(days=2))
    assert "return" not in admitted(_complaint("web"), NOW)
    assert "return" in admitted(_complaint("web", handling_unit_id=7), NOW)
