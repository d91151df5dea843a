"""Titik rawan (issue 10): a unit's clusters on a page of their own, linked from the menu."""

from aduan.core.intake import Reporter


def test_the_hotspot_page_lists_a_cluster_with_its_advice(sign_in, people, file_complaint):
    for n in (1, 2):
        file_complaint(topic="bpnt-5", text="e-warong tutup", reporter=Reporter(name=f"W{n}", nik=f"350610450180000{n}"))
    file_complaint(topic="bpnt-4", reporter=Reporter(name="W3", nik="3506104501800003"))
    client = sign_in(people["admin"])

    queue = client.get("/petugas/").content.decode()
    assert 'href="/petugas/titik-rawan/"' in queue

    page = client.get("/petugas/titik-rawan/").content.decode()
    assert page.count("data-hotspot") == 1
    assert "bpnt-5 · e-Warong/outlet" in page and "Purwodadi" in page
    assert "Periksa e-Warong di desa ini bersama bank penyalur" in page
    assert 'href="/petugas/?region=35.06.10.2005&amp;status="' in page


def test_a_quiet_period_says_so(sign_in, people):
    page = sign_in(people["admin"]).get("/petugas/titik-rawan/?days=abc").content.decode()
    assert "Tidak ada titik rawan dalam 30 hari terakhir." in page
