"""While the first national file is written, the import holds the registry table (its indexes are
built again in one transaction). Nobody who is waiting on a person waits for it: a complaint is
filed unchecked, the lookup says the registry is being updated, and the check runs afterwards."""

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from django.db import connection
from django.utils import timezone

from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from aduan.registry.importer import import_file
from aduan.registry.models import Lookup, Record
from tests.fixtures.org import PURWODADI, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)

pytestmark = [pytest.mark.skipif("connection.vendor != 'postgresql'", reason="only PostgreSQL's import holds the table"),
              pytest.mark.django_db(transaction=True)]  # as the worker runs it: no transaction around the test

SITI = "3506104501800001"
NEW_SOURCE = 4  # lines of a new source, more than the registry holds: its indexes are built again after it


@pytest.fixture
def siti(org):
    return Record.objects.create(source="dtks", period="2026-10", nik=SITI, name="Siti Aminah", region_code=PURWODADI,
                                 program="bpnt", status="aktif", kks="3235386475739456", bank="BRI",
                                 updated_at=timezone.now())


@contextmanager
def a_large_import_under_way(tmp_path):
    """The real import of a new source, on a thread of its own, held still while it writes the
    registry (its first progress report past reading, inside the rebuild's transaction)."""
    path = tmp_path / "pkh.csv"
    path.write_text("nik,nama,kode_desa,program\n" + "".join(
        f"35061045018{n:05d},Warga {n},{PURWODADI},pkh\n" for n in range(2, 2 + NEW_SOURCE)))
    writing, finish = threading.Event(), threading.Event()

    def progress(done: int) -> None:
        if done > NEW_SOURCE // 2:
            writing.set()
            finish.wait(30)

    def run():
        try:
            return import_file(str(path), source="pkh", period="2026-11", progress=progress)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool, connection.cursor() as ours:
        ours.execute("SET lock_timeout = '5s'")  # a reader that waits fails the test rather than hangs it
        done = pool.submit(run)
        assert writing.wait(30), done.result()
        try:
            yield
        finally:
            finish.set()
            ours.execute("RESET lock_timeout")
        assert done.result().added == NEW_SOURCE


def test_a_complaint_filed_meanwhile_is_kept_unchecked_and_checked_afterwards(siti, lodge, officer, client, tmp_path):
    client.force_login(officer("admin-utama"))  # where an SMS arrives
    with a_large_import_under_way(tmp_path):
        complaint = lodge(reporter=Reporter(name="Siti Aminah", phone="+6281234567890", nik=SITI))
        assert not complaint.registry_matches.exists()
        page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
        assert 'data-registry="unchecked"' in page and "Belum diperiksa" in page
        refused = client.post(f"/petugas/aduan/{complaint.tracking_number}/registri/periksa/", follow=True)
        assert "sedang diperbarui" in refused.content.decode() and not complaint.registry_matches.exists()
    client.post(f"/petugas/aduan/{complaint.tracking_number}/registri/periksa/")
    page = client.get(f"/petugas/aduan/{complaint.tracking_number}/").content.decode()
    assert 'data-registry="found"' in page and "bpnt · aktif" in page


def test_a_lookup_meanwhile_is_told_to_come_back_shortly(siti, officer, api_as, client, tmp_path):
    desk = officer("dinsos-35-06", Role.FRONT_OFFICE)
    client.force_login(desk)
    with a_large_import_under_way(tmp_path):
        answer = api_as(desk).get(f"/api/v1/registry?nik={SITI}")
        assert answer.status_code == 503 and answer["Retry-After"] == "60"
        assert answer.json()["code"] == "registry_busy" and "sedang diperbarui" in answer.json()["message"]
        page = client.get(f"/petugas/registri/?by=nik&nomor={SITI}")
        assert page.status_code == 503 and "sedang diperbarui" in page.content.decode()
        assert f'value="{SITI}"' in page.content.decode()  # what was typed stays
        assert not Lookup.objects.exists()  # nothing was shown, so no read is recorded
    answer = api_as(desk).get(f"/api/v1/registry?nik=35061045018{2:05d}")
    assert [r["name"] for r in answer.json()["records"]] == ["Warga 2"]
