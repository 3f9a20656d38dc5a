"""The kabupaten view's reader-facing tables, on small hand-computed frames.

Values (report year 2023): unit a 87,43 -> 86,13 (A), components
-0,42 / -0,24 / -0,05 / -0,59; unit b 74,00 -> 81,50 (BB -> A).
"""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.kabupaten import display, ikm_consolidated
from lkjip.kabupaten.budget import BudgetTotal
from lkjip.kabupaten.ikm import LABEL_MEAN, LABEL_POOLED
from lkjip.kabupaten.sakip import component_drivers

SAKIP = pd.DataFrame({
    "unit": ["b", "a"], "sakip_tahun_lalu": [74.0, 87.43], "sakip": [81.5, 86.13],
    "perubahan_sakip": [7.5, 86.13 - 87.43], "predikat_tahun_lalu": ["BB", "A"], "predikat": ["A", "A"],
    "perubahan_perencanaan": [2.0, -0.42], "perubahan_pengukuran": [2.5, -0.24],
    "perubahan_pelaporan": [1.0, -0.05], "perubahan_evaluasi_internal": [2.0, -0.59],
    "turun": [False, True], "catatan": ["", ""],
})


def test_sakip_table_puts_the_largest_drop_first_with_names_and_signed_changes():
    t = display.tabel_sakip(SAKIP, 2023, {"a": "Kecamatan A"})
    assert t.columns.tolist() == ["Unit", "SAKIP 2022", "SAKIP 2023", "Perubahan", "Predikat", "Perencanaan",
                                  "Pengukuran", "Pelaporan", "Evaluasi Internal"]
    assert t["Unit"].tolist() == ["Kecamatan A", "b"]  # no name: the code
    assert t.iloc[0, 1:].tolist() == [87.43, 86.13, "-1,30", "A", "-0,42", "-0,24", "-0,05", "-0,59"]
    assert t.loc[1, "Predikat"] == "BB → A" and t.loc[1, "Perubahan"] == "+7,50"


def test_drivers_table_counts_the_falling_units():
    t = display.tabel_pendorong(component_drivers(SAKIP))
    assert t["Komponen"].iloc[0] == "Evaluasi Akuntabilitas Kinerja Internal"
    first = t.iloc[0]
    assert first["Jumlah perubahan (poin)"] == "-0,59"
    assert first["Porsi (%)"] == pytest.approx(0.59 / 1.30 * 100)
    assert first["Unit turun"] == 1 and first["Unit naik"] == 0


def test_indicator_table_shows_each_indicator_at_its_decimals_with_its_category():
    long = pd.DataFrame({
        "unit": ["a", "a", "b"], "indikator": ["sakip", "jumlah_inovasi", "sakip"],
        "nama": ["S", "J", "S"], "satuan": ["nilai", "inovasi", "nilai"], "target": [87.5, 3.0, 80.0],
        "realisasi": [86.125, 3.0, 81.5], "capaian_pct": [98.43, 100.0, 101.9],
        "kategori": ["Sangat Tinggi", "Sangat Tinggi", None]})
    t = display.tabel_indikator(long, {"b": "Kec. B"})
    assert t.columns.tolist() == ["Unit", "SAKIP", "Inovasi"]
    assert t.values.tolist() == [["a", "86,13 (ST)", "3 (ST)"], ["Kec. B", "81,50", "–"]]
    assert display.kategori_legend().startswith("Kategori capaian (Permendagri 86/2017): ST = Sangat Tinggi, ")


def test_ikm_table_labels_the_pooled_figure_and_the_mean_of_units():
    big = pd.DataFrame({f"u{i}": pd.array([4, 4, 4], dtype="Int64") for i in range(1, 10)})
    small = pd.DataFrame({f"u{i}": pd.array([2], dtype="Int64") for i in range(1, 10)})
    ikm = ikm_consolidated({"a": big, "b": small})
    t = display.tabel_ikm(ikm)
    assert t["Ukuran"].tolist() == [LABEL_POOLED, LABEL_MEAN]
    assert t["Nilai"].tolist() == pytest.approx([87.5, 75.0])
    per_unit = display.tabel_ikm_unit(ikm.per_unit, {"a": "Kec. A"})
    assert per_unit["Unit"].tolist() == ["Kec. A", "b"] and per_unit["Responden"].tolist() == [3, 1]


def test_budget_table_ends_with_the_percentage_of_the_sums():
    budget = pd.DataFrame({"unit": ["a", "b"], "pagu": [100.0, 300.0], "realisasi": [50.0, 270.0],
                           "persen": [50.0, 90.0], "sumber": ["LRA: 5", "LRA: 5"]})
    t = display.tabel_anggaran(budget, BudgetTotal(400.0, 320.0, 80.0, 2))
    assert t.iloc[-1].tolist() == ["Jumlah", 400.0, 320.0, 80.0]  # not (50 + 90) / 2


def test_published_differences_keep_only_published_figures_that_differ():
    audit = pd.DataFrame({
        "pemeriksaan": ["publikasi vs hitungan", "publikasi vs hitungan", "antar dataset"],
        "dataset": ["indikator"] * 3, "item": ["ikm", "sakip", "x"],
        "dipublikasikan": [97.33, 86.13, 1.0], "dihitung": [98.31, 86.13, 2.0],
        "selisih": [97.33 - 98.31, 0.0, -1.0], "status": ["selisih", "sesuai", "selisih"]})
    d = display.published_differences({"b": None, "a": audit})
    assert d[["unit", "item"]].values.tolist() == [["a", "ikm"]]
    t = display.tabel_selisih_terbitan(d, {"a": "Kec. A"})
    # an audit.csv written before the audit had words and causes: the item, no cause
    assert t.iloc[0].tolist() == ["Kec. A", "ikm", 97.33, 98.31, "-0,98", ""]
    assert display.published_differences({"a": audit.iloc[1:2]}).empty
    # today's audit.csv: its words for the item and its likely cause, in words
    audit["uraian"] = ["Nilai IKM (realisasi), Tabel 3.1.1", "", ""]
    audit["kemungkinan_penyebab"] = ["pembulatan", "", ""]
    t = display.tabel_selisih_terbitan(display.published_differences({"a": audit}), {"a": "Kec. A"})
    from lkjip.audit.causes import CAUSE_LABELS
    assert t.iloc[0].tolist() == ["Kec. A", "Nilai IKM (realisasi), Tabel 3.1.1", 97.33, 98.31, "-0,98",
                                  CAUSE_LABELS["pembulatan"]]


def test_unit_names_from_unit_yaml_with_the_code_as_fallback(tmp_path):
    for code, text in (("a", "nama: Kecamatan  A\nkabupaten: Kabupaten X\n"),
                       ("b", "nama: Kecamatan B\nkabupaten: Kabupaten X\n"), ("c", ": : :\n")):
        (tmp_path / code).mkdir()
        (tmp_path / code / "unit.yaml").write_text(text, encoding="utf-8")
    names, kabupaten = display.unit_names(tmp_path, ["a", "b", "c", "d"])
    assert names == {"a": "Kecamatan A", "b": "Kecamatan B", "c": "c", "d": "d"}
    assert kabupaten == "Kabupaten X"
    (tmp_path / "b" / "unit.yaml").write_text("nama: B\nkabupaten: Kota Y\n", encoding="utf-8")
    assert display.unit_names(tmp_path, ["a", "b"])[1] is None  # units of two kabupaten


def test_summary_sentences_name_the_units_that_fell_escaped():
    lines = display.summary_sentences(SAKIP, {"a": "Kec. *A*"})
    assert lines[0] == "2 unit dibandingkan: 1 turun, 1 naik, 0 tetap."
    assert lines[1] == "Turun: Kec. \\*A\\* (-1,30)."
