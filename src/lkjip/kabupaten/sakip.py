"""SAKIP across units: every unit's score both years, and which components drove the drops.

Scores, predicates and the component change come from
:func:`lkjip.sakip_change.decomposition` (itself built on
:func:`lkjip.indicators.sakip.sakip_score`, PermenPAN-RB 88/2021 bands): the total is
computed from the lowest level present each year and the four component
changes add up to the total change. No band or weight is repeated here.

>>> import pandas as pd
>>> from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS
>>> def f(v):
...     return pd.DataFrame({"komponen": list(SAKIP_COMPONENT_WEIGHTS),
...                          "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()), "nilai": v})
>>> t = sakip_table({"a": f([27.03, 25.74, 12.65, 20.71])}, {"a": f([27.45, 25.98, 12.7, 21.3])})
>>> [round(float(t.loc[0, c]), 2) for c in ("sakip_tahun_lalu", "sakip")], t.loc[0, "predikat"]
([87.43, 86.13], 'A')
>>> round(float(t.loc[0, "perubahan_sakip"]), 2), round(float(t.loc[0, "perubahan_evaluasi_internal"]), 2)
(-1.3, -0.59)
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from lkjip.contract.fmt import fmt_number
from lkjip.contract.rules import EPS, SAKIP_COMPONENT_NAMES
from lkjip.indicators.sakip import sakip_score
from lkjip.sakip_change.score_change import decomposition
from lkjip.contract.rules import SAKIP_COMPONENTS

COMPONENTS: tuple[str, ...] = SAKIP_COMPONENTS
#: Column of each component's change in the unit table and the ringkasan.
CHANGE_COLUMNS: dict[str, str] = {k: f"perubahan_{k}" for k in COMPONENTS}

SAKIP_TABLE_COLUMNS: tuple[str, ...] = (
    "unit", "sakip_tahun_lalu", "sakip", "perubahan_sakip", "predikat_tahun_lalu", "predikat",
    *CHANGE_COLUMNS.values(), "turun", "catatan",
)
DRIVER_COLUMNS: tuple[str, ...] = (
    "komponen", "nama_komponen", "jumlah_perubahan", "rata_perubahan", "porsi_penurunan_pct",
    "unit_turun", "unit_naik", "jumlah_unit",
)


def _has_scores(frame: pd.DataFrame | None) -> bool:
    return (frame is not None and len(frame) > 0 and "nilai" in frame.columns
            and bool(pd.to_numeric(frame["nilai"], errors="coerce").notna().any()))


#: Notes of :func:`lkjip.sakip_change.decomposition` that say nothing at the
#: kabupaten level (same weights, rounding, no sub-components). Filtered by
#: what they say rather than kept by a whitelist, so that a reworded warning
#: shows up as an extra note instead of disappearing.
_QUIET_NOTES = ("Bobot semua komponen sama", "Karena pembulatan", "Data tahun")


def _unit_row(unit: str, cur: pd.DataFrame | None, prev: pd.DataFrame | None,
              year: int | None) -> dict:
    row: dict = {"unit": unit, "sakip_tahun_lalu": math.nan, "sakip": math.nan,
                 "perubahan_sakip": math.nan, "predikat_tahun_lalu": None, "predikat": None,
                 **{c: math.nan for c in CHANGE_COLUMNS.values()}, "catatan": ""}
    notes = []
    if _has_scores(prev):
        r = sakip_score(prev)
        row["sakip_tahun_lalu"], row["predikat_tahun_lalu"] = r.nilai, r.predikat
    else:
        notes.append("data evaluasi SAKIP tahun lalu tidak ada")
    if _has_scores(cur):
        r = sakip_score(cur)
        row["sakip"], row["predikat"] = r.nilai, r.predikat
    else:
        notes.append("data evaluasi SAKIP tahun ini tidak ada")
    if not notes:
        dec = decomposition(prev, cur, None if year is None else year - 1, year)
        by = dict(zip(dec.komponen["komponen"], dec.komponen["perubahan"]))
        for k, col in CHANGE_COLUMNS.items():
            row[col] = float(by.get(k, math.nan))
        # the difference of the two totals, so that perubahan = sakip - tahun lalu exactly
        row["perubahan_sakip"] = row["sakip"] - row["sakip_tahun_lalu"]
        notes.extend(n for n in dec.catatan if not n.startswith(_QUIET_NOTES))
    row["catatan"] = "; ".join(notes)
    return row


def sakip_table(current: Mapping[str, pd.DataFrame | None],
                previous: Mapping[str, pd.DataFrame | None],
                year: int | None = None) -> pd.DataFrame:
    """One row per unit (sorted): SAKIP both years, change, predicates, component changes.

    ``current``/``previous`` map a unit to its ``sakip_evaluasi`` frame of
    the report year / the year before (``None`` or absent when missing; the
    row then holds NaN and says why in ``catatan``). ``turun`` is True when
    the total fell (by more than float noise). ``perubahan_sakip`` is exactly
    ``sakip - sakip_tahun_lalu``; the four ``perubahan_<komponen>`` add up
    to it up to float noise.
    """
    units = sorted(set(current) | set(previous))
    rows = [_unit_row(u, current.get(u), previous.get(u), year) for u in units]
    out = pd.DataFrame(rows, columns=[c for c in SAKIP_TABLE_COLUMNS if c != "turun"])
    for c in ("sakip_tahun_lalu", "sakip", "perubahan_sakip", *CHANGE_COLUMNS.values()):
        out[c] = out[c].astype(float)
    out.insert(len(out.columns) - 1, "turun", (out["perubahan_sakip"] < -EPS).astype(bool))
    return out[list(SAKIP_TABLE_COLUMNS)]


def component_drivers(table: pd.DataFrame) -> pd.DataFrame:
    """Which components drove the drops, over the units whose SAKIP fell.

    One row per component (the four, in the regulation's order, then sorted
    by ``jumlah_perubahan``, largest loss first): ``jumlah_perubahan`` (sum
    over the falling units), ``rata_perubahan`` (mean over them; NaN when no
    unit fell), ``porsi_penurunan_pct`` (the sum as a share of the falling
    units' total drop, %; the four shares add up to 100, a component that rose
    in falling units has a negative share), ``unit_turun`` / ``unit_naik``
    (falling units in which the component fell / rose) and ``jumlah_unit``
    (falling units with the component's change known).
    """
    fell = table[table["turun"].astype(bool)]
    total = math.fsum(fell["perubahan_sakip"].dropna())
    rows = []
    for k, col in CHANGE_COLUMNS.items():
        v = fell[col].dropna().astype(float)
        s = math.fsum(v)
        rows.append({
            "komponen": k, "nama_komponen": SAKIP_COMPONENT_NAMES[k],
            "jumlah_perubahan": s,
            "rata_perubahan": s / len(v) if len(v) else math.nan,
            "porsi_penurunan_pct": s / total * 100.0 if total < -EPS else math.nan,
            "unit_turun": int((v < -EPS).sum()), "unit_naik": int((v > EPS).sum()),
            "jumlah_unit": len(v),
        })
    out = pd.DataFrame(rows, columns=list(DRIVER_COLUMNS))
    return out.sort_values("jumlah_perubahan", kind="stable").reset_index(drop=True)


def drivers_text(table: pd.DataFrame, drivers: pd.DataFrame) -> str:
    """One or two sentences in Bahasa Indonesia summing up the drops.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"unit": ["a"], "perubahan_sakip": [0.5], "turun": [False]})
    >>> drivers_text(t, component_drivers(t.assign(**{c: 0.1 for c in CHANGE_COLUMNS.values()})))
    'Tidak ada unit yang nilai SAKIP-nya turun (1 unit dibandingkan).'
    """
    known = table[table["perubahan_sakip"].notna()]
    fell = known[known["turun"].astype(bool)]
    if not len(known):
        return "Tidak ada unit yang nilai SAKIP-nya dapat dibandingkan dengan tahun lalu."
    if not len(fell):
        return f"Tidak ada unit yang nilai SAKIP-nya turun ({len(known)} unit dibandingkan)."
    top = drivers.iloc[0]
    text = (f"Nilai SAKIP turun pada {len(fell)} dari {len(known)} unit, dengan penurunan "
            f"seluruhnya {fmt_number(abs(math.fsum(fell['perubahan_sakip'])))} poin. "
            f"Komponen {top['nama_komponen']} menyumbang penurunan terbesar "
            f"({fmt_number(top['jumlah_perubahan'])} poin")
    if pd.notna(top["porsi_penurunan_pct"]):
        text += f", {fmt_number(top['porsi_penurunan_pct'])}% dari penurunan"
    text += f"; turun pada {int(top['unit_turun'])} dari {len(fell)} unit yang turun)."
    return text
