"""The change between two evaluation worksheets (LKE), criterion by criterion: method vs performance.

Each criterion (same ``kriteria`` id in both years) contributes its score change, split into:

- **metode** (the evaluation changed): a criterion added (+ its new score), removed (- its old
  score) or re-weighted (its old score at the new weight minus its old score:
  ``nilai_awal * bobot_akhir / bobot_awal - nilai_awal``);
- **kinerja** (the unit did better or worse): the same criterion scored differently, at the new
  weight (``nilai_akhir - nilai_awal * bobot_akhir / bobot_awal``).

The two parts add up to the total change exactly: worked with exact fractions of the cell values,
the method part is rounded half-up to the cent of a point once, and the performance part is the
total change minus it (the total change itself is exact in cents, as every score is).
"Completeness without quality" is tested as keberadaan held (performance within a cent of 0, or up)
while kualitas fell.

>>> import pandas as pd
>>> a = pd.DataFrame({"komponen": ["perencanaan"] * 2, "subkomponen": ["keberadaan", "kualitas"],
...                   "kriteria": ["1", "2"], "bobot": [2.0, 3.0], "nilai": [2.0, 2.4]})
>>> b = a.assign(bobot=[2.0, 4.0], nilai=[2.0, 2.8])
>>> c = lke_change(a, b, 2022, 2023)
>>> str(c.perubahan), str(c.metode), str(c.kinerja)
('0.40', '0.80', '-0.40')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd

from lkjip.contract.fmt import fmt_signed
from lkjip.contract.rules import SAKIP_COMPONENT_NAMES, SAKIP_SUBCOMPONENT_NAMES, tolerance

CENT = Decimal("0.01")
SAMA, BOBOT, BARU, DIHAPUS = "sama", "bobot berubah", "baru", "dihapus"


def _exact(value: object) -> Fraction:
    """A score cell as an exact fraction of its decimal text (0.1 is 1/10, not the binary float)."""
    return Fraction(Decimal(str(value)))


def _cents(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LkeChange:
    """``kriteria``: one row per criterion of either year (kriteria, komponen, subkomponen, uraian,
    bobot_awal, bobot_akhir, nilai_awal, nilai_akhir, jenis, metode, kinerja, perubahan; floats for
    tables); ``perubahan``/``metode``/``kinerja``: the totals in cents (``metode + kinerja ==
    perubahan`` exactly); ``per_subkomponen``: the performance part per sub-component."""

    tahun_awal: int
    tahun_akhir: int
    kriteria: pd.DataFrame
    perubahan: Decimal
    metode: Decimal
    kinerja: Decimal
    per_subkomponen: dict[str, Decimal]

    @property
    def kelengkapan_tanpa_kualitas(self) -> bool | None:
        """keberadaan held while kualitas fell; None when either is not in both worksheets."""
        k = self.per_subkomponen
        if "keberadaan" not in k or "kualitas" not in k:
            return None
        return k["keberadaan"] >= -CENT / 2 and k["kualitas"] < -CENT / 2


def lke_change(before: pd.DataFrame, after: pd.DataFrame, before_year: int, after_year: int) -> LkeChange:
    """The change from ``before`` to ``after`` (each: one year's worksheet rows)."""
    a = {str(r["kriteria"]): r for _, r in before.iterrows()}
    b = {str(r["kriteria"]): r for _, r in after.iterrows()}
    rows = []
    method_total, total = Fraction(0), Fraction(0)
    perf_sub: dict[str, Fraction] = {}
    for key in [*a, *(k for k in b if k not in a)]:
        ra, rb = a.get(key), b.get(key)
        n0 = _exact(ra["nilai"]) if ra is not None else Fraction(0)
        n1 = _exact(rb["nilai"]) if rb is not None else Fraction(0)
        if ra is None:
            kind, method = BARU, n1
        elif rb is None:
            kind, method = DIHAPUS, -n0
        else:
            b0, b1 = _exact(ra["bobot"]), _exact(rb["bobot"])
            kind = SAMA if b0 == b1 else BOBOT
            method = n0 * b1 / b0 - n0
        perf = (n1 - n0) - method
        method_total += method
        total += n1 - n0
        src = rb if rb is not None else ra
        sub = src.get("subkomponen")
        if ra is not None and rb is not None and isinstance(sub, str):
            perf_sub[sub] = perf_sub.get(sub, Fraction(0)) + perf
        rows.append({"kriteria": key, "komponen": src.get("komponen"), "subkomponen": sub,
                     "uraian": src.get("uraian"),
                     "bobot_awal": float(ra["bobot"]) if ra is not None else float("nan"),
                     "bobot_akhir": float(rb["bobot"]) if rb is not None else float("nan"),
                     "nilai_awal": float(n0) if ra is not None else float("nan"),
                     "nilai_akhir": float(n1) if rb is not None else float("nan"),
                     "jenis": kind, "metode": float(method), "kinerja": float(perf),
                     "perubahan": float(n1 - n0)})
    change = _cents(total)
    method_c = _cents(method_total)
    frame = pd.DataFrame(rows)
    if len(frame):
        frame = frame.assign(_l=frame["metode"] + frame["kinerja"]).sort_values(
            "_l", kind="stable").drop(columns="_l").reset_index(drop=True)
    return LkeChange(int(before_year), int(after_year), frame, change, method_c, change - method_c,
                     {k: _cents(v) for k, v in perf_sub.items()})


def lke_sentences(c: LkeChange, top: int = 3) -> list[str]:
    """Plain sentences: the split, the criteria that lost most, completeness without quality."""
    out = [f"Menurut lembar kerja evaluasi (LKE), perubahan {fmt_signed(float(c.perubahan))} poin terdiri "
           f"atas {fmt_signed(float(c.metode))} poin karena cara penilaian berubah (kriteria baru, dihapus "
           f"atau bobotnya berubah) dan {fmt_signed(float(c.kinerja))} poin karena nilai kriteria yang "
           "sama berubah."]
    lost = c.kriteria[(c.kriteria["metode"] + c.kriteria["kinerja"]) < -tolerance(2)].head(top)
    if len(lost):
        out.append("Kriteria yang paling banyak kehilangan nilai: " + "; ".join(
            f"{r['kriteria']} {r['uraian'] or ''} ({SAKIP_COMPONENT_NAMES.get(r['komponen'], r['komponen'])}, "
            f"{r['jenis']}, {fmt_signed(r['metode'] + r['kinerja'])})".replace("  ", " ")
            for _, r in lost.iterrows()) + ".")
    flag = c.kelengkapan_tanpa_kualitas
    if flag is not None:
        k = c.per_subkomponen
        names = SAKIP_SUBCOMPONENT_NAMES
        out.append(f"Pada kriteria yang sama, {names['keberadaan'].lower()} {fmt_signed(float(k['keberadaan']))} "
                   f"dan {names['kualitas'].lower()} {fmt_signed(float(k['kualitas']))} poin: "
                   + ("dokumen tetap lengkap tetapi mutunya dinilai lebih rendah." if flag else
                      "tidak sesuai dengan pola dokumen lengkap tetapi kurang bermutu."))
    return out
