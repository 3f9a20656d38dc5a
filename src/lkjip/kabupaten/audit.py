"""Cross-unit audit: which units' published figures disagree with their data,
and whether a printed kabupaten aggregate agrees with its units.

- :func:`audit_overview` and :func:`largest_differences` read each unit's
  ``audit.csv`` (written by :mod:`lkjip.audit`): how many comparisons, how
  many ``selisih``, and the largest differences;
- :func:`check_aggregate` compares a printed aggregate (a city's IKM, a total
  budget) with the value recomputed from its units, by the audit's tolerance
  rule: a printed figure carries only the decimals it was printed with, so it
  agrees when ``|printed - computed| <= half a unit of its last decimal``
  (:func:`lkjip.audit.tolerance`; decimals read from the printed text when
  given as text, see :func:`lkjip.audit.decimals_of_text`).

>>> check_aggregate("IKM kota", "90,62", 724.97 / 8).status
'sesuai'
>>> c = check_aggregate("IKM kota", "90,67", 724.97 / 8)
>>> c.status, round(c.selisih, 5), c.toleransi * 100  # half a unit of the second decimal
('selisih', 0.04875, 0.5)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from lkjip.audit import (
    FAMILY_CROSS,
    FAMILY_INTERNAL,
    FAMILY_PUBLISHED,
    SELISIH,
    SESUAI,
)
from lkjip.contract.rules.printed import check_total, decimals_of, decimals_of_text
from lkjip.contract.indonum import NumberFormatError, parse_number

FAMILY_COLUMNS = {FAMILY_INTERNAL: "selisih_dalam_dataset", FAMILY_CROSS: "selisih_antar_dataset",
                  FAMILY_PUBLISHED: "selisih_publikasi"}
OVERVIEW_COLUMNS = ("unit", "ada_audit", "diperiksa", "sesuai", "selisih", *FAMILY_COLUMNS.values())
DIFF_COLUMNS = ("unit", "pemeriksaan", "dataset", "item", "dipublikasikan", "dihitung", "selisih",
                "selisih_relatif_pct")
AGGREGATE_COLUMNS = ("item", "dipublikasikan", "dihitung", "selisih", "toleransi", "status", "sumber")


def audit_overview(audits: Mapping[str, pd.DataFrame | None]) -> pd.DataFrame:
    """One row per unit (sorted): comparisons made, ``sesuai``, ``selisih``
    and the ``selisih`` per check family. A unit without audit.csv has
    ``ada_audit`` False and missing counts."""
    rows = []
    for unit in sorted(audits):
        a = audits[unit]
        if a is None:
            rows.append({"unit": unit, "ada_audit": False})
            continue
        status = a["status"].astype(str)
        # a printed figure the data cannot recompute has a row too, but was not compared
        row = {"unit": unit, "ada_audit": True, "diperiksa": int(status.isin((SESUAI, SELISIH)).sum()),
               "sesuai": int((status == SESUAI).sum()), "selisih": int((status == SELISIH).sum())}
        for fam, col in FAMILY_COLUMNS.items():
            row[col] = int(((a["pemeriksaan"] == fam) & (status == SELISIH)).sum())
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(OVERVIEW_COLUMNS))
    out["ada_audit"] = out["ada_audit"].astype(bool)
    for c in OVERVIEW_COLUMNS[2:]:
        out[c] = out[c].astype("Int64")
    return out


def _relative(published: float, computed: float, diff: float) -> float:
    base = max(abs(published), abs(computed)) if not (math.isnan(published) or math.isnan(computed)) \
        else math.nan
    if math.isnan(diff) or math.isnan(base) or base == 0:
        return math.nan
    return abs(diff) / base * 100.0


def largest_differences(audits: Mapping[str, pd.DataFrame | None], n: int = 3) -> pd.DataFrame:
    """Each unit's ``n`` largest ``selisih`` rows, units sorted.

    Differences are ranked by ``selisih_relatif_pct`` (``|selisih|`` over the
    larger of the two figures, %), so that a few rupiah on billions do not
    outrank a wrong IKM; rows whose difference cannot be expressed that way
    (a figure missing) come last.
    """
    parts = []
    for unit in sorted(audits):
        a = audits[unit]
        if a is None:
            continue
        d = a[a["status"].astype(str) == SELISIH].copy()
        if not len(d):
            continue
        for c in ("dipublikasikan", "dihitung", "selisih"):
            d[c] = pd.to_numeric(d[c], errors="coerce").astype(float)
        d["selisih_relatif_pct"] = [_relative(p, c, s) for p, c, s in
                                    zip(d["dipublikasikan"], d["dihitung"], d["selisih"])]
        d = d.sort_values("selisih_relatif_pct", ascending=False, kind="stable", na_position="last")
        d.insert(0, "unit", unit)
        parts.append(d.head(int(n))[list(DIFF_COLUMNS)])
    if not parts:
        return pd.DataFrame(columns=list(DIFF_COLUMNS))
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class AggregateCheck:
    """A printed aggregate against the value recomputed from its units."""

    item: str
    dipublikasikan: float
    dihitung: float
    selisih: float
    toleransi: float
    status: str
    sumber: str | None = None

    @property
    def sesuai(self) -> bool:
        return self.status == SESUAI


def check_aggregate(item: str, printed: object, computed: float, *, decimals: int | None = None,
                    sumber: str | None = None) -> AggregateCheck:
    """Compare a printed aggregate with its recomputed value.

    ``printed`` is the figure as printed: text in Indonesian form
    (``"90,62"``, ``"922.131.601.245"``, ``"96,14%"``), whose decimals set
    the tolerance, or a number (decimals from its shortest representation, so
    pass ``decimals`` for a figure printed with trailing zeros). ``selisih =
    printed - computed``.
    """
    if isinstance(printed, str):
        try:
            value = parse_number(printed)
        except NumberFormatError as exc:
            raise ValueError(f"{item}: angka tercetak {printed!r} tidak terbaca ({exc})") from None
        dec = decimals_of_text(printed) if decimals is None else int(decimals)
    else:
        value = None if printed is None else float(printed)
        dec = decimals_of(value) if decimals is None else int(decimals)
    check = check_total(value, computed, decimals=dec or 0)
    return AggregateCheck(str(item), check.printed, check.computed, check.difference, check.tolerance,
                          SESUAI if check.ok else SELISIH, sumber)


def aggregate_table(checks: Iterable[AggregateCheck]) -> pd.DataFrame:
    """Aggregate checks as a frame (columns :data:`AGGREGATE_COLUMNS`), in the given order."""
    return pd.DataFrame([{c: getattr(k, c) for c in AGGREGATE_COLUMNS} for k in checks],
                        columns=list(AGGREGATE_COLUMNS))
