"""The server as `aduan serve` runs it (gunicorn): no Server banner naming the software, and an
access log that keeps the method and path but never the query string, where api_key, searches and
tracking numbers travel."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.net import free_port, wait_for_port


@pytest.fixture
def served(tmp_path):
    port = free_port()
    log = tmp_path / "access.log"
    env = {**os.environ, "ADUAN_DEMO": "1", "ADUAN_VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("ADUAN_TESTING", None)
    aduan = Path(sys.executable).with_name("aduan")
    with log.open("w") as out:
        process = subprocess.Popen([str(aduan), "serve", "--port", str(port), "--workers", "1"], env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port)
            yield f"http://127.0.0.1:{port}", log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_no_banner_and_no_query_string_in_the_access_log(served):
    base, log = served
    with urllib.request.urlopen(f"{base}/open311/v2/discovery.json?api_key=adb_secret123&q=3506104501800001") as response:
        assert response.status == 200
        assert not response.headers.get("Server")
        assert "no-store" in response.headers["Cache-Control"]
    time.sleep(0.3)
    logged = log.read_text()
    assert "/open311/v2/discovery.json" in logged
    assert "adb_secret123" not in logged and "3506104501800001" not in logged
