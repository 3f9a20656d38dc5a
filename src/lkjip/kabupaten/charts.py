"""Charts of the kabupaten view, in the package's grey-printable style.

Every function returns a :class:`matplotlib.figure.Figure` built without
pyplot (see :mod:`lkjip.charts`), drawn under :func:`lkjip.charts.lkjip_style`
(SVG text stays text, fixed SVG ids). Labels are in Bahasa Indonesia and
every number shown is formatted by :mod:`lkjip.contract.fmt`. Drops and gains differ
by hatch and marker as well as by grey level, so they read apart in print.

``names`` maps a unit code to the name to show (default: the code).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from lkjip.charts.style import A4_WIDTH_IN, GREYS, INK, lkjip_style
from lkjip.contract.fmt import fmt_number, fmt_signed
from lkjip.contract.rules import EPS
from lkjip.kabupaten.budget import FACTORS, caution_text, correlations
from lkjip.kabupaten.sakip import CHANGE_COLUMNS

#: Short component names for axis labels.
COMPONENT_SHORT = {"perencanaan": "Perencanaan", "pengukuran": "Pengukuran",
                   "pelaporan": "Pelaporan", "evaluasi_internal": "Evaluasi Internal"}
DROP_STYLE = {"color": GREYS[1], "hatch": "\\\\\\\\", "label": "Turun"}
GAIN_STYLE = {"color": GREYS[4], "hatch": "////", "label": "Naik"}
SAME_STYLE = {"color": GREYS[3], "hatch": "", "label": "Tetap"}
#: Units of measure of the factors that are counts (integer axis ticks).
COUNT_UNITS = ("bulan-jabatan", "orang")
#: Rounds of adjustText's label placement in a scatter panel (a count, so the chart is reproducible).
ROUNDS = 150
#: Diverging map for the heatmap; cell labels carry the sign for grey print.
HEATMAP_CMAP = "RdBu"


def _tick(value: float, _pos=None) -> str:
    text = fmt_number(value, 2)
    return text[:-3] if text.endswith(",00") else text.rstrip("0") if "," in text else text


def _name(unit: str, names: Mapping[str, str] | None) -> str:
    return str((names or {}).get(unit, unit))


def _empty(message: str, title: str | None) -> Figure:
    with lkjip_style():
        fig = Figure(figsize=(A4_WIDTH_IN, 1.2), layout="constrained")
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=8.5, transform=ax.transAxes)
        if title:
            ax.set_title(title, loc="left")
    return fig


def _footer(fig: Figure, text: str | None) -> None:
    if text:
        fig.supxlabel(text, x=0.0, ha="left", fontsize=6.5, color="#555555")


def _style_of(v: float) -> dict:
    return DROP_STYLE if v < -EPS else GAIN_STYLE if v > EPS else SAME_STYLE


def sakip_change_chart(table: pd.DataFrame, *, names: Mapping[str, str] | None = None,
                       title: str | None = "Perubahan Nilai SAKIP per Unit",
                       sumber: str | None = None) -> Figure:
    """Horizontal bars of every unit's ``perubahan_sakip``, largest drop on top.

    Drops are darker and hatched ``\\\\``, gains light and hatched ``//``, so
    they read apart in grey; each bar carries its signed value.
    """
    t = table[table["perubahan_sakip"].notna()]
    if not len(t):
        return _empty("Tidak ada unit dengan nilai SAKIP dua tahun untuk dibandingkan.", title)
    t = t.sort_values(["perubahan_sakip", "unit"], kind="stable")
    values = t["perubahan_sakip"].astype(float).to_numpy()
    n = len(t)
    span = max(float(np.abs(values).max()), 0.01)
    with lkjip_style():
        fig = Figure(figsize=(A4_WIDTH_IN, max(1.8, 0.28 * n + 1.1)), layout="constrained")
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        for yy, v in zip(y, values):
            st = _style_of(v)
            ax.barh([yy], [v], height=0.62, color=st["color"], hatch=st["hatch"], edgecolor=INK,
                    linewidth=0.5, zorder=2)
            ax.text(v + (span * 0.02 if v >= 0 else -span * 0.02), yy, fmt_signed(v),
                    ha="left" if v >= 0 else "right", va="center", fontsize=7)
        ax.axvline(0, color=INK, lw=0.6, zorder=3)
        ax.set_yticks(y, [_name(u, names) for u in t["unit"]])
        ax.set_xlim(min(values.min(), 0) - span * 0.25, max(values.max(), 0) + span * 0.25)
        ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        ax.grid(axis="x")
        ax.set_xlabel("Perubahan nilai SAKIP (poin)")
        present = {_style_of(v)["label"]: _style_of(v) for v in values}
        handles = [Patch(facecolor=s["color"], hatch=s["hatch"], edgecolor=INK, lw=0.5, label=k)
                   for k, s in present.items()]
        fig.legend(handles=handles, loc="outside upper right", ncols=len(handles))
        if title:
            ax.set_title(title, loc="left")
        _footer(fig, f"Sumber: {sumber}" if sumber else None)
    return fig


def component_heatmap(table: pd.DataFrame, *, names: Mapping[str, str] | None = None,
                      title: str | None = "Perubahan Nilai Komponen SAKIP per Unit",
                      sumber: str | None = None) -> Figure:
    """Units (largest total drop on top) x the four components, each cell
    coloured on a diverging scale centred on zero and labelled with its
    signed change; the total change follows the unit's name."""
    t = table[table["perubahan_sakip"].notna()]
    if not len(t):
        return _empty("Tidak ada unit dengan nilai SAKIP dua tahun untuk dibandingkan.", title)
    t = t.sort_values(["perubahan_sakip", "unit"], kind="stable")
    cols = list(CHANGE_COLUMNS.values())
    m = t[cols].astype(float).to_numpy()
    finite = m[~np.isnan(m)]
    lim = max(float(np.abs(finite).max()) if finite.size else 0.0, 0.01)
    n = len(t)
    with lkjip_style():
        fig = Figure(figsize=(A4_WIDTH_IN, max(2.0, 0.3 * n + 1.4)), layout="constrained")
        ax = fig.add_subplot()
        cmap = matplotlib.colormaps[HEATMAP_CMAP].with_extremes(bad="white")
        img = ax.imshow(np.ma.masked_invalid(m), cmap=cmap, vmin=-lim, vmax=lim,
                        aspect="auto", interpolation="nearest")
        for i in range(n):
            for j in range(len(cols)):
                v = m[i, j]
                dark = not math.isnan(v) and abs(v) > 0.6 * lim
                ax.text(j, i, fmt_signed(v), ha="center", va="center", fontsize=7,
                        color="white" if dark else INK)
        ax.set_xticks(range(len(cols)), [COMPONENT_SHORT[k] for k in CHANGE_COLUMNS])
        ax.xaxis.tick_top()
        ax.set_yticks(range(n), [f"{_name(u, names)} ({fmt_signed(v)})"
                                 for u, v in zip(t["unit"], t["perubahan_sakip"])])
        ax.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(img, ax=ax, shrink=0.8, pad=0.02)
        bar.ax.yaxis.set_major_formatter(FuncFormatter(_tick))
        bar.set_label("Perubahan nilai (poin)")
        if title:
            ax.set_title(title, loc="left")
        _footer(fig, f"Sumber: {sumber}" if sumber else None)
    return fig


def factor_scatter(ax, factors: pd.DataFrame, x: str, *, names: Mapping[str, str] | None = None,
                   label_points: bool = True) -> list:
    """Draw one factor against ``perubahan_sakip`` on ``ax``: falling units as
    filled down-triangles, the others as open circles, each point named, the
    panel titled with the factor, ``n`` and Pearson ``r``. Returns the points'
    name labels (matplotlib ``Text``, each at its point), for :func:`place_point_labels`."""
    label, unit = FACTORS.get(x, (x, ""))
    pair = factors[["unit", x, "perubahan_sakip"]].dropna()
    xs = pair[x].astype(float).to_numpy()
    ys = pair["perubahan_sakip"].astype(float).to_numpy()
    fell = ys < -EPS
    ax.axhline(0, color=INK, lw=0.5, ls=":", zorder=1)
    ax.scatter(xs[fell], ys[fell], marker="v", s=28, color=GREYS[0], edgecolor=INK, lw=0.5,
               zorder=3, label="SAKIP turun")
    ax.scatter(xs[~fell], ys[~fell], marker="o", s=24, facecolor="white", edgecolor=INK, lw=0.7,
               zorder=3, label="SAKIP naik/tetap")
    labels = [ax.text(xv, yv, _point_name(_name(u, names)), fontsize=6, color="#333333")
              for u, xv, yv in zip(pair["unit"], xs, ys)] if label_points else []
    c = correlations(factors[["unit", x, "perubahan_sakip"]]).set_index("faktor")
    r = c.loc[x, "r"] if x in c.index else math.nan
    rtext = "r tidak dihitung" if pd.isna(r) else f"r = {fmt_number(r)}"
    ax.set_title(f"{label}\n(n = {len(pair)}, {rtext})", loc="left", fontsize=8)
    ax.set_xlabel(f"{label} ({unit})" if unit else label)
    ax.set_ylabel("Perubahan nilai SAKIP (poin)")
    if unit in COUNT_UNITS:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_tick))
    ax.yaxis.set_major_formatter(FuncFormatter(_tick))
    ax.grid(True)
    return labels


def _point_name(name: str) -> str:
    """A point's label: the unit's name without the kind of unit every point shares."""
    for prefix in ("Kecamatan ", "Kec. "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def place_point_labels(fig: Figure, labels: Mapping) -> None:
    """Move each panel's point labels (``{ax: labels at their points}``) apart with adjustText,
    each joined to its point by a thin line when moved.

    Done once the figure is laid out, since the labels' sizes on the page decide what overlaps."""
    from adjustText import adjust_text

    fig.draw_without_rendering()
    hidden = []
    for ax, texts in labels.items():
        if texts:
            xs, ys = zip(*(t.get_position() for t in texts))
            # labels keep off the points (their boxes counted larger than the text, for the markers);
            # a fixed number of rounds, not adjustText's default time limit, so the same input draws
            # the same chart
            _, lines = adjust_text(texts, x=xs, y=ys, ax=ax, iter_lim=ROUNDS, expand=(1.2, 1.8),
                                   arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.4})
            # adjust_text draws the whole figure again for the next panel; a line is clipped to
            # its (text) label, which costs a text measurement per clipping step, and it takes no
            # part in the layout (clipped to its axes) nor in the placement: drawn only at the end
            for line in lines:
                line.set_visible(False)
                hidden.append(line)
    for line in hidden:
        line.set_visible(True)


def factor_scatters(factors: pd.DataFrame, columns: Sequence[str] | None = None, *,
                    names: Mapping[str, str] | None = None,
                    title: str | None = "Perubahan Nilai SAKIP terhadap Anggaran dan Pegawai",
                    sumber: str | None = None, caution: bool = True) -> Figure:
    """One panel per factor (default: absorption, vacant post-months, staff who
    left, IP ASN), two panels a row, with the caution of
    :func:`lkjip.kabupaten.budget.caution_text` under the figure (``caution=False`` where the
    document prints it as text beside the figure: set in the figure's small type it was read twice)."""
    columns = list(columns or ("realisasi_anggaran_pct", "bulan_jabatan_kosong", "pegawai_keluar",
                               "ip_asn"))
    n_units = int(factors["perubahan_sakip"].notna().sum())
    rows = math.ceil(len(columns) / 2)
    with lkjip_style():
        fig = Figure(figsize=(A4_WIDTH_IN, 2.6 * rows + 1.0), layout="constrained")
        axes = fig.subplots(rows, 2, squeeze=False).ravel()
        labels = {ax: factor_scatter(ax, factors, col, names=names, label_points=n_units <= 25)
                  for ax, col in zip(axes, columns)}
        for ax in axes[len(columns):]:
            ax.axis("off")
        place_point_labels(fig, labels)
        handles = [Line2D([], [], marker="v", ls="", color=GREYS[0], markeredgecolor=INK,
                          label="SAKIP turun"),
                   Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor=INK,
                          color=INK, label="SAKIP naik/tetap")]
        fig.legend(handles=handles, loc="outside upper right", ncols=2)
        if title:
            fig.suptitle(title, x=0.0, ha="left", fontsize=10, fontweight="bold")
        foot = caution_text(n_units) if caution else ""
        if sumber:
            foot += f" Sumber: {sumber}"
        _footer(fig, "\n".join(textwrap.wrap(foot.strip(), 150)))
    return fig
