"""Aid-delivery monitoring (SPEC R24, seeds 003 "Monitoring Pelayanan Pangan"): a family entitled to
the aid that has not received it is followed by the Dinas Sosial — its requirements checked, visits
and contacts recorded — until it has. A case closes only with the aid received: when, how much,
through which channel. It may begin as a complaint."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aduan.regions.timezones import zone_for


class Requirement(models.TextChoices):
    """The service's requirements (seeds 003, "Persyaratan Pelayanan"), in the seed's order."""

    KTP = "ktp", _("Fotokopi KTP")
    KK = "kk", _("Fotokopi KK")
    DTKS = "dtks", _("Terdaftar di DTKS")
    SP2D = "sp2d", _("Termasuk data bayar SP2D")
    MOTHER_ACCOUNT = "akun_ibu", _("Akun bantuan atas nama ibu")
    KKS = "kks", _("Memegang KKS")


class ContactKind(models.TextChoices):
    VISIT = "kunjungan", _("Kunjungan rumah")
    PHONE = "telepon", _("Telepon")
    MESSAGE = "pesan", _("SMS / WhatsApp")
    AT_OFFICE = "kantor", _("Datang ke kantor")
    PAYER = "penyalur", _("Konfirmasi ke bank / penyalur")
    OTHER = "lainnya", _("Lainnya")


class DeliveryChannel(models.TextChoices):
    """Where the family received the aid."""

    E_WARONG = "e_warong", _("e-Warong")
    BANK = "bank", _("Bank / agen bank")
    POS = "pos", _("Kantor Pos")
    COMMUNITY = "komunitas", _("Penyaluran komunitas")
    OTHER = "lainnya", _("Lainnya")


class MonitoringCase(models.Model):
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="monitoring_cases")
    complaint = models.OneToOneField("core.Complaint", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="monitoring_case")
    program = models.ForeignKey("taxonomy.Program", on_delete=models.PROTECT, related_name="+")
    # The family followed: the KPM as the registry and the payment list name them.
    name = models.CharField(_("nama KPM"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    no_kk = models.CharField(_("No. KK"), max_length=16, blank=True)
    kks_number = models.CharField(_("No. KKS"), max_length=16, blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # A confidential complaint's family is shown only to the desk following it.
    confidential = models.BooleanField(default=False)
    problem = models.TextField(_("masalah penyaluran"))
    requirements = models.JSONField(default=dict)  # Requirement value → True once checked
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # "Bantuan diterima": set together, and only then is the case closed.
    received_on = models.DateField(null=True, blank=True)
    received_amount = models.PositiveIntegerField(null=True, blank=True)  # rupiah
    received_channel = models.CharField(max_length=12, choices=DeliveryChannel.choices, blank=True)
    received_note = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        ordering = ["opened_at", "pk"]
        verbose_name = _("kasus pemantauan penyaluran")
        verbose_name_plural = _("kasus pemantauan penyaluran")
        indexes = [
            models.Index(fields=["unit", "opened_at"], condition=Q(closed_at__isnull=True), name="monitoring_open"),
            models.Index(fields=["unit", "closed_at"], name="monitoring_by_unit_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | (Q(received_on__isnull=False) & Q(received_amount__isnull=False)
                                                       & ~Q(received_channel="")),
                name="monitoring_closes_only_with_the_aid_received",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"PMT-{self.pk:06d}" if self.pk else ""

    @property
    def unit_zone(self):
        """The zone the unit keeps its dates in (a day "received" is the unit's day)."""
        return zone_for(self.unit.region_id)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def received_rupiah(self) -> str:
        return f"Rp{self.received_amount:,}".replace(",", ".") if self.received_amount else ""

    def requirements_met(self) -> list[tuple[str, str, bool]]:
        return [(r.value, r.label, bool(self.requirements.get(r.value))) for r in Requirement]


class Contact(models.Model):
    """A visit or a contact made while following the family, with what came of it."""

    case = models.ForeignKey(MonitoringCase, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=12, choices=ContactKind.choices)
    at = models.DateTimeField()
    with_whom = models.CharField(max_length=200, blank=True)
    note = models.TextField()
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "pk"]
