"""Public pages of account (SPEC R30, R31): /transparansi/ — how complaints were handled per
province and kabupaten/kota, with the units' public apologies — and /kontak/, every unit's
channels, found by region name. No personal data and no complaint text ever appear here."""

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from aduan.organisation.channels import CHANNEL_FIELDS
from aduan.organisation.models import Unit
from aduan.regions.models import Region
from aduan.reports import apologies, charts, transparency
from aduan.reports.periods import Period

MAX_UNITS = 60


def _year(request) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun", today.year))
    except ValueError:
        return today.year
    return year if 2000 <= year <= today.year else today.year


@cache_control(public=True, max_age=300)
def transparansi(request):
    year = _year(request)
    period = Period.year(year)
    province_code = request.GET.get("provinsi", "")
    province = Region.objects.filter(code=province_code, level=1).first() if province_code else None
    rows = transparency.kabupaten(period, province.code) if province else transparency.provinces(period)
    shares = [(row["name"], row["on_time_share"]) for row in rows if row["on_time_share"] is not None]
    title = _("Selesai dalam tenggat (%)")
    return render(request, "web/public/transparansi.html", {
        "year": year, "years": list(range(timezone.localdate().year, 2019, -1)), "province": province, "rows": rows,
        "national": transparency.national(period),
        "chart": charts.svg(charts.bars(title, sorted(shares, key=lambda s: -s[1]), empty=_("Belum ada data.")), title),
        "chart_rows": shares, "apologies": apologies.published(),
    })


def kontak(request):
    term = request.GET.get("q", "").strip()[:80]
    units = Unit.objects.filter(is_active=True).select_related("region")
    has_channel = Q()
    for name in CHANNEL_FIELDS:
        has_channel |= ~Q(**{name: ""})
    if term:
        regions = list(Region.objects.filter(level__lte=2, name__icontains=term).values_list("code", flat=True)[:20])
        found = Q(name__icontains=term)
        for code in regions:
            found |= Q(region_id=code) | Q(region__code__startswith=code + ".") if len(code) > 2 else Q(region_id=code)
        units = units.filter(found)
    else:
        units = units.filter(region__isnull=True)  # the national bodies, before any search
    listed = list(units.filter(has_channel).order_by("region_id", "name")[:MAX_UNITS])
    return render(request, "web/public/kontak.html", {"q": term, "units": listed, "more": len(listed) == MAX_UNITS})
