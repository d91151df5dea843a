"""No 500 from any input anyone can send: each class of bad input gets a clear 4xx answer, on
every channel (API, Open311, the SMS gateways, the public forms)."""

import json

import pytest

from aduan.accounts.models import ApiToken
from aduan.api.middleware import CONTAINS_NUL, MAX_DEPTH, TOO_DEEP
from aduan.core.contacts import BAD_EMAIL, BAD_PHONE
from aduan.core.errors import EARLY_RECEIPT
from aduan.core.models import Complaint
from aduan.intake.sms.models import InboundSms

pytestmark = pytest.mark.django_db
KANNEL = {"HTTP_AUTHORIZATION": "Basic a2FubmVsOk1vM1Bhc3M="}  # kannel:Mo3Pass
GOOD = {"program": "bpnt", "channel": "tatap_muka", "text": "Kartu KKS hilang.", "location_code": "35.06.10.2005"}


@pytest.fixture
def token(kediri_officer):
    return ApiToken.issue(kediri_officer, "test")[1]


@pytest.fixture(autouse=True)
def gateways(settings):
    settings.ADUAN_SMS_GATEWAYS = "kannel:kannel:Mo3Pass"


def post_json(client, path, body, token, raw=False):
    return client.post(path, body if raw else json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}")


# --- Naive and out-of-range dates -----------------------------------------------------------

@pytest.mark.parametrize("value", ["2026-11-01", "2026-11-01T08:00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
def test_open311_dates_without_an_offset_or_out_of_range_get_data_or_a_400(client, world, value):
    response = client.get("/open311/v2/requests.json", {"start_date": value})
    assert response.status_code in (200, 400), response.content


def test_a_receipt_in_year_one_is_refused_with_the_reason(client, world, token):
    response = post_json(client, "/api/v1/complaints", GOOD | {"received_at": "0001-01-01T00:00:00+07:00"}, token)
    assert response.status_code == 400 and response.json()["message"] == EARLY_RECEIPT
    assert not Complaint.objects.exists()


# --- Deep nesting ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/complaints", "/api/v1/triage-does-not-exist", "/open311/v2/requests.json"])
@pytest.mark.parametrize("depth", [400, 100_000])
def test_a_body_nested_deep_is_refused_before_anything_else(client, world, token, path, depth):
    body = "[" * depth + "]" * depth
    response = post_json(client, path, body, token, raw=True)
    assert response.status_code == 400
    assert TOO_DEEP.format(depth=MAX_DEPTH) in response.content.decode()


# --- Huge numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/sms/kannel/?id=m-1&from=%2B6281234567890&to=1708&time=99999999999999999999",
                                  "/sms/kannel/dlr/?status=1&smsc_message_id=x&time=99999999999999999999&to=1708",
                                  "/sms/kannel/?id=m-2&from=%2B6281234567890&to=1708&time=-99999999999999999999"])
def test_a_gateway_time_far_out_of_range_is_read_as_now(client, world, path):
    response = client.post(path, data=b"CEK ABCDE-23456", content_type="text/plain", **KANNEL)
    assert response.status_code < 500, response.content


def test_an_sms_with_a_huge_time_is_stored_at_its_arrival(client, world):
    client.post("/sms/kannel/?id=m-3&from=%2B6281234567890&to=1708&time=99999999999999999999",
                data=b"CEK ABCDE-23456", content_type="text/plain", **KANNEL)
    assert InboundSms.objects.get(gateway_message_id="m-3").received_at.year >= 2026


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "x"])
def test_a_huge_page_size_is_a_422(client, world, token, limit):
    response = client.get("/api/v1/complaints", {"limit": limit}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422


# --- NUL and invalid UTF-8 in every channel ---------------------------------------------------

def test_nul_is_refused_on_the_api_and_open311(client, world, token):
    assert post_json(client, "/api/v1/complaints", GOOD | {"text": "a\x00b"}, token).json()["message"] == CONTAINS_NUL
    assert client.post("/open311/v2/requests.json", {"description": "a\x00b"}).status_code == 400


def test_nul_in_an_sms_is_kept_out_of_the_database(client, world):
    response = client.post("/sms/kannel/?id=m-4&from=%2B6281234567890&to=1708", data="NT#Jatim#Kediri#saldo\x00kosong".encode(),
                           content_type="text/plain", **KANNEL)
    assert response.status_code < 500
    assert all("\x00" not in sms.text for sms in InboundSms.objects.all())


def test_nul_on_the_public_form_is_a_form_error(client, world):
    response = client.post("/lacak/", {"nomor": "ABCDE\x00-23456"})
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b"\xff\xfe{\"text\": 1}", b"{\"program\": \"\xc3\x28\"}"])
def test_invalid_utf8_is_a_4xx(client, world, token, body):
    response = client.post("/api/v1/complaints", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert 400 <= response.status_code < 500


def test_invalid_utf8_in_an_sms_is_kept_and_answered(client, world):
    response = client.post("/sms/kannel/?id=m-5&from=%2B6281234567890&to=1708&charset=UTF-8", data=b"CEK \xff\xfe",
                           content_type="text/plain", **KANNEL)
    assert response.status_code < 500


# --- Wrong JSON types at every level -----------------------------------------------------------

@pytest.mark.parametrize("body", [
    GOOD | {"reporter": [None, None]},
    GOOD | {"reporter": {"name": ["x"]}},
    GOOD | {"reporter": {"phone": {"a": 1}}},
    GOOD | {"text": ["x"]},
    GOOD | {"program": 5},
    [None, None],
    "x",
    None,
])
def test_wrong_types_anywhere_in_a_new_complaint_are_a_422(client, world, token, body):
    response = post_json(client, "/api/v1/complaints", body, token)
    assert response.status_code == 422, response.content
    assert not Complaint.objects.exists()


def test_a_disposition_body_of_the_wrong_type_disposes_nothing(client, world, token, file_complaint, coordinator):
    complaint = file_complaint()
    _, coordinator_token = ApiToken.issue(coordinator, "test")
    response = post_json(client, f"/api/v1/complaints/{complaint.tracking_number}/dispositions", [None, None], coordinator_token)
    assert response.status_code == 422
    complaint.refresh_from_db()
    assert complaint.handling_unit_id is None


# --- Contacts ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("reporter", "message"), [
    ({"email": "x\r\nBcc: y@evil.example"}, BAD_EMAIL),
    ({"email": "bukan-email"}, BAD_EMAIL),
    ({"phone": "<script>"}, BAD_PHONE),
    ({"phone": "0812-345"}, BAD_PHONE),
])
def test_a_reporter_contact_that_cannot_be_reached_is_refused(client, world, token, reporter, message):
    response = post_json(client, "/api/v1/complaints", GOOD | {"reporter": reporter}, token)
    assert response.status_code == 400 and response.json()["message"] == message
    assert response.json()["field"] in ("reporter.email", "reporter.phone")


def test_open311_checks_the_phone_the_same_way(client, world, token):
    response = client.post("/open311/v2/requests.json", {"api_key": token, "service_code": "bpnt", "description": "Saldo.",
                                                         "attribute[location_code]": "35.06.10.2005", "phone": "<script>"})
    assert response.status_code == 400 and BAD_PHONE in response.content.decode()


def test_a_reachable_phone_is_stored_in_one_form(client, world, token):
    response = post_json(client, "/api/v1/complaints", GOOD | {"reporter": {"phone": "0812-3456-7890"}}, token)
    assert response.status_code == 201
    assert Complaint.objects.get().reporter_phone == "+6281234567890"


# --- The database away -------------------------------------------------------------------------

def _database_away(execute, sql, params, many, context):
    from django.db import OperationalError

    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize(("path", "method"), [("/api/v1/complaints", "get"), ("/lacak/", "post"),
                                               ("/sms/kannel/?id=m-9&from=%2B6281234567890&to=1708", "post"),
                                               ("/open311/v2/requests.json", "get")])
def test_while_the_database_is_away_clients_get_a_503_with_retry_after(client, world, token, path, method, caplog):
    from django.db import connection

    with connection.execute_wrapper(_database_away):
        if method == "get":
            response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
        else:
            response = client.post(path, {"nomor": "ABCDE-23456"} if path == "/lacak/" else b"CEK ABCDE-23456",
                                   **({} if path == "/lacak/" else {"content_type": "text/plain", **KANNEL}))
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert "Traceback" not in caplog.text
