"""Stacked horizontal bars of how many figures were found equal, different or not checkable per
group (the audit's summaries per chapter and per check, notebook 04).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lkjip.charts.style import GREYS, INK, _figure, _finish, _wrap, lkjip_style, tick_formatter
from lkjip.contract.fmt import fmt_int

#: The parts of a bar, left to right: (column, legend label, face, hatch).
STATUS_PARTS = (
    ("sesuai", "Sesuai", GREYS[2], ""),
    ("selisih", "Berselisih", GREYS[0], ""),
    ("tidak_dapat_diperiksa", "Tidak dapat diperiksa", "white", "///"),
)

#: A part narrower than this share of the longest bar keeps its count outside the bar (at its right end).
_INSIDE_SHARE = 0.06


def status_bertumpuk(counts: pd.DataFrame, *, title: str | None = None, xlabel: str = "Jumlah angka",
                     sumber: str | None = None) -> Figure | None:
    """One stacked horizontal bar per row of ``counts`` (index: the group's name, in order), its parts
    the columns of :data:`STATUS_PARTS` present (a missing column is left out of bar and legend).
    Each part wide enough carries its count inside; a bar's total stands at its right end, followed by
    the count of every part too narrow to carry its own ("= 157 (7 berselisih)").

    None when nothing is counted (a unit without a published LKjIP gives its audit no printed figure):
    :func:`lkjip.render.notebook.show` then shows nothing, where a chart would be an empty frame.

    >>> status_bertumpuk(pd.DataFrame(columns=["sesuai", "selisih", "tidak_dapat_diperiksa"])) is None
    True
    """
    parts = [p for p in STATUS_PARTS if p[0] in counts.columns]
    data = counts[[p[0] for p in parts]].astype(int)
    totals = data.sum(axis=1).to_numpy()
    if not totals.sum():
        return None
    longest = max(int(totals.max()), 1)
    y = np.arange(len(data))
    with lkjip_style():
        fig = _figure(max(1.7, 0.36 * len(data) + 1.1))
        ax = fig.add_subplot()
        left = np.zeros(len(data))
        outside: list[list[str]] = [[] for _ in y]
        for col, label, face, hatch in parts:
            widths = data[col].to_numpy()
            bars = ax.barh(y, widths, left=left, height=0.6, color=face, hatch=hatch, edgecolor=INK,
                           linewidth=0.5, label=label, zorder=2)
            wide = [bool(w) and w / longest >= _INSIDE_SHARE for w in widths]
            ax.bar_label(bars, labels=[fmt_int(w) if ok else "" for w, ok in zip(widths, wide)],
                         label_type="center", fontsize=8, color=INK)
            for i, (w, ok) in enumerate(zip(widths, wide)):
                if w and not ok:  # too narrow to carry its count: named after the total
                    outside[i].append(f"{fmt_int(w)} {label.lower()}")
            left = left + widths
        for yi, total, rest in zip(y, totals, outside):
            text = f"= {fmt_int(total)}" + (f" ({', '.join(rest)})" if rest else "")
            ax.text(total + longest * 0.01, yi, text, va="center", ha="left", fontsize=8)
        ax.set_yticks(y, [_wrap(k, 34) for k in data.index])
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_xlim(0, longest * 1.12)
        if any(outside):  # room for the counts named after the longest bar
            ax.set_xlim(0, longest * 1.45)
        ax.xaxis.set_major_formatter(tick_formatter(0))
        ax.set_xlabel(xlabel)
        ax.tick_params(axis="y", length=0)
        fig.legend(loc="outside upper right", ncols=len(parts))
        _finish(ax, title, sumber)
    return fig
