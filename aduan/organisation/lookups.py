"""Units that intake looks up on every complaint, from memory (aduan/memo.py)."""

from aduan.memo import memoized
from aduan.organisation.models import Unit, UnitKind


@memoized(models=[Unit])
def national_unit() -> Unit | None:
    """The unit that registers what reaches the national door (SMS 1708, the website)."""
    return Unit.objects.filter(kind=UnitKind.ADMIN_UTAMA).order_by("id").first()


@memoized(models=[Unit])
def district_offices() -> dict[str, Unit]:
    """The Dinas Sosial of each kabupaten/kota, by the kabupaten/kota's region code."""
    return {u.region_id: u for u in Unit.objects.filter(kind=UnitKind.DINSOS_KABKOTA).order_by("-code")}


@memoized(models=[Unit])
def units_by_code() -> dict[str, Unit]:
    """Every active unit by its code (a few thousand rows: the national bodies, three per
    kabupaten/kota, two per province, and the pendamping and kelompok an office sets up)."""
    return {u.code: u for u in Unit.objects.filter(is_active=True)}
