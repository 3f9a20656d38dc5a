"""``indicators.csv``, the data contract's output of the indicator step (plain decimals, full precision)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.inputs.files import atomic_write
from lkjip.contract.fmt import is_missing
from lkjip.indicators.iku import INDICATOR_COLUMNS, IndicatorResults
from lkjip.inputs.catalog import INDICATORS_CSV, processed_year_dir
from lkjip.contract.markup import csv_cell


#: The columns ``indicators.csv`` adds after the indicator frame's: the official figure and its source.
OFFICIAL_COLUMNS = ("realisasi_resmi", "sumber_resmi")


def write_indicators_csv(results: IndicatorResults | pd.DataFrame, path, official=None) -> Path:
    """``indicators.csv`` of the data contract: the indicator columns, then ``realisasi_resmi`` and
    ``sumber_resmi`` (``official``: ``{kode: (value, source, ...)}`` of
    :func:`lkjip.indicators.official.official_figures`; blank without one), one row per indicator, plain
    decimals (dot, no thousands separator), full precision (``repr`` of each float), ``\\n`` line endings;
    same input, same bytes. ``realisasi`` and ``capaian_pct`` stay the recomputed figures."""
    table = results.tabel if isinstance(results, IndicatorResults) else results
    if "indikator" not in table.columns:
        table = table.reset_index()
    frame = table.loc[:, list(INDICATOR_COLUMNS)].copy()
    for col in ("target", "realisasi", "capaian_pct"):
        frame[col] = [("" if is_missing(v) else repr(float(v))) for v in frame[col]]
    official = dict(official or {})
    codes = [str(k) for k in table["indikator"]]
    frame["realisasi_resmi"] = [repr(float(official[k][0])) if k in official else "" for k in codes]
    frame["sumber_resmi"] = [official[k][1] if k in official else "" for k in codes]
    for col in ("indikator", "nama", "satuan", "kategori", "sumber_resmi"):
        # text a spreadsheet would evaluate (=, +, -, @ ...) is neutralised (lkjip.contract.markup.csv_cell)
        frame[col] = ["" if is_missing(v) else csv_cell(str(v)) for v in frame[col]]
    path = Path(path)
    with atomic_write(path, newline="") as fh:
        frame.to_csv(fh, index=False, lineterminator="\n")
    return path


def indicators_csv_path(processed_dir, unit: str, year: int) -> Path:
    return processed_year_dir(Path(processed_dir), unit, int(year)) / INDICATORS_CSV
