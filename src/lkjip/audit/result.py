"""The audit's result: one row per comparison (``audit.csv``), counts per family.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd

from lkjip.files import atomic_write

from lkjip.rules.printed import check_total

FAMILY_INTERNAL = "total dalam dataset"


FAMILY_CROSS = "antar dataset"


FAMILY_PUBLISHED = "publikasi vs hitungan"


FAMILIES = (FAMILY_INTERNAL, FAMILY_CROSS, FAMILY_PUBLISHED)


#: Columns of ``audit.csv`` (and the first columns of :attr:`AuditResult.frame`).
AUDIT_COLUMNS = ("pemeriksaan", "dataset", "item", "dipublikasikan", "dihitung", "selisih", "status")


#: Source columns that follow in :attr:`AuditResult.frame`.
SOURCE_COLUMNS = ("berkas", "baris", "sumber", "toleransi")


SESUAI = "sesuai"


SELISIH = "selisih"


def _num(value: object) -> float:
    try:
        if value is None or pd.isna(value):
            return float("nan")
    except (TypeError, ValueError):
        return float("nan")
    return float(value)


def _plain(value: object) -> str:
    """A number as a plain decimal (dot mark, no thousands, no exponent)."""
    v = _num(value)
    if math.isnan(v):
        return ""
    text = np.format_float_positional(round(v, 10), trim="-")
    return "0" if text in ("-0", "-0.") else text


# ---------------------------------------------------------------- result

@dataclass
class AuditResult:
    """The audit of one unit-year.

    ``frame``: one row per comparison, columns :data:`AUDIT_COLUMNS` then
    :data:`SOURCE_COLUMNS`, in a deterministic order (family, then dataset
    order, then row order). ``catatan``: what could not be checked and why.
    """

    frame: pd.DataFrame
    year: int | None = None
    unit: str | None = None
    catatan: list[str] = field(default_factory=list)

    def counts(self) -> pd.DataFrame:
        """Per family: ``diperiksa``, ``sesuai``, ``selisih`` (every family listed)."""
        rows = []
        for fam in FAMILIES:
            sel = self.frame[self.frame["pemeriksaan"] == fam]
            rows.append({"pemeriksaan": fam, "diperiksa": int(len(sel)),
                         "sesuai": int((sel["status"] == SESUAI).sum()),
                         "selisih": int((sel["status"] == SELISIH).sum())})
        return pd.DataFrame(rows).set_index("pemeriksaan")

    def differences(self) -> pd.DataFrame:
        """Only the rows with status ``selisih``."""
        return self.frame[self.frame["status"] == SELISIH].reset_index(drop=True)

    def csv_frame(self) -> pd.DataFrame:
        """The seven audit columns with numbers as plain decimal text."""
        out = self.frame[list(AUDIT_COLUMNS)].copy()
        for c in ("dipublikasikan", "dihitung", "selisih"):
            out[c] = [_plain(v) for v in out[c]]
        return out

    def write_csv(self, path: Path | str) -> Path:
        """Write ``audit.csv`` (columns :data:`AUDIT_COLUMNS`) atomically.

        ``path`` is the file, or a folder (any path not ending in ``.csv``)
        that receives ``audit.csv``, e.g. ``data/processed/<unit>/<year>``.
        """
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path / "audit.csv"
        from lkjip.markup import csv_text_columns

        # text cells that a spreadsheet would evaluate (=, +, -, @ ...) are neutralised; numbers stay numbers
        frame = csv_text_columns(self.csv_frame(), ("pemeriksaan", "dataset", "item", "status"))
        with atomic_write(path, newline="") as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")
        return path


class _Rows:
    """Collects comparison rows."""

    def __init__(self, sources: Mapping[str, Any] | None):
        self.rows: list[dict] = []
        self.notes: list[str] = []
        self.sources = dict(sources or {})

    def berkas(self, *datasets: str) -> str:
        names = []
        for d in datasets:
            src = self.sources.get(d)
            names.append(Path(src).name if src is not None else d)
        return "; ".join(names)

    def add(self, family: str, dataset: str, item: str, published: object, computed: object, *,
            berkas: str, baris: object = None, sumber: str | None = None,
            decimals: int | None = None, status: str | None = None) -> None:
        check = check_total(published, computed, decimals=decimals)
        pub, comp, diff, tol = check.printed, check.computed, check.difference, check.tolerance
        if status is None:
            status = SESUAI if check.ok else SELISIH
        row_no = None if baris is None or pd.isna(baris) else int(baris)
        self.rows.append({"pemeriksaan": family, "dataset": dataset, "item": item,
                          "dipublikasikan": pub, "dihitung": comp, "selisih": diff,
                          "status": status, "berkas": berkas, "baris": row_no,
                          "sumber": sumber, "toleransi": tol})

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows, columns=[*AUDIT_COLUMNS, *SOURCE_COLUMNS])
        for c in ("dipublikasikan", "dihitung", "selisih", "toleransi"):
            df[c] = df[c].astype("float64")
        df["baris"] = df["baris"].astype("Int64")
        order = {f: i for i, f in enumerate(FAMILIES)}
        df["_f"] = df["pemeriksaan"].map(order)
        df = df.sort_values("_f", kind="stable").drop(columns="_f")
        return df.reset_index(drop=True)
