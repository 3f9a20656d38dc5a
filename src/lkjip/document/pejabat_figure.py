"""Lampiran "Hasil Pengukuran Kinerja Pejabat": each official's capaian as a chart beside their tables
(:func:`lkjip.charts.capaian_pejabat.capaian_pejabat`), from the capaian as the official's report
prints it (signed figures are quoted, never recomputed here).
"""

from __future__ import annotations

import pandas as pd

from lkjip.document.lampiran_dokumen import LaporanPejabat


def capaian_tercetak(lp: LaporanPejabat) -> pd.Series:
    """Indicator → capaian (%) as printed, in the order of the official's table; a repeated indicator
    name is kept once per row (numbered by its row's ``No``)."""
    c = lp.capaian
    names = [str(i) for i in c["Indikator Kinerja"]]
    seen = {n for n in names if names.count(n) > 1}
    labels = [f"{no}. {n}" if n in seen and str(no) else n for no, n in zip(c["No"], names)]
    return pd.Series(c["Capaian tercetak"].to_numpy(dtype=float), index=labels)


def has_capaian_figure(lp: LaporanPejabat) -> bool:
    """Whether the official's report prints a capaian to draw (the LKjIP then numbers a Gambar L.n)."""
    values = capaian_tercetak(lp)
    return bool(len(values) and values.notna().any())


def fig_capaian_pejabat(lp: LaporanPejabat):
    """The official's printed capaian against 100 %; ``None`` when no row prints one."""
    from lkjip.charts.capaian_pejabat import capaian_pejabat  # deferred: imports matplotlib

    return capaian_pejabat(capaian_tercetak(lp)) if has_capaian_figure(lp) else None
