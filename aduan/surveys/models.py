"""One answered IKM questionnaire (PermenPANRB 14/2017): nine elements scored 1–4, for a unit,
from a reporter after closure (the /lacak/ page, SMS NILAI) or typed in from paper."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.surveys.elements import CODES, EDUCATION, OCCUPATION, Gender


class Source(models.TextChoices):
    LACAK = "lacak", _("Halaman lacak")
    SMS = "sms", _("SMS NILAI")
    PAPER = "kertas", _("Kuesioner kertas")
    API = "api", _("API")


def _score() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField()


class Survey(models.Model):
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="surveys", db_index=False)
    # The complaint it rates, when a reporter answered it; one survey per complaint.
    complaint = models.ForeignKey("core.Complaint", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="surveys", db_index=False)
    source = models.CharField(max_length=8, choices=Source.choices)
    received_at = models.DateTimeField()
    u1 = _score()
    u2 = _score()
    u3 = _score()
    u4 = _score()
    u5 = _score()
    u6 = _score()
    u7 = _score()
    u8 = _score()
    u9 = _score()
    gender = models.CharField(max_length=1, choices=Gender.CHOICES, blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    education = models.CharField(max_length=16, choices=EDUCATION, blank=True)
    occupation = models.CharField(max_length=16, choices=OCCUPATION, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("survei IKM")
        verbose_name_plural = pgettext_lazy("plural", "survei IKM")
        constraints = [
            models.UniqueConstraint(fields=["complaint"], condition=Q(complaint__isnull=False), name="one_survey_per_complaint"),
            *(models.CheckConstraint(condition=Q(**{f"{code.lower()}__gte": 1, f"{code.lower()}__lte": 4}),
                                     name=f"survey_{code.lower()}_1_to_4") for code in CODES),
        ]
        indexes = [models.Index(fields=["unit", "received_at"], name="survey_by_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.received_at:%Y-%m-%d}"

    @property
    def scores(self) -> dict[str, int]:
        return {code: getattr(self, code.lower()) for code in CODES}
