"""Regions by code from memory: the official list changes only when `aduan load_regions` runs."""

from aduan.memo import memoized
from aduan.regions.models import Region


@memoized(models=[Region], max_entries=4096)
def region(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


@memoized(models=[Region], max_entries=2048)
def children(parent_code: str | None) -> tuple[tuple[str, str], ...]:
    """(code, name) of the provinces (no parent) or of one region's children, in code order: the
    lists the forms offer level by level."""
    rows = Region.objects.filter(level=1) if parent_code is None else Region.objects.filter(parent_id=parent_code)
    return tuple(rows.values_list("code", "name"))


def names_down_to(code: str) -> list[str]:
    """The names from the province down to `code` ("Jawa Timur", "Kediri", …), from memory; a
    level the list lacks is left out."""
    found = (region(c) for c in Region(code=code).ancestor_codes())
    return [r.name for r in found if r is not None]
