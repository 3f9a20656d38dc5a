"""Frame helpers shared by the indicator modules: totals apart, required columns, safe percentages."""

from __future__ import annotations

import pandas as pd

from lkjip.errors import DataError


def drop_totals(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not typed-in totals (``adalah_total`` False or absent).

    >>> df = pd.DataFrame({"uraian": ["a", "JUMLAH"], "adalah_total": [False, True]})
    >>> list(drop_totals(df)["uraian"])
    ['a']
    """
    if "adalah_total" not in df.columns:
        return df.copy()
    mask = df["adalah_total"].fillna(False).astype(bool)
    return df.loc[~mask].copy()


def total_rows(df: pd.DataFrame) -> pd.DataFrame:
    """The typed-in total rows (for cross-checks only)."""
    if "adalah_total" not in df.columns:
        return df.iloc[0:0].copy()
    return df.loc[df["adalah_total"].fillna(False).astype(bool)].copy()


def require_columns(df: pd.DataFrame, columns, dataset: str) -> None:
    """Raise :class:`lkjip.errors.DataError` naming the first missing column."""
    for c in columns:
        if c not in df.columns:
            raise DataError(dataset, None, c, "kolom wajib tidak ada")


def safe_pct(part: float, whole: float) -> float:
    """``part / whole x 100``; NaN when ``whole`` is 0 or missing.

    >>> safe_pct(1, 4)
    25.0
    >>> import math; math.isnan(safe_pct(1, 0))
    True
    """
    if whole is None or part is None or pd.isna(whole) or pd.isna(part) or whole == 0:
        return float("nan")
    return float(part) / float(whole) * 100.0
