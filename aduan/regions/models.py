from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.regions.timezones import ABBREVIATIONS, zone_name_for


class Level(models.IntegerChoices):
    PROVINSI = 1, "Provinsi"
    KABUPATEN_KOTA = 2, "Kabupaten/Kota"
    KECAMATAN = 3, "Kecamatan"
    DESA_KELURAHAN = 4, "Desa/Kelurahan"


class Kind(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KABUPATEN = "kabupaten", "Kabupaten"
    KOTA = "kota", "Kota"
    KECAMATAN = "kecamatan", "Kecamatan"
    DISTRIK = "distrik", "Distrik"
    KELURAHAN = "kelurahan", "Kelurahan"
    DESA = "desa", "Desa"
    DESA_ADAT = "desa_adat", "Desa Adat"


class Region(models.Model):
    """An administrative region with its Kemendagri dotted code (Kepmendagri 300.2.2-2138/2025)."""

    code = models.CharField(max_length=13, primary_key=True)
    name = models.CharField(max_length=120)
    level = models.PositiveSmallIntegerField(choices=Level.choices, db_index=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    timezone = models.CharField(max_length=20)
    postal_code = models.CharField(max_length=5, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = pgettext_lazy("plural", "wilayah")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def timezone_abbreviation(self) -> str:
        return ABBREVIATIONS[self.timezone]

    def ancestor_codes(self) -> list[str]:
        """Codes from the province down to this region: "32.76.01" → ["32", "32.76", "32.76.01"]."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]

    def is_within(self, other_code: str) -> bool:
        return self.code == other_code or self.code.startswith(other_code + ".")

    @staticmethod
    def timezone_for_code(code: str) -> str:
        return zone_name_for(code)


class TaughtSpelling(models.Model):
    """How someone wrote a place the resolver could not name, and the desa an officer then chose
    (aduan/regions/taught.py): the next SMS written the same way resolves to it. Administrators
    review them in the admin and switch off a wrong one; a spelling taught for two desa teaches
    nothing (the resolver never guesses between villages)."""

    key = models.CharField(max_length=300, db_index=True)  # the resolver's key of `text`
    text = models.CharField(max_length=300)  # as sent
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="taught_spellings")
    taught_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    taught_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = _("ejaan lokasi yang dipelajari")
        verbose_name_plural = pgettext_lazy("plural", "ejaan lokasi yang dipelajari")
        constraints = [models.UniqueConstraint(fields=["key", "region"], name="one_spelling_per_region")]

    def __str__(self) -> str:
        return f"{self.text} → {self.region}"
