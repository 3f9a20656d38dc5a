"""Budget (Tabel 3.2.5) and LRA (Gambar 3.6) of the published LKjIP 2023."""

import math

import pandas as pd
import pytest
from helpers.lkjip_2023 import anggaran_2023, lra_2023

from lkjip.indicators.budget import (
    budget_hierarchy,
    budget_leaves,
    budget_of,
    budget_totals,
    code_level,
    lra_tree,
    realisasi_anggaran,
    spending_by_type,
)
from lkjip.contract.fmt import fmt_pct, fmt_rupiah


def test_levels():
    assert [code_level(c) for c in ("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "")] == [3, 5, 6, 0]
    leaves = budget_leaves(anggaran_2023())
    assert len(leaves) == 22
    assert set(leaves["tingkat"]) == {"sub_kegiatan"}


@pytest.mark.parametrize("parents", [True, False])
def test_lkjip_2023_totals_from_sub_activities(parents):
    a = anggaran_2023(parents)
    t = budget_totals(a)
    assert (t.pagu, t.realisasi) == (2720088927.0, 2567147148.0)
    assert t.sumber == "sub_kegiatan"
    assert fmt_pct(t.persen) == "94,38%"  # the published LKjIP prints 94,37 (the LRA figure)
    assert fmt_rupiah(t.pagu) == "Rp 2.720.088.927"
    h = budget_hierarchy(a).set_index("kode")
    assert (h.loc["7.01.01", "pagu"], h.loc["7.01.01", "realisasi"]) == (2483372550, 2334527848)
    assert (h.loc["7.01.02", "pagu"], h.loc["7.01.02", "realisasi"]) == (28928297, 28533000)
    assert (h.loc["7.01.06", "pagu"], h.loc["7.01.06", "realisasi"]) == (207788080, 204086300)
    assert (h.loc["7.01.01.2.06", "pagu"], h.loc["7.01.01.2.06", "realisasi"]) == (163947500, 156719200)
    assert (h.loc["7.01.01.2.08", "pagu"], h.loc["7.01.01.2.08", "realisasi"]) == (92973800, 86880905)
    assert len(h) == 3 + 9 + 22
    assert h["ada_di_data"].all() == parents


def test_parent_rows_are_never_summed():
    a = anggaran_2023()
    a.loc[a["kode"] == "7.01.01", "pagu"] = 2483372551.0  # a typo in the programme row
    assert budget_totals(a).pagu == 2720088927.0  # the total ignores the parent row


def test_budget_of_codes():
    a = anggaran_2023()
    assert budget_of(a, "total").pagu == 2720088927.0
    b = budget_of(a, "7.01.02")
    assert (b.pagu, b.realisasi) == (28928297.0, 28533000.0)
    assert fmt_pct(b.persen) == "98,63%"
    k = budget_of(a, "7.01.01.2.02")
    assert (k.pagu, k.realisasi) == (2122381250.0, 1987364743.0)
    assert budget_of(a, "7.01.01.2.05").pagu == 12400000.0
    none = budget_of(a, None)
    assert (none.pagu, none.realisasi, none.ditemukan) == (0.0, 0.0, False)
    assert math.isnan(none.persen)
    missing = budget_of(a, "7.01.99")
    assert not missing.ditemukan and math.isnan(missing.pagu)


def test_mixed_levels_use_leaves():
    a = pd.DataFrame({"kode": ["7.01.01", "7.01.01.2.01.0001", "7.01.02"],
                      "uraian": ["A", "a1", "B (no children)"],
                      "pagu": [100.0, 40.0, 10.0], "realisasi": [90.0, 30.0, 5.0]})
    t = budget_totals(a)
    assert (t.pagu, t.realisasi, t.sumber) == (50.0, 35.0, "campuran")
    h = budget_hierarchy(a)
    # the implied activity 7.01.01.2.01 is added, blank uraian
    assert h["kode"].tolist() == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.02"]
    assert h.loc[1, "ada_di_data"] == False  # noqa: E712
    assert h.loc[0, "pagu_tercetak"] == 100.0 and h.loc[0, "pagu"] == 40.0


def test_lra_indicator_and_tree():
    l = lra_2023()
    r = realisasi_anggaran(l)
    assert (r.anggaran, r.realisasi) == (2720088927.0, 2566829648.0)
    assert fmt_pct(r.persen) == "94,37%"
    assert r.persen == pytest.approx(2566829648 / 2720088927 * 100)
    assert "rekening 5" in r.sumber
    tree = lra_tree(l).set_index("kode_rekening")
    assert fmt_pct(tree.loc["5.1", "persen"]) == "94,47%"
    assert fmt_pct(tree.loc["5.1.01", "persen"]) == "93,67%"  # the published LKjIP prints 93,70
    assert math.isnan(tree.loc["5.1.05", "persen"])
    assert tree.loc["5", "level"] == 1 and tree.loc["5.2.02", "level"] == 3


def test_lra_without_account_5_sums_top_level():
    l = lra_2023().iloc[1:]
    r = realisasi_anggaran(l)
    assert (r.anggaran, r.realisasi) == (2720088927.0, 2566829648.0)
    assert "5.1, 5.2" in r.sumber


def test_spending_by_type():
    s = spending_by_type(lra_2023())
    assert s["kode_rekening"].tolist() == ["5.1", "5.1.01", "5.1.02", "5.1.05", "5.2", "5.2.02",
                                           "5.2.03", "5.2.05"]
    assert s.loc[0, "anggaran"] == 2660473927.0
