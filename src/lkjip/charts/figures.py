"""One function per chart of the report; each returns a :class:`matplotlib.figure.Figure`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from lkjip.charts.style import (
    BULAN,
    GREYS,
    INK,
    IPASN_LABELS,
    _figure,
    _finish,
    _label_bars,
    _name_column,
    _num,
    _pct,
    _wrap,
    lkjip_style,
    pct_tick_formatter,
    tick_formatter,
)
from lkjip.contract.fmt import fmt_rupiah_short, fmt_signed
from lkjip.contract.rules import EPS, IKM_MUTU, IKM_SCALE, IKM_UNSUR_SHORT

# --------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------


def ikm_per_unsur(
    nrr: pd.Series,
    *,
    title: str | None = "Nilai per Unsur Pelayanan (NRR x 25)",
    ikm: float | None = None,
    sumber: str | None = None,
    ikm_label: str = "IKM unit",
) -> Figure:
    """Bars of the nine IKM elements on the x25 scale with the mutu bands shaded.

    ``nrr`` is indexed ``U1..U9``; values on the 1..4 scale (all <= 4) are
    multiplied by 25. ``ikm`` (x25) draws the unit's IKM as a dashed line, named ``ikm_label`` in the
    legend ("IKM hitung ulang" when the unit's official IKM is another figure).
    """
    values = pd.to_numeric(pd.Series(nrr), errors="raise").astype(float)
    if values.max() <= 4.0:
        values = values * IKM_SCALE
    with lkjip_style():
        fig = _figure(3.4)
        ax = fig.add_subplot()
        band_greys = ("#e6e6e6", "#f2f2f2", "#e6e6e6", "#f7f7f7")
        low_limit = IKM_SCALE  # NRR 1 on the x25 scale
        for band, grey in zip(IKM_MUTU.bands, band_greys):
            low, high = band.lower, band.upper
            ax.axhspan(low, high, color=grey, zorder=0, lw=0)
            ax.text(1.005, (low + high) / 2, f"{band.label}\n{band.description}", transform=ax.get_yaxis_transform(),
                    fontsize=6.5, va="center", ha="left", color="#444444")
            ax.axhline(low, color="#9a9a9a", lw=0.4, ls=":", zorder=1)
        x = np.arange(len(values))
        bars = ax.bar(x, values.to_numpy() - low_limit, bottom=low_limit, width=0.6,
                      color=GREYS[1], edgecolor=INK, linewidth=0.5, zorder=2, label="NRR x 25")
        _label_bars(ax, bars, [_num(v, 2) for v in values], horizontal=False)
        if ikm is not None:
            ax.axhline(ikm, color=INK, lw=1.0, ls="--", zorder=3,
                       label=f"{ikm_label} {_num(ikm, 2)}")
            fig.legend(loc="outside upper right", ncols=2)
        ax.set_xticks(x, [f"{k}\n{IKM_UNSUR_SHORT.get(str(k).lower(), '')}".rstrip() for k in values.index])
        ax.set_ylim(low_limit, 104)
        # the band edges as ticks, below them a few round values
        ax.set_yticks([25, 40, 55, *sorted(b.lower for b in IKM_MUTU.bands[:-1]), 100])
        ax.yaxis.set_major_formatter(tick_formatter())
        ax.set_ylabel("Nilai (skala 25-100)")
        _finish(ax, title, sumber)
    return fig


def paten_per_bulan(
    monthly: pd.Series,
    *,
    title: str | None = "Jumlah Pelayanan PATEN per Bulan",
    ylabel: str = "Jumlah pelayanan",
    sumber: str | None = None,
) -> Figure:
    """Bars of the twelve monthly service counts with the monthly mean."""
    values = pd.Series(monthly).astype(float)
    idx = list(values.index)
    if all(isinstance(i, (int, np.integer)) and 1 <= int(i) <= 12 for i in idx):
        labels = [BULAN[int(i) - 1] for i in idx]
    elif len(values) == 12 and all(isinstance(i, (int, np.integer)) for i in idx):
        labels = list(BULAN)
    else:
        labels = [str(i) for i in idx]
    with lkjip_style():
        fig = _figure(3.0)
        ax = fig.add_subplot()
        x = np.arange(len(values))
        bars = ax.bar(x, values.to_numpy(), width=0.65, color=GREYS[2], edgecolor=INK,
                      linewidth=0.5, zorder=2)
        _label_bars(ax, bars, [_num(v, 0) for v in values], horizontal=False)
        mean = float(values.mean())
        ax.axhline(mean, color=INK, lw=0.9, ls="--", zorder=3,
                   label=f"Rata-rata {_num(mean, 1)} per bulan")
        fig.legend(loc="outside upper right")
        ax.set_xticks(x, labels)
        ax.set_ylim(0, values.max() * 1.15 if values.max() > 0 else 1)
        ax.yaxis.set_major_formatter(tick_formatter())
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(axis="y")
        ax.set_ylabel(ylabel)
        _finish(ax, title, sumber)
    return fig


def paten_per_layanan(
    per_service: pd.Series,
    *,
    top: int = 10,
    title: str | None = "Jumlah Pelayanan PATEN per Jenis Layanan",
    xlabel: str = "Jumlah pelayanan",
    sumber: str | None = None,
) -> Figure:
    """Horizontal bars of the ``top`` services; the rest summed as "Lainnya"."""
    values = pd.Series(per_service).astype(float).sort_values(ascending=False, kind="stable")
    head = values.iloc[:top]
    rest = values.iloc[top:]
    labels = [_wrap(k, 45) for k in head.index]
    data = list(head.to_numpy())
    if len(rest):
        labels.append(f"Lainnya ({len(rest)} layanan)")
        data.append(float(rest.sum()))
    n = len(data)
    with lkjip_style():
        fig = _figure(max(2.2, 0.32 * n + 0.9))
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        colors = [GREYS[1]] * len(head) + ([GREYS[3]] if len(rest) else [])
        hatches = [""] * len(head) + (["///"] if len(rest) else [])
        bars = ax.barh(y, data, height=0.65, color=colors, edgecolor=INK, linewidth=0.5, zorder=2)
        for bar, hatch in zip(bars, hatches):
            bar.set_hatch(hatch)
        total = sum(data)
        _label_bars(ax, bars, [f"{_num(v, 0)} ({_pct(100 * v / total if total else 0, 1)})"
                               for v in data], horizontal=True)
        ax.set_yticks(y, labels)
        ax.set_xlim(0, max(data) * 1.25 if data and max(data) > 0 else 1)
        ax.xaxis.set_major_formatter(tick_formatter())
        ax.grid(axis="x")
        ax.set_xlabel(xlabel)
        _finish(ax, title, sumber)
    return fig


def anggaran_per_program(
    df: pd.DataFrame,
    *,
    title: str | None = "Penyerapan Anggaran per Program",
    target_pct: float | None = None,
    sumber: str | None = None,
) -> Figure:
    """Horizontal bars of the absorption (realisasi / pagu x 100) per programme.

    ``df`` has a name column (``program``, ``uraian``, ``kegiatan`` or
    ``nama``) and ``pagu`` and ``realisasi`` in rupiah. ``target_pct`` (e.g.
    90) draws the target as a dashed line; 100% is always drawn.
    """
    name = _name_column(df, ("program", "uraian", "kegiatan", "nama"))
    pagu = pd.to_numeric(df["pagu"]).astype(float).to_numpy()
    real = pd.to_numeric(df["realisasi"]).astype(float).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(pagu > 0, real / np.where(pagu > 0, pagu, 1) * 100, np.nan)
    n = len(df)
    with lkjip_style():
        fig = _figure(max(2.2, 0.45 * n + 1.0))
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        ax.barh(y, np.nan_to_num(pct), height=0.6, color=GREYS[2], edgecolor=INK,
                linewidth=0.5, zorder=2)
        for yy, p in zip(y, pct):
            text = "pagu 0" if math.isnan(p) else _pct(p, 2)
            ax.text(max(0.0 if math.isnan(p) else p, 100.0) + 2, yy, text, va="center", ha="left",
                    fontsize=7.5, fontweight="bold")
        ax.axvline(100, color=INK, lw=0.8, zorder=3)
        top = n - 0.4
        ax.text(100, top, "100%", ha="center", va="bottom", fontsize=6.5)
        if target_pct is not None:
            ax.axvline(target_pct, color=INK, lw=0.9, ls="--", zorder=3)
            ax.text(target_pct, top, f"Target {_pct(target_pct)}", ha="right", va="bottom",
                    fontsize=6.5)
        ticklabels = [f"{_wrap(v, 45)}\n({fmt_rupiah_short(rl)} dari {fmt_rupiah_short(pg)})"
                      for v, pg, rl in zip(df[name], pagu, real)]
        ax.set_yticks(y, ticklabels)
        ax.set_ylim(-0.6, n - 0.1)
        ax.set_xlim(0, 135)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.xaxis.set_major_formatter(pct_tick_formatter())
        ax.grid(axis="x")
        ax.set_xlabel("Realisasi terhadap pagu (%)")
        _finish(ax, title, sumber)
    return fig


def sakip_komponen(
    df: pd.DataFrame,
    *,
    title: str | None = "Nilai SAKIP per Komponen terhadap Bobot",
    sumber: str | None = None,
) -> Figure:
    """Each component's score (filled) inside its weight (outlined bar)."""
    name = _name_column(df, ("komponen", "uraian", "nama"))
    bobot = pd.to_numeric(df["bobot"]).astype(float).to_numpy()
    nilai = pd.to_numeric(df["nilai"]).astype(float).to_numpy()
    n = len(df)
    with lkjip_style():
        fig = _figure(max(2.0, 0.55 * n + 1.0))
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        ax.barh(y, bobot, height=0.62, color="white", edgecolor=INK, linewidth=0.7,
                hatch="...", zorder=2, label="Bobot (nilai maksimal)")
        bars = ax.barh(y, nilai, height=0.62, color=GREYS[1], edgecolor=INK, linewidth=0.5,
                       zorder=3, label="Nilai hasil evaluasi")
        labels = [f"{_num(v, 2)} dari {_num(b, 2)} ({_pct(100 * v / b, 1)})"
                  if b else _num(v, 2) for v, b in zip(nilai, bobot)]
        for yy, b, text in zip(y, bobot, labels):
            ax.text(b + bobot.max() * 0.02, yy, text, va="center", ha="left", fontsize=7)
        del bars
        ax.set_yticks(y, [_wrap(v, 30) for v in df[name]])
        ax.set_xlim(0, bobot.max() * 1.55)
        ax.xaxis.set_major_formatter(tick_formatter())
        ax.grid(axis="x")
        total_n, total_b = float(nilai.sum()), float(bobot.sum())
        ax.set_xlabel(f"Nilai (jumlah {_num(total_n, 2)} dari {_num(total_b, 2)})")
        fig.legend(loc="outside upper right", ncols=2)
        _finish(ax, title, sumber)
    return fig


def ipasn_kategori(
    counts: pd.Series,
    *,
    title: str | None = "Jumlah ASN per Kategori Indeks Profesionalitas",
    sumber: str | None = None,
) -> Figure:
    """Bars of the number of staff per IP ASN category, in the fixed order."""
    values = pd.Series(counts).reindex(list(IPASN_LABELS)).fillna(0).astype(float)
    with lkjip_style():
        fig = _figure(2.8)
        ax = fig.add_subplot()
        x = np.arange(len(values))
        bars = ax.bar(x, values.to_numpy(), width=0.6, color=list(GREYS), edgecolor=INK,
                      linewidth=0.5, zorder=2)
        for bar, hatch in zip(bars, ("", "", "///", "...", "xxx")):
            bar.set_hatch(hatch)
        total = values.sum()
        _label_bars(ax, bars, [f"{_num(v, 0)} orang\n({_pct(100 * v / total if total else 0, 1)})"
                               for v in values], horizontal=False)
        ax.set_xticks(x, list(IPASN_LABELS))
        ax.set_ylim(0, max(values.max() * 1.3, 1))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(tick_formatter())
        ax.grid(axis="y")
        ax.set_ylabel("Jumlah ASN")
        _finish(ax, title, sumber)
    return fig


def target_vs_realisasi(
    df: pd.DataFrame,
    *,
    title: str | None = "Capaian Indikator Kinerja Utama",
    sumber: str | None = None,
    rumus: str = "realisasi / target x 100",
) -> Figure:
    """Capaian (%) per indicator as horizontal bars with the 100% line.

    ``df`` has ``nama``, ``target``, ``realisasi``, ``capaian_pct``; target
    and realisation (in the indicator's own unit) are written beside the bar,
    so units are never mixed on one axis. Bars below 100% are hatched.
    ``rumus`` is how the capaian was computed, as the axis caption states it (the caller names
    the lower-is-better rule when some indicators use it).
    """
    name = _name_column(df, ("nama", "indikator"))
    cap = pd.to_numeric(df["capaian_pct"]).astype(float).to_numpy()
    n = len(df)
    with lkjip_style():
        fig = _figure(max(2.2, 0.5 * n + 1.0))
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        colors = [GREYS[1] if c >= 100 else GREYS[3] for c in np.nan_to_num(cap)]
        bars = ax.barh(y, np.nan_to_num(cap), height=0.6, color=colors, edgecolor=INK,
                       linewidth=0.5, zorder=2)
        for bar, c in zip(bars, np.nan_to_num(cap)):
            if c < 100:
                bar.set_hatch("///")
        for yy, c, t, r in zip(y, cap, df["target"], df["realisasi"]):
            shown = "capaian tidak dapat dihitung" if np.isnan(c) else _pct(c, 2)
            ax.text(max(np.nan_to_num(c), 100.0) + 2, yy, f"{shown}  (T {_num(t)} / R {_num(r)})",
                    va="center", ha="left", fontsize=7)
        ax.axvline(100, color=INK, lw=1.0, ls="--", zorder=3)
        ax.set_yticks(y, [_wrap(v, 42) for v in df[name]])
        top = float(np.max(cap[np.isfinite(cap)])) if np.isfinite(cap).any() else 0.0
        right = max(150.0, top * 1.45)
        ax.set_xlim(0, right)
        ticks = [t for t in range(0, int(right) + 1, 25) if t <= max(125, top)]
        ax.set_xticks(ticks)
        ax.xaxis.set_major_formatter(pct_tick_formatter())
        ax.grid(axis="x")
        ax.set_xlabel(_wrap(f"Capaian (%) = {rumus}; garis putus-putus = 100%", 100))
        _finish(ax, title, sumber)
    return fig


#: Height (in) of a row of trend panels with :data:`TREN_FULL_YEARS` years or more: room for a line's
#: rise and fall. A year fewer takes :data:`TREN_ROW_STEP_IN` less.
TREN_ROW_IN, TREN_FULL_YEARS, TREN_ROW_STEP_IN = 1.75, 3, 0.25


def tren_row_height(years: int) -> float:
    """The height (in) of a row of :func:`tren_multi_tahun` panels drawing ``years`` years.

    A panel of one or two years holds a point or a single segment, which needs no trend's vertical
    room; at full height the chart of the first year of a Renstra (2021: seven one-point panels,
    7,5 in) filled a page on its own and left the page before it half empty.

    >>> [tren_row_height(n) for n in (1, 2, 3, 5)]
    [1.25, 1.5, 1.75, 1.75]
    """
    return TREN_ROW_IN - TREN_ROW_STEP_IN * max(0, TREN_FULL_YEARS - years)


def tren_multi_tahun(
    df: pd.DataFrame,
    *,
    ncols: int = 2,
    title: str | None = "Tren Realisasi Indikator Kinerja",
    sumber: str | None = None,
) -> Figure:
    """Small multiples: one panel per indicator, value by year.

    ``df`` is long, with ``tahun``, ``indikator`` (or ``nama``) and ``nilai``;
    an optional ``target`` column is drawn as a dashed line. Each panel has its
    own y scale (the indicators have different units).
    """
    name = _name_column(df, ("indikator", "nama"))
    names = list(dict.fromkeys(df[name]))
    n = len(names)
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    years = sorted(pd.unique(df["tahun"]))
    with lkjip_style():
        fig = _figure(tren_row_height(len(years)) * nrows + 0.5)
        axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
        for ax, key in zip(axes, names):
            part = df[df[name] == key].sort_values("tahun")
            yrs = part["tahun"].astype(int).to_numpy()
            vals = pd.to_numeric(part["nilai"]).astype(float).to_numpy()
            ax.plot(yrs, vals, color=INK, marker="o", ms=4, lw=1.2, label="Realisasi")
            for xx, vv in zip(yrs, vals):
                ax.annotate(_num(vv), (xx, vv), textcoords="offset points", xytext=(0, 5),
                            ha="center", fontsize=6.5)
            if "target" in part.columns and part["target"].notna().any():
                tgt = pd.to_numeric(part["target"]).astype(float).to_numpy()
                ax.plot(yrs, tgt, color=GREYS[1], marker="s", ms=3, lw=1.0, ls="--",
                        mfc="white", label="Target")
            ax.set_title(_wrap(key, 48), fontsize=7.5, loc="left", fontweight="bold")
            ax.set_xticks([int(y) for y in years], [str(int(y)) for y in years])
            ax.set_xlim(min(years) - 0.4, max(years) + 0.4)
            ax.yaxis.set_major_formatter(tick_formatter())
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.margins(y=0.3)
            ax.grid(axis="y")
        for ax in axes[n:]:
            ax.set_visible(False)
        if "target" in df.columns and df["target"].notna().any():
            fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper right", ncols=2)
        if title:
            fig.suptitle(title, x=0.0, ha="left", fontsize=10, fontweight="bold")
        if sumber:
            fig.supxlabel(f"Sumber: {sumber}", x=0.0, ha="left", fontsize=6.5, color="#555555")
    return fig


def waterfall(
    start_label: str,
    start_value: float,
    steps: Sequence[tuple[str, float]],
    end_label: str,
    *,
    title: str | None = None,
    ylabel: str = "Nilai",
    decimals: int = 2,
    from_zero: bool | None = None,
    sumber: str | None = None,
) -> Figure:
    """Year-to-year decomposition: start bar, one floating bar per change, end bar.

    Increases are light and hatched ``///``, decreases darker and hatched
    ``\\\\``, so they read apart in grey. When the changes are small against the
    totals the y axis does not start at zero (``from_zero=None`` decides; the
    chart then says so).
    """
    deltas = [float(d) for _, d in steps]
    levels = [float(start_value)]
    for d in deltas:
        levels.append(levels[-1] + d)
    end_value = levels[-1]
    lo, hi = min(levels), max(levels)
    span = max(hi - lo, abs(hi) * 0.01, EPS)
    if from_zero is None:
        from_zero = lo <= 0 or span > 0.25 * max(abs(lo), abs(hi))
    bottom_axis = 0.0 if from_zero else lo - span * 0.6
    with lkjip_style():
        n = len(steps) + 2
        fig = _figure(3.2)
        ax = fig.add_subplot()
        x = np.arange(n)
        totals = ax.bar([0, n - 1], [start_value - bottom_axis, end_value - bottom_axis],
                        bottom=bottom_axis, width=0.6, color=GREYS[1], edgecolor=INK, lw=0.5,
                        zorder=2, label="Nilai")
        ax.bar_label(totals, labels=[_num(start_value, decimals), _num(end_value, decimals)],
                     padding=2, fontsize=7)
        for i, d in enumerate(deltas, start=1):
            base = levels[i - 1] if d >= 0 else levels[i]
            up = d >= 0
            ax.bar([i], [abs(d)], bottom=base, width=0.6,
                   color=GREYS[4] if up else GREYS[2], hatch="///" if up else "\\\\\\",
                   edgecolor=INK, lw=0.5, zorder=2,
                   label=("Kenaikan" if up else "Penurunan"))
            ax.text(i, max(levels[i - 1], levels[i]) + span * 0.04,
                    fmt_signed(d, decimals), ha="center", va="bottom", fontsize=7)
        for i in range(n - 1):
            level = levels[min(i, len(levels) - 1)]
            ax.plot([i + 0.3, i + 0.7], [level, level], color=INK, lw=0.5, ls=":", zorder=1)
        handles, labels = ax.get_legend_handles_labels()
        uniq = dict(zip(labels, handles))
        fig.legend(uniq.values(), uniq.keys(), loc="outside upper right", ncols=3)
        ax.set_xticks(x, [_wrap(start_label, 16)] + [_wrap(s, 16) for s, _ in steps] + [_wrap(end_label, 16)])
        ax.set_ylim(bottom_axis, hi + span * 0.25 if not from_zero else hi * 1.12 if hi > 0 else 1)
        ax.yaxis.set_major_formatter(tick_formatter())
        ax.grid(axis="y")
        ax.set_ylabel(ylabel if from_zero else f"{ylabel} (sumbu tidak dimulai dari nol)")
        _finish(ax, title, sumber)
    return fig
