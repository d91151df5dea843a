"""/api/v1: the caller's complaint list, the hops between units, follow-ups, rebuttals, closure, units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aduan.core.access import Ability
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import complaint_dispose, complaint_follow_up
from aduan.core.intake import Reporter
from aduan.organisation.models import IdentityView, Role
from tests.fixtures.org import MAKASSAR


@pytest.fixture
def coordinator(officer):
    return officer("admin-utama", Role.ADMINISTRATOR)


@pytest.fixture
def kediri(officer):
    return officer("dinsos-35-06", Role.ADMINISTRATOR)


def url(complaint, what=""):
    return f"/api/v1/complaints/{complaint.tracking_number}" + (f"/{what}" if what else "")


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_without_to_unit_the_proposed_unit_is_used(api_as, coordinator, lodge):
    complaint = lodge(topic="bpnt-3")  # KKS/saldo: the bank's
    client = api_as(coordinator)
    assert client.get(url(complaint, "proposed-unit")).json()["code"] == "bri"
    response = post(client, url(complaint, "dispositions"), {"note": "Masalah saldo KKS."})
    assert response.status_code == 201, response.content
    assert response.json()["handling_unit"].startswith("Bank Rakyat Indonesia")


def test_the_province_forwards_to_the_kabupaten(api_as, coordinator, officer, lodge):
    complaint = lodge()
    post(api_as(coordinator), url(complaint, "dispositions"), {"to_unit": "dinsos-35"})
    province = api_as(officer("dinsos-35"))
    assert province.get(url(complaint, "proposed-unit")).json()["code"] == "dinsos-35-06"
    assert post(province, url(complaint, "dispositions"), {}).status_code == 201
    outside = post(province, url(complaint, "dispositions"), {"to_unit": "dinsos-73-71"})
    assert outside.status_code == 403 and outside.json()["code"] == "forbidden"


def test_a_kabupaten_may_not_dispose_and_is_told_why(api_as, coordinator, kediri, lodge, org):
    complaint = complaint_dispose(complaint=lodge(), actor=coordinator, to_unit=org["dinsos-35-06"])
    response = post(api_as(kediri), url(complaint, "dispositions"), {"to_unit": "uppkh-35-06"})
    assert response.status_code == 403
    assert (response.json()["code"], response.json()["message"]) == ("forbidden", REFUSALS[Ability.DISPOSE])


def test_an_unknown_unit_is_a_400_on_the_field(api_as, coordinator, lodge):
    response = post(api_as(coordinator), url(lodge(), "dispositions"), {"to_unit": "dinsos-99"})
    assert response.status_code == 400 and response.json()["field"] == "to_unit"


def test_the_whole_handling_through_the_api(api_as, coordinator, kediri, lodge):
    complaint = lodge()
    admin, unit = api_as(coordinator), api_as(kediri)
    assert post(admin, url(complaint, "dispositions"), {"to_unit": "dinsos-35-06"}).status_code == 201
    answered = post(unit, url(complaint, "follow-ups"), {"answer": "Saldo sudah masuk.", "internal_note": "Cek BRI."})
    assert answered.status_code == 201 and answered.json()["status"] == "proses"
    assert post(unit, url(complaint, "rebuttals"), {"text": "Belum masuk."}).status_code == 201
    refused = post(unit, url(complaint, "closures"), {"reason": "Selesai."})
    assert refused.status_code == 409 and refused.json()["code"] == "illegal_transition"
    post(unit, url(complaint, "follow-ups"), {"answer": "Sudah kami cek ulang; saldo masuk hari ini."})
    closed = post(unit, url(complaint, "closures"), {"reason": "Pelapor mengonfirmasi."})
    assert closed.status_code == 201 and closed.json()["status"] == "selesai"
    reopened = post(admin, url(complaint, "reopenings"), {"reason": "Pelapor menelepon lagi."})
    assert reopened.json()["status"] == "proses"
    events = unit.get(url(complaint, "events")).json()
    assert [e["kind"] for e in events] == ["received", "disposed", "followed_up", "rebutted", "followed_up",
                                           "closed", "reopened"]
    assert events[2]["note"] == "Cek BRI." and events[1]["to_unit"].startswith("Dinas Sosial Kabupaten Kediri")


def test_return_and_escalation_through_the_api(api_as, coordinator, kediri, lodge, org):
    complaint = complaint_dispose(complaint=lodge(), actor=coordinator, to_unit=org["dinsos-35-06"])
    unit = api_as(kediri)
    escalated = post(unit, url(complaint, "escalations"), {"reason": "Perlu keputusan provinsi."})
    assert escalated.status_code == 201 and escalated.json()["handling_unit"].startswith("Dinas Sosial Provinsi")
    # Kediri still sees it: its history there is not lost.
    assert unit.get(url(complaint)).status_code == 200
    back = post(api_as(coordinator), url(complaint, "dispositions"), {"to_unit": "dinsos-35-06"})
    assert back.status_code == 201
    # Back to whoever sent it last: the province had it when the coordinator sent it down again.
    returned = post(unit, url(complaint, "returns"), {"reason": "Bukan kewenangan kami."})
    assert returned.status_code == 201 and returned.json()["handling_unit"].startswith("Dinas Sosial Provinsi")


def test_an_empty_reason_is_refused_on_its_field(api_as, kediri, coordinator, lodge, org):
    complaint = complaint_dispose(complaint=lodge(), actor=coordinator, to_unit=org["dinsos-35-06"])
    response = post(api_as(kediri), url(complaint, "escalations"), {"reason": " "})
    assert response.status_code == 400 and response.json()["field"] == "reason"


def test_a_token_without_the_handling_scope_may_not_act(api_as, coordinator, lodge):
    response = post(api_as(coordinator, scopes=["complaints:read"]), url(lodge(), "dispositions"), {})
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"


def test_the_confidential_identity_shown_through_the_api_is_recorded(api_as, coordinator, lodge):
    complaint = lodge(reporter=Reporter(confidential=True, name="Siti Aminah", nik="3506104501800001"))
    body = api_as(coordinator).get(url(complaint)).json()
    assert body["reporter"]["name"] == "Siti Aminah" and body["reporter"]["masked"] is False
    view = IdentityView.objects.get(complaint=complaint)
    assert (view.user, view.where) == (coordinator, "api")


# --- Units ----------------------------------------------------------------------------------------

def test_units_filter_by_kind_and_region(api_as, kediri):
    client = api_as(kediri)
    codes = [u["code"] for u in client.get("/api/v1/units?region=35").json()]
    assert codes == ["dinsos-35", "dinsos-35-06", "dinsos-35-71", "tikor-35", "tikor-35-06", "tikor-35-71",
                     "uppkh-35-06", "uppkh-35-71"]
    banks = client.get("/api/v1/units?kind=bank").json()
    assert [u["code"] for u in banks] == ["bni", "bri", "btn", "mandiri"] and banks[0]["parent"] == "tikor-pusat"
    assert client.get("/api/v1/units?kind=nope").status_code == 422


def test_one_unit_and_a_missing_one(api_as, kediri):
    client = api_as(kediri)
    assert client.get("/api/v1/units/kemensos").json()["phone"] == "171"
    assert client.get("/api/v1/units/tidak-ada").status_code == 404


# --- The list -------------------------------------------------------------------------------------

@pytest.fixture
def many(lodge, coordinator, org):
    """Twelve complaints in Kediri's queue, two in Makassar's."""
    made = [complaint_dispose(complaint=lodge(text=f"Aduan {i}"), actor=coordinator, to_unit=org["dinsos-35-06"])
            for i in range(12)]
    made += [complaint_dispose(complaint=lodge(region_code=MAKASSAR, severity="ringan"), actor=coordinator,
                               to_unit=org["dinsos-73-71"]) for _ in range(2)]
    return made


def test_the_list_pages_through_everything_by_due_date_with_a_cursor(api_as, kediri, many):
    client, seen, cursor = api_as(kediri), [], None
    while True:
        body = client.get("/api/v1/complaints", {"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 12 and len({c["tracking_number"] for c in seen}) == 12
    assert [c["due_at"] for c in seen] == sorted(c["due_at"] for c in seen)
    assert {c["handling_unit"] for c in seen} == {"dinsos-35-06"}


def test_a_forged_cursor_is_a_400(api_as, kediri):
    response = api_as(kediri).get("/api/v1/complaints?cursor=bm9wZQ")
    assert response.status_code == 400 and response.json()["field"] == "cursor"


def test_the_list_filters(api_as, coordinator, kediri, many, officer):
    admin = api_as(coordinator)

    def count(**params):
        return len(admin.get("/api/v1/complaints", {"limit": 100, **params}).json()["items"])

    assert count() == 14
    assert count(region="73") == 2 and count(region="35.06") == 12
    assert count(handling_unit="dinsos-73-71") == 2
    assert count(severity="ringan") == 2 and count(program="pkh") == 0 and count(status="selesai") == 0
    assert count(overdue="true") == 0 and count(overdue="false") == 14
    assert count(assigned_to_me="true") == 0


def test_overdue_lists_what_is_past_its_due_date(api_as, coordinator, kediri, many):
    from datetime import timedelta

    from aduan.core.models import Complaint

    Complaint.objects.filter(pk=many[0].pk).update(due_at=many[0].received_at - timedelta(minutes=1))
    items = api_as(coordinator).get("/api/v1/complaints?overdue=true").json()["items"]
    assert [i["tracking_number"] for i in items] == [many[0].tracking_number] and items[0]["overdue"] is True
    complaint_follow_up(complaint=many[0], actor=kediri, answer="Sudah.")
    assert api_as(coordinator).get("/api/v1/complaints?overdue=true").json()["items"] == []


@pytest.mark.parametrize("limit", [1, 5, 14])
def test_the_list_costs_the_same_queries_whatever_the_page_size(api_as, kediri, coordinator, many, limit):
    """The page's ids, then its rows: the token, memberships and the units below come from memory.
    A unit's officer costs one more: the complaints its units escalated (core/access/visibility.py);
    on PostgreSQL the planner's estimate of the list's size decides how it is sorted (one EXPLAIN)."""
    estimate = 1 if connection.vendor == "postgresql" else 0
    for user, expected in ((coordinator, 2 + estimate), (kediri, 3 + estimate)):
        client = api_as(user)
        client.get("/api/v1/complaints?limit=1")  # the token's last_used_at write happens once a minute
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v1/complaints?limit={limit}")
        assert response.status_code == 200
        assert len(queries) == expected, [q["sql"][:120] for q in queries]
