"""/sms/gammu/: what deploy/gammu/aduan-runonreceive.sh posts for Gammu SMSD, replayed; and the script itself."""

import os
import subprocess
from pathlib import Path

import pytest

from aduan.core.models import Complaint
from aduan.intake.sms.gateways.gammu import GammuRequestError, parse_gammu_form
from aduan.intake.sms.models import InboundSms

from .conftest import PURWODADI
from .fixtures import basic, load

pytestmark = pytest.mark.usefixtures("sms_world")

SCRIPT = Path(__file__).resolve().parents[3] / "deploy" / "gammu" / "aduan-runonreceive.sh"
AUTH = basic("modem", "G4mmuPass")


@pytest.fixture(autouse=True)
def gateways(settings):
    settings.ADUAN_SMS_GATEWAYS = "gammu:modem:G4mmuPass"


def post(client, form: dict, auth: str | None = AUTH):
    return client.post("/sms/gammu/", form, **({"HTTP_AUTHORIZATION": auth} if auth else {}))


def test_one_sms_from_gammu_is_filed_and_the_reply_is_the_body(client):
    form = load("gammu/single.json")["form"]
    response = post(client, form)
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    complaint = Complaint.objects.get()
    assert complaint.region_id == PURWODADI and complaint.program.code == "rastra"
    assert complaint.tracking_number in response.content.decode()
    row = InboundSms.objects.get()
    assert (row.gateway, row.gateway_message_id, row.receiver) == ("gammu", form["id"], "modem-kediri")


def test_a_multipart_sms_is_one_complaint_with_the_whole_decoded_text(client):
    form = load("gammu/multipart.json")["form"]
    post(client, form)
    complaint = Complaint.objects.get()
    assert complaint.text.endswith("Mohon dibantu karena anak saya butuh makan.")
    assert complaint.reporter_kks == "3235386475739456"


def test_without_the_decoded_text_the_parts_are_joined():
    form = {k: v for k, v in load("gammu/multipart.json")["form"].items() if not k.startswith("DECODED")}
    assert parse_gammu_form(form).text == load("gammu/multipart.json")["form"]["DECODED_1_TEXT"]


def test_smsd_running_the_script_twice_files_once(client):
    form = load("gammu/single.json")["form"]
    assert post(client, form).content == post(client, form).content
    assert Complaint.objects.count() == 1


@pytest.mark.parametrize("auth", [None, basic("modem", "salah")])
def test_wrong_credentials_are_refused_before_reading(client, auth):
    assert post(client, load("gammu/single.json")["form"], auth=auth).status_code == 401
    assert not InboundSms.objects.exists()


@pytest.mark.parametrize("missing", ["id", "SMS_1_NUMBER"])
def test_a_form_without_id_or_sender_is_a_bad_request(client, missing):
    form = {k: v for k, v in load("gammu/single.json")["form"].items() if k != missing}
    assert post(client, form).status_code == 400
    with pytest.raises(GammuRequestError):
        parse_gammu_form(form)


@pytest.mark.django_db(transaction=True)
def test_the_runonreceive_script_posts_the_environment_and_injects_the_reply(live_server, tmp_path, sms_world):
    """The script as SMSD runs it: environment + ids as arguments; gammu-smsd-inject is a stand-in."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    injected = tmp_path / "injected"
    (bin_dir / "gammu-smsd-inject").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {injected}\n')
    (bin_dir / "gammu-smsd-inject").chmod(0o755)
    config = tmp_path / "aduan-gammu"
    config.write_text(f"ADUAN_URL={live_server.url}/sms/gammu/\nADUAN_GAMMU_USER=modem\nADUAN_GAMMU_PASSWORD=G4mmuPass\n")
    form = load("gammu/single.json")["form"]
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "ADUAN_GAMMU_CONFIG": str(config),
           **{k: v for k, v in form.items() if k != "id"}}
    result = subprocess.run(["sh", str(SCRIPT), form["id"]], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    complaint = Complaint.objects.get()
    assert InboundSms.objects.get().gateway_message_id == form["id"]
    command, to, flag, reply = injected.read_text().splitlines()
    assert (command, to, flag) == ("TEXT", "+6281234567890", "-text")
    assert complaint.tracking_number in reply
