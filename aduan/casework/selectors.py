"""Reads over the case file, and the SPEC R18 payment rule as a recommendation."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet

from aduan.core.models import Complaint

PAYMENT_TOPIC = "pkh-4"
CLUSTER_DAYS = 30
CLUSTER_PEOPLE = 2
PAYMENT_RECOMMENDATION = (
    "{people} orang di Kecamatan {kecamatan} melaporkan masalah pembayaran yang sama dalam {days} hari. "
    "Bila kantor pos tidak dapat menyelesaikannya, rekomendasikan UPPKH Pusat menindaklanjuti dengan PT Pos."
)


def kecamatan_of(region_code: str | None) -> str | None:
    return region_code[:8] if region_code and len(region_code) >= 8 else None


def payment_cluster(complaint: Complaint, *, days: int = CLUSTER_DAYS) -> QuerySet[Complaint]:
    """The other PKH payment complaints (topic pkh-4) from the same kecamatan received within
    `days` of this one, either side."""
    kecamatan = kecamatan_of(complaint.region_id)
    if complaint.topic_id is None or complaint.topic.code != PAYMENT_TOPIC or kecamatan is None:
        return Complaint.objects.none()
    window = timedelta(days=days)
    return (Complaint.objects.filter(topic__code=PAYMENT_TOPIC, region__code__startswith=kecamatan + ".",
                                     received_at__gte=complaint.received_at - window,
                                     received_at__lte=complaint.received_at + window)
            .exclude(pk=complaint.pk).order_by("received_at"))


def _person(c: Complaint) -> str:
    """Who reported: by NIK, else phone; an anonymous reporter counts as one person per complaint."""
    return c.reporter_nik or c.reporter_phone or f"#{c.pk}"


@dataclass(frozen=True)
class Recommendation:
    text: str
    related: list[Complaint]
    people: int


def payment_recommendation(complaint: Complaint) -> Recommendation | None:
    related = list(payment_cluster(complaint).select_related("region"))
    people = len({_person(c) for c in [complaint, *related]})
    if people < CLUSTER_PEOPLE:
        return None
    kecamatan = complaint.region.parent.name if complaint.region.level == 4 else complaint.region.name
    return Recommendation(
        text=PAYMENT_RECOMMENDATION.format(people=people, kecamatan=kecamatan, days=CLUSTER_DAYS),
        related=related, people=people,
    )
