"""The command line: exit codes that mean something, messages on stderr."""

from __future__ import annotations

import shutil

import pytest

from lkjip.cli import main


@pytest.fixture
def data(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "raw" / "gedeg")
    return tmp_path / "raw"


def test_ingest_writes_parquet(data, tmp_path, capsys):
    code = main(["ingest", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data),
                 "--processed-dir", str(tmp_path / "p")])
    assert code == 0
    # ingest never writes into the published folder: a scratch folder, said in the output
    scratch = tmp_path / "p" / "_scratch" / "gedeg" / "2023"
    assert (scratch / "ikm_survei.parquet").exists()
    assert not (tmp_path / "p" / "gedeg").exists()
    out = capsys.readouterr()
    assert "ikm_survei 654" in out.err and f"Parquet ditulis ke {scratch}" in out.err
    assert out.out.strip() == str(scratch)


def test_ingest_bad_cell_exits_2_and_names_the_cell(data, tmp_path, capsys):
    path = data / "gedeg" / "2023" / "koordinasi.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",dua belas"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["ingest", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data),
                 "--processed-dir", str(tmp_path / "p")])
    err = capsys.readouterr().err
    assert code == 2
    assert "koordinasi.csv, baris 4, kolom 'tindak_lanjut'" in err
    assert not (tmp_path / "p" / "gedeg" / "2023").exists()
    assert not (tmp_path / "p" / "_scratch" / "gedeg" / "2023").exists()


def test_unknown_unit_exits_64_and_lists_units(data, capsys):
    assert main(["ingest", "--unit", "mojosari", "--data-dir", str(data)]) == 64
    assert "Unit yang ada: gedeg" in capsys.readouterr().err  # the data fixture holds a copy of gedeg only


def test_year_without_data_lists_years(data, capsys):
    assert main(["validate", "--unit", "gedeg", "--year", "2019", "--data-dir", str(data)]) == 64
    assert "Tahun yang ada: 2021, 2022, 2023" in capsys.readouterr().err


def test_validate_bad_file_exits_2_with_rows(data, capsys):
    path = data / "gedeg" / "2023" / "ikm_survei.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in (5, 9):  # spreadsheet rows 6 and 10
        cells = lines[row].split(",")
        cells[4] = "5"  # u3
        lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["validate", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 2
    assert "ikm_survei.csv, baris 6, kolom 'u3'" in err
    assert "ikm_survei.csv, baris 10, kolom 'u3'" in err


def test_validate_bundled_year_passes(data, capsys):
    assert main(["validate", "--unit", "gedeg", "--year", "2021", "--data-dir", str(data)]) == 0


def test_audit_writes_csv_and_leaves_raw_data_untouched(data, tmp_path, capsys):
    import hashlib

    def digest():
        return {p.name + str(p.parent.name): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(data.rglob("*")) if p.is_file()}

    before = digest()
    code = main(["audit", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data),
                 "--processed-dir", str(tmp_path / "p")])
    assert code == 0
    assert digest() == before
    assert not (tmp_path / "p" / "gedeg").exists()  # audit writes to the scratch folder, not the published one
    text = (tmp_path / "p" / "_scratch" / "gedeg" / "2023" / "audit.csv").read_text()
    # the comparison's seven columns first, then its likely cause, place and sources (lkjip.audit.AUDIT_COLUMNS)
    assert text.splitlines()[0].startswith(
        "pemeriksaan,dataset,item,dipublikasikan,dihitung,selisih,status,kemungkinan_penyebab,penjelasan,")
    assert "Pindah Datang: jumlah setahun,754,794,-40,selisih" in text
    assert "selisih" in capsys.readouterr().err
