"""The seven indicators of 2023 from hand-built frames of the published LKjIP 2023."""

import math

import pandas as pd
import pytest
from helpers.lkjip_2023 import UNIT, anggaran_2023, datasets_2023, targets_2023

from lkjip.contract.fmt import fmt_number
from lkjip.indicators.iku import (
    INDICATOR_COLUMNS,
    compute_all,
    compute_indicators,
    financing,
    indicator_history,
)
from lkjip.contract.rules import INDICATOR_IDS

IDS = ["ikm", "layanan_sesuai_standar_pct", "koordinasi_ditindaklanjuti_pct", "sakip",
       "realisasi_anggaran_pct", "ip_asn", "jumlah_inovasi"]


def test_frame_shape_and_order():
    df = compute_indicators(datasets_2023(), targets_2023(), UNIT, 2023)
    assert list(df.columns) == list(INDICATOR_COLUMNS)
    assert df["indikator"].tolist() == IDS == list(INDICATOR_IDS)


def test_lkjip_2023_2023_values():
    df = compute_indicators(datasets_2023(), targets_2023(), UNIT, 2023).set_index("indikator")
    shown = {i: (fmt_number(r["target"]), fmt_number(r["realisasi"]), fmt_number(r["capaian_pct"]),
                 r["kategori"]) for i, r in df.iterrows()}
    assert shown == {
        "ikm": ("94,50", "98,31", "104,04", "Sangat Tinggi"),
        "layanan_sesuai_standar_pct": ("100,00", "100,00", "100,00", "Sangat Tinggi"),
        "koordinasi_ditindaklanjuti_pct": ("100,00", "100,00", "100,00", "Sangat Tinggi"),
        "sakip": ("87,50", "86,13", "98,43", "Sangat Tinggi"),
        "realisasi_anggaran_pct": ("90,00", "94,37", "104,85", "Sangat Tinggi"),
        "ip_asn": ("85,00", "89,50", "105,29", "Sangat Tinggi"),
        "jumlah_inovasi": ("2,00", "2,00", "100,00", "Sangat Tinggi"),
    }
    # full precision in the frame
    assert df.loc["ikm", "realisasi"] == pytest.approx(23147 / 654 / 9 * 25, rel=1e-12)
    assert df.loc["realisasi_anggaran_pct", "realisasi"] == pytest.approx(2566829648 / 2720088927 * 100)


def test_details_and_rounded_weight():
    r = compute_all(datasets_2023(), targets_2023(), UNIT, 2023, ikm_weight="0.111")
    assert fmt_number(r.tabel.set_index("indikator").loc["ikm", "realisasi"]) == "98,22"
    assert r.kelas == {"ikm": "A", "layanan_sesuai_standar_pct": None,
                       "koordinasi_ditindaklanjuti_pct": None, "sakip": "A",
                       "realisasi_anggaran_pct": None, "ip_asn": "Tinggi", "jumlah_inovasi": None}
    assert r.ikm_sampel.minimum == 372 and r.ikm_sampel.populasi == 11139 and r.ikm_sampel.cukup
    assert any("0,111" in n for n in r.catatan["ikm"])
    assert r.target.set_index("indikator").loc["ikm", "dokumen"] == "pk_perubahan"
    end = r.renstra_akhir.set_index("indikator")
    assert end.loc["sakip", "target_akhir"] == 88 and end.loc["sakip", "tahun_akhir"] == 2026
    assert fmt_number(end.loc["sakip", "tingkat_kemajuan"]) == "97,88"
    assert r.anggaran_total.pagu == 2720088927.0


def test_financing_and_efficiency_every_row():
    r = compute_all(datasets_2023(), targets_2023(), UNIT, 2023)
    f = r.pembiayaan.set_index("indikator")
    assert f.loc["ikm", "pagu"] == 2720088927.0 and f.loc["ikm", "persen_dari_total"] == 100.0
    assert f.loc["sakip", ["pagu", "realisasi"]].tolist() == [2483372550.0, 2334527848.0]
    assert f.loc["realisasi_anggaran_pct", "pagu"] == 2122381250.0
    assert fmt_number(f.loc["koordinasi_ditindaklanjuti_pct", "persen_dari_total"]) == "7,64"
    assert fmt_number(f.loc["layanan_sesuai_standar_pct", "penyerapan_pct"]) == "98,63"
    for ind, row in f.iterrows():
        if ind == "jumlah_inovasi":
            assert row["pagu"] == 0 and math.isnan(row["tingkat_efisiensi"])
            assert "tidak dibiayai" in row["keterangan"]
        else:
            assert row["tingkat_efisiensi"] == pytest.approx(row["capaian_pct"] - row["penyerapan_pct"])
    # 98,434 - 94,006 = 4,428 (the published LKjIP subtracts rounded figures: 98,43 - 94,01 = 4,42)
    assert fmt_number(f.loc["sakip", "tingkat_efisiensi"]) == "4,43"
    assert fmt_number(f.loc["ip_asn", "tingkat_efisiensi"]) == "5,29"


def test_unmapped_indicator_in_financing():
    df = compute_indicators(datasets_2023(), targets_2023(), UNIT, 2023)
    f = financing(df, anggaran_2023(), {"pembiayaan": {"ikm": "total"}}).set_index("indikator")
    assert "belum dipetakan" in f.loc["sakip", "keterangan"]
    assert math.isnan(f.loc["sakip", "pagu"])


def test_missing_datasets_give_nan_and_notes():
    data = datasets_2023()
    del data["pegawai"], data["lra"]
    data["sakip_evaluasi"] = None
    r = compute_all(data, targets_2023(), UNIT, 2023)
    t = r.tabel.set_index("indikator")
    assert math.isnan(t.loc["ip_asn", "realisasi"]) and math.isnan(t.loc["ip_asn", "capaian_pct"])
    assert pd.isna(t.loc["ip_asn", "kategori"])
    assert math.isnan(t.loc["sakip", "realisasi"])
    assert any("pegawai" in n for n in r.catatan["ip_asn"])
    # no LRA: falls back on the budget rows, with a note
    assert fmt_number(t.loc["realisasi_anggaran_pct", "realisasi"]) == "94,38"
    assert any("LRA tidak ada" in n for n in r.catatan["realisasi_anggaran_pct"])
    assert any(n.startswith("Indeks Profesionalitas ASN:") for n in r.notes_text())
    empty = compute_indicators({}, None, None, 2023)
    assert empty["realisasi"].isna().all() and empty["target"].isna().all()


def test_history_for_tabel_3_1_2():
    t23 = compute_indicators(datasets_2023(), targets_2023(), UNIT, 2023)
    published = pd.DataFrame({"tahun": [2021, 2022, 2022], "indikator": ["sakip", "sakip", "ikm"],
                              "nilai": [83.7, 87.4, 94.21], "sumber": ["LKjIP"] * 3,
                              "ukuran": pd.array([None, "realisasi", None], dtype="string")})
    h = indicator_history({2023: t23}, targets_2023(), published)
    assert sorted(h["tahun"].unique()) == [2021, 2022, 2023, 2024, 2025, 2026]
    s = h[h["indikator"] == "sakip"].set_index("tahun")
    assert s["target"].tolist() == [83.7, 84.1, 87.5, 87.5, 87.85, 88.0]
    assert s.loc[2022, "realisasi"] == 87.4 and s.loc[2022, "sumber"] == "dipublikasikan"
    assert fmt_number(s.loc[2022, "capaian_pct"]) == "103,92"
    assert s.loc[2023, "sumber"] == "dihitung"
    assert math.isnan(s.loc[2024, "realisasi"])
