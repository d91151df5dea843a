"""Scale-out on Redis: two app servers and two RQ workers on one database and one Redis file
complaints through the API — some of them retried at the other server, as a client does after a
lost answer — and every complaint is stored once and its reporter acknowledged exactly once."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.support.net import free_port, wait_for_port
from tests.support.redis import redis_url  # noqa: F401 -- the fixture

pytestmark = pytest.mark.redis
COMPLAINTS = 24
RETRIED = 8
ADUAN = str(Path(sys.executable).with_name("aduan"))


def run(env, *args, check=True) -> str:
    """The last line a command printed (`aduan shell` first says what it imported)."""
    out = subprocess.run([ADUAN, *args], env=env, capture_output=True, text=True, check=check, timeout=120).stdout
    return out.strip().splitlines()[-1] if out.strip() else ""


def file(base: str, token: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(f"{base}/api/v1/complaints", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())


@pytest.fixture
def deployment(tmp_path, redis_url):  # noqa: F811
    env = {**os.environ, "ADUAN_DEMO": "1", "ADUAN_VAR_DIR": str(tmp_path), "ADUAN_TASKS_BACKEND": "rq",
           "ADUAN_REDIS_URL": redis_url, "ADUAN_LOG_LEVEL": "WARNING"}
    env.pop("ADUAN_TESTING", None)
    # The PostgreSQL run hands us its cluster's own database (pytest uses test_aduan); otherwise SQLite.
    for step in (["migrate", "-v", "0"], ["createcachetable"], ["seed_taxonomy"], ["seed_units"]):
        run(env, *step)
    run(env, "shell", "-c", (
        "from django.contrib.auth import get_user_model; from aduan.organisation.models import Membership, Unit;"
        "u, _ = get_user_model().objects.get_or_create(username='loket-skala');"
        "Membership.objects.get_or_create(user=u, unit=Unit.objects.get(code='admin-utama'), role='front_office')"))
    token = run(env, "token", "loket-skala").strip()
    processes, ports = [], [free_port(), free_port()]
    try:
        for port in ports:
            processes.append(subprocess.Popen([ADUAN, "serve", "--port", str(port), "--workers", "2"], env=env,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(2):
            processes.append(subprocess.Popen([ADUAN, "worker"], env=env, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
        for port in ports:
            wait_for_port(port)
        yield {"env": env, "token": token, "servers": [f"http://127.0.0.1:{p}" for p in ports], "mail": tmp_path / "mail"}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def test_two_servers_and_two_workers_file_and_answer_each_complaint_once(deployment):
    run_id = uuid.uuid4().hex[:8]
    servers, token = deployment["servers"], deployment["token"]
    numbers = {}
    for i in range(COMPLAINTS):
        body = {"program": "bpnt", "channel": "email", "text": f"Saldo kosong ({i}).", "external_id": f"{run_id}-{i}",
                "reporter": {"name": "Warga", "email": f"warga{i}.{run_id}@contoh.id"}}
        status, first = file(servers[i % 2], token, body)
        assert status == 201
        numbers[i] = first["tracking_number"]
        if i < RETRIED:  # the client lost the answer and sends it again, to the other server
            status, again = file(servers[(i + 1) % 2], token, body)
            assert status == 200 and again["tracking_number"] == numbers[i]

    def sent() -> int:
        return int(run(deployment["env"], "shell", "-c", (
            "from aduan.notifications.models import Notification;"
            f"print(Notification.objects.filter(recipient__contains='.{run_id}@', status='sent').count())")).strip())

    deadline = time.monotonic() + 90
    while sent() < COMPLAINTS and time.monotonic() < deadline:
        time.sleep(0.5)
    assert sent() == COMPLAINTS

    mails = "".join(p.read_text() for p in deployment["mail"].glob("*.log"))
    for i in range(COMPLAINTS):
        recipient = f"warga{i}.{run_id}@contoh.id"
        assert len(re.findall(rf"^To: {re.escape(recipient)}$", mails, flags=re.M)) == 1, recipient
    stored = run(deployment["env"], "shell", "-c", (
        "from aduan.core.models import Complaint;"
        f"print(Complaint.objects.filter(external_id__contains=':{run_id}-').count())")).strip()
    assert int(stored) == COMPLAINTS
