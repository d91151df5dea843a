"""What makes a NIK, a KK or a KKS number plausible (SPEC R21): sixteen digits; a NIK's first six
name a kecamatan of a real province and the next six a birth date (day + 40 for women)."""

import re

SIXTEEN = re.compile(r"^\d{16}$")
NOT_SIXTEEN = "{label} harus 16 angka"
BAD_PROVINCE = "NIK: kode provinsi {code} tidak dikenal"
BAD_BIRTH_DATE = "NIK: bagian tanggal lahir {part} tidak mungkin"


def digits(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def nik_problem(nik: str, provinces: frozenset[str]) -> str | None:
    if not SIXTEEN.match(nik):
        return NOT_SIXTEEN.format(label="NIK")
    if provinces and nik[:2] not in provinces:
        return BAD_PROVINCE.format(code=nik[:2])
    day, month = int(nik[6:8]), int(nik[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        return BAD_BIRTH_DATE.format(part=nik[6:12])
    return None


def sixteen_problem(value: str, label: str) -> str | None:
    return None if not value or SIXTEEN.match(value) else NOT_SIXTEEN.format(label=label)
