"""Charts of the SAKIP change analysis (notebook 06): the structural posts month by month, the
scenarios against the predicate thresholds, the score by year with the predicate bands.

Each function takes plain pandas objects and returns a :class:`matplotlib.figure.Figure`; the
predicate bands come from :data:`lkjip.contract.rules.SAKIP_PREDIKAT`, numbers from
:mod:`lkjip.contract.fmt`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lkjip.charts.style import BULAN, GREYS, INK, _figure, _finish, _num, _wrap, lkjip_style, tick_formatter
from lkjip.contract.rules import SAKIP_PREDIKAT

#: A month's state of a post, in the order of the legend: (state, legend label, face, hatch).
#: ``terisi``/``rangkap`` come from the staff list, which does not say definitive or acting;
#: ``definitif``/``plt`` from the post history (riwayat jabatan). ``belum ada`` is not drawn.
POST_STATES = (
    ("definitif", "Terisi definitif", GREYS[0], ""),
    ("terisi", "Terisi", GREYS[1], ""),
    ("rangkap", "Lebih dari satu pejabat", GREYS[1], "xxx"),
    ("plt", "Plt", GREYS[2], "///"),
    ("tidak diketahui", "Tidak diketahui", GREYS[3], "..."),
    ("kosong", "Kosong", "white", ""),
)

#: Light greys that shade the predicate bands in turn.
_BAND_GREYS = ("#ececec", "#f7f7f7")


def jabatan_per_bulan(status: pd.DataFrame, *, title: str | None = None, sumber: str | None = None) -> Figure:
    """One timeline per structural post: months on x, each month a bar shaded by its state
    (:data:`POST_STATES`). ``status`` has columns ``jabatan``, ``bulan`` (1-12) and ``status``;
    posts keep their first order. Bars of one state are one container labelled as the legend."""
    posts = list(dict.fromkeys(status["jabatan"]))
    y_of = {p: i for i, p in enumerate(posts)}
    with lkjip_style():
        fig = _figure(max(1.9, 0.34 * len(posts) + 1.3))
        ax = fig.add_subplot()
        for state, label, face, hatch in POST_STATES:
            rows = status[status["status"] == state]
            if not len(rows):
                continue
            ax.barh([y_of[p] for p in rows["jabatan"]], 1.0, left=[int(m) - 0.5 for m in rows["bulan"]],
                    height=0.62, color=face, hatch=hatch, edgecolor=INK, linewidth=0.5, label=label, zorder=2)
        ax.set_yticks(range(len(posts)), [_wrap(p, 42) for p in posts])
        ax.set_ylim(len(posts) - 0.5, -0.5)
        ax.set_xticks(range(1, 13), list(BULAN))
        ax.set_xlim(0.5, 12.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        if ax.containers:
            fig.legend(loc="outside upper right", ncols=min(3, len(ax.containers)))
        _finish(ax, title, sumber)
    return fig


#: How much of the band beyond each end the axis shows, so that the threshold into it is drawn and named.
_NEXT_BAND = 2.0


def _band_span(low: float, high: float) -> tuple[float, float]:
    """Axis limits around ``low``..``high`` (0-100 at most): the whole bands they fall in, and a strip
    of the band below and of the band above, so the nearest thresholds either way are on the chart.

    >>> _band_span(86.13, 87.43)
    (78.0, 92.0)
    """
    edges = sorted({0.0, *(max(b.lower, 0.0) for b in SAKIP_PREDIKAT.bands), 100.0})
    lo = max([e for e in edges if e <= low - 1.0] or [0.0])
    hi = min([e for e in edges if e >= high + 1.0] or [100.0])
    return max(lo - _NEXT_BAND, 0.0), min(hi + _NEXT_BAND, 100.0)


def _shade_bands(ax, lo: float, hi: float, *, vertical: bool) -> list[float]:
    """Shade the predicate bands between ``lo`` and ``hi`` and name each at the axis' far side;
    returns the thresholds drawn (the bands' lower edges inside the span)."""
    edges = []
    for i, band in enumerate(SAKIP_PREDIKAT.bands):
        upper = 100.0 if i == 0 else SAKIP_PREDIKAT.bands[i - 1].lower
        low = max(band.lower, 0.0)
        a, b = max(low, lo), min(upper, hi)
        if b <= a:
            continue
        span = ax.axvspan if vertical else ax.axhspan
        span(a, b, color=_BAND_GREYS[i % 2], lw=0, zorder=0)
        if vertical:
            ax.text((a + b) / 2, 1.01, band.label, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=8, color="#444444")
        else:
            ax.text(1.005, (a + b) / 2, band.label, transform=ax.get_yaxis_transform(), ha="left", va="center",
                    fontsize=8, color="#444444")
        if lo < low < hi:
            (ax.axvline if vertical else ax.axhline)(low, color="#8a8a8a", lw=0.6, ls="--", zorder=1)
            edges.append(low)
    return sorted(edges)


def skor_skenario(totals: pd.Series, *, title: str | None = None, sumber: str | None = None) -> Figure:
    """Horizontal bars of the total SAKIP score each scenario reaches (``totals``: label → total; the
    first is usually the score as it is), against the predicate bands of
    :data:`~lkjip.contract.rules.SAKIP_PREDIKAT` (thresholds dashed, bands named above). Each bar is
    labelled with its total and predicate; bars start at the axis' left end (a strip below the lowest band
    they reach)."""
    values = pd.Series(totals, dtype=float)
    lo, hi = _band_span(float(values.min()), float(values.max()))
    with lkjip_style():
        fig = _figure(max(1.9, 0.42 * len(values) + 1.2))
        ax = fig.add_subplot()
        _shade_bands(ax, lo, hi, vertical=True)
        y = np.arange(len(values))
        bars = ax.barh(y, values.to_numpy() - lo, left=lo, height=0.55, color=GREYS[1], edgecolor=INK,
                       linewidth=0.5, zorder=2)
        labels = [f"{_num(v, 2)} ({SAKIP_PREDIKAT.classify(v) or '–'})" for v in values]
        ax.bar_label(bars, labels=labels, padding=2, fontsize=8, color=INK)
        ax.set_yticks(y, [_wrap(k, 34) for k in values.index])
        ax.set_ylim(len(values) - 0.5, -0.6)
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_formatter(tick_formatter())
        ax.set_xlabel("Nilai SAKIP")
        ax.tick_params(axis="y", length=0)
        _finish(ax, title, sumber)
    return fig


def skor_per_tahun(nilai: pd.Series, target: pd.Series | None = None, *, title: str | None = None,
                   sumber: str | None = None) -> Figure:
    """The SAKIP score by year (``nilai``: year → score) as a line over the predicate bands shaded and
    named at the right; each point labelled with its score and predicate. ``target`` (year → target,
    missing years left out) is a dashed line."""
    values = pd.Series(nilai, dtype=float).dropna()
    tgt = pd.Series(target, dtype=float).dropna() if target is not None else pd.Series(dtype=float)
    every = pd.concat([values, tgt])
    lo, hi = _band_span(float(every.min()), float(every.max()))
    years = sorted({int(y) for y in values.index} | {int(y) for y in tgt.index})
    x_of = {y: i for i, y in enumerate(years)}
    with lkjip_style():
        fig = _figure(3.0)
        ax = fig.add_subplot()
        _shade_bands(ax, lo, hi, vertical=False)
        xs = [x_of[int(y)] for y in values.index]
        ax.plot(xs, values.to_numpy(), color=INK, lw=1.4, marker="o", ms=5, zorder=3, label="Nilai SAKIP")
        for x, v in zip(xs, values):
            ax.annotate(f"{_num(v, 2)} ({SAKIP_PREDIKAT.classify(v) or '–'})", (x, v), textcoords="offset points",
                        xytext=(0, 7), ha="center", va="bottom", fontsize=8)
        if len(tgt):
            ax.plot([x_of[int(y)] for y in tgt.index], tgt.to_numpy(), color=GREYS[1], lw=1.0, ls="--",
                    marker="s", ms=3.5, zorder=2, label="Target")
        fig.legend(loc="outside upper right", ncols=2)
        ax.set_xticks(range(len(years)), [str(y) for y in years])
        ax.set_xlim(-0.5, len(years) - 0.5)
        ax.set_ylim(lo, hi)
        ax.yaxis.set_major_formatter(tick_formatter())
        ax.set_ylabel("Nilai SAKIP")
        _finish(ax, title, sumber)
    return fig
