"""Possible duplicates: the same reporter, a similar text, within 30 days; linked, never merged."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core import errors
from aduan.core.actions import complaint_link
from aduan.core.duplicates import possible_duplicates
from aduan.core.enums import EventKind, Status
from aduan.core.intake import Reporter
from aduan.core.models import Complaint, Event
from aduan.organisation.models import Role
from tests.fixtures.org import lodge, officer, org  # noqa: F401  (shared fixtures)

SITI = Reporter(name="Siti Aminah", phone="+6281234567890", nik="3506104501800001")


@pytest.fixture
def desk(officer):
    return officer("dinsos-35-06", Role.FRONT_OFFICE)


def file(lodge, text, reporter=SITI, days_ago=0):
    return lodge(receiving_unit="dinsos-35-06", text=text, reporter=reporter,
                 received_at=timezone.now() - timedelta(days=days_ago))


def numbers(found):
    return [d.complaint.tracking_number for d in found]


def test_the_same_reporter_writing_the_same_problem_again_is_a_possible_duplicate(lodge, desk):
    first = file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni", days_ago=12)
    file(lodge, "Beras dari e-Warong berkutu dan bau")  # the same reporter, another problem
    by_nik_only = file(lodge, "saldo kks blm masuk dr juni", reporter=Reporter(name="Siti", nik=SITI.nik))
    file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni", reporter=Reporter(name="Lain", phone="+6281111111111"))
    again = file(lodge, "saldo kks sy blm masuk sejak juni")

    assert set(numbers(possible_duplicates(again, desk))) == {first.tracking_number, by_nik_only.tracking_number}


def test_what_is_older_than_30_days_or_anonymous_is_not_offered(lodge, desk):
    file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni", days_ago=45)
    again = file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni")
    anonymous = file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni", reporter=Reporter(anonymous=True))

    assert possible_duplicates(again, desk) == []
    assert possible_duplicates(anonymous, desk) == []


def test_linking_writes_an_event_on_both_and_merges_nothing(lodge, desk):
    first = file(lodge, "Saldo KKS saya belum masuk sejak bulan Juni", days_ago=3)
    again = file(lodge, "saldo kks belum masuk sejak juni")

    complaint_link(complaint=again, actor=desk, other=first)
    complaint_link(complaint=again, actor=desk, other=first)  # twice: still one link

    for this, that in ((again, first), (first, again)):
        events = Event.objects.filter(complaint=this, kind=EventKind.LINKED)
        assert [e.data for e in events] == [{"with": that.tracking_number}]
    assert Complaint.objects.filter(status=Status.BELUM).count() == 2
    assert possible_duplicates(again, desk) == []  # linked already


def test_a_complaint_is_not_linked_to_itself(lodge, desk):
    complaint = file(lodge, "Saldo KKS saya belum masuk")

    with pytest.raises(errors.ActionError):
        complaint_link(complaint=complaint, actor=desk, other=complaint)
