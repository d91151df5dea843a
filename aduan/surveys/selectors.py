"""The IKM and the respondent profile of a set of units over a period, each in one grouped query."""

from datetime import date, datetime, time, timedelta

from django.db.models import Case, CharField, Count, Q, QuerySet, Sum, Value, When
from django.utils.translation import gettext

from aduan.regions.timezones import zone_for
from aduan.surveys.elements import AGE_BANDS, CODES, EDUCATION, OCCUPATION, Gender
from aduan.surveys.ikm import Ikm, compute
from aduan.surveys.models import Survey


def surveys_of(unit_ids: set[int] | None, start: date, end: date, *, region_code: str | None = None) -> QuerySet[Survey]:
    """The questionnaires of these units (None: all) received from `start` to `end` inclusive,
    in local days of the unit's region (WIB for national units)."""
    zone = zone_for(region_code)
    surveys = Survey.objects.filter(
        received_at__gte=datetime.combine(start, time.min, zone),
        received_at__lt=datetime.combine(end + timedelta(days=1), time.min, zone),
    )
    return surveys if unit_ids is None else surveys.filter(unit_id__in=unit_ids)


def ikm_of(surveys: QuerySet[Survey]) -> Ikm:
    totals = surveys.order_by().aggregate(responses=Count("id"), **{code: Sum(code.lower()) for code in CODES})
    return compute(totals.pop("responses"), {code: totals[code] or 0 for code in CODES})


def _age_band() -> Case:
    whens = []
    for low, high, label in AGE_BANDS:
        condition = Q()
        if low is not None:
            condition &= Q(age__gte=low)
        if high is not None:
            condition &= Q(age__lte=high)
        whens.append(When(condition & Q(age__isnull=False), then=Value(label)))
    return Case(*whens, default=Value(""), output_field=CharField())


def respondent_profile(surveys: QuerySet[Survey]) -> dict[str, list[tuple[str, int]]]:
    """Counts per gender, age band, education and occupation; "" is "not said"."""
    labels = {
        "gender": dict(Gender.CHOICES),
        "education": dict(EDUCATION),
        "occupation": dict(OCCUPATION),
        "age": {label: label for _low, _high, label in AGE_BANDS},
    }
    profile = {}
    for key in ("gender", "age", "education", "occupation"):
        rows = surveys.order_by()
        if key == "age":
            rows = rows.annotate(band=_age_band()).values("band").annotate(n=Count("id")).values_list("band", "n")
        else:
            rows = rows.values(key).annotate(n=Count("id")).values_list(key, "n")
        order = list(labels[key])
        counted = dict(rows)
        profile[key] = [(str(labels[key][value]), counted[value]) for value in order if value in counted]
        if counted.get(""):
            profile[key].append((gettext("Tidak diisi"), counted[""]))
    return profile
