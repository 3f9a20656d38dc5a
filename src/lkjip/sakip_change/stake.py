"""Points at stake: each component's gap to its maximum, and realistic what-if scenarios
("component back to last year's level gives +x, total y, predicate z"; never "to its maximum").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from lkjip.sakip_change.score_change import _component_order, _label, decomposition
from lkjip.contract.fmt import fmt_number
from lkjip.contract.rules import EPS, SAKIP_PREDIKAT
from lkjip.indicators.sakip import sakip_predicate

# --------------------------------------------------------------------------
# Points at stake
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class NextPredicate:
    """What the later year's total needs for the next predicate up."""

    predikat_sekarang: str | None
    predikat: str | None
    batas: float
    kebutuhan: float  # the total must rise by MORE than this

    @property
    def ada(self) -> bool:
        return self.predikat is not None


@dataclass(frozen=True)
class PointsAtStake:
    """``celah``: per component, its gap to the maximum and to its earlier
    level; ``skenario``: what-if rows ranked by attainable points
    (skenario, komponen, nama_komponen, tambahan, total, predikat,
    naik_predikat, kalimat); ``berikutnya``: the next predicate up."""

    tahun_awal: int | None
    tahun_akhir: int | None
    nilai_akhir: float
    predikat_akhir: str | None
    celah: pd.DataFrame
    skenario: pd.DataFrame
    berikutnya: NextPredicate


def next_predicate(total: float) -> NextPredicate:
    """The next predicate above ``total`` and the points it needs (strictly more).

    >>> n = next_predicate(86.13)
    >>> n.predikat, n.batas, round(n.kebutuhan, 2)
    ('AA', 90.0, 3.87)
    """
    current = sakip_predicate(total)
    bands = SAKIP_PREDIKAT.bands
    labels = [b.label for b in bands]
    if current is None or current not in labels or labels.index(current) == 0:
        return NextPredicate(current, None, math.nan, math.nan)
    up = bands[labels.index(current) - 1]
    return NextPredicate(current, up.label, up.lower, up.lower - total)


def points_at_stake(before: pd.DataFrame, after: pd.DataFrame, before_year: int | None = None,
                    after_year: int | None = None) -> PointsAtStake:
    """Gaps to the maximum and the what-if table (see :class:`PointsAtStake`)."""
    dec = decomposition(before, after, before_year, after_year)
    y0 = _label(before_year, "sebelumnya")
    comp = dec.komponen[dec.komponen["nilai_akhir"].notna()].copy()
    order = {k: i for i, k in enumerate(_component_order(comp["komponen"]))}
    comp = comp.assign(_o=comp["komponen"].map(order)).sort_values("_o").drop(columns="_o")
    celah = pd.DataFrame({
        "komponen": comp["komponen"], "nama_komponen": comp["nama_komponen"],
        "bobot": comp["bobot"], "nilai_akhir": comp["nilai_akhir"],
        "persen_maks_akhir": comp["persen_maks_akhir"],
        "celah_ke_maks": comp["bobot"] - comp["nilai_akhir"],
        "nilai_awal": comp["nilai_awal"],
        "celah_ke_awal": (comp["nilai_awal"] - comp["nilai_akhir"]).clip(lower=0.0),
    }).reset_index(drop=True)
    total = dec.nilai_akhir
    pred0 = dec.predikat_akhir
    rows = []

    def add(kind: str, key: str | None, name: str, gain: float, text: str) -> None:
        new_total = total + gain
        pred = sakip_predicate(new_total)
        rows.append({"skenario": kind, "komponen": key, "nama_komponen": name, "tambahan": gain,
                     "total": new_total, "predikat": pred, "naik_predikat": pred != pred0,
                     "kalimat": f"{text} memberi +{fmt_number(gain)}, total {fmt_number(new_total)}, "
                                f"predikat {pred or '–'}"})

    for _, r in celah.iterrows():
        if pd.notna(r["celah_ke_awal"]) and r["celah_ke_awal"] > EPS:
            add("kembali_ke_awal", r["komponen"], r["nama_komponen"], float(r["celah_ke_awal"]),
                f"{r['nama_komponen']} kembali ke tingkat {y0} ({fmt_number(r['nilai_awal'])})")
        # no "component at its maximum" scenario: no unit reaches 100% of a component, so it is
        # not a recovery anyone can plan; the gap to the maximum stays in ``celah`` as a fact
    drops = celah[celah["celah_ke_awal"] > EPS]
    if len(drops) > 1:
        add("semua_kembali_ke_awal", None, "Semua komponen yang turun",
            math.fsum(drops["celah_ke_awal"]),
            f"Semua komponen yang turun kembali ke tingkat {y0}")
    cols = ["skenario", "komponen", "nama_komponen", "tambahan", "total", "predikat",
            "naik_predikat", "kalimat"]
    sk = pd.DataFrame(rows, columns=cols)
    if len(sk):
        sk = sk.sort_values("tambahan", ascending=False, kind="stable").reset_index(drop=True)
    return PointsAtStake(before_year, after_year, total, pred0, celah, sk, next_predicate(total))
