"""A unit's own key indicators declared as data (indikator.csv, realisasi.csv): issue "Any unit, its own
key indicators". Hand-computed values; every case of "What was seen" that the declaration settles."""

from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest

from lkjip.errors import DataError, DataErrors
from lkjip.indicators.declared import (
    declaration_from_frame,
    default_declaration,
    quantities_needed,
    read_declaration,
    reported_values,
)
from lkjip.indicators.formula import FormulaError, parse_formula
from lkjip.indicators.iku import capaian_kinerja_unit, compute_all
from lkjip.validation.iku import iku_findings
from lkjip.validation.run import required_datasets

DINKES = [
    # kode, nama, satuan, polaritas, desimal, rumus
    ("angka_kematian_ibu", "Angka Kematian Ibu", "per 100.000 kelahiran hidup", "turun", 2,
     "100000 * kematian_ibu / kelahiran_hidup"),
    ("balita_stunting_pct", "Persentase balita stunting", "persen", "turun", 2, "dilaporkan"),
    ("ikm_puskesmas", "IKM Puskesmas", "indeks", "naik", 2, "rata_rata(ikm_per_puskesmas)"),
    ("kinerja_gabungan", "Indeks kinerja gabungan", "indeks", "naik", 2,
     "0.4*realisasi_anggaran_pct + 0.6*capaian_output"),
    ("cakupan_imunisasi", "Cakupan imunisasi dasar lengkap", "persen", "naik", 1, "dilaporkan"),
]


def declaration_frame(rows=DINKES, **extra) -> pd.DataFrame:
    frame = pd.DataFrame([dict(zip(("kode", "nama", "satuan", "polaritas", "desimal", "rumus"), r)) for r in rows])
    frame["baris"] = range(2, len(frame) + 2)
    for column, values in extra.items():
        frame[column] = values
    return frame


def realisasi(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["besaran", "subunit", "nilai", "sumber"])
    frame["baris"] = range(2, len(frame) + 2)
    return frame


def lra(anggaran: float, realisasi_: float) -> pd.DataFrame:
    return pd.DataFrame({"kode_rekening": ["5"], "uraian": ["BELANJA"], "anggaran": [anggaran],
                         "realisasi": [realisasi_], "realisasi_tahun_lalu": [float("nan")], "baris": [2],
                         "adalah_total": [False]})


def targets(codes_and_targets: dict, year: int = 2023) -> pd.DataFrame:
    return pd.DataFrame({"indikator": list(codes_and_targets), "dokumen": "pk", "tahun": year,
                         "target": list(codes_and_targets.values())})


YEAR_ROWS = [
    ("kematian_ibu", "", "3", "Laporan KIA"),
    ("kelahiran_hidup", "", "3390", "Laporan KIA"),
    ("balita_stunting_pct", "", "n/a", "SSGI (belum rilis)"),
    ("ikm_per_puskesmas", "Puskesmas A", "80", "E-Sukma"),
    ("ikm_per_puskesmas", "Puskesmas B", "90,5", "E-Sukma"),
    ("capaian_output", "", "95", "e-Monev"),
    ("cakupan_imunisasi", "", "92,4", "Laporan imunisasi"),
]


# --------------------------------------------------------------------------- the rumus language


def test_formulas_compute_the_hand_worked_values():
    values = {"kematian_ibu": [3.0], "kelahiran_hidup": [3390.0], "x": [80.0, 90.5]}
    assert parse_formula("100000 * kematian_ibu / kelahiran_hidup").evaluate(values) == pytest.approx(88.4955752)
    assert parse_formula("rata_rata(x)").evaluate(values) == 85.25
    assert parse_formula("jumlah(x) - -1").evaluate(values) == 171.5
    assert parse_formula("(1 + 2) * 3").evaluate({}) == 9.0
    assert math.isnan(parse_formula("kematian_ibu / 0").evaluate(values))
    assert math.isnan(parse_formula("tidak_ada + 1").evaluate(values))


@pytest.mark.parametrize("text, words", [
    ("__import__('os').system('x')", "tidak dikenal"),
    ("__import__('os')", "fungsi '__import__' tidak dikenal"),
    ("kematian_ibu.real", "tidak diperbolehkan"),
    ("a[0]", "tidak diperbolehkan"),
    ("a ** 2", "tidak diperbolehkan"),
    ("a if b else c", "tidak diperbolehkan"),
    ("'teks'", "hanya angka"),
    ("rata_rata(a, b)", "tepat satu nama besaran"),
    ("rata_rata", "adalah fungsi"),
    ("1 +", "tidak dapat dibaca"),
    ("", "rumus kosong"),
    ("a+" * 300 + "a", "lebih dari 500 karakter"),
])
def test_a_formula_outside_the_language_is_refused_before_anything_runs(text, words):
    with pytest.raises(FormulaError, match=words.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        parse_formula(text)


def test_a_bad_rumus_names_file_row_and_column():
    frame = declaration_frame([DINKES[0], ("x", "X", "persen", "naik", 2, "a +* b"),
                               ("y", "Y", "persen", "miring", 2, "dilaporkan")])
    with pytest.raises(DataErrors) as caught:
        declaration_from_frame(frame, "data/raw/dinkes/indikator.csv")
    found = {(e.file, e.row, e.column) for e in caught.value.errors}
    assert found == {("data/raw/dinkes/indikator.csv", 3, "rumus"), ("data/raw/dinkes/indikator.csv", 4, "polaritas")}


def test_codes_are_matched_without_case_and_a_repeated_code_is_an_error():
    declared = declaration_from_frame(declaration_frame([("IKM", "IKM", "indeks", "Naik", 2, "ikm")]), "i.csv")
    assert [(i.kode, i.polaritas, i.builtin) for i in declared] == [("ikm", "naik", "ikm")]
    with pytest.raises(DataError, match="sudah dinyatakan di baris 2"):
        declaration_from_frame(declaration_frame([DINKES[0], DINKES[0]]), "i.csv")


# --------------------------------------------------------------------------- values, capaian by polarity


def dinkes_results(unit=None):
    declared = declaration_from_frame(declaration_frame(), "indikator.csv")
    datasets = {"realisasi": realisasi(YEAR_ROWS), "lra": lra(1_000_000.0, 900_000.0)}
    t = targets({"ANGKA_KEMATIAN_IBU": 92.0, "balita_stunting_pct": 14.0, "ikm_puskesmas": 82.0,
                 "kinerja_gabungan": 90.0, "cakupan_imunisasi": 0.0})
    return compute_all(datasets, t, unit or {}, 2023, declaration=declared)


def test_a_unit_with_its_own_iku_gets_one_row_each_with_values_by_rumus():
    res = dinkes_results()
    table = res.tabel.set_index("indikator")
    assert list(table.index) == [r[0] for r in DINKES]
    assert table.loc["angka_kematian_ibu", "realisasi"] == pytest.approx(300000 / 3390)
    assert math.isnan(table.loc["balita_stunting_pct", "realisasi"])
    assert table.loc["ikm_puskesmas", "realisasi"] == 85.25
    # 0.4 x 90 % absorption (LRA 900.000 / 1.000.000) + 0.6 x 95
    assert table.loc["kinerja_gabungan", "realisasi"] == pytest.approx(0.4 * 90 + 0.6 * 95)
    assert table.loc["cakupan_imunisasi", "realisasi"] == pytest.approx(92.4)
    assert res.catatan["balita_stunting_pct"] == ["belum tersedia (n/a di realisasi.csv)"]
    assert res.catatan["cakupan_imunisasi"] == ["dilaporkan: Laporan imunisasi", "target 0: capaian tidak dapat dihitung"]


def test_capaian_follows_polarity_and_the_units_rule_for_lower_is_better():
    table = dinkes_results().tabel.set_index("indikator")
    aki = 300000 / 3390
    # lower is better: (2t - r) / t x 100 by default
    assert table.loc["angka_kematian_ibu", "capaian_pct"] == pytest.approx((2 * 92 - aki) / 92 * 100)
    assert table.loc["ikm_puskesmas", "capaian_pct"] == pytest.approx(85.25 / 82 * 100)
    # target 0 and n/a: no capaian and no category, never 0 / "Sangat Rendah"
    for code in ("balita_stunting_pct", "cakupan_imunisasi"):
        assert math.isnan(table.loc[code, "capaian_pct"]) and pd.isna(table.loc[code, "kategori"])
    ratio = dinkes_results({"capaian_turun": "rasio"}).tabel.set_index("indikator")
    assert ratio.loc["angka_kematian_ibu", "capaian_pct"] == pytest.approx(92 / aki * 100)


def test_the_units_example_of_lower_is_better_reads_103_80():
    declared = declaration_from_frame(declaration_frame([("aki", "AKI", "per 100.000", "turun", 2, "dilaporkan")]),
                                      "indikator.csv")
    res = compute_all({"realisasi": realisasi([("aki", "", "88,5", "Dinkes")])}, targets({"aki": 92.0}), {}, 2023,
                      declaration=declared)
    assert round(float(res.tabel["capaian_pct"].iloc[0]), 2) == 103.80


def test_capaian_kinerja_unit_is_the_mean_of_the_iku_with_a_capaian_and_names_the_rest():
    res = dinkes_results()
    got = res.capaian_kinerja_unit()
    caps = res.tabel.set_index("indikator")["capaian_pct"]
    used = ["angka_kematian_ibu", "ikm_puskesmas", "kinerja_gabungan"]
    assert got.dihitung == tuple(used)
    assert got.tidak_dihitung == ("balita_stunting_pct", "cakupan_imunisasi")
    assert got.nilai == pytest.approx(sum(caps[c] for c in used) / 3)
    assert capaian_kinerja_unit(pd.DataFrame({"indikator": ["a"], "capaian_pct": [float("nan")]})).dihitung == ()


def test_without_indikator_csv_a_unit_keeps_the_seven_kecamatan_iku(raw_dir):
    declared = read_declaration(raw_dir, "gedeg")
    assert declared == default_declaration()
    assert [i.kode for i in declared] == ["ikm", "layanan_sesuai_standar_pct", "koordinasi_ditindaklanjuti_pct",
                                          "sakip", "realisasi_anggaran_pct", "ip_asn", "jumlah_inovasi"]
    assert required_datasets(declared) == ("ikm_survei", "paten_layanan", "anggaran", "lra", "pegawai",
                                           "sakip_evaluasi", "koordinasi", "inovasi")


# --------------------------------------------------------------------------- checks across files


def failed(findings):
    return {f.rule_id: f for f in findings if f.success is False}


def test_targets_with_the_units_own_codes_pass_and_the_datasets_follow_from_the_iku():
    declared = declaration_from_frame(declaration_frame(), "indikator.csv")
    t = targets({r[0].upper(): 1.0 for r in DINKES})
    frames = {"realisasi": realisasi(YEAR_ROWS)}
    assert failed(iku_findings(declared, frames, t, 2023, {})) == {}
    # no PATEN, coordination, survey or staff data needed: only the LRA
    assert required_datasets(declared) == ("lra",)


def test_a_missing_target_and_undeclared_codes_are_named_in_a_stable_order():
    declared = declaration_from_frame(declaration_frame(), "indikator.csv")
    t = targets({"ikm_puskesmas": 1.0, "ikm": 85.0, "sakip": 80.0})
    pk = pd.DataFrame({"kode_indikator": ["angka_kematian_ibu", "jumlah_inovasi"], "baris": [2, 3]})
    bad = failed(iku_findings(declared, {"perjanjian_kinerja": pk, "realisasi": realisasi(YEAR_ROWS)}, t, 2023,
                              {"targets": "targets.csv"}, {"pembiayaan": {"Angka_Kematian_Ibu": "1.02", "ipm": None}}))
    assert bad["targets.indikator.tahun_laporan_lengkap"].values == [
        "angka_kematian_ibu", "balita_stunting_pct", "cakupan_imunisasi", "kinerja_gabungan"]
    undeclared = bad["targets.indikator.iku_dinyatakan"]
    assert (undeclared.rows, undeclared.values) == ([3, 4], ["ikm", "sakip"])
    assert bad["perjanjian_kinerja.kode_indikator.iku_dinyatakan"].rows == [3]
    assert bad["unit.pembiayaan.iku_dinyatakan"].values == ["ipm"]


def test_a_quantity_a_rumus_reads_must_be_handed_in_and_an_unused_one_is_a_warning():
    declared = declaration_from_frame(declaration_frame(), "indikator.csv")
    rows = [r for r in YEAR_ROWS if r[0] != "kelahiran_hidup"] + [("kelahiran_hidupp", "", "3390", "KIA")]
    found = iku_findings(declared, {"realisasi": realisasi(rows)}, None, 2023, {})
    bad = failed(found)
    assert bad["realisasi.besaran.lengkap"].values == ["kelahiran_hidup"]
    assert bad["realisasi.besaran.dipakai"].severity == "peringatan"
    assert bad["realisasi.besaran.dipakai"].values == ["kelahiran_hidupp"]
    assert quantities_needed(declared) == ("balita_stunting_pct", "cakupan_imunisasi", "capaian_output",
                                           "ikm_per_puskesmas", "kelahiran_hidup", "kematian_ibu")


def test_a_reported_value_that_is_neither_a_number_nor_na_names_its_row():
    with pytest.raises(DataError) as caught:
        reported_values(realisasi([("a", "", "12", "x"), ("b", "", "dua belas", "x")]), "realisasi.csv")
    assert (caught.value.file, caught.value.row, caught.value.column) == ("realisasi.csv", 3, "nilai")


def test_an_iku_block_in_unit_yaml_is_refused_with_where_iku_belong(tmp_path, raw_dir):
    from lkjip.inputs.unit import load_unit

    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    path = tmp_path / "gedeg" / "unit.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "indikator:\n  - kode: aki\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_unit(tmp_path, "gedeg")
    assert caught.value.column == "indikator"
    assert "dinyatakan di berkas indikator.csv" in caught.value.rule


def test_an_empty_innovation_list_gives_0_with_a_note():
    empty = pd.DataFrame(columns=["nama", "nomor_sk", "tanggal_sk", "status", "baris"])
    res = compute_all({"inovasi": empty}, targets({"jumlah_inovasi": 1.0}), {}, 2023)
    row = res.tabel.set_index("indikator").loc["jumlah_inovasi"]
    assert row["realisasi"] == 0.0 and row["capaian_pct"] == 0.0
    assert "daftar inovasi (inovasi.csv) tanpa baris: jumlah inovasi tahun ini 0" in res.catatan["jumlah_inovasi"]
