"""The bundled unit (Kecamatan Gedeg 2021-2023) reads cleanly and matches the published LKjIP 2023."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.inputs.ingest import ingest_year, read_dataset, read_processed, read_unit_table, read_year
from lkjip.inputs.catalog import list_years
from lkjip.contract.schema import REQUIRED_YEAR_DATASETS, UNSUR, YEAR_DATASETS
from lkjip.inputs.unit import load_unit

YEARS = [2021, 2022, 2023]
#: Rows of every dataset of every bundled year, counted in the CSV files (every non-blank line below the
#: header: printed totals are kept as data).
ROWS = {
    2021: {"angka_resmi": 1, "anggaran": 36, "dokumen": 1, "ikm_survei": 412, "inovasi": 1, "koordinasi": 51, "lra": 9, "paten_layanan": 21,
           "pegawai": 23, "sakip_evaluasi": 16},
    2022: {"angka_resmi": 1, "anggaran": 37, "dokumen": 1, "ikm_survei": 538, "inovasi": 2, "koordinasi": 39, "lra": 9, "paten_layanan": 21,
           "pegawai": 23, "prestasi": 5, "sakip_evaluasi": 16},
    2023: {"angka_resmi": 1, "anggaran": 35, "dokumen": 5, "ikm_survei": 654, "inovasi": 2, "kinerja_pejabat": 31, "koordinasi": 25,
           "laporan_pejabat": 7, "lra": 9, "paten_layanan": 21, "pegawai": 21, "penandatangan": 11, "penduduk": 15,
           "perjanjian_kinerja": 14, "perjanjian_kinerja_anggaran": 6, "prestasi": 4, "sakip_evaluasi": 4,
           "sarana": 41, "tindak_lanjut_evaluasi": 7},
}


def test_years_and_unit(raw_dir):
    assert list_years(raw_dir, "gedeg") == YEARS
    unit = load_unit(raw_dir, "gedeg")
    assert unit.nama == "Kecamatan Gedeg"
    assert unit.pimpinan["nip"] == "197702211995111001"
    assert unit.pembiayaan["sakip"] == "7.01.01"


@pytest.mark.parametrize("year", YEARS)
def test_every_dataset_of_every_year_reads(raw_dir, year):
    frames, files = read_year(raw_dir, "gedeg", year)
    # 2023 carries every contract-v2 file of the year, 2022 its prestasi and the LKjIP's signing
    # (dokumen), 2021 the signing only (no realisasi.csv: every IKU of the bundled unit is computed)
    # every year carries the official IKM (angka_resmi: 91,07, 94,21, 97,33)
    v2 = {2021: ["dokumen", "angka_resmi"], 2022: ["dokumen", "prestasi", "angka_resmi"],
          2023: [n for n in YEAR_DATASETS if n not in REQUIRED_YEAR_DATASETS and n != "realisasi"]}[year]
    assert sorted(frames) == sorted([*REQUIRED_YEAR_DATASETS, *v2])
    assert {name: len(frame) for name, frame in frames.items()} == ROWS[year]
    for name, frame in frames.items():
        # one row a spreadsheet line: rows 2 .. n+1, none lost, none repeated
        assert frame["baris"].tolist() == list(range(2, ROWS[year][name] + 2)), name


def test_2023_survey_totals_equal_gambar_3_1(raw_dir):
    survey = read_dataset(raw_dir / "gedeg" / "2023" / "ikm_survei.csv", "ikm_survei")
    assert len(survey) == 654
    totals = [int(survey[u].sum()) for u in UNSUR]
    assert totals == [2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600]
    assert survey["tanggal"].dt.year.eq(2023).all()
    assert survey["tanggal"].dt.month.nunique() == 12


def test_2023_paten_keeps_printed_totals(raw_dir):
    paten = read_dataset(raw_dir / "gedeg" / "2023" / "paten_layanan.csv", "paten_layanan")
    rows = paten[~paten["adalah_total"]]
    first = rows.iloc[0]
    assert first["layanan"] == "Pindah Datang"
    assert int(first[["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]].sum()) == 794
    assert first["jumlah"] == 754  # printed as is, the audit reports the difference
    total = paten[paten["adalah_total"]].iloc[0]
    assert total["jumlah"] == 11119 and total["jan"] == 1020


def test_2023_lra_and_anggaran_from_the_published_lkjip(raw_dir):
    lra = read_dataset(raw_dir / "gedeg" / "2023" / "lra.csv", "lra")
    belanja = lra.set_index("kode_rekening").loc["5"]
    assert (belanja["anggaran"], belanja["realisasi"]) == (2720088927.0, 2566829648.0)
    assert belanja["realisasi_tahun_lalu"] == 3133189384.0
    anggaran = read_dataset(raw_dir / "gedeg" / "2023" / "anggaran.csv", "anggaran")
    program = anggaran.set_index("kode").loc["7.01.01"]
    assert (program["pagu"], program["realisasi"]) == (2483372550.0, 2334527848.0)


def test_2023_staff(raw_dir):
    staff = read_dataset(raw_dir / "gedeg" / "2023" / "pegawai.csv", "pegawai")
    asn = staff[staff["status"].isin(["PNS", "PPPK"])]
    measured = asn.dropna(subset=["kualifikasi", "kompetensi", "kinerja", "disiplin"])
    assert len(measured) == 18
    totals = measured[["kualifikasi", "kompetensi", "kinerja", "disiplin"]].sum(axis=1)
    assert round(totals.mean(), 2) == 89.50
    assert (staff["status"] == "honorer").sum() == 3
    # nobody left with a date the seed does not print (the former Kasubag PPK row was invented)
    assert staff["selesai"].isna().all() and len(staff) == 21


def test_unit_tables(raw_dir):
    targets = read_unit_table(raw_dir, "gedeg", "targets")
    pk_p = targets[(targets["dokumen"] == "pk_perubahan") & (targets["tahun"] == 2023)].set_index("indikator")["target"]
    assert pk_p["ikm"] == 94.5 and pk_p["sakip"] == 87.5 and pk_p["ip_asn"] == 85
    published = read_unit_table(raw_dir, "gedeg", "published")
    assert 97.33 in published.loc[(published["tahun"] == 2023) & (published["indikator"] == "ikm"), "nilai"].tolist()


def test_no_respondent_name_reaches_processed_data(raw_dir, tmp_path):
    names = set()
    for year in YEARS:
        raw = pd.read_csv(raw_dir / "gedeg" / str(year) / "ikm_survei.csv", dtype=str, keep_default_na=False)
        names |= {n for n in raw["nama"] if n.strip()}
        ingest_year(raw_dir, "gedeg", year, tmp_path)
    assert len(names) == 75  # distinct respondent names in the three surveys
    # Parquet compresses its pages, so look at the decoded cells, not the bytes.
    cells = set()
    for path in tmp_path.rglob("*.parquet"):
        frame = pd.read_parquet(path)
        for column in frame.columns:
            cells |= {str(v) for v in frame[column].dropna().unique()}
    leaked = sorted(n for n in names if any(n in cell for cell in cells))
    assert leaked == []
    for year in YEARS:
        assert "nama" not in read_processed(tmp_path, "gedeg", year)["ikm_survei"].columns


def test_the_script_rewrites_the_bundled_unit_byte_for_byte(raw_dir, tmp_path):
    """scripts/make_gedeg_data.py reproduces data/raw/gedeg, the contract-v2 files included."""
    import subprocess
    import sys

    root = raw_dir.parents[1]
    subprocess.run([sys.executable, str(root / "scripts" / "make_gedeg_data.py"), "--out", str(tmp_path / "g")],
                   check=True, capture_output=True)
    made = {p.relative_to(tmp_path / "g").as_posix(): p.read_bytes() for p in (tmp_path / "g").rglob("*") if p.is_file()}
    bundled = {p.relative_to(raw_dir / "gedeg").as_posix(): p.read_bytes()
               for p in (raw_dir / "gedeg").rglob("*") if p.is_file() and p.name != "README.md"}
    assert sorted(made) == sorted(bundled) and "2023/narasi.md" in made and "renstra.csv" in made
    assert [name for name in made if made[name] != bundled[name]] == []
