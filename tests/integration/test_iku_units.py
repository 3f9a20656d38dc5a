"""Units with their own IKU beside kecamatan (issue "Any unit, its own key indicators"): the bundled
second unit, ``lkjip synth --iku-campuran``, the audit of a unit's own IKU, the kabupaten view over
units with different IKU sets and the templates' guide. Every value is worked by hand; nothing here
runs a notebook."""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS
from lkjip.cli import main

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
DINKES = "dinkes_contoh"


def indicator_step(data_dir: Path, unit: str, year: int, processed: Path) -> pd.DataFrame:
    """What notebook 03 runs (``lkjip run`` step 03), then the indicators.csv it wrote."""
    from lkjip.run.steps import indicator_step as step

    step(SimpleNamespace(data_dir=data_dir, unit=unit, year=year, processed_dir=processed))
    return pd.read_csv(processed / unit / str(year) / "indicators.csv", keep_default_na=False,
                       na_values=[""]).set_index("indikator")


def no_traceback(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


# --------------------------------------------------------------------------- the bundled second unit


@pytest.mark.parametrize("year", [2022, 2023])
def test_the_bundled_dinas_validates(year, capsys):
    assert main(["validate", "--unit", DINKES, "--year", str(year), "--data-dir", str(RAW)]) == 0
    no_traceback(capsys)


def test_the_bundled_dinas_says_it_is_synthetic():
    readme = (RAW / DINKES / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme and "invented" in readme
    assert "SYNTHETIC" in (RAW / DINKES / "unit.yaml").read_text(encoding="utf-8")


def test_the_bundled_dinas_indicators_csv_has_the_hand_computed_values(tmp_path):
    ind = indicator_step(RAW, DINKES, 2023, tmp_path)
    assert list(ind.index) == ["indeks_kinerja_layanan", "ikm_puskesmas", "angka_kematian_ibu",
                               "angka_kematian_bayi", "balita_stunting_pct", "realisasi_anggaran_pct"]
    real, target, cap = ind["realisasi"], ind["target"], ind["capaian_pct"]
    # weighted composite: 0,4 x (167,4 / 180 bn = 93 %) + 0,3 x 92,5 + 0,3 x 95
    assert real["indeks_kinerja_layanan"] == pytest.approx(93.45)
    assert cap["indeks_kinerja_layanan"] == pytest.approx(93.45 / 92 * 100)
    # the mean over three puskesmas
    assert real["ikm_puskesmas"] == pytest.approx((82.10 + 85.40 + 80.30) / 3)
    assert cap["ikm_puskesmas"] == pytest.approx(82.6 / 82 * 100)
    # reported, lower is better: (2t - r) / t, not r / t (96,20)
    assert real["angka_kematian_ibu"] == pytest.approx(88.5)
    assert cap["angka_kematian_ibu"] == pytest.approx(103.80434782608697)
    assert ind.loc["angka_kematian_ibu", "kategori"] == "Sangat Tinggi"
    # a ratio, lower is better
    assert real["angka_kematian_bayi"] == pytest.approx(1000 * 52 / 13250)
    assert cap["angka_kematian_bayi"] == pytest.approx((2 * 4.2 - 52000 / 13250) / 4.2 * 100)
    # n/a: no realisation, no capaian, no category (never 0 or "Sangat Rendah")
    assert math.isnan(real["balita_stunting_pct"]) and math.isnan(cap["balita_stunting_pct"])
    assert target["balita_stunting_pct"] == 17
    assert pd.isna(ind.loc["balita_stunting_pct", "kategori"])
    assert real["realisasi_anggaran_pct"] == pytest.approx(93.0)
    # capaian kinerja unit: the mean of the five capaian that exist (README: 102,75 %)
    from lkjip.indicators.iku import capaian_kinerja_unit

    got = capaian_kinerja_unit(ind.reset_index())
    assert got.nilai == pytest.approx(102.75158971529947)
    assert got.tidak_dihitung == ("balita_stunting_pct",)


def test_the_bundled_dinas_2022_values(tmp_path):
    ind = indicator_step(RAW, DINKES, 2022, tmp_path)
    assert ind.loc["indeks_kinerja_layanan", "realisasi"] == pytest.approx(0.4 * 90 + 0.3 * 90 + 0.3 * 93)
    assert ind.loc["balita_stunting_pct", "capaian_pct"] == pytest.approx((2 * 19 - 18.4) / 19 * 100)
    assert ind.loc["angka_kematian_ibu", "capaian_pct"] == pytest.approx((2 * 95 - 95.2) / 95 * 100)


# --------------------------------------------------------------------------- the audit of own IKU

PUBLISHED = [
    # indikator, nilai, ukuran: printed as the unit's LKjIP 2023 would print them
    ("angka_kematian_ibu", "88,50", "realisasi"),
    ("angka_kematian_ibu", "92", "target"),
    ("angka_kematian_ibu", "103,80", "capaian"),
    ("ANGKA_KEMATIAN_BAYI", "3,92", "realisasi"),      # the code in upper case: the same IKU
    ("ikm_puskesmas", "83,60", "realisasi"),           # a typo: the puskesmas mean is 82,60
    ("ikm_puskesmas", "82", "target"),
    ("tidak_dinyatakan", "10", "capaian"),             # not an IKU of this unit
    ("kemajuan:angka_kematian_ibu", "95,88", "realisasi"),  # against the Renstra end target 85 (2026)
]


@pytest.fixture
def dinkes_with_published(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW / DINKES, raw / DINKES)
    rows = [f"2023,{i},\"{v}\",\"LKjIP Dinas Kesehatan 2023, Tabel 3.1.1\",{u},LKjIP 2023" for i, v, u in PUBLISHED]
    (raw / DINKES / "published.csv").write_text("tahun,indikator,nilai,sumber,ukuran,dokumen\n" + "\n".join(rows)
                                                + "\n", encoding="utf-8")
    return raw


def test_the_audit_checks_the_units_own_iku_realisation_target_and_capaian(dinkes_with_published, tmp_path):
    from lkjip.audit import FAMILY_PUBLISHED, audit_unit_year

    result = audit_unit_year(dinkes_with_published, DINKES, 2023, processed_dir=tmp_path / "processed")
    pub = result.frame[result.frame["pemeriksaan"] == FAMILY_PUBLISHED].set_index("item")
    got = {k: (r["status"], r["dihitung"]) for k, r in pub.iterrows()}
    src = " - LKjIP Dinas Kesehatan 2023, Tabel 3.1.1"
    assert got[f"angka_kematian_ibu (realisasi){src}"] == ("sesuai", pytest.approx(88.5))
    assert got[f"angka_kematian_ibu (target){src}"] == ("sesuai", pytest.approx(92.0))
    # capaian by polarity: (2 x 92 - 88,5) / 92 = 103,80, not 88,5 / 92 = 96,20
    assert got[f"angka_kematian_ibu (capaian){src}"] == ("sesuai", pytest.approx(103.80434782608697))
    assert got[f"ANGKA_KEMATIAN_BAYI (realisasi){src}"] == ("sesuai", pytest.approx(1000 * 52 / 13250))
    assert got[f"ikm_puskesmas (realisasi){src}"] == ("selisih", pytest.approx(82.6))
    assert got[f"ikm_puskesmas (target){src}"] == ("sesuai", pytest.approx(82.0))
    # tingkat kemajuan by polarity too: (2 x 85 - 88,5) / 85
    assert got[f"kemajuan:angka_kematian_ibu (realisasi){src}"] == ("sesuai", pytest.approx((170 - 88.5) / 85 * 100))
    # the own IKU's name from indikator.csv names the row
    assert pub.loc[f"ikm_puskesmas (realisasi){src}", "uraian"] == "Indeks Kepuasan Masyarakat Puskesmas realisasi 2023"
    undeclared = pub.loc[f"tidak_dinyatakan (capaian){src}"]
    assert undeclared["status"] == "tidak_dapat_diperiksa"
    assert "bukan IKU unit" in undeclared["keterangan"]
    text = " ".join(str(v) for v in result.frame["keterangan"].dropna()) + " ".join(result.catatan)
    assert "tujuh indikator" not in text
    assert not [n for n in result.catatan if "angka_kematian" in n or "ikm_puskesmas" in n]
    # audit.csv keeps every row (a realisation of an own IKU no longer disappears)
    csv = pd.read_csv(tmp_path / "processed" / DINKES / "2023" / "audit.csv")
    assert (csv["pemeriksaan"] == FAMILY_PUBLISHED).sum() == len(PUBLISHED)


def test_the_audit_explains_a_lower_is_better_capaian_by_its_polarity(dinkes_with_published):
    from lkjip.audit import FAMILY_PUBLISHED, audit_unit_year

    published = dinkes_with_published / DINKES / "published.csv"
    published.write_text(published.read_text(encoding="utf-8").replace('"103,80"', '"96,20"'), encoding="utf-8")
    result = audit_unit_year(dinkes_with_published, DINKES, 2023)
    pub = result.frame[result.frame["pemeriksaan"] == FAMILY_PUBLISHED]
    row = pub[pub["item"].str.startswith("angka_kematian_ibu (capaian)")].iloc[0]
    assert row["status"] == "selisih"
    assert row["dihitung"] == pytest.approx(103.80434782608697)


# --------------------------------------------------------------------------- synth --iku-campuran


def test_synth_iku_campuran_is_deterministic_and_keeps_the_kecamatan(tmp_path, capsys):
    args = ["synth", "--units", "4", "--years", "2022-2023", "--respondents", "12", "--iku-campuran"]
    assert main([*args, "--out", str(tmp_path / "a")]) == 0
    assert main([*args, "--out", str(tmp_path / "b")]) == 0
    assert main(["synth", "--units", "1", "--years", "2022-2023", "--respondents", "12",
                 "--out", str(tmp_path / "plain")]) == 0
    no_traceback(capsys)

    def digest(folder: Path) -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    # odd units are the same kecamatan as without the option
    assert digest(tmp_path / "a" / "synth01") == digest(tmp_path / "plain" / "synth01")
    dinas = tmp_path / "a" / "synth02"
    assert sorted(p.name for p in dinas.iterdir()) == ["2022", "2023", "indikator.csv", "published.csv", "targets.csv",
                                                        "unit.yaml"]
    assert sorted(p.name for p in (dinas / "2023").iterdir()) == ["lra.csv", "realisasi.csv"]
    assert "sakip_evaluasi.csv" in {p.name for p in (tmp_path / "a" / "synth04" / "2023").iterdir()}
    declared = pd.read_csv(dinas / "indikator.csv")
    assert set(declared["polaritas"]) == {"naik", "turun"}
    assert "dilaporkan" in set(declared["rumus"])


def test_synth_dinas_units_validate_and_compute(tmp_path, capsys):
    from lkjip.synth import make_units

    raw = tmp_path / "raw"
    make_units(raw, units=4, years=[2022, 2023], respondents=12, iku_campuran=True)
    for unit in ("synth02", "synth04"):
        assert main(["validate", "--unit", unit, "--year", "2023", "--data-dir", str(raw)]) == 0, unit
    no_traceback(capsys)
    dinas = raw / "synth02"
    rows = pd.read_csv(dinas / "2023" / "realisasi.csv", dtype=str, keep_default_na=False)

    def number(text: str) -> float:
        return float(text.replace(",", "."))

    values = {b: [number(v) for v in g["nilai"]] for b, g in rows.groupby("besaran")}
    lra = pd.read_csv(dinas / "2023" / "lra.csv", dtype=str).set_index("kode_rekening")
    absorption = (number(lra.loc["5", "realisasi"].replace(".", "").replace(",", "."))
                  / number(lra.loc["5", "anggaran"].replace(".", "").replace(",", ".")) * 100)
    ind = indicator_step(raw, "synth02", 2023, tmp_path / "processed")
    assert list(ind.index) == ["realisasi_anggaran_pct", "indeks_kinerja", "ikm_upt", "cakupan_layanan_pct",
                               "angka_kasus"]
    assert ind.loc["realisasi_anggaran_pct", "realisasi"] == pytest.approx(absorption)
    assert ind.loc["indeks_kinerja", "realisasi"] == pytest.approx(0.5 * absorption + 0.5 * values["capaian_output"][0])
    assert ind.loc["ikm_upt", "realisasi"] == pytest.approx(sum(values["ikm_per_upt"]) / 3)
    assert ind.loc["cakupan_layanan_pct", "realisasi"] == pytest.approx(
        100 * values["jumlah_terlayani"][0] / values["jumlah_sasaran"][0])
    kasus, target = values["angka_kasus"][0], ind.loc["angka_kasus", "target"]
    assert ind.loc["angka_kasus", "capaian_pct"] == pytest.approx((2 * target - kasus) / target * 100)
    assert ind["capaian_pct"].notna().all()
    # the realisations it printed (published.csv) are audited like the seven: all equal
    from lkjip.audit import FAMILY_PUBLISHED, audit_unit_year

    audit = audit_unit_year(raw, "synth02", 2023).frame
    pub = audit[audit["pemeriksaan"] == FAMILY_PUBLISHED]
    assert sorted(pub["indikator"]) == sorted(ind.index)
    assert (pub["status"] == "sesuai").all(), pub[["item", "status", "keterangan"]]
    # the dinas with a SAKIP evaluation has the sakip IKU, computed from it
    ind4 = indicator_step(raw, "synth04", 2023, tmp_path / "processed")
    assert "sakip" in ind4.index and 0 < ind4.loc["sakip", "realisasi"] <= 100


# --------------------------------------------------------------------------- the kabupaten view


def indicators_frame(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indikator", "nama", "satuan", "target", "realisasi", "capaian_pct",
                                       "kategori"])


KEC = [  # a gedeg-like unit: some of the seven
    ("ikm", "Nilai IKM", "indeks", 85.0, 93.5, 110.0, "Sangat Tinggi"),
    ("sakip", "Nilai SAKIP", "nilai", 80.0, 76.0, 95.0, "Sangat Tinggi"),
    ("realisasi_anggaran_pct", "Persentase realisasi anggaran", "persen", 95.0, 90.25, 95.0, "Sangat Tinggi"),
]
DINAS = [  # a dinas-like unit: the shared budget IKU and its own
    ("realisasi_anggaran_pct", "Persentase realisasi anggaran", "persen", 92.0, 93.0, 93 / 92 * 100,
     "Sangat Tinggi"),
    ("angka_kematian_ibu", "Angka Kematian Ibu", "per 100.000 kelahiran hidup", 92.0, 88.5, 103.8, "Sangat Tinggi"),
    ("balita_stunting_pct", "Prevalensi balita stunting", "persen", 17.0, None, None, None),
]


@pytest.fixture
def mixed_processed(tmp_path):
    processed = tmp_path / "processed"
    for unit, rows in (("kec_a", KEC), ("dinas_b", DINAS)):
        for year in (2022, 2023):
            folder = processed / unit / str(year)
            folder.mkdir(parents=True)
            indicators_frame(rows).to_csv(folder / "indicators.csv", index=False)
    sakip = pd.DataFrame({"komponen": list(SAKIP_COMPONENT_WEIGHTS),
                          "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()), "nilai": [24.0, 22.0, 12.0, 18.0],
                          "subkomponen": [None] * 4, "baris": [2, 3, 4, 5], "adalah_total": [False] * 4})
    for year in (2022, 2023):
        sakip.to_parquet(processed / "kec_a" / str(year) / "sakip_evaluasi.parquet")
    return processed


def test_kabupaten_over_units_with_different_iku_sets(mixed_processed):
    from lkjip.kabupaten import analyse, load_kabupaten
    from lkjip.kabupaten import display as tampil

    result = analyse(load_kabupaten(2023, mixed_processed))
    kinerja = result.kinerja.set_index("unit")
    # capaian kinerja unit: the mean capaian of the unit's IKU that have one
    assert kinerja.loc["kec_a", "capaian_kinerja_unit"] == pytest.approx((110.0 + 95.0 + 95.0) / 3)
    assert kinerja.loc["dinas_b", "capaian_kinerja_unit"] == pytest.approx((93 / 92 * 100 + 103.8) / 2)
    assert kinerja.loc["dinas_b", "tidak_dihitung"] == "balita_stunting_pct"
    assert (kinerja.loc["dinas_b", "jumlah_iku"], kinerja.loc["dinas_b", "iku_dihitung"]) == (3, 2)
    ring = result.ringkasan.set_index("unit")
    assert ring.loc["dinas_b", "capaian_kinerja_unit"] == pytest.approx((93 / 92 * 100 + 103.8) / 2)
    # SAKIP where a unit has it
    assert ring.loc["kec_a", "sakip"] == pytest.approx(76.0)
    assert math.isnan(ring.loc["dinas_b", "sakip"])

    names = {"kec_a": "Kecamatan A", "dinas_b": "Dinas B"}
    shared = tampil.tabel_iku_bersama(result.indikator, names)
    assert shared.to_dict("records") == [{"Indikator": "Realisasi anggaran (%)", "Dinas B": "93,00 (ST)",
                                          "Kecamatan A": "90,25 (ST)"}]
    own = tampil.tabel_iku_sendiri(result.indikator, names)
    assert own[["Unit", "Indikator", "Realisasi", "Capaian (%)"]].values.tolist() == [
        ["Dinas B", "Angka Kematian Ibu", "88,50", "103,80"],
        ["Dinas B", "Prevalensi balita stunting", "–", "tidak dapat dihitung"],
        ["Kecamatan A", "Nilai IKM", "93,50", "110,00"],
        ["Kecamatan A", "Nilai SAKIP", "76,00", "95,00"],
    ]
    table = tampil.tabel_kinerja_unit(result.kinerja, names)
    assert table.to_dict("records")[0] == {"Unit": "Dinas B", "IKU": 3, "IKU dihitung": 2,
                                           "Capaian kinerja unit (%)": "102,44", "Tidak dihitung": "balita_stunting_pct"}


def test_an_own_iku_name_with_markup_is_shown_as_text(mixed_processed):
    from lkjip.kabupaten import analyse, load_kabupaten
    from lkjip.kabupaten import display as tampil
    from lkjip.render.notebook import Table

    folder = mixed_processed / "dinas_b" / "2023"
    frame = pd.read_csv(folder / "indicators.csv")
    frame.loc[1, "nama"] = "<script>alert(1)</script>"
    frame.to_csv(folder / "indicators.csv", index=False)
    own = tampil.tabel_iku_sendiri(analyse(load_kabupaten(2023, mixed_processed)).indikator)
    html = Table(own, "IKU sendiri")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --------------------------------------------------------------------------- templates


def test_the_templates_guide_explains_the_rumus_forms(tmp_path, capsys):
    from openpyxl import load_workbook

    assert main(["templates", "--out", str(tmp_path)]) == 0
    no_traceback(capsys)
    guide = load_workbook(tmp_path / "indikator.xlsx", read_only=True)["petunjuk"]
    text = "\n".join(str(c) for row in guide.iter_rows(values_only=True) for c in row if c is not None)
    for example in ("dilaporkan", "100000 * kematian_ibu / kelahiran_hidup",
                    "0.4*realisasi_anggaran_pct + 0.6*capaian_output", "rata_rata(ikm_puskesmas)",
                    "capaian_turun: rasio"):
        assert example in text, example
    docs = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    for example in ("100000 * kematian_ibu / kelahiran_hidup", "0.4*realisasi_anggaran_pct + 0.6*capaian_output",
                    "rata_rata(ikm_puskesmas)"):
        assert example in docs, example
    guide = load_workbook(tmp_path / "realisasi.xlsx", read_only=True)["petunjuk"]
    text = "\n".join(str(c) for row in guide.iter_rows(values_only=True) for c in row if c is not None)
    assert "n/a" in text and "subunit" in text
    # the committed templates are what the command writes
    for name in ("indikator.xlsx", "realisasi.xlsx"):
        assert (ROOT / "templates" / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_the_indicator_notebook_shows_only_the_calculations_the_iku_use(tmp_path):
    from lkjip.indicators.declared import BUILTIN_CALCULATIONS, default_declaration
    from lkjip.run.steps import calculations_used, not_used_note

    dinkes = indicator_step(RAW, DINKES, 2023, tmp_path)
    from lkjip.run.steps import indicator_step as step

    _inputs, results = step(SimpleNamespace(data_dir=RAW, unit=DINKES, year=2023, processed_dir=tmp_path))
    assert len(dinkes) == 6
    assert calculations_used(results) == {"realisasi_anggaran_pct"}
    assert calculations_used(SimpleNamespace(iku=default_declaration())) == set(BUILTIN_CALCULATIONS)
    assert not_used_note("layanan_sesuai_standar_pct") == (
        "Tidak ada IKU unit ini yang memakai perhitungan `layanan_sesuai_standar_pct` (data `paten_layanan`); "
        "bagian ini tidak berlaku.")
