"""What a request names by code, looked up once for every endpoint: a unit, or the caller's own
when the request names none."""

from aduan.core import errors
from aduan.organisation.models import Unit

UNKNOWN_UNIT = "Unit '{value}' tidak ditemukan."


def unit_named(code: str, *, field: str) -> Unit:
    """The active unit with this code; a 400 naming the field when there is none."""
    unit = Unit.objects.filter(code=code.strip().lower(), is_active=True).first()
    if unit is None:
        raise errors.ActionError(UNKNOWN_UNIT.format(value=code), field=field)
    return unit


def unit_or_own(code: str | None, own: list[Unit], *, missing: str, field: str = "unit") -> Unit:
    """The unit named, or else the first of the caller's own; `missing` when they have none."""
    if code:
        return unit_named(code, field=field)
    if not own:
        raise errors.ActionError(missing, field=field)
    return own[0]
