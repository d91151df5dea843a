"""Shared pytest configuration. Domain fixtures live in their own modules, registered here."""

import os

import pytest

# The small worlds the tests build (a few regions, the taxonomy, the units, officers per role).
pytest_plugins = ["tests.fixtures.core", "tests.fixtures.org"]

# --- Django ---------------------------------------------------------------------------------
# Playwright's sync API runs an event loop in the test's thread, and Django then refuses ORM
# calls from that thread (SynchronousOnlyOperation), including live_server's database teardown.
# The tests are not async code, so the check does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tests run with the immediate task backend and the embedded key, whoever starts pytest.
os.environ.setdefault("ADUAN_TESTING", "1")


# --- Playwright: Debian's Chromium ----------------------------------------------------------
# Playwright's own browser download is never used (tests run offline): drive the system
# Chromium instead. ADUAN_CHROMIUM points somewhere else if needed.
CHROMIUM = os.environ.get("ADUAN_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# --- Per-process memory (aduan/memo.py) -----------------------------------------------------
# Each test's database starts over, so what one test's requests remembered (programs, units,
# tokens) must not reach the next.
@pytest.fixture(autouse=True)
def _forget_memos():
    from aduan.memo import forget_all

    forget_all()
    yield
    forget_all()
