"""IKM of a kabupaten from its units' surveys, two ways, each labelled.

PermenPAN-RB 14/2017 computes an IKM from the answers of respondents: the
NRR of an unsur is the sum of its answers over the number of answers to it.
Consolidated over units, that is the **pooled** IKM: every respondent of
every unit in one survey (:func:`lkjip.indicators.ikm.compute_ikm` on the pooled
answers, so the rule and its handling of blank answers live once). It equals
weighting each unit's NRR of an unsur by the number of *answers to that
unsur* (not by its respondents: a blank answer counts for nothing).

Real reports often print the **mean of the units' IKM** instead (e.g. the
Jakarta Barat LKIP 2021: "IKM Kota = 724,96 : 8 = 90,62"); it weights a unit
of 50 respondents like one of 5.000. Both are given, with what they are.

>>> import pandas as pd
>>> big = pd.DataFrame({f"u{i}": pd.array([4, 4, 4], dtype="Int64") for i in range(1, 10)})
>>> small = pd.DataFrame({f"u{i}": pd.array([2], dtype="Int64") for i in range(1, 10)})
>>> k = ikm_consolidated({"a": big, "b": small})
>>> round(k.gabungan, 9), round(k.rata_rata_unit, 9), k.responden
(87.5, 75.0, 4)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from lkjip.errors import DataError
from lkjip.contract.fmt import fmt_int, fmt_number
from lkjip.indicators.ikm import compute_ikm, nrr_per_unsur, resolve_weight
from lkjip.contract.rules import IKM_MUTU
from lkjip.contract.schema import UNSUR

LABEL_POOLED = "IKM gabungan (seluruh responden semua unit, PermenPAN-RB 14/2017)"
LABEL_MEAN = "Rata-rata IKM unit (tiap unit berbobot sama)"

PER_UNIT_COLUMNS = ("unit", "responden", "ikm", "mutu", "catatan")


@dataclass(frozen=True)
class IkmConsolidated:
    """``gabungan``: IKM x 25 from the pooled answers; ``rata_rata_unit``:
    the plain mean of the units' IKM x 25; ``per_unit``: :func:`ikm_per_unit`;
    ``unsur``: the pooled NRR per unsur (``jumlah_nilai``, ``jumlah_jawaban``,
    ``nrr`` ... as :func:`lkjip.indicators.ikm.nrr_per_unsur`); ``catatan``: units left
    out and why."""

    gabungan: float
    mutu_gabungan: str | None
    rata_rata_unit: float
    mutu_rata_rata: str | None
    responden: int
    jumlah_unit: int
    bobot_label: str
    per_unit: pd.DataFrame
    unsur: pd.DataFrame
    catatan: list[str] = field(default_factory=list)

    def tabel(self) -> pd.DataFrame:
        """The two figures side by side, labelled (for a report table)."""
        return pd.DataFrame([
            {"ukuran": LABEL_POOLED, "nilai": self.gabungan, "mutu": self.mutu_gabungan,
             "cara_hitung": (f"NRR tiap unsur dari {fmt_int(self.responden)} responden "
                             f"{self.jumlah_unit} unit digabung, lalu IKM x 25")},
            {"ukuran": LABEL_MEAN, "nilai": self.rata_rata_unit, "mutu": self.mutu_rata_rata,
             "cara_hitung": f"jumlah IKM {self.jumlah_unit} unit dibagi {self.jumlah_unit}"},
        ])

    def selisih_text(self) -> str:
        """A sentence on how far the two figures lie apart."""
        if math.isnan(self.gabungan) or math.isnan(self.rata_rata_unit):
            return "IKM gabungan tidak dapat dihitung: tidak ada unit dengan data survei."
        d = self.gabungan - self.rata_rata_unit
        return (f"IKM gabungan {fmt_number(self.gabungan)} dan rata-rata IKM unit "
                f"{fmt_number(self.rata_rata_unit)} berbeda {fmt_number(abs(d))} poin; laporan yang "
                "mencetak salah satunya perlu menyebut cara hitungnya.")


def _has_survey(frame: pd.DataFrame | None) -> bool:
    return frame is not None and len(frame) > 0


def ikm_per_unit(surveys: Mapping[str, pd.DataFrame | None], weight: str | float = "exact") -> pd.DataFrame:
    """Each unit's IKM x 25 by :func:`lkjip.indicators.ikm.compute_ikm`, units sorted.

    A unit without survey data has ``responden`` and ``ikm`` missing (``<NA>``
    / NaN) and says so in ``catatan``.
    """
    rows = []
    for unit in sorted(surveys):
        s = surveys[unit]
        if not _has_survey(s):
            rows.append({"unit": unit, "responden": pd.NA, "ikm": math.nan, "mutu": None,
                         "catatan": "tidak ada data survei IKM"})
            continue
        try:
            r = compute_ikm(s, weight)
        except DataError as exc:  # name the unit: every unit's file is called ikm_survei
            raise DataError(f"{unit}/{exc.file}", exc.row, exc.column, exc.rule, exc.value) from None
        rows.append({"unit": unit, "responden": r.responden, "ikm": r.ikm_x25, "mutu": r.mutu,
                     "catatan": ""})
    out = pd.DataFrame(rows, columns=list(PER_UNIT_COLUMNS))
    out["responden"] = out["responden"].astype("Int64")
    out["ikm"] = out["ikm"].astype(float)
    return out


def ikm_mean_of_units(values: pd.Series | list[float]) -> float:
    """The plain mean of units' IKM figures (missing ones left out).

    >>> ikm_mean_of_units([88.17, 89.07, float("nan")])
    88.62
    """
    v = pd.to_numeric(pd.Series(values, dtype=float), errors="coerce").dropna()
    return math.fsum(v) / len(v) if len(v) else math.nan


def ikm_consolidated(surveys: Mapping[str, pd.DataFrame | None],
                     weight: str | float = "exact") -> IkmConsolidated:
    """Pooled IKM and the mean of the units' IKM (see the module docstring)."""
    per_unit = ikm_per_unit(surveys, weight)
    present = [u for u in sorted(surveys) if _has_survey(surveys[u])]
    notes = [f"{u}: tidak ada data survei IKM; unit ini tidak ikut dalam kedua angka IKM."
             for u in sorted(surveys) if u not in present]
    if present:
        pooled = pd.concat([surveys[u][list(UNSUR)] for u in present], ignore_index=True)
        res = compute_ikm(pooled, weight)
        unsur = nrr_per_unsur(pooled, weight)
        gab, label, n = res.ikm_x25, res.bobot_label, res.responden
    else:
        gab, label, n = math.nan, resolve_weight(weight)[1], 0
        unsur = pd.DataFrame(columns=["unsur", "nama_unsur", "jumlah_nilai", "jumlah_jawaban",
                                      "nrr", "nrr_x25", "nrr_tertimbang"])
    mean = ikm_mean_of_units(per_unit["ikm"])
    return IkmConsolidated(gab, IKM_MUTU.classify(gab), mean, IKM_MUTU.classify(mean), int(n),
                           len(present), label, per_unit, unsur, notes)
