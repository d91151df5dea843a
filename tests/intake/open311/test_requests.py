"""GET and POST /open311/v2/requests: complaints as service requests, without personal data."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from aduan.accounts.models import ApiToken
from aduan.core.errors import UNKNOWN_REGION
from aduan.core.models import Complaint
from aduan.intake.open311 import filing, service_requests
from tests.intake.open311.conftest import ANSWER

BASE = "/open311/v2"
PERSONAL = ["Budi", "Santoso", "6281299990000", "7371010101800001", "3235386475739456", "Siti", "Aminah", "Rahasia"]


def test_each_complaint_shows_open_or_closed_with_our_status_in_the_notes(client, complaints):
    rows = {r["service_request_id"]: r for r in client.get(f"{BASE}/requests.json").json()}
    belum, proses, selesai = (rows[complaints[k].tracking_number] for k in ("belum", "proses", "selesai"))
    assert (belum["status"], belum["status_notes"]) == ("open", "Belum ditindaklanjuti.")
    assert (proses["status"], proses["status_notes"]) == ("open", f"Proses. Tindak lanjut: {ANSWER}")
    assert selesai["status"] == "closed" and selesai["status_notes"].startswith("Selesai. Tindak lanjut: e-Warong")
    assert (belum["service_code"], belum["service_name"]) == ("bpnt-3", "Kartu/KKS, PIN, buku tabungan, saldo/transfer")
    assert (proses["service_code"], proses["service_name"]) == ("rastra", "Bansos Rastra")  # no topic: the program
    assert proses["address"] == "Bontorannu, Mariso, Kota Makassar, Sulawesi Selatan"
    assert proses["address_id"] == "73.71.01.1001"
    assert proses["requested_datetime"].endswith("+08:00")  # WITA, the region's zone
    assert belum["agency_responsible"].startswith("Dinas Sosial Kabupaten Kediri")


def test_the_public_view_holds_no_personal_data_nor_internal_notes(client, complaints):
    body = client.get(f"{BASE}/requests.json").content.decode() + client.get(f"{BASE}/requests.xml").content.decode()
    for secret in [*PERSONAL, "catatan internal", "Pelapor mengonfirmasi"]:
        assert secret not in body
    assert all(row["description"] is None for row in client.get(f"{BASE}/requests.json").json())


def test_an_api_key_that_may_see_the_complaint_also_reads_its_text(client, complaints, officer_key, world):
    from tests.fixtures.core import make_officer

    rows = client.get(f"{BASE}/requests.json", {"api_key": officer_key}).json()
    assert {r["description"] for r in rows} == {c.text for c in complaints.values()}
    # A unit with nothing to do with these complaints (the districts they happened in are told of them, R20).
    _, stranger = ApiToken.issue(make_officer("petugas-bni", world["bni"]), "x")
    assert {r["description"] for r in client.get(f"{BASE}/requests.json", {"api_key": stranger}).json()} == {None}


def test_filters_by_id_code_status_and_dates(client, complaints):
    def ids(**params):
        return {r["service_request_id"] for r in client.get(f"{BASE}/requests.json", params).json()}

    t = {k: c.tracking_number for k, c in complaints.items()}
    assert ids(service_request_id=f"{t['belum']},{t['selesai'].lower()},NOPE") == {t["belum"], t["selesai"]}
    assert ids(service_code="bpnt-3,rastra") == {t["belum"], t["proses"]}
    assert ids(status="closed") == {t["selesai"]}
    assert ids(status="open") == {t["belum"], t["proses"]}
    assert ids(status="open,closed") == set(t.values())
    later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(start_date=later) == set()
    assert ids(end_date=later) == set(t.values())


def test_the_default_window_is_the_last_90_days(client, complaints):
    old = complaints["belum"]
    Complaint.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=91))
    listed = {r["service_request_id"] for r in client.get(f"{BASE}/requests.json").json()}
    assert old.tracking_number not in listed and len(listed) == 2


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"status": "pending"}, service_requests.BAD_STATUS),
        ({"start_date": "kemarin"}, service_requests.BAD_DATE.format(field="start_date")),
        ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, service_requests.BAD_SPAN),
        ({"end_date": "0001-01-01T00:00:00Z"}, service_requests.BAD_DATE.format(field="end_date")),
    ],
)
def test_bad_queries_are_400_in_the_standard_error_format(client, world, params, description):
    response = client.get(f"{BASE}/requests.json", params)
    assert response.status_code == 400
    assert response.json() == [{"code": 400, "description": description}]


def test_one_request_by_id_and_404_for_an_unknown_one(client, complaints):
    tracking = complaints["proses"].tracking_number
    response = client.get(f"{BASE}/requests/{tracking}.json")
    assert [r["service_request_id"] for r in response.json()] == [tracking]
    missing = client.get(f"{BASE}/requests/ABCDE-23456.xml")
    assert missing.status_code == 404
    root = ElementTree.fromstring(missing.content)
    assert root.tag == "errors" and root.find("error/code").text == "404"


def test_the_xml_list_has_the_standards_element_names(client, complaints):
    response = client.get(f"{BASE}/requests.xml", {"status": "closed"})
    assert response["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "service_requests"
    (request,) = root.findall("request")
    assert request.find("service_request_id").text == complaints["selesai"].tracking_number
    assert request.find("status").text == "closed"
    assert request.find("description").text is None and request.find("lat") is not None


# --- POST -------------------------------------------------------------------------------------

def post(client, fmt="json", **fields):
    return client.post(f"{BASE}/requests.{fmt}", fields)


def test_a_client_files_a_complaint_with_a_location_code(client, officer_key, world):
    response = post(
        client, api_key=officer_key, service_code="bpnt-3", description="Kartu KKS tertelan mesin ATM.",
        first_name="Siti", last_name="Aminah", email="siti@example.id", phone="081234567890",
        **{"attribute[location_code]": "35.06.10.2005", "attribute[kks]": "3235386475739456",
           "attribute[category_type]": "keluhan"},
    )
    assert response.status_code == 201, response.content
    (body,) = response.json()
    complaint = Complaint.objects.get(tracking_number=body["service_request_id"])
    assert body["service_notice"].startswith(f"Pengaduan diterima dengan nomor {complaint.tracking_number}.")
    assert " WIB." in body["service_notice"] and "Kode rahasia pelapor" in body["service_notice"]
    assert body["account_id"] is None
    assert (complaint.channel, complaint.program.code, complaint.topic.code) == ("api", "bpnt", "bpnt-3")
    assert complaint.region_id == "35.06.10.2005"
    assert (complaint.reporter_name, complaint.reporter_email) == ("Siti Aminah", "siti@example.id")
    assert complaint.reporter_kks == "3235386475739456"
    assert complaint.receiving_unit == world["dinsos-35-06"] and complaint.category_type.code == "keluhan"


def test_an_address_string_is_resolved_to_a_desa(client, officer_key, world):
    from aduan.regions.resolver import reset_resolver

    reset_resolver()
    try:
        response = post(client, api_key=officer_key, service_code="rastra-2", description="Beras apek.",
                        address_string="Jl. Mawar 3, Purwodadi, Ringinrejo, Kediri, Jawa Timur")
    finally:
        reset_resolver()
    complaint = Complaint.objects.get(tracking_number=response.json()[0]["service_request_id"])
    assert complaint.region_id == "35.06.10.2005"
    assert complaint.location_text.startswith("Jl. Mawar 3")


def test_coordinates_alone_are_kept_for_an_officer_to_place(client, officer_key, world):
    response = post(client, "xml", api_key=officer_key, service_code="pkh", description="Bantuan PKH belum cair.",
                    lat="-7.8166", long="112.0111")
    assert response.status_code == 201
    root = ElementTree.fromstring(response.content)
    tracking = root.find("request/service_request_id").text
    complaint = Complaint.objects.get(tracking_number=tracking)
    assert complaint.region_id is None and complaint.location_needs_review
    assert complaint.location_text == "Koordinat -7.816600, 112.011100"


def test_a_confidential_request_gets_its_access_code_once(client, officer_key, world):
    response = post(client, api_key=officer_key, service_code="bpnt", description="Pungutan liar di e-Warong.",
                    **{"attribute[location_code]": "35.06.10.2005", "attribute[confidential]": "true"})
    notice = response.json()[0]["service_notice"]
    number = response.json()[0]["service_request_id"]
    assert "Kode rahasia pelapor" in notice
    assert Complaint.objects.get().confidential
    # Never listed afterwards, not even its number.
    assert number not in client.get("/open311/v2/requests.json").content.decode()
    assert client.get(f"/open311/v2/requests/{number}.json").status_code == 404


def test_a_retried_post_with_the_same_client_id_files_once(client, officer_key, world):
    fields = {"api_key": officer_key, "service_code": "bpnt", "description": "Saldo kosong.",
              "attribute[location_code]": "35.06.10.2005", "attribute[external_id]": "loket-77"}
    first, again = post(client, **fields), post(client, **fields)
    assert first.json()[0]["service_request_id"] == again.json()[0]["service_request_id"]
    assert Complaint.objects.count() == 1
    post(client, **(fields | {"attribute[external_id]": "loket-78"}))
    assert Complaint.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "status", "description"),
    [
        ({"api_key": "adb_wrong"}, 403, filing.INVALID_KEY),
        ({"api_key": ""}, 403, filing.INVALID_KEY),
        ({"service_code": ""}, 400, filing.MISSING.format(field="service_code")),
        ({"service_code": "blt-1"}, 400, filing.UNKNOWN_SERVICE.format(value="blt-1")),
        ({"description": " "}, 400, filing.MISSING.format(field="description")),
        ({"attribute[location_code]": ""}, 400, filing.NO_LOCATION),
        ({"attribute[location_code]": "99.99"}, 400, UNKNOWN_REGION.format(value="99.99")),
        ({"lat": "utara"}, 400, filing.BAD_COORDINATES),
        ({"email": "bukan-email"}, 400, filing.BAD_EMAIL),
        ({"attribute[kks]": "123"}, 400, "Nomor KKS harus 16 angka."),
    ],
)
def test_refusals_use_the_standard_error_format(client, officer_key, world, fields, status, description):
    base = {"api_key": officer_key, "service_code": "bpnt-1", "description": "Tanya jadwal.",
            "attribute[location_code]": "35.06.10.2005"}
    response = client.post(f"{BASE}/requests.json", base | fields)
    assert response.status_code == status, response.content
    assert response.json() == [{"code": status, "description": description}]
    assert not Complaint.objects.exists()


def test_a_read_only_key_cannot_file(client, kediri_officer, world):
    _, read_only = ApiToken.issue(kediri_officer, "baca", scopes=["complaints:read"])
    response = post(client, api_key=read_only, service_code="bpnt-1", description="x",
                    **{"attribute[location_code]": "35.06.10.2005"})
    assert response.status_code == 403
    assert "complaints:write" in response.json()[0]["description"]


def test_other_methods_are_refused(client, world):
    assert client.delete(f"{BASE}/requests.json").status_code == 405
    assert client.post(f"{BASE}/services.json").status_code == 405
