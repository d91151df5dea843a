"""Whatever a client sends to /open311/v2/, the answer is the data or a standard error — never a 5xx."""

from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aduan.core.actions import complaint_follow_up


BASE = "/open311/v2"
FUZZ = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
# NUL included: PostgreSQL cannot store it, and it must be refused before it gets there.
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40) | st.just("bpnt\x00")
dates = st.one_of(text, st.datetimes().map(lambda d: d.isoformat() + "Z"), st.just("9999-12-31T23:59:59Z"))


@FUZZ
@given(params=st.fixed_dictionaries({}, optional={
    "service_request_id": text, "service_code": text, "start_date": dates, "end_date": dates,
    "status": st.sampled_from(["open", "closed", "open,closed", "pending", ""]), "api_key": text,
}), fmt=st.sampled_from(["json", "xml"]))
def test_any_query_gets_data_or_a_400(client, complaints, params, fmt):
    response = client.get(f"{BASE}/requests.{fmt}", params)
    assert response.status_code in (200, 400), response.content


@FUZZ
@given(fields=st.fixed_dictionaries({"description": text}, optional={
    "service_code": st.sampled_from(["bpnt", "bpnt-3", "pkh-7", "x"]), "lat": text, "long": text,
    "address_string": text, "address_id": text, "email": text, "first_name": text, "phone": text,
    "attribute[location_code]": st.sampled_from(["35.06.10.2005", "", "35", "9" * 40]),
    "attribute[kks]": text, "attribute[category_type]": text, "attribute[confidential]": text,
}))
def test_any_form_files_a_complaint_or_gets_a_standard_error(client, officer_key, world, fields):
    fields = fields | {"api_key": officer_key}
    response = client.post(f"{BASE}/requests.json", fields)
    assert response.status_code in (200, 201, 400), response.content
    if response.status_code == 400:
        assert set(response.json()[0]) == {"code", "description"}


def test_characters_xml_cannot_carry_are_left_out(client, complaints, kediri_officer):
    complaint_follow_up(complaint=complaints["belum"], actor=kediri_officer, answer="Sudah\x0b beres\x07.")
    response = client.get(f"{BASE}/requests/{complaints['belum'].tracking_number}.xml")
    assert ElementTree.fromstring(response.content).find("request/status_notes").text.endswith("Sudah beres.")


def test_a_nul_character_is_refused_in_the_standard_format(client, officer_key, world):
    response = client.post(f"{BASE}/requests.xml", {"api_key": officer_key, "service_code": "bpnt",
                                                    "description": "a\x00b", "address_id": "35.06.10.2005"})
    assert response.status_code == 400
    assert ElementTree.fromstring(response.content).find("error/code").text == "400"
    assert client.get(f"{BASE}/services/bpnt%00.json").json()[0]["code"] == 400
