"""The ingest step as a notebook shows it: read, write Parquet, summarise."""

from __future__ import annotations

import pandas as pd

from lkjip.inputs.ingest import write_processed
from lkjip.inputs.catalog import processed_year_dir
from lkjip.contract.schema import DATASETS
from lkjip.validation.raw import read_year_checked


def ingest_with_summary(ctx) -> pd.DataFrame:
    """Ingest ``ctx``'s unit-year and return one summary row per dataset file.

    Raises the reader's :class:`~lkjip.errors.DataError` unchanged, so the
    run stops with the file, row and column of the problem; when the reader
    found a problem, the rule failures of the other cells come in the same
    list (:func:`lkjip.validation.raw.read_year_checked`).
    """
    frames, files = read_year_checked(ctx.data_dir, ctx.unit, ctx.year)
    write_processed(frames, processed_year_dir(ctx.processed_dir, ctx.unit, ctx.year))
    rows = []
    for name in DATASETS:
        if not DATASETS[name].per_year:
            continue
        frame = frames.get(name)
        rows.append({
            "Dataset": DATASETS[name].title,
            "Berkas": files[name].name if name in files else "(tidak ada)",
            "Jumlah baris": 0 if frame is None else int((~frame.get("adalah_total", pd.Series(False, index=frame.index))).sum()),
            "Baris total tercetak": 0 if frame is None or "adalah_total" not in frame else int(frame["adalah_total"].sum()),
            "Kolom diabaikan": "" if frame is None else ", ".join(frame.attrs.get("kolom_diabaikan", [])),
        })
    return pd.DataFrame(rows)
