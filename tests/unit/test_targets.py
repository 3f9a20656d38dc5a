"""Targets, capaian, kemajuan and efisiensi."""

import math

import pandas as pd
import pytest

from lkjip.contract.fmt import fmt_number
from lkjip.indicators.targets import (
    capaian,
    capaian_category,
    effective_target,
    multi_year,
    renstra_end_target,
    tingkat_efisiensi,
    tingkat_kemajuan,
)


def targets_frame(rows) -> pd.DataFrame:
    return pd.DataFrame({
        "indikator": pd.array([r[0] for r in rows], dtype="string"),
        "dokumen": pd.array([r[1] for r in rows], dtype="string"),
        "tahun": pd.array([r[2] for r in rows], dtype="Int64"),
        "target": [float(r[3]) for r in rows],
    })


def test_effective_target_fallback_order():
    rows = [("x", "renstra", 2023, 1), ("x", "renstra_perubahan", 2023, 2), ("x", "pk", 2023, 3),
            ("x", "pk_perubahan", 2023, 4)]
    assert effective_target(targets_frame(rows), "x", 2023).target == 4
    assert effective_target(targets_frame(rows[:3]), "x", 2023).dokumen == "pk"
    assert effective_target(targets_frame(rows[:2]), "x", 2023).dokumen == "renstra_perubahan"
    t = effective_target(targets_frame(rows[:1]), "x", 2023)
    assert (t.target, t.dokumen, t.dokumen_label) == (1, "renstra", "Renstra")
    none = effective_target(targets_frame(rows), "x", 2024)
    assert math.isnan(none.target) and none.dokumen is None
    # order of rows and case of the document name do not matter
    shuffled = targets_frame([("x", "PK_Perubahan", 2023, 4), ("x", "renstra", 2023, 1)])
    assert effective_target(shuffled, "x", 2023).target == 4


def test_capaian_higher_and_lower():
    assert fmt_number(capaian(86.13, 87.5)) == "98,43"
    assert fmt_number(capaian(89.5, 85)) == "105,29"
    assert fmt_number(capaian(2566829648 / 2720088927 * 100, 90)) == "104,85"
    # lower is better: target 10 days, realised 8 -> (2*10 - 8)/10 = 120 %; 12 days -> 80 %
    assert capaian(8, 10, "lower") == pytest.approx(120.0)
    assert capaian(12, 10, "lower") == pytest.approx(80.0)
    assert capaian(25, 10, "lower") == pytest.approx(-50.0)
    assert math.isnan(capaian(5, 0)) and math.isnan(capaian(float("nan"), 5))
    with pytest.raises(ValueError):
        capaian(1, 1, "sideways")


@pytest.mark.parametrize("value, category", [
    (104.03, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.5, "Tinggi"), (90, "Tinggi"),
    (76, "Tinggi"), (75.9, "Sedang"), (66, "Sedang"), (65.5, "Rendah"), (51, "Rendah"),
    (50.5, "Sangat Rendah"), (50, "Sangat Rendah"), (-10, "Sangat Rendah")])
def test_capaian_category_edges(value, category):
    assert capaian_category(value) == category


def test_renstra_end_target_prefers_renstra_perubahan():
    t = targets_frame([
        ("sakip", "renstra", 2025, 85.5), ("sakip", "renstra", 2026, 85.7),
        ("sakip", "renstra_perubahan", 2025, 87.85), ("sakip", "renstra_perubahan", 2026, 88),
        ("sakip", "pk_perubahan", 2023, 87.5),
    ])
    end = renstra_end_target(t, "sakip")
    assert (end.target, end.tahun, end.dokumen) == (88.0, 2026, "renstra_perubahan")
    only = renstra_end_target(t[t["dokumen"] == "renstra"], "sakip")
    assert (only.target, only.tahun) == (85.7, 2026)
    assert math.isnan(renstra_end_target(t, "ikm").target)
    assert fmt_number(tingkat_kemajuan(86.13, end.target)) == "97,88"
    assert fmt_number(tingkat_kemajuan(97.33, 97.5)) == "99,83"  # the published LKjIP truncates to 99,82


def test_efficiency():
    assert fmt_number(tingkat_efisiensi(102.99, 94.37)) == "8,62"
    assert tingkat_efisiensi(98.43, 94.01) == pytest.approx(4.42)
    assert math.isnan(tingkat_efisiensi(100, float("nan")))


def test_multi_year():
    t = targets_frame([("sakip", "renstra", 2021, 83.7), ("sakip", "renstra", 2022, 84.1),
                       ("sakip", "pk_perubahan", 2023, 87.5), ("sakip", "renstra_perubahan", 2024, 87.5)])
    m = multi_year(t, "sakip", {2021: 83.7, 2022: 87.43, 2023: 86.13})
    assert m["tahun"].tolist() == [2021, 2022, 2023, 2024]
    assert m["target"].tolist() == [83.7, 84.1, 87.5, 87.5]
    assert [fmt_number(v) for v in m["capaian_pct"]] == ["100,00", "103,96", "98,43", "–"]
