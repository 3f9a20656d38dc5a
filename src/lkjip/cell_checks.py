"""Cells that cannot be trusted as read: a CSV field past the limit, a formula without its value.

- A CSV cell longer than :data:`lkjip.limits.CSV_FIELD_MAX_CHARS` is refused at
  ingest, naming its file, row and column: Python's ``csv`` module, which later
  steps use on the raw files, stops at that length with no location.
- An .xlsx formula whose result was never saved (a workbook written by a
  program, not by Excel or LibreOffice) reads as an empty cell; it is reported
  as such (``rumus tanpa nilai tersimpan``), never taken as blank or dropped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import limits
from .errors import DataError

#: Errors of one kind reported per file at most (the rest is the same fix).
MAX_REPORTED = 200


def csv_fields_too_long(name: str, header: list[str], frame: pd.DataFrame) -> list[DataError]:
    """One error per CSV cell (header included) longer than the limit, with its row and column."""
    limit = limits.CSV_FIELD_MAX_CHARS
    rule = (f"sel berisi {{n}} karakter, lebih dari batas CSV_FIELD_MAX_CHARS {limit} karakter per sel; "
            "periksa tanda kutip yang tidak ditutup, atau simpan teks sepanjang itu di luar berkas data")
    errors = [DataError(name, 1, title if len(title) <= 40 else title[:40] + "...", rule.format(n=len(title)))
              for title in header if len(title) > limit]
    for index, column in enumerate(frame.columns):
        lengths = frame[column].str.len()
        over = lengths > limit
        if not over.any():
            continue
        for position in over.to_numpy().nonzero()[0][:MAX_REPORTED]:
            errors.append(DataError(name, int(position) + 2, header[index],
                                    rule.format(n=int(lengths.iloc[position]))))
    return sorted(errors, key=lambda e: (e.row or 0))[:MAX_REPORTED]


def formulas_without_value(path: Path, name: str, sheet_index: int, header_number: int, header: list[str],
                           data: list[list], columns: set[int] | None) -> list[DataError]:
    """One error per formula cell read as empty (no saved value) in ``columns`` (all when ``None``).

    ``data`` holds the rows as read with their saved values (``None`` when
    empty), each ending in its row number; the sheet is read again with its
    formulas to tell an empty cell from a formula whose value was not saved.
    """
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    errors: list[DataError] = []
    try:
        sheet = book.worksheets[sheet_index]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        rows = sheet.iter_rows(min_row=header_number + 1)
        for offset, row in enumerate(rows):
            if offset >= len(data):
                break
            values = data[offset]
            for index, cell in enumerate(row[:len(header)]):
                if getattr(cell, "data_type", None) != "f" or (columns is not None and index not in columns):
                    continue
                if values[index] is None and len(errors) < MAX_REPORTED:
                    formula = cell.value if isinstance(cell.value, str) else "rumus"
                    errors.append(DataError(
                        name, int(values[-1]), header[index],
                        "rumus tanpa nilai tersimpan: hasil rumus ini tidak ikut tersimpan di berkas (dibuat "
                        "oleh program, bukan Excel/LibreOffice); buka lalu simpan ulang berkasnya di Excel atau "
                        "LibreOffice, atau tulis nilainya", formula))
    finally:
        book.close()
    return errors
