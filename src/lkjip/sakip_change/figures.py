"""The SAKIP change analysis as charts (notebook 06): the frames each chart of
:mod:`lkjip.charts.sakip_views` draws, built from the analysis, and the figures themselves.
"""

from __future__ import annotations

import pandas as pd

from lkjip.sakip_change.factors import Drivers
from lkjip.sakip_change.score_change import _label
from lkjip.sakip_change.stake import PointsAtStake
from lkjip.sakip_change.timeline import post_timeline


def _key(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def status_jabatan(drv: Drivers, riwayat: pd.DataFrame | None = None, year: int | None = None) -> pd.DataFrame:
    """Each structural post's state month by month (jabatan, bulan, status), in the order of the
    filled/vacant table. From the staff list (``terisi``, ``rangkap``, ``kosong``, ``tidak diketahui``,
    ``belum ada``); a post the post history (``riwayat_jabatan``) names takes its months from there
    (``definitif``, ``plt``, ``kosong``, ``tidak diketahui``: :mod:`lkjip.sakip_change.timeline`), and a
    post only the history names is added after the others. Empty when the year has no staff data."""
    y = int(year if year is not None else drv.tahun_akhir)
    cols = ["jabatan", "bulan", "status"]
    vac = drv.kekosongan.get(y)
    posts = list(vac.per_jabatan["jabatan"]) if vac is not None else []
    st = vac.status if vac is not None else pd.DataFrame(columns=cols)
    history = {} if riwayat is None or not len(riwayat) else {_key(j): j for j in riwayat["jabatan"]}
    known = {_key(p) for p in posts}
    posts += [j for k, j in history.items() if k not in known]
    rows = []
    for post in posts:
        if _key(post) in history:
            months = post_timeline(riwayat, history[_key(post)], y).bulan
            rows += [{"jabatan": post, "bulan": m, "status": s} for m, s in enumerate(months, start=1)]
        else:
            own = st[st["jabatan"] == post]
            rows += [{"jabatan": post, "bulan": int(m), "status": s} for m, s in zip(own["bulan"], own["status"])]
    return pd.DataFrame(rows, columns=cols)


def gambar_jabatan(drv: Drivers, riwayat: pd.DataFrame | None = None, year: int | None = None,
                   *, sumber: str | None = None):
    """The posts' timelines (:func:`lkjip.charts.sakip_views.jabatan_per_bulan`); ``None`` without posts."""
    from lkjip.charts.sakip_views import jabatan_per_bulan  # deferred: imports matplotlib

    status = status_jabatan(drv, riwayat, year)
    return jabatan_per_bulan(status, sumber=sumber) if len(status) else None


def skenario_total(stake: PointsAtStake) -> pd.Series:
    """The later year's score as it is, then each scenario's total (label → total), as ranked."""
    y0, y1 = _label(stake.tahun_awal, "sebelumnya"), _label(stake.tahun_akhir, "akhir")
    s = stake.skenario
    labels = [f"{name} kembali ke tingkat {y0}" for name in s["nama_komponen"]]
    return pd.Series([stake.nilai_akhir, *s["total"]], index=[f"Nilai {y1} (tanpa pemulihan)", *labels], dtype=float)


def gambar_skenario(stake: PointsAtStake, *, sumber: str | None = None):
    """The scenarios' totals against the predicate thresholds; ``None`` without a scenario."""
    from lkjip.charts.sakip_views import skor_skenario  # deferred: imports matplotlib

    return skor_skenario(skenario_total(stake), sumber=sumber) if len(stake.skenario) else None


def nilai_per_tahun(drv: Drivers) -> tuple[pd.Series, pd.Series]:
    """The score and its target by year (years without a score or a target left out)."""
    t = drv.target
    nilai = pd.Series(t["nilai"].to_numpy(dtype=float), index=t["tahun"].astype(int)).dropna()
    target = pd.Series(t["target"].to_numpy(dtype=float), index=t["tahun"].astype(int)).dropna()
    return nilai, target


def gambar_nilai_per_tahun(drv: Drivers, *, sumber: str | None = None):
    """The score by year over the predicate bands, with its target; ``None`` without a score."""
    from lkjip.charts.sakip_views import skor_per_tahun  # deferred: imports matplotlib

    nilai, target = nilai_per_tahun(drv)
    return skor_per_tahun(nilai, target, sumber=sumber) if len(nilai) else None
