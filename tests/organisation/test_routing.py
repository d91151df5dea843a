"""Where a complaint goes (SPEC R14) and what is above each unit (R16)."""

import pytest

from aduan.organisation.models import UnitKind
from aduan.organisation.routing import Scope, escalation_path, next_step, next_unit, propose_unit, proposed_code
from tests.fixtures.org import MAKASSAR


# --- Pure rules: no database ---------------------------------------------------------------------

@pytest.mark.parametrize(("authority", "program", "region", "holder", "expected"), [
    ("pusat", "bpnt", "35.06.10.2005", None, "tikor-pusat"),
    ("daerah", "bpnt", "35.06.10.2005", UnitKind.ADMIN_UTAMA, "dinsos-35"),
    ("daerah", "bpnt", "35.06.10.2005", UnitKind.DINSOS_PROVINSI, "dinsos-35-06"),
    ("daerah", "rastra", None, None, "tikor-pusat"),
    ("bank", "bpnt", "35.06.10.2005", None, "bri"),
    ("bulog", "rastra", "35.06.10.2005", None, "bulog"),
    ("pos", "pkh", "35.06.10.2005", None, "pos"),
    ("uppkh", "pkh", "35.06.10.2005", None, "uppkh-35-06"),
    ("uppkh", "pkh", None, None, "uppkh-pusat"),
    (None, "pkh", "73.71.01.1001", None, "uppkh-73-71"),
    (None, "bpnt", "73.71.01.1001", None, "dinsos-73"),
])
def test_the_proposal_follows_the_topics_authority_and_the_region(authority, program, region, holder, expected):
    assert proposed_code(authority=authority, program=program, region_code=region, holder_kind=holder) == expected


def test_the_default_bank_is_a_setting(settings):
    settings.ADUAN = {**settings.ADUAN, "DEFAULT_BANK_UNIT": "mandiri"}
    assert proposed_code(authority="bank", program="bpnt", region_code="35") == "mandiri"


def test_the_pkh_ladder_is_the_guidelines_order():
    ladder, kind = [], UnitKind.PENDAMPING
    while (step := next_step(kind, "pkh")) is not None:
        ladder.append(step.kind)
        kind = step.kind
    assert ladder == [UnitKind.UPPKH_KABKOTA, UnitKind.TIKOR_KABKOTA, UnitKind.TIKOR_PROVINSI,
                      UnitKind.UPPKH_PUSAT, UnitKind.TIKOR_TEKNIS_PUSAT]


def test_food_aid_climbs_from_kabupaten_to_province_to_tikor_pusat():
    assert next_step(UnitKind.DINSOS_KABKOTA, "bpnt").kind == UnitKind.DINSOS_PROVINSI
    assert next_step(UnitKind.DINSOS_PROVINSI, "rastra").scope is Scope.NATIONAL
    assert next_step(UnitKind.TIKOR_PUSAT, "bpnt") is None


# --- With the seeded units ---------------------------------------------------------------------

@pytest.mark.parametrize(("topic", "region", "expected"), [
    ("bpnt-3", "35.06.10.2005", "bri"),
    ("rastra-2", "35.06.10.2005", "bulog"),
    ("pkh-4", "35.06.10.2005", "pos"),
    ("pkh-1", "35.06.10.2005", "uppkh-35-06"),
    ("pkh-1", None, "uppkh-pusat"),
    ("bpnt-1", "35.06.10.2005", "tikor-pusat"),
    ("bpnt-2", "35.06.10.2005", "dinsos-35"),
    ("bpnt-2", MAKASSAR, "dinsos-73"),
])
def test_propose_unit_finds_the_unit_with_authority(lodge, topic, region, expected):
    program = topic.split("-")[0]
    complaint = lodge(program=program, topic=topic, region_code=region)
    assert propose_unit(complaint).code == expected


def test_the_province_is_proposed_the_kabupaten_where_the_complaint_is(lodge, org):
    complaint = lodge(topic="bpnt-2")
    assert propose_unit(complaint, holder=org["dinsos-35"]).code == "dinsos-35-06"


def test_a_region_without_units_falls_back_to_tikor_pusat(lodge, org):
    org["uppkh-35-06"].is_active = False
    org["uppkh-35-06"].save()
    assert propose_unit(lodge(program="pkh", topic="pkh-1")).code == "tikor-pusat"


def test_next_unit_and_the_whole_path_above_a_kabupaten(org):
    assert next_unit(org["dinsos-35-06"], "bpnt") == org["dinsos-35"]
    assert [u.code for u in escalation_path(org["dinsos-35-06"], "bpnt")] == ["dinsos-35", "tikor-pusat"]
    assert [u.code for u in escalation_path(org["bri"], "bpnt")] == ["tikor-pusat"]
    assert [u.code for u in escalation_path(org["pos"], "pkh")] == ["uppkh-pusat", "tikor-teknis-pusat"]


def test_before_anyone_classifies_it_the_proposal_follows_what_triage_read(lodge):
    """Issue 10: a "saldo kosong" SMS goes to the bank, not to the province."""
    sms = lodge(category_type=None, topic=None, text="Saya telah mencoba belanja ke ewarong tapi saldo kosong")
    assert sms.triage["authority"] == "bank"
    assert propose_unit(sms).code == "bri"
    unclear = lodge(category_type=None, topic=None, text="mohon dibantu pak")
    assert unclear.triage["authority"] is None
    assert propose_unit(unclear).code == "dinsos-35"  # as without triage: the province of the place


def test_the_topic_an_officer_chose_outweighs_the_suggestion(lodge):
    complaint = lodge(topic="bpnt-2", text="saldo kosong")  # filed with a topic: nothing to suggest
    assert complaint.triage == {}
    assert propose_unit(complaint).code == "dinsos-35"
