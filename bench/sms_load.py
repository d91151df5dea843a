"""SMS to 1708 through a real Kannel under load, with and without faults.

    fakesmsc → bearerbox → smsbox → POST /sms/kannel/ (gunicorn, 2 workers) → the reply back to fakesmsc

`run_load` sends N SMS from many senders and counts, at fakesmsc, the answers each sender got; it
then checks the database: every SMS stored once, every complaint with one register number and one
first event, nothing left pending or queued. With `faults=True` it kills one app worker and the
task worker with SIGKILL and restarts PostgreSQL (immediate mode, as a crash) in the middle, and
afterwards replays a share of the messages as a gateway retry (same Kannel id) straight to the app.

`stub_ceiling` is the same Kannel against a bare HTTP stub that answers every SMS at once: what the
gateway itself sustains on this machine, the denominator of the SMS goal. `django_floor` is the
same Kannel against bare Django storing each SMS with one INSERT (bench/sms_floor.py).

Used by `make chaos` (bench/chaos.py), `make bench` (section sms_kannel) and the short fault test
in the suite (tests/test_chaos.py). Needs Kannel (kannel, kannel-extras) and, for RQ, redis-server.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.kannel import KannelHarness
from tests.support.net import free_port, wait_for_port
from tests.support.redis import running_redis

MO_USER, MO_PASSWORD = "kannel", "chaos-mo-secret"
# As deploy/kannel/kannel.conf.example: smsbox waits 30 s for an answer and retries a request the
# app could not answer (a killed worker, the database away) with the same message id; the app must
# answer each id once and file it once. The fault runs retry more often and sooner.
LOAD_SMSBOX = {"http-timeout": 30, "http-request-retry": 3, "http-queue-delay": 10}
FAULT_SMSBOX = {"http-timeout": 30, "http-request-retry": 30, "http-queue-delay": 1}
GATEWAY_FAILURE = "gangguan"  # Kannel's own "could not fetch" answer (tests/support/kannel.py)
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figures:
    sent: int = 0
    stored: int = 0
    answered: int = 0
    duplicates: int = 0  # a second answer, a second complaint, a second register number or event
    lost: int = 0  # sent but never stored, or never answered, or answered only by Kannel's apology
    server_errors: int = 0  # 5xx answers the app gave: 503 with Retry-After while the database was away
    tracebacks: int = 0  # of those, 500s: an error page instead of "come back later"
    retries_replayed: int = 0
    retries_answered_alike: int = 0
    complaints: int = 0
    left_queued: int = 0
    worker_peak_mb: float = 0.0  # the largest peak RSS of the app workers alive at the end
    seconds: float = 0.0
    rate: float = 0.0  # SMS answered per second, first sent to last answered
    faults: list[str] = field(default_factory=list)

    def line(self) -> str:
        return ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in asdict(self).items())


# fakesmsc's templates, one drawn at random per SMS, with random digits appended to the sender and
# to the text (tests/support/kannel.py, `generate`): complaints in the SMS format, each text its own
# (so none is the 24-hour "same SMS again"), a CEK now and then, and a few nobody can read.
TEMPLATES = (
    *["0812 1708 text NT#Jawa Timur#Kediri#Pare#Tulungrejo#saldo KKS kosong sudah 2 bulan nomor"] * 8,
    "0813 1708 text PKH#Jawa Timur#Kediri#Pare#Pare#bantuan PKH tahap ini belum cair kode",
    "0857 1708 text CEK ABCDE-2345",
    "0878 1708 text halo pak ini soal bantuan",
)


# --- the processes -----------------------------------------------------------------------------------


class AppServer:
    """gunicorn with the project's WSGI app, as aduan serve runs it, on one free loopback port."""

    def __init__(self, env: dict[str, str], work: Path, workers: int = 2, app: str = "aduan.wsgi:application"):
        self.port = free_port()
        self.access_log = work / "access.log"
        self.error_log = work / "gunicorn.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", app, "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "60", "--access-logfile", str(self.access_log),
             "--access-logformat", "%(s)s", "--error-logfile", str(self.error_log)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout=60)

    @property
    def url(self) -> str:
        return f"http://{MO_USER}:{MO_PASSWORD}@127.0.0.1:{self.port}/sms/kannel/"

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def kill_one_worker(self) -> int:
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def peak_mb(self) -> float:
        peaks = [0.0]
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return max(peaks)

    def statuses(self) -> Counter:
        if not self.access_log.exists():
            return Counter()
        return Counter(line.strip() for line in self.access_log.read_text().splitlines() if line.strip())

    def stop(self) -> None:
        _stop(self.process)


class TaskWorker:
    def __init__(self, env: dict[str, str]):
        self.env = env
        self.process = self._start()

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "aduan.cli", "worker"], cwd=ROOT, env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill_and_restart(self) -> int:
        pid = self.process.pid
        self.process.kill()
        self.process.wait()
        self.process = self._start()
        return pid

    def stop(self) -> None:
        _stop(self.process)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


class _StubServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 2048  # as gunicorn's backlog: smsbox opens hundreds of connections at once


class _Stub(BaseHTTPRequestHandler):
    """Answers every SMS at once: the gateway's own ceiling."""

    protocol_version = "HTTP/1.1"  # keep-alive, as smsbox expects

    def do_POST(self):  # noqa: N802 -- http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"Terima kasih, pengaduan Anda kami terima."
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


# --- the runs ------------------------------------------------------------------------------------------


def app_env(database_url: str, work: Path, backend: str = "db", redis_url: str = "") -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "aduan.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "chaos-secret-key-not-for-production-0123456789abcdef",
        "ADUAN_VAR_DIR": str(work / "var"),
        "ADUAN_SMS_GATEWAYS": f"kannel:{MO_USER}:{MO_PASSWORD}",
        "ADUAN_TASKS_BACKEND": backend,
        "ADUAN_LOG_LEVEL": "WARNING",
        # Each worker builds the region index before it takes its first request.
        "ADUAN_WARM_RESOLVER": "sync",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("ADUAN_TESTING", None)
    if redis_url:
        env["ADUAN_REDIS_URL"] = redis_url
    return env


def _wait_for_answers(kannel: KannelHarness, expected: int, timeout: float, quiet: float = 15) -> float:
    """The moment the last answer arrived: all of them, or none for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    seen, last = 0, time.monotonic()
    while time.monotonic() < deadline and seen < expected and time.monotonic() - last < quiet:
        time.sleep(0.05)
        if (now_seen := len(kannel.messages())) > seen:
            seen, last = now_seen, time.monotonic()
    return last


def stub_ceiling(work: Path, count: int) -> Figures:
    """The same Kannel against a bare stub: SMS answered per second."""
    server = _StubServer(("127.0.0.1", 0), _Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        answered, seconds = _answered_in(f"http://127.0.0.1:{server.server_address[1]}/", work / "kannel-stub", count)
    finally:
        server.shutdown()
    return Figures(sent=count, answered=answered, seconds=seconds, rate=answered / seconds)


def _answered_in(url: str, directory: Path, count: int) -> tuple[int, float]:
    """Kannel generating `count` SMS at full speed for `url`: how many were answered, in how many seconds."""
    with KannelHarness(url, directory, log_level=2, smsbox_options=LOAD_SMSBOX, generate=(count, TEMPLATES)) as kannel:
        started = time.monotonic()
        finished = _wait_for_answers(kannel, count, timeout=120)
        return len(kannel.messages()), finished - started


def django_floor(*, database_url: str, work: Path, count: int) -> Figures:
    """Bare Django behind the same Kannel (bench/sms_floor.py): one INSERT per SMS, SMS answered per second."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS bench_sms_floor (id bigserial PRIMARY KEY, sender text, text text)")
        connection.execute("TRUNCATE bench_sms_floor")
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    work.mkdir(parents=True, exist_ok=True)
    server = AppServer(env, work, app="bench.sms_floor:application")
    try:
        answered, seconds = _answered_in(server.url, work / "kannel-floor", count)
    finally:
        server.stop()
    with psycopg.connect(database_url) as connection:
        stored = connection.execute("SELECT count(*) FROM bench_sms_floor").fetchone()[0]
    return Figures(sent=count, stored=stored, answered=answered, seconds=seconds, rate=answered / seconds)


def run_load(*, database_url: str, work: Path, count: int, faults: bool, backend: str = "db",
             answer_timeout: float = 180, log=print) -> Figures:
    """The app behind Kannel; the database must be migrated and set up (`aduan setup --no-demo`)."""
    work.mkdir(parents=True, exist_ok=True)
    with running_redis(work) if backend == "rq" else contextlib.nullcontext("") as redis_url:
        return _run_load(database_url, work, count, faults, backend, redis_url, answer_timeout, log)


def _run_load(database_url, work, count, faults, backend, redis_url, answer_timeout, log) -> Figures:
    from django.db import connection
    from django.utils import timezone

    env = app_env(database_url, work, backend, redis_url)
    app = AppServer(env, work)
    worker = TaskWorker(env)
    figures = Figures(sent=count)
    # While the app answers, at these shares of the answers: kill -9 an app worker, kill -9 the
    # task worker (and start another, as systemd would), restart PostgreSQL.
    plan = [(0.3, "worker"), (0.5, "task"), (0.6, "database")] if faults else []
    try:
        _warm(app)
        since = timezone.now() - timezone.timedelta(seconds=1)
        with KannelHarness(app.url, work / "kannel", log_level=2, generate=(count, TEMPLATES),
                           smsbox_options=FAULT_SMSBOX if faults else LOAD_SMSBOX) as kannel:
            started = time.monotonic()
            deadline = started + answer_timeout
            while len(kannel.messages()) < count and time.monotonic() < deadline:
                if plan and len(kannel.messages()) >= plan[0][0] * count:
                    _, what = plan.pop(0)
                    if what == "worker":
                        figures.faults.append(f"kill -9 app worker {app.kill_one_worker()}")
                    elif what == "task":
                        figures.faults.append(f"kill -9 task worker {worker.kill_and_restart()}")
                    else:
                        connection.close()
                        subprocess.run([os.environ["ADUAN_PG_RESTART"]], check=True)
                        figures.faults.append("PostgreSQL restarted")
                    log(f"# {figures.faults[-1]} after {len(kannel.messages())} answers")
                time.sleep(0.05)
            figures.seconds = time.monotonic() - started
            time.sleep(2 if faults else 0.5)  # an answer too many would arrive now
            answers = kannel.messages()
            if kannel.forwarded < count:
                figures.faults.append(f"fakesmsc sent only {kannel.forwarded}")
        _count_answers(figures, answers, since)
        figures.rate = figures.answered / figures.seconds if figures.seconds else 0.0
        if faults:
            _replay_retries(figures, app, since)
        _drain(env)
        _check_database(figures, since)
        figures.worker_peak_mb = app.peak_mb()
        statuses = app.statuses()
        figures.server_errors = sum(n for status, n in statuses.items() if status.startswith("5"))
        figures.tracebacks = statuses["500"]
    finally:
        worker.stop()
        app.stop()
    return figures


def _warm(app: AppServer) -> None:
    """Until the workers have built the region index and answer (ADUAN_WARM_RESOLVER=sync)."""
    for _ in range(4):
        urllib.request.urlopen(f"http://127.0.0.1:{app.port}/", timeout=120).read()


def _inbound(since):
    from aduan.intake.sms.models import InboundSms

    return InboundSms.objects.filter(gateway="kannel", created_at__gte=since)


def _count_answers(figures: Figures, answers, since) -> None:
    """Every stored SMS answered once, sender by sender: what fakesmsc got against what was stored."""
    from django.db import connection
    from django.db.models import Count

    from aduan.intake.sms.pipeline import normalize_sender

    connection.close()  # a fresh connection after the restart
    stored_by = Counter({row["sender"]: row["n"] for row in _inbound(since).values("sender").annotate(n=Count("pk"))})
    answered_by = Counter(normalize_sender(a.receiver) for a in answers if GATEWAY_FAILURE not in a.text)
    apologies = sum(1 for a in answers if GATEWAY_FAILURE in a.text)
    figures.answered = sum(min(answered_by[s], n) for s, n in stored_by.items())
    figures.duplicates += sum(max(answered_by[s] - stored_by[s], 0) for s in answered_by)
    figures.lost += sum(max(n - answered_by[s], 0) for s, n in stored_by.items())
    if apologies:
        figures.faults.append(f"{apologies} answered by Kannel's apology (the app never answered)")
    busy = sum(1 for a in answers if "sibuk" in a.text)
    if busy:
        figures.faults.append(f"{busy} answered with the 503 text")
    for sender in sorted(set(stored_by) | set(answered_by)):
        if stored_by[sender] != answered_by[sender] and len(figures.faults) < 10:
            figures.faults.append(f"{sender}: {stored_by[sender]} stored, {answered_by[sender]} answered")


def _replay_retries(figures: Figures, app: AppServer, since, share: int = 50) -> None:
    """A gateway that retries: one stored SMS in `share` is posted again with its Kannel id; the
    answer must be the one given the first time, and nothing is filed again."""
    auth = "Basic " + base64.b64encode(f"{MO_USER}:{MO_PASSWORD}".encode()).decode()
    for sms in list(_inbound(since).order_by("pk"))[::share]:
        query = urllib.parse.urlencode({"id": sms.gateway_message_id, "from": sms.sender, "to": "1708",
                                        "time": int(sms.received_at.timestamp()), "smsc": "fake", "coding": 0,
                                        "charset": "UTF-8"})
        request = urllib.request.Request(f"http://127.0.0.1:{app.port}/sms/kannel/?{query}", data=sms.text.encode(),
                                         headers={"Authorization": auth, "Content-Type": "text/plain; charset=utf-8"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = response.read().decode()
        figures.retries_replayed += 1
        figures.retries_answered_alike += answer == sms.reply
        if answer != sms.reply:
            figures.faults.append(f"replayed {sms.gateway_message_id} ({sms.outcome}): {sms.reply[:30]!r} then {answer[:30]!r}")


def _drain(env: dict[str, str]) -> None:
    """What the task worker still has queued is worked through, as the next minute would."""
    subprocess.run([sys.executable, "-m", "aduan.cli", "worker", "--burst"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def _check_database(figures: Figures, since) -> None:
    from django.db.models import Count

    from aduan.core.enums import EventKind
    from aduan.core.models import Complaint, Event
    from aduan.intake.sms.models import Outcome
    from aduan.notifications.models import DeliveryStatus, Notification

    inbound = _inbound(since)
    ids = [f"sms:kannel:{i}" for i in inbound.values_list("gateway_message_id", flat=True)]
    complaints = Complaint.objects.filter(external_id__in=ids)
    figures.stored = inbound.count()
    figures.lost += max(figures.sent - figures.stored, 0)
    figures.duplicates += max(figures.stored - figures.sent, 0)
    figures.complaints = complaints.count()
    registers = complaints.values("receiving_unit", "register_year", "register_seq").distinct().count()
    figures.duplicates += figures.complaints - registers
    firsts = (Event.objects.filter(kind=EventKind.RECEIVED, complaint__in=complaints)
              .values("complaint").annotate(n=Count("pk")))
    figures.duplicates += sum(row["n"] - 1 for row in firsts if row["n"] > 1)
    figures.lost += figures.complaints - len(firsts)
    filed = inbound.filter(outcome=Outcome.FILED).count()
    figures.lost += filed - figures.complaints  # an SMS told "filed" whose complaint is missing
    for sms in inbound.filter(outcome=Outcome.PENDING)[:5]:
        figures.faults.append(f"pending: {sms.sender} {sms.text[:40]!r} {sms.created_at:%H:%M:%S.%f}")
    figures.left_queued = (inbound.filter(outcome=Outcome.PENDING).count()
                           + Notification.objects.filter(status=DeliveryStatus.QUEUED, complaint__in=complaints).count())
