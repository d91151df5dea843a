"""From a citizen's text to the features the triage model reads.

SMS Indonesian is written short ("sldo gk msk", "brs", "kks ke blokir"): each word is first
lower-cased and spelled out from the abbreviation list below, then stemmed with Sastrawi
("pencairan" → "cair", "diblokir" → "blokir"), and the text becomes its stems and pairs of
neighbouring stems. Stems are remembered, so a word is stemmed once per process.
"""

import re
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from aduan.triage.lexicon import concepts

# Abbreviations and slang as they appear in SMS and chat, written out. One word may become several.
SPELLED_OUT = {
    "gk": "tidak", "ga": "tidak", "gak": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak",
    "tdk": "tidak", "tak": "tidak", "g": "tidak", "kagak": "tidak", "ndak": "tidak",
    "blm": "belum", "blom": "belum", "lom": "belum",
    "sdh": "sudah", "udh": "sudah", "udah": "sudah", "dah": "sudah", "sdah": "sudah",
    "msk": "masuk", "msuk": "masuk", "sldo": "saldo", "sld": "saldo",
    "brs": "beras", "bras": "beras", "raskin": "rastra",
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "krn": "karena", "karna": "karena",
    "dr": "dari", "utk": "untuk", "untk": "untuk", "bln": "bulan", "thn": "tahun", "tgl": "tanggal",
    "knp": "kenapa", "napa": "kenapa", "gmn": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana",
    "brp": "berapa", "kpn": "kapan", "dmn": "dimana", "mn": "mana",
    "sy": "saya", "aq": "saya", "aku": "saya", "kmi": "kami", "kt": "kita",
    "pdhl": "padahal", "pdahal": "padahal", "tp": "tapi", "tpi": "tapi", "jd": "jadi", "jdi": "jadi",
    "sm": "sama", "sma": "sma", "cm": "cuma", "cuman": "cuma", "aja": "saja", "aj": "saja",
    "bgt": "sekali", "banget": "sekali", "byk": "banyak", "bnyk": "banyak",
    "lg": "lagi", "lgi": "lagi", "skrg": "sekarang", "skr": "sekarang", "skarang": "sekarang",
    "trs": "terus", "ank": "anak", "org": "orang", "tmn": "teman", "tmen": "teman",
    "dpt": "dapat", "dapet": "dapat", "dtrm": "diterima", "trima": "terima", "kasi": "kasih", "ksh": "kasih",
    "prnh": "pernah", "pnh": "pernah", "pernh": "pernah", "dtg": "datang",
    "cair2": "cair", "telp": "telepon", "telpon": "telepon", "ditelp": "ditelepon",
    "hp": "telepon", "bs": "bisa", "bsa": "bisa", "hrs": "harus", "tau": "tahu",
    "trdaftar": "terdaftar", "trmasuk": "termasuk", "ttg": "tentang", "stlh": "setelah",
    "pndmpg": "pendamping", "pendmping": "pendamping", "mnt": "minta",
    "bntuan": "bantuan", "bantuanya": "bantuannya", "bansos": "bantuan sosial",
    "rb": "ribu", "rbu": "ribu", "jt": "juta",
    "ewarong": "ewarong", "warong": "ewarong", "e-warong": "ewarong", "e warong": "ewarong",
    "ke blokir": "diblokir", "keblokir": "diblokir", "terblokir": "diblokir", "blokir": "diblokir",
    "bulukan": "berjamur", "jamuran": "berjamur", "apek": "apek",
    "lemot": "lambat", "telat": "terlambat", "molor": "terlambat",
    "kartunya": "kartu", "atm": "kartu", "kombo": "kks",
    "sembako": "sembako bpnt", "bpnt": "bpnt", "pangan": "pangan",
    "pkh": "pkh", "keluarga harapan": "pkh",
}
_MULTI = sorted((k for k in SPELLED_OUT if " " in k or "-" in k), key=len, reverse=True)
_MULTI_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _MULTI) + r")\b") if _MULTI else None
_WORD = re.compile(r"[a-z]+")
_REPEAT = re.compile(r"([a-z])\1{2,}")  # "tolooong" → "tolong"
# Words that say nothing about the subject in either direction.
_STOP = frozenset(
    "yang di ke dari dan atau itu ini ya pak bu ibu bapak mohon tolong kami saya kita nya juga "
    "ada sudah dengan untuk karena pada jadi akan bisa harus apa sih dong deh lah kah pun".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stem(word) or word


def words(text: str) -> list[str]:
    """The text's words, abbreviations written out, lower case, without digits and punctuation."""
    text = _REPEAT.sub(r"\1", text.lower())
    if _MULTI_RE is not None:
        text = _MULTI_RE.sub(lambda m: SPELLED_OUT[m.group(0)], text)
    out: list[str] = []
    for word in _WORD.findall(text):
        out.extend(SPELLED_OUT.get(word, word).split())
    return out


def features(text: str) -> list[str]:
    """The stems of the text (stop words left out), each pair of neighbouring stems, the concepts
    they name (aduan/triage/lexicon.py) and whether the text asks a question."""
    all_stems = [stem(w) for w in words(text)]
    stems = [s for s in all_stems if s not in _STOP]
    out = stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])] + concepts(all_stems)
    if "?" in text:
        out.append("~asks")
    return out
