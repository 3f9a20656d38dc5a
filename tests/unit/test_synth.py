"""Synthetic units: contract-valid, deterministic, exact in size."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
import yaml

from lkjip.indicators.budget import clean_code, is_descendant
from lkjip.errors import DataError
from lkjip.inputs.ingest import read_cells, read_dataset, read_unit_table, read_year
from lkjip.contract.rules import (
    INDICATOR_IDS,
    IPASN_DIMENSIONS,
    SAKIP_COMPONENT_WEIGHTS,
    SAKIP_COMPONENTS,
    SAKIP_SUBCOMPONENT_SHARES,
)
from lkjip.contract.schema import REQUIRED_YEAR_DATASETS, UNSUR
from lkjip.synth import make_survey, make_units, parse_years, synth_main
from lkjip.inputs.unit import load_unit

YEARS = [2022, 2023]
SAKIP_WEIGHTS = SAKIP_COMPONENT_WEIGHTS
SUB_SHARES = SAKIP_SUBCOMPONENT_SHARES
IP_MAX = IPASN_DIMENSIONS
INDICATORS = set(INDICATOR_IDS)
#: The innovations make_units(units=2, years=YEARS, seed=7) draws (name, decree number).
INNOVATIONS_SEED_7 = {
    ("synth01", 2022): [["KAMPUNG TERTIB", "188/114/416-301/2022"]],
    ("synth01", 2023): [["GEMA PKK", "188/115/416-301/2023"], ["LAYAN CEPAT", "188/69/416-301/2023"],
                        ["DESA DIGITAL", "188/8/416-301/2023"]],
    ("synth02", 2022): [["MANTAB", "188/83/416-302/2022"], ["SI CANTIK", "188/27/416-302/2022"]],
    ("synth02", 2023): [["DESA DIGITAL", "188/29/416-302/2023"], ["KLINIK SISKEUDES", "188/26/416-302/2023"]],
}


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    make_units(out, units=2, years=YEARS, respondents=50, seed=7)
    return out


def _rows(df: pd.DataFrame) -> pd.DataFrame:
    return df[~df["adalah_total"]] if "adalah_total" in df.columns else df


def _children_sum_ok(df: pd.DataFrame, code_col: str, cols: tuple[str, ...]) -> None:
    rows = _rows(df)
    codes = [clean_code(c) for c in rows[code_col]]
    leaves = [c for c in codes if not any(is_descendant(o, c) for o in codes)]
    by_code = dict(zip(codes, rows.index))
    for code in codes:
        if code in leaves:
            continue
        under = [by_code[c] for c in leaves if is_descendant(c, code)]
        for col in cols:
            assert rows.loc[by_code[code], col] == pytest.approx(rows.loc[under, col].sum(), abs=0.005), (code, col)


def test_layout_and_unit_files(synth_dir):
    assert sorted(p.name for p in synth_dir.iterdir()) == ["_kabupaten", "synth01", "synth02"]
    assert sorted(p.name for p in (synth_dir / "_kabupaten").iterdir()) == ["sakip_opd.csv"]
    for i, code in enumerate(["synth01", "synth02"], start=1):
        unit = load_unit(synth_dir, code)
        assert unit.kode == code and unit.nama == f"Kecamatan Sintetis {i:02d}"
        assert unit.kabupaten == "Kabupaten Sintetis"
        assert len(unit.pimpinan["nip"]) == 18 and unit.pimpinan["nip"].isdigit()
        assert not unit.tampilkan_nip and not unit.tampilkan_nama_pegawai
        assert unit.pembiayaan == {"ikm": "total", "layanan_sesuai_standar_pct": "7.01.02",
                                   "koordinasi_ditindaklanjuti_pct": "7.01.06", "sakip": "7.01.01",
                                   "realisasi_anggaran_pct": "7.01.01.2.02", "ip_asn": "7.01.01.2.05",
                                   "jumlah_inovasi": None}
        assert {i for s in unit.sasaran for i in s["indikator"]} == INDICATORS
        targets = read_unit_table(synth_dir, code, "targets")
        for year in YEARS:
            for doc in ("renstra", "pk"):
                have = set(targets.loc[(targets["tahun"] == year) & (targets["dokumen"] == doc), "indikator"])
                assert have == INDICATORS, (year, doc)
        assert not targets.duplicated(["indikator", "dokumen", "tahun"]).any()
        published = read_unit_table(synth_dir, code, "published")
        # one printed realisasi of each of five indicators a year (seed 7)
        assert {y: sorted(published.loc[published["tahun"] == y, "indikator"]) for y in YEARS} == {
            y: ["ikm", "ip_asn", "jumlah_inovasi", "realisasi_anggaran_pct", "sakip"] for y in YEARS}
        assert sorted(p.name for p in (synth_dir / code).iterdir() if p.is_dir()) == [str(y) for y in YEARS]
        for year in YEARS:
            assert sorted(p.stem for p in (synth_dir / code / str(year)).iterdir()) == sorted(REQUIRED_YEAR_DATASETS)


@pytest.mark.parametrize("code", ["synth01", "synth02"])
@pytest.mark.parametrize("year", YEARS)
def test_years_read_and_satisfy_the_contract(synth_dir, code, year):
    frames, _ = read_year(synth_dir, code, year)
    assert set(frames) == set(REQUIRED_YEAR_DATASETS)
    start, end = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)

    survey = frames["ikm_survei"]
    assert len(survey) == 50
    answers = survey[list(UNSUR)]
    for u in UNSUR:
        assert survey[u].dropna().isin([1, 2, 3, 4]).all(), u
    assert (answers.notna().sum(axis=1) >= 1).all()
    assert survey["tanggal"].between(start, end).all()
    # personal data: the raw file has names, the read frame has none of them
    header, cells = read_cells(synth_dir / code / str(year) / "ikm_survei.csv")
    names = set(cells[header.index("nama")])
    assert "nama" not in survey.columns and names
    for col in survey.columns:
        if survey[col].dtype == "string":
            assert not names & set(survey[col].dropna()), col

    paten = _rows(frames["paten_layanan"])
    months = paten[["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]]
    assert (months >= 0).all().all()
    assert (months.sum(axis=1) == paten["jumlah"]).all()
    assert (paten["tidak_sesuai_standar"] <= paten["jumlah"]).all()
    total = frames["paten_layanan"][frames["paten_layanan"]["adalah_total"]]
    assert int(total["jumlah"].iloc[0]) == int(paten["jumlah"].sum())

    anggaran = frames["anggaran"]
    rows = _rows(anggaran)
    assert rows["kode"].str.fullmatch(r"\d\.\d{2}\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?").all()
    assert rows["kode"].is_unique
    assert (rows["realisasi"] <= rows["pagu"]).all() and (rows["realisasi"] >= 0).all()
    _children_sum_ok(anggaran, "kode", ("pagu", "realisasi"))
    programmes = rows[rows["kode"].str.count(r"\.") == 2]
    assert set(programmes["kode"]) >= {"7.01.01", "7.01.02", "7.01.06"}
    assert {"7.01.01.2.02", "7.01.01.2.05"} <= set(rows["kode"])

    lra = frames["lra"]
    assert set(lra["kode_rekening"]) == {"5", "5.1", "5.1.01", "5.1.02", "5.2", "5.2.02"}
    _children_sum_ok(lra, "kode_rekening", ("anggaran", "realisasi", "realisasi_tahun_lalu"))
    assert (lra["realisasi"] <= lra["anggaran"]).all()
    five = lra.set_index("kode_rekening").loc["5"]
    assert five["anggaran"] == programmes["pagu"].sum()
    assert five["realisasi"] == programmes["realisasi"].sum()

    staff = frames["pegawai"]
    assert set(staff["status"]) <= {"PNS", "PPPK", "honorer"} and (staff["status"] == "honorer").any()
    asn = staff[staff["status"] != "honorer"]
    assert asn["nip"].str.fullmatch(r"\d{18}").all() and asn["nip"].is_unique
    for dim, top in IP_MAX.items():
        assert asn[dim].notna().all() and asn[dim].between(0, top).all(), dim
        assert staff.loc[staff["status"] == "honorer", dim].isna().all(), dim
    for col in ("mulai", "selesai"):
        assert staff[col].dropna().between(start, end).all()

    sakip = frames["sakip_evaluasi"]
    comps = sakip[sakip["subkomponen"].isna()]
    assert list(comps["komponen"]) == list(SAKIP_COMPONENTS)
    assert dict(zip(comps["komponen"], comps["bobot"])) == SAKIP_WEIGHTS
    assert (sakip["nilai"] <= sakip["bobot"]).all() and (sakip["nilai"] >= 0).all()
    subs = sakip[sakip["subkomponen"].notna()]
    if code == "synth01":  # odd units carry sub-components, even ones only components
        assert len(subs) == 12
    for _, s in subs.iterrows():
        assert s["bobot"] == pytest.approx(SAKIP_WEIGHTS[s["komponen"]] * SUB_SHARES[s["subkomponen"]])
    for comp, group in subs.groupby("komponen"):
        printed = comps.loc[comps["komponen"] == comp, "nilai"].iloc[0]
        assert printed == pytest.approx(group["nilai"].sum(), abs=0.005)

    coord = _rows(frames["koordinasi"])
    assert (coord["tindak_lanjut"] <= coord["fasilitasi"]).all() and (coord["tindak_lanjut"] >= 0).all()

    innov = frames["inovasi"]
    assert innov[["nama", "nomor_sk"]].values.tolist() == INNOVATIONS_SEED_7[(code, year)]
    assert innov["tanggal_sk"].notna().all()
    assert innov["tanggal_sk"].between(start, end).all()


def test_deterministic_and_seed_sensitive(tmp_path, synth_dir):
    again = tmp_path / "again"
    make_units(again, units=2, years=YEARS, respondents=50, seed=7)
    assert _hashes(again) == _hashes(synth_dir)
    # units are independent: unit 2 alone is the same as unit 2 of a pair
    alone = tmp_path / "alone"
    from lkjip.synth import make_unit
    make_unit(alone, 2, years=YEARS, respondents=50, seed=7)
    assert _hashes(alone / "synth02") == _hashes(synth_dir / "synth02")
    other = tmp_path / "other"
    make_units(other, units=1, years=[2023], respondents=50, seed=8)
    a = (synth_dir / "synth01" / "2023" / "ikm_survei.csv").read_bytes()
    b = (other / "synth01" / "2023" / "ikm_survei.csv").read_bytes()
    assert a != b


@pytest.mark.parametrize("n", [0, 1, 37, 1000])
def test_respondent_count_is_exact(tmp_path, n):
    path = make_survey(tmp_path / "ikm_survei.csv", n, 2024, seed=3)
    if n == 0:
        # a survey without responses is refused like a missing survey (issue 11)
        assert len(path.read_text(encoding="utf-8").splitlines()) == 1
        with pytest.raises(DataError, match="tidak berisi satu baris data"):
            read_dataset(path, "ikm_survei")
        return
    survey = read_dataset(path, "ikm_survei")
    assert len(survey) == n
    assert survey["tanggal"].dt.year.eq(2024).all()
    assert (survey[list(UNSUR)].notna().sum(axis=1) >= 1).all()


def test_make_survey_is_deterministic(tmp_path):
    a = make_survey(tmp_path / "a.csv", 500, 2023, seed=1).read_bytes()
    b = make_survey(tmp_path / "b.csv", 500, 2023, seed=1).read_bytes()
    c = make_survey(tmp_path / "c.csv", 500, 2023, seed=2).read_bytes()
    assert a == b and a != c


def test_xlsx_units_read_and_are_reproducible(tmp_path):
    make_units(tmp_path / "a", units=1, years=[2023], respondents=20, fmt="xlsx")
    make_units(tmp_path / "b", units=1, years=[2023], respondents=20, fmt="xlsx")
    assert _hashes(tmp_path / "a") == _hashes(tmp_path / "b")
    frames, files = read_year(tmp_path / "a", "synth01", 2023)
    assert all(p.suffix == ".xlsx" for p in files.values())
    assert len(frames["ikm_survei"]) == 20
    assert frames["pegawai"].loc[frames["pegawai"]["status"] != "honorer", "nip"].str.fullmatch(r"\d{18}").all()


def test_synth_main_and_years(tmp_path):
    paths = synth_main(1, "2021-2022", 10, tmp_path, 5)
    assert [p.name for p in paths] == ["synth01"]
    assert sorted(p.name for p in paths[0].iterdir() if p.is_dir()) == ["2021", "2022"]
    data = yaml.safe_load((paths[0] / "unit.yaml").read_text(encoding="utf-8"))
    assert data["kode"] == "synth01"
    assert parse_years("2023") == [2023]
    with pytest.raises(ValueError):
        parse_years("2023-2021")
    with pytest.raises(ValueError):
        make_units(tmp_path, units=1, years=[2023], respondents=10, fmt="ods")
