"""Bab II: Tabel 2.1 (Renstra targets), 2.2 (PK), 2.3 (PK Perubahan, when present).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from lkjip.document import bab3a as _tables
from lkjip.document.display import _blank_repeats
from lkjip.indicators.declared import default_declaration
from lkjip.indicators.targets import in_force, normalize_targets

# --------------------------------------------------------------------------- Bab II

def _targets_of(targets: pd.DataFrame | None, dokumen: str, year: int | None = None) -> pd.DataFrame:
    if targets is None or not len(targets):
        return pd.DataFrame(columns=["indikator", "dokumen", "tahun", "target"])
    t = in_force(normalize_targets(targets), year)
    return t[t["dokumen"] == dokumen]


def tabel_2_1(targets: pd.DataFrame | None, dokumen: str = "renstra", iku=None,
              year: int | None = None) -> pd.DataFrame | None:
    """Renstra targets by year for the unit's IKU (``iku``, default the seven kecamatan IKU; ``None``
    without any target, or when the document was adopted after the report ``year``)."""
    t = _targets_of(targets, dokumen, year)
    if not len(t):
        return None
    years = sorted(int(y) for y in t["tahun"].dropna().unique())
    rows = []
    for i, ind in enumerate(_declared(iku), start=1):
        part = t[t["indikator"] == ind.kode]
        if not len(part) and dokumen != "renstra":
            continue
        row = {"No": i, "Indikator Kinerja": ind.nama, "Satuan": ind.satuan}
        for y in years:
            v = part.loc[part["tahun"] == y, "target"]
            row[str(y)] = float(v.iloc[-1]) if len(v) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=["No", "Indikator Kinerja", "Satuan"] + [str(y) for y in years])


def _declared(iku) -> tuple:
    return tuple(default_declaration() if iku is None else iku)


def tabel_pk(targets: pd.DataFrame | None, year: int, unit: Any,
             dokumen: str = "pk", iku=None) -> pd.DataFrame | None:
    """Tabel 2.2 (``pk``) or 2.3 (``pk_perubahan``): targets of ``year``, grouped by sasaran; names and
    units of the declared ``iku`` (default the seven kecamatan IKU)."""
    t = _targets_of(targets, dokumen)
    t = t[t["tahun"] == int(year)]
    if not len(t):
        return None
    value = {r["indikator"]: float(r["target"]) for _, r in t.iterrows()}
    info = {i.kode: i for i in _declared(iku)}
    ids = [i for i in info if i in value] + sorted(set(value) - set(info))
    rows = []
    for no, sasaran, ind in _tables.sasaran_groups(ids, unit):
        nama = info[ind].nama if ind in info else ind
        satuan = info[ind].satuan if ind in info else ""
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja": nama,
                     "Target": value[ind], "Satuan": satuan})
    return _blank_repeats(pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja",
                                                      "Target", "Satuan"]))
