"""Reading the datasets for the audit: totals apart, codes and their tree, staff and respondents.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

import pandas as pd

from lkjip.contract.rules import ASN_STATUSES, IPASN_DIMENSIONS
from lkjip.contract.schema import UNSUR
from lkjip.indicators.budget import realisasi_anggaran
from lkjip.indicators.ikm import minimum_sample as _minimum_sample
from lkjip.indicators.ipasn import in_post_at_year_end

# ---------------------------------------------------------------- numbers

def minimum_sample(population: int) -> int:
    """Krejcie-Morgan minimum sample (rounded up): the rule lives in :mod:`lkjip.indicators.ikm`.

    >>> minimum_sample(11119)
    372
    """
    return _minimum_sample(int(population)) if int(population) > 0 else 0


# ---------------------------------------------------------------- frame helpers

def _frame(datasets: Mapping[str, Any] | None, name: str) -> pd.DataFrame | None:
    df = (datasets or {}).get(name)
    return df.copy() if isinstance(df, pd.DataFrame) else None


def _is_total(df: pd.DataFrame) -> pd.Series:
    if "adalah_total" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["adalah_total"].fillna(False).astype(bool)


def _body(df: pd.DataFrame) -> pd.DataFrame:
    return df[~_is_total(df)]


def _totals(df: pd.DataFrame) -> pd.DataFrame:
    return df[_is_total(df)]


def _baris(row: pd.Series) -> object:
    return row["baris"] if "baris" in row.index else None


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def _year(value: object) -> int | None:
    """A year cell as an int (None when blank or not a number); cheaper than a scalar pd.to_numeric."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if f != f else int(f)


def _clean_code(kode: object) -> str:
    return ".".join(p for p in _text(kode).replace(" ", "").split(".") if p != "")


def _col_sum(df: pd.DataFrame, col: str) -> float:
    """Sum of a column; NaN when every value is blank."""
    if col not in df.columns:
        return float("nan")
    return float(pd.to_numeric(df[col], errors="coerce").astype("float64").sum(min_count=1))


class _Tree:
    """Rows of a coded dataset (anggaran, lra) with their nearest present parent."""

    def __init__(self, df: pd.DataFrame, code_col: str):
        body = _body(df).copy()
        body["_kode"] = [_clean_code(k) for k in body[code_col]]
        body = body[body["_kode"] != ""]
        self.rows = body
        codes = list(body["_kode"])
        present = set(codes)
        self.parent: list[str | None] = []
        for c in codes:
            parts = c.split(".")
            anc = None
            for depth in range(len(parts) - 1, 0, -1):
                cand = ".".join(parts[:depth])
                if cand in present:
                    anc = cand
                    break
            self.parent.append(anc)
        body["_induk"] = self.parent
        self.has_children = set(p for p in self.parent if p is not None)
        self._leaves: pd.DataFrame | None = None

    def children(self, code: str) -> pd.DataFrame:
        return self.rows[self.rows["_induk"] == code]

    def top(self) -> pd.DataFrame:
        return self.rows[self.rows["_induk"].isna()]

    def leaves(self) -> pd.DataFrame:
        if self._leaves is None:
            self._leaves = self.rows[~self.rows["_kode"].isin(self.has_children)]
        return self._leaves

    def under(self, code: str) -> pd.DataFrame:
        """Leaves at or under ``code``."""
        lv = self.leaves()
        return lv[[(k == code) or k.startswith(code + ".") for k in lv["_kode"]]]


def _norm(value: object) -> str:
    return re.sub(r"[\s\-]+", "_", _text(value).lower())


# ---------------------------------------------------------------- computed figures

def _lra_account5(lra: pd.DataFrame) -> tuple[float, float, str] | None:
    """Belanja Daerah from the LRA, by the indicator's own rule (:func:`lkjip.indicators.budget.realisasi_anggaran`)."""
    body = lra[~_is_total(lra)] if "adalah_total" in lra.columns else lra
    if not len(body):
        return None
    absorption = realisasi_anggaran(body)
    if not absorption.anggaran and not absorption.realisasi:
        return None
    return absorption.anggaran, absorption.realisasi, f"LRA {absorption.sumber}"


def _in_post(peg: pd.DataFrame, year: int) -> pd.Series:
    """Staff in post on 31 December of ``year`` (rule: :func:`lkjip.indicators.ipasn.in_post_at_year_end`)."""
    return in_post_at_year_end(peg, year)


def _status(peg: pd.DataFrame) -> pd.Series:
    return peg["status"].map(lambda s: _text(s).upper()) if "status" in peg.columns \
        else pd.Series("", index=peg.index)


def _asn_measured(peg: pd.DataFrame) -> pd.Series:
    asn = _status(peg).isin(ASN_STATUSES)
    dims = [d for d in IPASN_DIMENSIONS if d in peg.columns]
    if len(dims) < len(IPASN_DIMENSIONS):
        return pd.Series(False, index=peg.index)
    return asn & peg[dims].notna().all(axis=1)


def _respondents(survey: pd.DataFrame) -> int:
    cols = [u for u in UNSUR if u in survey.columns]
    if not cols:
        return int(len(survey))
    return int(survey[cols].notna().any(axis=1).sum())
