"""Programs, category types, topics, severities and deadline policies: data, edited by administrators.

SPEC R9–R13. The seeded content lives in aduan/taxonomy/seed.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Severity(models.TextChoices):
    RINGAN = "ringan", _("Ringan")
    SEDANG = "sedang", _("Sedang")
    BERAT = "berat", _("Berat")
    SANGAT_BERAT = "sangat_berat", _("Sangat berat")


class Authority(models.TextChoices):
    """Who has authority over a topic by default (SPEC R14)."""

    CENTRAL = "pusat", _("Pusat (Tikor Pusat)")
    REGIONAL = "daerah", _("Daerah (provinsi → kabupaten/kota)")
    BANK = "bank", _("Bank penyalur (HIMBARA)")
    BULOG = "bulog", _("Perum BULOG")
    POS = "pos", _("PT Pos Indonesia")
    UPPKH = "uppkh", _("UPPKH")


class DurationUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("hari kerja")
    CALENDAR_DAYS = "calendar_days", _("hari kalender")
    OFFICE_HOURS = "office_hours", _("jam kerja")


class Program(models.Model):
    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    sms_keyword = models.CharField(max_length=10, blank=True, help_text="Kata kunci SMS 1708, mis. NT")
    policy = models.ForeignKey(
        "DeadlinePolicy", null=True, blank=True, on_delete=models.PROTECT,
        help_text="Kebijakan tenggat khusus program ini; kosong = kebijakan bawaan.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("program")
        verbose_name_plural = pgettext_lazy("plural", "program")

    def __str__(self) -> str:
        return self.name


class CategoryType(models.Model):
    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=60)
    default_severity = models.CharField(max_length=12, choices=Severity.choices, default=Severity.SEDANG)

    class Meta:
        ordering = ["id"]
        verbose_name = _("jenis kategori")
        verbose_name_plural = pgettext_lazy("plural", "jenis kategori")

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    """One numbered subject of R9–R11, e.g. BPNT 3 "Kartu/KKS, PIN, buku tabungan, saldo/transfer"."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="topics")
    code = models.SlugField(max_length=40, unique=True)
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    category_types = models.ManyToManyField(CategoryType, related_name="topics")
    authority = models.CharField(max_length=10, choices=Authority.choices, default=Authority.REGIONAL)
    severity = models.CharField(
        max_length=12, choices=Severity.choices, blank=True,
        help_text="Tingkat bawaan bila berupa keluhan; kosong = menurut jenis kategori.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["program_id", "number"]
        verbose_name = _("topik")
        verbose_name_plural = pgettext_lazy("plural", "topik")

    def __str__(self) -> str:
        return f"{self.program.name} {self.number}. {self.name}"


class DeadlinePolicy(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    is_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("kebijakan tenggat")
        verbose_name_plural = pgettext_lazy("plural", "kebijakan tenggat")

    def __str__(self) -> str:
        return self.name


class DeadlineClass(models.Model):
    policy = models.ForeignKey(DeadlinePolicy, on_delete=models.CASCADE, related_name="classes")
    severity = models.CharField(max_length=12, choices=Severity.choices)
    unit = models.CharField(max_length=14, choices=DurationUnit.choices, default=DurationUnit.WORKING_DAYS)
    amount = models.PositiveIntegerField()
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["policy", "severity"], name="one_class_per_severity")]
        verbose_name = _("kelas tenggat")
        verbose_name_plural = pgettext_lazy("plural", "kelas tenggat")

    def __str__(self) -> str:
        return f"{self.policy.slug}: {self.get_severity_display()} {self.amount} {self.get_unit_display()}"


class StageCompletion(models.TextChoices):
    """The action whose event completes a stage (its value is the event's kind); a stage without one
    is marked done by hand."""

    CLASSIFIED = "classified", _("Klasifikasi")
    DISPOSED = "disposed", _("Disposisi")
    FOLLOWED_UP = "followed_up", _("Tindak lanjut")


class DeadlineStage(models.Model):
    deadline_class = models.ForeignKey(DeadlineClass, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    amount = models.PositiveIntegerField()
    completed_by = models.CharField(max_length=16, choices=StageCompletion.choices, blank=True,
                                    help_text="The action that marks the stage done; empty: by hand.")

    class Meta:
        ordering = ["order"]
        verbose_name = _("tahap tenggat")
        verbose_name_plural = pgettext_lazy("plural", "tahap tenggat")

    def __str__(self) -> str:
        return self.name


class HolidayOverride(models.Model):
    """A correction to the national calendar: a decree adds or moves a day off mid-year."""

    day = models.DateField(unique=True)
    is_day_off = models.BooleanField(default=True, help_text="Kosongkan untuk menjadikan hari kerja.")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["day"]
        verbose_name = _("koreksi hari libur")
        verbose_name_plural = pgettext_lazy("plural", "koreksi hari libur")

    def __str__(self) -> str:
        return f"{self.day}: {self.name}"
