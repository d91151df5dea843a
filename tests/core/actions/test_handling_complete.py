"""Handling complete (issue 11): assignment within a unit, PKH stages and extensions (SPEC R13),
the bottom of the PKH ladder (R16), and R20's announcement answered in the app."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import Ability, NotAllowed, complaints_visible_to, may
from aduan.core.actions import (
    Classification,
    complaint_answer_announcement,
    complaint_assign,
    complaint_classify,
    complaint_complete_stage,
    complaint_dispose,
    complaint_escalate,
    complaint_extend,
    complaint_follow_up,
)
from aduan.core.actions.announcement import OWN_RECORD_NOT_FOUND
from aduan.core.actions.assignment import NOT_OF_THE_UNIT
from aduan.core.actions.stages import ALREADY_EXTENDED, NOT_PKH
from aduan.core.due_dates import working_calendar
from aduan.core.enums import DistrictAnswer, EventKind
from aduan.core.intake import Reporter
from aduan.core.models import Complaint, Event
from aduan.notifications.models import Notification
from aduan.organisation.models import Membership, Role, Unit, UnitKind
from aduan.regions.models import Region
from tests.fixtures.org import POJOK, PURWODADI, lodge, officer, org  # noqa: F401  (shared fixtures)

EMAIL_REPORTER = Reporter(name="Siti Aminah", email="siti@example.id")


@pytest.fixture
def coordinator(officer):
    return officer("admin-utama", Role.ADMINISTRATOR)


@pytest.fixture
def at_kediri(lodge, coordinator, org):
    return complaint_dispose(complaint=lodge(), actor=coordinator, to_unit=org["dinsos-35-06"])


# --- Assignment ---------------------------------------------------------------------------------

def test_the_head_assigns_a_complaint_to_an_officer_who_is_told(at_kediri, officer):
    head = officer("dinsos-35-06", Role.PEJABAT_PENGELOLA)
    worker = officer("dinsos-35-06", Role.BACK_OFFICE)
    get_user_model().objects.filter(pk=worker.pk).update(email="budi@dinsos.kedirikab.go.id")

    complaint = complaint_assign(complaint=at_kediri, actor=head, officer=worker, note="Tolong cek ke e-Warong.")

    assert Complaint.objects.get(pk=complaint.pk).assigned_to_id == worker.pk
    event = Event.objects.get(complaint=complaint, kind=EventKind.ASSIGNED)
    assert event.data["officer_id"] == worker.pk and "Tolong cek" in event.note
    told = Notification.objects.get(event=event)
    assert told.recipient == "budi@dinsos.kedirikab.go.id" and complaint.tracking_number in told.body


def test_only_the_head_assigns_and_only_to_the_units_own_officers(at_kediri, officer):
    worker = officer("dinsos-35-06", Role.BACK_OFFICE)
    with pytest.raises(NotAllowed):
        complaint_assign(complaint=at_kediri, actor=officer("dinsos-35-06", Role.FRONT_OFFICE), officer=worker)
    stranger = officer("dinsos-35-71", Role.BACK_OFFICE)
    with pytest.raises(errors.ActionError, match=NOT_OF_THE_UNIT.split("{")[1].split("}")[1].strip()):
        complaint_assign(complaint=at_kediri, actor=officer("dinsos-35-06"), officer=stranger)
    reader = officer("dinsos-35-06", Role.SUPERVISOR)
    with pytest.raises(errors.ActionError):
        complaint_assign(complaint=at_kediri, actor=officer("dinsos-35-06"), officer=reader)


def test_a_hop_to_another_unit_clears_the_assignment(at_kediri, officer, org):
    head = officer("dinsos-35-06")
    complaint_assign(complaint=at_kediri, actor=head, officer=officer("dinsos-35-06", Role.BACK_OFFICE))
    complaint_escalate(complaint=at_kediri, actor=head, reason="Perlu keputusan provinsi.")
    assert Complaint.objects.get(pk=at_kediri.pk).assigned_to_id is None


# --- PKH stages and extensions ------------------------------------------------------------------

@pytest.fixture
def pkh(lodge, coordinator):
    return lodge(program="pkh", topic="pkh-2", reporter=EMAIL_REPORTER)


def done(complaint) -> list[bool]:
    return [s.done_at is not None for s in complaint.stages.order_by("order")]


def test_the_actions_that_complete_each_stage_mark_it_done(pkh, coordinator, officer, org):
    assert done(pkh) == [False, False, False, False]
    complaint_dispose(complaint=pkh, actor=coordinator, to_unit=org["uppkh-35-06"])
    assert done(pkh) == [True, True, False, False]  # identifying who follows up, and what came before
    complaint_follow_up(complaint=pkh, actor=officer("uppkh-35-06"), answer="Data Anda sudah kami perbaiki.")
    assert done(pkh) == [True, True, True, True]


def test_a_stage_is_marked_done_by_hand_and_a_late_one_says_so(pkh, coordinator):
    first = pkh.stages.get(order=1)
    late = first.due_at + timedelta(hours=1)
    assert first.is_overdue(late)

    complaint_complete_stage(complaint=pkh, actor=coordinator, order=1, at=late)

    assert done(pkh) == [True, False, False, False]
    event = Event.objects.get(complaint=pkh, kind=EventKind.STAGE_DONE)
    assert event.data == {"order": 1, "stage": first.name, "late": True}
    with pytest.raises(errors.ActionError):
        complaint_complete_stage(complaint=pkh, actor=coordinator, order=1)


def test_an_extension_moves_the_due_date_once_and_tells_the_reporter(pkh, coordinator):
    before = pkh.due_at
    complaint = complaint_extend(complaint=pkh, actor=coordinator, extension="data_induk",
                                 reason="Perbaikan data di UPPKH Pusat (R19).")

    local = complaint.due_at.astimezone(complaint.local_zone)
    previous = before.astimezone(complaint.local_zone)
    assert (local.year * 12 + local.month) - (previous.year * 12 + previous.month) == 1
    assert 0 <= (local.date() - previous.date()).days - 28 <= 6 and working_calendar().is_working_day(local.date())
    assert [s.due_at > before for s in complaint.stages.filter(done_at__isnull=True)][-1]
    told = Notification.objects.filter(complaint=complaint, event__kind=EventKind.EXTENDED).get()
    assert told.recipient == "siti@example.id" and "diperpanjang 1 bulan" in told.body and f"{local:%d-%m-%Y}" in told.body

    with pytest.raises(errors.ActionError, match="sudah pernah diberikan"):
        complaint_extend(complaint=complaint, actor=coordinator, extension="data_induk", reason="Lagi.")
    assert ALREADY_EXTENDED.split("{")[0] == "Perpanjangan untuk "
    after_one = complaint.due_at
    three = complaint_extend(complaint=complaint, actor=coordinator, extension="penyedia_layanan",
                             reason="Kantor pos memperbaiki jadwal bayar.")
    assert three.due_at > after_one + timedelta(days=85)


def test_a_reclassification_keeps_the_extension(pkh, coordinator):
    extended = complaint_extend(complaint=pkh, actor=coordinator, extension="data_induk", reason="Data induk.")
    reclassified = complaint_classify(complaint=extended, actor=coordinator, change=Classification(topic="pkh-1"))
    assert reclassified.due_at == extended.due_at


def test_only_pkh_complaints_are_extended_and_only_by_the_head(at_kediri, pkh, officer, org, coordinator):
    with pytest.raises(errors.ActionError, match=NOT_PKH):
        complaint_extend(complaint=at_kediri, actor=officer("dinsos-35-06"), extension="data_induk", reason="x")
    complaint_dispose(complaint=pkh, actor=coordinator, to_unit=org["uppkh-35-06"])
    with pytest.raises(NotAllowed):
        complaint_extend(complaint=pkh, actor=officer("uppkh-35-06", Role.BACK_OFFICE), extension="data_induk",
                         reason="x")


# --- The bottom of the PKH ladder (R16) --------------------------------------------------------

@pytest.fixture
def ladder(org, officer):
    """A kelompok in Purwodadi, a pendamping for kecamatan Ringinrejo, and their people."""
    desa, kecamatan = Region.objects.get(code=PURWODADI), Region.objects.get(code=PURWODADI[:8])
    kelompok = Unit.objects.create(code="kelompok-purwodadi-1", name="Kelompok PKH Purwodadi 1",
                                   kind=UnitKind.KELOMPOK, region=desa, parent=org["uppkh-35-06"])
    pendamping = Unit.objects.create(code="pendamping-ringinrejo", name="Pendamping PKH Ringinrejo",
                                     kind=UnitKind.PENDAMPING, region=kecamatan, parent=org["uppkh-35-06"])
    ketua = get_user_model().objects.create_user(username="ketua", first_name="Ketua")
    Membership.objects.create(user=ketua, unit=kelompok, role=Role.KETUA_KELOMPOK)
    person = get_user_model().objects.create_user(username="pendamping", first_name="Pendamping")
    Membership.objects.create(user=person, unit=pendamping, role=Role.PENDAMPING)
    return {"kelompok": kelompok, "pendamping": pendamping, "ketua": ketua, "person": person}


def file_at(unit, actor, **overrides):
    from aduan.core.actions import complaint_receive
    from aduan.core.intake import IntakeMessage

    fields = {"channel": "tatap_muka", "program": "pkh", "text": "Bantuan PKH bulan ini belum cair.",
              "region_code": PURWODADI, "category_type": "keluhan", "topic": "pkh-4", "reporter": EMAIL_REPORTER}
    fields.update(overrides)
    return complaint_receive(message=IntakeMessage(**fields), receiving_unit=unit, actor=actor).complaint


def test_the_ketua_kelompok_files_settles_or_escalates_up_the_ladder(ladder, org):
    complaint = file_at(ladder["kelompok"], ladder["ketua"])
    assert complaint.holder_id == ladder["kelompok"].pk  # the first rung: settled where it is if it can be
    assert may(ladder["ketua"], Ability.FOLLOW_UP, complaint)

    complaint = complaint_escalate(complaint=complaint, actor=ladder["ketua"], reason="Tidak bisa diselesaikan di kelompok.")
    assert complaint.handling_unit_id == ladder["pendamping"].pk
    complaint = complaint_escalate(complaint=complaint, actor=ladder["person"], reason="Perlu UPPKH.")
    assert complaint.handling_unit_id == org["uppkh-35-06"].pk
    assert complaint.pk in set(complaints_visible_to(ladder["ketua"]).values_list("pk", flat=True))


def test_a_kelompok_without_a_pendamping_escalates_to_the_districts_uppkh(ladder, org):
    ladder["pendamping"].delete()
    complaint = file_at(ladder["kelompok"], ladder["ketua"])
    complaint = complaint_escalate(complaint=complaint, actor=ladder["ketua"], reason="Naik.")
    assert complaint.handling_unit_id == org["uppkh-35-06"].pk


def test_a_complaint_by_a_pendamping_goes_to_uppkh_pusat(ladder, org):
    complaint = file_at(ladder["pendamping"], ladder["person"], pendamping="oleh", text="Honor pendamping belum dibayar.")
    assert complaint.handling_unit_id == org["uppkh-pusat"].pk
    disposed = Event.objects.get(complaint=complaint, kind=EventKind.DISPOSED)
    assert disposed.actor_label == "Sistem" and "oleh pendamping" in disposed.note


def test_a_complaint_about_a_pendamping_goes_straight_to_the_districts_uppkh(ladder, org, lodge):
    at_desk = file_at(ladder["kelompok"], ladder["ketua"], pendamping="tentang", topic="pkh-6",
                      text="Pendamping meminta uang saat pencairan.")
    assert at_desk.handling_unit_id == org["uppkh-35-06"].pk
    by_sms = lodge(program="pkh", topic="pkh-6", pendamping="tentang", text="Operator memotong bantuan.")
    assert by_sms.handling_unit_id == org["uppkh-35-06"].pk


def test_food_aid_ignores_the_pendamping_relation(lodge):
    assert lodge(pendamping="tentang").handling_unit_id is None


# --- R20: the announcement answered in the app --------------------------------------------------

def test_a_central_complaint_is_announced_to_its_district_which_sees_it(lodge, officer, org):
    central = lodge()
    assert central.announced_to_id == org["dinsos-35-06"].pk
    assert lodge(region_code=POJOK).announced_to_id == org["dinsos-35-71"].pk
    desk = officer("dinsos-35-06", Role.FRONT_OFFICE)
    assert central.pk in set(complaints_visible_to(desk).values_list("pk", flat=True))
    assert lodge(receiving_unit="dinsos-35-06", actor=desk, channel="tatap_muka").announced_to_id is None


def test_the_district_answers_also_received_here_linking_its_own_record(lodge, officer):
    central = lodge()
    desk = officer("dinsos-35-06", Role.FRONT_OFFICE)
    own = lodge(receiving_unit="dinsos-35-06", actor=desk, channel="tatap_muka")

    with pytest.raises(errors.ActionError, match=OWN_RECORD_NOT_FOUND.split("{")[0]):
        complaint_answer_announcement(complaint=central, actor=desk, answer=DistrictAnswer.ALSO_RECEIVED,
                                      own_number=lodge(region_code=POJOK).tracking_number)
    answered = complaint_answer_announcement(complaint=central, actor=desk, answer=DistrictAnswer.ALSO_RECEIVED,
                                             own_number=own.tracking_number.lower())

    assert Complaint.objects.get(pk=answered.pk).district_answer == DistrictAnswer.ALSO_RECEIVED
    event = Event.objects.get(complaint=central, kind=EventKind.DISTRICT_ANSWERED)
    assert event.data == {"answer": "juga_diterima", "own": own.tracking_number}
    assert own.tracking_number in event.note
    assert Event.objects.get(complaint=own, kind=EventKind.LINKED).data == {"with": central.tracking_number}


def test_not_received_here_and_only_the_announced_district_answers(lodge, officer):
    central = lodge()
    with pytest.raises(NotAllowed):
        complaint_answer_announcement(complaint=central, actor=officer("dinsos-35-71", Role.FRONT_OFFICE),
                                      answer=DistrictAnswer.NOT_RECEIVED)
    answered = complaint_answer_announcement(complaint=central, actor=officer("dinsos-35-06", Role.BACK_OFFICE),
                                             answer=DistrictAnswer.NOT_RECEIVED, at=timezone.now())
    assert answered.district_answer == DistrictAnswer.NOT_RECEIVED
