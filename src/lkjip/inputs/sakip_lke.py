"""The evaluator's worksheet (LKE) criterion by criterion: optional ``data/raw/<unit>/sakip_lke.csv``.

One file for all years, one row per year and criterion: ``tahun``, ``komponen`` (perencanaan,
pengukuran, pelaporan, evaluasi_internal), ``subkomponen`` (keberadaan, kualitas, pemanfaatan),
``kriteria`` (the criterion's id, e.g. ``1.a.3``; the same id in two years is the same criterion),
``uraian`` (its text), ``bobot`` (its weight, in points), ``nilai`` (points given), ``catatan`` (the
evaluator's note). Numbers Indonesian or plain. Every bad cell at once, naming file, row and column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.contract.fmt import is_blank
from lkjip.contract.indonum import NumberFormatError, parse_integer, parse_number
from lkjip.contract.rules import SAKIP_COMPONENTS, SAKIP_SUBCOMPONENT_NAMES
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import unit_dir
from lkjip.inputs.cells import normalise_header, read_cells

FILE_NAME = "sakip_lke.csv"
REQUIRED: tuple[str, ...] = ("tahun", "komponen", "kriteria", "bobot", "nilai")
COLUMNS: tuple[str, ...] = ("tahun", "komponen", "subkomponen", "kriteria", "uraian", "bobot", "nilai", "catatan")


def sakip_lke_path(data_dir: Path | str, unit: str) -> Path:
    return unit_dir(Path(data_dir), unit) / FILE_NAME


def read_sakip_lke(data_dir: Path | str, unit: str) -> pd.DataFrame | None:
    """The worksheet rows (``baris`` = spreadsheet row), or ``None`` when the unit has none."""
    path = sakip_lke_path(data_dir, unit)
    if not path.exists():
        return None
    header, cells = read_cells(path)
    name = display_path(path)
    pos = {normalise_header(h): i for i, h in enumerate(header)}
    missing = [c for c in REQUIRED if c not in pos]
    if missing:
        raise DataErrors([DataError(name, None, c, "kolom wajib tidak ada") for c in missing])
    errors: list[DataError] = []
    rows = []
    for _, r in cells.iterrows():
        row: dict = {"baris": int(r["baris"])}
        for c in COLUMNS:
            v = r.get(pos[c]) if c in pos else None
            try:
                if c == "tahun":
                    row[c] = parse_integer(v)
                elif c in ("bobot", "nilai"):
                    row[c] = parse_number(v)
                else:
                    row[c] = None if is_blank(v) else " ".join(str(v).split())
            except (NumberFormatError, ValueError):
                errors.append(DataError(name, row["baris"], c, "harus angka", v))
                row[c] = None
        for c in REQUIRED:
            if row.get(c) is None and not any(e.row == row["baris"] and e.column == c for e in errors):
                errors.append(DataError(name, row["baris"], c, "wajib diisi"))
        if row["komponen"] is not None:
            row["komponen"] = row["komponen"].casefold().replace(" ", "_")
            if row["komponen"] not in SAKIP_COMPONENTS:
                errors.append(DataError(name, row["baris"], "komponen",
                                        "harus salah satu dari " + ", ".join(SAKIP_COMPONENTS), row["komponen"]))
        if row["subkomponen"] is not None:
            row["subkomponen"] = row["subkomponen"].casefold()
            if row["subkomponen"] not in SAKIP_SUBCOMPONENT_NAMES:
                errors.append(DataError(name, row["baris"], "subkomponen",
                                        "harus salah satu dari " + ", ".join(SAKIP_SUBCOMPONENT_NAMES),
                                        row["subkomponen"]))
        b, n = row.get("bobot"), row.get("nilai")
        if b is not None and b <= 0:
            errors.append(DataError(name, row["baris"], "bobot", "harus lebih dari 0", b))
        if b is not None and n is not None and not 0 <= n <= b:
            errors.append(DataError(name, row["baris"], "nilai", "harus antara 0 dan bobot", n))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "baris"])
    dup = frame[frame.duplicated(["tahun", "kriteria"], keep="first") & frame["kriteria"].notna()]
    for _, d in dup.iterrows():
        errors.append(DataError(name, int(d["baris"]), "kriteria",
                                f"kriteria yang sama tercatat dua kali untuk tahun {d['tahun']}", d["kriteria"]))
    if errors:
        raise DataErrors(errors)
    return frame
