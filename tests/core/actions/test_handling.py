"""Disposition, return and escalation between units (SPEC R14, R16), and the sweep's deadline steps
(R16, R20): every hop an event, no unit's history lost, each step once per deadline."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core import errors
from aduan.core.actions import (
    complaint_announce_overdue,
    complaint_dispose,
    complaint_escalate,
    complaint_escalate_overdue,
    complaint_follow_up,
    complaint_return,
    complaint_warn_approaching,
    overdue,
)
from aduan.core.actions.handling import NOT_ABOVE, NOTHING_TO_RETURN, SAME_UNIT, TOP_LEVEL
from aduan.core.enums import EventKind, Status
from aduan.core.intake import Reporter
from aduan.core.models import Complaint, Event
from aduan.core.sweep import run_sweep
from aduan.notifications.models import Notification
from aduan.organisation.models import Role
from tests.fixtures.org import MAKASSAR, lodge, officer, org  # noqa: F401  (shared fixtures)

# Messages go out by the channel the reporter used (tests configure no SMS gateway).
EMAIL_REPORTER = Reporter(name="Siti Aminah", email="siti@example.id")


@pytest.fixture
def coordinator(officer):
    return officer("admin-utama", Role.ADMINISTRATOR)


@pytest.fixture
def at_kediri(lodge, coordinator, org):
    """A regional complaint disposed to the province, which forwarded it to Kabupaten Kediri."""
    complaint = lodge()
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["dinsos-35"])
    return complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["dinsos-35-06"], note="Lokasi Kediri")


def kinds(complaint):
    return list(Event.objects.filter(complaint=complaint).values_list("kind", flat=True))


# --- Disposition and return ------------------------------------------------------------------

def test_each_hop_of_a_disposition_is_an_event_with_both_units(at_kediri, org):
    hops = Event.objects.filter(complaint=at_kediri, kind=EventKind.DISPOSED).order_by("at", "id")
    assert [(e.from_unit.code, e.to_unit.code) for e in hops] == [
        ("admin-utama", "dinsos-35"), ("dinsos-35", "dinsos-35-06")]
    assert at_kediri.handling_unit == org["dinsos-35-06"] and at_kediri.status == Status.BELUM


def test_disposing_to_the_unit_already_handling_it_is_refused(at_kediri, coordinator, org):
    with pytest.raises(errors.ActionError, match=SAME_UNIT):
        complaint_dispose(complaint=at_kediri, actor=coordinator, to_unit=org["dinsos-35-06"])


def test_a_returned_complaint_goes_back_to_the_unit_that_disposed_it(at_kediri, officer, org):
    kediri = officer("dinsos-35-06")
    returned = complaint_return(complaint=at_kediri, actor=kediri, reason="Lokasi di Kota Kediri, bukan kabupaten.")
    assert returned.handling_unit == org["dinsos-35"]
    event = Event.objects.get(complaint=at_kediri, kind=EventKind.RETURNED)
    assert (event.from_unit.code, event.to_unit.code) == ("dinsos-35-06", "dinsos-35")
    assert event.note == "Lokasi di Kota Kediri, bukan kabupaten."


def test_returned_to_the_receiving_unit_it_waits_for_a_new_disposition(lodge, coordinator, officer, org):
    complaint = lodge()
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["bri"])
    returned = complaint_return(complaint=complaint, actor=officer("bri"), reason="Bukan masalah kartu.")
    assert returned.handling_unit is None and returned.receiving_unit == org["admin-utama"]


def test_nothing_can_be_returned_before_a_disposition(lodge, coordinator):
    with pytest.raises(errors.ActionError, match=NOTHING_TO_RETURN):
        complaint_return(complaint=lodge(), actor=coordinator, reason="Bukan kami.")


def test_a_return_needs_a_reason(at_kediri, officer):
    with pytest.raises(errors.ActionError, match=errors.EMPTY_REASON):
        complaint_return(complaint=at_kediri, actor=officer("dinsos-35-06"), reason="  ")


# --- Escalation -----------------------------------------------------------------------------------

def test_a_kabupaten_escalates_to_its_province_then_to_tikor_pusat(at_kediri, officer, org):
    kediri = officer("dinsos-35-06")
    complaint_escalate(complaint=at_kediri, actor=kediri, reason="Perlu keputusan provinsi.")
    assert at_kediri.handling_unit == org["dinsos-35"]
    complaint_escalate(complaint=at_kediri, actor=officer("dinsos-35"), reason="Lintas instansi.")
    assert at_kediri.handling_unit == org["tikor-pusat"]
    hops = Event.objects.filter(complaint=at_kediri, kind=EventKind.ESCALATED).order_by("at", "id")
    assert [(e.from_unit.code, e.to_unit.code) for e in hops] == [
        ("dinsos-35-06", "dinsos-35"), ("dinsos-35", "tikor-pusat")]
    # The lower unit's history stays: its dispositions and escalation are all still there.
    assert kinds(at_kediri) == ["received", "disposed", "disposed", "escalated", "escalated"]


def test_the_top_of_the_ladder_cannot_escalate(at_kediri, officer, org, coordinator):
    complaint_dispose(complaint=at_kediri, actor=coordinator, to_unit=org["tikor-pusat"])
    with pytest.raises(errors.ActionError, match=TOP_LEVEL):
        complaint_escalate(complaint=at_kediri, actor=officer("tikor-pusat"), reason="Tidak selesai.")


def test_a_pkh_complaint_climbs_the_pkh_ladder(lodge, coordinator, officer, org):
    complaint = lodge(program="pkh", topic="pkh-6", text="Pendamping jarang datang.")
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["uppkh-35-06"])
    for expected in ["tikor-35-06", "tikor-35", "uppkh-pusat", "tikor-teknis-pusat"]:
        complaint_escalate(complaint=complaint, actor=officer(complaint.handling_unit.code), reason="Belum selesai.")
        assert complaint.handling_unit.code == expected


def test_a_complaint_about_a_pendamping_may_go_straight_to_uppkh_pusat(lodge, coordinator, officer, org):
    complaint = lodge(program="pkh", topic="pkh-6", text="Pendamping meminta uang.")
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["uppkh-35-06"])
    complaint_escalate(complaint=complaint, actor=officer("uppkh-35-06"), reason="Kinerja pendamping.", to_unit=org["uppkh-pusat"])
    assert complaint.handling_unit == org["uppkh-pusat"]


def test_escalating_sideways_or_down_is_refused(at_kediri, officer, org):
    with pytest.raises(errors.ActionError, match=re.escape(NOT_ABOVE.format(unit=org["bri"].name))):
        complaint_escalate(complaint=at_kediri, actor=officer("dinsos-35-06"), reason="x", to_unit=org["bri"])


def test_the_unit_above_gets_a_fresh_due_date_and_the_first_one_is_kept_in_the_event(at_kediri, officer):
    first_due = at_kediri.due_at
    later = first_due + timedelta(days=1)
    complaint_escalate(complaint=at_kediri, actor=officer("dinsos-35-06"), reason="Lewat tenggat.", at=later)
    assert at_kediri.due_at > later
    event = Event.objects.get(complaint=at_kediri, kind=EventKind.ESCALATED)
    assert event.data["previous_due_at"] == first_due.isoformat() and event.data["automatic"] is False


def test_an_escalation_tells_the_reporter_it_is_still_in_process(lodge, coordinator, officer, org,
                                                                 django_capture_on_commit_callbacks):
    at_kediri = complaint_dispose(complaint=lodge(reporter=EMAIL_REPORTER, channel="email"), actor=coordinator,
                                  to_unit=org["dinsos-35-06"])
    with django_capture_on_commit_callbacks(execute=True):
        complaint_escalate(complaint=at_kediri, actor=officer("dinsos-35-06"), reason="Perlu provinsi.")
    message = Notification.objects.get(complaint=at_kediri, event__kind=EventKind.ESCALATED)
    assert "masih diproses dan diteruskan ke Dinas Sosial Provinsi Jawa Timur" in message.body


# --- The sweep ------------------------------------------------------------------------------------

def test_an_overdue_complaint_is_raised_to_the_province(at_kediri, org):
    late = at_kediri.due_at + timedelta(minutes=1)
    assert complaint_escalate_overdue(now=late) == 1
    at_kediri.refresh_from_db()
    assert at_kediri.handling_unit == org["dinsos-35"] and at_kediri.due_at > late
    event = Event.objects.get(complaint=at_kediri, kind=EventKind.ESCALATED)
    assert event.actor_label == "Sistem" and event.data["automatic"] is True


def test_an_overdue_complaint_is_escalated_once_per_deadline(at_kediri):
    late = at_kediri.due_at + timedelta(minutes=1)
    assert complaint_escalate_overdue(now=late) == 1
    assert complaint_escalate_overdue(now=late) == 0
    assert complaint_escalate_overdue(now=late + timedelta(hours=1)) == 0


def test_two_workers_with_the_same_stale_list_escalate_once(at_kediri, monkeypatch):
    """The second worker read its candidates before the first committed: the re-check under the
    row lock keeps it from escalating again."""
    late = at_kediri.due_at + timedelta(minutes=1)
    monkeypatch.setattr(overdue, "_overdue_candidates", lambda now: [at_kediri.pk, at_kediri.pk])
    assert complaint_escalate_overdue(now=late) == 1
    assert Event.objects.filter(complaint=at_kediri, kind=EventKind.ESCALATED).count() == 1


def test_at_the_top_the_reporter_is_told_the_deadline_is_exceeded_once(
        lodge, coordinator, org, django_capture_on_commit_callbacks):
    complaint = lodge(topic="bpnt-1", reporter=EMAIL_REPORTER, channel="email")
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["tikor-pusat"])
    late = complaint.due_at + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        report = run_sweep(now=late)
    assert report.counts["dieskalasi (lewat tenggat)"] == 0
    assert report.counts["pelapor diberi tahu (lewat tenggat)"] == 1
    warned = Event.objects.get(complaint=complaint, kind=EventKind.WARNED)
    assert warned.data["overdue"] is True
    assert "melebihi tenggat" in Notification.objects.get(complaint=complaint, event__kind=EventKind.WARNED).body
    assert run_sweep(now=late + timedelta(hours=2)).counts["pelapor diberi tahu (lewat tenggat)"] == 0


def test_the_unit_is_warned_once_when_three_quarters_of_the_time_has_passed(at_kediri):
    span = at_kediri.due_at - at_kediri.received_at
    assert complaint_warn_approaching(now=at_kediri.received_at + span * 0.7) == 0
    three_quarters = at_kediri.received_at + span * 0.8
    assert complaint_warn_approaching(now=three_quarters) == 1
    assert complaint_warn_approaching(now=three_quarters + timedelta(hours=1)) == 0
    at_kediri.refresh_from_db()
    assert at_kediri.warned_at == three_quarters
    warning = Event.objects.get(complaint=at_kediri, kind=EventKind.WARNED)
    assert "overdue" not in warning.data and warning.to_unit.code == "dinsos-35-06"


def test_after_an_escalation_the_warning_counts_from_the_escalation(at_kediri, officer):
    at = at_kediri.received_at + timedelta(days=1)
    complaint_escalate(complaint=at_kediri, actor=officer("dinsos-35-06"), reason="Perlu provinsi.", at=at)
    span = at_kediri.due_at - at
    assert complaint_warn_approaching(now=at + span * 0.7) == 0
    assert complaint_warn_approaching(now=at + span * 0.8) == 1


def test_an_answered_complaint_is_neither_warned_nor_escalated(at_kediri, officer):
    complaint_follow_up(complaint=at_kediri, actor=officer("dinsos-35-06"), answer="Sudah ditangani.")
    late = at_kediri.due_at + timedelta(minutes=1)
    assert complaint_escalate_overdue(now=late) == 0 and complaint_announce_overdue(now=late) == 0
    assert complaint_warn_approaching(now=at_kediri.due_at - timedelta(minutes=1)) == 0


def test_a_makassar_complaint_escalates_within_its_own_province(lodge, coordinator, org):
    complaint = lodge(region_code=MAKASSAR)
    complaint_dispose(complaint=complaint, actor=coordinator, to_unit=org["dinsos-73-71"])
    complaint_escalate_overdue(now=complaint.due_at + timedelta(minutes=1))
    assert Complaint.objects.get(pk=complaint.pk).handling_unit == org["dinsos-73"]


def test_warning_due_is_the_fraction_of_the_window(org):
    start = timezone.now()
    assert overdue.warning_due(start, start + timedelta(days=4), 0.75) == start + timedelta(days=3)
