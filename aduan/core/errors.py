"""Errors the actions raise; their messages are what the user reads (Indonesian), constants for tests."""

from datetime import UTC, datetime

# No complaint of these programs was received before this moment; an earlier time is a typo or an
# SMS centre with a broken clock.
EARLIEST_RECEIPT = datetime(2000, 1, 1, tzinfo=UTC)

UNKNOWN_PROGRAM = "Program '{value}' tidak dikenal. Pilih salah satu: {choices}."
UNKNOWN_CHANNEL = "Saluran '{value}' tidak dikenal."
UNKNOWN_SEVERITY = "Tingkat '{value}' tidak dikenal. Pilih: ringan, sedang, berat, sangat_berat."
UNKNOWN_CATEGORY = "Jenis kategori '{value}' tidak dikenal. Pilih: aspirasi, permintaan_informasi, keluhan."
UNKNOWN_TOPIC = "Topik '{value}' tidak dikenal untuk program ini."
UNKNOWN_REGION = "Kode wilayah '{value}' tidak ditemukan. Gunakan kode Kemendagri, mis. 35.06.10.2005."
EMPTY_TEXT = "Isi pengaduan tidak boleh kosong."
FUTURE_RECEIPT = "Waktu penerimaan tidak boleh di masa depan."
EARLY_RECEIPT = "Waktu penerimaan tidak boleh sebelum tahun 2000."
BAD_NUMBER = "{field} harus 16 angka."
EMPTY_ANSWER = "Jawaban tindak lanjut untuk pelapor tidak boleh kosong."
EMPTY_REASON = "Alasan wajib diisi."
CONCURRENT_CHANGE = "Pengaduan ini baru saja diubah oleh petugas lain. Muat ulang halaman lalu coba lagi."


class ActionError(Exception):
    """A request the rules refuse; `field` names the input to fix, when there is one."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


def required(value: str | None, message: str, *, field: str) -> str:
    """The text stripped, or the refusal naming the field when nothing is left."""
    text = (value or "").strip()
    if not text:
        raise ActionError(message, field=field)
    return text
