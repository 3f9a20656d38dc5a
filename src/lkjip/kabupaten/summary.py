"""The ``ringkasan``: one row per unit, and its deterministic CSV.

Columns (exactly, in this order): :data:`RINGKASAN_COLUMNS`. The CSV is sorted
by unit, numbers are plain decimals with a dot (no thousands mark, no
exponent, float noise below 1e-10 removed: :func:`lkjip.contract.fmt.fmt_plain`), a missing value is an empty
cell, line endings are ``\\n``, and a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe so that a
spreadsheet shows it instead of evaluating it.

>>> neutralise("=HYPERLINK(1)"), neutralise("gedeg")
("'=HYPERLINK(1)", 'gedeg')
>>> fmt_plain(-1.3000000000000114), fmt_plain(922131601245.0), fmt_plain(float("nan"))
('-1.3', '922131601245', '')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from lkjip.contract.fmt import fmt_plain, is_missing
from lkjip.contract.markup import csv_cell
from lkjip.inputs.permissions import file_mode
from lkjip.kabupaten.sakip import CHANGE_COLUMNS

RINGKASAN_COLUMNS: tuple[str, ...] = (
    "unit", "sakip", "sakip_tahun_lalu", "perubahan_sakip", *CHANGE_COLUMNS.values(),
    "ikm", "responden", "realisasi_anggaran_pct", "capaian_kinerja_unit",
)


def ringkasan(sakip: pd.DataFrame, ikm: pd.DataFrame, budget: pd.DataFrame,
              kinerja: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per unit, sorted: the SAKIP table's scores and changes
    (:func:`lkjip.kabupaten.sakip.sakip_table`), the unit's IKM x 25 and
    respondents (:func:`lkjip.kabupaten.ikm.ikm_per_unit`) and its budget
    absorption (:func:`lkjip.kabupaten.budget.budget_per_unit`) and its capaian kinerja unit, the mean
    capaian of its IKU (:func:`lkjip.kabupaten.indicators.unit_achievement`).

    A unit present in any of the three frames gets a row; what it lacks is
    missing. ``perubahan_sakip`` is taken from the SAKIP table, where it is
    ``sakip - sakip_tahun_lalu``.
    """
    s = sakip[["unit", "sakip", "sakip_tahun_lalu", "perubahan_sakip", *CHANGE_COLUMNS.values()]]
    i = ikm[["unit", "ikm", "responden"]]
    b = budget[["unit", "persen"]].rename(columns={"persen": "realisasi_anggaran_pct"})
    k = (kinerja[["unit", "capaian_kinerja_unit"]] if kinerja is not None and len(kinerja)
         else pd.DataFrame(columns=["unit", "capaian_kinerja_unit"]))
    units = pd.DataFrame({"unit": sorted(set(s["unit"]) | set(i["unit"]) | set(b["unit"]) | set(k["unit"]))})
    out = units.merge(s, on="unit", how="left").merge(i, on="unit", how="left") \
        .merge(b, on="unit", how="left").merge(k, on="unit", how="left")
    out["responden"] = out["responden"].astype("Int64")
    for c in RINGKASAN_COLUMNS:
        if c not in ("unit", "responden"):
            out[c] = out[c].astype(float)
    return out[list(RINGKASAN_COLUMNS)].reset_index(drop=True)


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not evaluate as a formula (:func:`lkjip.contract.markup.csv_cell`)."""
    return csv_cell(text)


def csv_text(frame: pd.DataFrame, sort_by: str = "unit") -> str:
    """``frame`` as deterministic CSV text (see the module docstring)."""
    df = frame.sort_values(sort_by, kind="stable").reset_index(drop=True) if sort_by in frame.columns \
        else frame.reset_index(drop=True)
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        col = df[c]
        if pd.api.types.is_bool_dtype(col) or pd.api.types.is_numeric_dtype(col):
            out[c] = [fmt_plain(v) for v in col]
        else:
            out[c] = ["" if is_missing(v) else
                      (fmt_plain(v) if isinstance(v, (int, float, np.number)) else neutralise(str(v)))
                      for v in col]
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out.to_csv(index=False, lineterminator="\n")


def write_ringkasan(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write :func:`csv_text` of ``frame`` to ``path`` atomically (UTF-8).

    ``path`` is the file, or a folder (any path not ending in ``.csv``) that
    receives ``ringkasan.csv``.
    """
    path = Path(path)
    if path.suffix.lower() != ".csv":
        path = path / "ringkasan.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = csv_text(frame)
    fd, tmp = tempfile.mkstemp(prefix=".ringkasan-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, file_mode())  # mkstemp makes it private; the summary is a published file (open's mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
