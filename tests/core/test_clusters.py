"""Clusters (issue 10): the same topic in the same area within 30 days, per program, from at least
two people; the hotspots of a unit in one grouped query; the advice for each."""

from datetime import timedelta

from django.utils import timezone

from aduan.core import clusters
from aduan.core.intake import Reporter
from aduan.core.models import Complaint
from tests.fixtures.org import MAKASSAR, POJOK, PURWODADI, SAMBI, lodge, officer, org  # noqa: F401  (shared fixtures)


def person(n: int) -> Reporter:
    return Reporter(name=f"Warga {n}", nik=f"35061045018000{n:02d}")


def test_two_people_with_the_same_e_warong_problem_in_one_desa_are_a_hotspot(lodge):
    lodge(topic="bpnt-5", reporter=person(1), text="e-warong tutup terus")
    lodge(topic="bpnt-5", reporter=person(2), text="agen minta uang gesek")
    lodge(topic="bpnt-5", reporter=person(3), region_code=SAMBI)  # the next desa: not the same e-Warong

    spots, across = clusters.hotspots(Complaint.objects.all())

    assert [(s.topic, s.area_code, s.complaints, s.people) for s in spots] == [("bpnt-5", PURWODADI, 2, 2)]
    assert "e-Warong" in spots[0].recommendation and "bank penyalur" in spots[0].recommendation
    assert across == []


def test_rastra_rice_is_clustered_by_kabupaten_and_goes_to_bulog(lodge):
    lodge(program="rastra", topic="rastra-2", reporter=person(1))
    lodge(program="rastra", topic="rastra-2", reporter=person(2), region_code=SAMBI)

    spots, _ = clusters.hotspots(Complaint.objects.all())

    assert [(s.area_code, s.area_name, s.people) for s in spots] == [("35.06", "Kabupaten Kediri", 2)]
    assert "Perum BULOG" in spots[0].recommendation


def test_one_person_twice_an_old_complaint_or_another_topic_make_no_cluster(lodge):
    lodge(topic="bpnt-5", reporter=person(1))
    lodge(topic="bpnt-5", reporter=person(1))
    lodge(topic="bpnt-5", reporter=person(2), received_at=timezone.now() - timedelta(days=45))
    lodge(topic="bpnt-4", reporter=person(3))
    assert clusters.hotspots(Complaint.objects.all())[0] == []
    assert len(clusters.hotspots(Complaint.objects.all(), days=90)[0]) == 1  # a longer period holds it


def test_anonymous_reporters_each_count_once(lodge):
    lodge(topic="bpnt-5", reporter=Reporter(anonymous=True))
    lodge(topic="bpnt-5", reporter=Reporter(anonymous=True))
    assert clusters.hotspots(Complaint.objects.all())[0][0].people == 2


def test_the_same_problem_in_two_kabupaten_of_a_province_asks_to_review_the_cooperation(lodge):
    for n, place in ((1, PURWODADI), (2, SAMBI), (3, POJOK), (4, POJOK)):
        lodge(program="pkh", topic="pkh-4", region_code=place, reporter=person(n))

    spots, across = clusters.hotspots(Complaint.objects.all())

    assert len(spots) == 2 and all("PT Pos" in s.recommendation for s in spots)
    assert len(across) == 1 and "2 kabupaten/kota" in across[0] and "tinjau kerja sama" in across[0]


def test_a_unit_sees_only_the_clusters_of_what_it_may_see(lodge, officer):
    from aduan.core.access import complaints_visible_to

    lodge(topic="bpnt-5", reporter=person(1), region_code=MAKASSAR, receiving_unit="dinsos-73")
    lodge(topic="bpnt-5", reporter=person(2), region_code=MAKASSAR, receiving_unit="dinsos-73")
    kediri = officer("dinsos-35-06")
    assert clusters.hotspots(complaints_visible_to(kediri))[0] == []
    assert len(clusters.hotspots(complaints_visible_to(officer("dinsos-73")))[0]) == 1


def test_hotspots_is_one_query(lodge, django_assert_max_num_queries):
    for n in range(4):
        lodge(topic="bpnt-5", reporter=person(n))
        lodge(program="pkh", topic="pkh-4", reporter=person(n))
    clusters.hotspots(Complaint.objects.all())  # the taxonomy and regions into memory
    with django_assert_max_num_queries(1):
        spots, _ = clusters.hotspots(Complaint.objects.all())
    assert len(spots) == 2
    assert len(clusters.hotspots(Complaint.objects.all(), limit=1)[0]) == 1  # the largest only
