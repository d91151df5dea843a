"""Reads an SMS sent to 1708 the way it is really typed (R1).

Complaints: ``NT#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan`` (BPNT), ``R#…`` (Rastra),
``PKH#…``; then ``CEK <nomor>``, ``SANGGAH <nomor> <alasan>`` and ``NILAI <nomor> <9 angka 1-4>``
(the satisfaction survey, PermenPANRB 14/2017). Case, spacing, a doubled or
missing ``#`` and line breaks are forgiven. The location is returned as typed: resolving it is
``aduan.regions.resolver``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    COMPLAINT = "complaint"
    CHECK = "check"
    REBUT = "rebut"
    RATE = "rate"
    INVALID = "invalid"


@dataclass(frozen=True)
class ParsedSms:
    kind: Kind
    program: str | None = None
    location_parts: tuple[str, ...] = ()
    body: str = ""
    kks: str | None = None
    nik: str | None = None
    tracking_number: str | None = None
    scores: tuple[int, ...] = ()
    error: str | None = None


# Replies (Indonesian, each at most 160 GSM-7 characters: one SMS).
FORMAT_HELP = (
    "Format: NT#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan. "
    "Contoh: NT#Jawa Timur#Kediri#Ringinrejo#Purwodadi#Kartu KKS hilang"
)
FORMAT_HELP_RASTRA = (
    "Format: R#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan. "
    "Contoh: R#Jawa Timur#Kediri#Ringinrejo#Purwodadi#Beras belum diterima"
)
FORMAT_HELP_PKH = (
    "Format: PKH#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan. "
    "Contoh: PKH#Jawa Timur#Kediri#Ringinrejo#Purwodadi#Bantuan belum cair"
)
FORMAT_HELP_BY_PROGRAM = {"bpnt": FORMAT_HELP, "rastra": FORMAT_HELP_RASTRA, "pkh": FORMAT_HELP_PKH}
CHECK_HELP = "Cek status pengaduan: CEK <nomor pengaduan>. Contoh: CEK 7KQ2M-X9RT4"
REBUT_HELP = (
    "Sanggah tindak lanjut: SANGGAH <nomor pengaduan> <alasan>. "
    "Contoh: SANGGAH 7KQ2M-X9RT4 Bantuan belum saya terima"
)
RATE_HELP = "Nilai layanan: NILAI <nomor pengaduan> lalu 9 angka 1-4 (U1-U9). Contoh: NILAI 7KQ2M-X9RT4 4 4 3 4 4 4 3 4 4"
KEYWORD_HELP = (
    "Awali SMS dengan NT (BPNT), R (Rastra) atau PKH: NT#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan. "
    "Cek status: CEK <nomor pengaduan>"
)
EMPTY_HELP = "SMS kosong. " + FORMAT_HELP
NO_TEXT_HELP = "Isi pengaduan belum ditulis. " + FORMAT_HELP

ERROR_EMPTY = "empty"
ERROR_NO_KEYWORD = "no_keyword"
ERROR_NO_TEXT = "no_text"
ERROR_TOO_FEW_PARTS = "too_few_parts"

PROGRAM_KEYWORDS = {"nt": "bpnt", "bpnt": "bpnt", "sembako": "bpnt", "r": "rastra", "rastra": "rastra", "pkh": "pkh"}
CHECK_KEYWORDS = frozenset({"cek", "check"})
REBUT_KEYWORDS = frozenset({"sanggah", "sanggahan", "sangah"})
RATE_KEYWORDS = frozenset({"nilai"})

_KEYWORD = re.compile(
    r"(sanggahan|sanggah|sangah|nilai|sembako|rastra|check|bpnt|pkh|cek|nt|r)(?![a-z0-9])", re.IGNORECASE
)
# Junk before the keyword: spaces, quotes, stray punctuation, zero-width characters.
_LEADING_JUNK = re.compile(r"^[\W_]+")
_SEPARATORS = re.compile(r"^[\s#:;,.\-]+")
_KEYWORD_SEPARATOR = re.compile(r"^\s*[#:;,.\-]?\s*")
_TRACKING = re.compile(r"([a-z0-9]{5})[\s\-._]?([a-z0-9]{5})(?![a-z0-9])", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*", re.IGNORECASE)

# 16 digits, bare or in groups of four: "3235386475739456", "3235 3864 7573 9456", "3235.3864.…"
_SIXTEEN_DIGITS = re.compile(r"(?<![0-9])(?:[0-9]{16}|[0-9]{4}(?:[ .\-]?[0-9]{4}){3})(?![0-9])")
# The label nearest before a number says what it is; "KK" (family card) is neither KKS nor NIK.
_LABEL = re.compile(r"\b(kartu\s+keluarga|kks|kartu|nik|e-?ktp|ktp|kk)\b", re.IGNORECASE)
_LABEL_KINDS = {"kks": "kks", "kartu": "kks", "nik": "nik", "ektp": "nik", "e-ktp": "nik", "ktp": "nik", "kk": "kk"}
_LONG_NUMBER = re.compile(r"[0-9]{6}")  # a card or phone number: no village is named like that
_LABEL_REACH = 30  # characters between a label and its number: "No. KKS saya adalah 3235…"


def parse(text: str) -> ParsedSms:
    if not isinstance(text, str) or not text.strip():
        return ParsedSms(Kind.INVALID, error=ERROR_EMPTY)
    cleaned = _LEADING_JUNK.sub("", text.replace("\r\n", "\n")).strip()
    keyword = _KEYWORD.match(cleaned)
    if keyword is None:
        kks, nik = _card_numbers(cleaned, bare_is_kks=False)
        return ParsedSms(Kind.INVALID, body=cleaned, kks=kks, nik=nik, error=ERROR_NO_KEYWORD)
    word = keyword[1].lower()
    rest = cleaned[keyword.end() :]
    if word in CHECK_KEYWORDS:
        return _check(_SEPARATORS.sub("", rest))
    if word in REBUT_KEYWORDS:
        return _rebut(_SEPARATORS.sub("", rest))
    if word in RATE_KEYWORDS:
        return _rate(_SEPARATORS.sub("", rest))
    # Only the first '#' belongs to the keyword: "NT##Kediri#…" leaves the province empty.
    return _complaint(PROGRAM_KEYWORDS[word], _KEYWORD_SEPARATOR.sub("", rest))


def help_for(text: str) -> str | None:
    """The reply that tells the sender how to write ``text``, or None when it was understood."""
    parsed = parse(text)
    if parsed.kind is not Kind.INVALID:
        return None
    if parsed.error == ERROR_EMPTY:
        return EMPTY_HELP
    if parsed.error == ERROR_NO_KEYWORD:
        return KEYWORD_HELP
    if parsed.program is None:  # CEK, SANGGAH or NILAI
        word = _KEYWORD.match(_LEADING_JUNK.sub("", text))
        word = word[1].lower() if word else ""
        if word in RATE_KEYWORDS:
            return RATE_HELP
        return CHECK_HELP if word in CHECK_KEYWORDS else REBUT_HELP
    if parsed.error == ERROR_NO_TEXT and parsed.program == "bpnt":
        return NO_TEXT_HELP
    return FORMAT_HELP_BY_PROGRAM[parsed.program]


# --- complaints ------------------------------------------------------------------------------------


def _complaint(program: str, rest: str) -> ParsedSms:
    fields = _fields(rest)
    filled = [f for f in fields if f[0]]
    # A doubled "##" is a slip when the message still has four places and a text without it;
    # otherwise an empty field is a level left out ("Jatim#Kediri##Purwodadi#…").
    if len(filled) >= 5 and len(filled) < len(fields):
        fields = filled
    if len(fields) >= 5:
        location, body = fields[:4], rest[fields[4][1] :]
    elif len(fields) == 4 and _looks_like_text(fields[3][0]):
        # "NT#DKI#Jaksel#Pancoran#Rawajati kartu hilang" or the desa left out: the last field is
        # the complaint; the resolver then stops at the kecamatan and asks for review.
        location, body = fields[:3], rest[fields[3][1] :]
    elif len(fields) == 4:
        location, body = fields, ""
    else:
        kks, nik = _card_numbers(rest, bare_is_kks=program != "pkh")
        return ParsedSms(Kind.INVALID, program, body=rest.strip(), kks=kks, nik=nik, error=ERROR_TOO_FEW_PARTS)
    parts = tuple(" ".join(f[0].split()) for f in location) + ("",) * (4 - len(location))
    body = body.strip()
    kks, nik = _card_numbers(body, bare_is_kks=program != "pkh")
    if not body:
        return ParsedSms(Kind.INVALID, program, parts, body, kks, nik, error=ERROR_NO_TEXT)
    return ParsedSms(Kind.COMPLAINT, program, parts, body, kks, nik)


def _fields(rest: str) -> list[tuple[str, int]]:
    """Fields separated by '#' (or by line breaks when there is no '#'), each with where it starts."""
    separator = "#" if "#" in rest else "\n"
    fields, start = [], 0
    for piece in rest.split(separator):
        fields.append((piece.strip(), start))
        start += len(piece) + 1
    return fields


def _looks_like_text(field: str) -> bool:
    return len(field.split()) >= 4 or len(field) >= 30 or bool(_LONG_NUMBER.search(field))


def _card_numbers(text: str, *, bare_is_kks: bool) -> tuple[str | None, str | None]:
    kks = nik = bare = None
    previous_end = 0
    for number in _SIXTEEN_DIGITS.finditer(text):
        before = text[max(previous_end, number.start() - _LABEL_REACH) : number.start()]
        labels = _LABEL.findall(before)
        kind = _LABEL_KINDS.get(labels[-1].lower(), "kk") if labels else None  # "kartu keluarga" is the KK
        digits = re.sub(r"[^0-9]", "", number[0])
        if kind == "kks" and kks is None:
            kks = digits
        elif kind == "nik" and nik is None:
            nik = digits
        elif kind is None and bare is None:
            bare = digits
        previous_end = number.end()
    if kks is None and bare_is_kks:
        kks = bare
    return kks, nik


# --- CEK and SANGGAH -------------------------------------------------------------------------------


def _tracking(rest: str) -> tuple[str | None, str]:
    """The tracking number at the start of ``rest`` (upper case, XXXXX-XXXXX) and what follows it."""
    match = _TRACKING.match(rest)
    if match:
        return f"{match[1]}-{match[2]}".upper(), rest[match.end() :]
    token = _TOKEN.match(rest)
    if token and 8 <= len(token[0]) <= 12:  # not the core's shape, but plainly meant as a number
        return token[0].upper(), rest[token.end() :]
    return None, rest


def _check(rest: str) -> ParsedSms:
    tracking, _ = _tracking(rest)
    if tracking is None:
        return ParsedSms(Kind.INVALID, body=rest.strip(), error=ERROR_TOO_FEW_PARTS)
    return ParsedSms(Kind.CHECK, tracking_number=tracking)


def _rebut(rest: str) -> ParsedSms:
    tracking, after = _tracking(rest)
    body = _SEPARATORS.sub("", after).strip()
    kks, nik = _card_numbers(body, bare_is_kks=False)
    if tracking is None:
        return ParsedSms(Kind.INVALID, body=rest.strip(), kks=kks, nik=nik, error=ERROR_TOO_FEW_PARTS)
    if not body:
        return ParsedSms(Kind.INVALID, tracking_number=tracking, error=ERROR_NO_TEXT)
    return ParsedSms(Kind.REBUT, body=body, kks=kks, nik=nik, tracking_number=tracking)


# --- NILAI -----------------------------------------------------------------------------------------

_SCORES = re.compile(r"[\s,;.#\-/]*")


def _rate(rest: str) -> ParsedSms:
    """NILAI <nomor> then the nine scores, spaced or not: "4 4 3 4 4 4 3 4 4", "443444344"."""
    tracking, after = _tracking(rest)
    digits = _SCORES.sub("", after)
    if tracking is None:
        return ParsedSms(Kind.INVALID, body=rest.strip(), error=ERROR_TOO_FEW_PARTS)
    if len(digits) != 9 or not digits.isdigit() or any(d not in "1234" for d in digits):
        return ParsedSms(Kind.INVALID, tracking_number=tracking, body=after.strip(), error=ERROR_TOO_FEW_PARTS)
    return ParsedSms(Kind.RATE, tracking_number=tracking, scores=tuple(int(d) for d in digits))
