"""Capaian categories per unit (unit.yaml ``kategori_capaian``): issue "Any unit, its own key
indicators". Permendagri 86/2017 by default; a unit (or its kabupaten) may state its own bands, and
every table, the notebook overview and the text then use them. Bad bands are refused naming the key."""

from __future__ import annotations

import shutil

import pytest

from lkjip import document as rp
from lkjip.errors import DataError
from lkjip.inputs.unit import Unit

BASE = {"kode": "x", "nama": "Dinas X", "kabupaten": "Kab. Y", "pimpinan": {"nama": "A", "jabatan": "Kepala"}}
# a kabupaten that reports "Sangat Baik" from 100 % (the seed's own words: "kategori sangat baik")
OWN = {"nama": "Peraturan Bupati Contoh Nomor 1 Tahun 2022",
       "kategori": [{"label": "Sangat Baik", "min": 100}, {"label": "Baik", "min": 90},
                    {"label": "Cukup", "min": 75}, {"label": "Kurang"}]}


def test_without_the_key_the_unit_reports_in_permendagri_86_2017():
    bands = Unit.from_dict(dict(BASE)).capaian_bands
    assert bands.regulation == "Permendagri Nomor 86 Tahun 2017"
    assert [bands.classify(v) for v in (91, 90.99, 76, 66, 51, 50.99)] == [
        "Sangat Tinggi", "Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]


def test_a_units_own_bands_classify_at_their_edges():
    bands = Unit.from_dict(dict(BASE, kategori_capaian=OWN)).capaian_bands
    assert bands.regulation == OWN["nama"]
    assert [bands.classify(v) for v in (120, 100, 99.99, 90, 89.5, 75, 74.99, 0)] == [
        "Sangat Baik", "Sangat Baik", "Baik", "Baik", "Cukup", "Cukup", "Kurang", "Kurang"]
    assert [b.range_text for b in bands.bands] == [">= 100", "90 - < 100", "75 - < 90", "< 75"]


@pytest.mark.parametrize("spec, column, reason", [
    ("permenpan_99", "kategori_capaian", "nama tidak dikenal 'permenpan_99'"),
    ({"kategori": OWN["kategori"]}, "kategori_capaian.nama", "sebutkan aturan"),
    (dict(OWN, kategori=[{"label": "Baik", "min": 90}, {"label": "Tinggi", "min": 95}, {"label": "Kurang"}]),
     "kategori_capaian.kategori[2]", "harus lebih kecil dari 'min' kategori di atasnya (90)"),
    (dict(OWN, kategori=[{"label": "Baik", "min": "sembilan puluh"}, {"label": "Kurang"}]),
     "kategori_capaian.kategori[1]", "'min' harus angka"),
    (dict(OWN, kategori=[{"label": "Baik", "min": 90}, {"label": "Kurang", "min": 0}]),
     "kategori_capaian.kategori[2]", "kategori terakhir tanpa 'min'"),
    (dict(OWN, kategori=[{"label": "Baik", "min": 90}]), "kategori_capaian.kategori", "paling sedikit dua"),
])
def test_bad_bands_are_refused_naming_unit_yaml_and_the_key(spec, column, reason):
    with pytest.raises(DataError) as err:
        Unit.from_dict(dict(BASE, kategori_capaian=spec))
    assert err.value.file == "unit.yaml" and err.value.column == column
    assert reason in str(err.value)


def test_an_unknown_capaian_turun_is_refused_not_a_crash_later():
    with pytest.raises(DataError) as err:
        Unit.from_dict(dict(BASE, capaian_turun="terbalik"))
    assert err.value.column == "capaian_turun" and "selisih atau rasio" in str(err.value)


@pytest.fixture(scope="module")
def dinas_with_own_bands(tmp_path_factory, raw_dir):
    data = tmp_path_factory.mktemp("kategori") / "raw"
    shutil.copytree(raw_dir / "dinkes_contoh", data / "dinkes_contoh")
    unit_yaml = data / "dinkes_contoh" / "unit.yaml"
    unit_yaml.write_text(unit_yaml.read_text(encoding="utf-8") + (
        "kategori_capaian:\n  nama: Peraturan Bupati Contoh Nomor 1 Tahun 2022\n  kategori:\n"
        "  - {label: Sangat Baik, min: 100}\n  - {label: Baik, min: 90}\n  - {label: Cukup, min: 75}\n"
        "  - {label: Kurang}\n"), encoding="utf-8")
    default = rp.build_report(raw_dir, "dinkes_contoh", 2023)
    own = rp.build_report(data, "dinkes_contoh", 2023)
    return default, own


def test_the_lkjip_tables_and_text_use_the_units_bands(dinas_with_own_bands):
    default, own = dinas_with_own_bands
    expected = own.unit.capaian_bands
    # the same capaian, categorised by each unit's own table
    assert own.capaian["capaian_pct"].tolist() == pytest.approx(default.capaian["capaian_pct"].tolist(), nan_ok=True)
    for frame in (own.capaian, own.history):
        shown = frame.dropna(subset=["capaian_pct"])
        assert len(shown)
        assert shown["kategori"].tolist() == [expected.classify(c) for c in shown["capaian_pct"]]
    kat = own.tabel_3_1_1["Kategori Capaian"].tolist()
    assert set(kat) <= {"Sangat Baik", "Baik", "Cukup", "Kurang", "tidak dapat dihitung"}
    assert set(default.tabel_3_1_1["Kategori Capaian"]) & {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah"}
    from lkjip.document.narrative.capaian import pengukuran

    text = pengukuran(own)
    assert "mengikuti Peraturan Bupati Contoh Nomor 1 Tahun 2022 (Sangat Baik >= 100, Baik 90 - < 100" in text
    assert "Permendagri" not in text


def test_gambar_3_1_names_the_lower_is_better_rule_only_where_an_iku_uses_it(dinas_with_own_bands, gedeg_report):
    from lkjip.document.figures import capaian_rumus, fig_target_vs_realisasi

    default, _ = dinas_with_own_bands
    # the Dinas has lower-is-better IKU (Angka Kematian Ibu/Bayi): its caption must say how those were computed
    assert capaian_rumus(default) == ("realisasi / target x 100 (makin tinggi makin baik) atau "
                                      "(2 x target - realisasi) / target x 100 (makin rendah makin baik)")
    label = fig_target_vs_realisasi(default).axes[0].get_xlabel().replace("\n", " ")
    assert "(2 x target - realisasi) / target x 100 (makin rendah makin baik)" in label
    # Gedeg's seven IKU are all higher-is-better: its caption stays as printed before
    assert capaian_rumus(gedeg_report) == "realisasi / target x 100"
    assert fig_target_vs_realisasi(gedeg_report).axes[0].get_xlabel() == (
        "Capaian (%) = realisasi / target x 100; garis putus-putus = 100%")
