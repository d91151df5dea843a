"""`aduan sms --from NUMBER "TEXT" [--json]`: the same pipeline as the gateways, from a terminal."""

import json

import pytest
from django.core.management import call_command

from aduan.core.models import Complaint
from aduan.intake.sms.models import InboundSms

from .conftest import PURWODADI, KEDIRI_SMS

pytestmark = pytest.mark.usefixtures("sms_world")


def run(capsys, *args) -> str:
    call_command("sms", *args)
    return capsys.readouterr().out.strip()


def test_it_prints_the_outcome_as_json(capsys):
    out = json.loads(run(capsys, "--from", "081234567890", KEDIRI_SMS, "--json"))
    complaint = Complaint.objects.get()
    assert out == {"reply": out["reply"], "tracking_number": complaint.tracking_number, "location_code": PURWODADI,
                   "needs_review": False, "outcome": "filed"}
    assert complaint.tracking_number in out["reply"]
    assert InboundSms.objects.get().gateway == "cli"


def test_an_unknown_place_gives_the_code_as_deep_as_resolved_and_asks_for_review(capsys):
    out = json.loads(run(capsys, "--from", "081234567890", "NT#Jatim#Kediri#Ringinrejo#Xyzzy#Saldo kosong", "--json"))
    assert out["location_code"] == "35.06.23" and out["needs_review"] is True and out["tracking_number"]


def test_not_understood_gives_nulls(capsys):
    out = json.loads(run(capsys, "--from", "081234567890", "halo", "--json"))
    assert out["tracking_number"] is None and out["location_code"] is None and out["needs_review"] is False
    assert out["outcome"] == "invalid"


def test_without_json_it_prints_the_reply(capsys):
    out = run(capsys, "--from", "081234567890", KEDIRI_SMS)
    assert out == InboundSms.objects.get().reply


def test_the_same_id_twice_files_once(capsys):
    first = run(capsys, "--from", "081234567890", KEDIRI_SMS, "--id", "cli-1")
    assert run(capsys, "--from", "081234567890", KEDIRI_SMS, "--id", "cli-1") == first
    assert Complaint.objects.count() == 1
