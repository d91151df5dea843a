"""What triage suggests for one text, and where it says "perlu diperiksa" instead."""

import json

import pytest
from django.core.management import call_command

from aduan.taxonomy.seed import seed_taxonomy
from aduan.triage.suggestions import Suggestion, suggest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def taxonomy(db):
    seed_taxonomy()


def test_an_empty_balance_on_the_card_is_the_banks():
    s = suggest("saldo kosong", "bpnt")
    assert (s.program, s.category_type, s.topic, s.authority, s.severity) == ("bpnt", "keluhan", "bpnt-3", "bank", "sedang")
    assert s.confidence >= 0.8


def test_an_abbreviated_sms_without_its_program_still_finds_it():
    s = suggest("sldo gk msk udh 3 bln, kks bri")
    assert (s.program, s.topic, s.authority) == ("bpnt", "bpnt-3", "bank")


def test_bad_rice_from_rastra_goes_to_bulog_and_a_levy_is_berat():
    assert (suggest("beras rastra bau apek dan berkutu").authority) == "bulog"
    levy = suggest("kami disuruh bayar tebus 20 ribu untuk ambil rastra", "rastra")
    assert (levy.topic, levy.severity) == ("rastra-3", "berat")


def test_the_program_the_channel_said_bounds_the_topic():
    s = suggest("pkh tahap 3 belum cair di kantor pos", "pkh")
    assert (s.topic, s.authority) == ("pkh-4", "pos")
    assert suggest("pkh tahap 3 belum cair di kantor pos", "bpnt").topic in (None, *(f"bpnt-{n}" for n in range(1, 8)))


def test_a_thank_you_is_an_aspirasi_without_a_topic():
    s = suggest("terima kasih atas bantuan sembako, sangat membantu keluarga kami", "bpnt")
    assert (s.category_type, s.topic, s.severity) == ("aspirasi", None, "ringan")


def test_a_text_it_knows_nothing_of_is_left_to_an_officer():
    s = suggest("halo selamat pagi", "bpnt")
    assert s.is_empty and (s.program, s.severity, s.authority) == ("bpnt", None, None)
    assert suggest("qwerty zxcv", "bpnt") == Suggestion(program="bpnt")  # not one word the model knows


def test_an_inactive_topic_is_never_suggested():
    from aduan.taxonomy.models import Topic
    Topic.objects.filter(code="bpnt-3").update(is_active=False)
    assert suggest("saldo kosong", "bpnt").topic is None


def test_the_command_prints_the_suggestion_as_json(capsys):
    call_command("triage", "kks ke blokir krn salah pin", "--program", "bpnt", "--json")
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"program", "category_type", "topic", "severity", "authority", "confidence"}
    assert (out["topic"], out["authority"]) == ("bpnt-3", "bank")
