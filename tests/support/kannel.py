"""A real Kannel (Debian's bearerbox, smsbox and fakesmsc) on loopback, for the SMS tests.

    with running_kannel("http://127.0.0.1:8000/sms/kannel/", tmp_path) as kannel:
        kannel.send("081234567890", "BPNT#belum cair")        # an SMS to 1708
        reply = kannel.wait_for_reply(to="081234567890")     # what the app answered
        urlopen(kannel.sendsms_url(to="081234567890", text="Halo"))   # an SMS from the app

fakesmsc plays the operator's SMS centre: what we write to its stdin is a mobile-originated
SMS, and every mobile-terminated SMS it gets from bearerbox is logged as
``Got message N: <from to type data>``, which a reader thread collects. Every process runs under
``setpriv --pdeathsig KILL`` so that none outlives the test run, even when pytest is killed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from aduan.intake.sms.gateways.kannel_dialect import KANNEL_POST_URL_QUERY, build_sendsms_url

BEARERBOX = os.environ.get("ADUAN_BEARERBOX", "/usr/sbin/bearerbox")
SMSBOX = os.environ.get("ADUAN_SMSBOX", "/usr/sbin/smsbox")
FAKESMSC = os.environ.get("ADUAN_FAKESMSC", "/usr/lib/kannel/test/fakesmsc")
SKIP_REASON = "Kannel is not installed: apt-get install kannel kannel-extras"

SHORT_CODE = "1708"
HOST = "127.0.0.1"
SENDSMS_USER = "aduan"
SENDSMS_PASSWORD = "kannel-test-secret"
ADMIN_PASSWORD = "kannel-test-admin"

# fakesmsc reads stdin with fgets() into 256 bytes: a longer line would be cut into two SMS.
_FAKESMSC_LINE_MAX = 255
_GOT_MESSAGE = re.compile(r"Got message \d+: <(.*)>\s*$")
_SENT_MESSAGE = re.compile(r"fakesmsc: sent message (\d+)")
_FAKESMSC_KINDS = {"text", "data", "ucs-2", "ucs2", "udh", "udh-data", "udh-text", "route", "dlr-mask"}
_START_TIMEOUT = 15.0
_STOP_GRACE = 5.0


class KannelError(AssertionError):
    """Kannel did not do what the test expected; the message carries the tails of its logs."""


@dataclass(frozen=True)
class FakeSmscMessage:
    """One SMS that reached the fake SMS centre (Kannel sending towards a phone)."""

    sender: str
    receiver: str
    text: str
    kind: str  # text, ucs-2, data or udh, as fakesmsc prints it
    raw: str


def kannel_installed() -> bool:
    return all(os.access(path, os.X_OK) for path in (BEARERBOX, SMSBOX, FAKESMSC))


class KannelHarness:
    """bearerbox + smsbox + fakesmsc, configured to deliver SMS to ``app_url`` by POST."""

    def __init__(self, app_url: str, tmp_dir: Path, *, short_code: str = SHORT_CODE,
                 smsbox_options: dict[str, str | int] | None = None, log_level: int = 0,
                 generate: tuple[int, tuple[str, ...]] | None = None):
        self.app_url = app_url
        # (count, templates): fakesmsc itself sends `count` SMS as fast as bearerbox takes them,
        # each a random one of the templates ("sender receiver text words…") with random digits
        # appended to its sender and its text (-z 5), instead of reading them from `send`. The load
        # runs (bench/sms_load.py) use it: `send` waits for each line and tops out near 40 a second.
        self.generate = generate
        # 0 (debug) for the tests, whose failures print the logs' tails; the load runs log less.
        self.log_level = log_level
        # Extra smsbox settings, e.g. {"http-request-retry": 5} for the fault runs (bench/sms_load.py).
        self.smsbox_options = smsbox_options or {}
        self.dir = Path(tmp_dir)
        self.short_code = short_code
        self.sendsms_user = SENDSMS_USER
        self.sendsms_password = SENDSMS_PASSWORD
        self._processes: dict[str, subprocess.Popen] = {}
        self._messages: list[FakeSmscMessage] = []
        self._seen = 0
        self._injected = 0  # lines written to fakesmsc
        self._forwarded = 0  # lines fakesmsc says it sent to bearerbox
        self._condition = threading.Condition()
        self._reader: threading.Thread | None = None
        self.ports: dict[str, int] = {}

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> KannelHarness:
        if not kannel_installed():
            import pytest

            pytest.skip(SKIP_REASON)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.ports = _free_ports("admin", "smsbox", "smsc", "sendsms")
        self.config_path = self.dir / "kannel.conf"
        self.config_path.write_text(self._config())
        try:
            self._spawn("bearerbox", [BEARERBOX, str(self.config_path)])
            self._wait_for_port("admin")
            self._wait_for_port("smsbox")
            self._wait_for_port("smsc")
            self._spawn("smsbox", [SMSBOX, str(self.config_path)])
            self._wait_for_port("sendsms")
            self._wait_for_status("smsbox:", "smsbox connected to bearerbox")
            self._start_fakesmsc()
            self._wait_for_status("online", "fakesmsc connected to bearerbox", section="SMSC connections")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """SIGTERM everything, SIGKILL what is still alive after a grace period."""
        order = ["fakesmsc", "smsbox", "bearerbox"]
        running = [self._processes[name] for name in order if name in self._processes]
        for process in running:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + _STOP_GRACE
        for process in running:
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for process in running:
            for stream in (process.stdin, process.stdout):
                if stream:
                    with contextlib.suppress(OSError):
                        stream.close()
        self._processes.clear()
        if self._reader:
            self._reader.join(timeout=2)

    def __enter__(self) -> KannelHarness:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # --- mobile-originated: a citizen sends an SMS ---------------------------------------------
    def send(self, sender: str, text: str, *, receiver: str | None = None) -> None:
        """Inject one SMS from ``sender`` to the short code, as the operator would deliver it."""
        receiver = receiver or self.short_code
        if "\n" in text or "\r" in text:
            # A line of fakesmsc's protocol cannot hold a newline: send it as urlcoded UCS-2.
            data = urllib.parse.quote(text.encode("utf-16-be"), safe="")
            line = f"{sender} {receiver} ucs2 {data}\n"
        else:
            line = f"{sender} {receiver} text {text}\n"
        encoded = line.encode("utf-8")
        if len(encoded) > _FAKESMSC_LINE_MAX:
            raise ValueError(f"fakesmsc takes lines of at most {_FAKESMSC_LINE_MAX} bytes: {line!r}")
        process = self._processes.get("fakesmsc")
        if process is None or process.poll() is not None:
            raise KannelError("fakesmsc is not running\n" + self.logs_tail())
        # fakesmsc select()s on stdin and then fgets() through stdio: two lines that arrive in
        # one read() leave the second in stdio's buffer until more input comes. So write one
        # line at a time and wait until fakesmsc reports it sent.
        with self._condition:
            self._injected += 1
            process.stdin.write(encoded)
            process.stdin.flush()
            if not self._condition.wait_for(lambda: self._forwarded >= self._injected, timeout=10):
                raise KannelError(f"fakesmsc did not take the SMS {line!r}\n" + self.logs_tail())

    @property
    def forwarded(self) -> int:
        """How many SMS fakesmsc has handed to bearerbox so far."""
        with self._condition:
            return self._forwarded

    # --- mobile-terminated: what reached the fake SMS centre ------------------------------------
    def messages(self) -> list[FakeSmscMessage]:
        """Every SMS the fake SMS centre received so far, oldest first."""
        with self._condition:
            return list(self._messages)

    def replies(self, timeout: float = 0.0) -> list[str]:
        """Texts of the SMS received since the last call (waiting up to ``timeout`` for one)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self._messages) == self._seen and time.monotonic() < deadline:
                self._condition.wait(timeout=max(0.0, deadline - time.monotonic()))
            new = self._messages[self._seen :]
            self._seen = len(self._messages)
        return [message.text for message in new]

    def wait_for_reply(self, to: str, contains: str | None = None, timeout: float = 15.0) -> FakeSmscMessage:
        """The first SMS to ``to`` (containing ``contains``) the SMS centre got; waits for it."""

        def matches(message: FakeSmscMessage) -> bool:
            return message.receiver == to and (contains is None or contains in message.text)

        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                found = next((m for m in self._messages if matches(m)), None)
                if found:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._condition.wait(timeout=remaining)
            seen = "\n".join(m.raw for m in self._messages) or "(none)"
        wanted = f"an SMS to {to}" + (f" containing {contains!r}" if contains else "")
        raise KannelError(
            f"No {wanted} within {timeout:.0f}s. The SMS centre got:\n{seen}\n" + self.logs_tail()
        )

    # --- outbound through smsbox's sendsms interface ----------------------------------------------
    @property
    def sendsms_base(self) -> str:
        return f"http://{HOST}:{self.ports['sendsms']}/cgi-bin/sendsms"

    def sendsms_url(self, to: str, text: str, *, dlr_url: str | None = None, sender: str | None = None,
                    **extra) -> str:
        return build_sendsms_url(
            self.sendsms_base, self.sendsms_user, self.sendsms_password, to, text,
            dlr_url, sender or self.short_code, **extra,
        )

    def sendsms(self, to: str, text: str, **kwargs) -> tuple[int, str]:
        """Send one SMS through smsbox; returns smsbox's HTTP status and body."""
        try:
            with urllib.request.urlopen(self.sendsms_url(to, text, **kwargs), timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    # --- diagnostics -------------------------------------------------------------------------------
    def logs_tail(self, lines: int = 25) -> str:
        parts = []
        for name in ("bearerbox.log", "smsbox.log", "access.log", "bearerbox.out", "smsbox.out", "fakesmsc.log"):
            path = self.dir / name
            if path.exists():
                tail = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path} (last {len(tail)} lines) ---\n" + "\n".join(tail))
        return "\n".join(parts)

    def status(self) -> str:
        url = f"http://{HOST}:{self.ports['admin']}/status.txt?password={ADMIN_PASSWORD}"
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode(errors="replace")

    # --- internals ---------------------------------------------------------------------------------
    def _config(self) -> str:
        separator = "&" if "?" in self.app_url else "?"
        post_url = f"{self.app_url}{separator}{KANNEL_POST_URL_QUERY}"
        p, d = self.ports, self.dir
        options = {"http-timeout": 10, **self.smsbox_options}
        extra = "".join(f"{name} = {value}\n" for name, value in options.items())
        return f"""\
# Written by tests/support/kannel.py; see deploy/kannel/kannel.conf.example for production.
group = core
admin-port = {p['admin']}
admin-interface = "{HOST}"
admin-password = "{ADMIN_PASSWORD}"
admin-allow-ip = "{HOST}"
smsbox-port = {p['smsbox']}
smsbox-interface = "{HOST}"
box-allow-ip = "{HOST}"
log-file = "{d / 'bearerbox.log'}"
log-level = {self.log_level}
access-log = "{d / 'access.log'}"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = {p['smsc']}
connect-allow-ip = "{HOST}"

group = smsbox
bearerbox-host = "{HOST}"
bearerbox-port = {p['smsbox']}
sendsms-port = {p['sendsms']}
sendsms-interface = "{HOST}"
log-file = "{d / 'smsbox.log'}"
log-level = {self.log_level}
mo-recode = true
reply-couldnotfetch = "Maaf, layanan pengaduan sedang gangguan. Silakan coba lagi nanti."
reply-requestfailed = "Maaf, layanan pengaduan sedang gangguan. Silakan coba lagi nanti."
{extra}
group = sms-service
keyword = default
catch-all = true
post-url = "{post_url}"
max-messages = 1
omit-empty = true
accept-x-kannel-headers = true

group = sendsms-user
username = "{self.sendsms_user}"
password = "{self.sendsms_password}"
user-allow-ip = "{HOST}"
max-messages = 1
"""

    def _spawn(self, name: str, argv: list[str], *, stdin=subprocess.DEVNULL, stdout=None) -> subprocess.Popen:
        prefix = ["setpriv", "--pdeathsig", "KILL", "--"] if shutil.which("setpriv") else []
        with contextlib.ExitStack() as stack:
            if stdout is None:
                stdout = stack.enter_context(open(self.dir / f"{name}.out", "wb"))
            process = subprocess.Popen(
                prefix + argv, cwd=self.dir, stdin=stdin, stdout=stdout, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._processes[name] = process
        return process

    def _start_fakesmsc(self) -> None:
        # -i 0: no pacing between messages; without arguments it reads them from stdin.
        argv = [FAKESMSC, "-H", HOST, "-r", str(self.ports["smsc"]), "-i", "0"]
        if self.generate:
            count, templates = self.generate
            argv += ["-m", str(count), "-z", "5", *templates]
        process = self._spawn("fakesmsc", argv, stdin=subprocess.DEVNULL if self.generate else subprocess.PIPE,
                              stdout=subprocess.PIPE)
        self._reader = threading.Thread(target=self._read_fakesmsc, args=(process,), daemon=True)
        self._reader.start()

    def _read_fakesmsc(self, process: subprocess.Popen) -> None:
        with open(self.dir / "fakesmsc.log", "ab") as log:
            for raw_line in process.stdout:
                log.write(raw_line)
                log.flush()
                line = raw_line.decode("utf-8", errors="replace")
                with self._condition:
                    if match := _GOT_MESSAGE.search(line):
                        self._received(match.group(1))
                    elif match := _SENT_MESSAGE.search(line):
                        self._forwarded = int(match.group(1))
                    self._condition.notify_all()

    def _received(self, line: str) -> None:
        message = _parse_fakesmsc_line(line)
        if message is None and self._messages:
            # The fake SMSC writes a text SMS raw, so a newline in it ends fakesmsc's line early:
            # what follows arrives as a "message" of its own. Put the text back together.
            previous = self._messages.pop()
            message = replace(previous, text=f"{previous.text}\n{line}", raw=f"{previous.raw}\n{line}")
        if message is not None:
            self._messages.append(message)

    def _wait_for_port(self, name: str) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            if _listening(self.ports[name]):
                return
            time.sleep(0.05)
        raise KannelError(f"Kannel's {name} port {self.ports[name]} did not open\n" + self.logs_tail())

    def _wait_for_status(self, needle: str, what: str, *, section: str | None = None) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            with contextlib.suppress(OSError):
                text = self.status()
                if section:
                    text = text.partition(section)[2]
                if needle in text:
                    return
            time.sleep(0.05)
        raise KannelError(f"Timed out waiting for {what}\n" + self.logs_tail())

    def _check_alive(self) -> None:
        for name, process in self._processes.items():
            if process.poll() is not None:
                raise KannelError(f"{name} exited with {process.returncode}\n" + self.logs_tail())


@contextlib.contextmanager
def running_kannel(app_url: str, tmp_dir: Path) -> Iterator[KannelHarness]:
    harness = KannelHarness(app_url, tmp_dir)
    with harness:
        yield harness


def _parse_fakesmsc_line(line: str) -> FakeSmscMessage | None:
    """``from to text plain words`` | ``from to ucs-2 urlcoded`` | ``from to data urlcoded``."""
    sender, receiver, kind, data = (line.split(" ", 3) + ["", "", "", ""])[:4]
    if kind not in _FAKESMSC_KINDS:
        return None
    if kind in ("ucs-2", "ucs2"):
        text = urllib.parse.unquote_to_bytes(data.replace("+", " ")).decode("utf-16-be", errors="replace")
    elif kind == "data":
        text = urllib.parse.unquote_to_bytes(data.replace("+", " ")).decode("utf-8", errors="replace")
    else:
        text = data
    return FakeSmscMessage(sender=sender, receiver=receiver, text=text, kind=kind, raw=line)


def _listening(port: int) -> bool:
    """Whether something listens on ``port``, found without connecting to it.

    A probe connection is not harmless here: the fake SMSC would take it for fakesmsc.
    """
    wanted = f":{port:04X} "
    tables = [Path(t) for t in ("/proc/net/tcp", "/proc/net/tcp6") if Path(t).exists()]
    if not tables:  # not Linux: fall back to connecting
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
            return True
        return False
    for table in tables:
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            # sl local_address rem_address st ...; st 0A is LISTEN
            if len(fields) > 3 and fields[3] == "0A" and (fields[1] + " ").endswith(wanted):
                return True
    return False


def _free_ports(*names: str) -> dict[str, int]:
    """Ports free on every interface (the fake SMSC listener cannot be bound to loopback)."""
    sockets, ports = [], {}
    try:
        for name in names:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("", 0))
            sockets.append(sock)
            ports[name] = sock.getsockname()[1]
    finally:
        for sock in sockets:
            sock.close()
    return ports
