"""Regions by code from memory: the official list changes only when `aduan load_regions` runs."""

from aduan.memo import memoized
from aduan.regions.models import Region


@memoized(models=[Region], max_entries=4096)
def region(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()
