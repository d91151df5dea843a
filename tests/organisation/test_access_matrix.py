"""SPEC R25 and R6 through the API: for each role of each kind of unit, which complaints it lists,
which confidential identities it reads whole, and what it may do.

The world: four complaints.
- KEDIRI: regional, confidential, forwarded by the province to Dinsos Kabupaten Kediri;
- MAKASSAR: regional, confidential, at Dinsos Kota Makassar (another province);
- BANK: a KKS problem at BRI, announced (R20) to Dinsos Kabupaten Kediri, which sees it to answer;
- FILED: filed by a pendamping at UPPKH Kabupaten Kediri, still there.
"""

import pytest

from aduan.core.actions import complaint_dispose
from aduan.core.intake import Reporter
from aduan.organisation.models import IdentityView, Role
from tests.fixtures.org import MAKASSAR

SECRET = Reporter(confidential=True, name="Siti Aminah", nik="3506104501800001", phone="+6281234567890")
ALL = {"KEDIRI", "MAKASSAR", "BANK", "FILED"}

# (unit, role) → (complaints listed, those whose confidential identity it reads whole)
MATRIX = {
    ("admin-utama", Role.ADMINISTRATOR): (ALL, {"KEDIRI", "MAKASSAR"}),
    ("admin-utama", Role.PEJABAT_PENGELOLA): (ALL, {"KEDIRI", "MAKASSAR"}),
    ("admin-utama", Role.SUPERVISOR): (ALL, set()),
    ("tikor-pusat", Role.ADMINISTRATOR): ({"KEDIRI", "MAKASSAR", "BANK", "FILED"}, set()),
    ("dinsos-35", Role.ADMINISTRATOR): ({"KEDIRI", "FILED", "BANK"}, set()),
    ("dinsos-35", Role.SUPERVISOR): ({"KEDIRI", "FILED", "BANK"}, set()),
    ("dinsos-35", Role.BACK_OFFICE): (set(), set()),
    ("dinsos-35-06", Role.PEJABAT_PENGELOLA): ({"KEDIRI", "BANK"}, {"KEDIRI"}),
    ("dinsos-35-06", Role.ADMINISTRATOR): ({"KEDIRI", "BANK"}, {"KEDIRI"}),
    ("dinsos-35-06", Role.BACK_OFFICE): ({"KEDIRI", "BANK"}, {"KEDIRI"}),
    ("dinsos-35-06", Role.FRONT_OFFICE): ({"KEDIRI", "BANK"}, {"KEDIRI"}),
    ("dinsos-35-06", Role.SUPERVISOR): ({"KEDIRI", "BANK"}, set()),
    ("dinsos-35-71", Role.ADMINISTRATOR): (set(), set()),
    ("dinsos-73-71", Role.ADMINISTRATOR): ({"MAKASSAR"}, {"MAKASSAR"}),
    ("bri", Role.ADMINISTRATOR): ({"BANK"}, set()),
    ("bni", Role.ADMINISTRATOR): (set(), set()),
    ("uppkh-35-06", Role.FRONT_OFFICE): ({"FILED"}, set()),
    ("uppkh-pusat", Role.PEJABAT_PENGELOLA): (set(), set()),
}


@pytest.fixture
def world(lodge, officer, org):
    coordinator = officer("admin-utama", Role.ADMINISTRATOR, username="koordinator")
    kediri = lodge(reporter=SECRET)
    complaint_dispose(complaint=kediri, actor=coordinator, to_unit=org["dinsos-35"])
    complaint_dispose(complaint=kediri, actor=officer("dinsos-35", username="jatim"), to_unit=org["dinsos-35-06"])
    makassar = lodge(region_code=MAKASSAR, reporter=SECRET)
    complaint_dispose(complaint=makassar, actor=coordinator, to_unit=org["dinsos-73-71"])
    bank = lodge(topic="bpnt-3")
    complaint_dispose(complaint=bank, actor=coordinator, to_unit=org["bri"])
    pendamping = officer("uppkh-35-06", Role.PENDAMPING, username="pendamping")
    filed = lodge(program="pkh", topic="pkh-2", receiving_unit="uppkh-35-06", actor=pendamping, channel="tatap_muka")
    return {"KEDIRI": kediri, "MAKASSAR": makassar, "BANK": bank, "FILED": filed, "pendamping": pendamping}


@pytest.mark.parametrize(("unit", "role"), list(MATRIX))
def test_each_role_sees_exactly_its_complaints_and_identities(api_as, officer, world, unit, role):
    listed, whole = MATRIX[(unit, role)]
    client = api_as(officer(unit, role))
    names = {c.tracking_number: name for name, c in world.items() if name in ALL}
    body = client.get("/api/v1/complaints?limit=50").json()
    assert {names[i["tracking_number"]] for i in body["items"]} == listed
    for name in ALL:
        response = client.get(f"/api/v1/complaints/{world[name].tracking_number}")
        if name not in listed:
            assert response.status_code == 404, name
            continue
        reporter = response.json()["reporter"]
        if world[name].confidential:
            assert reporter["masked"] is (name not in whole), name
            assert (reporter["nik"] == "3506104501800001") is (name in whole), name
    assert IdentityView.objects.filter(where="api").count() == len(whole)


def test_the_pendamping_sees_what_they_filed_and_nothing_else(api_as, world):
    body = api_as(world["pendamping"]).get("/api/v1/complaints").json()
    assert [i["tracking_number"] for i in body["items"]] == [world["FILED"].tracking_number]


@pytest.mark.parametrize(("unit", "role", "status"), [
    ("dinsos-35-06", Role.ADMINISTRATOR, 201),
    ("dinsos-35-06", Role.BACK_OFFICE, 201),
    ("dinsos-35-06", Role.PEJABAT_PENGELOLA, 201),
    ("dinsos-35-06", Role.FRONT_OFFICE, 403),
    ("dinsos-35-06", Role.SUPERVISOR, 403),
    ("dinsos-35", Role.ADMINISTRATOR, 403),  # sees it, does not handle it
    ("admin-utama", Role.SUPERVISOR, 403),
    ("dinsos-73-71", Role.ADMINISTRATOR, 404),  # does not even see it
    ("bri", Role.ADMINISTRATOR, 404),
])
def test_only_the_handling_units_officers_follow_up(api_as, officer, world, unit, role, status):
    response = api_as(officer(unit, role)).post(
        f"/api/v1/complaints/{world['KEDIRI'].tracking_number}/follow-ups", {"answer": "Sudah ditangani."},
        content_type="application/json")
    assert response.status_code == status, response.content
    if status == 403:
        assert response.json()["code"] == "forbidden"
