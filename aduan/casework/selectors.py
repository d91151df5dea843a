"""Reads over the case file, and the SPEC R18 payment rule as a recommendation: the PKH payment
case of the general cluster rule (aduan/core/clusters.py)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from aduan.core import clusters
from aduan.core.models import Complaint

PAYMENT_TOPIC = "pkh-4"


def _is_payment(complaint: Complaint) -> bool:
    return complaint.topic_id is not None and complaint.topic.code == PAYMENT_TOPIC


def payment_cluster(complaint: Complaint) -> QuerySet[Complaint]:
    """The other PKH payment complaints (topic pkh-4) from the same kecamatan within 30 days."""
    return clusters.members(complaint) if _is_payment(complaint) else Complaint.objects.none()


@dataclass(frozen=True)
class Recommendation:
    text: str
    related: list[Complaint]
    people: int


def payment_recommendation(complaint: Complaint) -> Recommendation | None:
    found = clusters.cluster_of(complaint) if _is_payment(complaint) else None
    if found is None:
        return None
    related, people, text = found
    return Recommendation(text=text, related=related, people=people)
