"""pytest fixtures for a real Kannel; register with ``pytest_plugins`` in the root conftest.

    def test_a_citizen_gets_a_tracking_number(kannel, live_server):
        gateway = kannel(live_server.url + "/sms/kannel/")
        gateway.send("081234567890", "BPNT#belum cair")
        assert "ADU-" in gateway.wait_for_reply(to="081234567890").text
"""

from collections.abc import Callable, Iterator

import pytest

from .kannel import KannelHarness, kannel_installed, SKIP_REASON


@pytest.fixture
def kannel(tmp_path) -> Iterator[Callable[[str], KannelHarness]]:
    """A factory: ``kannel(app_url)`` starts Kannel posting SMS to ``app_url``; stopped at teardown."""
    if not kannel_installed():
        pytest.skip(SKIP_REASON)
    started: list[KannelHarness] = []

    def start(app_url: str) -> KannelHarness:
        harness = KannelHarness(app_url, tmp_path / f"kannel-{len(started)}")
        started.append(harness)
        return harness.start()

    yield start
    for harness in started:
        harness.stop()
