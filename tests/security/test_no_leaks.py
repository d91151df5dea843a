"""A confidential reporter's NIK, KKS, phone number and email — given in the identity fields and
typed into the complaint's text — reach nobody who may not see the identity: not through the API
(detail, list, timeline), the officer pages, Open311 (with or without a key), /lacak/, nor any log
line written meanwhile, the access log's format included."""

import logging
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from aduan.accounts.models import ApiToken
from aduan.core.actions import complaint_dispose, complaint_follow_up
from aduan.core.intake import Reporter
from aduan.core.management.commands.serve import ACCESS_LOG_FORMAT
from aduan.organisation.models import Role

pytestmark = pytest.mark.django_db

NIK, KKS, PHONE, EMAIL = "3506104501800001", "6013011234567890", "+6281234567890", "siti.aminah@contoh.id"
TEXT = (f"Saya Siti, NIK {NIK}, KKS 6013 0112 3456 7890. Saldo kosong sejak Maret. "
        f"Hubungi saya di 0812-3456-7890 atau {EMAIL}.")
SECRETS = [NIK, KKS, "6013 0112 3456 7890", PHONE, "081234567890", "0812-3456-7890", EMAIL, "siti.aminah"]


@pytest.fixture
def confidential(lodge, officer, org):
    complaint = lodge(text=TEXT, reporter=Reporter(confidential=True, name="Siti Aminah", nik=NIK, kks=KKS,
                                                  phone=PHONE, email=EMAIL))
    complaint = complaint_dispose(complaint=complaint, actor=officer("admin-utama", username="koordinator"), to_unit=org["dinsos-35"])
    complaint = complaint_dispose(complaint=complaint, actor=officer("dinsos-35", username="jatim"), to_unit=org["dinsos-35-06"])
    return complaint_follow_up(complaint=complaint, actor=officer("dinsos-35-06", username="kediri"), answer="Saldo sudah masuk.")


# Officers who see the complaint but not the identity, and officers of other units.
NON_HANDLERS = [("dinsos-35-06", Role.SUPERVISOR), ("dinsos-35", Role.ADMINISTRATOR), ("dinsos-35", Role.SUPERVISOR),
                ("admin-utama", Role.SUPERVISOR), ("tikor-pusat", Role.ADMINISTRATOR), ("dinsos-73-71", Role.ADMINISTRATOR),
                ("bri", Role.ADMINISTRATOR)]


def assert_clean(body: str, where: str) -> None:
    for value in SECRETS:
        assert value not in body, f"{value} in {where}"


@pytest.mark.parametrize(("unit", "role"), NON_HANDLERS)
def test_no_response_a_non_handler_can_get_carries_the_identity(client, api_as, officer, confidential, caplog, unit, role):
    user = officer(unit, role)
    number = confidential.tracking_number
    api = api_as(user)
    _, key = ApiToken.issue(user, "open311")
    client.force_login(user)
    with caplog.at_level(logging.DEBUG):
        responses = {
            "api detail": api.get(f"/api/v1/complaints/{number}"),
            "api list": api.get("/api/v1/complaints?limit=50"),
            "api events": api.get(f"/api/v1/complaints/{number}/events"),
            "officer page": client.get(f"/petugas/aduan/{number}/"),
            "queue": client.get("/petugas/"),
            "open311 list with key": client.get("/open311/v2/requests.json", {"api_key": key}),
            "open311 detail with key": client.get(f"/open311/v2/requests/{number}.json", {"api_key": key}),
        }
    for where, response in responses.items():
        assert response.status_code in (200, 404), (where, response.status_code)
        assert_clean(response.content.decode(), where)
    assert_clean("\n".join(r.getMessage() for r in caplog.records), "the log")


def test_the_public_never_learns_of_a_confidential_complaint(client, confidential, caplog):
    number = confidential.tracking_number
    with caplog.at_level(logging.DEBUG):
        listed = client.get("/open311/v2/requests.json")
        detail = client.get(f"/open311/v2/requests/{number}.json")
        by_id = client.get("/open311/v2/requests.json", {"service_request_id": number})
        lacak = client.get(f"/lacak/{number}/")
    assert number not in listed.content.decode() and number not in by_id.content.decode()
    assert detail.status_code == 404 and lacak.status_code == 403
    for where, response in (("open311", listed), ("open311 detail", detail), ("lacak", lacak)):
        assert_clean(response.content.decode(), where)
    assert_clean("\n".join(r.getMessage() for r in caplog.records), "the log")


def test_searching_the_queue_for_a_nik_finds_only_what_the_searcher_may_see_whole(client, officer, confidential):
    number = confidential.tracking_number
    client.force_login(officer("dinsos-35", Role.SUPERVISOR))
    assert number not in client.get("/petugas/", {"q": NIK}).content.decode()
    assert number in client.get("/petugas/", {"q": number}).content.decode()  # by its number it is found
    client.force_login(officer("dinsos-35-06", Role.BACK_OFFICE))
    assert number in client.get("/petugas/", {"q": NIK}).content.decode()


def test_the_handler_reads_the_text_whole(api_as, officer, confidential):
    body = api_as(officer("dinsos-35-06", Role.BACK_OFFICE)).get(f"/api/v1/complaints/{confidential.tracking_number}").json()
    assert body["text"] == TEXT and body["reporter"]["nik"] == NIK


def test_a_non_handler_reads_the_text_with_only_the_last_four_digits(api_as, officer, confidential):
    body = api_as(officer("dinsos-35", Role.SUPERVISOR)).get(f"/api/v1/complaints/{confidential.tracking_number}").json()
    assert "************0001" in body["text"] and "Saldo kosong sejak Maret" in body["text"]
    assert body["reporter"]["nik"] == "************0001" and body["reporter"]["phone"] == "**********7890"


def test_the_access_log_keeps_no_query_string():
    logger = Logger(Config())
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"/open311/v2/requests.json?api_key=adb_secret&q={NIK}",
               "PATH_INFO": "/open311/v2/requests.json", "QUERY_STRING": f"api_key=adb_secret&q={NIK}",
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.0.0.1"}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    line = ACCESS_LOG_FORMAT % logger.atoms(response, SimpleNamespace(headers=[]), environ,
                                            SimpleNamespace(seconds=0, microseconds=1500))
    assert "/open311/v2/requests.json" in line and "adb_secret" not in line and NIK not in line
