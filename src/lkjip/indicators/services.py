"""PATEN services: totals per month and per service, share meeting the standard.

The year's total is the sum of the twelve month columns over the service
rows (typed-in JUMLAH rows left out); the printed ``jumlah`` column is only
compared, never used.

>>> import pandas as pd
>>> df = pd.DataFrame({"layanan": ["KK", "KTP", "JUMLAH"], "adalah_total": [False, False, True],
...                    **{m: pd.array([1, 2, 3], dtype="Int64") for m in MONTHS},
...                    "tidak_sesuai_standar": pd.array([1, None, None], dtype="Int64")})
>>> r = service_summary(df)
>>> r.total, r.tidak_sesuai, round(r.persen_sesuai, 4)
(36, 1, 97.2222)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.frames import drop_totals, require_columns, safe_pct, total_rows
from lkjip.contract.schema import MONTH_NAMES, MONTHS


@dataclass(frozen=True)
class ServiceResult:
    """PATEN figures of a year."""

    total: int
    tidak_sesuai: int
    sesuai: int
    persen_sesuai: float
    per_bulan: pd.DataFrame
    per_layanan: pd.DataFrame


def _months(df: pd.DataFrame) -> pd.DataFrame:
    return df[list(MONTHS)].apply(pd.to_numeric, errors="coerce").fillna(0).astype("int64")


def services_by_layanan(paten: pd.DataFrame) -> pd.DataFrame:
    """One row per service: the months, ``jumlah_hitung`` (sum of months),
    ``jumlah_tercetak`` (printed, NaN if absent), ``selisih`` (printed - computed),
    ``tidak_sesuai_standar`` (blank = 0) and ``sesuai_standar``.
    """
    require_columns(paten, ["layanan", *MONTHS], "paten_layanan")
    rows = drop_totals(paten)
    months = _months(rows)
    out = pd.DataFrame({"layanan": rows["layanan"].astype("string")})
    if "baris" in rows.columns:
        out.insert(0, "baris", rows["baris"])
    for m in MONTHS:
        out[m] = months[m]
    out["jumlah_hitung"] = months.sum(axis=1).astype("int64")
    if "jumlah" in rows.columns:
        printed = pd.to_numeric(rows["jumlah"], errors="coerce").astype("Float64")
    else:
        printed = pd.Series(pd.NA, index=rows.index, dtype="Float64")
    out["jumlah_tercetak"] = printed
    out["selisih"] = printed - out["jumlah_hitung"]
    if "tidak_sesuai_standar" in rows.columns:
        bad = pd.to_numeric(rows["tidak_sesuai_standar"], errors="coerce").fillna(0).astype("int64")
    else:
        bad = pd.Series(0, index=rows.index, dtype="int64")
    out["tidak_sesuai_standar"] = bad
    out["sesuai_standar"] = out["jumlah_hitung"] - bad
    return out.reset_index(drop=True)


def services_by_month(paten: pd.DataFrame) -> pd.DataFrame:
    """``bulan, nama_bulan, jumlah`` for the twelve months (service rows only).

    The printed JUMLAH row, when present, is added as ``jumlah_tercetak``.
    """
    require_columns(paten, ["layanan", *MONTHS], "paten_layanan")
    rows = drop_totals(paten)
    sums = _months(rows).sum(axis=0)
    out = pd.DataFrame({
        "bulan": range(1, 13),
        "kode_bulan": list(MONTHS),
        "nama_bulan": list(MONTH_NAMES),
        "jumlah": [int(sums[m]) for m in MONTHS],
    })

    tot = total_rows(paten)
    if len(tot):
        printed = pd.to_numeric(tot.iloc[-1][list(MONTHS)], errors="coerce")
        out["jumlah_tercetak"] = pd.array([printed[m] for m in MONTHS], dtype="Float64")
        out["selisih"] = out["jumlah_tercetak"] - out["jumlah"]
    return out


def service_summary(paten: pd.DataFrame) -> ServiceResult:
    """Total services, services not meeting the standard and % sesuai standar."""
    per_layanan = services_by_layanan(paten)
    total = int(per_layanan["jumlah_hitung"].sum())
    bad = int(per_layanan["tidak_sesuai_standar"].sum())
    return ServiceResult(
        total=total,
        tidak_sesuai=bad,
        sesuai=total - bad,
        persen_sesuai=safe_pct(total - bad, total),
        per_bulan=services_by_month(paten),
        per_layanan=per_layanan,
    )
