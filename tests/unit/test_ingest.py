"""Readers: header matching, number forms, row numbers, personal data, errors."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.errors import DataError, DataErrors
from lkjip.inputs.ingest import read_dataset, read_year, write_processed
from lkjip.inputs.catalog import year_files

MONTHS = "jan,feb,mar,apr,mei,jun,jul,agu,sep,okt,nov,des"


def survey_csv(rows: list[str], header="tanggal,nama,u1,u2,u3,u4,u5,u6,u7,u8,u9") -> str:
    return header + "\n" + "\n".join(rows) + "\n"


def test_survey_types_rows_and_dropped_names(write):
    path = write("ikm_survei.csv", survey_csv([
        "2023-01-05,Sutrisnowati,4,4,3,4,4,4,4,4,4",
        "",  # a blank line keeps the numbering of the rows after it
        "06/02/2023,Wiryohadi,4,,3,4,4,4,2,4,1",
    ]))
    df = read_dataset(path, "ikm_survei")
    assert list(df["baris"]) == [2, 4]
    assert df["u3"].tolist() == [3, 3]
    assert df["u2"].isna().tolist() == [False, True]
    assert str(df["u1"].dtype) == "Int64"
    assert df["tanggal"].tolist() == [pd.Timestamp("2023-01-05"), pd.Timestamp("2023-02-06")]
    assert "nama" not in df.columns
    assert "Sutrisnowati" not in df.to_csv()
    assert df.attrs["kolom_diabaikan"] == ["nama"]
    # optional contract columns exist, empty, so every later step sees one shape
    assert df["jenis_kelamin"].isna().all()


def test_headers_match_case_and_space_insensitively(write):
    header = "Layanan," + ",".join(m.upper() for m in MONTHS.split(",")) + ",Jumlah, Tidak Sesuai  Standar "
    path = write("paten_layanan.csv", header + "\n" + "Kartu Keluarga," + ",".join(["1"] * 12) + ",12,0\n"
                 + "JUMLAH," + ",".join(["1"] * 12) + ",12,\n")
    df = read_dataset(path, "paten_layanan")
    assert df.loc[0, "jan"] == 1 and df.loc[0, "jumlah"] == 12 and df.loc[0, "tidak_sesuai_standar"] == 0
    assert df["adalah_total"].tolist() == [False, True]


def test_indonesian_numbers_in_a_real_file(write):
    path = write("anggaran.csv", 'kode,uraian,pagu,realisasi\n'
                 '7.01.01,Program A,"Rp 2.720.088.927,00","2.567.147.148"\n'
                 '7.01.01.2.01,Kegiatan,"(1.000,00)",94.37\n'
                 '7.01.01.2.01.0001,Sub,"1.234,5",0\n')
    df = read_dataset(path, "anggaran")
    assert df["pagu"].tolist() == [2720088927.0, -1000.0, 1234.5]
    assert df["realisasi"].tolist() == [2567147148.0, 94.37, 0.0]
    assert df["kode"].tolist() == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"]


def test_semicolon_csv(write):
    path = write("koordinasi.csv", "uraian;seksi;fasilitasi;tindak_lanjut\nFasilitasi DD;Seksi Pemerintahan;42;42\n")
    df = read_dataset(path, "koordinasi")
    assert df.loc[0, "fasilitasi"] == 42


def test_text_in_a_month_cell_names_file_row_and_column(write):
    path = write("paten_layanan.csv", "layanan," + MONTHS + "\n"
                 "Kartu Keluarga," + ",".join(["1"] * 12) + "\n"
                 "Akte Kelahiran,1,2,tiga,4,5,6,7,8,9,10,11,12\n")
    with pytest.raises(DataError) as info:
        read_dataset(path, "paten_layanan")
    err = info.value
    assert (err.row, err.column, err.value) == (3, "mar", "tiga")
    assert "paten_layanan.csv" in str(err) and "baris 3" in str(err) and "kolom 'mar'" in str(err)
    assert "bilangan bulat" in err.rule


def test_every_bad_cell_is_reported_at_once(write):
    path = write("paten_layanan.csv", "layanan," + MONTHS + "\n"
                 "A,x,2,3,4,5,6,7,8,9,10,11,12\n"
                 "B,1,2,3,4,5,6,7,8,9,10,11,1.5\n")
    with pytest.raises(DataErrors) as info:
        read_dataset(path, "paten_layanan")
    assert [(e.row, e.column) for e in info.value.errors] == [(2, "jan"), (3, "des")]


def test_missing_required_column(write):
    path = write("koordinasi.csv", "uraian,seksi,fasilitasi\nA,B,1\n")
    with pytest.raises(DataError) as info:
        read_dataset(path, "koordinasi")
    assert info.value.column == "tindak_lanjut" and info.value.row == 1
    assert "tidak ada" in info.value.rule


def test_duplicate_header(write):
    path = write("koordinasi.csv", "uraian,seksi,fasilitasi,Fasilitasi,tindak_lanjut\nA,B,1,1,1\n")
    with pytest.raises(DataError, match="dua kali"):
        read_dataset(path, "koordinasi")


def test_bad_date(write):
    path = write("inovasi.csv", "nama,nomor_sk,tanggal_sk\nX,1/2023,31/02/2023\n")
    with pytest.raises(DataError) as info:
        read_dataset(path, "inovasi")
    assert (info.value.row, info.value.column) == (2, "tanggal_sk")


def test_a_five_in_u3_is_read_and_left_to_validation(write):
    # The reader types cells; ranges are the expectation suites' job, so the
    # value arrives unchanged (never "corrected") and validation names its row.
    path = write("ikm_survei.csv", survey_csv(["2023-01-05,Ani,4,4,5,4,4,4,4,4,4"]))
    assert read_dataset(path, "ikm_survei").loc[0, "u3"] == 5


def test_unknown_dataset_file_in_a_year_folder(tmp_path):
    year = tmp_path / "u" / "2023"
    year.mkdir(parents=True)
    (year / "koordinasi.csv").write_text("uraian,seksi,fasilitasi,tindak_lanjut\n")
    (year / "anggaran_2023.csv").write_text("kode,uraian,pagu,realisasi\n")
    with pytest.raises(DataError) as info:
        year_files(tmp_path, "u", 2023)
    assert "anggaran_2023.csv" in info.value.file
    assert "tidak dikenal" in info.value.rule


def test_same_dataset_twice_is_an_error(tmp_path):
    year = tmp_path / "u" / "2023"
    year.mkdir(parents=True)
    (year / "koordinasi.csv").write_text("uraian,seksi,fasilitasi,tindak_lanjut\n")
    (year / "koordinasi.xlsx").write_bytes(b"")
    with pytest.raises(DataError, match="dua kali"):
        year_files(tmp_path, "u", 2023)


def test_xlsx_is_read_exactly_as_csv(write, tmp_path):
    from openpyxl import Workbook

    csv_path = write("csv/anggaran.csv", 'kode,uraian,pagu,realisasi\n'
                     '7.01.01,Program A,"2.720.088.927,00",2567147148\n'
                     '7.01.01.2.01,"Kegiatan  B",1000,"94,37"\n')
    book = Workbook()
    sheet = book.active
    sheet.append(["KODE", "Uraian", "Pagu", "Realisasi"])
    sheet.append(["7.01.01", "Program A", "2.720.088.927,00", 2567147148])
    sheet.append(["7.01.01.2.01", "Kegiatan  B", 1000, "94,37"])
    book.save(tmp_path / "anggaran.xlsx")
    from_csv = read_dataset(csv_path, "anggaran")
    from_xlsx = read_dataset(tmp_path / "anggaran.xlsx", "anggaran")
    pd.testing.assert_frame_equal(from_csv, from_xlsx)


def test_failed_write_keeps_earlier_processed_files(tmp_path):
    out = tmp_path / "gedeg" / "2023"
    write_processed({"a": pd.DataFrame({"x": [1]})}, out)
    before = (out / "a.parquet").read_bytes()

    class Boom(pd.DataFrame):
        def to_parquet(self, *a, **k):
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_processed({"a": pd.DataFrame({"x": [2]}), "b": Boom({"x": [1]})}, out)
    assert (out / "a.parquet").read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["2023"]


def test_read_year_collects_errors_of_all_files(tmp_path):
    year = tmp_path / "u" / "2023"
    year.mkdir(parents=True)
    (year / "koordinasi.csv").write_text("uraian,seksi,fasilitasi,tindak_lanjut\nA,B,satu,1\n")
    (year / "inovasi.csv").write_text("nama,nomor_sk\nX,1\n")
    with pytest.raises(DataErrors) as info:
        read_year(tmp_path, "u", 2023)
    files = sorted(e.file.split("/")[-1] for e in info.value.errors)
    assert files == ["inovasi.csv", "koordinasi.csv"]
