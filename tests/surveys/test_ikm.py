"""The IKM of PermenPANRB 14/2017: NRR per element, Σ NRR × 1/9 × 25, the grade; and every door a
questionnaire comes in by (the action, the API with its named refusals)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from aduan.core.actions import complaint_close_expired, complaint_follow_up
from aduan.core.errors import ActionError
from aduan.organisation.models import Role
from aduan.surveys import selectors
from aduan.surveys.actions import survey_record
from aduan.surveys.ikm import compute, grade
from aduan.surveys.models import Source, Survey
from tests.fixtures.org import api_as, lodge, officer, org  # noqa: F401  (shared fixtures)

CODES = [f"U{n}" for n in range(1, 10)]


def scores(*values: int) -> dict[str, int]:
    return dict(zip(CODES, values, strict=True))


def sums(rows: list[dict]) -> dict[str, int]:
    return {code: sum(r[code] for r in rows) for code in CODES}


def test_one_ninth_not_0_11_decides_the_grade():
    # Five respondents; one gives 4 on U1–U3, the rest 3 everywhere: Σ NRR = 27.6.
    rows = [scores(4, 4, 4, 3, 3, 3, 3, 3, 3)] + [scores(*[3] * 9)] * 4
    result = compute(5, sums(rows))
    assert [str(e.nrr) for e in result.elements] == ["3.20", "3.20", "3.20"] + ["3.00"] * 6
    assert result.ikm == Decimal("76.67") and (result.grade, result.label) == ("B", "Baik")
    # The regulation's 0.11 would have made it 75.90, a C.
    assert grade(Decimal(str(round(27.6 * 0.11 * 25, 2)))) == ("C", "Kurang baik")


@pytest.mark.parametrize("value, expected", [
    ("25.00", "D"), ("64.99", "D"), ("65.00", "C"), ("76.60", "C"), ("76.61", "B"), ("88.30", "B"),
    ("88.31", "A"), ("100.00", "A"),
])
def test_the_grade_boundaries(value, expected):
    assert grade(Decimal(value))[0] == expected


def test_the_worked_example_of_the_question_three_point_two_five():
    rows = [scores(4, 3, 3, 4, 3, 3, 3, 3, 3), scores(3, 3, 3, 4, 3, 3, 3, 3, 3), scores(3, 3, 3, 4, 3, 3, 3, 3, 3),
            scores(3, 3, 3, 4, 3, 3, 3, 3, 3)]
    result = compute(4, sums(rows))
    assert result.elements[0].nrr == Decimal("3.25") and result.elements[3].nrr == Decimal("4.00")
    # (3.25 + 4 + 7 × 3) / 9 × 25 = 78.472… → 78.47
    assert result.ikm == Decimal("78.47") and result.grade == "B"
    assert [e.code for e in result.lowest(2)] == ["U2", "U3"]


def test_no_responses_is_no_index():
    result = compute(0, {})
    assert result.ikm is None and result.grade is None and result.as_dict()["ikm"] is None


def test_the_selector_reads_the_units_surveys_in_its_local_days(org):
    unit = org["dinsos-35-06"]
    for n in range(4):
        survey_record(unit=unit, scores=scores(*[4] * 9), source=Source.PAPER,
                      received_at=datetime(2026, 11, 30, 17 + n, tzinfo=UTC),  # 00:00 WIB onwards: 1 December
                      respondent={"gender": "P", "age": 30 + 10 * n, "education": "sma", "occupation": "petani_nelayan"})
    survey_record(unit=org["dinsos-35-71"], scores=scores(*[1] * 9), source=Source.PAPER,
                  received_at=datetime(2026, 11, 20, tzinfo=UTC))
    november = selectors.surveys_of({unit.pk}, datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date())
    december = selectors.surveys_of({unit.pk}, datetime(2026, 12, 1).date(), datetime(2026, 12, 31).date())
    assert november.count() == 0 and selectors.ikm_of(december).ikm == Decimal("100.00")
    profile = selectors.respondent_profile(december)
    assert profile["gender"] == [("Perempuan", 4)] and profile["education"] == [("SMA", 4)]
    assert profile["age"] == [("25–34", 1), ("35–44", 1), ("45–54", 1), ("55+", 1)]


def test_a_missing_element_or_a_score_outside_one_to_four_is_named(org):
    with pytest.raises(ActionError) as missing:
        survey_record(unit=org["dinsos-35-06"], scores={c: 3 for c in CODES[:8]}, source=Source.PAPER)
    assert missing.value.field == "scores.U9"
    with pytest.raises(ActionError) as outside:
        survey_record(unit=org["dinsos-35-06"], scores={**scores(*[3] * 9), "U4": 5}, source=Source.PAPER)
    assert outside.value.field == "scores.U4"
    assert not Survey.objects.exists()


def test_a_complaint_is_rated_once_after_it_is_closed(lodge, officer):
    complaint = lodge(receiving_unit="dinsos-35-06")
    with pytest.raises(ActionError):
        survey_record(unit=None, complaint=complaint, scores=scores(*[4] * 9), source=Source.LACAK)
    answered = complaint_follow_up(complaint=complaint, actor=officer("dinsos-35-06", Role.BACK_OFFICE), answer="Selesai.")
    complaint_close_expired(now=answered.closure_due_at)
    survey = survey_record(unit=None, complaint=complaint, scores=scores(*[4] * 9), source=Source.LACAK)
    assert survey.unit.code == "dinsos-35-06" and complaint.events.filter(kind="rated").count() == 1
    with pytest.raises(ActionError) as twice:
        survey_record(unit=None, complaint=complaint, scores=scores(*[3] * 9), source=Source.LACAK)
    assert twice.value.code == "conflict"


def test_the_api_takes_a_paper_questionnaire_and_answers_the_ikm(api_as, officer):
    client = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    received = (timezone.now() - timedelta(days=1)).isoformat()
    created = client.post("/api/v1/surveys", {"unit": "dinsos-35-06", "received_at": received,
                                              "scores": scores(4, 3, 3, 4, 3, 3, 3, 3, 3),
                                              "respondent": {"gender": "L", "age": 41, "education": "sd"}},
                          content_type="application/json")
    assert created.status_code == 201 and created.json()["scores"]["U1"] == 4
    bad = client.post("/api/v1/surveys", {"unit": "dinsos-35-06", "received_at": received,
                                          "scores": {**scores(*[3] * 9), "U7": 0}}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["field"] == "scores.U7" and "U7" in bad.json()["message"]
    missing = client.post("/api/v1/surveys", {"unit": "dinsos-35-06", "received_at": received,
                                              "scores": {"U1": 3}}, content_type="application/json")
    assert missing.status_code == 400 and missing.json()["field"] == "scores.U2"
    other = client.post("/api/v1/surveys", {"unit": "dinsos-35-71", "received_at": received,
                                            "scores": scores(*[3] * 9)}, content_type="application/json")
    assert other.status_code == 403

    year = timezone.localdate().year
    body = client.get(f"/api/v1/reports/ikm?unit=dinsos-35-06&from={year - 1}-01-01&to={year}-12-31").json()
    assert body["responses"] == 1 and body["elements"][0] == {"code": "U1", "name": "Persyaratan", "nrr": 4.0}
    assert body["ikm"] == 80.56 and body["grade"] == "B" and body["label"] == "Baik"
    empty = client.get("/api/v1/reports/ikm?unit=dinsos-35-06&from=2020-01-01&to=2020-12-31").json()
    assert empty["responses"] == 0 and empty["ikm"] is None
