"""The seven key indicators of every unit side by side, from their indicators.csv.

Nothing is recomputed: each unit's ``indicators.csv`` is what its own run
computed and published (realisasi, target, capaian with polarity, capaian
category by Permendagri 86/2017).

>>> import pandas as pd
>>> a = pd.DataFrame({"indikator": ["sakip", "ikm"], "nama": ["S", "I"], "satuan": ["nilai", "indeks"],
...                   "target": [87.5, 94.5], "realisasi": [86.13, 98.31],
...                   "capaian_pct": [98.43, 104.03], "kategori": ["Sangat Tinggi", "Sangat Tinggi"]})
>>> long = indicators_long({"b": a, "a": None})
>>> long[["unit", "indikator"]].values.tolist()
[['b', 'ikm'], ['b', 'sakip']]
>>> long.set_index("indikator").loc["sakip", "kategori"]
'Sangat Tinggi'
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lkjip.indicators.iku import INDICATOR_COLUMNS, capaian_kinerja_unit
from lkjip.contract.rules import CAPAIAN_KATEGORI, INDICATOR_IDS

LONG_COLUMNS: tuple[str, ...] = ("unit", *INDICATOR_COLUMNS)
_NUMERIC = ("target", "realisasi", "capaian_pct")


def _order(ids: pd.Series) -> pd.Series:
    pos = {k: i for i, k in enumerate(INDICATOR_IDS)}
    return ids.map(lambda k: pos.get(k, len(pos)))


def indicators_long(indicators: Mapping[str, pd.DataFrame | None]) -> pd.DataFrame:
    """Every unit's indicators, one row per (unit, indikator), units sorted and
    indicators in the report's order (ids a unit added come after the seven).
    Units without an indicators.csv (``None``) have no rows."""
    parts = []
    for unit in sorted(indicators):
        frame = indicators[unit]
        if frame is None or not len(frame):
            continue
        f = frame.loc[:, list(INDICATOR_COLUMNS)].copy()
        f.insert(0, "unit", unit)
        parts.append(f)
    if not parts:
        return pd.DataFrame(columns=list(LONG_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    for c in _NUMERIC:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    for c in ("indikator", "nama", "satuan", "kategori"):
        out[c] = out[c].astype(object).where(out[c].notna(), None)
    out = out.assign(_o=_order(out["indikator"]))
    out = out.sort_values(["unit", "_o", "indikator"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)


def kategori_counts(long: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, how many units reached each capaian category (the five
    categories as columns, highest first, plus ``tanpa_kategori``)."""
    labels = [b.label for b in CAPAIAN_KATEGORI.bands]
    ids = list(dict.fromkeys(long.sort_values("indikator", key=_order, kind="stable")["indikator"]))
    rows = []
    for i in ids:
        sel = long[long["indikator"] == i]
        cats = sel["kategori"]
        row = {"indikator": i, "nama": sel["nama"].iloc[0]}
        row.update({lab: int((cats == lab).sum()) for lab in labels})
        row["tanpa_kategori"] = int(cats.isna().sum() + (~cats.isna() & ~cats.isin(labels)).sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=["indikator", "nama", *labels, "tanpa_kategori"])


#: Columns of :func:`unit_achievement`.
KINERJA_COLUMNS: tuple[str, ...] = ("unit", "jumlah_iku", "iku_dihitung", "capaian_kinerja_unit", "tidak_dihitung")


def unit_achievement(long: pd.DataFrame, units=None) -> pd.DataFrame:
    """Capaian kinerja unit of every unit: the mean ``capaian_pct`` of the rows of its published
    indicators.csv that have one (:func:`lkjip.indicators.iku.capaian_kinerja_unit`, the rule of the
    unit's own LKjIP), the number of its IKU, of those counted, and the codes left out (no realisation,
    ``n/a``, no target or target 0). ``units``: every unit of the view (a unit without indicators.csv
    gets a row with nothing computed).

    >>> long = pd.DataFrame({"unit": ["a", "a", "b"], "indikator": ["x", "y", "x"],
    ...                      "capaian_pct": [100.0, float("nan"), 90.0]})
    >>> unit_achievement(long, ["a", "b", "c"]).values.tolist()
    [['a', 2, 1, 100.0, 'y'], ['b', 1, 1, 90.0, ''], ['c', 0, 0, nan, '']]
    """
    rows = []
    for unit in sorted(set(long["unit"]) | set(units or ())):
        sel = long[long["unit"] == unit]
        if not len(sel):
            rows.append({"unit": unit, "jumlah_iku": 0, "iku_dihitung": 0, "capaian_kinerja_unit": float("nan"),
                         "tidak_dihitung": ""})
            continue
        got = capaian_kinerja_unit(sel.assign(capaian_pct=pd.to_numeric(sel["capaian_pct"], errors="coerce")))
        rows.append({"unit": unit, "jumlah_iku": int(len(sel)), "iku_dihitung": len(got.dihitung),
                     "capaian_kinerja_unit": got.nilai, "tidak_dihitung": ", ".join(got.tidak_dihitung)})
    out = pd.DataFrame(rows, columns=list(KINERJA_COLUMNS))
    out["capaian_kinerja_unit"] = out["capaian_kinerja_unit"].astype(float)
    return out


def shared_codes(long: pd.DataFrame) -> list[str]:
    """IKU codes that at least two units declare, in the report's order (the seven first).

    >>> long = pd.DataFrame({"unit": ["a", "b", "b"], "indikator": ["sakip", "sakip", "aki"]})
    >>> shared_codes(long)
    ['sakip']
    """
    counts = long.drop_duplicates(["unit", "indikator"]).groupby("indikator")["unit"].nunique()
    ids = list(dict.fromkeys(long.sort_values("indikator", key=_order, kind="stable")["indikator"]))
    return [i for i in ids if counts.get(i, 0) >= 2]


def shared_long(long: pd.DataFrame) -> pd.DataFrame:
    """The rows of IKU that several units share (to be put side by side)."""
    return long[long["indikator"].isin(shared_codes(long))].reset_index(drop=True)


def own_long(long: pd.DataFrame) -> pd.DataFrame:
    """The rows of IKU only one unit declares: each unit's own IKU, one row each, units sorted."""
    return long[~long["indikator"].isin(shared_codes(long))].reset_index(drop=True)
