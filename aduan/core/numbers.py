"""What makes a NIK, a KK or a KKS number plausible (SPEC R21), the one home every channel and the
registry import ask: sixteen digits; a NIK's first two name a real province and its next digits
after the kecamatan a birth date (day + 40 for women, then month)."""

import re

from django.utils.translation import gettext_noop

from aduan.regions.lookups import children

SIXTEEN = re.compile(r"^\d{16}$")
NOT_SIXTEEN = gettext_noop("{label} harus 16 angka")
BAD_PROVINCE = gettext_noop("NIK: kode provinsi {code} tidak dikenal")
BAD_BIRTH_DATE = gettext_noop("NIK: bagian tanggal lahir {part} tidak mungkin")


SEPARATORS = re.compile(r"[\s.\-]")


def digits(value: str) -> str:
    """The number without the spaces, dots and dashes people write in it."""
    if not value or (value.isascii() and value.isdigit()):
        return value or ""
    return SEPARATORS.sub("", value)


def province_codes() -> frozenset[str]:
    return frozenset(code for code, _name in children(None))


def nik_problem(nik: str, provinces: frozenset[str] | None = None, translate=str) -> str | None:
    """Why this is no NIK, or None (in Indonesian; a page passes `gettext`). `provinces`: the codes
    to accept (default: the loaded list; an empty region list accepts any)."""
    if not SIXTEEN.match(nik):
        return translate(NOT_SIXTEEN).format(label="NIK")
    provinces = province_codes() if provinces is None else provinces
    if provinces and nik[:2] not in provinces:
        return translate(BAD_PROVINCE).format(code=nik[:2])
    day, month = int(nik[6:8]), int(nik[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        return translate(BAD_BIRTH_DATE).format(part=nik[6:12])
    return None


def sixteen_problem(value: str, label: str) -> str | None:
    return None if not value or SIXTEEN.match(value) else NOT_SIXTEEN.format(label=label)


def plausible_nik(number: str | None) -> str:
    """The number when it can be a NIK, else "": for the channels that read one out of free text (SMS,
    email), where a wrong guess must not stop the complaint — the number stays in the text."""
    return number if number and not nik_problem(number) else ""


def example_nik(place: str, n: int) -> str:
    """A plausible NIK of someone living in `place` (a desa or kecamatan code), for the demo and the
    benchmarks: the kecamatan, a birth date (day, + 40 for every other 28 days' worth, month,
    year), a four-digit serial. Distinct for every n below 672,000,000."""
    serial, day_number = n % 10_000, n // 10_000
    day = 1 + day_number % 28 + (40 if day_number // 28 % 2 else 0)
    month, year = 1 + day_number // 56 % 12, day_number // 672 % 100
    return f"{place.replace('.', '')[:6]}{day:02d}{month:02d}{year:02d}{serial:04d}"
