"""The registry import (SPEC R21): a file with bad rows lands its good rows and names the bad ones by
line; importing it again changes nothing; and the lookup by NIK, KK or KKS for the officers whose
region holds the record, every read recorded."""

import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from aduan.core.intake import Reporter
from aduan.organisation.models import Role
from aduan.registry.importer import import_file
from aduan.registry.models import Lookup, Match, Record
from tests.fixtures.org import PURWODADI, api_as, lodge, officer, org  # noqa: F401  (shared fixtures)

HEADER = "NIK,No_KK,Nama,Alamat,Kode_Desa,Program,Status,No_KKS,Bank\n"
GOOD = [
    "3506104501800001,3506100101080001,Siti Aminah,RT 01 RW 02,35.06.10.2005,bpnt,aktif,3235386475739456,BRI",
    "3506106001850002,3506100101080002,Sri Wahyuni,RT 03,35.06.10.2005,pkh,aktif,,BNI",
]


def write(tmp_path, lines: list[bytes], name="dtks.csv"):
    path = tmp_path / name
    path.write_bytes(b"".join(lines))
    return str(path)


@pytest.fixture
def messy(tmp_path, org):
    return write(tmp_path, [
        HEADER.encode(),
        (GOOD[0] + "\n").encode(),
        b"35061045018,3506100101080003,Pendek,,35.06.10.2005,bpnt,aktif,,BRI\n",  # 3: NIK too short
        b"3506104501800004,,Tanpa Desa,,35.06.99.9999,bpnt,aktif,,BRI\n",  # 4: unknown desa
        b"3506104501800001,,Siti Lagi,,35.06.10.2005,bpnt,aktif,,BRI\n",  # 5: the NIK of line 2 again
        "3506104501800005,,Bud\u00ed,,35.06.10.2005,bpnt,aktif,,BRI\n".encode("latin-1"),  # 6: not UTF-8
        (GOOD[1] + "\n").encode(),
        b"3506104501800006,3506100101080006,Terpotong",  # 8: cut off
    ])


def test_the_good_rows_land_and_each_bad_one_is_named_by_its_line(messy):
    summary = import_file(messy, source="dtks", period="2026-11")
    assert (summary.read, summary.added, summary.changed, summary.unchanged) == (7, 2, 0, 0)
    reasons = {r["line"]: r["reason"] for r in summary.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 8]
    assert "16 angka" in reasons[3] and "35.06.99.9999" in reasons[4] and "baris 2" in reasons[5]
    assert "UTF-8" in reasons[6] and "tidak lengkap" in reasons[8]
    siti = Record.objects.get(nik="3506104501800001")
    assert (siti.name, siti.kks, siti.bank, siti.period, siti.region_code) == (
        "Siti Aminah", "3235386475739456", "BRI", "2026-11", PURWODADI)


def test_importing_the_same_file_again_changes_nothing_and_a_new_period_updates(messy, tmp_path):
    import_file(messy, source="dtks", period="2026-11")
    again = import_file(messy, source="dtks", period="2026-11")
    assert (again.added, again.changed, again.unchanged) == (0, 0, 2)
    changed = write(tmp_path, [HEADER.encode(), (GOOD[0].replace("aktif", "nonaktif") + "\n").encode()], "baru.csv")
    later = import_file(changed, source="dtks", period="2026-12")
    assert (later.added, later.changed) == (0, 1)
    assert Record.objects.get(nik="3506104501800001").status == "nonaktif"


def test_a_mapping_reads_other_headers_and_the_command_prints_json(tmp_path, org, capsys):
    path = write(tmp_path, ["NOMOR INDUK;NAMA LENGKAP;DESA\n".encode(),
                            "3506104501800001;Siti Aminah;35.06.10.2005\n".encode()], "pkh.csv")
    mapping = tmp_path / "peta.json"
    mapping.write_text(json.dumps({"nik": "NOMOR INDUK", "name": "NAMA LENGKAP", "region_code": "DESA"}))
    call_command("registry", "import", path, "--source", "pkh-kemensos", "--period", "2026-10", "--mapping",
                 str(mapping), "--json")
    assert json.loads(capsys.readouterr().out) == {"read": 1, "added": 1, "changed": 0, "unchanged": 0, "rejected": []}


def test_the_lookup_shows_records_only_inside_the_officers_region_and_is_recorded(messy, api_as, officer):
    import_file(messy, source="dtks", period="2026-11")
    kediri = api_as(officer("dinsos-35-06", Role.FRONT_OFFICE))
    found = kediri.get("/api/v1/registry?nik=3506104501800001").json()["records"]
    assert [(r["name"], r["program"], r["period"], r["bank"]) for r in found] == [("Siti Aminah", "bpnt", "2026-11", "BRI")]
    assert kediri.get("/api/v1/registry?kks=3235 3864 7573 9456").json()["records"][0]["nik"] == "3506104501800001"
    assert kediri.get("/api/v1/registry?kk=3506100101080002").json()["records"][0]["name"] == "Sri Wahyuni"
    makassar = api_as(officer("dinsos-73-71", Role.FRONT_OFFICE))
    assert makassar.get("/api/v1/registry?nik=3506104501800001").json() == {"records": []}
    assert kediri.get("/api/v1/registry?nik=123").status_code == 400
    assert kediri.get("/api/v1/registry").status_code == 400
    assert Lookup.objects.count() == 4 and Lookup.objects.filter(records=[]).count() == 1


def test_a_nik_repeated_far_apart_is_caught_across_batches(tmp_path, org, monkeypatch):
    """On PostgreSQL the NIKs seen so far live in the database, not in memory: a repeat in a later
    batch is refused with the first line all the same."""
    monkeypatch.setattr("aduan.registry.importer.BATCH", 2)
    monkeypatch.setattr("aduan.registry.bulk.MERGE_LINES", 2)
    lines = [HEADER.encode()] + [f"35061045018{n:05d},,Warga {n},,35.06.10.2005,bpnt,aktif,,BRI\n".encode()
                                 for n in range(1, 6)]
    lines.append(b"3506104501800002,,Warga Dua Lagi,,35.06.10.2005,bpnt,aktif,,BRI\n")  # line 7 repeats line 3
    summary = import_file(write(tmp_path, lines), source="dtks", period="2026-11")
    assert (summary.added, summary.rejected) == (5, [{"line": 7, "reason": "NIK 3506104501800002 sudah ada di baris 3"}])
    assert Record.objects.get(nik="3506104501800002").name == "Warga 2"


def test_quotes_padding_blank_lines_and_windows_line_ends_read_as_the_file_means_them(tmp_path, org):
    """What PostgreSQL cannot take as it is (quoted values, spaces around them, blank lines, CRLF,
    a semicolon file) lands all the same, on either database, with the line numbers of the file."""
    lines = [
        b"NIK;Nama;Alamat;Kode_Desa\r\n",
        b"3506104501800001;Siti Aminah;\"Jl. Mawar; No. 5\";35.06.10.2005\r\n",  # 2: a quoted delimiter
        b"\r\n",  # 3: blank, skipped but counted in the numbering
        b" 3506-1045-0180-0002 ; Sri  Wahyuni ;RT 03;35.06.10.2005\r\n",  # 4: padding, a written-out NIK
        "3506104501800003;Budi Santoso \u00b7 Hadi;\u00a0RT 04\u00a0;35.06.10.2005\r\n".encode(),  # 5: not ASCII
        b"3506104501800004;\"Ahmad \"\"Mamat\"\"\";;35.06.10.2005\r\n",  # 6: doubled quotes
        b"3506104501800005;;RT 05;35.06.10.2005\r\n",  # 7: no name
        b"3506104501800006;Warga Enam\r\n",  # 8: too few fields
        b"3506104501800007;Warga Tujuh;RT 07;35.06.10.2005;lebih\r\n",  # 9: one more than the header
    ]
    summary = import_file(write(tmp_path, lines), source="dtks", period="2026-11",
                          mapping={"nik": "nik", "name": "nama", "address": "alamat", "region_code": "kode_desa"})
    assert (summary.read, summary.added) == (7, 5)
    assert summary.rejected == [{"line": 7, "reason": "nama kosong"},
                                {"line": 8, "reason": "baris tidak lengkap: 2 kolom, seharusnya 4"}]
    assert dict(Record.objects.values_list("nik", "name")) == {
        "3506104501800001": "Siti Aminah", "3506104501800002": "Sri  Wahyuni",
        "3506104501800003": "Budi Santoso \u00b7 Hadi", "3506104501800004": 'Ahmad "Mamat"',
        "3506104501800007": "Warga Tujuh"}
    assert Record.objects.get(nik="3506104501800001").address == "Jl. Mawar; No. 5"
    assert Record.objects.get(nik="3506104501800003").address == "RT 04"
    assert Record.objects.get(nik="3506104501800002").address == "RT 03"


def test_an_xlsx_file_imports_with_its_row_numbers(tmp_path, org):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["NIK", "Nama", "Kode_Desa"])
    sheet.append(["3506104501800001", "Siti Aminah", "35.06.10.2005"])
    sheet.append([None, None, None])  # 3: an empty row
    sheet.append(["35061045018", "Pendek", "35.06.10.2005"])  # 4: NIK too short
    sheet.append([3506106001850002, "Sri Wahyuni", "35.06.99.9999"])  # 5: a number cell, an unknown desa
    path = tmp_path / "dtks.xlsx"
    book.save(path)
    summary = import_file(str(path), source="dtks", period="2026-11",
                          mapping={"nik": "nik", "name": "nama", "region_code": "kode_desa"})
    assert (summary.read, summary.added) == (3, 1)
    assert summary.rejected == [{"line": 4, "reason": "NIK harus 16 angka"},
                                {"line": 5, "reason": "kode desa 35.06.99.9999 tidak dikenal"}]


def keys_and_indexes() -> dict:
    """The registry's indexes and keys, and the foreign key that points at it, as the database has them."""
    with connection.cursor() as cursor:
        found = {name: (tuple(about["columns"]), about["unique"], about["primary_key"], about["foreign_key"])
                 for table in (Record._meta.db_table, Match._meta.db_table)
                 for name, about in connection.introspection.get_constraints(cursor, table).items()
                 if table == Record._meta.db_table or about["foreign_key"] == (Record._meta.db_table, "id")}
    return found


def dtks_lines(count: int, first: int = 1) -> list[bytes]:
    return [HEADER.encode()] + [f"35061045018{n:05d},35061001010{n:05d},Warga {n},,35.06.10.2005,bpnt,aktif,"
                                f"32353864757{n:05d},BRI\n".encode() for n in range(first, first + count)]


def test_a_first_file_larger_than_the_registry_leaves_every_index_and_key_as_it_was(tmp_path, lodge):
    """On PostgreSQL such a file is inserted with the indexes dropped and built again after: the
    keys, the foreign key from a reporter's match and the lookups are all there afterwards."""
    import_file(write(tmp_path, dtks_lines(2)), source="pkh", period="2026-10")
    record = Record.objects.get(nik="3506104501800001")
    lodge(reporter=Reporter(name="Warga", nik=record.nik))  # its match holds the record, by a foreign key
    before = keys_and_indexes()
    summary = import_file(write(tmp_path, dtks_lines(5), "dtks.csv"), source="dtks", period="2026-11")
    assert summary.added == 5 and keys_and_indexes() == before
    assert Match.objects.get().record == record
    assert list(Record.objects.filter(kks="3235386475700004").values_list("source", "name")) == [("dtks", "Warga 4")]
    with pytest.raises(IntegrityError), transaction.atomic():
        Record.objects.create(source="dtks", nik="3506104501800001", name="Lagi", period="2026-11",
                              updated_at=timezone.now())


def test_an_import_that_fails_midway_leaves_the_indexes_in_place(tmp_path, org):
    before = keys_and_indexes()

    def dies(done: int) -> None:
        if done > 3:  # in the merge
            raise RuntimeError("the worker was stopped")

    with pytest.raises(RuntimeError):
        import_file(write(tmp_path, dtks_lines(6)), source="dtks", period="2026-11", progress=dies)
    assert keys_and_indexes() == before


def test_a_new_source_smaller_than_the_registry_lands_beside_it(tmp_path, org, monkeypatch):
    monkeypatch.setattr("aduan.registry.bulk.MERGE_LINES", 2)
    import_file(write(tmp_path, dtks_lines(6)), source="dtks", period="2026-11")
    summary = import_file(write(tmp_path, dtks_lines(3, first=5), "pkh.csv"), source="pkh", period="2026-11")
    assert (summary.added, summary.rejected) == (3, [])
    assert sorted(Record.objects.filter(nik="3506104501800005").values_list("source", flat=True)) == ["dtks", "pkh"]
    assert Record.objects.filter(source="pkh").count() == 3 and Record.objects.filter(source="dtks").count() == 6


@pytest.mark.django_db(transaction=True)
def test_the_command_outside_a_transaction_checks_the_file_the_same_way(messy, capsys):
    """As the command and the worker run it, with no transaction open: on PostgreSQL the rows are
    then checked on two connections side by side."""
    call_command("registry", "import", messy, "--source", "dtks", "--period", "2026-11", "--json")
    summary = json.loads(capsys.readouterr().out)
    assert (summary["read"], summary["added"]) == (7, 2)
    assert [r["line"] for r in summary["rejected"]] == [3, 4, 5, 6, 8]
    assert set(Record.objects.values_list("name", flat=True)) == {"Siti Aminah", "Sri Wahyuni"}
