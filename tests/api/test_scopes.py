"""Token scopes: an empty list means everything the user's roles allow; a scoped token is refused
outside its scopes with 403 `insufficient_scope`."""

import pytest

from aduan.accounts.models import ApiToken
from aduan.api import scopes
from aduan.api.scopes import token_allows, validate_scopes


PAYLOAD = {"program": "bpnt", "channel": "tatap_muka", "text": "Kartu KKS hilang.", "location_code": "35.06.10.2005"}


class Token:
    def __init__(self, granted):
        self.scopes = granted


@pytest.mark.parametrize(
    ("granted", "scope", "allowed"),
    [
        ([], scopes.HANDLING_WRITE, True),
        (["complaints:read"], scopes.COMPLAINTS_READ, True),
        (["complaints:read"], scopes.COMPLAINTS_WRITE, False),
        (["complaints:write"], scopes.COMPLAINTS_READ, True),  # write includes read
        (["handling:write"], scopes.COMPLAINTS_WRITE, False),
        (["complaints:write"], scopes.HANDLING_WRITE, False),
    ],
)
def test_token_allows(granted, scope, allowed):
    assert token_allows(Token(granted), scope) is allowed


def test_unknown_scopes_are_refused_when_a_token_is_issued():
    assert validate_scopes(["complaints:write", "complaints:read", "complaints:write"]) == ["complaints:read", "complaints:write"]
    with pytest.raises(ValueError, match="complaints:delete"):
        validate_scopes(["complaints:delete"])


def headers(user, granted):
    _, raw = ApiToken.issue(user, "integrasi", scopes=granted)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_read_only_token_may_read_but_not_file(client, kediri_officer):
    unscoped = headers(kediri_officer, [])
    created = client.post("/api/v1/complaints", PAYLOAD, content_type="application/json", **unscoped)
    assert created.status_code == 201
    read_only = headers(kediri_officer, ["complaints:read"])
    refused = client.post("/api/v1/complaints", PAYLOAD, content_type="application/json", **read_only)
    assert refused.status_code == 403
    assert refused.json() == {
        "code": "insufficient_scope", "field": None,
        "message": scopes.INSUFFICIENT_SCOPE.format(scope="complaints:write"),
    }
    assert refused["WWW-Authenticate"] == 'Bearer error="insufficient_scope", scope="complaints:write"'
    tracking = created.json()["tracking_number"]
    assert client.get(f"/api/v1/complaints/{tracking}", **read_only).status_code == 200


def test_a_handling_only_token_cannot_read_complaints(client, kediri_officer):
    response = client.get("/api/v1/complaints/ABCDE-23456", **headers(kediri_officer, ["handling:write"]))
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"


def test_a_scope_does_not_widen_what_the_roles_allow(client, world):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("tanpa-unit")
    response = client.post("/api/v1/complaints", PAYLOAD, content_type="application/json",
                           **headers(nobody, ["complaints:write"]))
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_the_openapi_description_names_the_scope(client, world):
    schema = client.get("/api/v1/openapi.json").json()
    assert "`complaints:write`" in schema["paths"]["/api/v1/complaints"]["post"]["description"]

