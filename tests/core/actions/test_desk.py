"""The front office settles a simple case on the spot or refers a complex one to the unit's sub
koordinator (SPEC R21; Probolinggo procedure 2.4–2.8)."""

import pytest
from django.contrib.auth import get_user_model

from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.actions import complaint_answer_at_desk, complaint_follow_up, complaint_refer
from aduan.core.actions.assignment import NO_REFERRAL_NOTE
from aduan.core.enums import EventKind, Status
from aduan.core.workflow import NOT_AT_THE_DESK
from aduan.core.intake import Reporter
from aduan.core.models import Complaint
from aduan.notifications.models import Notification
from aduan.organisation.models import Role
from tests.fixtures.org import lodge, officer, org  # noqa: F401  (shared fixtures)


@pytest.fixture
def desk(officer):
    return officer("dinsos-35-06", Role.FRONT_OFFICE)


@pytest.fixture
def walk_in(lodge, desk):
    return lodge(channel="tatap_muka", receiving_unit="dinsos-35-06", actor=desk,
                 reporter=Reporter(name="Siti Aminah", email="siti@example.id", nik="3506104501800001"))


def test_a_simple_case_answered_at_the_desk_is_closed_with_the_answer(walk_in, desk):
    closed = complaint_answer_at_desk(complaint=walk_in, actor=desk, answer="Saldo masuk tanggal 5; cek lagi di e-Warong.")

    assert closed.status == Status.SELESAI and closed.closed_at and closed.first_answered_at
    answer, close = walk_in.events.filter(kind__in=[EventKind.FOLLOWED_UP, EventKind.CLOSED]).order_by("pk")
    assert answer.public_note == "Saldo masuk tanggal 5; cek lagi di e-Warong." and answer.actor == desk
    assert (close.from_status, close.to_status, close.data) == (Status.BELUM, Status.SELESAI, {"at_desk": True})
    # The reporter keeps the answer in writing too, without an invitation to rebut a closed case.
    told = Notification.objects.get(event=answer)
    assert told.recipient == "siti@example.id" and "dijawab di loket: Saldo masuk" in told.body
    assert "SANGGAH" not in told.body


def test_only_what_came_to_the_desk_or_the_phone_is_answered_there(lodge, desk, walk_in):
    by_sms = lodge(receiving_unit="dinsos-35-06")
    with pytest.raises(errors.ActionError, match=NOT_AT_THE_DESK):
        complaint_answer_at_desk(complaint=by_sms, actor=desk, answer="Sudah dijelaskan.")
    with pytest.raises(errors.ActionError, match=errors.EMPTY_ANSWER):
        complaint_answer_at_desk(complaint=walk_in, actor=desk, answer="  ")
    assert Complaint.objects.get(pk=walk_in.pk).status == Status.BELUM


def test_a_complex_case_is_referred_to_the_sub_koordinator_who_decides(walk_in, desk, officer):
    sub = officer("dinsos-35-06", Role.SUB_KOORDINATOR)
    get_user_model().objects.filter(pk=sub.pk).update(email="subkor@dinsos.kedirikab.go.id")

    referred = complaint_refer(complaint=walk_in, actor=desk, officer=sub, note="Nama di KKS beda dengan KTP.")

    assert referred.assigned_to == sub and referred.status == Status.BELUM
    event = walk_in.events.get(kind=EventKind.ASSIGNED)
    assert event.data["referral"] and "Nama di KKS beda dengan KTP." in event.note and event.actor == desk
    assert Notification.objects.get(event=event).recipient == "subkor@dinsos.kedirikab.go.id"
    # The sub koordinator's decision is the unit's answer, which the reporter may rebut.
    answered = complaint_follow_up(complaint=referred, actor=sub, answer="Data KKS diperbaiki lewat SIKS-NG.")
    assert answered.status == Status.PROSES and answered.closure_due_at


def test_a_referral_needs_a_note_and_a_sub_koordinator_of_the_unit(walk_in, desk, officer, lodge):
    sub = officer("dinsos-35-06", Role.SUB_KOORDINATOR)
    with pytest.raises(errors.ActionError, match=NO_REFERRAL_NOTE):
        complaint_refer(complaint=walk_in, actor=desk, officer=sub, note="")
    with pytest.raises(errors.ActionError, match="bukan sub koordinator"):
        complaint_refer(complaint=walk_in, actor=desk, officer=officer("dinsos-35-06", Role.BACK_OFFICE), note="x")
    with pytest.raises(errors.ActionError, match="bukan sub koordinator"):
        complaint_refer(complaint=walk_in, actor=desk, officer=officer("dinsos-35-71", Role.SUB_KOORDINATOR), note="x")
    with pytest.raises(NotAllowed):
        complaint_refer(complaint=walk_in, actor=officer("dinsos-35-06", Role.SUPERVISOR), officer=sub, note="x")
    with pytest.raises(NotAllowed):  # a desk elsewhere
        complaint_answer_at_desk(complaint=walk_in, actor=officer("dinsos-35-71", Role.FRONT_OFFICE), answer="x")
