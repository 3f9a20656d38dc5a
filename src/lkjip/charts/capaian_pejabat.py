"""One official's capaian per indicator as bars against 100 % (the LKjIP's Lampiran of the officials'
performance reports, beside their tables).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lkjip.charts.style import GREYS, INK, _figure, _finish, _pct, _wrap, lkjip_style, pct_tick_formatter


def capaian_pejabat(capaian: pd.Series, *, title: str | None = None, sumber: str | None = None) -> Figure:
    """Horizontal bars of ``capaian`` (indicator → capaian in %, as the official's report prints it),
    top to bottom in order, with the 100 % line; a bar under 100 % is light and hatched. Each bar is
    labelled with its percentage, an indicator without a printed capaian with "tidak tercetak"."""
    values = pd.to_numeric(pd.Series(capaian), errors="coerce").astype(float)
    cap = values.to_numpy()
    shown = np.nan_to_num(cap)
    n = len(values)
    with lkjip_style():
        fig = _figure(max(1.8, 0.42 * n + 1.0))
        ax = fig.add_subplot()
        y = np.arange(n)
        bars = ax.barh(y, shown, height=0.6, color=[GREYS[1] if c >= 100 else GREYS[3] for c in shown],
                       edgecolor=INK, linewidth=0.5, zorder=2)
        for bar, c in zip(bars, shown):
            if c < 100:
                bar.set_hatch("///")
        ax.bar_label(bars, labels=["tidak tercetak" if np.isnan(c) else _pct(c, 2) for c in cap], padding=3,
                     fontsize=8)
        ax.axvline(100, color=INK, lw=1.0, ls="--", zorder=3)
        top = float(np.nanmax(cap)) if np.isfinite(cap).any() else 0.0
        right = max(130.0, top * 1.3)
        ax.set_xlim(0, right)
        ax.set_xticks([t for t in range(0, int(right) + 1, 25) if t <= max(125, top)])
        ax.xaxis.set_major_formatter(pct_tick_formatter())
        ax.set_yticks(y, [_wrap(k, 42) for k in values.index])
        ax.set_ylim(n - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Capaian (%), garis putus-putus: 100%")
        _finish(ax, title, sumber)
    return fig
