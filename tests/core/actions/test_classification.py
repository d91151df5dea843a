"""Classifying after intake and correcting the place (issue 10): each change an event with the old
and the new values, the deadline counted again from the complaint's own clock, never a guess."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.actions import (
    Classification,
    complaint_classify,
    complaint_escalate,
    complaint_locate,
)
from aduan.core.due_dates import due_for
from aduan.core.enums import EventKind, Severity, Status
from aduan.core.models import Complaint, Event
from aduan.organisation.models import Role
from tests.fixtures.org import MAKASSAR, PURWODADI, lodge, officer, org  # noqa: F401  (shared fixtures)


@pytest.fixture
def front_office(officer):
    return officer("dinsos-35-06", Role.FRONT_OFFICE)


@pytest.fixture
def unclassified(lodge):
    """An SMS as it arrives: a program, no type, no topic, the default severity, ten days old."""
    return lodge(category_type=None, topic=None, receiving_unit="dinsos-35-06",
                 received_at=timezone.now() - timedelta(days=10))


def expected_due(complaint, severity=None, start=None):
    start = start or complaint.received_at
    return due_for(start.astimezone(complaint.local_zone), complaint.policy, severity or complaint.severity).due_at


def test_an_officer_classifies_an_sms_and_the_deadline_follows_from_its_receipt(unclassified, front_office):
    change = Classification(category_type="keluhan", topic="bpnt-3", severity=Severity.SANGAT_BERAT)
    due_before = unclassified.due_at

    complaint = complaint_classify(complaint=unclassified, actor=front_office, change=change)

    stored = Complaint.objects.select_related("topic", "category_type").get(pk=complaint.pk)
    assert (stored.category_type.code, stored.topic.code, stored.severity) == ("keluhan", "bpnt-3", "sangat_berat")
    assert stored.due_at == expected_due(stored, Severity.SANGAT_BERAT) != due_before
    assert stored.status == Status.BELUM
    event = Event.objects.get(complaint=stored, kind=EventKind.CLASSIFIED)
    assert event.data["changes"] == {"category_type": [None, "keluhan"], "topic": [None, "bpnt-3"],
                                     "severity": ["sedang", "sangat_berat"]}
    assert datetime.fromisoformat(event.data["previous_due_at"]) == due_before
    assert event.actor == front_office


def test_another_severity_takes_its_class_deadline_and_owes_the_warning_again(unclassified, front_office):
    Complaint.objects.filter(pk=unclassified.pk).update(warned_at=timezone.now())
    due_before = unclassified.due_at

    complaint = complaint_classify(complaint=unclassified, actor=front_office,
                                   change=Classification(severity=Severity.RINGAN))

    assert complaint.due_at == expected_due(complaint, Severity.RINGAN)
    assert complaint.due_at < due_before  # a light case is answered sooner (SPEC R12)
    assert Complaint.objects.get(pk=complaint.pk).warned_at is None


def test_moving_a_complaint_to_pkh_gives_it_the_pkh_policy_and_its_stages(unclassified, front_office):
    complaint = complaint_classify(complaint=unclassified, actor=front_office,
                                   change=Classification(program="pkh", topic="pkh-4"))

    stored = Complaint.objects.select_related("policy", "program").get(pk=complaint.pk)
    assert (stored.program.code, stored.policy.slug) == ("pkh", "pkh")
    expected = due_for(stored.received_at.astimezone(stored.local_zone), stored.policy, stored.severity)
    stages = list(stored.stages.order_by("order"))
    assert [(s.name, s.due_at) for s in stages] == [(stage.name, at) for stage, at in expected.stages]
    assert expected.stages, "the PKH policy has staged deadlines"
    # Classifying is the documentation and analysis: it completes the first stage (R13).
    assert [s.done_at is not None for s in stages] == [True, False, False, False]


def test_a_topic_of_the_old_program_is_refused_when_only_the_program_changes(lodge, front_office):
    classified = lodge(receiving_unit="dinsos-35-06")  # bpnt-2

    with pytest.raises(errors.ActionError) as refusal:
        complaint_classify(complaint=classified, actor=front_office, change=Classification(program="pkh"))

    assert refusal.value.field == "topic"
    assert Complaint.objects.get(pk=classified.pk).program.code == "bpnt"


@pytest.mark.parametrize("change, field", [
    (Classification(topic="bpnt-99"), "topic"),
    (Classification(category_type="gosip"), "category_type"),
    (Classification(program="bansos-x"), "program"),
    (Classification(severity="parah"), "severity"),
])
def test_unknown_values_are_refused_naming_the_field(unclassified, front_office, change, field):
    with pytest.raises(errors.ActionError) as refusal:
        complaint_classify(complaint=unclassified, actor=front_office, change=change)

    assert refusal.value.field == field
    assert not Event.objects.filter(complaint=unclassified, kind=EventKind.CLASSIFIED).exists()


def test_the_same_classification_again_writes_nothing(unclassified, front_office):
    change = Classification(category_type="keluhan", topic="bpnt-3")
    complaint_classify(complaint=unclassified, actor=front_office, change=change)
    complaint_classify(complaint=unclassified, actor=front_office, change=change)

    assert Event.objects.filter(complaint=unclassified, kind=EventKind.CLASSIFIED).count() == 1


def test_after_an_escalation_the_deadline_counts_from_the_escalation(lodge, officer, front_office):
    complaint = lodge(receiving_unit="dinsos-35-06", category_type=None, topic=None,
                      received_at=timezone.now() - timedelta(days=20))
    Complaint.objects.filter(pk=complaint.pk).update(handling_unit=complaint.receiving_unit)
    head = officer("dinsos-35-06", Role.ADMINISTRATOR)
    escalated_at = timezone.now() - timedelta(days=2)
    complaint_escalate(complaint=Complaint.objects.get(pk=complaint.pk), actor=head, reason="Di luar kewenangan",
                       at=escalated_at)
    province_officer = officer("dinsos-35", Role.BACK_OFFICE)

    classified = complaint_classify(complaint=Complaint.objects.get(pk=complaint.pk), actor=province_officer,
                                    change=Classification(severity=Severity.RINGAN))

    assert classified.due_at == expected_due(classified, Severity.RINGAN, start=escalated_at)


def test_a_supervisor_reads_but_does_not_classify(unclassified, officer):
    supervisor = officer("dinsos-35-06", Role.SUPERVISOR)

    with pytest.raises(NotAllowed):
        complaint_classify(complaint=unclassified, actor=supervisor, change=Classification(topic="bpnt-3"))


def test_a_closed_complaint_is_not_classified_again(unclassified, front_office):
    Complaint.objects.filter(pk=unclassified.pk).update(status=Status.SELESAI)

    with pytest.raises(errors.ActionError) as refusal:
        complaint_classify(complaint=unclassified, actor=front_office, change=Classification(topic="bpnt-3"))

    assert refusal.value.code == "illegal_transition"


def test_correcting_a_flagged_place_names_the_region_and_keeps_what_was_sent(lodge, front_office):
    flagged = lodge(receiving_unit="dinsos-35-06", region_code=None, location_text="ds purwodadi ringin rejo",
                    location_needs_review=True)

    complaint = complaint_locate(complaint=flagged, actor=front_office, region_code=PURWODADI)

    stored = Complaint.objects.get(pk=complaint.pk)
    assert (stored.region_id, stored.location_needs_review) == (PURWODADI, False)
    event = Event.objects.get(complaint=stored, kind=EventKind.LOCATED)
    assert event.data["location_text"] == "ds purwodadi ringin rejo"
    assert (event.data["from_region"], event.data["to_region"]) == (None, PURWODADI)


def test_a_place_in_another_time_zone_counts_the_deadline_in_that_zone(lodge, front_office):
    # Received at midday in both zones: between 16:00 and 17:00 UTC it is already tomorrow in
    # Makassar but not in Kediri, and the two deadlines would be a day apart.
    midday = (timezone.now() - timedelta(days=1)).replace(hour=5, minute=0, second=0, microsecond=0)
    complaint = lodge(receiving_unit="dinsos-35-06", received_at=midday)
    due_before = complaint.due_at

    moved = complaint_locate(complaint=complaint, actor=front_office, region_code=MAKASSAR)

    assert moved.due_at == expected_due(moved)
    assert moved.due_at.astimezone(moved.local_zone).utcoffset() == timedelta(hours=8)  # WITA
    assert moved.due_at == due_before - timedelta(hours=1)  # the same day's end, an hour earlier


def test_an_unknown_region_is_refused(lodge, front_office):
    with pytest.raises(errors.ActionError) as refusal:
        complaint_locate(complaint=lodge(receiving_unit="dinsos-35-06"), actor=front_office, region_code="99.99")

    assert refusal.value.field == "location_code"
