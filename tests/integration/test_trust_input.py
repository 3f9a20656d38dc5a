"""Issue 11, bad and hostile input files: every case exits with its code, names file, row, column
and rule, and leaves the published reports and processed data byte-identical.

Each test builds a small copy of the bundled unit in tmp_path (the published trees are stand-ins:
``lkjip ingest``/``validate``/``audit`` must never touch them) and breaks one thing.
"""

from __future__ import annotations

import builtins
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip.cli import main
from lkjip.errors import DataError, DataErrors
from lkjip.inputs.ingest import read_dataset, read_year
from lkjip.contract.schema import DATASETS

from helpers.workspace import YEAR, Workspace


# --------------------------------------------------------------------------- workspace


@pytest.fixture
def ws(tmp_path, raw_dir, monkeypatch):
    """A copy of the bundled unit and a published state to keep intact (reports/ and data/processed/)."""
    return Workspace(tmp_path, raw_dir, monkeypatch, notebooks=True)


def frame_of(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def save(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n")


def ingest_and_validate(ws, capsys) -> list[tuple[int, str]]:
    """Both commands on the broken copy: (exit code, stderr) each; the published trees never change."""
    out = []
    for command in ("ingest", "validate"):
        code = ws.cli(command, "--unit", "gedeg", "--year", YEAR)
        out.append((code, capsys.readouterr().err))
        assert ws.published() == ws.before, command
    assert "Traceback" not in "".join(err for _, err in out)
    return out


# --------------------------------------------------------------------------- 1. duplicates


def test_the_same_innovation_twice_is_refused_naming_both_rows(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    df = frame_of(path)
    save(pd.concat([df, df.iloc[[1]]], ignore_index=True), path)  # spreadsheet row 4 repeats row 3
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2
        assert "inovasi.csv, baris 4, kolom 'nama, nomor_sk'" in err
        assert "mengulang baris 3" in err and "MANTAP BERDASI" in err
    assert not (ws.root / "data" / "processed" / "_scratch" / "gedeg" / YEAR).exists()


def test_the_same_paten_service_twice_is_refused_even_in_other_case(ws, capsys):
    ws.keep_only("paten_layanan")
    path = ws.year_dir / "paten_layanan.csv"
    df = frame_of(path)
    again = df.iloc[[0]].copy()
    again["layanan"] = "  PINDAH   datang "  # the same service, typed differently
    save(pd.concat([df.iloc[:3], again, df.iloc[3:]], ignore_index=True), path)
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2
        assert "paten_layanan.csv, baris 5, kolom 'layanan'" in err and "mengulang baris 2" in err


KEY_CASES = {
    # dataset: (file, a row index to repeat)
    "paten_layanan": ("2023/paten_layanan.csv", 2),
    "anggaran": ("2023/anggaran.csv", 3),
    "lra": ("2023/lra.csv", 2),
    "pegawai": ("2023/pegawai.csv", 1),
    "sakip_evaluasi": ("2023/sakip_evaluasi.csv", 0),
    "koordinasi": ("2023/koordinasi.csv", 4),
    "inovasi": ("2023/inovasi.csv", 0),
    "targets": ("targets.csv", 5),
    "published": ("published.csv", 3),
}


@pytest.mark.parametrize("dataset", sorted(KEY_CASES))
def test_every_dataset_refuses_a_repeated_key(dataset, ws):
    relative, index = KEY_CASES[dataset]
    path = ws.data / "gedeg" / relative
    df = frame_of(path)
    save(pd.concat([df, df.iloc[[index]]], ignore_index=True), path)
    with pytest.raises((DataError, DataErrors)) as info:
        read_dataset(path, dataset)
    errors = info.value.errors if isinstance(info.value, DataErrors) else [info.value]
    assert [(e.row, e.column) for e in errors] == [(len(df) + 2, ", ".join(DATASETS[dataset].key_columns))]
    assert f"mengulang baris {index + 2}" in errors[0].rule


def test_every_dataset_declares_its_natural_key():
    for name, spec in DATASETS.items():
        assert spec.key_columns, f"{name}: schema.Dataset.key kosong (issue 11: setiap dataset punya kunci alami)"
    # where a figure was printed is part of its key once the contract has those columns
    assert DATASETS["published"].key[:4] == ("tahun", "indikator", "ukuran", "sumber")
    assert set(DATASETS["published"].key) >= {"lokasi", "baris_label", "kolom_label"}


def test_keys_outside_the_rule_are_honorer_without_nip_totals_and_surveys_without_ids(ws, write):
    pegawai = ws.year_dir / "pegawai.csv"
    df = frame_of(pegawai)
    honorer = df[df["status"] == "honorer"].iloc[[0]]
    save(pd.concat([df, honorer], ignore_index=True), pegawai)  # a second honorer row without NIP
    assert len(read_dataset(pegawai, "pegawai")) == len(df) + 1
    paten = ws.year_dir / "paten_layanan.csv"
    text = paten.read_text()
    total = [line for line in text.splitlines() if line.startswith("JUMLAH")][0]
    paten.write_text(text + total + "\n")  # two printed totals: data, not keys
    assert int(read_dataset(paten, "paten_layanan")["adalah_total"].sum()) == 2
    header = "tanggal,u1,u2,u3,u4,u5,u6,u7,u8,u9"
    same = "2023-01-05,4,4,4,4,4,4,4,4,4"
    assert len(read_dataset(write("a/ikm_survei.csv", f"{header}\n{same}\n{same}\n"), "ikm_survei")) == 2
    with pytest.raises(DataError) as info:
        read_dataset(write("b/ikm_survei.csv", f"{header},id_responden\n{same},K-7\n{same},k-7\n"), "ikm_survei")
    assert (info.value.row, info.value.column) == (3, "id_responden") and "mengulang baris 2" in info.value.rule


def test_a_published_figure_may_repeat_in_another_place(ws):
    path = ws.data / "gedeg" / "published.csv"
    df = frame_of(path)
    again = df.iloc[[0]].copy()
    again["sumber"] = "LKjIP Kecamatan Gedeg 2023, Bab IV Kesimpulan"
    save(pd.concat([df, again], ignore_index=True), path)
    read = read_dataset(path, "published")
    assert len(read) == len(df) + 1 == 2859
    first, last = read.iloc[0], read.iloc[-1]
    assert (last["baris"], last["sumber"]) == (2860, "LKjIP Kecamatan Gedeg 2023, Bab IV Kesimpulan")
    assert (first["baris"], first["sumber"]) == (2, "LKjIP Kecamatan Gedeg 2023, Ikhtisar Eksekutif")
    same = ["tahun", "indikator", "nilai", "ukuran", "lokasi", "teks"]
    assert last[same].tolist() == first[same].tolist() == [2023, "jumlah_program", 3.0, "realisasi",
                                                            "Ikhtisar Eksekutif", "3 program"]


def test_the_suites_hold_the_same_key_rule():
    from lkjip.validation import validate_frame

    df = read_dataset(Path(__file__).resolve().parents[2] / "data" / "raw" / "gedeg" / YEAR / "inovasi.csv", "inovasi")
    twice = pd.concat([df, df.iloc[[0]].assign(baris=4, nama=df.loc[0, "nama"].lower())], ignore_index=True)
    found = {f.rule_id: f for f in validate_frame("inovasi", twice, 2023) if f.failed}
    assert found["inovasi.kunci.unik"].rows == [2, 4]
    assert found["inovasi.kunci.unik"].severity == "error"


def test_build_expectations_check_is_current(root):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(root / "scripts" / "build_expectations.py"), "--check", "--no-gx"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    text = (root / "expectations" / "pegawai.json").read_text()
    assert '"pegawai.kunci.unik"' in text and '"pegawai.nip.unik_asn"' not in text


# --------------------------------------------------------------------------- 5. reading failures


def test_a_decimal_comma_in_a_comma_separated_file(ws, capsys):
    ws.keep_only("koordinasi")
    path = ws.year_dir / "koordinasi.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",3,5"  # spreadsheet row 4 gets a fifth field
    path.write_text("\n".join(lines) + "\n")
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2
        assert "koordinasi.csv, baris 4:" in err and "berisi 5 sel, padahal judul kolom hanya 4" in err
        assert '"3,5"' in err and "ParserError" not in err


def test_a_file_not_in_utf8_names_its_row(ws, capsys):
    ws.keep_only("inovasi")
    path = ws.year_dir / "inovasi.csv"
    path.write_bytes(path.read_bytes().replace(b"GAMIS JUBAH", "GAMIS JUBAH Ü".encode("cp1252")))
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2 and "inovasi.csv, baris 2:" in err and "UTF-8" in err


@pytest.mark.parametrize("content, rule", [
    (b"", "berkas kosong"),
    (b"PK\x03\x04 bukan workbook", "tidak dapat dibuka"),
])
def test_an_empty_or_damaged_file(ws, capsys, content, rule):
    ws.keep_only()
    (ws.year_dir / "pegawai.xlsx").write_bytes(content)
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2 and "pegawai.xlsx" in err and rule in err


def test_an_unreadable_file(ws, capsys, monkeypatch):
    ws.keep_only("lra")
    target = ws.year_dir / "lra.csv"
    real = Path.read_bytes

    def read_bytes(self):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    real_open = builtins.open

    def open_(file, *args, **kwargs):  # hashing the file for the read cache opens it too
        if isinstance(file, (str, os.PathLike)) and Path(file) == target:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # chmod does not stop root: every way of opening the file fails, as it would for a user without the right
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(builtins, "open", open_)
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2 and "lra.csv: berkas tidak dapat dibaca: izin ditolak" in err


def test_a_type_error_does_not_hide_range_errors_and_rules_read_once(ws, capsys):
    ws.keep_only("koordinasi")
    path = ws.year_dir / "koordinasi.csv"
    df = frame_of(path)
    df.loc[1, "fasilitasi"] = "dua belas"  # row 3: not a number
    df.loc[4, "tindak_lanjut"] = "99"  # row 6: more follow-ups than facilitations (a rule of the suite)
    df.loc[6, "tindak_lanjut"] = "3,5"  # row 8: not whole (quoted by pandas)
    save(df, path)
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2
        assert "koordinasi.csv, baris 3, kolom 'fasilitasi': harus bilangan bulat: bukan angka (isi: 'dua belas')" in err
        assert "koordinasi.csv, baris 6, kolom 'tindak_lanjut': Tindak lanjut tidak boleh lebih banyak" in err
        assert "baris 8, kolom 'tindak_lanjut': harus bilangan bulat (isi: '3,5')" in err
        assert "harus bilangan bulat: harus bilangan bulat" not in err
        assert "baris 3, kolom 'fasilitasi': Kolom 'fasilitasi' tidak boleh kosong" not in err  # said once


def test_the_run_s_ingest_step_reports_every_failure_at_once(ws):
    from lkjip.validation.raw import read_year_checked

    path = ws.year_dir / "ikm_survei.csv"
    df = frame_of(path)
    df.loc[0, "u2"] = "empat"  # row 2
    df.loc[3, "u3"] = "5"  # row 5: out of 1..4
    save(df, path)
    with pytest.raises(DataErrors) as info:
        read_year_checked(ws.data, "gedeg", 2023)
    got = [(e.row, e.column) for e in info.value.errors]
    assert got == [(2, "u2"), (5, "u3")]
    frames, _ = read_year_checked(ws.data, "gedeg", 2022)  # a good year: just read, every row and value
    survey = frames["ikm_survei"]
    assert len(survey) == 538  # the rows of data/raw/gedeg/2022/ikm_survei.csv
    assert [int(survey[f"u{i}"].sum()) for i in range(1, 10)] == [2024, 2022, 2030, 2016, 2022, 2014, 2021, 2021, 2012]


def test_read_only_output_exits_73(ws, capsys, monkeypatch):
    real_mkdir = Path.mkdir
    scratch = ws.root / "data" / "processed" / "_scratch"

    def mkdir(self, *a, **k):
        if self == scratch or scratch in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    ws.keep_only("inovasi")
    assert ws.cli("ingest", "--unit", "gedeg", "--year", YEAR) == 73
    err = capsys.readouterr().err
    assert "tidak dapat menulis" in err and "_scratch" in err and "izin ditolak" in err and "Traceback" not in err
    assert ws.published() == ws.before


def test_a_bug_shows_a_traceback_only_with_debug(ws, capsys, monkeypatch):
    import lkjip.inputs.catalog

    def broken(*a, **k):
        raise RuntimeError("contoh galat")

    monkeypatch.setattr(lkjip.inputs.catalog, "check_unit_year", broken)
    assert ws.cli("validate", "--unit", "gedeg") == 1
    err = capsys.readouterr().err
    assert "GALAT PROGRAM (bug): RuntimeError: contoh galat" in err and "--debug" in err and "Traceback" not in err
    assert ws.cli("validate", "--unit", "gedeg", "--debug") == 1
    assert "Traceback" in capsys.readouterr().err


# --------------------------------------------------------------------------- 3/4. no writes into published folders


def test_validate_report_refuses_the_published_folder(ws, capsys):
    ws.keep_only("inovasi")
    code = ws.cli("validate", "--unit", "gedeg", "--year", YEAR, "--report", str(ws.root / "reports"))
    err = capsys.readouterr().err
    assert code == 64 and "folder laporan terbitan" in err and "--report /tmp/validasi" in err
    assert ws.published() == ws.before
    other = ws.root / "pemeriksaan"
    # the other datasets are missing (exit 2): the report is written all the same, outside reports/
    assert ws.cli("validate", "--unit", "gedeg", "--year", YEAR, "--report", str(other)) == 2
    assert (other / "gedeg" / YEAR / "validasi.html").exists()
    assert ws.published() == ws.before


def test_a_failing_validate_report_still_never_touches_published_files(ws, capsys):
    ws.keep_only("ikm_survei")
    path = ws.year_dir / "ikm_survei.csv"
    df = frame_of(path)
    df.loc[2, "u1"] = "0"
    df.loc[3, "u9"] = "5"
    save(df, path)
    code = ws.cli("validate", "--unit", "gedeg", "--year", YEAR, "--report", str(ws.root / "cek"))
    assert code == 2
    err = capsys.readouterr().err
    assert "ikm_survei.csv, baris 4, kolom 'u1'" in err and "ikm_survei.csv, baris 5, kolom 'u9'" in err
    assert (ws.root / "cek" / "gedeg" / YEAR / "validasi.html").exists()
    assert ws.published() == ws.before
    # the same survey through `lkjip ingest`: exit 2, the cells named, nothing written anywhere
    assert ws.cli("ingest", "--unit", "gedeg", "--year", YEAR) == 2
    err = capsys.readouterr().err
    assert "ikm_survei.csv, baris 4, kolom 'u1'" in err and "tidak ditulis" in err
    assert not (ws.root / "data" / "processed" / "_scratch" / "gedeg" / YEAR).exists()
    assert ws.published() == ws.before


def test_ingest_refuses_to_write_into_the_published_processed_folder(ws, capsys):
    ws.keep_only("inovasi")
    code = ws.cli("ingest", "--unit", "gedeg", "--year", YEAR, "--out", str(ws.root / "data" / "processed"))
    assert code == 64 and "hanya `lkjip run` yang menerbitkan" in capsys.readouterr().err
    assert ws.published() == ws.before
    assert ws.cli("ingest", "--unit", "gedeg", "--year", YEAR, "--out", str(ws.root / "kerja")) == 0
    assert (ws.root / "kerja" / "gedeg" / YEAR / "inovasi.parquet").exists()
    assert ws.published() == ws.before


# --------------------------------------------------------------------------- 7. parameters


@pytest.mark.parametrize("args, message", [
    (["--year", "abc"], "tahun tidak valid: 'abc'"),
    (["--year", "2023-2021"], "rentang tahun kosong: '2023-2021'"),
    (["--tahun", "2023"], "unrecognized arguments"),
])
def test_bad_parameters_exit_64_and_say_what_to_do(ws, capsys, args, message):
    assert ws.cli("validate", "--unit", "gedeg", *args) == 64
    err = capsys.readouterr().err
    assert message in err and "parameter salah" in err and "--help" in err


def test_a_range_of_years(ws, capsys):
    ws.keep_only("inovasi", years=(2021, 2022))
    assert ws.cli("ingest", "--unit", "gedeg", "--year", "2021-2022") == 0
    assert capsys.readouterr().out.split() == [str(ws.root / "data" / "processed" / "_scratch" / "gedeg" / y)
                                               for y in ("2021", "2022")]


def test_a_unit_year_locked_by_another_run_exits_64(ws, capsys):
    from lkjip.inputs.files import exclusive_lock

    lock = ws.root / "reports" / "gedeg" / f".{YEAR}.lock"
    with exclusive_lock(lock):
        code = main(["run", "--unit", "gedeg", "--year", YEAR, "--data-dir", str(ws.data),
                     "--processed-dir", str(ws.root / "data" / "processed"), "--reports-dir", str(ws.root / "reports")])
    err = capsys.readouterr().err
    assert code == 64
    assert "gedeg 2023: sedang dijalankan oleh proses lain" in err and "tunggu sampai proses itu selesai" in err
    assert ws.published() == ws.before


def test_a_read_only_reports_folder_exits_73(ws, capsys, monkeypatch):
    real_mkdir = Path.mkdir
    reports = ws.root / "reports"
    shutil.rmtree(reports)
    reports.mkdir()

    def mkdir(self, *a, **k):
        if reports in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    code = main(["run", "--unit", "gedeg", "--year", YEAR, "--data-dir", str(ws.data),
                 "--processed-dir", str(ws.root / "data" / "processed"), "--reports-dir", str(reports)])
    err = capsys.readouterr().err
    assert code == 73 and "tidak dapat menulis" in err and "reports/gedeg" in err and "Traceback" not in err


# --------------------------------------------------------------------------- 6. edge values


def test_a_survey_with_a_header_and_no_rows_is_an_error_like_a_missing_survey(ws, capsys):
    ws.keep_only("ikm_survei")
    path = ws.year_dir / "ikm_survei.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    for code, err in ingest_and_validate(ws, capsys):
        assert code == 2 and "ikm_survei.csv: berkas tidak berisi satu baris data pun" in err
    path.unlink()
    assert ws.cli("validate", "--unit", "gedeg", "--year", YEAR) == 2
    assert "Berkas ikm_survei.csv wajib ada" in capsys.readouterr().err


def test_a_target_of_zero_warns_and_reads_tidak_dapat_dihitung(ws, capsys, tmp_path):
    from lkjip.document import narrative as nr
    from lkjip import document as rp
    from lkjip.indicators.csv_output import write_indicators_csv

    path = ws.data / "gedeg" / "targets.csv"
    df = frame_of(path)
    row = df.index[(df["indikator"] == "ikm") & (df["tahun"] == YEAR) & (df["dokumen"] == "pk_perubahan")][0]
    df.loc[row, "target"] = "0"
    save(df, path)
    ws.keep_only("inovasi")  # the targets' suite is what matters here
    ws.cli("validate", "--unit", "gedeg", "--year", YEAR)
    err = capsys.readouterr().err
    assert "peringatan: data/raw/gedeg/targets.csv: Target 0: capaian" in err and f"baris {row + 2}" in err
    shutil.rmtree(ws.data / "gedeg")
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "raw" / "gedeg", ws.data / "gedeg")
    save(df, path)
    rep = rp.build_report(ws.data, "gedeg", 2023)
    shown = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama")["Kategori Capaian"]
    assert shown["Nilai IKM (Indeks Kepuasan Masyarakat)"] == "tidak dapat dihitung"
    assert (shown == "tidak dapat dihitung").sum() == 1
    assert "capaian tidak dapat dihitung (target 0)" in nr.ikhtisar_capaian(rep)
    assert "karena targetnya 0, capaian tidak dapat dihitung" in nr.analisis_indikator(rep, "ikm")
    csv = write_indicators_csv(rep.results, tmp_path / "indicators.csv").read_text().splitlines()
    ikm = dict(zip(csv[0].split(","), next(line for line in csv if line.startswith("ikm,")).split(",")))
    assert (ikm["capaian_pct"], ikm["kategori"]) == ("", "")  # capaian and kategori stay empty in the data output


# --------------------------------------------------------------------------- 8. spreadsheets


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


INOVASI = [["nama", "nomor_sk", "tanggal_sk", "status"],
           ["GAMIS JUBAH", "188/57/416-314/2022", "2022-03-14", "aktif"],
           ["MANTAP BERDASI", "188/22/416-314/2023", "x", "aktif"]]


def test_xlsx_with_a_title_and_a_blank_row_above_the_header(tmp_path):
    path = _xlsx(tmp_path / "inovasi.xlsx", {"Sheet": [["Daftar Inovasi Kecamatan Gedeg 2023"], [], *INOVASI]})
    with pytest.raises(DataError) as info:
        read_dataset(path, "inovasi")
    assert (info.value.row, info.value.column) == (5, "tanggal_sk")  # the spreadsheet's own row number
    good = [r[:] for r in INOVASI]
    good[2][2] = "2023-01-31"
    df = read_dataset(_xlsx(tmp_path / "b.xlsx", {"Sheet": [["Judul"], [None], *good]}), "inovasi")
    assert df["baris"].tolist() == [4, 5] and df["nama"].tolist() == ["GAMIS JUBAH", "MANTAP BERDASI"]


def test_xlsx_with_its_data_on_the_second_sheet(tmp_path):
    guide = [["Petunjuk pengisian"], ["Kolom nama: nama inovasi"], ["Kolom status: aktif/nonaktif"]]
    path = _xlsx(tmp_path / "inovasi.xlsx", {"Petunjuk": guide, "Data": INOVASI})
    with pytest.raises(DataError) as info:
        read_dataset(path, "inovasi")
    assert "inovasi.xlsx (lembar 'Data')" in str(info.value) and info.value.row == 3


def test_xlsx_where_nothing_matches_says_what_was_read(tmp_path):
    path = _xlsx(tmp_path / "inovasi.xlsx", {"Petunjuk": [["Petunjuk"]], "Rekap": [["No", "Uraian", "Jumlah"], [1, "a", 2]]})
    with pytest.raises(DataError) as info:
        read_dataset(path, "inovasi")
    text = str(info.value)
    assert "lembar 'Petunjuk': tidak ada kolom kontrak" in text and "lembar 'Rekap': tidak ada kolom kontrak" in text
    assert "kolom wajib yang dicari: nama, nomor_sk, tanggal_sk" in text
    partial = _xlsx(tmp_path / "b.xlsx", {"Data": [["Judul"], ["nama", "tanggal sk", "keterangan"]]})
    with pytest.raises(DataError) as info:
        read_dataset(partial, "inovasi")
    assert info.value.column == "nomor_sk" and info.value.row == 2
    assert "judul kolom dibaca di baris 2" in info.value.rule and "kolom yang ada" in info.value.rule


def test_filled_templates_still_read(root, tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(root / "templates" / "inovasi.xlsx")
    assert book.sheetnames == ["data", "petunjuk"]
    book["data"].append(["GAMIS JUBAH", "188/57/416-314/2022", "2022-03-14", "aktif"])
    book.save(tmp_path / "inovasi.xlsx")
    df = read_dataset(tmp_path / "inovasi.xlsx", "inovasi")
    assert df["nama"].tolist() == ["GAMIS JUBAH"] and df["baris"].tolist() == [2]


def test_read_year_of_the_bundled_unit_is_unchanged(raw_dir):
    frames, _ = read_year(raw_dir, "gedeg", 2023)
    survey = frames["ikm_survei"]
    # Gambar 3.1 of the published LKjIP 2023: 654 respondents, these totals per unsur
    assert len(survey) == 654
    assert [int(survey[f"u{i}"].sum()) for i in range(1, 10)] == [2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600]
    innovations = frames["inovasi"]
    # GAMIS JUBAH's SK is illegible in the seed: number and date are empty, not reconstructed
    assert innovations[["nama", "nomor_sk", "baris"]].astype(object).where(innovations[["nama", "nomor_sk", "baris"]]
                                                                           .notna(), None).values.tolist() == [
        ["GAMIS JUBAH", None, 2], ["MANTAP BERDASI", "188/22/416-314/2023", 3]]
    assert innovations["tanggal_sk"].dt.strftime("%Y-%m-%d").fillna("").tolist() == ["", "2023-01-31"]
