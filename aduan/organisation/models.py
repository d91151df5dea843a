"""Complaint units, their people and roles (SPEC R14, R16, R25, R31)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    ADMIN_UTAMA = "admin_utama", _("Admin Utama (Kemendagri)")
    TIKOR_PUSAT = "tikor_pusat", _("Tim Koordinasi Pusat")
    KEMENSOS = "kemensos", _("Kementerian Sosial")
    UPPKH_PUSAT = "uppkh_pusat", _("UPPKH Pusat")
    TIKOR_TEKNIS_PUSAT = "tikor_teknis_pusat", _("Tim Koordinasi Teknis Pusat")
    BANK = "bank", _("Bank penyalur")
    BULOG = "bulog", _("Perum BULOG")
    POS = "pos", _("PT Pos Indonesia")
    DINSOS_PROVINSI = "dinsos_provinsi", _("Dinas Sosial Provinsi")
    TIKOR_PROVINSI = "tikor_provinsi", _("Tikor Provinsi")
    DINSOS_KABKOTA = "dinsos_kabkota", _("Dinas Sosial Kabupaten/Kota")
    UPPKH_KABKOTA = "uppkh_kabkota", _("UPPKH Kabupaten/Kota")
    TIKOR_KABKOTA = "tikor_kabkota", _("Tikor Kabupaten/Kota")
    PENDAMPING = "pendamping", _("Pendamping PKH (kecamatan)")
    KELOMPOK = "kelompok", _("Kelompok PKH (desa/kelurahan)")


class Role(models.TextChoices):
    PEJABAT_PENGELOLA = "pejabat_pengelola", _("Pejabat Pengelola")
    # Probolinggo 2.5–2.7: the head of the unit's section who decides what the desk cannot settle.
    SUB_KOORDINATOR = "sub_koordinator", _("Sub koordinator")
    ADMINISTRATOR = "administrator", _("Administrator")
    FRONT_OFFICE = "front_office", _("Petugas front office")
    BACK_OFFICE = "back_office", _("Petugas back office")
    SUPERVISOR = "supervisor", _("Pengawas (baca saja)")
    PENDAMPING = "pendamping", _("Pendamping PKH")
    KETUA_KELOMPOK = "ketua_kelompok", _("Ketua Kelompok")


class Unit(models.Model):
    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=UnitKind.choices, db_index=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    # The region subtree the unit answers for; empty for national bodies.
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="units")
    # Public channels (SPEC R31).
    address = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    whatsapp = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    social_media = models.CharField(max_length=200, blank=True)
    office_hours = models.CharField(max_length=200, blank=True)
    channels_updated_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit")
        verbose_name_plural = pgettext_lazy("plural", "unit")
        constraints = [
            models.UniqueConstraint(fields=["kind", "region"], name="one_regional_unit_per_kind_and_region",
                                    condition=models.Q(region__isnull=False) & ~models.Q(kind__in=["pendamping", "kelompok"])),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("keanggotaan unit")
        verbose_name_plural = pgettext_lazy("plural", "keanggotaan unit")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="one_role_once_per_unit"),
            # R25: exactly one accountable officer per unit.
            models.UniqueConstraint(fields=["unit"], condition=models.Q(role="pejabat_pengelola"),
                                    name="one_pejabat_pengelola_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.unit}"


class IdentityView(models.Model):
    """One row each time someone is shown a confidential reporter's identity (SPEC R6, UU PDP):
    the audit trail of who saw it, when, and through which door. Never edited."""

    class Where(models.TextChoices):
        WEB = "web", _("Halaman petugas")
        API = "api", _("API")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    complaint = models.ForeignKey("core.Complaint", on_delete=models.CASCADE, related_name="identity_views")
    at = models.DateTimeField(db_index=True)
    where = models.CharField(max_length=8, choices=Where.choices)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("akses identitas rahasia")
        verbose_name_plural = pgettext_lazy("plural", "akses identitas rahasia")
        indexes = [models.Index(fields=["complaint", "at"], name="identity_view_by_complaint")]

    def __str__(self) -> str:
        return f"{self.user} → {self.complaint_id} ({self.where}, {self.at:%Y-%m-%d %H:%M})"
