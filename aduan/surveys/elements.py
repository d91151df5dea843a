"""The nine elements of the community satisfaction survey (IKM), PermenPANRB 14/2017, and the
respondent data its questionnaire asks. No Django models here: the SMS parser and the pure IKM
arithmetic read them too."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# (code, name, the question a reporter reads)
ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("U1", gettext_noop("Persyaratan"),
     gettext_noop("Apakah persyaratan untuk mengadu sesuai dan mudah dipenuhi?")),
    ("U2", gettext_noop("Sistem, mekanisme, dan prosedur"),
     gettext_noop("Apakah cara dan prosedur pengaduan mudah?")),
    ("U3", gettext_noop("Waktu penyelesaian"),
     gettext_noop("Apakah pengaduan Anda diselesaikan tepat waktu?")),
    ("U4", gettext_noop("Biaya/tarif"),
     gettext_noop("Apakah layanan ini gratis, tanpa pungutan?")),
    ("U5", gettext_noop("Produk spesifikasi jenis pelayanan"),
     gettext_noop("Apakah hasil penanganan sesuai dengan yang dijanjikan?")),
    ("U6", gettext_noop("Kompetensi pelaksana"),
     gettext_noop("Apakah petugas memahami masalah Anda?")),
    ("U7", gettext_noop("Perilaku pelaksana"),
     gettext_noop("Apakah petugas sopan dan ramah?")),
    ("U8", gettext_noop("Penanganan pengaduan, saran dan masukan"),
     gettext_noop("Apakah pengaduan Anda ditindaklanjuti dengan jelas?")),
    ("U9", gettext_noop("Sarana dan prasarana"),
     gettext_noop("Apakah saluran pengaduan (SMS, situs, kantor) mudah dipakai?")),
)
CODES: tuple[str, ...] = tuple(code for code, _name, _question in ELEMENTS)
NAMES: dict[str, str] = {code: name for code, name, _question in ELEMENTS}
SCORES = range(1, 5)

SCORE_LABELS = {1: _("Tidak baik"), 2: _("Kurang baik"), 3: _("Baik"), 4: _("Sangat baik")}


class Gender:
    CHOICES = (("L", _("Laki-laki")), ("P", _("Perempuan")))


EDUCATION = (("sd", _("SD ke bawah")), ("smp", "SMP"), ("sma", "SMA"), ("d3", "D1–D3"), ("s1", "D4/S1"),
             ("s2", _("S2 ke atas")))
OCCUPATION = (("pns", "PNS"), ("tni_polri", "TNI/Polri"), ("swasta", _("Pegawai swasta")),
              ("wirausaha", _("Wirausaha")), ("petani_nelayan", _("Petani/nelayan")),
              ("pelajar", _("Pelajar/mahasiswa")), ("rumah_tangga", _("Mengurus rumah tangga")),
              ("lainnya", _("Lainnya")))
# Age bands of the respondent profile.
AGE_BANDS = ((None, 24, "< 25"), (25, 34, "25–34"), (35, 44, "35–44"), (45, 54, "45–54"), (55, None, "55+"))
