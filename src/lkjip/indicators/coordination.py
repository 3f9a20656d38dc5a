"""Coordination recap: % of facilitations that were followed up.

% ditindaklanjuti = sum of ``tindak_lanjut`` / sum of ``fasilitasi`` x 100,
over the facilitation lines (typed-in JUMLAH rows left out).

>>> import pandas as pd
>>> df = pd.DataFrame({"uraian": ["ADD", "DD", "Jumlah"], "seksi": ["Pem", "Pem", None],
...                    "fasilitasi": pd.array([28, 42, 70], dtype="Int64"),
...                    "tindak_lanjut": pd.array([28, 35, 63], dtype="Int64"),
...                    "adalah_total": [False, False, True]})
>>> coordination_summary(df).persen
90.0
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.frames import drop_totals, require_columns, safe_pct


@dataclass(frozen=True)
class CoordinationResult:
    fasilitasi: int
    tindak_lanjut: int
    persen: float
    per_seksi: pd.DataFrame


def _counts(df: pd.DataFrame, col: str) -> pd.Series:
    return pd.to_numeric(df[col], errors="coerce").fillna(0).astype("int64")


def coordination_by_seksi(koordinasi: pd.DataFrame) -> pd.DataFrame:
    """``seksi, jumlah_uraian, fasilitasi, tindak_lanjut, persen`` per section,
    in order of first appearance; a blank section is ``"(tanpa seksi)"``.
    """
    require_columns(koordinasi, ["uraian", "seksi", "fasilitasi", "tindak_lanjut"], "koordinasi")
    rows = drop_totals(koordinasi)
    frame = pd.DataFrame({
        "seksi": rows["seksi"].astype("string").str.strip().fillna("(tanpa seksi)"),
        "fasilitasi": _counts(rows, "fasilitasi"),
        "tindak_lanjut": _counts(rows, "tindak_lanjut"),
    })
    g = frame.groupby("seksi", sort=False)
    out = pd.DataFrame({
        "jumlah_uraian": g.size(),
        "fasilitasi": g["fasilitasi"].sum(),
        "tindak_lanjut": g["tindak_lanjut"].sum(),
    }).reset_index()
    out["persen"] = [safe_pct(t, f) for t, f in zip(out["tindak_lanjut"], out["fasilitasi"])]
    return out


def coordination_summary(koordinasi: pd.DataFrame) -> CoordinationResult:
    """Totals over all lines and the per-section table."""
    per = coordination_by_seksi(koordinasi)
    fas = int(per["fasilitasi"].sum())
    tl = int(per["tindak_lanjut"].sum())
    return CoordinationResult(fas, tl, safe_pct(tl, fas), per)
