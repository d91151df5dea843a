"""What 1708 answers, in Indonesian, always one SMS: at most 160 GSM-7 characters.

The help texts for messages that were not understood come from the parser (FORMAT_HELP, …).
Every template here is tested with the longest place names and answers we know of
(tests/intake/sms/test_pipeline.py); a variable part that would overflow is shortened with "...".
"""

import unicodedata

from aduan.intake.sms.gateways.kannel_dialect import SMS_MAX_GSM7, fits_one_sms, gsm7_safe, is_gsm7

FILED = "Terima kasih, pengaduan {program} Anda dicatat dengan nomor {tracking} ({place}). Cek status: CEK {tracking}"
FILED_LOCATION_UNCLEAR = (
    "Pengaduan {program} dicatat, nomor {tracking}. Lokasi belum jelas: {problem} "
    "Petugas akan memeriksanya. Cek status: CEK {tracking}"
)
DUPLICATE = "Pengaduan ini sudah dicatat dengan nomor {tracking}. Cek status: CEK {tracking}"
CHECK_STATUS = "Pengaduan {tracking}: {status}. {answer}"
NOT_FOUND = "Pengaduan {tracking} tidak ditemukan untuk nomor HP ini. Periksa kembali nomor pengaduan Anda."
REBUT_ACCEPTED = "Sanggahan untuk pengaduan {tracking} diterima dan diteruskan kembali ke petugas. Terima kasih."
REBUT_WINDOW_CLOSED = (
    "Sanggahan tidak dapat diterima: masa sanggah pengaduan {tracking} sudah berakhir. "
    "Kirim pengaduan baru bila masalahnya belum selesai."
)
REBUT_NOTHING_TO_REBUT = (
    "Pengaduan {tracking} belum ditindaklanjuti, jadi belum ada yang dapat disanggah. Cek status: CEK {tracking}"
)
REBUT_PENDING = "Sanggahan untuk pengaduan {tracking} sedang diproses petugas. Cek status: CEK {tracking}"
RATE_ACCEPTED = "Terima kasih, penilaian Anda untuk pengaduan {tracking} sudah dicatat."
RATE_NOT_CLOSED = "Pengaduan {tracking} belum selesai. Penilaian dapat dikirim setelah pengaduan selesai."
RATE_ALREADY = "Pengaduan {tracking} sudah dinilai. Terima kasih."
REJECTED = "Pengaduan belum dapat dicatat: {reason}"

PROGRAM_LABELS = {"bpnt": "BPNT", "rastra": "Rastra", "pkh": "PKH"}
ELLIPSIS = "..."


def program_label(code: str) -> str:
    return PROGRAM_LABELS.get(code, code.upper())


def place_of(names: tuple[str, ...]) -> str:
    """'Purwodadi, Kabupaten Kediri': the village and the kabupaten/kota tell Kediri from Kediri."""
    if len(names) >= 3:
        return f"{names[-1]}, {names[1]}"
    return ", ".join(reversed(names))


def to_gsm7(text: str) -> str:
    """One SMS holds 160 GSM-7 characters but only 70 UCS-2 ones: keep replies in GSM-7."""
    text = gsm7_safe(text)
    if is_gsm7(text):
        return text
    out = []
    for ch in text:
        if not is_gsm7(ch):
            ch = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?"
        out.append(ch)
    return "".join(out)


def fit(template: str, *, shrink: str | None = None, **fields: str) -> str:
    """The template filled in; when it is longer than one SMS, ``shrink`` is cut to make it fit."""
    fields = {name: to_gsm7(str(value)) for name, value in fields.items()}
    text = " ".join(template.format(**fields).split())
    if shrink is not None:
        value = fields[shrink]
        while not fits_one_sms(text) and value:
            overflow = len(text) - SMS_MAX_GSM7 + len(ELLIPSIS)
            value = value[: max(len(value) - max(overflow, 1), 0)].rstrip(" ,.;:")
            text = " ".join(template.format(**{**fields, shrink: value + ELLIPSIS if value else ""}).split())
    cut = SMS_MAX_GSM7 - len(ELLIPSIS)
    while not fits_one_sms(text):  # the last resort; the tests keep every template clear of it
        text, cut = text[:cut] + ELLIPSIS, cut - 1
    return text
