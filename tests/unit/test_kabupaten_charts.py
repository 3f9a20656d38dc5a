"""Charts of the kabupaten view: what they draw, in Bahasa Indonesia, grey-printable, SVG-stable."""

from __future__ import annotations

import io
import math

import matplotlib
import pandas as pd
import pytest

from lkjip.charts import lkjip_style
from lkjip.kabupaten.charts import (
    DROP_STYLE,
    GAIN_STYLE,
    component_heatmap,
    factor_scatters,
    sakip_change_chart,
)
from lkjip.contract.fmt import fmt_signed as signed


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "unit": ["alpha", "beta", "gamma", "delta"],
        "perubahan_sakip": [-2.5, -1.0, 2.5, math.nan],
        "turun": [True, True, False, False],
        "perubahan_perencanaan": [-1.0, -0.5, 1.0, math.nan],
        "perubahan_pengukuran": [-0.5, 0.5, 0.5, math.nan],
        "perubahan_pelaporan": [0.0, 0.0, 0.5, math.nan],
        "perubahan_evaluasi_internal": [-1.0, -1.0, 0.5, math.nan],
    })


def svg(fig) -> str:
    # draw-time settings (fixed SVG ids) apply under the style, as setup_notebook() sets globally
    buf = io.StringIO()
    with lkjip_style():
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_sakip_change_bars_sorted_signed_and_distinguishable(table):
    fig = sakip_change_chart(table, names={"alpha": "Kec. Alpha"})
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Kec. Alpha", "beta", "gamma"]  # largest drop on top, delta (no data) left out
    shown = texts(fig)
    assert {"-2,50", "-1,00", "+2,50", "Turun", "Naik", "Perubahan nilai SAKIP (poin)"} <= set(shown)
    bars = [p for p in ax.patches]
    hatches = {p.get_hatch() for p in bars}
    assert hatches == {DROP_STYLE["hatch"], GAIN_STYLE["hatch"]}  # drops and gains differ in grey print
    assert DROP_STYLE["color"] != GAIN_STYLE["color"]
    first, second = svg(fig), svg(sakip_change_chart(table, names={"alpha": "Kec. Alpha"}))
    assert first == second and "Kec. Alpha" in first  # deterministic SVG with text kept as text


def test_component_heatmap_labels_every_cell_with_its_sign(table):
    fig = component_heatmap(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Perencanaan", "Pengukuran", "Pelaporan",
                                                           "Evaluasi Internal"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["alpha (-2,50)", "beta (-1,00)",
                                                           "gamma (+2,50)"]
    cells = [t.get_text() for t in ax.texts]
    assert cells == ["-1,00", "-0,50", "0,00", "-1,00", "-0,50", "+0,50", "0,00", "-1,00",
                     "+1,00", "+0,50", "+0,50", "+0,50"]
    img = ax.images[0]
    assert img.norm.vmin == -1.0 and img.norm.vmax == 1.0  # centred on zero
    assert "Perubahan nilai (poin)" in texts(fig)


def test_factor_scatters_show_r_n_and_the_caution(table):
    factors = table[["unit", "perubahan_sakip", "turun"]].assign(
        realisasi_anggaran_pct=[95.0, 75.0, 80.0, 90.0], bulan_jabatan_kosong=[6.0, 0.0, 0.0, 0.0],
        pegawai_keluar=[1.0, 0.0, 0.0, 2.0], ip_asn=[81.25, 85.0, math.nan, 80.0])
    fig = factor_scatters(factors)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0].startswith("Penyerapan anggaran\n(n = 3, r = ")
    assert titles[3] == "Indeks Profesionalitas ASN\n(n = 2, r tidak dihitung)"
    foot = fig._supxlabel.get_text()
    assert "bukan sebab-akibat" in foot and "Dengan hanya 3 unit" in foot
    assert "SAKIP turun" in texts(fig)
    # where the document prints the caution as text, the figure's small type carries only the source
    quiet = factor_scatters(factors, sumber="data olahan tiap unit", caution=False)
    assert quiet._supxlabel.get_text() == "Sumber: data olahan tiap unit"


def test_empty_and_signed():
    empty = pd.DataFrame({"unit": ["a"], "perubahan_sakip": [math.nan],
                          **{f"perubahan_{k}": [math.nan] for k in
                             ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal")}})
    for fig in (sakip_change_chart(empty), component_heatmap(empty)):
        assert "Tidak ada unit dengan nilai SAKIP dua tahun untuk dibandingkan." in texts(fig)
    assert (signed(0.004), signed(-0.004), signed(1234.5)) == ("0,00", "0,00", "+1.234,50")


def test_point_labels_of_a_crowded_kabupaten_do_not_overlap_and_draw_the_same_each_time():
    """18 kecamatan with near-equal figures: every point keeps its (short) name, no two names overlap
    and none leaves its panel; the placement is a fixed number of rounds, so the SVG repeats."""
    import numpy as np

    names = ["Gedeg", "Jetis", "Kemlagi", "Bangsal", "Dlanggu", "Puri", "Trowulan", "Sooko", "Mojoanyar",
             "Mojosari", "Pungging", "Ngoro", "Kutorejo", "Pacet", "Trawas", "Gondang", "Jatirejo", "Dawarblandong"]
    units = [n.lower() for n in names]
    rng = np.random.default_rng(3)
    factors = pd.DataFrame({
        "unit": units, "perubahan_sakip": rng.normal(0, 2, 18).round(2),
        "realisasi_anggaran_pct": rng.normal(93, 3, 18).round(2), "bulan_jabatan_kosong": rng.integers(0, 6, 18),
        "pegawai_keluar": rng.integers(0, 4, 18), "ip_asn": rng.normal(80, 5, 18).round(1)})
    full = {u: f"Kecamatan {n}" for u, n in zip(units, names)}
    fig = factor_scatters(factors, names=full)
    renderer = fig._get_renderer()
    for ax in fig.axes[:4]:
        labels = [t for t in ax.texts if t.get_text() in names]
        assert sorted(t.get_text() for t in labels) == sorted(names)  # "Kecamatan" left out, all named
        boxes = [t.get_window_extent(renderer) for t in labels]
        frame = ax.get_window_extent(renderer)
        assert all(frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 and frame.y0 - 1 <= b.y0 and b.y1 <= frame.y1 + 1
                   for b in boxes)
        overlaps = [(labels[i].get_text(), labels[j].get_text()) for i in range(len(boxes))
                    for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
        assert overlaps == [], (ax.get_title(loc="left"), overlaps)
    assert svg(fig) == svg(factor_scatters(factors, names=full))
