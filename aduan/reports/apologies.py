"""SPEC R30 (seed 004): where a complaint missed its service standard, the unit apologises in
public. The system drafts one for each complaint closed after its deadline; the unit's Pejabat
Pengelola edits and publishes it. A draft names the unit, the month and the kind of problem —
never the reporter, never the complaint's text."""

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from aduan.core.access.memberships import roles_in
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.organisation.models import Role, Unit
from aduan.reports.models import Apology
from aduan.reports.recap import MONTHS

DRAFT = gettext_noop(
    "{unit} memohon maaf: pengaduan tentang {subject} yang kami terima pada {month} belum dapat kami "
    "selesaikan dalam batas waktu standar pelayanan. Pengaduan tersebut kini telah ditangani. Kami terus "
    "memperbaiki pelayanan agar setiap pengaduan dijawab tepat waktu."
)
ONLY_PEJABAT = "Hanya Pejabat Pengelola unit ini yang dapat menerbitkan permintaan maaf."
EMPTY = "Teks permintaan maaf tidak boleh kosong."


def late_complaints(unit: Unit) -> QuerySet[Complaint]:
    """The unit's closed complaints whose answer came after their due date, without an apology yet."""
    holder_is_unit = (Complaint.objects.filter(handling_unit=unit) |
                      Complaint.objects.filter(handling_unit__isnull=True, receiving_unit=unit))
    return (holder_is_unit.filter(closed_at__isnull=False, followed_up_at__gt=F("due_at"))
            .exclude(apologies__isnull=False).select_related("program", "topic").order_by("-closed_at"))


def draft(complaint: Complaint, unit: Unit) -> str:
    local = complaint.received_at.astimezone(complaint.local_zone)
    subject = complaint.topic.name.lower() if complaint.topic_id else complaint.program.name
    return DRAFT.format(unit=unit.name, subject=f"{subject} ({complaint.program.name})",
                        month=f"{MONTHS[local.month - 1]} {local.year}")


def may_publish(user, unit: Unit) -> bool:
    return Role.PEJABAT_PENGELOLA in roles_in(user, unit.pk)


def apology_publish(*, complaint: Complaint, unit: Unit, actor, text: str) -> Apology:
    if not may_publish(actor, unit):
        raise ActionError(ONLY_PEJABAT, code="forbidden")
    text = (text or "").strip()
    if not text:
        raise ActionError(EMPTY, field="text")
    with transaction.atomic():
        apology, _created = Apology.objects.update_or_create(complaint=complaint, defaults={
            "unit": unit, "text": text, "published_at": timezone.now(), "published_by": actor})
    return apology


def published(limit: int = 50) -> QuerySet[Apology]:
    return Apology.objects.filter(published_at__isnull=False).select_related("unit").order_by("-published_at")[:limit]
