"""Materiality of a difference: its share of the total the figure belongs to.

An auditor ranks findings by how much they matter, not by their raw size: a gap's share of the
total it belongs to says how much (Rp 40 juta in a planning table of Rp 13 miliar is 0,3%). The total a rupiah figure belongs
to is the largest figure of the same family (the part of its id before ``:``) and year in the
audit, which is the family's total (the top account of the LRA, the whole budget, the
programme row of a planning table); an index or a percentage belongs to itself (the
difference relative to the larger of the two figures). Counts likewise.

>>> import pandas as pd
>>> f = pd.DataFrame({"indikator": ["pagu:7", "pagu:7.01", "tc27_pagu:7", "tc27_pagu:7.01"],
...                   "tahun": [2023] * 4, "dipublikasikan": [1000.0, 940.0, 100000.0, 50000.0],
...                   "dihitung": [1000.0, 900.0, 100000.0, 40000.0], "selisih": [0.0, 40.0, 0.0, 10000.0]})
>>> [round(x, 3) for x in share_of_total(f, f)]
[0.0, 0.04, 0.0, 0.1]
"""

from __future__ import annotations

import math

import pandas as pd

from lkjip.audit.labels import kind_of


def _family(ind: object) -> str:
    return str(ind or "").split(":", 1)[0]


def share_of_total(rows: pd.DataFrame, full: pd.DataFrame) -> list[float]:
    """For each row of ``rows`` (audit rows), ``|selisih|`` as a share of its total (see the module);
    ``full`` is the whole audit frame the totals are taken from."""
    totals: dict[tuple[str, object], float] = {}
    for ind, tahun, pub, comp in zip(full["indikator"], full["tahun"], full["dipublikasikan"], full["dihitung"]):
        key = (_family(ind), tahun)
        for v in (pub, comp):
            try:
                v = abs(float(v))
            except (TypeError, ValueError):
                continue
            if not math.isnan(v) and v > totals.get(key, 0.0):
                totals[key] = v
    out = []
    for ind, ds, tahun, pub, comp, diff in zip(rows["indikator"], rows.get("dataset", [None] * len(rows)),
                                               rows["tahun"], rows["dipublikasikan"], rows["dihitung"],
                                               rows["selisih"]):
        d = abs(float(diff)) if diff is not None and not pd.isna(diff) else math.nan
        if kind_of(ind, ds) == "rupiah" and not pd.isna(ind):
            base = totals.get((_family(ind), tahun), math.nan)
        else:
            vals = [abs(float(v)) for v in (pub, comp) if v is not None and not pd.isna(v)]
            base = max(vals) if vals else math.nan
        out.append(d / base if base and not math.isnan(base) and not math.isnan(d) else (0.0 if d == 0 else d))
    return out
