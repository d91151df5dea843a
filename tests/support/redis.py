"""A throwaway Redis on a free loopback port, for the scale-out tests (RQ task queue).

Debian's redis-server, no persistence, its files in the test's temporary directory; stopped at
teardown. scripts/ensure-system-packages.sh installs it."""

import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.support.net import free_port, wait_for_port


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server is missing: run scripts/ensure-system-packages.sh (Debian's redis-server)"
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path), "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
