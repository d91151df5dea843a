"""/sms/webhook/: the generic JSON dialect, replayed from a stored payload."""

import json

import pytest

from aduan.core.models import Complaint
from aduan.intake.sms.gateways import webhook
from aduan.intake.sms.models import InboundSms

from .conftest import RAWAJATI
from .fixtures import load

pytestmark = pytest.mark.usefixtures("sms_world")

TOKEN = "9f2c1d8e-long-random-token"


@pytest.fixture(autouse=True)
def gateways(settings):
    settings.ADUAN_SMS_GATEWAYS = f"webhook::{TOKEN},kannel:kannel:Mo3Pass"


def post(client, body, token: str | None = TOKEN):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post("/sms/webhook/", data=data, content_type="application/json", **headers)


def test_a_delivery_is_filed_and_answered_as_json(client):
    body = load("webhook/mo.json")["body"]
    response = post(client, body)
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert response.json() == {
        "reply": InboundSms.objects.get().reply, "tracking_number": complaint.tracking_number,
        "location_code": RAWAJATI, "needs_review": False, "outcome": "filed",
    }
    assert complaint.received_at.isoformat() == "2025-03-12T01:15:02+00:00"
    assert InboundSms.objects.get().gateway_message_id == "agg-20250312-000881"


def test_a_retry_answers_the_same(client):
    body = load("webhook/mo.json")["body"]
    assert post(client, body).json() == post(client, body).json()
    assert Complaint.objects.count() == 1


def test_an_unparseable_sms_is_kept_and_answered_with_the_format(client):
    response = post(client, {"id": 42, "from": "081234567890", "text": "halo"})
    assert response.json()["outcome"] == "invalid" and response.json()["tracking_number"] is None
    assert InboundSms.objects.get().gateway_message_id == "42"


@pytest.mark.parametrize("token", [None, "wrong", "Mo3Pass"])
def test_a_wrong_token_is_refused(client, token):
    response = post(client, load("webhook/mo.json")["body"], token=token)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert not InboundSms.objects.exists()


def test_a_disabled_webhook_is_forbidden(client, settings):
    settings.ADUAN_SMS_GATEWAYS = ""
    assert post(client, load("webhook/mo.json")["body"]).status_code == 403


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"not json", webhook.ERROR_NOT_JSON),
        ([1, 2], webhook.ERROR_NOT_JSON),
        ({"from": "0812", "text": "x"}, webhook.ERROR_FIELD.format(field="id")),
        ({"id": "1", "text": "x"}, webhook.ERROR_FIELD.format(field="from")),
        ({"id": "1", "from": "0812", "text": 5}, webhook.ERROR_TEXT),
        ({"id": "1", "from": "0812", "text": "x", "received_at": "2025-03-12 08:15"}, webhook.ERROR_TIME),
        ({"id": "x" * 201, "from": "0812", "text": "x"}, "gateway message id"),
    ],
)
def test_malformed_requests_are_bad_requests(client, body, error):
    response = post(client, body)
    assert response.status_code == 400 and error in response.json()["error"]
    assert not InboundSms.objects.exists()
