"""Issue 28, items 2, 8, 11, 13, 15a: input files that are not what they seem, and sizes that explode.

Every case builds its hostile input in tmp_path (a copy of the bundled unit, or a small file), checks
the exit code, the message (file, row, column, rule or limit), that no traceback is shown, and that
the published stand-ins stay byte-identical. The bombs use limits set small for the test.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from lkjip.contract import limits
from lkjip.errors import DataError, DataErrors
from lkjip.inputs.ingest import read_dataset

from helpers.workspace import YEAR, Workspace


@pytest.fixture
def ws(tmp_path, raw_dir, monkeypatch):
    """A copy of the bundled unit with only the datasets a test needs, and published stand-ins."""
    return Workspace(tmp_path, raw_dir, monkeypatch, old_report=False)


def run_cli(ws, capsys, *args: str, timeout: float = 120) -> tuple[int, str]:
    """A CLI call in a thread: an input that blocks fails the test instead of hanging it."""
    out: dict = {}
    thread = threading.Thread(target=lambda: out.setdefault("code", ws.cli(*args)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"lkjip {' '.join(args)} still running after {timeout} s (blocked on an input?)"
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert ws.published() == ws.before
    return out["code"], err


def validate_and_ingest(ws, capsys) -> list[tuple[int, str]]:
    return [run_cli(ws, capsys, command, "--unit", "gedeg", "--year", YEAR) for command in ("validate", "ingest")]


# --------------------------------------------------------------------------- item 2: a wrong <dimension> tag


def _xlsx_of_csv(csv_path: Path, xlsx_path: Path, dimension: str | None = None) -> None:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    book = Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    book.save(xlsx_path)
    if dimension:
        _rewrite_sheet(xlsx_path, lambda xml: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(),
                                                     xml))


def _rewrite_sheet(path: Path, change) -> None:
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                changed = change(data)
                assert changed != data, "the sheet XML was not changed"
                data = changed
            dst.writestr(info, data)


def test_a_workbook_whose_dimension_tag_is_wrong_is_read_to_its_real_last_row(ws):
    csv_path = ws.year_dir / "ikm_survei.csv"
    expected = read_dataset(csv_path, "ikm_survei")
    assert len(expected) == 654
    xlsx_path = ws.root / "ikm_survei.xlsx"
    _xlsx_of_csv(csv_path, xlsx_path, dimension="A1:P10")
    with zipfile.ZipFile(xlsx_path) as z:
        assert b'<dimension ref="A1:P10"' in z.read("xl/worksheets/sheet1.xml")
    got = read_dataset(xlsx_path, "ikm_survei")
    assert len(got) == 654
    assert got["baris"].iloc[-1] == 655
    pd.testing.assert_series_equal(got["u9"], expected["u9"])
    from lkjip.inputs.provenance import count_rows

    assert count_rows(xlsx_path) == 654  # the provenance table's row count too


def test_a_dimension_tag_narrower_than_the_columns_does_not_drop_columns(ws):
    csv_path = ws.year_dir / "inovasi.csv"
    xlsx_path = ws.root / "inovasi.xlsx"
    _xlsx_of_csv(csv_path, xlsx_path, dimension="A1:B2")
    got = read_dataset(xlsx_path, "inovasi")
    expected = read_dataset(csv_path, "inovasi")
    assert len(got) == len(expected)
    assert got["tanggal_sk"].tolist() == expected["tanggal_sk"].tolist()
    assert got["status"].tolist() == expected["status"].tolist()


# --------------------------------------------------------------------------- item 8: FIFO, device, folder, link


def test_a_fifo_named_like_a_dataset_is_refused_before_it_is_opened(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    path.unlink()
    os.mkfifo(path)
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "inovasi.csv: bukan berkas data: ini sebuah pipa (FIFO)" in err


def test_a_folder_named_like_a_dataset_is_refused_not_skipped(ws, capsys):
    ws.keep_only("inovasi", "koordinasi")
    path = ws.year_dir / "inovasi.csv"
    path.unlink()
    path.mkdir()
    (ws.year_dir / "arsip").mkdir()  # an ordinary sub-folder is still no input
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "inovasi.csv: bukan berkas data: ini sebuah folder" in err
        assert "arsip" not in err


def test_a_link_out_of_the_unit_folder_is_refused_and_its_target_never_quoted(ws, capsys, tmp_path):
    ws.keep_only("inovasi")
    secret = tmp_path / "rahasia.csv"
    secret.write_text("nama,nomor_sk\nROOT:x:0:0:RAHASIA,1,2,3\n")
    path = ws.year_dir / "inovasi.csv"
    path.unlink()
    path.symlink_to(secret)
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert f"{Path('data/raw/gedeg/2023/inovasi.csv')}: berkas adalah tautan (symlink) ke luar folder data unit" in err
        assert "RAHASIA" not in err and "rahasia.csv" not in err


def test_a_link_to_etc_passwd_is_refused(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    path.unlink()
    path.symlink_to("/etc/passwd")
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "inovasi.csv: berkas adalah tautan (symlink)" in err
        assert "root:" not in err and "/bin/" not in err


def test_a_link_inside_the_unit_folder_is_read(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    kept = ws.data / "gedeg" / "inovasi-2023.txt"  # .txt: not a unit-level dataset
    path.rename(kept)
    path.symlink_to(kept)
    from lkjip.inputs.catalog import year_files

    assert year_files(ws.data, "gedeg", int(YEAR)) == {"inovasi": path}
    assert read_dataset(path, "inovasi")["nama"].tolist() == ["GAMIS JUBAH", "MANTAP BERDASI"]


def test_a_device_is_refused_before_it_is_read(tmp_path):
    link = tmp_path / "inovasi.csv"
    link.symlink_to("/dev/zero")  # read_dataset alone knows no unit folder: the kind of file is still checked
    got: list = []

    def read():
        try:
            read_dataset(link, "inovasi")
        except DataError as exc:
            got.append(str(exc))

    thread = threading.Thread(target=read, daemon=True)  # reading /dev/zero never ends: fail, not hang
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "/dev/zero was read"
    assert len(got) == 1
    assert re.search(r"inovasi\.csv: bukan berkas data: ini sebuah perangkat \(device\)", got[0])


def test_a_link_out_of_the_unit_folder_as_unit_level_file_is_refused(ws, capsys):
    ws.keep_only("inovasi")
    targets = ws.data / "gedeg" / "targets.csv"
    outside = ws.root / "targets.csv"
    shutil.move(targets, outside)
    targets.symlink_to(outside)
    code, err = run_cli(ws, capsys, "validate", "--unit", "gedeg", "--year", YEAR)
    assert code == 2
    assert "targets.csv: berkas adalah tautan (symlink) ke luar folder data unit" in err


# --------------------------------------------------------------------------- item 8: zip bombs


def _workbook(path: Path, rows: int, cols: int = 4) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "nomor_sk", "tanggal_sk", "status"][:cols])
    for i in range(rows):
        sheet.append([f"INOVASI {i}", f"188/{i}/2023", "2023-01-31", "aktif"][:cols])
    book.save(path)
    return path


def _no_load(monkeypatch):
    import openpyxl

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was loaded although it is past a limit")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_workbook_expanding_past_the_size_limit_is_refused_before_loading(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "inovasi.xlsx", 2000)
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    assert path.stat().st_size < total / 3  # it expands
    monkeypatch.setattr(limits, "XLSX_MAX_UNCOMPRESSED_BYTES", total - 1)
    _no_load(monkeypatch)
    with pytest.raises(DataError) as info:
        read_dataset(path, "inovasi")
    text = str(info.value)
    assert text.startswith(f"{path}: berkas .xlsx terlalu besar setelah diekstrak") or "inovasi.xlsx" in text
    assert "batas XLSX_MAX_UNCOMPRESSED_BYTES" in text and f"{total - 1:,}".replace(",", ".") in text


def test_a_workbook_with_more_cells_than_the_limit_is_refused_before_loading(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "inovasi.xlsx", 30)  # 31 rows x 4 cells = 124 cells
    monkeypatch.setattr(limits, "XLSX_MAX_CELLS", 123)
    _no_load(monkeypatch)
    with pytest.raises(DataError, match=r"inovasi\.xlsx: berkas \.xlsx berisi lebih dari 123 sel, batas XLSX_MAX_CELLS"):
        read_dataset(path, "inovasi")


def test_a_workbook_at_the_cell_limit_is_read(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "inovasi.xlsx", 30)
    monkeypatch.setattr(limits, "XLSX_MAX_CELLS", 124)
    assert len(read_dataset(path, "inovasi")) == 30


def test_a_zip_bomb_in_the_year_folder_fails_validate_with_exit_2(ws, capsys, monkeypatch):
    ws.keep_only("inovasi")
    (ws.year_dir / "inovasi.csv").unlink()
    _workbook(ws.year_dir / "inovasi.xlsx", 200)
    monkeypatch.setattr(limits, "XLSX_MAX_UNCOMPRESSED_BYTES", 20_000)
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "inovasi.xlsx: berkas .xlsx terlalu besar setelah diekstrak" in err
        assert "batas XLSX_MAX_UNCOMPRESSED_BYTES 20.000 bita" in err


# --------------------------------------------------------------------------- item 11: a CSV field past the limit


def test_a_csv_cell_longer_than_the_field_limit_is_refused_at_ingest_with_its_place(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    lines = path.read_text().splitlines()
    name, rest = lines[2].split(",", 1)
    lines[2] = f'"{"A" * (limits.CSV_FIELD_MAX_CHARS + 1)}",{rest}'  # spreadsheet row 3, the real limit
    path.write_text("\n".join(lines) + "\n")
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert ("inovasi.csv, baris 3, kolom 'nama': sel berisi 131073 karakter, lebih dari batas "
                "CSV_FIELD_MAX_CHARS 131072 karakter per sel") in err
        assert "AAAAAAAAAA" not in err
        assert "field larger than field limit" not in err


def test_csv_cells_past_a_small_limit_are_each_named(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "CSV_FIELD_MAX_CHARS", 12)
    path = tmp_path / "inovasi.csv"
    path.write_text("nama,nomor_sk,tanggal_sk,status\nSINGKAT,1/2023,2023-01-31,aktif\n"
                    "NAMA YANG PANJANG SEKALI,2/2023,2023-01-31,aktif\nX,3/2023,2023-01-31,tidak aktif lagi ya\n")
    with pytest.raises(DataErrors) as info:
        read_dataset(path, "inovasi")
    places = [(e.row, e.column) for e in info.value.errors]
    assert places == [(3, "nama"), (4, "status")]
    assert all("batas CSV_FIELD_MAX_CHARS 12 karakter" in e.rule for e in info.value.errors)


def test_a_csv_cell_at_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "CSV_FIELD_MAX_CHARS", 10)
    path = tmp_path / "inovasi.csv"
    path.write_text("nama,nomor_sk,tanggal_sk,status\nSEPULUHHUR,1/2023,2023-01-31,aktif\n")
    assert read_dataset(path, "inovasi")["nama"].tolist() == ["SEPULUHHUR"]


# --------------------------------------------------------------------------- item 13: control characters


def test_a_cell_with_ansi_escapes_cannot_clear_the_screen_or_fake_a_line(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    lines = path.read_text().splitlines()
    fields = lines[2].split(",")
    fields[2] = '"\x1b[2J\x1b[H\rSEMUA LOLOS\nSEMUA LOLOS\u202e"'  # tanggal_sk: not a date
    lines[2] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n")
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "\x1b" not in err and "\r" not in err and "\u202e" not in err
        assert "inovasi.csv, baris 3, kolom 'tanggal_sk'" in err
        assert "\\x1b[2J\\x1b[H\\rSEMUA LOLOS\\nSEMUA LOLOS\\u202e" in err
        assert not any(line.startswith("SEMUA LOLOS") for line in err.splitlines())


def test_a_file_name_with_escapes_is_shown_escaped(ws, capsys):
    ws.keep_only("inovasi")
    (ws.year_dir / "inovasi\x1b[2J\nSEMUA LOLOS.csv").write_text("x\n")
    for code, err in validate_and_ingest(ws, capsys):
        assert code == 2
        assert "\x1b" not in err
        assert "inovasi\\x1b[2J\\nSEMUA LOLOS.csv: berkas tidak dikenal" in err


# --------------------------------------------------------------------------- item 15a: a formula without its value


def test_a_formula_without_a_saved_value_is_reported_as_such(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "nomor_sk", "tanggal_sk", "status", "catatan"])
    sheet.append(["MANTAP", "1/2023", "2023-01-31", "aktif", "=1+1"])  # catatan: not in the contract
    sheet.append(['=UPPER("mantap berdasi")', "2/2023", "2023-01-31", "aktif", None])
    sheet.append(["GAMIS", "3/2023", "2023-01-31", '=IF(1,"aktif","")', None])  # status: optional
    path = tmp_path / "inovasi.xlsx"
    book.save(path)
    with pytest.raises(DataErrors) as info:
        read_dataset(path, "inovasi")
    got = [(e.row, e.column, e.rule.split(":")[0], e.value) for e in info.value.errors]
    assert got == [(3, "nama", "rumus tanpa nilai tersimpan", '=UPPER("mantap berdasi")'),
                   (4, "status", "rumus tanpa nilai tersimpan", '=IF(1,"aktif","")')]
    assert "kosong" not in str(info.value)


def test_a_formula_with_its_saved_value_is_read_as_that_value(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "nomor_sk", "tanggal_sk", "status"])
    sheet.append(["MANTAP", "1/2023", "2023-01-31", '=IF(1,"aktif","")'])
    path = tmp_path / "inovasi.xlsx"
    book.save(path)
    # what Excel saves: the formula and its last result
    _rewrite_sheet(path, lambda xml: re.sub(rb'<c r="D2"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                                            rb'<c r="D2" t="str"><f>\2</f><v>aktif</v></c>', xml))
    assert read_dataset(path, "inovasi")["status"].tolist() == ["aktif"]


# --------------------------------------------------------------------------- every limit is documented


def test_every_limit_is_one_constant_named_in_the_data_contract(root):
    text = (root / "docs" / "data-contract.md").read_text(encoding="utf-8")
    names = [n for n in vars(limits) if n.isupper()]
    assert len(names) == 6
    for name in names:
        value = f"{getattr(limits, name):,}".replace(",", ".")
        assert re.search(rf"^\| `{name}` \| {re.escape(value)} ", text, re.M), name


# --------------------------------------------------------------------------- shapes that vary (hypothesis)

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.integers(0, 40), cols=st.integers(1, 12), gaps=st.booleans())
def test_the_cell_count_before_loading_is_the_workbook_s(tmp_path, rows, cols, gaps):
    from lkjip.inputs.xlsx_scan import scan_workbook

    book = Workbook()
    sheet = book.active
    filled = 0
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            if gaps and (r + c) % 3 == 0:
                continue
            sheet.cell(row=r, column=c, value=f"x{r}-{c}" if c % 2 else r * c)
            filled += 1
    path = tmp_path / f"b{rows}x{cols}{gaps}.xlsx"
    book.save(path)
    assert scan_workbook(path, "b.xlsx").cells == filled


@given(text=st.text(max_size=60))
def test_terminal_text_never_holds_a_control_character(text):
    import unicodedata

    from lkjip.errors import shown

    for keep in (False, True):
        out = shown(text, keep_newlines=keep)
        allowed = {"\n", "\t"} if keep else set()
        assert all(unicodedata.category(ch) != "Cc" or ch in allowed for ch in out)
        assert "\u202e" not in out and "\u2028" not in out
    if text.isprintable():
        assert shown(text) == text


def test_a_formula_saved_with_the_empty_text_as_its_value_is_a_blank_cell(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "nomor_sk", "tanggal_sk", "status"])
    sheet.append(["MANTAP", "1/2023", "2023-01-31", '=IF(0,"aktif","")'])
    path = tmp_path / "inovasi.xlsx"
    book.save(path)
    # Excel saves a formula whose result is the empty text as t="str" with an empty value
    _rewrite_sheet(path, lambda xml: re.sub(rb'<c r="D2"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                                            rb'<c r="D2" t="str"><f>\2</f><v></v></c>', xml))
    assert read_dataset(path, "inovasi")["status"].isna().tolist() == [True]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.integers(1, 40), dimension=st.sampled_from(["A1", "A1:B2", "A1:P10", "A1:C2", "C5:Z9"]))
def test_any_dimension_tag_reads_every_row_and_column(tmp_path, rows, dimension):
    book = Workbook()
    sheet = book.active
    sheet.append(["nama", "nomor_sk", "tanggal_sk", "status"])
    for i in range(rows):
        sheet.append([f"INOVASI {i}", f"{i}/2023", "2023-01-31", "aktif" if i % 2 else "nonaktif"])
    path = tmp_path / f"inovasi-{rows}-{dimension.replace(':', '')}.xlsx"
    book.save(path)
    _rewrite_sheet(path, lambda xml: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), xml))
    got = read_dataset(path, "inovasi")
    assert len(got) == rows and got["baris"].tolist() == list(range(2, rows + 2))
    assert got["status"].tolist() == ["aktif" if i % 2 else "nonaktif" for i in range(rows)]


@pytest.mark.parametrize("chunk", [5, 37, 1 << 20])
def test_the_cell_count_does_not_depend_on_where_the_stream_is_cut(tmp_path, monkeypatch, chunk):
    from lkjip.inputs import xlsx_scan

    path = _workbook(tmp_path / "inovasi.xlsx", 60)
    monkeypatch.setattr(xlsx_scan, "_CHUNK", chunk)
    assert xlsx_scan.scan_workbook(path, "inovasi.xlsx").cells == 61 * 4
