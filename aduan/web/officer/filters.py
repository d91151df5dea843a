"""The queue's filters: a GET form whose cleaned data narrows the visible complaints."""

import re

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from aduan.core.access import held_q, sees_everything
from aduan.core.access.identity import identity_visible_q
from aduan.core.enums import Severity, Status
from aduan.core.models import NEEDS_CHECKING, overdue_q
from aduan.core.selectors import Tally, tallies
from aduan.core.tracking import normalize_tracking_number
from aduan.regions.models import Region
from aduan.taxonomy import lookups as taxonomy

ACTIVE = "aktif"
ALL = "semua"
STATUS_CHOICES = [
    (ACTIVE, _("Belum + proses")),
    (Status.BELUM, _("Belum ditindaklanjuti")),
    (Status.PROSES, _("Proses")),
    (Status.SELESAI, _("Selesai")),
    (ALL, _("Semua")),
]
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?\.?$")
# A name search matching more regions than this is too vague to help; the first ones are used.
MAX_REGION_MATCHES = 30
# Where the complaints are (the tabs above the counts): what the user's units hold and may act on,
# what they sent elsewhere or oversee (read only), or both.
HERE, ELSEWHERE = "unit", "lain"
PLACE_CHOICES = [(HERE, _("Di unit saya")), (ELSEWHERE, _("Di unit lain (baca saja)")), (ALL, _("Semua"))]
PER_PAGE = 25
PER_PAGE_RANGE = (5, 100)


class QueueFilter(forms.Form):
    q = forms.CharField(label=_("Cari nomor atau isi"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    severity = forms.ChoiceField(label=_("Tingkat"), choices=[("", _("Semua tingkat"))] + Severity.choices, required=False)
    # Choices from memory (aduan/taxonomy/lookups.py), set in __init__: the queue opens all day.
    program = forms.ChoiceField(label=_("Program"), required=False)
    category_type = forms.ChoiceField(label=_("Jenis"), required=False)
    region = forms.CharField(label=_("Wilayah (nama atau kode)"), required=False, max_length=120,
                             widget=forms.TextInput(attrs={"placeholder": _("mis. Kediri atau 35.06")}))
    overdue = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)
    mine = forms.BooleanField(label=_("Ditugaskan ke saya"), required=False)
    check = forms.BooleanField(label=_("Perlu diperiksa (tanpa topik atau lokasi belum jelas)"), required=False)
    tempat = forms.ChoiceField(choices=PLACE_CHOICES, required=False, widget=forms.HiddenInput)
    per = forms.IntegerField(required=False, min_value=PER_PAGE_RANGE[0], max_value=PER_PAGE_RANGE[1],
                             widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = [("", _("Semua program"))] + [
            (code, program.name) for code, program in taxonomy.active_programs().items()]
        self.fields["category_type"].choices = [("", _("Semua jenis"))] + [
            (code, kind.name) for code, kind in taxonomy.category_types().items()]

    def cleaned(self) -> dict:
        """The cleaned data, or the defaults when the query string is invalid (a bad link, not an error)."""
        return self.cleaned_data if self.is_valid() else {}

    @property
    def per_page(self) -> int:
        return self.cleaned().get("per") or PER_PAGE


def default_place(user) -> str:
    """The national door sees every complaint and acts on any; everyone else starts with their own."""
    return ALL if sees_everything(user) else HERE


def apply_filters(queryset: QuerySet, data: dict, *, user, now) -> QuerySet:
    """Everything but the status: the counts at the top are taken at this point."""
    place = data.get("tempat") or default_place(user)
    if place == HERE:
        queryset = queryset.filter(held_q(user))
    elif place == ELSEWHERE:
        queryset = queryset.exclude(held_q(user))
    if data.get("q"):
        term = data["q"].strip()
        number = normalize_tracking_number(term)
        queryset = queryset.filter(Q(tracking_number=number) if number else
                                   Q(tracking_number__icontains=term) | (Q(text__icontains=term) & identity_visible_q(user)))
    if data.get("severity"):
        queryset = queryset.filter(severity=data["severity"])
    if data.get("program"):
        queryset = queryset.filter(program=taxonomy.active_programs()[data["program"]])
    if data.get("category_type"):
        queryset = queryset.filter(category_type=taxonomy.category_types()[data["category_type"]])
    if data.get("region"):
        queryset = queryset.filter(region_q(data["region"]))
    if data.get("mine"):
        queryset = queryset.filter(assigned_to=user)
    if data.get("overdue"):
        queryset = queryset.filter(overdue_q(now))
    if data.get("check"):
        queryset = queryset.filter(NEEDS_CHECKING)
    return queryset


def apply_status(queryset: QuerySet, status: str | None) -> QuerySet:
    if not status or status == ACTIVE:
        return queryset.exclude(status=Status.SELESAI)
    if status == ALL:
        return queryset
    return queryset.filter(status=status)


def region_q(term: str) -> Q:
    """A Kemendagri code prefix ("35.06") or a name ("Kediri": every region so named, and below)."""
    term = term.strip()
    if REGION_CODE.match(term):
        codes = [term.rstrip(".")]
    else:
        codes = list(Region.objects.filter(name__icontains=term).order_by("level", "code")
                     .values_list("code", flat=True)[:MAX_REGION_MATCHES])
    if not codes:
        return Q(pk__in=[])
    q = Q()
    for code in codes:
        q |= Q(region_id=code) | Q(region__code__startswith=code + ".")
    return q


def status_counts(queryset: QuerySet, now) -> dict[str, Tally]:
    """belum / proses / selesai / terlambat / perlu diperiksa: exact for a unit's queue,
    estimated for the country."""
    return tallies(queryset, {
        "belum": Q(status=Status.BELUM),
        "proses": Q(status=Status.PROSES),
        "selesai": Q(status=Status.SELESAI),
        "terlambat": overdue_q(now),
        "periksa": NEEDS_CHECKING,
    })


def shown_count(counts: dict[str, Tally], status: str | None) -> Tally:
    """How many rows the list holds for the status chosen, from the counts already taken."""
    if status in (Status.BELUM, Status.PROSES, Status.SELESAI):
        return counts[status]
    if status == ALL:
        return counts["belum"] + counts["proses"] + counts["selesai"]
    return counts["belum"] + counts["proses"]
