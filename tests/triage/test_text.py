"""How a citizen's text becomes features: abbreviations written out, stems, concepts."""

from aduan.triage.text import features, words


def test_sms_abbreviations_are_written_out():
    assert words("sldo gk msk udh 3 bln") == ["saldo", "tidak", "masuk", "sudah", "bulan"]
    assert words("brs yg dtrm jelek") == ["beras", "yang", "diterima", "jelek"]


def test_a_blocked_card_reads_the_same_however_it_is_written():
    for text in ("kks ke blokir", "KKS keblokir!!", "kks diblokir", "kks terblokir"):
        assert "kks blokir" in features(text), text


def test_inflected_words_meet_at_their_stem_and_name_their_concept():
    found = features("Pencairan bantuannya terlambat, kartunya tertelan mesin")
    assert {"cair", "lambat", "kartu"} <= set(found)
    assert {"~payment", "~timing", "~card"} <= set(found)


def test_letters_typed_again_and_again_are_read_once():
    assert words("tolooong berasnya bauuu") == ["tolong", "berasnya", "bau"]


def test_a_question_is_marked():
    assert "~asks" in features("kapan saldo masuk?")
    assert "~asks" not in features("saldo belum masuk")
