"""The words of each letter: the defaults an administrator may replace (`LetterTemplate`, in the
admin), the placeholders they may use, and how a letter's facts fill them."""

import re

from aduan.letters.models import LetterKind

PLACEHOLDERS = {
    "nama": "nama pelapor", "nik": "NIK pelapor", "kks": "nomor KKS", "alamat": "alamat pelapor",
    "desa": "desa/kelurahan", "nomor_pengaduan": "nomor pengaduan", "tanggal_pengaduan": "tanggal diterima",
    "program": "program", "bank": "bank penyalur", "saluran": "saluran pengaduan", "pelapor": "pelapor (atau Anonim)",
    "isi": "isi pengaduan", "jawaban": "jawaban unit", "unit": "unit penerbit", "unit_tujuan": "unit tujuan",
}

# kind → (the number's code, the addressee, the subject, the body)
DEFAULTS = {
    LetterKind.REKOMENDASI_KKS: (
        "REK-KKS", "Pimpinan {bank}", "Rekomendasi penggantian Kartu Keluarga Sejahtera (KKS)",
        "Berdasarkan pengaduan nomor {nomor_pengaduan} tanggal {tanggal_pengaduan}, dengan ini kami "
        "merekomendasikan penggantian Kartu Keluarga Sejahtera (KKS) yang hilang atau rusak atas nama:\n\n"
        "Nama: {nama}\nNIK: {nik}\nAlamat: {alamat}, {desa}\nNomor KKS: {kks}\n\n"
        "Yang bersangkutan terdaftar sebagai Keluarga Penerima Manfaat program {program}. Mohon kiranya "
        "dapat diterbitkan KKS pengganti sesuai ketentuan yang berlaku.\n\n"
        "Demikian surat rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.",
    ),
    LetterKind.HASIL_PENANGANAN: (
        "HP", "Sdr./Sdri. {nama}", "Pemberitahuan hasil penanganan pengaduan",
        "Menindaklanjuti pengaduan Saudara/Saudari nomor {nomor_pengaduan} tanggal {tanggal_pengaduan} "
        "mengenai program {program}, dengan ini kami sampaikan hasil penanganannya sebagai berikut:\n\n"
        "{jawaban}\n\n"
        "Apabila hasil ini belum sesuai, Saudara/Saudari dapat menyampaikan sanggahan dengan menyebut nomor "
        "pengaduan di atas. Atas perhatiannya kami ucapkan terima kasih.",
    ),
    LetterKind.PENGANTAR: (
        "PGT", "Pimpinan {unit_tujuan}", "Pengantar pengaduan nomor {nomor_pengaduan}",
        "Bersama ini kami sampaikan pengaduan nomor {nomor_pengaduan} yang kami terima pada {tanggal_pengaduan} "
        "melalui {saluran}, mengenai program {program}, untuk dapat ditindaklanjuti sesuai kewenangan "
        "{unit_tujuan}.\n\nPelapor: {pelapor}\nIsi pengaduan: {isi}\n\n"
        "Mohon hasil penanganannya dapat disampaikan kepada kami. Atas kerja samanya kami ucapkan terima kasih.",
    ),
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, facts: dict[str, str]) -> str:
    """Each {placeholder} replaced by its fact; an unknown one is left as written, so an edited
    template never breaks a letter."""
    return PLACEHOLDER.sub(lambda m: facts.get(m.group(1), m.group(0)) or "—", text)
