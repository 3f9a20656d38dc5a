"""Bab II: Tabel 2.1 (Renstra targets), 2.2 (PK), 2.3 (PK Perubahan, when present).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from lkjip.document import bab3a as _tables
from lkjip.document.display import _blank_repeats
from lkjip.contract.rules import INDICATOR_IDS, get_indicator
from lkjip.indicators.targets import normalize_targets

# --------------------------------------------------------------------------- Bab II

def _targets_of(targets: pd.DataFrame | None, dokumen: str) -> pd.DataFrame:
    if targets is None or not len(targets):
        return pd.DataFrame(columns=["indikator", "dokumen", "tahun", "target"])
    t = normalize_targets(targets)
    return t[t["dokumen"] == dokumen]


def tabel_2_1(targets: pd.DataFrame | None, dokumen: str = "renstra") -> pd.DataFrame | None:
    """Renstra targets by year for the seven indicators (``None`` without any)."""
    t = _targets_of(targets, dokumen)
    if not len(t):
        return None
    years = sorted(int(y) for y in t["tahun"].dropna().unique())
    rows = []
    for i, ind in enumerate(INDICATOR_IDS, start=1):
        part = t[t["indikator"] == ind]
        if not len(part) and dokumen != "renstra":
            continue
        info = get_indicator(ind)
        row = {"No": i, "Indikator Kinerja": info.nama, "Satuan": info.satuan}
        for y in years:
            v = part.loc[part["tahun"] == y, "target"]
            row[str(y)] = float(v.iloc[-1]) if len(v) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=["No", "Indikator Kinerja", "Satuan"] + [str(y) for y in years])


def tabel_pk(targets: pd.DataFrame | None, year: int, unit: Any,
             dokumen: str = "pk") -> pd.DataFrame | None:
    """Tabel 2.2 (``pk``) or 2.3 (``pk_perubahan``): targets of ``year``, grouped by sasaran."""
    t = _targets_of(targets, dokumen)
    t = t[t["tahun"] == int(year)]
    if not len(t):
        return None
    value = {r["indikator"]: float(r["target"]) for _, r in t.iterrows()}
    ids = [i for i in INDICATOR_IDS if i in value] + sorted(set(value) - set(INDICATOR_IDS))
    rows = []
    for no, sasaran, ind in _tables.sasaran_groups(ids, unit):
        nama = get_indicator(ind).nama if ind in INDICATOR_IDS else ind
        satuan = get_indicator(ind).satuan if ind in INDICATOR_IDS else ""
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja": nama,
                     "Target": value[ind], "Satuan": satuan})
    return _blank_repeats(pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja",
                                                      "Target", "Satuan"]))
