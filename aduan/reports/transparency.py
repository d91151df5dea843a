"""SPEC R30: the public account of how complaints were handled, per province and kabupaten/kota —
received, settled, the share settled within the deadline, the median working days to the answer,
and the IKM grade. Figures stop at the kabupaten/kota; no name, no complaint text; a count under 5
shows as "< 5" and hides the figures derived from it."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr

from aduan.core.models import Complaint
from aduan.regions.models import Region
from aduan.reports.database import without_jit
from aduan.reports.figures import median_of, working_day_histograms
from aduan.reports.periods import Period, local_date, with_province, within
from aduan.surveys.elements import CODES
from aduan.surveys.ikm import compute
from aduan.surveys.models import Survey

MIN_SHOWN = 5


@dataclass
class Area:
    code: str
    name: str
    received: int = 0
    settled: int = 0
    on_time: int = 0
    histogram: dict[int, int] = field(default_factory=dict)
    responses: int = 0
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CODES, 0))

    def add(self, other: "Area") -> None:
        self.received += other.received
        self.settled += other.settled
        self.on_time += other.on_time
        for days, n in other.histogram.items():
            self.histogram[days] = self.histogram.get(days, 0) + n
        self.responses += other.responses
        for code in CODES:
            self.sums[code] += other.sums[code]

    @property
    def shown(self) -> dict:
        small = self.received < MIN_SHOWN
        ikm = compute(self.responses, self.sums) if self.responses >= MIN_SHOWN else None
        return {
            "code": self.code, "name": self.name,
            "received": "< 5" if small else self.received,
            "settled": "< 5" if self.settled < MIN_SHOWN else self.settled,
            "on_time_share": None if small or not self.settled else round(100 * self.on_time / self.settled),
            "median_days": None if small else median_of(self.histogram),
            "ikm_grade": ikm.grade if ikm else None,
            "ikm": float(ikm.ikm) if ikm and ikm.ikm is not None else None,
        }


@without_jit()
def _areas(period: Period, digits: int, within_code: str = "") -> dict[str, Area]:
    complaints = with_province(Complaint.objects.all()).order_by().filter(within("received_at", period))
    if within_code:
        complaints = complaints.filter(region__code__startswith=within_code + ".")
    area = Substr("region_id", 1, digits)
    areas: dict[str, Area] = {}
    rows = (complaints.filter(region__isnull=False).annotate(area=area).values("area")
            .annotate(n=Count("pk"), settled=Count("pk", filter=Q(closed_at__isnull=False)),
                      on_time=Count("pk", filter=Q(closed_at__isnull=False, followed_up_at__lte=F("due_at")))))
    for row in rows:
        areas[row["area"]] = Area(row["area"], "", row["n"], row["settled"], row["on_time"])
    pairs = (complaints.filter(region__isnull=False, first_answered_at__isnull=False).annotate(
        area=area, day_in=local_date("received_at"), day_out=local_date("first_answered_at"))
        .values("area", "day_in", "day_out").annotate(n=Count("pk")).values_list("area", "day_in", "day_out", "n"))
    for code, histogram in working_day_histograms(pairs).items():
        areas.setdefault(code, Area(code, "")).histogram = histogram
    start, end = period.bounds("Asia/Jakarta")
    surveys = Survey.objects.filter(received_at__gte=start, received_at__lt=end, unit__region__isnull=False)
    if within_code:
        surveys = surveys.filter(unit__region__code__startswith=within_code)
    for row in (surveys.annotate(area=Substr("unit__region_id", 1, digits)).values("area")
                .annotate(n=Count("pk"), **{code: Sum(code.lower()) for code in CODES})):
        if len(row["area"]) < digits:
            continue  # a province's own survey counts at the province, not in one of its kabupaten
        target = areas.setdefault(row["area"], Area(row["area"], ""))
        target.responses += row["n"]
        for code in CODES:
            target.sums[code] += row[code] or 0
    names = dict(Region.objects.filter(code__in=list(areas)).values_list("code", "name"))
    for code, item in areas.items():
        item.name = names.get(code, code)
    return areas


def provinces(period: Period) -> list[dict]:
    return [a.shown for a in sorted(_areas(period, 2).values(), key=lambda a: a.code)]


def kabupaten(period: Period, province_code: str) -> list[dict]:
    return [a.shown for a in sorted(_areas(period, 5, province_code).values(), key=lambda a: a.code)]


def national(period: Period) -> dict:
    total = Area("", "Indonesia")
    for item in _areas(period, 2).values():
        total.add(item)
    return total.shown
