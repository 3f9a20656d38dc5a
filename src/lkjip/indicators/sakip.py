"""SAKIP evaluation result (PermenPAN-RB 88/2021): total, predicate, components.

A year's frame may hold component rows only, sub-component rows only, or
both. The total is always computed from the lowest level present: when
sub-components are there, a component's score is the sum of its
sub-components and the component row (the published figure) is kept only
as ``nilai_tercetak`` for cross-checking.

>>> import pandas as pd
>>> from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS as W
>>> df = pd.DataFrame({"komponen": list(W), "subkomponen": pd.array([None] * 4, dtype="string"),
...                    "bobot": list(W.values()), "nilai": [27.03, 25.74, 12.65, 20.71]})
>>> r = sakip_score(df)
>>> round(r.nilai, 2), r.predikat, r.keterangan
(86.13, 'A', 'Memuaskan')
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.frames import require_columns, safe_pct

from lkjip.contract.rules import SAKIP_COMPONENT_NAMES, SAKIP_PREDIKAT, SAKIP_SUBCOMPONENT_NAMES


@dataclass(frozen=True)
class SakipResult:
    """``komponen``: komponen, nama_komponen, bobot, nilai, persen_maks,
    nilai_tercetak (NaN when not published); ``subkomponen``: the same per
    sub-component or ``None``; ``sumber`` says which level the total used."""

    nilai: float
    predikat: str | None
    keterangan: str | None
    komponen: pd.DataFrame
    subkomponen: pd.DataFrame | None
    sumber: str


def sakip_predicate(value: float) -> str | None:
    """The predicate of a SAKIP score ("> lower bound").

    >>> sakip_predicate(80.0), sakip_predicate(80.01), sakip_predicate(90.01)
    ('BB', 'A', 'AA')
    """
    return SAKIP_PREDIKAT.classify(value)


def _order(values: pd.Series, names: dict) -> pd.Series:
    order = {k: i for i, k in enumerate(names)}
    return values.map(lambda k: order.get(k, len(order)))


def _norm(s: pd.Series) -> pd.Series:
    return s.astype("string").str.strip().str.lower().replace("", pd.NA)


def sakip_score(sakip: pd.DataFrame) -> SakipResult:
    """Total, predicate and the component (and sub-component) tables."""
    require_columns(sakip, ["komponen", "bobot", "nilai"], "sakip_evaluasi")
    df = pd.DataFrame({
        "komponen": _norm(sakip["komponen"]),
        "subkomponen": _norm(sakip["subkomponen"]) if "subkomponen" in sakip.columns
        else pd.Series(pd.NA, index=sakip.index, dtype="string"),
        "bobot": pd.to_numeric(sakip["bobot"], errors="coerce").astype(float),
        "nilai": pd.to_numeric(sakip["nilai"], errors="coerce").astype(float),
    })
    subs = df[df["subkomponen"].notna()]
    comps = df[df["subkomponen"].isna()]
    sub_table = None
    if len(subs):
        sub_table = subs.copy()
        sub_table["nama_komponen"] = sub_table["komponen"].map(SAKIP_COMPONENT_NAMES)
        sub_table["nama_subkomponen"] = sub_table["subkomponen"].map(SAKIP_SUBCOMPONENT_NAMES)
        sub_table["persen_maks"] = [safe_pct(n, b) for n, b in zip(sub_table["nilai"], sub_table["bobot"])]
        sub_table = sub_table.assign(
            _k=_order(sub_table["komponen"], SAKIP_COMPONENT_NAMES),
            _s=_order(sub_table["subkomponen"], SAKIP_SUBCOMPONENT_NAMES),
        ).sort_values(["_k", "_s"], kind="stable").drop(columns=["_k", "_s"])
        sub_table = sub_table[["komponen", "nama_komponen", "subkomponen", "nama_subkomponen",
                               "bobot", "nilai", "persen_maks"]].reset_index(drop=True)
        g = subs.groupby("komponen", sort=False)
        table = pd.DataFrame({"bobot": g["bobot"].sum(), "nilai": g["nilai"].sum()}).reset_index()
        printed = comps.groupby("komponen")["nilai"].sum() if len(comps) else pd.Series(dtype=float)
        table["nilai_tercetak"] = table["komponen"].map(printed).astype(float)
        # a component published without sub-components still counts
        extra = comps[~comps["komponen"].isin(table["komponen"])]
        if len(extra):
            add = extra[["komponen", "bobot", "nilai"]].copy()
            add["nilai_tercetak"] = add["nilai"]
            table = pd.concat([table, add], ignore_index=True)
        source = "subkomponen"
    else:
        table = comps[["komponen", "bobot", "nilai"]].copy()
        table["nilai_tercetak"] = table["nilai"]
        source = "komponen"
    table["nama_komponen"] = table["komponen"].map(SAKIP_COMPONENT_NAMES).fillna(table["komponen"])
    table["persen_maks"] = [safe_pct(n, b) for n, b in zip(table["nilai"], table["bobot"])]
    table = table.assign(_k=_order(table["komponen"], SAKIP_COMPONENT_NAMES))
    table = table.sort_values("_k", kind="stable").drop(columns="_k")
    table = table[["komponen", "nama_komponen", "bobot", "nilai", "persen_maks",
                   "nilai_tercetak"]].reset_index(drop=True)
    total = float(table["nilai"].sum(skipna=False)) if len(table) else float("nan")
    return SakipResult(total, sakip_predicate(total), SAKIP_PREDIKAT.describe(total), table,
                       sub_table, source)
