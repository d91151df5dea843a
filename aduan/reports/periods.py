"""Periods in local days. Each complaint is counted in the days of its own region's time zone, as
its deadline is: received at 00:30 WIT on 1 February (31 January 15:30 UTC, still January in
Jakarta) it belongs to February's report; a complaint without a place keeps WIB."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Case, DateField, Q, QuerySet, When
from django.db.models.functions import Substr, TruncDate

from aduan.regions.timezones import PROVINCES_OUTSIDE_WIB, WIB

OUTSIDE_WIB = frozenset().union(*PROVINCES_OUTSIDE_WIB.values())
ZONES = (WIB, *PROVINCES_OUTSIDE_WIB)
PROVINCE = "_province"


@dataclass(frozen=True)
class Period:
    start: date  # the first day
    end: date  # the last day, inclusive

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return cls(first, following - timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    def bounds(self, zone_name: str) -> tuple[datetime, datetime]:
        zone = ZoneInfo(zone_name)
        return (datetime.combine(self.start, time.min, zone),
                datetime.combine(self.end + timedelta(days=1), time.min, zone))

    def ends_at(self, zone_name: str = WIB) -> datetime:
        return self.bounds(zone_name)[1]

    @property
    def widest(self) -> tuple[datetime, datetime]:
        """From the earliest start (WIT) to the latest end (WIB): every zone's period lies inside."""
        return self.bounds(ZONES[-1])[0], self.bounds(WIB)[1]


def with_province(complaints: QuerySet) -> QuerySet:
    return complaints.annotate(**{PROVINCE: Substr("region_id", 1, 2)})


def in_zone(zone_name: str) -> Q:
    if zone_name == WIB:
        return ~Q(**{f"{PROVINCE}__in": OUTSIDE_WIB}) | Q(**{f"{PROVINCE}__isnull": True})
    return Q(**{f"{PROVINCE}__in": PROVINCES_OUTSIDE_WIB[zone_name]})


def within(field: str, period: Period) -> Q:
    """`field` falls within the period's local days of each complaint's region (needs with_province).

    Only the hours at either end where the zones disagree need the complaint's zone: a moment after
    the period began in WIB (the last zone to begin) and before it ended in WIT (the first to end)
    is inside it everywhere, and the database checks that on the index alone."""
    earliest, latest = period.widest
    coarse = Q(**{f"{field}__gte": earliest, f"{field}__lt": latest})  # lets the database use the index
    everywhere = Q(**{f"{field}__gte": period.bounds(WIB)[0], f"{field}__lt": period.bounds(ZONES[-1])[1]})
    fine = Q()
    for zone_name in ZONES:
        start, end = period.bounds(zone_name)
        fine |= in_zone(zone_name) & Q(**{f"{field}__gte": start, f"{field}__lt": end})
    return coarse & (everywhere | fine)


def local_date(field: str) -> Case:
    """The local calendar day of `field` in each complaint's zone (needs with_province)."""
    whens = [When(in_zone(name), then=TruncDate(field, tzinfo=ZoneInfo(name))) for name in PROVINCES_OUTSIDE_WIB]
    return Case(*whens, default=TruncDate(field, tzinfo=ZoneInfo(WIB)), output_field=DateField())
