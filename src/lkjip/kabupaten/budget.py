"""Budget and staff across units, set against each unit's SAKIP change.

- :func:`budget_per_unit`: each unit's pagu, realisasi and absorption, from
  its LRA account 5 (Belanja Daerah) as the "% realisasi anggaran" indicator
  does (:func:`lkjip.indicators.budget.realisasi_anggaran`), else from the lowest level
  of its programme/activity budget (:func:`lkjip.indicators.budget.budget_totals`);
- :func:`budget_consolidated`: the sums over units and the percentage of the
  sums (not the mean of the units' percentages);
- :func:`staff_per_unit`: staff in post at 31 December, who left and who
  came during the year (:func:`lkjip.indicators.ipasn.in_post_at_year_end`), vacant
  structural posts (:func:`lkjip.sakip_change.vacancy_by_month`) and IP ASN
  (:func:`lkjip.indicators.ipasn.ipasn_summary`), both years;
- :func:`factors_table` and :func:`correlations`: the data of the scatter
  plots and their correlation coefficients, with :func:`caution_text`.

>>> import pandas as pd
>>> t = budget_consolidated(pd.DataFrame({"unit": ["a", "b"], "pagu": [100.0, 300.0],
...                                       "realisasi": [50.0, 270.0]}))
>>> t.pagu, t.realisasi, t.persen
(400.0, 320.0, 80.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lkjip.indicators.budget import budget_totals, realisasi_anggaran
from lkjip.indicators.frames import safe_pct
from lkjip.indicators.ipasn import in_post_at_year_end, ipasn_summary
from lkjip.sakip_change.vacancy import vacancy_by_month

BUDGET_COLUMNS = ("unit", "pagu", "realisasi", "persen", "sumber")
STAFF_COLUMNS = ("unit", "pegawai_akhir_tahun", "pegawai_keluar", "pegawai_masuk", "jabatan_kosong",
                 "bulan_jabatan_kosong", "ip_asn", "ip_asn_tahun_lalu", "perubahan_ip_asn", "catatan")

#: The factors set against the SAKIP change: column -> (label, unit of measure).
FACTORS: dict[str, tuple[str, str]] = {
    "realisasi_anggaran_pct": ("Penyerapan anggaran", "%"),
    "bulan_jabatan_kosong": ("Kekosongan jabatan struktural", "bulan-jabatan"),
    "pegawai_keluar": ("Pegawai yang keluar/pindah dalam tahun", "orang"),
    "ip_asn": ("Indeks Profesionalitas ASN", "indeks"),
    "perubahan_ip_asn": ("Perubahan IP ASN", "poin"),
}
#: Below this many units a correlation is not even evidence that two figures
#: move together: with 9 units, |r| must exceed about 0,67 to pass a
#: two-sided test at 5%, and one unit can flip the sign of a weaker r.
MIN_UNITS_FOR_EVIDENCE = 10

CAUTION = (
    "Korelasi hanya menunjukkan apakah dua angka bergerak bersama antarunit, bukan sebab-akibat: "
    "unit yang penyerapan anggarannya rendah atau kehilangan pegawai lalu nilai SAKIP-nya turun "
    "dapat sama-sama dipengaruhi hal lain (misalnya perubahan cara penilaian atau beban kerja)."
)


@dataclass(frozen=True)
class BudgetTotal:
    """Sums over units: ``pagu``, ``realisasi``, ``persen`` (realisasi /
    pagu x 100), ``jumlah_unit`` (units with budget data), ``catatan``."""

    pagu: float
    realisasi: float
    persen: float
    jumlah_unit: int
    catatan: list[str] = field(default_factory=list)


def budget_per_unit(lra: Mapping[str, pd.DataFrame | None],
                    anggaran: Mapping[str, pd.DataFrame | None]) -> pd.DataFrame:
    """Each unit's pagu, realisasi and absorption (%), units sorted.

    ``sumber`` says where the figures come from: the LRA (as the "% realisasi
    anggaran" indicator) or, without an LRA, the programme/activity budget;
    a unit with neither has NaN and ``sumber`` "tidak ada data anggaran".
    """
    rows = []
    for unit in sorted(set(lra) | set(anggaran)):
        lf, af = lra.get(unit), anggaran.get(unit)
        if lf is not None and len(lf):
            a = realisasi_anggaran(lf)
            rows.append({"unit": unit, "pagu": a.anggaran, "realisasi": a.realisasi,
                         "persen": a.persen, "sumber": f"LRA: {a.sumber}"})
        elif af is not None and len(af):
            t = budget_totals(af)
            rows.append({"unit": unit, "pagu": t.pagu, "realisasi": t.realisasi,
                         "persen": t.persen, "sumber": f"anggaran: {t.sumber}"})
        else:
            rows.append({"unit": unit, "pagu": math.nan, "realisasi": math.nan, "persen": math.nan,
                         "sumber": "tidak ada data anggaran"})
    out = pd.DataFrame(rows, columns=list(BUDGET_COLUMNS))
    for c in ("pagu", "realisasi", "persen"):
        out[c] = out[c].astype(float)
    return out


def budget_consolidated(per_unit: pd.DataFrame) -> BudgetTotal:
    """Sum of ``pagu`` and ``realisasi`` over the units that have both, and
    the percentage of the sums. Units without figures are named in ``catatan``.

    Sums are exact for rupiah amounts held as floats (integers below 2**53).
    """
    have = per_unit["pagu"].notna() & per_unit["realisasi"].notna()
    notes = [f"{u}: tidak ada data anggaran; tidak ikut dijumlahkan."
             for u in per_unit.loc[~have, "unit"]]
    if "sumber" in per_unit.columns:
        kinds = sorted({str(s).split(":")[0] for s in per_unit.loc[have, "sumber"]})
        if len(kinds) > 1:
            notes.append("Sumber angka anggaran berbeda antarunit (" + ", ".join(kinds)
                         + "); lihat kolom sumber.")
    pagu = math.fsum(per_unit.loc[have, "pagu"].astype(float))
    real = math.fsum(per_unit.loc[have, "realisasi"].astype(float))
    n = int(have.sum())
    return BudgetTotal(pagu if n else math.nan, real if n else math.nan,
                       safe_pct(real, pagu) if n else math.nan, n, notes)


def _count_left(pegawai: pd.DataFrame, year: int) -> int:
    # in post at the end of last year and not at the end of this one: left during the year
    return int((in_post_at_year_end(pegawai, year - 1) & ~in_post_at_year_end(pegawai, year)).sum())


def _count_came(pegawai: pd.DataFrame, year: int) -> int:
    return int((~in_post_at_year_end(pegawai, year - 1) & in_post_at_year_end(pegawai, year)).sum())


def staff_per_unit(current: Mapping[str, pd.DataFrame | None],
                   previous: Mapping[str, pd.DataFrame | None], year: int) -> pd.DataFrame:
    """Staff figures of ``year`` per unit (sorted), from its ``pegawai`` frames.

    ``pegawai_akhir_tahun``: in post on 31 December; ``pegawai_keluar`` /
    ``pegawai_masuk``: in post at the end of last year and not at the end of
    this one / the reverse (the data contract keeps a leaver's row with its
    ``selesai`` date); ``jabatan_kosong``: structural posts vacant at least
    one month; ``bulan_jabatan_kosong``: position-months vacant; ``ip_asn``
    and ``ip_asn_tahun_lalu``: the IP ASN means; ``perubahan_ip_asn``.
    """
    year = int(year)
    rows = []
    for unit in sorted(set(current) | set(previous)):
        cur, prev = current.get(unit), previous.get(unit)
        notes = []
        row = {"unit": unit, "pegawai_akhir_tahun": pd.NA, "pegawai_keluar": pd.NA,
               "pegawai_masuk": pd.NA, "jabatan_kosong": pd.NA, "bulan_jabatan_kosong": pd.NA,
               "ip_asn": math.nan, "ip_asn_tahun_lalu": math.nan}
        if cur is not None and len(cur):
            row["pegawai_akhir_tahun"] = int(in_post_at_year_end(cur, year).sum())
            row["pegawai_keluar"] = _count_left(cur, year)
            row["pegawai_masuk"] = _count_came(cur, year)
            vac = vacancy_by_month(cur, year, prev)
            if len(vac.per_jabatan):
                row["jabatan_kosong"] = int((vac.per_jabatan["bulan_kosong"] > 0).sum())
                row["bulan_jabatan_kosong"] = vac.bulan_kosong
            notes.extend(vac.catatan)
            row["ip_asn"] = ipasn_summary(cur).nilai
        else:
            notes.append(f"data pegawai tahun {year} tidak ada")
        if prev is not None and len(prev):
            row["ip_asn_tahun_lalu"] = ipasn_summary(prev).nilai
        else:
            notes.append(f"data pegawai tahun {year - 1} tidak ada: perubahan IP ASN tidak dihitung")
        row["catatan"] = "; ".join(notes)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[c for c in STAFF_COLUMNS if c != "perubahan_ip_asn"])
    for c in ("pegawai_akhir_tahun", "pegawai_keluar", "pegawai_masuk", "jabatan_kosong",
              "bulan_jabatan_kosong"):
        out[c] = out[c].astype("Int64")
    for c in ("ip_asn", "ip_asn_tahun_lalu"):
        out[c] = out[c].astype(float)
    out["perubahan_ip_asn"] = out["ip_asn"] - out["ip_asn_tahun_lalu"]
    return out[list(STAFF_COLUMNS)]


def factors_table(sakip: pd.DataFrame, budget: pd.DataFrame, staff: pd.DataFrame) -> pd.DataFrame:
    """One row per unit: ``perubahan_sakip``, ``turun`` and every factor of
    :data:`FACTORS` (the data of the scatter plots), units sorted."""
    out = sakip[["unit", "perubahan_sakip", "turun"]].copy()
    b = budget[["unit", "persen"]].rename(columns={"persen": "realisasi_anggaran_pct"})
    s = staff[["unit", "bulan_jabatan_kosong", "pegawai_keluar", "ip_asn", "perubahan_ip_asn"]]
    out = out.merge(b, on="unit", how="left").merge(s, on="unit", how="left")
    for c in FACTORS:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    return out.sort_values("unit", kind="stable").reset_index(drop=True)


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def caution_text(n: int) -> str:
    """The caution printed with every correlation, in Bahasa Indonesia.

    >>> "bukan bukti" in caution_text(4), "bukan bukti" in caution_text(30)
    (True, False)
    """
    text = CAUTION
    if n < MIN_UNITS_FOR_EVIDENCE:
        text += (f" Dengan hanya {n} unit, koefisien korelasi ini bahkan bukan bukti bahwa "
                 "kedua angka bergerak bersama: satu unit saja dapat membalik tandanya.")
    return text


def correlations(factors: pd.DataFrame, target: str = "perubahan_sakip") -> pd.DataFrame:
    """Per factor: ``n`` (units with both figures), Pearson ``r`` and
    Spearman ``rho`` (Pearson of average ranks) against ``target``, and
    ``keterangan`` (why a coefficient is missing, or the caution's short form).
    """
    rows = []
    for col, (label, _unit) in FACTORS.items():
        if col not in factors.columns:
            continue
        pair = factors[[col, target]].apply(pd.to_numeric, errors="coerce").dropna()
        x, y = pair[col].to_numpy(float), pair[target].to_numpy(float)
        r = _pearson(x, y)
        rho = _pearson(pair[col].rank().to_numpy(float), pair[target].rank().to_numpy(float))
        n = len(pair)
        if n < 3:
            why = f"hanya {n} unit dengan kedua angka; korelasi tidak dihitung"
        elif math.isnan(r):
            why = "salah satu angka sama di semua unit; korelasi tidak terdefinisi"
        elif n < MIN_UNITS_FOR_EVIDENCE:
            why = f"hanya {n} unit: bukan bukti keterkaitan, apalagi sebab-akibat"
        else:
            why = "keterkaitan, bukan sebab-akibat"
        rows.append({"faktor": col, "nama_faktor": label, "n": n, "r": r, "rho": rho,
                     "keterangan": why})
    return pd.DataFrame(rows, columns=["faktor", "nama_faktor", "n", "r", "rho", "keterangan"])
