"""/api/v1/programs, /topics and /category-types: what an integration needs to fill in a complaint."""

import pytest



def test_programs_are_listed_without_a_token(client, world):
    response = client.get("/api/v1/programs")
    assert response.status_code == 200
    assert [(p["code"], p["sms_keyword"]) for p in response.json()] == [("bpnt", "NT"), ("rastra", "R"), ("pkh", "PKH")]
    assert response.json()[2]["policy"] == "pkh"


def test_topics_of_one_program_carry_their_category_types(client, world):
    topics = client.get("/api/v1/topics", {"program": "bpnt"}).json()
    assert [t["code"] for t in topics] == [f"bpnt-{n}" for n in range(1, 8)]
    abuse = topics[-1]
    assert abuse == {"code": "bpnt-7", "program": "bpnt", "number": 7, "name": "Penyalahgunaan bantuan",
                     "authority": "daerah", "severity": "berat", "category_types": ["keluhan"]}
    assert topics[0]["severity"] is None


def test_all_topics_without_a_program(client, world):
    assert len(client.get("/api/v1/topics").json()) == 21


def test_an_unknown_program_is_404_with_a_code(client, world):
    response = client.get("/api/v1/topics", {"program": "blt"})
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Program 'blt' tidak dikenal.", "field": "program"}


@pytest.mark.django_db
def test_category_types(client, world):
    codes = [c["code"] for c in client.get("/api/v1/category-types").json()]
    assert codes == ["aspirasi", "permintaan_informasi", "keluhan"]
