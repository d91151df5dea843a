"""Chromium starts from the test run and can reach the live server."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_chromium_renders_a_page(page: Page):
    page.goto("data:text/html,<h1>Halo</h1>")

    expect(page.get_by_role("heading", level=1)).to_have_text("Halo")


@pytest.mark.django_db(transaction=True)
def test_chromium_reaches_the_live_server(page: Page, live_server):
    page.goto(live_server.url + "/admin/login/")

    expect(page).to_have_title(re.compile("Django|Log in|Masuk"))
