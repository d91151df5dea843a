"""SPEC R18: the steps per PKH complaint type (PKH guideline, table 1), keyed by topic code.

Data, not code: a deployment edits the wording here; a complaint keeps the copy it was given.
"""

CHECKLISTS: dict[str, tuple[str, ...]] = {
    "pkh-1": (  # data peserta
        "Catat keterangan peserta dan kumpulkan bukti (KTP, KK, akta kelahiran, data verifikasi).",
        "Kirim keterangan dan bukti ke UPPKH Pusat dengan rekomendasi perbaikan basis data induk.",
        "Beri tahu peserta secara tertulis bahwa perbaikan data memerlukan waktu paling lama 1 bulan.",
        "Sampaikan keputusan UPPKH Pusat kepada UPPKH kabupaten/kota, pendamping dan peserta.",
        "Pastikan perubahan berlaku mulai pembayaran berikutnya.",
    ),
    "pkh-2": (  # komitmen dan verifikasi
        "Periksa data verifikasi komitmen (kehadiran sekolah, kunjungan fasilitas kesehatan).",
        "Klarifikasi kepada fasilitas pendidikan/kesehatan dan pendamping.",
        "Bila verifikasi keliru, usulkan koreksi kepada UPPKH Pusat.",
        "Sampaikan hasilnya kepada peserta.",
    ),
    "pkh-3": (  # non-peserta yang merasa layak
        "Catat identitas dan kondisi keluarga pelapor; periksa di DTKS/SIKS-NG.",
        "Verifikasi kelayakan melalui kunjungan rumah.",
        "Bila layak, usulkan dalam pemutakhiran DTKS dan sampaikan kepada UPPKH Pusat.",
        "Sampaikan hasil dan mekanisme pengusulan kepada pelapor.",
    ),
    "pkh-4": (  # pembayaran
        "Catat masalah pembayaran (keterlambatan, antrean, perubahan jumlah) dan lokasi pembayaran.",
        "Klarifikasi kepada kantor pos/bank penyalur setempat.",
        "Bila sedikitnya 2 orang melaporkan masalah yang sama dan kantor pos tidak dapat menyelesaikannya, "
        "rekomendasikan UPPKH Pusat menindaklanjuti dengan PT Pos.",
        "Bila masalah terjadi di berbagai wilayah, usulkan peninjauan kerja sama penyaluran.",
        "Sampaikan hasilnya kepada peserta.",
    ),
    "pkh-5": (  # layanan pendidikan dan kesehatan
        "Identifikasi layanan pendidikan/kesehatan yang tidak tersedia.",
        "Koordinasikan dengan dinas pendidikan/kesehatan setempat.",
        "Sampaikan hasilnya kepada pelapor.",
    ),
    "pkh-6": (  # teknis/administrasi, kinerja pendamping dan operator
        "Kumpulkan keterangan tentang kinerja pendamping/operator yang diadukan.",
        "Klarifikasi kepada yang bersangkutan dan koordinatornya.",
        "Beri pembinaan atau sanksi sesuai ketentuan.",
        "Sampaikan hasilnya kepada pelapor.",
    ),
    "pkh-7": (  # KKN
        "Kumpulkan informasi dan bukti.",
        "Koordinasikan dengan pihak terkait (inspektorat, aparat penegak hukum).",
        "Bebastugaskan sementara petugas yang diadukan selama pemeriksaan.",
        "Pantau proses penanganan.",
        "Sampaikan hasilnya kepada pelapor beserta pilihan bila belum puas.",
    ),
}


def steps_for(topic_code: str | None) -> tuple[str, ...]:
    return CHECKLISTS.get(topic_code or "", ())
