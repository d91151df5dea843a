"""Possible duplicates (issue 10): the same reporter — phone, NIK or KKS — writing about something
similar within 30 days. They are shown to the officer and can be linked; never merged, never
hidden: two complaints may well be two problems.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from rapidfuzz import fuzz, utils

from aduan.core.access import complaints_visible_to, readable_text
from aduan.core.enums import EventKind
from aduan.core.models import Complaint, Event

WINDOW = timedelta(days=30)
# rapidfuzz's token-set ratio of the two texts (0–100): "saldo kks blm masuk" and "Saldo KKS saya
# belum masuk sejak Juni" score 70; two different problems of one reporter score under 50.
SIMILAR_TEXT = 60
MAX_SHOWN = 5
MAX_READ = 50  # one reporter's complaints within two months: more than this is not one person


@dataclass(frozen=True)
class PossibleDuplicate:
    complaint: Complaint
    score: int  # 0–100, how alike the texts are
    excerpt: str  # the text as this reader may read it


def possible_duplicates(complaint: Complaint, user) -> list[PossibleDuplicate]:
    """The complaints `user` may see that look like this one, most alike first; those already
    linked to it are left out."""
    same_reporter = Q()
    for field in ("reporter_phone", "reporter_nik", "reporter_kks"):
        if value := getattr(complaint, field):
            same_reporter |= Q(**{field: value})
    if complaint.anonymous or not same_reporter:
        return []
    linked = linked_to(complaint)
    candidates = (complaints_visible_to(user)
                  .filter(same_reporter, received_at__range=(complaint.received_at - WINDOW,
                                                              complaint.received_at + WINDOW))
                  .exclude(pk=complaint.pk).exclude(tracking_number__in=linked)
                  .order_by("-received_at")[:MAX_READ])
    found = []
    for other in candidates:
        score = round(fuzz.token_set_ratio(complaint.text, other.text, processor=utils.default_process))
        if score >= SIMILAR_TEXT:
            found.append(PossibleDuplicate(other, score, readable_text(user, other)[:160]))
    return sorted(found, key=lambda d: -d.score)[:MAX_SHOWN]


def linked_to(complaint: Complaint) -> set[str]:
    """The tracking numbers of the complaints linked to this one (events `linked`)."""
    return {data["with"] for data in Event.objects.filter(complaint=complaint, kind=EventKind.LINKED)
            .values_list("data", flat=True) if data.get("with")}
