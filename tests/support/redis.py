"""A throwaway Redis on a free loopback port, for the scale-out tests and the fault runs (RQ task
queue; bench/sms_load.py uses `running_redis` too).

Debian's redis-server, no persistence, its files in a temporary directory; stopped at the end.
scripts/ensure-system-packages.sh installs it."""

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.net import free_port, wait_for_port

MISSING = "redis-server is missing: run scripts/ensure-system-packages.sh (Debian's redis-server)"


@contextlib.contextmanager
def running_redis(directory: Path) -> Iterator[str]:
    """redis://127.0.0.1:<port>/0 while the block runs."""
    binary = shutil.which("redis-server")
    if not binary:
        raise RuntimeError(MISSING)
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory), "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    assert shutil.which("redis-server"), MISSING
    with running_redis(tmp_path) as url:
        yield url
