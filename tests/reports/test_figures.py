"""The monthly and annual figures (SPEC R27, R28) on a known set of complaints filed through the
actions: across a month boundary and two time zones, with answers, closures, an escalation, two
rebuttals and a misuse report."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from aduan.core.actions import complaint_close_expired, complaint_escalate, complaint_follow_up, complaint_rebut
from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from aduan.reports import figures
from tests.fixtures.org import PURWODADI, SAMBI, lodge, officer, org  # noqa: F401  (shared fixtures)

GURABESI = "91.71.01.1001"  # Kota Jayapura, WIT
POJOK = "35.71.01.1001"
# 22:30 WIB on 31 October is 00:30 WIT on 1 November.
BOUNDARY = datetime(2026, 10, 31, 15, 30, tzinfo=UTC)


def at(day: int, hour: int = 3, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def by_code(rows: list[dict]) -> dict[str, int]:
    return {row["code"]: row["count"] for row in rows if row["count"]}


@pytest.fixture
def known(lodge, officer):
    kediri = officer("dinsos-35-06", Role.BACK_OFFICE)
    made = {
        "october_wib": lodge(receiving_unit="dinsos-35-06", channel="tatap_muka", received_at=BOUNDARY, severity="ringan",
                             reporter=Reporter(name="Sri", nik="3506104501800001")),
        "november_wit": lodge(receiving_unit="dinsos-91-71", program="rastra", topic="rastra-2", region_code=GURABESI,
                              received_at=BOUNDARY, reporter=Reporter(name="Yakob", nik="9171014501800001")),
        "answered": lodge(receiving_unit="dinsos-35-06", program="pkh", topic="pkh-4", region_code=SAMBI,
                          channel="web", severity="sedang", received_at=at(3, 2), reporter=Reporter(name="Ani", nik="3506104501800002")),
        "misuse": lodge(receiving_unit="dinsos-35-06", topic="bpnt-7", severity="ringan", received_at=at(10),
                        reporter=Reporter(anonymous=True)),
        "rebutted": lodge(receiving_unit="dinsos-35-06", topic="bpnt-3", severity="berat", received_at=at(4),
                          reporter=Reporter(name="Budi", nik="3506104501800003")),
        "kota": lodge(receiving_unit="dinsos-35-71", region_code=POJOK, received_at=at(12),
                      reporter=Reporter(name="Tono", nik="3571014501800004")),
    }
    # Answered on Thursday 5 November: two working days after Tuesday the 3rd; closed when the window passed.
    answered = complaint_follow_up(complaint=made["answered"], actor=kediri, answer="Sudah dibayar.", at=at(5))
    complaint_close_expired(now=answered.closure_due_at)
    # Answered, rebutted, answered again, rebutted again; escalated by hand.
    rebutted = made["rebutted"]
    for day in (5, 9):
        rebutted = complaint_follow_up(complaint=rebutted, actor=kediri, answer="Saldo sudah masuk.", at=at(day))
        rebutted = complaint_rebut(complaint=rebutted, text="Belum masuk.", at=at(day, 5))
    complaint_escalate(complaint=rebutted, actor=officer("dinsos-35-06", Role.PEJABAT_PENGELOLA),
                       reason="Perlu bank.", at=at(11))
    return made


def test_the_districts_november_counts_what_it_received_in_local_days(known, org):
    report = figures.monthly(org["dinsos-35-06"], 2026, 11, now=at(2, month=12))

    assert report["month"] == "2026-11" and report["unit"]["code"] == "dinsos-35-06"
    assert report["received"] == 3  # not 31 October's (WIB), not Kota Kediri's, not Jayapura's
    assert by_code(report["by_program"]) == {"bpnt": 2, "pkh": 1}
    assert by_code(report["by_topic"]) == {"pkh-4": 1, "bpnt-7": 1, "bpnt-3": 1}
    assert by_code(report["by_channel"]) == {"web": 1, "sms": 2}
    assert by_code(report["by_category_type"]) == {"keluhan": 3}
    assert by_code(report["by_severity"]) == {"ringan": 1, "sedang": 1, "berat": 1}
    assert by_code(report["by_status"]) == {"selesai": 1, "proses": 1, "belum": 1}
    assert by_code(report["by_region"]) == {"35.06": 3}
    assert report["by_region"][0]["name"] == "Kabupaten Kediri"
    assert report["closed"] == 1 and report["closed_within_deadline"] == 1
    # Tuesday 3 → Thursday 5 November is 2 working days, Wednesday 4 → Thursday 5 is 1.
    assert report["median_working_days_to_first_answer"] == 1.5
    # 31 October's and the misuse report (7 working days each) were never answered.
    assert report["overdue_open"] == 2


def test_the_attention_list_names_the_cases_the_spec_asks_for(known, org):
    attention = figures.monthly(org["dinsos-35-06"], 2026, 11, now=at(2, month=12))["attention"]

    def numbers(key):
        return {item["tracking_number"] for item in attention[key]["items"]}

    assert numbers("overdue") == {known["october_wib"].tracking_number, known["misuse"].tracking_number}
    assert numbers("escalated") == numbers("rebutted_twice") == {known["rebutted"].tracking_number}
    assert numbers("misuse") == {known["misuse"].tracking_number}
    assert attention["overdue"]["count"] == 2


def test_a_complaint_at_the_same_instant_belongs_to_october_in_jakarta_and_november_in_jayapura(known, org):
    national = org["admin-utama"]
    october = figures.monthly(national, 2026, 10, now=at(2, month=12))
    november = figures.monthly(national, 2026, 11, now=at(2, month=12))

    assert october["received"] == 1 and by_code(october["by_region"]) == {"35.06": 1}
    assert november["received"] == 5 and by_code(november["by_region"]) == {"35.06": 3, "35.71": 1, "91.71": 1}
    # The province counts its kabupaten and kota, not Papua.
    assert figures.monthly(org["dinsos-35"], 2026, 11, now=at(2, month=12))["received"] == 4


def test_the_status_is_read_at_the_months_end_not_today(known, org):
    # At the end of November the misuse report was still waiting; answered later, it stays "belum" there.
    kediri = known["misuse"]
    complaint_follow_up(complaint=kediri, actor=known["misuse"].receiving_unit.memberships.first().user,
                        answer="Sudah ditindak.", at=at(1, month=12))
    report = figures.monthly(org["dinsos-35-06"], 2026, 11, now=at(2, month=12))
    assert by_code(report["by_status"]) == {"selesai": 1, "proses": 1, "belum": 1}
    assert report["overdue_open"] == 2


def test_the_year_adds_up_the_months(known, org):
    report = figures.annual(org["dinsos-35-06"], 2026, now=at(2, month=12))

    assert report["year"] == 2026 and report["received"] == 4
    months = {row["month"]: (row["received"], row["closed"]) for row in report["by_month"]}
    assert months["2026-10"] == (1, 0) and months["2026-11"] == (3, 1) and months["2026-12"] == (0, 0)
    assert len(report["by_month"]) == 12


def test_an_empty_month_is_zero_everywhere_and_has_no_median(org):
    report = figures.monthly(org["dinsos-35-06"], 2026, 11, now=timezone.now())
    assert report["received"] == 0 and report["closed"] == 0 and report["overdue_open"] == 0
    assert report["median_working_days_to_first_answer"] is None
    assert by_code(report["by_status"]) == {}


def test_the_median_of_a_histogram():
    assert figures.median_of({}) is None
    assert figures.median_of({3: 1}) == 3
    assert figures.median_of({1: 1, 2: 1}) == 1.5
    assert figures.median_of({0: 2, 5: 1, 9: 1}) == 2.5
    assert figures.median_of({0: 3, 5: 1, 9: 1}) == 0
