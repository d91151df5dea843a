"""Conformance with Open311 GeoReport v2: our JSON against the standard's JSON Schemas (from
open311/schema-validation, kept in ../shared/data/open311-georeport-v2/), and a real client —
the PyPI package `georeport` — reading our endpoints over HTTP in both formats."""

import json
from pathlib import Path

import jsonschema_rs
import pytest


REPO_ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = REPO_ROOT.parent / "shared" / "data" / "open311-georeport-v2"
BASE = "/open311/v2"

needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "requests.json").exists(),
    reason=f"Open311 JSON Schemas not found at {SCHEMAS} (shared/ beside the repository)",
)


def validator(name: str):
    def retrieve(uri: str):
        return json.loads((SCHEMAS / uri.rsplit("/", 1)[-1]).read_text())

    return jsonschema_rs.validator_for(
        json.loads((SCHEMAS / name).read_text()), retriever=retrieve,
        base_uri=(SCHEMAS / name).as_uri(), validate_formats=True,
    )


def assert_conforms(name: str, instance) -> None:
    errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator(name).iter_errors(instance)]
    assert not errors, errors


def assert_rejects(name: str, instance) -> None:
    assert not validator(name).is_valid(instance)


@needs_schemas
def test_the_schemas_catch_a_broken_response():
    # Guards the test itself: a validator that accepts everything would prove nothing.
    assert_rejects("requests.json", [{"service_request_id": "X", "status": "pending", "service_code": "a",
                                      "requested_datetime": "2026-01-01T00:00:00Z"}])
    assert_rejects("services.json", [{"service_code": "a", "service_name": "b", "metadata": "yes", "type": "realtime"}])
    assert_rejects("request.json", {"service_request_id": "X", "status": "open", "service_code": "a",
                                    "requested_datetime": "kemarin"})


@needs_schemas
def test_services_conform(client, world):
    services = client.get(f"{BASE}/services.json").json()
    assert_conforms("services.json", services)
    assert {"bpnt", "bpnt-3", "rastra-7", "pkh-4"} <= {s["service_code"] for s in services}
    assert {s["group"] for s in services} == {"BPNT/Sembako", "Bansos Rastra", "PKH"}


@needs_schemas
@pytest.mark.parametrize("code", ["bpnt-3", "pkh"])
def test_service_definitions_conform(client, world, code):
    definition = client.get(f"{BASE}/services/{code}.json").json()
    assert_conforms("service-definition.json", definition)
    assert [a["code"] for a in definition["attributes"]] == ["location_code", "kks", "nik", "category_type", "confidential"]


@needs_schemas
def test_service_requests_conform_with_and_without_an_api_key(client, complaints, officer_key):
    public = client.get(f"{BASE}/requests.json").json()
    assert len(public) == 3
    assert_conforms("requests.json", public)
    assert_conforms("requests.json", client.get(f"{BASE}/requests.json", {"api_key": officer_key}).json())
    (one,) = client.get(f"{BASE}/requests/{complaints['selesai'].tracking_number}.json").json()
    assert_conforms("request.json", one)


def test_an_unknown_service_is_a_404_error_list(client, world):
    response = client.get(f"{BASE}/services/blt-9.json")
    assert response.status_code == 404
    assert response.json() == [{"code": 404, "description": "service_code 'blt-9' tidak ditemukan."}]


def test_discovery_names_our_endpoint_and_formats(client, world):
    discovery = client.get(f"{BASE}/discovery.json").json()
    (endpoint,) = discovery["endpoints"]
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["formats"] == ["application/json", "text/xml"]
    assert b"<discovery><changeset>" in client.get(f"{BASE}/discovery.xml").content


# --- a real client over HTTP ------------------------------------------------------------------

@pytest.fixture
def georeport_client(live_server):
    from georeport import GeoReport

    return lambda fmt: GeoReport(f"{live_server.url}{BASE}", output_format=fmt)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_georeport_client_reads_services_and_definitions(georeport_client, world, fmt):
    client = georeport_client(fmt)
    services = client.get_service_list()
    by_code = {s["service_code"]: s for s in services}
    assert by_code["bpnt-3"]["service_name"] == "Kartu/KKS, PIN, buku tabungan, saldo/transfer"
    assert str(by_code["bpnt-3"]["metadata"]).lower() == "true" and by_code["bpnt-3"]["type"] == "realtime"
    definition = client.get_service_definition("bpnt-3")
    assert definition["service_code"] == "bpnt-3"
    attributes = definition["attributes"] if fmt == "json" else definition["attributes"]["attribute"]
    assert attributes[0]["code"] == "location_code"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_georeport_client_follows_service_requests(georeport_client, complaints, fmt):
    client = georeport_client(fmt)
    selesai = complaints["selesai"].tracking_number
    listed = client.get_service_requests(status="closed")
    # xmltodict gives one <request> as a dict, several as a list.
    listed = listed if isinstance(listed, list) else [listed]
    assert [r["service_request_id"] for r in listed] == [selesai]
    one = client.get_service_request(complaints["proses"].tracking_number)
    assert one["status"] == "open" and one["status_notes"].startswith("Proses. Tindak lanjut:")
    several = client.get_service_requests(service_request_id=",".join(c.tracking_number for c in complaints.values()))
    assert len(several) == 3


@pytest.mark.django_db(transaction=True)
def test_a_request_filed_over_http_is_then_read_back_by_the_client(georeport_client, live_server, officer_key, world):
    import requests

    # georeport 0.3.1 has no POST method: the client's own transport files the request.
    response = requests.post(f"{live_server.url}{BASE}/requests.json", data={
        "api_key": officer_key, "service_code": "bpnt-5", "description": "e-Warong menolak KKS saya.",
        "attribute[location_code]": "35.06.10.2005",
    }, timeout=10)
    assert response.status_code == 201, response.text
    tracking = response.json()[0]["service_request_id"]
    fetched = georeport_client("json").get_service_request(tracking)
    assert (fetched["service_code"], fetched["status"], fetched["address_id"]) == ("bpnt-5", "open", "35.06.10.2005")
