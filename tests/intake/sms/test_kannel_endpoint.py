"""/sms/kannel/: Kannel's smsbox requests, replayed from stored payloads."""

import pytest

from aduan.core.models import Complaint
from aduan.intake.sms.access import parse_gateways
from aduan.intake.sms.models import InboundSms, Outcome

from .conftest import PURWODADI, RAWAJATI
from .fixtures import basic, body_of, load

pytestmark = pytest.mark.usefixtures("sms_world")

KANNEL_AUTH = basic("kannel", "Mo3Pass")


@pytest.fixture(autouse=True)
def gateways(settings):
    settings.ADUAN_SMS_GATEWAYS = "kannel:kannel:Mo3Pass,webhook::tok-123"


def replay(client, fixture: dict, *, auth: str | None = KANNEL_AUTH, **format_args):
    query = fixture["query"].format(**format_args)
    headers = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in fixture["headers"].items() if k != "Content-Type"}
    if auth:
        headers["HTTP_AUTHORIZATION"] = auth
    if fixture["method"] == "GET":
        return client.get(f"/sms/kannel/?{query}", **headers)
    return client.post(f"/sms/kannel/?{query}", data=body_of(fixture),
                       content_type=fixture["headers"]["Content-Type"], **headers)


def test_a_kannel_post_files_the_complaint_and_the_body_is_the_reply(client):
    response = replay(client, load("kannel/mo_post_rawajati.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8" and "X-Kannel-Coding" not in response
    complaint = Complaint.objects.get()
    assert complaint.region_id == RAWAJATI and complaint.reporter_kks == "3235386475739456"
    # The body is the text byte for byte: the double space and the "&" survive.
    assert complaint.text.endswith("ewarong  tapi saldo kosong & kartu ditolak")
    assert response.content.decode() == InboundSms.objects.get().reply
    assert complaint.tracking_number in response.content.decode()
    row = InboundSms.objects.get()
    assert (row.gateway, row.gateway_message_id) == ("kannel", "6e3cf6d2-0b5e-4a7f-9d1c-2f8a51c0b7e4")
    assert row.received_at.timestamp() == 1741742102 == complaint.received_at.timestamp()


def test_smsbox_retrying_the_same_id_gets_the_same_reply_and_files_once(client):
    fixture = load("kannel/mo_post_rawajati.json")
    first, again = replay(client, fixture), replay(client, fixture)
    assert first.content == again.content and Complaint.objects.count() == 1


def test_a_ucs2_sms_is_decoded_and_answered_in_gsm7(client):
    fixture = load("kannel/mo_post_ucs2.json")
    response = replay(client, fixture)
    row = InboundSms.objects.get()
    assert row.text == fixture["expected_text"] and row.sender == "+6285711112222"
    assert Complaint.objects.get().region_id == PURWODADI
    assert "X-Kannel-Coding" not in response  # our reply is GSM 7-bit: 160 characters, not 70


def test_a_get_url_deployment_reads_the_text_parameter(client):
    replay(client, load("kannel/mo_post_rawajati.json"))
    tracking = Complaint.objects.get().tracking_number
    response = replay(client, load("kannel/mo_get_check.json"), tracking=tracking)
    assert response.status_code == 200 and response.content.decode().startswith(f"Pengaduan {tracking}: Belum")
    assert InboundSms.objects.get(gateway_message_id__startswith="91a7").outcome == Outcome.CHECK


@pytest.mark.parametrize("auth", [None, basic("kannel", "wrong"), basic("other", "Mo3Pass"), "Bearer tok-123", "Basic !!!"])
def test_without_the_right_credentials_nothing_is_read_or_kept(client, auth):
    response = replay(client, load("kannel/mo_post_rawajati.json"), auth=auth)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Basic")
    assert not InboundSms.objects.exists() and not Complaint.objects.exists()


def test_a_gateway_that_is_not_configured_is_refused(client, settings):
    settings.ADUAN_SMS_GATEWAYS = "webhook::tok-123"
    response = replay(client, load("kannel/mo_post_rawajati.json"))
    assert response.status_code == 403 and not InboundSms.objects.exists()


def test_a_request_without_a_message_id_is_a_bad_request(client):
    response = client.post("/sms/kannel/?from=081234567890", data=b"NT#x", content_type="text/plain",
                           HTTP_AUTHORIZATION=KANNEL_AUTH)
    assert response.status_code == 400 and not InboundSms.objects.exists()


def test_the_log_names_the_outcome_but_never_the_text_or_the_phone(client, caplog):
    with caplog.at_level("DEBUG"):
        replay(client, load("kannel/mo_post_rawajati.json"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "sms kannel:6e3cf6d2" in logged and "**********7890" in logged
    for secret in ("6281234567890", "3235386475739456", "Rawajati", "ewarong"):
        assert secret not in logged


def test_other_methods_are_refused(client):
    assert client.put("/sms/kannel/", HTTP_AUTHORIZATION=KANNEL_AUTH).status_code == 405


def test_the_gateway_list_format():
    gateways = parse_gateways(" kannel:kannel:pa:ss , gammu:modem:g,webhook::tok ")
    assert gateways["kannel"].secret == "pa:ss" and gateways["gammu"].user == "modem" and gateways["webhook"].secret == "tok"
    for bad in ("smpp:u:p", "kannel:u:", "kannel::p"):
        with pytest.raises(Exception, match="ADUAN_SMS_GATEWAYS"):
            parse_gateways(bad)
