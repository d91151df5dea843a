"""The `aduan` console command, run as a person would run it."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from aduan.accounts.models import ApiToken



def test_aduan_token_prints_a_token_that_authenticates(kediri_officer, capsys, client):
    call_command("token", "petugas-kediri")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("adb_")
    assert ApiToken.objects.authenticate(raw).user == kediri_officer
    response = client.get("/api/v1/complaints/ABCDE-FGHJK", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 404  # authenticated, just nothing there


def test_aduan_sweep_reports_what_it_did(world, capsys):
    call_command("sweep")
    assert "ditutup otomatis: 0" in capsys.readouterr().out


def test_the_console_script_dispatches_to_the_management_commands():
    env = {**os.environ, "ADUAN_TESTING": "1"}
    result = subprocess.run([sys.executable, "-m", "aduan.cli", "help"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    for command in ("sweep", "token", "resolve", "demo", "serve", "setup"):
        assert command in result.stdout


@pytest.mark.django_db
def test_regions_load_with_the_official_counts_and_a_second_run_adds_nothing():
    from aduan.regions.loader import load_regions
    from aduan.regions.models import Region

    assert load_regions() == {1: 38, 2: 514, 3: 7285, 4: 83762}
    assert load_regions() == {1: 38, 2: 514, 3: 7285, 4: 83762}
    kediri = Region.objects.get(code="35.06")
    assert (kediri.name, kediri.kind, kediri.parent_id, kediri.timezone) == ("Kabupaten Kediri", "kabupaten", "35", "Asia/Jakarta")
    assert Region.objects.get(code="91.71").timezone == "Asia/Jayapura"
    assert Region.objects.get(code="73.71").timezone == "Asia/Makassar"
    assert Region.objects.get(code="35.06.10.2005").parent.parent_id == "35.06"


def test_aduan_token_can_limit_a_token_to_scopes(kediri_officer, capsys):
    call_command("token", "petugas-kediri", "--scope", "complaints:read")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.objects.authenticate(raw).scopes == ["complaints:read"]
    with pytest.raises(Exception, match="tidak dikenal|unknown|Unknown"):
        call_command("token", "petugas-kediri", "--scope", "semua")
