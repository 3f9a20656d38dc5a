"""The report's figures (Gambar 3.x) drawn from a :class:`~lkjip.document.data.ReportData` with :mod:`lkjip.charts`.

Figures carry no source line of their own: the notebook prints the ``Sumber:`` line under each
figure, naming the document (:func:`lkjip.document.captions.sumber`), as under the tables.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import is_missing
from lkjip.document.data import ReportData

# --------------------------------------------------------------------------- charts

def capaian_rumus(rep: ReportData) -> str:
    """How Gambar 3.1's capaian were computed, for its axis caption: the lower-is-better rule is
    named (with unit.yaml ``capaian_turun``) when one of the unit's IKU is lower-is-better."""
    if not any(i.polaritas == "turun" for i in rep.results.iku):
        return "realisasi / target x 100"
    lower = "target / realisasi x 100" if rep.unit.capaian_turun == "rasio" else "(2 x target - realisasi) / target x 100"
    return f"realisasi / target x 100 (makin tinggi makin baik) atau {lower} (makin rendah makin baik)"


def fig_target_vs_realisasi(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    return charts.target_vs_realisasi(rep.capaian, title=None, rumus=capaian_rumus(rep))


def tren_frame(rep: ReportData) -> pd.DataFrame:
    """Long frame for :func:`lkjip.charts.tren_multi_tahun`: years up to the report year."""
    h = rep.history[rep.history["tahun"] <= rep.year]
    h = h[h["realisasi"].notna()]
    return pd.DataFrame({"tahun": h["tahun"].astype(int).values, "indikator": h["nama"].values,
                         "nilai": h["realisasi"].astype(float).values,
                         "target": h["target"].astype(float).values})


def fig_tren(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    return charts.tren_multi_tahun(tren_frame(rep), title=None)


def fig_ikm(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    u = rep.results.ikm.unsur
    official = any(f.kode == "ikm" and f.berbeda for f in (getattr(rep, "angka_resmi", None) or ()))
    fig = charts.ikm_per_unsur(pd.Series(u["nrr_x25"].values, index=u["unsur"].values),
                               ikm=rep.results.ikm.ikm_x25, title=None,
                               ikm_label="IKM hitung ulang" if official else "IKM unit")
    for ax in fig.axes[:1]:
        ax.tick_params(axis="x", labelsize=6)  # nine two-line labels must not touch
    return fig


def fig_paten_bulan(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    b = rep.results.layanan.per_bulan
    return charts.paten_per_bulan(pd.Series(b["jumlah"].values, index=b["bulan"].values),
                                  title=None)


def fig_paten_layanan(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    p = rep.results.layanan.per_layanan
    return charts.paten_per_layanan(pd.Series(p["jumlah_hitung"].values, index=p["layanan"].values),
                                    title=None)


def fig_sakip(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    k = rep.results.sakip.komponen
    return charts.sakip_komponen(pd.DataFrame({"komponen": k["nama_komponen"], "bobot": k["bobot"],
                                               "nilai": k["nilai"]}),
                                 title=None)


def fig_ipasn(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    d = rep.results.ipasn.distribusi
    return charts.ipasn_kategori(pd.Series(d["jumlah"].values, index=d["kategori"].values),
                                 title=None)


def fig_anggaran(rep: ReportData):
    from lkjip import charts  # deferred: imports matplotlib

    t = rep.capaian.set_index("indikator")
    target = t.loc["realisasi_anggaran_pct", "target"] if "realisasi_anggaran_pct" in t.index else None
    return charts.anggaran_per_program(rep.anggaran_program, title=None,
                                       target_pct=None if is_missing(target) else float(target))
