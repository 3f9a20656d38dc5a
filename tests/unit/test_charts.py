"""Charts: one Figure per function, the right number of marks, Indonesian labels."""

from __future__ import annotations

import gc
import io
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from lkjip import charts  # noqa: E402
from lkjip.contract.fmt import fmt_number, fmt_rupiah_short  # noqa: E402
from lkjip.contract.rules import IKM_MUTU, SAKIP_COMPONENT_WEIGHTS  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def _earlier_objects_set_aside():
    # Garbage of earlier tests in this worker (an unclosed socket of a finished thread's event loop)
    # is collected first; what is still alive then is set aside from the collector for this module
    # (gc.freeze), so that each test's collection below walks only the charts' own objects (a full
    # collection of a worker's heap took 0,5 s a test), and given back to it afterwards.
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _warnings_are_errors(_earlier_objects_set_aside):
    # only what the charts themselves warn about may fail these tests: their garbage is collected first
    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _bars(ax) -> list:
    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]


def _ticklabels(ax, axis: str = "x") -> list[str]:
    ax.figure.canvas.draw()
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in labels]


def _render(fig: Figure) -> None:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    assert buf.tell() > 1000


# -- numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, None, "1.234,5"),
        (1234.5, 2, "1.234,50"),
        (2720088927, 0, "2.720.088.927"),
        (0.25, None, "0,25"),
        (2.0, None, "2"),
        (-1234.5, 1, "-1.234,5"),
        (-0.001, 2, "0,00"),
        # a missing value shows as lkjip.contract.fmt's blank everywhere (charts wrote "-" before)
        (None, None, "–"),
        (float("nan"), 2, "–"),
        # half-up on the shown decimal, as in the tables (Python's own format gave 97,87)
        (86.13 / 88 * 100, 2, "97,88"),
        (2.675, None, "2,68"),
    ],
)
def test_chart_numbers_are_formatted_by_fmt(value, decimals, expected):
    assert charts.tick_formatter(decimals)(value, 0) == expected


def test_formatters():
    assert charts.tick_formatter()(1234.5, 0) == "1.234,5"
    assert charts.pct_tick_formatter(1)(94.37, 0) == "94,4%"
    assert fmt_rupiah_short(2_720_088_927) == "Rp 2,72 M"
    assert fmt_rupiah_short(53_510_000) == "Rp 53,51 jt"


def test_chart_label_rounds_like_the_table():
    # SAKIP 86,13 against a target of 88: the table shows 97,88 (half-up), so must the chart
    df = pd.DataFrame({"nama": ["Nilai SAKIP"], "target": [88.0], "realisasi": [86.13],
                       "capaian_pct": [86.13 / 88 * 100]})
    fig = charts.target_vs_realisasi(df)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["97,88%  (T 88 / R 86,13)"]
    assert fmt_number(86.13 / 88 * 100) == "97,88"


# -- charts -----------------------------------------------------------------


def test_ikm_per_unsur_scales_and_bands():
    nrr = pd.Series([3.93, 3.93, 3.90, 4.00, 3.93, 3.86, 3.91, 3.96, 3.98],
                    index=[f"U{i}" for i in range(1, 10)])
    fig = charts.ikm_per_unsur(nrr, ikm=97.33)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 9
    tops = [b.get_y() + b.get_height() for b in bars]
    assert tops[3] == pytest.approx(100.0)  # 4,00 x 25
    labels = _ticklabels(ax)
    assert labels[0].startswith("U1") and "Persyaratan" in labels[0]
    # every band edge of the regulation is a tick, written the Indonesian way
    edges = [fmt_number(b.lower, trim=True) for b in IKM_MUTU.bands[:-1]]
    assert edges[0].count(",") == 1 and set(edges) <= set(_ticklabels(ax, "y"))
    texts = [t.get_text() for t in ax.texts]
    assert any("Sangat Baik" in t for t in texts) and any("Tidak Baik" in t for t in texts)
    _render(fig)


def test_ikm_accepts_x25_scale():
    nrr = pd.Series([98.24, 98.17], index=["U1", "U2"])
    fig = charts.ikm_per_unsur(nrr)
    assert [round(b.get_y() + b.get_height(), 2) for b in _bars(fig.axes[0])] == [98.24, 98.17]


def test_paten_per_bulan():
    monthly = pd.Series([1020, 1005, 961, 647, 1020, 758, 1027, 1039, 901, 923, 921, 900],
                        index=range(1, 13))
    fig = charts.paten_per_bulan(monthly)
    ax = fig.axes[0]
    assert len(_bars(ax)) == 12
    assert _ticklabels(ax)[:5] == ["Jan", "Feb", "Mar", "Apr", "Mei"]
    assert _ticklabels(ax)[-1] == "Des"
    assert "1.000" in _ticklabels(ax, "y") or "1.050" in _ticklabels(ax, "y")
    legend_texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend_texts == ["Rata-rata 926,8 per bulan"]
    _render(fig)


def test_paten_per_layanan_top_n_and_lainnya():
    s = pd.Series({"KK": 4057, "KTP": 1881, "Akte Kelahiran": 1263, "KIA": 143, "Waris": 124,
                   "BBM": 41})
    fig = charts.paten_per_layanan(s, top=3)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 4
    labels = _ticklabels(ax, "y")
    assert labels[0] == "KK"  # largest first (drawn on top)
    assert labels[-1] == "Lainnya (3 layanan)"  # the rest, at the bottom
    assert bars[-1].get_width() == pytest.approx(143 + 124 + 41)
    _render(fig)


def test_anggaran_per_program_absorption():
    df = pd.DataFrame({"program": ["Program A", "Program B", "Program C"],
                       "pagu": [2_000_000_000, 500_000_000, 0],
                       "realisasi": [1_887_400_000, 250_000_000, 0]})
    fig = charts.anggaran_per_program(df, target_pct=90)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 3
    assert bars[0].get_width() == pytest.approx(94.37)
    texts = [t.get_text() for t in ax.texts]
    assert "94,37%" in texts and "50,00%" in texts and "pagu 0" in texts
    assert "100%" in _ticklabels(ax)
    assert any("Rp 1,89 M dari Rp 2,00 M" in t for t in _ticklabels(ax, "y"))
    _render(fig)


def test_sakip_komponen():
    df = pd.DataFrame({"komponen": ["Perencanaan Kinerja", "Pengukuran Kinerja",
                                    "Pelaporan Kinerja", "Evaluasi Akuntabilitas Kinerja Internal"],
                       "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()), "nilai": [27.03, 25.74, 12.65, 20.71]})
    fig = charts.sakip_komponen(df)
    ax = fig.axes[0]
    assert len(ax.containers) == 2 and len(_bars(ax)) == 8
    assert "jumlah 86,13 dari 100,00" in ax.get_xlabel()
    assert any(t.get_text().startswith("27,03 dari 30,00") for t in ax.texts)
    _render(fig)


def test_ipasn_kategori_fixed_order():
    counts = pd.Series({"Sedang": 2, "Sangat Tinggi": 8, "Tinggi": 8})
    fig = charts.ipasn_kategori(counts)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 5
    assert _ticklabels(ax) == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    assert [b.get_height() for b in bars] == [8, 8, 2, 0, 0]
    _render(fig)


def test_target_vs_realisasi():
    df = pd.DataFrame({
        "nama": ["Nilai IKM", "Pelayanan sesuai standar", "Koordinasi ditindaklanjuti",
                 "Nilai SAKIP", "Realisasi anggaran", "IP ASN", "Jumlah inovasi"],
        "target": [94.5, 100, 100, 87.5, 90, 89.5, 2],
        "realisasi": [97.33, 100, 100, 86.13, 94.37, 89.5, 2],
    })
    df["capaian_pct"] = df["realisasi"] / df["target"] * 100
    fig = charts.target_vs_realisasi(df)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 7
    assert any(line.get_xdata()[0] == 100 for line in ax.lines)  # the 100% line
    assert "100%" in _ticklabels(ax)
    texts = [t.get_text() for t in ax.texts]
    assert "102,99%  (T 94,5 / R 97,33)" in texts
    hatched = [b.get_hatch() for b in bars]
    assert hatched.count("///") == 1  # only SAKIP is below 100%
    _render(fig)


def test_tren_multi_tahun_small_multiples():
    rows = []
    for name, vals in {"Nilai IKM": [95.1, 96.2, 97.33], "Nilai SAKIP": [83.7, 87.4, 86.13],
                       "IP ASN": [88, 89, 89.5]}.items():
        for year, v in zip([2021, 2022, 2023], vals):
            rows.append({"tahun": year, "indikator": name, "nilai": v, "target": v + 1})
    fig = charts.tren_multi_tahun(pd.DataFrame(rows))
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3
    assert all(len(ax.lines) == 2 for ax in visible)  # realisasi + target
    assert _ticklabels(visible[0]) == ["2021", "2022", "2023"]
    assert visible[1].yaxis.get_major_formatter()(86.5, 0) == "86,5"  # decimal comma
    assert "97,33" in [t.get_text() for t in visible[0].texts]
    _render(fig)


def test_tren_multi_tahun_rows_are_as_tall_as_the_years_need():
    """Issue 24 (print): the first year of a Renstra draws one point a panel; at a trend's full row height
    its seven panels filled a page and left the page before them half empty."""
    def chart(years):
        rows = [{"tahun": y, "indikator": f"Indikator {i}", "nilai": 80.0 + i, "target": 80.0}
                for i in range(7) for y in years]
        return charts.tren_multi_tahun(pd.DataFrame(rows), title=None)

    heights = [chart(range(2021, 2021 + n)).get_size_inches()[1] for n in (1, 2, 3, 4)]
    assert heights == pytest.approx([4 * 1.25 + 0.5, 4 * 1.5 + 0.5, 4 * 1.75 + 0.5, 4 * 1.75 + 0.5])
    _render(chart([2021]))


def test_waterfall():
    fig = charts.waterfall("2022", 87.43, [("Perencanaan", -0.8), ("Pengukuran", -0.9),
                                           ("Pelaporan", 0.3), ("Evaluasi", 0.1)], "2023",
                           title="Perubahan Nilai SAKIP")
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == 6
    end = [b for b in bars if b.get_x() + b.get_width() / 2 == pytest.approx(5)][0]
    assert end.get_y() + end.get_height() == pytest.approx(86.13)
    texts = [t.get_text() for t in ax.texts]
    assert "-0,80" in texts and "+0,30" in texts
    assert "tidak dimulai dari nol" in ax.get_ylabel()
    assert ax.get_xticklabels()[0].get_text() == "2022"
    _render(fig)


def test_waterfall_signs_changes_with_the_one_signed_format():
    """A change that shows as 0,00 carries no sign (lkjip.contract.fmt.fmt_signed), as in the tables."""
    fig = charts.waterfall("2022", 87.43, [("Perencanaan", -0.8), ("Pengukuran", 0.001),
                                           ("Pelaporan", -0.004), ("Evaluasi", 0.3)], "2023")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert [t for t in texts if t.startswith(("+", "-")) or t == "0,00"] == ["-0,80", "0,00", "0,00", "+0,30"]


def test_figures_are_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    charts.paten_per_bulan(pd.Series(range(12), index=range(1, 13)))
    assert plt.get_fignums() == before


def test_svg_is_deterministic():
    charts.use_style()
    s = pd.Series([3.9] * 9, index=[f"U{i}" for i in range(1, 10)])
    out = []
    for _ in range(2):
        buf = io.StringIO()
        charts.ikm_per_unsur(s).savefig(buf, format="svg", metadata={"Date": None})
        out.append(buf.getvalue())
    assert out[0] == out[1]
