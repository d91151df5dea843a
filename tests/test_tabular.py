"""The upload reader every import uses: lines streamed with their numbers, headers in any case, a
line that is not UTF-8 named rather than fatal, and the size a progress bar needs."""

from openpyxl import Workbook

from aduan.tabular import data_rows, open_table


def test_a_csv_is_read_line_by_line_with_its_numbers(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes("No KK;NIK\n\n1;2\n".encode() + b"\xff;3\n" + b"4;5")  # a blank line, a bad one, no last newline
    with open_table(path) as table:
        assert table.headers == ["no_kk", "nik"]
        assert list(table) == [(3, ["1", "2"]), (4, None), (5, ["4", "5"])]
    assert data_rows(path) == 4  # blank lines included: an estimate, never short


def test_an_xlsx_gives_its_rows_and_its_recorded_size(tmp_path):
    book = Workbook()
    book.active.append(["KODE", "Jam Layanan"])
    book.active.append(["dinsos-35-06", None])
    book.save(tmp_path / "kanal.xlsx")
    with open(tmp_path / "kanal.xlsx", "rb") as stream, open_table(stream, "kanal.xlsx") as table:
        assert table.headers == ["kode", "jam_layanan"]
        assert list(table) == [(2, ["dinsos-35-06", ""])]
    assert data_rows(tmp_path / "kanal.xlsx") == 1
