"""Issue 12 in a real browser: the unit head opens the dashboard from the menu and finds every
chart drawn (an image that loaded, with its table behind it), on a 360 px phone too; the public
transparency page shows its chart and table without signing in."""

import pytest
from playwright.sync_api import expect

from aduan.core.actions import complaint_dispose

from .test_browser_flow import shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}


def loaded_charts(page) -> int:
    return page.evaluate("() => [...document.querySelectorAll('img.chart')]"
                         ".filter(i => i.complete && i.naturalWidth > 0).length")


def test_the_dashboard_and_the_transparency_page_draw_their_charts(page, live_server, people, world, file_complaint):
    for days in (0, 3, 10):
        complaint_dispose(complaint=file_complaint(days_ago=days), actor=people["admin"], to_unit=world["dinsos-35-06"])
    sign_in(page, live_server.url, "kediri")
    page.get_by_role("link", name="Laporan").click()
    expect(page.get_by_role("heading", name="Dasbor")).to_be_visible()
    expect(page.locator("img.chart")).to_have_count(5)
    assert loaded_charts(page) == 5
    page.get_by_text("Tabel: Status sekarang").click()
    expect(page.locator("figure", has_text="Status sekarang").locator("table")).to_contain_text("Belum ditindaklanjuti")
    shoot(page, "dasbor.png")

    page.get_by_role("link", name="Bulanan").click()
    expect(page.get_by_role("heading", name="Laporan bulanan")).to_be_visible()
    assert loaded_charts(page) == 4

    phone = page.context.browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    phone.goto(f"{live_server.url}/transparansi/")
    expect(phone.get_by_role("heading", name="Transparansi penanganan pengaduan")).to_be_visible()
    expect(phone.locator("table[data-transparency]")).to_contain_text("Jawa Timur")
    assert loaded_charts(phone) == 1
    width = phone.evaluate("() => document.querySelector('img.chart').getBoundingClientRect().width")
    assert 0 < width <= PHONE["width"]
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(phone, "transparansi.png")
