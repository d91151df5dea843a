"""Places the officers taught the resolver: a spelling it could not name, and the desa chosen for
it when an officer corrected a complaint's location (`aduan.core.actions.complaint_locate`).

Read from memory (aduan/memo.py): other workers learn a new spelling within the memo's lifetime.
A spelling taught for two different desa teaches nothing — the resolver's own reading stands.
"""

from collections.abc import Sequence

from aduan.memo import memoized
from aduan.regions.models import Level, Region, TaughtSpelling
from aduan.regions.resolver import Resolution, get_resolver, spelling_key


@memoized(models=[TaughtSpelling], max_entries=1)
def _taught() -> dict[str, str | None]:
    regions: dict[str, set[str]] = {}
    for key, code in TaughtSpelling.objects.filter(is_active=True).values_list("key", "region_id"):
        regions.setdefault(key, set()).add(code)
    return {key: next(iter(codes)) if len(codes) == 1 else None for key, codes in regions.items()}


def resolve(parts: Sequence[str]) -> Resolution:
    """The resolver's reading of a location, unless an officer taught this very spelling."""
    resolver = get_resolver()
    code = _taught().get(spelling_key(parts))
    return resolver.certain(code) if code else resolver.resolve(parts)


def teach(text: str, region: Region, *, by=None) -> TaughtSpelling | None:
    """Remember that `text` (a location as sent, its levels joined by "#") means this desa."""
    if region.level != Level.DESA_KELURAHAN or not text.strip():
        return None
    key = spelling_key(text.split("#"))
    if not key.strip("#"):
        return None
    spelling, _ = TaughtSpelling.objects.get_or_create(key=key, region=region,
                                                       defaults={"text": text[:300], "taught_by": by})
    return spelling
