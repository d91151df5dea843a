"""Follow-up, rebuttal and closure through the actions, with their events (SPEC R15)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core import errors
from aduan.core.actions import (
    complaint_close,
    complaint_close_expired,
    complaint_dispose,
    complaint_follow_up,
    complaint_rebut,
    complaint_reopen,
)
from aduan.core.actions.lifecycle import AUTO_CLOSE_NOTE
from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint, Event
from aduan.core.sweep import run_sweep
from aduan.core.workflow import REBUT_WINDOW_CLOSED


@pytest.fixture
def answered(file_complaint, coordinator, kediri_officer, world):
    complaint = file_complaint()
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=world["dinsos-35-06"])
    return complaint_follow_up(complaint=complaint, actor=kediri_officer, answer="Saldo sudah masuk hari ini.",
                               internal_note="Dicek ke BRI cabang Kediri.")


def test_a_follow_up_moves_it_to_proses_and_opens_a_ten_day_window(answered):
    assert answered.status == Status.PROSES
    # "10 hari" after the follow-up: the end of the tenth calendar day, in the region's local time.
    zone = answered.local_zone
    closes = answered.closure_due_at.astimezone(zone)
    assert closes.date() - answered.followed_up_at.astimezone(zone).date() == timedelta(days=10)
    assert (closes.hour, closes.minute) == (23, 59)
    event = answered.events.get(kind=EventKind.FOLLOWED_UP)
    assert event.public_note == "Saldo sudah masuk hari ini." and event.note == "Dicek ke BRI cabang Kediri."
    assert (event.from_status, event.to_status) == (Status.BELUM, Status.PROSES)


def test_an_empty_answer_is_refused(file_complaint, kediri_officer):
    with pytest.raises(errors.ActionError, match=errors.EMPTY_ANSWER):
        complaint_follow_up(complaint=file_complaint(), actor=kediri_officer, answer=" ")


def test_a_rebuttal_inside_the_window_returns_the_work_to_the_same_unit(answered, world):
    rebutted = complaint_rebut(complaint=answered, text="Saldo belum masuk, saya sudah cek di e-Warong.")
    assert rebutted.status == Status.PROSES and rebutted.closure_due_at is None
    assert rebutted.handling_unit == world["dinsos-35-06"]
    assert Event.objects.filter(complaint=answered, kind=EventKind.REBUTTED, actor_label="Pelapor").exists()


def test_a_rebutted_complaint_does_not_close_itself(answered):
    complaint_rebut(complaint=answered, text="Belum masuk.")
    assert complaint_close_expired(now=timezone.now() + timedelta(days=30)) == 0
    assert Complaint.objects.get(pk=answered.pk).status == Status.PROSES


def test_a_rebuttal_after_the_window_is_refused(answered):
    with pytest.raises(errors.ActionError, match=REBUT_WINDOW_CLOSED):
        complaint_rebut(complaint=answered, text="Terlambat", at=answered.closure_due_at + timedelta(minutes=1))


def test_the_sweep_closes_it_when_the_window_passes_unrebutted(answered):
    assert complaint_close_expired(now=answered.closure_due_at - timedelta(minutes=1)) == 0
    report = run_sweep(now=answered.closure_due_at + timedelta(minutes=1))
    assert report.counts["ditutup otomatis"] == 1
    closed = Complaint.objects.get(pk=answered.pk)
    assert closed.status == Status.SELESAI and closed.closed_at is not None
    event = closed.events.get(kind=EventKind.CLOSED)
    assert event.actor_label == "Sistem" and event.public_note == AUTO_CLOSE_NOTE
    # A second sweep finds nothing more to do.
    assert complaint_close_expired(now=answered.closure_due_at + timedelta(days=1)) == 0


def test_a_closed_complaint_can_be_reopened(answered, coordinator):
    complaint_close_expired(now=answered.closure_due_at)
    reopened = complaint_reopen(complaint=Complaint.objects.get(pk=answered.pk), actor=coordinator, reason="Pelapor datang lagi, saldo hilang.")
    assert reopened.status == Status.PROSES and reopened.closed_at is None


def test_a_new_complaint_cannot_be_closed(file_complaint, coordinator):
    complaint = file_complaint()
    with pytest.raises(errors.ActionError) as refused:
        complaint_close(complaint=complaint, actor=coordinator, reason="Selesai")
    assert refused.value.code == "illegal_transition"


def test_an_officer_may_close_early_with_a_reason(answered, kediri_officer):
    closed = complaint_close(complaint=answered, actor=kediri_officer, reason="Pelapor mengonfirmasi lewat telepon.")
    assert closed.status == Status.SELESAI


def test_events_are_never_edited_or_deleted(answered):
    event = answered.events.first()
    event.note = "diubah"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        Event.objects.filter(pk=event.pk).update(note="diubah")
