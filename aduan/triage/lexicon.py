"""What each topic is about, as stems: the taxonomy's own words (SPEC R9–R11) and those citizens
use for them. A text mentioning any of a concept's stems gets that concept as one more feature, so
the model learns "a card problem" once instead of once for each way of naming a card.
"""

CONCEPTS = {
    "program": "program kebijakan atur pusat kementerian kemensos apbn hukum lanjut henti tujuan beda blt",
    "membership": "daftar data dtks coret layak mampu miskin sasaran usul kriteria penerima hapus nonaktif "
                  "meninggal pindah domisili didata kaya pns mobil toko sawah",
    "card": "kks kartu pin saldo rekening tabung buku transfer bank blokir bri bni mandiri btn beku telan tarik",
    "food": "beras telur mutu kualitas busuk apek kutu jamur basi kadaluarsa mahal batu pecah menir kuning "
            "ayam daging ikan minyak sayur buah tahu tempe kacang gula mie segar retak bau ulat debu pasir "
            "gabah keras hitam lengket kaleng",
    "price": "harga mahal pasar",
    "outlet": "ewarong warung agen outlet edc gesek kios stok struk brilink pemilik buka tutup jaringan",
    "information": "sosialisasi edukasi informasi info penyuluhan latih jelas umum brosur papan materi gizi "
                   "hak wajib",
    "abuse": "potong pungli jual salahguna selewengan gelap pribadi oknum suap korupsi kolusi nepotisme "
             "gratifikasi setor ancam palsu manipulasi timbun kampanye politik tebus gadai rentenir "
             "utang fiktif kerabat saudara keluarga hajatan",
    "quantity": "kilo kg jatah kurang timbang takar separuh jumlah karung rata bagi",
    "cost": "bayar biaya tebus ongkos pungut uang angkut transport patung bensin administrasi lelah",
    "timing": "lambat jadwal kapan belum tunda tahap lama datang turun salur tertahan menunggu mendadak "
              "malam periode",
    "paperwork": "kupon berita acara dokumen surat kuasa ktp tanda tangan tempel catat fotokopi asli identitas",
    "payment": "cair tahap pos antre nominal komponen undang kantor",
    "services": "sekolah puskesmas posyandu bidan guru sehat smp sma sd rumah sakit imunisasi jalan pesantren "
                "seragam fasilitas layan",
    "commitment": "verifikasi komitmen hadir absen p2k2 pertemuan tangguh kelompok",
    "companion": "pendamping operator sikma kinerja hubung galak marah kasar",
    "record": "nama lahir nik kk alamat salah ganda ubah anggota update perbaiki akta dukcapil ketik",
    "wish": "usul saran sebaik harap terima kasih timbang apresiasi semoga alangkah",
    "question": "apa bagaimana kapan berapa dimana apakah siapa info mana kenapa",
    "bpnt": "bpnt sembako pangan ewarong kks",
    "rastra": "rastra sejahtera bulog",
    "pkh": "pkh pendamping p2k2 pos",
}

_BY_STEM: dict[str, tuple[str, ...]] = {}
for _concept, _stems in CONCEPTS.items():
    for _stem in _stems.split():
        _BY_STEM[_stem] = (*_BY_STEM.get(_stem, ()), f"~{_concept}")


def concepts(stems: list[str]) -> list[str]:
    """The concepts the stems name, one feature each however often they are named."""
    found: dict[str, None] = {}
    for s in stems:
        for concept in _BY_STEM.get(s, ()):
            found[concept] = None
    return list(found)
