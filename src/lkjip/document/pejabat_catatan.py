"""What an official's signed report (Lampiran 4) says against the rest of the data: quoted, never edited.

- :func:`budget_source`: the row of the unit's budget (``anggaran``) whose pagu is the budget an official
  reports, so that a realisation typed differently in the report (Rp 41.332 where the budget has
  Rp 41.322.000) is noted beside the quoted figure, not turned into a finding;
- :func:`target_differences`: the rows whose target in the capaian table differs from the target of the
  signed Perjanjian Kinerja (90% against 94%); the recomputed capaian uses the PK target, because the PK
  is the agreement the official signed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.contract.fmt import is_missing
from lkjip.contract.rules import matches


@dataclass(frozen=True)
class BudgetSource:
    """A budget line (``anggaran``) with the pagu an official reports."""

    kode: str
    uraian: str
    pagu: float
    realisasi: float

    @property
    def persen(self) -> float:
        return self.realisasi / self.pagu * 100.0 if self.pagu else float("nan")


def budget_source(anggaran: pd.DataFrame | None, pagu: float) -> BudgetSource | None:
    """The budget line whose pagu is ``pagu`` (the deepest one when a kegiatan and its only sub kegiatan
    share it); None when there is none or when lines with that pagu realised different amounts.

    >>> a = pd.DataFrame({"kode": ["7.01.06", "7.01.06.2.01.0002"], "uraian": ["Program", "Fasilitasi"],
    ...                   "pagu": [99.0, 41600000.0], "realisasi": [90.0, 41322000.0]})
    >>> budget_source(a, 41600000.0).uraian
    'Fasilitasi'
    """
    if anggaran is None or not len(anggaran) or is_missing(pagu) or not {"pagu", "realisasi"} <= set(anggaran):
        return None
    rows = anggaran
    if "adalah_total" in rows.columns:
        rows = rows[~rows["adalah_total"].fillna(False).astype(bool)]
    p = pd.to_numeric(rows["pagu"], errors="coerce")
    rows = rows[(p - float(pagu)).abs() < 0.5]
    if not len(rows):
        return None
    real = pd.to_numeric(rows["realisasi"], errors="coerce")
    if real.round(0).nunique() != 1:
        return None
    codes = rows["kode"].astype(str) if "kode" in rows.columns else pd.Series([""] * len(rows), index=rows.index)
    deepest = codes.str.len().idxmax()
    r = rows.loc[deepest]
    return BudgetSource(str(r.get("kode", "")), str(r.get("uraian", "")), float(p[deepest]), float(real[deepest]))


def realisation_differs(printed: float, source: BudgetSource | None) -> bool:
    """Whether the realisation an official printed differs from the budget line's."""
    if source is None or is_missing(printed) or is_missing(source.realisasi):
        return False
    return not matches(float(printed), source.realisasi, decimals=0)


def target_differences(perjanjian: pd.DataFrame, capaian: pd.DataFrame, printed_number) -> list[tuple[str, str, str]]:
    """``(indikator, target PK, target capaian)`` for each row whose two printed targets differ in number
    (``printed_number``: the number in front of a printed target, NaN when there is none).

    >>> pk = pd.DataFrame({"Indikator Kinerja": ["Serapan", "IP ASN"], "Target": ["94%", "85"]})
    >>> cap = pd.DataFrame({"Indikator Kinerja": ["Serapan", "IP ASN"], "Target": ["90%", "85"]})
    >>> target_differences(pk, cap, lambda t: float(t.rstrip("%")))
    [('Serapan', '94%', '90%')]
    """
    out = []
    for (_, a), (_, b) in zip(perjanjian.iterrows(), capaian.iterrows()):
        x, y = printed_number(a["Target"]), printed_number(b["Target"])
        if not (pd.isna(x) or pd.isna(y)) and x != y:
            out.append((str(b["Indikator Kinerja"]), str(a["Target"]), str(b["Target"])))
    return out
