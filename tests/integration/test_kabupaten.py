"""The kabupaten view on small hand-computed units.

The fixture writes processed folders the way a run does: raw CSV text read
by the package's reader (:func:`lkjip.inputs.ingest.read_year`), written with
:func:`lkjip.inputs.ingest.write_processed`; indicators.csv with
:func:`lkjip.document.write_indicators_csv`; audit.csv with
:meth:`lkjip.audit.AuditResult.write_csv`.

Units (report year 2023):

- alpha: SAKIP 86,00 -> 83,50 (perencanaan -1, pengukuran -0,5, pelaporan 0,
  evaluasi internal -1); 4 respondents all answering 4, one leaving U1 blank
  (IKM 100); LRA 1.000.000.000 / 950.000.000; its Kasubag PPK left on
  30 June 2023 (vacant Jul-Dec), a new staff member came in March;
- beta: SAKIP 74,00 -> 73,00 (-0,5, +0,5, 0, -1); 1 respondent answering 2
  (IKM 50); no LRA, budget from the programme/activity rows
  (200.000.000 / 150.000.000); no audit.csv;
- gamma: SAKIP 79,00 -> 81,50 (BB -> A); no survey; LRA 500.000.000 /
  400.000.000; no pegawai for 2022;
- delta: 2023 only (excluded); epsilon: 2022 only (excluded).

Drops: alpha -2,5 and beta -1 (total -3,5): evaluasi internal -2 (57,14%),
perencanaan -1,5 (42,86%), pengukuran -0,5 + 0,5 = 0, pelaporan 0.
Pooled IKM: U1 (3x4 + 2) / 4 = 3,5, U2..U9 (4x4 + 2) / 5 = 3,6; IKM =
(3,5 + 8 x 3,6) / 9 x 25 = 89,7222...; the mean of the units is 75; weighting
by respondents instead would give (4 x 100 + 50) / 5 = 90.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from lkjip.audit import AUDIT_COLUMNS, SOURCE_COLUMNS, AuditResult
from lkjip.errors import ConfigError, DataError
from lkjip.contract.rules import INDICATOR_IDS
from lkjip.inputs.ingest import read_year, write_processed
from lkjip.kabupaten import analyse, load, load_kabupaten
from lkjip.kabupaten.audit import audit_overview, largest_differences
from lkjip.kabupaten.budget import (
    budget_consolidated,
    budget_per_unit,
    caution_text,
    correlations,
    factors_table,
    staff_per_unit,
)
from lkjip.kabupaten.ikm import LABEL_MEAN, LABEL_POOLED, ikm_consolidated, ikm_per_unit
from lkjip.kabupaten.indicators import (
    indicators_long,
    kategori_counts,
)
from lkjip.kabupaten.sakip import component_drivers, drivers_text, sakip_table
from lkjip.kabupaten.summary import (
    RINGKASAN_COLUMNS,
    csv_text,
    ringkasan,
    write_ringkasan,
)
from lkjip.indicators.csv_output import write_indicators_csv
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS

Y = 2023
WEIGHTS = tuple(int(w) for w in SAKIP_COMPONENT_WEIGHTS.values())
COMPONENTS = tuple(SAKIP_COMPONENT_WEIGHTS)
SAKIP = {
    ("alpha", 2022): (27.00, 26.00, 12.00, 21.00), ("alpha", 2023): (26.00, 25.50, 12.00, 20.00),
    ("beta", 2022): (24.00, 22.00, 10.00, 18.00), ("beta", 2023): (23.50, 22.50, 10.00, 17.00),
    ("gamma", 2022): (25.00, 24.00, 11.00, 19.00), ("gamma", 2023): (26.00, 24.50, 11.50, 19.50),
    ("delta", 2023): (25.00, 25.00, 12.00, 20.00), ("epsilon", 2022): (25.00, 25.00, 12.00, 20.00),
}
U = ",".join(f"u{i}" for i in range(1, 10))


def sakip_csv(values) -> str:
    lines = ["komponen,bobot,nilai,subkomponen"]
    lines += [f'{k},{w},"{str(v).replace(".", ",")}",' for k, w, v in zip(COMPONENTS, WEIGHTS, values)]
    return "\n".join(lines) + "\n"


def survey_csv(rows: list[list[str]], year: int) -> str:
    lines = [f"tanggal,{U}"] + [f"{year}-03-0{i % 9 + 1}," + ",".join(r) for i, r in enumerate(rows)]
    return "\n".join(lines) + "\n"


def table(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


PEG_HEAD = "nip,nama,jabatan,status,eselon,mulai,selesai,kualifikasi,kompetensi,kinerja,disiplin"
ALPHA_PEG_2022 = table(
    PEG_HEAD,
    "197702211995111001,CAMAT A,Camat,PNS,III.a,,,23,40,25,5",
    "198811142019031002,KASUBAG A,Kepala Sub Bagian Penyusunan Program dan Keuangan,PNS,IV.b,,,22,40,25,5",
    "199001012015011001,STAF A1,Pelaksana,PNS,,,,20,30,25,5",
    "199101012015011002,STAF A2,Pelaksana,PNS,,,,22,35,27,4",
    ",HONORER A,Pengemudi,honorer,,,,,,,",
)
ALPHA_PEG_2023 = table(
    PEG_HEAD,
    "197702211995111001,CAMAT A,Camat,PNS,III.a,,,23,40,25,5",
    "198811142019031002,KASUBAG A,Kepala Sub Bagian Penyusunan Program dan Keuangan,PNS,IV.b,,2023-06-30,,,,",
    "199001012015011001,STAF A1,Pelaksana,PNS,,,,20,30,25,5",
    "199101012015011002,STAF A2,Pelaksana,PNS,,,,22,35,27,4",
    "199501012020011003,STAF A3,Pelaksana,PNS,,2023-03-01,,20,20,20,4",
    ",HONORER A,Pengemudi,honorer,,,,,,,",
)
BETA_PEG = table(
    PEG_HEAD,
    "197001011995111001,CAMAT B,Camat,PNS,III.a,,,24,38,26,5",
    "198001012005011001,STAF B1,Pelaksana,PNS,,,,20,30,24,4",
)
GAMMA_PEG_2023 = table(
    PEG_HEAD,
    "197101011995111001,CAMAT C,Camat,PNS,III.a,,,25,40,30,5",
)

RAW: dict[tuple[str, int], dict[str, str]] = {
    ("alpha", 2022): {"pegawai": ALPHA_PEG_2022},
    ("alpha", 2023): {
        "ikm_survei": survey_csv([["4"] * 9, ["4"] * 9, ["4"] * 9, [""] + ["4"] * 8], 2023),
        "lra": "kode_rekening,uraian,anggaran,realisasi\n"
               '5,BELANJA DAERAH,"1.000.000.000,00","950.000.000,00"\n'
               '5.1,BELANJA OPERASI,"1.000.000.000,00","950.000.000,00"\n',
        "pegawai": ALPHA_PEG_2023,
    },
    ("beta", 2022): {"pegawai": BETA_PEG},
    ("beta", 2023): {
        "ikm_survei": survey_csv([["2"] * 9], 2023),
        "anggaran": "kode,uraian,pagu,realisasi\n"
                    "7.01.01,PROGRAM PENUNJANG,200000000,150000000\n"
                    "7.01.01.2.01,Perencanaan,200000000,150000000\n"
                    "7.01.01.2.01.0001,Penyusunan Dokumen,120000000,100000000\n"
                    "7.01.01.2.01.0007,Evaluasi Kinerja,80000000,50000000\n",
        "pegawai": BETA_PEG,
    },
    ("gamma", 2023): {
        "lra": "kode_rekening,uraian,anggaran,realisasi\n"
               '5,BELANJA DAERAH,"500.000.000,00","400.000.000,00"\n',
        "pegawai": GAMMA_PEG_2023,
    },
}
for (unit, year), values in SAKIP.items():
    RAW.setdefault((unit, year), {})["sakip_evaluasi"] = sakip_csv(values)


def indicators_frame(sakip: float, ikm: float | None) -> pd.DataFrame:
    rows = []
    for i in INDICATOR_IDS:
        real = {"sakip": sakip, "ikm": ikm}.get(i, 100.0)
        cat = "Sangat Tinggi" if real is not None else None
        rows.append({"indikator": i, "nama": i.upper(), "satuan": "x", "target": 90.0,
                     "realisasi": real, "capaian_pct": None if real is None else real / 90 * 100,
                     "kategori": cat})
    rows[1]["kategori"] = "Tinggi"  # layanan: one unit differs below
    return pd.DataFrame(rows)


def audit_frame(rows: list[tuple]) -> AuditResult:
    df = pd.DataFrame([dict(zip(AUDIT_COLUMNS, r)) for r in rows], columns=list(AUDIT_COLUMNS))
    for c in SOURCE_COLUMNS:
        df[c] = None
    return AuditResult(df)


def build(root: Path) -> Path:
    raw, processed = root / "raw", root / "processed"
    for (unit, year), files in RAW.items():
        folder = raw / unit / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / f"{name}.csv").write_text(text, encoding="utf-8")
        frames, _ = read_year(raw, unit, year)
        out = processed / unit / str(year)
        write_processed(frames, out)
        total = sum(SAKIP[(unit, year)])
        ikm = {"alpha": 100.0, "beta": 50.0}.get(unit)
        ind = indicators_frame(total, ikm)
        if unit == "beta":
            ind.loc[1, "kategori"] = "Sangat Tinggi"
        write_indicators_csv(ind, out / "indicators.csv")
        if unit == "alpha":
            audit_frame([
                ("publikasi vs hitungan", "indikator", "ikm", 97.33, 98.31, 97.33 - 98.31, "selisih"),
                ("antar dataset", "anggaran/lra", "realisasi", 2567147148.0, 2566829648.0, 317500.0,
                 "selisih"),
                ("total dalam dataset", "lra", "5 anggaran", 1e9, 1e9, 0.0, "sesuai"),
            ]).write_csv(out)
        elif unit == "gamma":
            audit_frame([("total dalam dataset", "lra", "5 anggaran", 5e8, 5e8, 0.0, "sesuai")]).write_csv(out)
    # what a run leaves around that is not a unit-year
    (processed / "alpha" / ".2023-old").mkdir()
    (processed / "_gagal").mkdir()
    return processed


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("kab"))


@pytest.fixture(scope="module")
def data(processed):
    return load_kabupaten(Y, processed)


@pytest.fixture(scope="module")
def result(data):
    return analyse(data)


# ------------------------------------------------------------------ loader

def test_loader_includes_units_with_both_years_and_lists_the_others(data):
    assert list(data.units) == ["alpha", "beta", "gamma"]
    excl = dict(zip(data.dikecualikan["unit"], data.dikecualikan["alasan"]))
    assert set(excl) == {"delta", "epsilon"}
    assert excl["delta"].startswith("tidak ada data olahan tahun 2022 untuk pembanding")
    assert excl["epsilon"].startswith("tidak ada data olahan tahun 2023")
    assert "2022" in excl["epsilon"]  # the years that exist are named


def test_loader_notes_missing_optional_data_without_crashing(data):
    notes = "\n".join(data.catatan)
    # one note per unit, naming each missing file with its years
    assert [n for n in data.catatan if n.startswith("gamma:")] == [
        "gamma: tidak ada: data survei IKM tahun 2023 (ikm_survei.parquet); "
        "data anggaran program/kegiatan tahun 2023 (anggaran.parquet); data pegawai tahun 2022 (pegawai.parquet)"]
    assert "; audit.csv (hasil audit angka yang dipublikasikan) tahun 2023" in [n for n in data.catatan if n.startswith("beta:")][0]
    assert data.units["gamma"].data.get("ikm_survei") is None
    assert data.units["beta"].audit is None


def test_loader_reads_each_published_file_once_and_nothing_else(processed, monkeypatch):
    seen: list[Path] = []
    real_parquet, real_csv = load._read_parquet, load._read_csv
    monkeypatch.setattr(load, "_read_parquet", lambda p: (seen.append(p), real_parquet(p))[1])
    monkeypatch.setattr(load, "_read_csv", lambda p: (seen.append(p), real_csv(p))[1])
    d = load_kabupaten(Y, processed)
    assert len(seen) == len(set(seen))
    assert all(processed in p.parents for p in seen)
    names = {(p.parent.parent.name, p.parent.name, p.name) for p in seen}
    assert ("alpha", "2023", "pegawai.parquet") in names and ("alpha", "2022", "pegawai.parquet") in names
    assert not any(u in ("delta", "epsilon") for u, _, _ in names)
    # the previous year only for SAKIP and pegawai
    assert {n for u, y, n in names if y == "2022"} == {"sakip_evaluasi.parquet", "pegawai.parquet"}
    assert sorted(seen) == sorted(p for u in d.units.values() for p in u.berkas)


def test_loader_units_filter_and_unknown_unit(processed):
    d = load_kabupaten(Y, processed, units=["gamma", "alpha"])
    assert list(d.units) == ["alpha", "gamma"] and d.dikecualikan.empty
    with pytest.raises(ConfigError, match=r"Unit zeta tidak ada .* Unit yang ada: alpha, beta, "):
        load_kabupaten(Y, processed, units=["zeta"])


def test_loader_missing_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="tidak ada"):
        load_kabupaten(Y, tmp_path / "nowhere")


def test_loader_names_a_broken_file_and_a_missing_column(tmp_path):
    for unit in ("u1", "u2"):
        for y in (2022, 2023):
            (tmp_path / unit / str(y)).mkdir(parents=True)
    (tmp_path / "u1" / "2022" / "sakip_evaluasi.parquet").write_bytes(b"not parquet")
    (tmp_path / "u1" / "2023" / "indicators.csv").write_text("indikator,nama\nsakip,S\n")
    with pytest.raises(DataError) as exc:
        load_kabupaten(Y, tmp_path, units=["u1"])
    assert "sakip_evaluasi.parquet" in str(exc.value) and "tidak terbaca" in str(exc.value)
    (tmp_path / "u2" / "2022" / "indicators.csv").write_text("indikator\nsakip\n")
    (tmp_path / "u2" / "2023" / "indicators.csv").write_text("indikator,nama\nsakip,S\n")
    with pytest.raises(DataError) as exc:
        load_kabupaten(Y, tmp_path, units=["u2"])
    assert exc.value.column == "satuan" and "indicators.csv" in exc.value.file


# ------------------------------------------------------------------ SAKIP

def test_sakip_table_both_years_change_predicates_components(result):
    t = result.sakip.set_index("unit")
    assert t.loc["alpha", "sakip_tahun_lalu"] == pytest.approx(86.0)
    assert t.loc["alpha", "sakip"] == pytest.approx(83.5)
    assert t.loc["gamma", ["predikat_tahun_lalu", "predikat"]].tolist() == ["BB", "A"]
    assert t.loc["beta", ["predikat_tahun_lalu", "predikat"]].tolist() == ["BB", "BB"]
    assert t.loc["alpha", "perubahan_perencanaan"] == pytest.approx(-1.0)
    assert t.loc["beta", "perubahan_pengukuran"] == pytest.approx(0.5)
    assert t["turun"].tolist() == [True, True, False]
    comps = t[["perubahan_perencanaan", "perubahan_pengukuran", "perubahan_pelaporan",
               "perubahan_evaluasi_internal"]].sum(axis=1)
    assert (comps - t["perubahan_sakip"]).abs().max() < 1e-9
    assert (t["perubahan_sakip"] == t["sakip"] - t["sakip_tahun_lalu"]).all()


def test_component_drivers_of_the_drops(result):
    d = result.pendorong
    assert d["komponen"].tolist() == ["evaluasi_internal", "perencanaan", "pengukuran", "pelaporan"]
    e = d.set_index("komponen")
    assert e.loc["evaluasi_internal", "jumlah_perubahan"] == pytest.approx(-2.0)
    assert e.loc["evaluasi_internal", "rata_perubahan"] == pytest.approx(-1.0)
    assert e.loc["evaluasi_internal", "porsi_penurunan_pct"] == pytest.approx(200 / 3.5)
    assert e.loc["perencanaan", "porsi_penurunan_pct"] == pytest.approx(150 / 3.5)
    assert e["porsi_penurunan_pct"].sum() == pytest.approx(100.0)
    assert e.loc["pengukuran", ["unit_turun", "unit_naik", "jumlah_unit"]].tolist() == [1, 1, 2]
    assert e.loc["evaluasi_internal", "unit_turun"] == 2
    assert e.loc["pelaporan", "unit_turun"] == 0
    assert result.pendorong_teks.startswith("Nilai SAKIP turun pada 2 dari 3 unit, dengan penurunan "
                                            "seluruhnya 3,50 poin. Komponen Evaluasi Akuntabilitas")
    assert "57,14% dari penurunan" in result.pendorong_teks


def frame(values):
    return pd.DataFrame({"komponen": list(COMPONENTS), "bobot": [float(w) for w in WEIGHTS],
                         "nilai": list(values)})


def test_all_units_improving_gives_no_driver():
    t = sakip_table({"a": frame([26, 25, 12, 21]), "b": frame([20, 20, 10, 15])},
                    {"a": frame([25, 25, 12, 20]), "b": frame([19, 20, 10, 15])}, Y)
    assert not t["turun"].any()
    d = component_drivers(t)
    assert (d["jumlah_perubahan"] == 0).all() and d["rata_perubahan"].isna().all()
    assert d["porsi_penurunan_pct"].isna().all() and (d["unit_turun"] == 0).all()
    assert drivers_text(t, d) == "Tidak ada unit yang nilai SAKIP-nya turun (2 unit dibandingkan)."


def test_unit_without_previous_sakip_has_a_note_and_no_change():
    t = sakip_table({"a": frame([26, 25, 12, 21])}, {"a": None}, Y)
    assert math.isnan(t.loc[0, "perubahan_sakip"]) and t.loc[0, "sakip"] == pytest.approx(84.0)
    assert t.loc[0, "catatan"] == "data evaluasi SAKIP tahun lalu tidak ada"
    assert not t.loc[0, "turun"]
    assert drivers_text(t, component_drivers(t)).startswith("Tidak ada unit yang nilai SAKIP-nya dapat")


def test_changed_weights_are_kept_as_a_note():
    before = frame([27, 26, 12, 21])
    after = before.assign(bobot=[35.0, 25.0, 15.0, 25.0])
    t = sakip_table({"a": after}, {"a": before}, Y)
    assert "Bobot komponen Perencanaan Kinerja berbeda: 30,00 (2022) dan 35,00 (2023)" in t.loc[0, "catatan"]


# ------------------------------------------------------------------ indicators

def test_indicators_side_by_side(result):
    long = result.indikator
    assert len(long) == 3 * 7 and long["unit"].unique().tolist() == ["alpha", "beta", "gamma"]
    assert long[long["unit"] == "alpha"]["indikator"].tolist() == list(INDICATOR_IDS)
    real = long.pivot(index="indikator", columns="unit", values="realisasi")
    assert real.loc["sakip", ["alpha", "beta", "gamma"]].tolist() == pytest.approx([83.5, 73.0, 81.5])
    assert pd.isna(real.loc["ikm", "gamma"])
    cat = long.pivot(index="indikator", columns="unit", values="kategori")
    assert cat.loc["layanan_sesuai_standar_pct", "beta"] == "Sangat Tinggi"
    assert cat.loc["layanan_sesuai_standar_pct", "alpha"] == "Tinggi"
    counts = kategori_counts(long).set_index("indikator")
    assert counts.loc["layanan_sesuai_standar_pct", ["Sangat Tinggi", "Tinggi"]].tolist() == [1, 2]
    assert counts.loc["ikm", "tanpa_kategori"] == 1
    assert indicators_long({"x": None}).empty


# ------------------------------------------------------------------ IKM

def test_pooled_and_mean_ikm_differ_and_are_labelled(result):
    k = result.ikm
    assert k.gabungan == pytest.approx((3.5 + 8 * 3.6) / 9 * 25)  # 89,7222
    assert k.gabungan != pytest.approx(90.0)  # not weighted by respondents
    assert k.rata_rata_unit == pytest.approx(75.0)
    assert (k.responden, k.jumlah_unit) == (5, 2)
    assert k.mutu_gabungan == "A" and k.mutu_rata_rata == "C"
    u1 = k.unsur.set_index("unsur").loc["U1"]
    assert (u1["jumlah_nilai"], u1["jumlah_jawaban"], u1["nrr"]) == (14.0, 4, 3.5)
    t = k.tabel()
    assert t["ukuran"].tolist() == [LABEL_POOLED, LABEL_MEAN]
    assert "5 responden 2 unit" in t.loc[0, "cara_hitung"]
    assert k.catatan == ["gamma: tidak ada data survei IKM; unit ini tidak ikut dalam kedua angka IKM."]
    assert k.selisih_text().startswith("IKM gabungan 89,72 dan rata-rata IKM unit 75,00 berbeda 14,72")
    per = k.per_unit.set_index("unit")
    assert per.loc["alpha", "ikm"] == pytest.approx(100.0) and per.loc["alpha", "responden"] == 4
    assert pd.isna(per.loc["gamma", "responden"]) and math.isnan(per.loc["gamma", "ikm"])


def test_pooled_ikm_equals_answer_weighted_nrr_with_the_rounded_weight(data):
    surveys = data.current("ikm_survei")
    k = ikm_consolidated(surveys, weight="0.111")
    assert k.gabungan == pytest.approx((3.5 + 8 * 3.6) * 0.111 * 25)
    assert k.bobot_label == "0,111 (dibulatkan)"


def test_ikm_without_any_survey():
    k = ikm_consolidated({"a": None})
    assert math.isnan(k.gabungan) and math.isnan(k.rata_rata_unit) and k.responden == 0
    assert k.selisih_text().startswith("IKM gabungan tidak dapat dihitung")
    assert ikm_per_unit({}).empty


# ------------------------------------------------------------------ budget, staff

def test_budget_per_unit_and_consolidated(result):
    b = result.anggaran.set_index("unit")
    assert b.loc["alpha", ["pagu", "realisasi", "persen"]].tolist() == [1e9, 9.5e8, 95.0]
    assert b.loc["beta", ["pagu", "realisasi", "persen"]].tolist() == [2e8, 1.5e8, 75.0]
    assert b.loc["alpha", "sumber"].startswith("LRA") and b.loc["beta", "sumber"].startswith("anggaran")
    t = result.anggaran_total
    assert (t.pagu, t.realisasi, t.jumlah_unit) == (1.7e9, 1.5e9, 3)
    assert t.persen == pytest.approx(1.5 / 1.7 * 100)
    assert t.catatan == ["Sumber angka anggaran berbeda antarunit (LRA, anggaran); lihat kolom sumber."]


def test_budget_unit_without_data_is_left_out_with_a_note():
    per = budget_per_unit({"a": None}, {})
    assert per.loc[0, "sumber"] == "tidak ada data anggaran"
    t = budget_consolidated(per)
    assert t.jumlah_unit == 0 and math.isnan(t.persen)
    assert t.catatan == ["a: tidak ada data anggaran; tidak ikut dijumlahkan."]


def test_staff_vacancies_leavers_and_ip_asn(result):
    s = result.pegawai.set_index("unit")
    a = s.loc["alpha"]
    assert (a["pegawai_akhir_tahun"], a["pegawai_keluar"], a["pegawai_masuk"]) == (5, 1, 1)
    assert (a["jabatan_kosong"], a["bulan_jabatan_kosong"]) == (1, 6)  # Kasubag PPK Jul-Dec
    assert a["ip_asn"] == pytest.approx((93 + 80 + 88 + 64) / 4)
    assert a["ip_asn_tahun_lalu"] == pytest.approx((93 + 92 + 80 + 88) / 4)
    assert a["perubahan_ip_asn"] == pytest.approx(-7.0)
    b = s.loc["beta"]
    assert (b["pegawai_keluar"], b["bulan_jabatan_kosong"], b["perubahan_ip_asn"]) == (0, 0, 0.0)
    g = s.loc["gamma"]
    assert math.isnan(g["perubahan_ip_asn"]) and "pegawai tahun 2022 tidak ada" in g["catatan"]


def test_factors_and_correlations_with_the_caution(result):
    f = result.faktor.set_index("unit")
    assert f.loc["alpha", ["perubahan_sakip", "realisasi_anggaran_pct", "bulan_jabatan_kosong"]].tolist() \
        == pytest.approx([-2.5, 95.0, 6.0])
    c = result.korelasi.set_index("faktor")
    # absorption 95, 75, 80 against change -2,5, -1, +2,5: hand-computed Pearson r
    x, y = [95.0, 75.0, 80.0], [-2.5, -1.0, 2.5]
    mx, my = sum(x) / 3, sum(y) / 3
    r = sum((a - mx) * (b - my) for a, b in zip(x, y)) / math.sqrt(
        sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))
    assert c.loc["realisasi_anggaran_pct", "r"] == pytest.approx(r)
    assert c.loc["realisasi_anggaran_pct", "rho"] == pytest.approx(-0.5)
    assert c.loc["realisasi_anggaran_pct", "n"] == 3
    assert c.loc["perubahan_ip_asn", "n"] == 2 and math.isnan(c.loc["perubahan_ip_asn", "r"])
    assert c.loc["perubahan_ip_asn", "keterangan"].startswith("hanya 2 unit")
    assert "bukan sebab-akibat" in result.peringatan
    assert "Dengan hanya 3 unit, koefisien korelasi ini bahkan bukan bukti" in result.peringatan
    many = caution_text(12)
    assert "bukan sebab-akibat" in many and "bahkan bukan bukti" not in many


def test_correlation_of_a_constant_factor_is_undefined():
    t = pd.DataFrame({"unit": list("abc"), "perubahan_sakip": [1.0, -1.0, 0.5], "turun": [False, True, False],
                      "realisasi_anggaran_pct": [90.0, 90.0, 90.0]})
    c = correlations(t).set_index("faktor")
    assert math.isnan(c.loc["realisasi_anggaran_pct", "r"])
    assert c.loc["realisasi_anggaran_pct", "keterangan"].startswith("salah satu angka sama")


def test_staff_without_any_pegawai():
    s = staff_per_unit({"a": None}, {"a": None}, Y)
    assert pd.isna(s.loc[0, "pegawai_keluar"]) and "pegawai tahun 2023 tidak ada" in s.loc[0, "catatan"]
    f = factors_table(pd.DataFrame({"unit": ["a"], "perubahan_sakip": [1.0], "turun": [False]}),
                      budget_per_unit({}, {}), s)
    assert f.loc[0, "perubahan_sakip"] == 1.0 and math.isnan(f.loc[0, "ip_asn"])


# ------------------------------------------------------------------ audit

def test_audit_overview_and_largest_differences(result):
    o = result.audit.set_index("unit")
    assert o.loc["alpha", ["diperiksa", "sesuai", "selisih"]].tolist() == [3, 1, 2]
    assert o.loc["alpha", ["selisih_publikasi", "selisih_antar_dataset", "selisih_dalam_dataset"]].tolist() \
        == [1, 1, 0]
    assert not o.loc["beta", "ada_audit"] and pd.isna(o.loc["beta", "selisih"])
    assert o.loc["gamma", "selisih"] == 0
    d = result.selisih_terbesar
    assert d["unit"].tolist() == ["alpha", "alpha"]
    # a wrong IKM (1 %) outranks 317.500 rupiah on 2,5 billion (0,01 %)
    assert d["item"].tolist() == ["ikm", "realisasi"]
    assert d.loc[0, "selisih_relatif_pct"] == pytest.approx(0.98 / 98.31 * 100)
    assert len(largest_differences({"a": None})) == 0
    assert audit_overview({}).empty


# ------------------------------------------------------------------ ringkasan

def test_ringkasan_columns_and_values(result):
    r = result.ringkasan
    assert list(r.columns) == ["unit", "sakip", "sakip_tahun_lalu", "perubahan_sakip",
                               "perubahan_perencanaan", "perubahan_pengukuran", "perubahan_pelaporan",
                               "perubahan_evaluasi_internal", "ikm", "responden",
                               "realisasi_anggaran_pct", "capaian_kinerja_unit"]
    assert tuple(r.columns) == RINGKASAN_COLUMNS
    assert r["unit"].tolist() == ["alpha", "beta", "gamma"]
    assert (r["perubahan_sakip"] == r["sakip"] - r["sakip_tahun_lalu"]).all()
    assert r["responden"].tolist()[:2] == [4, 1] and pd.isna(r.loc[2, "responden"])
    assert r["realisasi_anggaran_pct"].tolist() == pytest.approx([95.0, 75.0, 80.0])


def test_ringkasan_csv_is_deterministic_plain_and_safe(result, tmp_path):
    shuffled = result.ringkasan.iloc[[2, 0, 1]]
    text = csv_text(shuffled)
    lines = text.split("\n")
    assert lines[0] == ",".join(RINGKASAN_COLUMNS)
    # capaian kinerja unit: the mean capaian of the unit's IKU with one (target 90 each):
    # alpha (SAKIP 83,5 + IKM 100 + 5 x 100) / 90 / 7; gamma has no IKM: (81,5 + 5 x 100) / 90 / 6
    assert lines[1] == "alpha,83.5,86,-2.5,-1,-0.5,0,-1,100,4,95,108.4920634921"
    assert lines[3] == "gamma,81.5,79,2.5,1,0.5,0.5,0.5,,,80,107.6851851852"
    assert text.endswith("\n") and "\r" not in text
    p1 = write_ringkasan(shuffled, tmp_path / "a")
    p2 = write_ringkasan(result.ringkasan, tmp_path / "b" / "r.csv")
    assert p1.name == "ringkasan.csv" and p1.read_bytes() == p2.read_bytes() == text.encode()
    back = pd.read_csv(p1)
    assert ((back["perubahan_sakip"] - (back["sakip"] - back["sakip_tahun_lalu"])).abs() < 1e-9).all()


def test_csv_neutralises_formula_text_but_not_negative_numbers():
    df = ringkasan(pd.DataFrame({"unit": ["=cmd|' /C calc'!A0", "+1", "@x", "-2", "ok"],
                                 "sakip": [1.0, 2.0, 3.0, 4.0, 5.0], "sakip_tahun_lalu": [2.0] * 5,
                                 "perubahan_sakip": [-1.0, 0.0, 1.0, 2.0, 3.0],
                                 **{c: [0.0] * 5 for c in RINGKASAN_COLUMNS[4:8]}}),
                   pd.DataFrame(columns=["unit", "ikm", "responden"]),
                   pd.DataFrame(columns=["unit", "persen"]))
    body = csv_text(df).splitlines()[1:]
    firsts = [line.split(",")[0] for line in body]
    assert firsts == ["'+1", "'-2", "'=cmd|' /C calc'!A0", "'@x", "ok"]
    assert body[2].split(",")[3] == "-1"


def test_unit_in_one_frame_only_still_gets_a_row():
    r = ringkasan(sakip_table({}, {}), ikm_per_unit({"z": None}), budget_per_unit({}, {}))
    assert r["unit"].tolist() == ["z"] and math.isnan(r.loc[0, "sakip"])


def test_analyse_notes_excluded_units(result):
    assert result.catatan[0].startswith("2 unit tidak dibandingkan dan tidak termasuk dalam angka "
                                        "gabungan: delta (tidak ada data olahan tahun 2022")
    assert result.units == ["alpha", "beta", "gamma"]


def test_bad_survey_answer_names_the_unit():
    bad = pd.DataFrame({f"u{i}": pd.array([4], dtype="Int64") for i in range(1, 10)})
    bad["u3"] = pd.array([5], dtype="Int64")
    bad["baris"] = [7]
    with pytest.raises(DataError) as exc:
        ikm_per_unit({"alpha": bad})
    assert (exc.value.file, exc.value.row, exc.value.column) == ("alpha/ikm_survei", 7, "u3")


def test_aggregate_check_with_unreadable_printed_figure():
    from lkjip.kabupaten.audit import check_aggregate

    with pytest.raises(ValueError, match="IKM kota: angka tercetak '1.100' tidak terbaca"):
        check_aggregate("IKM kota", "1.100", 1100.0)
    assert check_aggregate("IKM kota", 90.6, 90.62, decimals=2).status == "selisih"
    assert check_aggregate("IKM kota", 90.6, 90.62).status == "sesuai"  # 1 decimal printed: +-0,05
