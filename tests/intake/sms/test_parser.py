"""The SMS parser reads what citizens really type to 1708 (R1)."""

import pytest

from aduan.intake.sms.parser import (
    CHECK_HELP,
    EMPTY_HELP,
    ERROR_EMPTY,
    ERROR_NO_KEYWORD,
    ERROR_NO_TEXT,
    ERROR_TOO_FEW_PARTS,
    FORMAT_HELP,
    FORMAT_HELP_BY_PROGRAM,
    FORMAT_HELP_PKH,
    FORMAT_HELP_RASTRA,
    KEYWORD_HELP,
    NO_TEXT_HELP,
    REBUT_HELP,
    Kind,
    ParsedSms,
    help_for,
    parse,
)

KKS = "3235386475739456"
NIK = "3174012345678901"
LOCATION = ("DKI", "Jkt Selatan", "Pancoran", "Rawajati")


# --- the seed examples ---------------------------------------------------------------------------


def test_it_reads_the_bpnt_seed():
    parsed = parse(f"NT #DKI#Jkt Selatan#Pancoran#Rawajati#No.KKS {KKS} Saya telah mencoba belanja ke ewarong ...")

    assert parsed == ParsedSms(
        kind=Kind.COMPLAINT,
        program="bpnt",
        location_parts=LOCATION,
        body=f"No.KKS {KKS} Saya telah mencoba belanja ke ewarong ...",
        kks=KKS,
    )


def test_it_reads_the_rastra_seed():
    parsed = parse("R #Jawa Timur#Kediri#Ringin Rejo#Purwodadi#kurang efektif ...")

    assert (parsed.kind, parsed.program) == (Kind.COMPLAINT, "rastra")
    assert parsed.location_parts == ("Jawa Timur", "Kediri", "Ringin Rejo", "Purwodadi")
    assert parsed.body == "kurang efektif ..."


@pytest.mark.parametrize(
    ("keyword", "program"),
    [("NT", "bpnt"), ("nt", "bpnt"), ("BPNT", "bpnt"), ("Sembako", "bpnt"), ("R", "rastra"), ("r", "rastra"),
     ("RASTRA", "rastra"), ("PKH", "pkh"), ("pkh", "pkh")],
)  # fmt: skip
def test_the_keyword_names_the_program(keyword, program):
    parsed = parse(f"{keyword}#DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang")

    assert (parsed.kind, parsed.program, parsed.location_parts) == (Kind.COMPLAINT, program, LOCATION)


# --- sloppy forms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NT#DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "nt#dki#Jkt Selatan#pancoran#rawajati#kartu hilang",
        "NT # DKI # Jkt Selatan # Pancoran # Rawajati # kartu hilang",
        "NT DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "NT##DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "NT#DKI##Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "NT#DKI#Jkt  Selatan#Pancoran#Rawajati#kartu hilang",
        "NT#DKI#Jkt\nSelatan#Pancoran#Rawajati\n#kartu hilang",
        "  \n\t NT#DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang \n ",
        "\u200b\"NT#DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "NT: DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang",
        "NT\nDKI\nJkt Selatan\nPancoran\nRawajati\nkartu hilang",
    ],
)
def test_it_forgives_case_spacing_doubled_or_missing_hashes_and_line_breaks(text):
    parsed = parse(text)

    typed = tuple(part.lower() for part in parsed.location_parts)  # kept as typed, case and all
    assert (parsed.kind, typed, parsed.body) == (Kind.COMPLAINT, tuple(p.lower() for p in LOCATION), "kartu hilang")


def test_the_complaint_text_may_contain_hashes():
    parsed = parse("NT#DKI#Jkt Selatan#Pancoran#Rawajati#saldo #0 padahal #sudah terdaftar")

    assert parsed.body == "saldo #0 padahal #sudah terdaftar"


def test_an_empty_field_is_a_level_left_out():
    parsed = parse("NT#Jatim#Kediri##Purwodadi#beras kurang")

    assert parsed.location_parts == ("Jatim", "Kediri", "", "Purwodadi")


def test_an_empty_province_right_after_the_keyword_is_left_out():
    parsed = parse("NT##Kediri#Ringin Rejo#Purwodadi#beras kurang")

    assert parsed.location_parts == ("", "Kediri", "Ringin Rejo", "Purwodadi")


def test_a_complaint_typed_into_the_desa_field_is_the_complaint():
    parsed = parse("NT#DKI#Jkt Selatan#Pancoran#Rawajati kartu saya hilang sejak bulan lalu")

    assert parsed.kind is Kind.COMPLAINT
    assert parsed.location_parts == ("DKI", "Jkt Selatan", "Pancoran", "")
    assert parsed.body == "Rawajati kartu saya hilang sejak bulan lalu"


# --- card numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"No.KKS {KKS} saldo kosong",
        "KKS: 3235 3864 7573 9456 saldo kosong",
        "kks 3235.3864.7573.9456 saldo kosong",
        "saldo kosong, kks no 3235-3864-7573-9456",
        f"nomor kartu saya {KKS}, saldo kosong",
        f"saldo kosong {KKS}",
    ],
)
def test_it_captures_the_kks_however_written(text):
    assert parse(f"NT#DKI#Jkt Selatan#Pancoran#Rawajati#{text}").kks == KKS


def test_it_captures_the_nik_when_labelled():
    parsed = parse(f"R#DKI#Jkt Selatan#Pancoran#Rawajati#NIK: {NIK}, KKS {KKS}, beras tidak dibagi")

    assert (parsed.nik, parsed.kks) == (NIK, KKS)


def test_a_bare_number_is_the_kks_and_a_labelled_one_the_nik():
    parsed = parse(f"NT#DKI#Jkt Selatan#Pancoran#Rawajati#nik {NIK} kartu {KKS}")

    assert (parsed.nik, parsed.kks) == (NIK, KKS)


def test_a_family_card_number_is_neither_kks_nor_nik():
    parsed = parse(f"NT#DKI#Jkt Selatan#Pancoran#Rawajati#No KK {NIK} kartu hilang")

    assert (parsed.kks, parsed.nik) == (None, None)


def test_a_bare_number_is_not_taken_as_kks_for_pkh():
    assert parse(f"PKH#DKI#Jkt Selatan#Pancoran#Rawajati#bantuan blm cair {KKS}").kks is None


def test_phone_numbers_and_longer_numbers_are_not_card_numbers():
    parsed = parse("NT#DKI#Jkt Selatan#Pancoran#Rawajati#hub 081234567890 atau 12345678901234567890")

    assert (parsed.kks, parsed.nik) == (None, None)


# --- CEK and SANGGAH -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["CEK 7KQ2M-X9RT4", "cek 7kq2m-x9rt4", "Cek 7KQ2MX9RT4", "CEK#7KQ2M X9RT4", " cek  7kq2m-x9rt4 tolong"])
def test_it_reads_a_status_check(text):
    assert parse(text) == ParsedSms(kind=Kind.CHECK, tracking_number="7KQ2M-X9RT4")


def test_a_tracking_number_of_another_shape_is_kept_as_typed():
    assert parse("CEK ab12-cd34").tracking_number == "AB12-CD34"


@pytest.mark.parametrize("text", ["SANGGAH 7KQ2M-X9RT4 Bantuan belum saya terima", "sanggah#7kq2mx9rt4#Bantuan belum saya terima"])
def test_it_reads_a_rebuttal(text):
    parsed = parse(text)

    assert (parsed.kind, parsed.tracking_number, parsed.body) == (Kind.REBUT, "7KQ2M-X9RT4", "Bantuan belum saya terima")


def test_a_rebuttal_without_its_reason_is_incomplete():
    parsed = parse("SANGGAH 7KQ2M-X9RT4")

    assert (parsed.kind, parsed.error, parsed.tracking_number) == (Kind.INVALID, ERROR_NO_TEXT, "7KQ2M-X9RT4")


@pytest.mark.parametrize("text", ["CEK", "cek  ", "SANGGAH saya tidak terima"])
def test_a_check_or_rebuttal_without_a_tracking_number_is_incomplete(text):
    parsed = parse(text)

    assert (parsed.kind, parsed.error) == (Kind.INVALID, ERROR_TOO_FEW_PARTS)


# --- what cannot be read -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", ERROR_EMPTY),
        ("   \n ", ERROR_EMPTY),
        ("Pak bantuan saya belum cair", ERROR_NO_KEYWORD),
        ("NTB#Bima#Sape#Sari#beras", ERROR_NO_KEYWORD),
        ("Rawajati#kartu hilang", ERROR_NO_KEYWORD),
        ("NT kartu saya hilang", ERROR_TOO_FEW_PARTS),
        ("NT#DKI#Jaksel#kartu hilang", ERROR_TOO_FEW_PARTS),
        ("NT#DKI#Jkt Selatan#Pancoran#Rawajati", ERROR_NO_TEXT),
        ("NT#DKI#Jkt Selatan#Pancoran#Rawajati#  ", ERROR_NO_TEXT),
    ],
)
def test_it_says_why_a_message_cannot_be_read(text, error):
    parsed = parse(text)

    assert (parsed.kind, parsed.error) == (Kind.INVALID, error)


# --- replies -------------------------------------------------------------------------------------

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€")
REPLIES = [FORMAT_HELP, FORMAT_HELP_RASTRA, FORMAT_HELP_PKH, CHECK_HELP, REBUT_HELP, KEYWORD_HELP, EMPTY_HELP, NO_TEXT_HELP]


@pytest.mark.parametrize("reply", REPLIES)
def test_every_reply_fits_one_gsm7_sms(reply):
    assert set(reply) <= GSM7_BASIC | GSM7_EXTENDED
    assert len(reply) + sum(ch in GSM7_EXTENDED for ch in reply) <= 160


def test_the_format_help_shows_the_format_and_an_example():
    assert FORMAT_HELP == (
        "Format: NT#Provinsi#Kab/Kota#Kecamatan#Desa#Isi pengaduan. "
        "Contoh: NT#Jawa Timur#Kediri#Ringinrejo#Purwodadi#Kartu KKS hilang"
    )


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", EMPTY_HELP),
        ("halo pak", KEYWORD_HELP),
        ("NT#DKI#Jkt Selatan#Pancoran#Rawajati", NO_TEXT_HELP),
        ("NT#DKI#kartu hilang", FORMAT_HELP),
        ("R#DKI#beras", FORMAT_HELP_BY_PROGRAM["rastra"]),
        ("PKH#DKI#bantuan", FORMAT_HELP_PKH),
        ("CEK", CHECK_HELP),
        ("SANGGAH 7KQ2M-X9RT4", REBUT_HELP),
        ("NT#DKI#Jkt Selatan#Pancoran#Rawajati#kartu hilang", None),
        ("CEK 7KQ2M-X9RT4", None),
    ],
)
def test_help_for_picks_the_reply_that_fits_the_mistake(text, reply):
    assert help_for(text) == reply
