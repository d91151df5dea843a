"""The case file of a complaint (SPEC R17–R19): what was investigated, the steps of its PKH
complaint type, and the master-data changes it asks UPPKH Pusat to approve."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EntryKind(models.TextChoices):
    INTERVIEW = "wawancara", "Wawancara"
    EVIDENCE = "bukti", "Bukti"
    NOTE = "catatan", "Catatan"


class Source(models.TextChoices):
    """Whom an interview was with, or where evidence came from (SPEC R17)."""

    REPORTER = "pelapor", "Pelapor"
    SERVICE_PROVIDER = "pemberi_layanan", "Pemberi layanan (bank, kantor pos, e-Warong, sekolah, puskesmas)"
    LOCAL_LEADER = "tokoh_masyarakat", "Tokoh masyarakat / aparat desa"
    AGENCY = "instansi", "Instansi terkait"
    PENDAMPING = "pendamping", "Pendamping PKH"
    OTHER = "lainnya", "Lainnya"


class InvestigationEntry(models.Model):
    complaint = models.ForeignKey("core.Complaint", on_delete=models.CASCADE, related_name="investigation_entries")
    kind = models.CharField(max_length=12, choices=EntryKind.choices)
    source = models.CharField(max_length=20, choices=Source.choices, blank=True)
    with_whom = models.CharField(max_length=200, blank=True, help_text="Nama/jabatan yang diwawancarai, atau asal bukti.")
    text = models.TextField()
    # Files go through the complaint's attachments, so they sit with the rest of its documents.
    attachment = models.ForeignKey("core.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("catatan investigasi")
        verbose_name_plural = pgettext_lazy("plural", "catatan investigasi")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.with_whom or self.get_source_display()}"


class ChecklistStep(models.Model):
    """One step of SPEC R18 for the complaint's PKH type, copied from aduan/casework/checklists.py."""

    complaint = models.ForeignKey("core.Complaint", on_delete=models.CASCADE, related_name="checklist")
    topic_code = models.CharField(max_length=40)
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("langkah penanganan")
        verbose_name_plural = pgettext_lazy("plural", "langkah penanganan")
        constraints = [models.UniqueConstraint(fields=["complaint", "order"], name="one_step_per_order")]

    def __str__(self) -> str:
        return f"{self.order}. {self.text}"


class ChangeStatus(models.TextChoices):
    PENDING = "diajukan", "Diajukan"
    APPROVED = "disetujui", "Disetujui"
    REJECTED = "ditolak", "Ditolak"


class MasterDataChangeRequest(models.Model):
    """SPEC R19: a correction of the master beneficiary data, approved only at UPPKH Pusat."""

    complaint = models.ForeignKey("core.Complaint", on_delete=models.PROTECT, related_name="master_data_requests")
    beneficiary_nik = models.CharField(max_length=16, blank=True)
    field_name = models.CharField(max_length=100, help_text="Data yang diubah, mis. nama ibu, komponen, alamat.")
    current_value = models.CharField(max_length=300, blank=True)
    proposed_value = models.CharField(max_length=300)
    reason = models.TextField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("usulan perubahan data induk")
        verbose_name_plural = pgettext_lazy("plural", "usulan perubahan data induk")

    def __str__(self) -> str:
        return f"{self.field_name}: {self.proposed_value} ({self.get_status_display()})"
