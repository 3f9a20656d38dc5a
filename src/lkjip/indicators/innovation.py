"""Innovations: the count of the year's active innovations.

An innovation is active when its ``status`` is blank or ``aktif``
(case-insensitive). With ``year`` given, an innovation decreed after that
year (``tanggal_sk`` later than 31 December) is not counted.

>>> import pandas as pd
>>> df = pd.DataFrame({"nama": ["GAMIS JUBAH", "MANTAP BERDASI", "LAMA"],
...                    "nomor_sk": ["1", "2", "3"],
...                    "tanggal_sk": pd.to_datetime(["2023-01-02", "2023-01-31", "2021-05-01"]),
...                    "status": pd.array([None, "Aktif", "nonaktif"], dtype="string")})
>>> innovation_summary(df, 2023).jumlah
2
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.frames import require_columns

ACTIVE_WORDS = ("", "aktif")


@dataclass(frozen=True)
class InnovationResult:
    """``aktif``: the innovations counted; ``tidak_dihitung``: the rest and why."""

    jumlah: int
    aktif: pd.DataFrame
    tidak_dihitung: pd.DataFrame


def is_active(status: pd.Series) -> pd.Series:
    """Blank or ``aktif`` (any case, spaces ignored)."""
    norm = status.astype("string").str.strip().str.lower().fillna("")
    return norm.isin(ACTIVE_WORDS).astype(bool)


def innovation_summary(inovasi: pd.DataFrame, year: int | None = None) -> InnovationResult:
    """Count the active innovations (decreed no later than ``year``)."""
    require_columns(inovasi, ["nama", "nomor_sk", "tanggal_sk"], "inovasi")
    df = inovasi.copy()
    status = df["status"] if "status" in df.columns else pd.Series(pd.NA, index=df.index,
                                                                   dtype="string")
    active = is_active(status)
    why = pd.Series("", index=df.index, dtype=object)
    why[~active] = "status: " + status[~active].astype("string").fillna("").astype(str)
    if year is not None:
        dates = pd.to_datetime(df["tanggal_sk"], errors="coerce")
        late = dates > pd.Timestamp(year=int(year), month=12, day=31)
        late = late.fillna(False).astype(bool)
        why[late & active] = f"SK terbit setelah tahun {year}"
        active = active & ~late
    counted = df[active].reset_index(drop=True)
    rest = df[~active].copy()
    rest["keterangan"] = why[~active]
    return InnovationResult(int(active.sum()), counted, rest.reset_index(drop=True))
