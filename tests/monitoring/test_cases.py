"""Aid-delivery monitoring (SPEC R24, seeds 003): a family that has not received its aid is followed
by the Dinas Sosial until it has; the case closes only with the aid received."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from aduan.core import errors
from aduan.core.access import NotAllowed
from aduan.core.enums import EventKind
from aduan.core.intake import Reporter
from aduan.monitoring import actions
from aduan.monitoring.access import cases_visible_to, may_see_family
from aduan.monitoring.models import MonitoringCase
from aduan.organisation.models import Role
from aduan.taxonomy.models import Program
from tests.fixtures.org import PURWODADI, lodge, officer, org  # noqa: F401  (shared fixtures)

FAMILY = actions.Family(name="Sumiati", nik="3506104501800001", kks_number="6013010012345678",
                        address="Dusun Krajan RT 02", region_code=PURWODADI)


@pytest.fixture
def desk(officer):
    return officer("dinsos-35-06", Role.FRONT_OFFICE)


@pytest.fixture
def case(org, desk):
    return actions.case_open(unit=org["dinsos-35-06"], actor=desk, family=FAMILY,
                             program=Program.objects.get(code="bpnt"), problem="BPNT belum diterima sejak Agustus.")


def test_a_case_is_followed_until_the_aid_is_received_and_only_then_closes(case, desk):
    assert case.is_open and case.number == f"PMT-{case.pk:06d}" and case.region_id == PURWODADI
    actions.case_requirements(case=case, actor=desk, met={"ktp": True, "kk": True, "dtks": True})
    actions.case_contact(case=case, actor=desk, kind="kunjungan", with_whom="Sumiati dan kepala desa",
                         note="KKS ada, saldo kosong; nama di SP2D belum ada.")
    case.refresh_from_db()
    assert [met for _code, _label, met in case.requirements_met()] == [True, True, True, False, False, False]
    assert case.contacts.get().note.startswith("KKS ada")

    for missing, field in ((dict(on=None), "on"), (dict(amount=0), "amount"), (dict(channel="warung"), "channel"),
                           (dict(on=date.today() + timedelta(days=2)), "on")):
        given = {"on": date.today(), "amount": 200_000, "channel": "e_warong"} | missing
        with pytest.raises(errors.ActionError) as refused:
            actions.case_aid_received(case=case, actor=desk, **given)
        assert refused.value.field == field
    assert MonitoringCase.objects.get(pk=case.pk).is_open

    closed = actions.case_aid_received(case=case, actor=desk, on=date.today(), amount=200_000, channel="e_warong")
    assert not closed.is_open and closed.received_amount == 200_000
    with pytest.raises(errors.ActionError, match="sudah selesai"):
        actions.case_contact(case=case, actor=desk, kind="telepon", note="Lagi.")


def test_the_database_refuses_a_closed_case_without_the_aid_received(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        MonitoringCase.objects.filter(pk=case.pk).update(closed_at=timezone.now())


def test_a_complaint_becomes_a_case_once_and_its_timeline_tells_the_story(org, desk, lodge):
    complaint = lodge(receiving_unit="dinsos-35-06", actor=desk, channel="tatap_muka")
    case = actions.case_from_complaint(complaint=complaint, unit=org["dinsos-35-06"], actor=desk)
    assert (case.name, case.nik, case.program.code) == ("Siti Aminah", "3506104501800001", "bpnt")
    with pytest.raises(errors.ActionError, match=case.number):
        actions.case_from_complaint(complaint=complaint, unit=org["dinsos-35-06"], actor=desk)
    actions.case_aid_received(case=case, actor=desk, on=date.today(), amount=400_000, channel="bank")
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert EventKind.MONITORING_OPENED in kinds and EventKind.AID_RECEIVED in kinds
    received = complaint.events.get(kind=EventKind.AID_RECEIVED)
    assert "Rp400.000" in received.public_note and "Bank" in received.public_note


def test_an_anonymous_complaint_names_no_family_to_follow(org, desk, lodge):
    anonymous = lodge(receiving_unit="dinsos-35-06", actor=desk, reporter=Reporter(anonymous=True))
    with pytest.raises(errors.ActionError, match="anonim"):
        actions.case_from_complaint(complaint=anonymous, unit=org["dinsos-35-06"], actor=desk)


def test_only_a_dinas_sosial_desk_opens_and_works_a_case(org, officer, case):
    bank = officer("bri", Role.ADMINISTRATOR)
    with pytest.raises(NotAllowed):
        actions.case_open(unit=org["bri"], actor=bank, family=FAMILY, program=case.program, problem="x")
    other_district = officer("dinsos-35-71", Role.FRONT_OFFICE)
    with pytest.raises(NotAllowed):
        actions.case_contact(case=case, actor=other_district, kind="telepon", note="Bukan kasus kami.")
    supervisor = officer("dinsos-35-06", Role.SUPERVISOR)
    with pytest.raises(NotAllowed):
        actions.case_requirements(case=case, actor=supervisor, met={"ktp": True})


def test_the_province_oversees_and_the_supervisor_reads_the_family_masked(officer, case):
    province_head = officer("dinsos-35", Role.PEJABAT_PENGELOLA)
    supervisor = officer("dinsos-35-06", Role.SUPERVISOR)
    elsewhere = officer("dinsos-35-71", Role.PEJABAT_PENGELOLA)
    assert case in cases_visible_to(province_head) and may_see_family(province_head, case)
    assert case in cases_visible_to(supervisor) and not may_see_family(supervisor, case)
    assert case not in cases_visible_to(elsewhere)


def test_bad_numbers_are_refused_with_the_field_named(org, desk):
    program = Program.objects.get(code="bpnt")
    for family, field in ((actions.Family(name="A", nik="123"), "nik"),
                          (actions.Family(name="A", kks_number="12345"), "kks_number"),
                          (actions.Family(name="A", region_code="99.99"), "location_code"),
                          (actions.Family(name=" "), "name")):
        with pytest.raises(errors.ActionError) as refused:
            actions.case_open(unit=org["dinsos-35-06"], actor=desk, family=family, program=program, problem="x")
        assert refused.value.field == field


def test_the_monthly_report_counts_the_cases_opened_received_and_still_open(org, desk, case):
    from aduan.reports import figures, summary

    program = case.program
    later = actions.case_open(unit=org["dinsos-35-06"], actor=desk, family=FAMILY, program=program, problem="PKH.")
    actions.case_aid_received(case=later, actor=desk, on=timezone.localdate(), amount=750_000, channel="pos")
    earlier = actions.case_open(unit=org["dinsos-35-06"], actor=desk, family=FAMILY, program=program, problem="x",
                                at=timezone.now() - timedelta(days=70))
    today = timezone.localdate()
    report = figures.monthly(org["dinsos-35"], today.year, today.month)  # the province counts its districts
    assert report["monitoring"] == {"opened": 2, "aid_received": 1, "open_at_end": 2}
    assert earlier.is_open
    lines = dict(summary.headline_rows(report))
    assert lines["Kasus pemantauan masih terbuka (akhir periode)"] == "2"
    assert figures.monthly(org["dinsos-73-71"], today.year, today.month)["monitoring"]["opened"] == 0
