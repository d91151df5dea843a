"""The service product (SPEC R23): the letters a unit issues about a complaint, each numbered from
the unit's own numbering for the year, stored as issued (a reprint is the same file), on the unit's
letterhead, from a template its administrators may edit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    REKOMENDASI_KKS = "rekomendasi_kks", _("Surat rekomendasi penggantian KKS")
    HASIL_PENANGANAN = "hasil_penanganan", _("Surat pemberitahuan hasil penanganan")
    PENGANTAR = "pengantar", _("Surat pengantar")


class Letterhead(models.Model):
    """What heads and signs a unit's letters; the unit's name, address and contacts are the unit's own."""

    unit = models.OneToOneField("organisation.Unit", on_delete=models.CASCADE, related_name="letterhead")
    logo = models.ImageField(_("logo"), upload_to="letterheads/", blank=True)
    place = models.CharField(_("tempat surat"), max_length=80, blank=True,
                             help_text=_("Kota tempat surat ditandatangani, mis. Kediri."))
    signatory_name = models.CharField(_("nama Pejabat Pengelola"), max_length=150, blank=True)
    signatory_title = models.CharField(_("jabatan"), max_length=150, default="Pejabat Pengelola Pengaduan")
    signatory_nip = models.CharField(_("NIP"), max_length=30, blank=True)
    code = models.CharField(_("kode surat unit"), max_length=30, blank=True,
                            help_text=_("Bagian nomor surat yang menyebut unit, mis. DINSOS-KDR."))

    class Meta:
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")


class LetterTemplate(models.Model):
    """The words of one kind of letter. Placeholders in braces: see `aduan.letters.texts.PLACEHOLDERS`."""

    kind = models.CharField(_("jenis"), max_length=20, choices=LetterKind.choices, unique=True)
    subject = models.CharField(_("perihal"), max_length=200)
    body = models.TextField(_("isi"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("templat surat")
        verbose_name_plural = _("templat surat")

    def __str__(self) -> str:
        return self.get_kind_display()


class LetterCounter(models.Model):
    """The unit's own numbering, per year: the last number given."""

    unit = models.ForeignKey("organisation.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_letter_counter_per_unit_year")]


class Letter(models.Model):
    complaint = models.ForeignKey("core.Complaint", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=20, choices=LetterKind.choices)
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="letters")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(max_length=80)
    addressee = models.CharField(max_length=300)
    to_unit = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    pdf = models.FileField(upload_to="letters/%Y/%m/")

    class Meta:
        ordering = ["issued_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "sequence"], name="one_letter_per_number")]

    def __str__(self) -> str:
        return self.number
