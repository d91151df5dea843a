"""Clusters: the same problem (topic) reported in the same area within the same period, per
program — SPEC R18's payment rule generalised (issue 10).

The area is where one cause would sit: the desa of a BPNT e-Warong, the kabupaten a Rastra supply
reaches, the kecamatan of a PKH post office. A cluster is worth telling the unit about when at
least two people report it; the same problem in several kabupaten of one province points to the
cooperation with the provider itself. `hotspots` reads all of a unit's clusters in one grouped
query; `cluster_of` the one a complaint belongs to.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Case, CharField, Count, Max, Min, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf, Substr
from django.utils import timezone

from aduan.core.models import Complaint
from aduan.regions.lookups import region as region_by_code
from aduan.taxonomy import lookups as taxonomy

DAYS = 30
PEOPLE = 2
LIMIT = 200  # a national coordinator's year holds thousands; the page and the API show the largest
# How many characters of the region code make the area, per program (desa 13, kecamatan 8, kab 5).
AREA_DIGITS = {"bpnt": 13, "rastra": 5, "pkh": 8}
DEFAULT_AREA_DIGITS = 8

# What to do about a cluster, by topic; the default otherwise. {people}, {area}, {days}, {topic}.
RECOMMENDATIONS = {
    "pkh-4": ("{people} orang di {area} melaporkan masalah pembayaran yang sama dalam {days} hari. "
              "Bila kantor pos tidak dapat menyelesaikannya, rekomendasikan UPPKH Pusat menindaklanjuti dengan PT Pos."),
    "bpnt-5": ("{people} orang di {area} melaporkan masalah e-Warong yang sama dalam {days} hari. "
               "Periksa e-Warong di desa ini bersama bank penyalur; bila perlu ganti agennya."),
    "bpnt-3": ("{people} orang di {area} melaporkan masalah kartu/saldo dalam {days} hari. "
               "Sampaikan sebagai satu masalah kepada bank penyalur."),
    "rastra-2": ("{people} orang di {area} melaporkan mutu beras yang buruk dalam {days} hari. "
                 "Minta Perum BULOG memeriksa pasokan ke wilayah ini dan mengganti beras yang rusak."),
    "rastra-5": ("{people} orang di {area} melaporkan keterlambatan penyaluran dalam {days} hari. "
                 "Minta Perum BULOG menjelaskan jadwal pasokan ke wilayah ini."),
}
DEFAULT_RECOMMENDATION = ("{people} orang di {area} melaporkan masalah yang sama ({topic}) dalam {days} hari. "
                          "Tangani bersama: satu pemeriksaan, jawaban yang sama untuk setiap pelapor.")
ACROSS_KABUPATEN = ("Masalah yang sama ({topic}) dilaporkan di {count} kabupaten/kota di {province}: "
                    "tinjau kerja sama dengan penyedia layanannya, bukan hanya kasus per kasus.")


@dataclass(frozen=True)
class Hotspot:
    topic: str  # its code, e.g. "pkh-4"
    topic_name: str
    program: str
    area_code: str
    area_name: str
    complaints: int
    people: int
    first_at: datetime
    last_at: datetime
    recommendation: str


def area_digits(program_code: str) -> int:
    return AREA_DIGITS.get(program_code, DEFAULT_AREA_DIGITS)


def area_of(program_code: str, region_code: str | None) -> str | None:
    """The cluster area of a complaint's place, or None when the place is not that precise."""
    digits = area_digits(program_code)
    return region_code[:digits] if region_code and len(region_code) >= digits else None


def _area_name(code: str) -> str:
    region = region_by_code(code)
    if region is None:
        return code
    return {2: "Provinsi ", 8: "Kecamatan ", 13: ""}.get(len(code), "") + region.name


def _person(c: Complaint) -> str:
    """Who reported: NIK, else phone; an anonymous reporter is one person per complaint."""
    return c.reporter_nik or c.reporter_phone or f"#{c.pk}"


def _people_key():
    """_person, as SQL."""
    return Coalesce(NullIf("reporter_nik", Value("")), NullIf("reporter_phone", Value("")),
                    Cast("id", output_field=CharField()))


def recommendation(topic_code: str, topic_name: str, area_name: str, people: int, days: int = DAYS) -> str:
    text = RECOMMENDATIONS.get(topic_code, DEFAULT_RECOMMENDATION)
    return text.format(people=people, area=area_name, days=days, topic=topic_name)


def members(complaint: Complaint, *, days: int = DAYS) -> QuerySet[Complaint]:
    """The other complaints of the same topic and area received within `days` of this one."""
    area = area_of(complaint.program.code, complaint.region_id)
    if complaint.topic_id is None or area is None:
        return Complaint.objects.none()
    window = timedelta(days=days)
    return (Complaint.objects.filter(topic_id=complaint.topic_id, region__code__startswith=area,
                                     received_at__gte=complaint.received_at - window,
                                     received_at__lte=complaint.received_at + window)
            .exclude(pk=complaint.pk).order_by("received_at"))


def hotspots(complaints: QuerySet[Complaint], *, days: int = DAYS, now: datetime | None = None,
             people: int = PEOPLE, limit: int = LIMIT) -> tuple[list[Hotspot], list[str]]:
    """The clusters among `complaints` (what a unit may see) received in the last `days`: each with
    at least `people` reporters, the `limit` with most complaints; and the across-kabupaten advice
    over those, one line per topic reported in several kabupaten of one province."""
    since = (now or timezone.now()) - timedelta(days=days)
    programs = taxonomy.active_programs()
    area = Case(*[When(program_id=p.pk, then=Substr("region_id", 1, area_digits(code))) for code, p in programs.items()],
                default=Substr("region_id", 1, DEFAULT_AREA_DIGITS), output_field=CharField())
    rows = (complaints.filter(received_at__gte=since, topic__isnull=False, region__isnull=False)
            .annotate(area=area, person=_people_key())
            .values("topic_id", "area")
            .annotate(n=Count("id"), people=Count("person", distinct=True), first=Min("received_at"),
                      last=Max("received_at"))
            .filter(people__gte=people)
            .order_by("-n", "-last")[:limit])
    topics = {t.pk: t for t in taxonomy.topics().values()}
    spots = []
    for row in rows:
        topic = topics[row["topic_id"]]
        code = topic.code.split("-")[0]
        if len(row["area"]) < area_digits(code):
            continue  # a complaint placed only as deep as its province is no cluster of a desa
        name = _area_name(row["area"])
        spots.append(Hotspot(topic.code, topic.name, code, row["area"], name, row["n"], row["people"],
                             row["first"], row["last"], recommendation(topic.code, topic.name, name, row["people"], days)))
    return spots, _across_kabupaten(spots)


def _across_kabupaten(spots: list[Hotspot]) -> list[str]:
    by_topic_province: dict[tuple[str, str], set[str]] = {}
    names = {}
    for spot in spots:
        key = (spot.topic, spot.area_code[:2])
        by_topic_province.setdefault(key, set()).add(spot.area_code[:5])
        names[spot.topic] = spot.topic_name
    return [ACROSS_KABUPATEN.format(topic=names[topic], count=len(kabupaten), province=_area_name(province))
            for (topic, province), kabupaten in sorted(by_topic_province.items()) if len(kabupaten) >= 2]


def cluster_of(complaint: Complaint, *, days: int = DAYS) -> tuple[list[Complaint], int, str] | None:
    """This complaint's cluster: the others in it, how many people, and the advice; None below PEOPLE."""
    related = list(members(complaint, days=days).select_related("region"))
    people = len({_person(c) for c in [complaint, *related]})
    if people < PEOPLE:
        return None
    area = area_of(complaint.program.code, complaint.region_id)
    return related, people, recommendation(complaint.topic.code, complaint.topic.name, _area_name(area), people, days)
