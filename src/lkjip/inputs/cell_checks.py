"""Cells that cannot be trusted as read: a CSV field past the limit, a formula without its value.

- A CSV cell longer than :data:`lkjip.contract.limits.CSV_FIELD_MAX_CHARS` is refused at
  ingest, naming its file, row and column: Python's ``csv`` module, which later
  steps use on the raw files, stops at that length with no location.
- An .xlsx formula whose result was never saved (a workbook written by a
  program, not by Excel or LibreOffice) reads as an empty cell; it is reported
  as such (``rumus tanpa nilai tersimpan``), never taken as blank or dropped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.contract import limits
from lkjip.errors import DataError

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


def formulas_without_value(path: Path, sheet_path: str | None, name: str, header_number: int,
                           header: list[str], columns: set[int] | None) -> list[DataError]:
    """One error per formula cell below the header whose value was not saved, in ``columns`` (all when ``None``).

    The sheet's XML (``sheet_path`` inside the zip) is read once more, streamed:
    a cell with a formula and no value, or an empty one, is such a cell, unless it
    is typed as text (``t="str"``: a formula whose result is the empty text, as
    Excel saves it). openpyxl reads both as an empty cell.
    """
    import zipfile
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple

    if not sheet_path:
        return []
    errors: list[DataError] = []
    with zipfile.ZipFile(path) as archive, archive.open(sheet_path.lstrip("/")) as fh:
        for _, element in iterparse(fh, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag != "c":
                if tag == "row":
                    element.clear()
                continue
            parts = {child.tag.rsplit("}", 1)[-1]: child for child in element}
            formula, value = parts.get("f"), parts.get("v")
            ref = element.get("r")
            if (formula is None or element.get("t") == "str" or ref is None
                    or (value is not None and (value.text or "").strip())):
                continue
            row, col = coordinate_to_tuple(ref)
            index = col - 1
            if row <= header_number or index >= len(header) or (columns is not None and index not in columns):
                continue
            if len(errors) < MAX_REPORTED:
                text = f"={formula.text}" if formula.text else "rumus"
                errors.append(DataError(
                    name, row, header[index],
                    "rumus tanpa nilai tersimpan: hasil rumus ini tidak ikut tersimpan di berkas (dibuat "
                    "oleh program, bukan Excel/LibreOffice); buka lalu simpan ulang berkasnya di Excel atau "
                    "LibreOffice, atau tulis nilainya", text))
    return errors
