"""The unit's queue at /petugas/: who sees what, counts, filters, deadlines, paging, query count."""

import os
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aduan.core import selectors
from aduan.core.actions import complaint_dispose, complaint_follow_up
from aduan.core.models import Complaint

pytestmark = pytest.mark.django_db

QUEUE = "/petugas/"


def rows_of(response) -> list[str]:
    return [row["tracking_number"] for row in response.context["rows"]]


def test_it_sends_a_signed_out_visitor_to_the_sign_in_page(client):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=/petugas/")


def test_a_district_officer_sees_only_what_reached_the_district(sign_in, people, world, file_complaint):
    mine = file_complaint()
    complaint_dispose(complaint=mine, actor=people["admin"], to_unit=world["dinsos-35-06"])
    elsewhere = file_complaint(region="73.71.01.1001")

    response = sign_in(people["kediri"]).get(QUEUE)

    assert response.status_code == 200
    assert rows_of(response) == [mine.tracking_number]
    assert elsewhere.tracking_number not in response.content.decode()


def test_the_queue_links_each_tracking_number_to_its_page(sign_in, people, file_complaint):
    complaint = file_complaint()

    body = sign_in(people["admin"]).get(QUEUE).content.decode()

    assert f'href="/petugas/aduan/{complaint.tracking_number}/"' in body


def test_it_counts_by_status_and_lateness(sign_in, people, world, file_complaint):
    file_complaint()  # belum, on time
    file_complaint(days_ago=40)  # belum, late (sedang: 14 working days)
    answered = file_complaint()
    complaint_follow_up(complaint=answered, actor=people["admin"], answer="Sudah kami periksa.")

    response = sign_in(people["admin"]).get(QUEUE)

    counts = {status: str(tally) for status, tally in response.context["counts"].items()}
    assert counts == {"belum": "2", "proses": "1", "selesai": "0", "terlambat": "1", "periksa": "0"}
    assert "3 pengaduan, diurutkan menurut tenggat." in response.content.decode()
    assert "perkiraan" not in response.content.decode()


def test_it_sorts_by_due_time_and_shows_what_is_left_in_working_days(sign_in, people, file_complaint):
    later = file_complaint()
    late = file_complaint(days_ago=40)

    response = sign_in(people["admin"]).get(QUEUE)
    body = response.content.decode()

    assert rows_of(response) == [late.tracking_number, later.tracking_number]
    assert "terlambat" in body and "hari kerja lagi" in body


def test_it_hides_closed_complaints_unless_asked(sign_in, people, file_complaint):
    complaint = file_complaint()
    Complaint.objects.filter(pk=complaint.pk).update(status="selesai")
    client = sign_in(people["admin"])

    assert rows_of(client.get(QUEUE)) == []
    assert rows_of(client.get(QUEUE, {"status": "selesai"})) == [complaint.tracking_number]
    assert rows_of(client.get(QUEUE, {"status": "semua"})) == [complaint.tracking_number]


@pytest.mark.parametrize("params, expected", [
    ({"severity": "berat"}, ["heavy"]),
    ({"program": "pkh"}, ["pkh"]),
    ({"category_type": "permintaan_informasi"}, ["info"]),
    ({"region": "73.71"}, ["makassar"]),
    ({"region": "makassar"}, ["makassar"]),
    ({"region": "Ringinrejo"}, ["heavy", "info", "pkh"]),
    ({"q": "berkutu"}, ["info"]),
    ({"overdue": "on"}, ["heavy"]),
])
def test_the_filters_narrow_the_queue(sign_in, people, file_complaint, params, expected):
    filed = {
        "heavy": file_complaint(topic="bpnt-7", days_ago=60),
        "pkh": file_complaint(program="pkh", topic="pkh-4"),
        "info": file_complaint(category_type="permintaan_informasi", topic="bpnt-4", text="Beras berkutu?"),
        "makassar": file_complaint(region="73.71.01.1001"),
    }
    names = {c.tracking_number: name for name, c in filed.items()}

    response = sign_in(people["admin"]).get(QUEUE, params)

    assert sorted(names[t] for t in rows_of(response)) == expected


def test_the_filter_form_shows_the_filters_applied(sign_in, people, file_complaint):
    file_complaint()

    page = sign_in(people["admin"]).get(QUEUE, {"region": "Kediri", "overdue": "on", "per": "50"}).content.decode()

    assert re.search(r'<input type="text" name="region" id="id_region" value="Kediri"', page)
    assert re.search(r'name="overdue" id="id_overdue" checked', page)
    assert re.search(r'name="mine" id="id_mine">', page)
    assert '<input type="hidden" name="per" value="50">' in page


def test_what_needs_checking_is_counted_and_listed_oldest_first(sign_in, people, file_complaint):
    newer_unclassified = file_complaint(topic=None, category_type=None, days_ago=1)
    older_unplaced = file_complaint(region=None, location_text="ds purwodadi", location_needs_review=True,
                                    days_ago=3)
    file_complaint()  # classified and placed

    client = sign_in(people["admin"])
    assert str(client.get(QUEUE).context["counts"]["periksa"]) == "2"
    response = client.get(QUEUE, {"check": "on"})

    assert rows_of(response) == [older_unplaced.tracking_number, newer_unclassified.tracking_number]
    assert "2 pengaduan perlu diperiksa, yang terlama lebih dulu." in response.content.decode()


def test_it_finds_a_complaint_by_its_tracking_number_however_typed(sign_in, people, file_complaint):
    wanted = file_complaint()
    file_complaint()
    typed = wanted.tracking_number.replace("-", " ").lower()

    assert rows_of(sign_in(people["admin"]).get(QUEUE, {"q": typed})) == [wanted.tracking_number]


def test_assigned_to_me_shows_only_my_complaints(sign_in, people, file_complaint):
    mine = file_complaint()
    file_complaint()
    Complaint.objects.filter(pk=mine.pk).update(assigned_to=people["admin"])

    assert rows_of(sign_in(people["admin"]).get(QUEUE, {"mine": "on"})) == [mine.tracking_number]


def test_it_pages_by_25_following_the_next_link(sign_in, people, file_complaint):
    filed = [file_complaint(days_ago=i).tracking_number for i in range(27)]
    client = sign_in(people["admin"])

    first = client.get(QUEUE)
    next_link = re.search(r'<a rel="next" href="\?([^"]+)"', first.content.decode()).group(1).replace("&amp;", "&")
    second = client.get(f"{QUEUE}?{next_link}")

    assert len(rows_of(first)) == 25 and len(rows_of(second)) == 2
    assert set(rows_of(first)) | set(rows_of(second)) == set(filed)  # none twice, none lost
    assert 'rel="next"' not in second.content.decode() and "Ke awal" in second.content.decode()


def test_a_bad_filter_in_the_address_falls_back_to_the_default_queue(sign_in, people, file_complaint):
    file_complaint()

    response = sign_in(people["admin"]).get(QUEUE, {"severity": "parah", "after": "x"})

    assert response.status_code == 200
    assert len(rows_of(response)) == 1


def test_an_officer_without_a_unit_sees_an_empty_queue_and_why(sign_in, django_user_model, file_complaint):
    file_complaint()
    stranger = django_user_model.objects.create_user("tamu", password="x")

    response = sign_in(stranger).get(QUEUE)

    assert rows_of(response) == []
    assert "belum terdaftar di unit mana pun" in response.content.decode()


def _queue_queries(client, per: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(QUEUE, {"per": per})
    assert len(rows_of(response)) == per
    if os.environ.get("ADUAN_SHOW_QUERIES"):
        print("\n".join(q["sql"][:110] for q in captured.captured_queries))
    return len(captured.captured_queries)


@pytest.mark.parametrize("user", ["admin", "kediri"])
def test_the_queue_runs_the_same_number_of_queries_for_5_or_50_rows(sign_in, people, world, file_complaint,
                                                                     django_assert_max_num_queries, user):
    for i in range(55):
        complaint = file_complaint(days_ago=i % 30, topic=f"bpnt-{i % 7 + 1}")
        complaint_dispose(complaint=complaint, actor=people["admin"], to_unit=world["dinsos-35-06"])
        Complaint.objects.filter(pk=complaint.pk).update(assigned_to=people["kediri"])
    client = sign_in(people[user])
    client.get(QUEUE)  # warm the session

    small = _queue_queries(client, 5)
    with django_assert_max_num_queries(small):
        large = _queue_queries(client, 50)

    assert small == large
    assert small <= 12


def test_past_the_threshold_the_counts_are_the_planners_estimates_and_the_page_says_so(
        sign_in, people, file_complaint, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the estimates are PostgreSQL's planner's; SQLite always counts exactly")
    monkeypatch.setattr(selectors, "ESTIMATE_ABOVE", 0)  # as if the queue held a million
    file_complaint()

    response = sign_in(people["admin"]).get(QUEUE)

    body = response.content.decode()
    assert not any(tally.exact for tally in response.context["counts"].values())
    assert "≈" in body and "perkiraan" in body
    assert len(rows_of(response)) == 1  # the list itself is exact
