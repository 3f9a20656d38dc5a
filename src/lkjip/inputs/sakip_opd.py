"""The kabupaten's SAKIP results of every OPD: optional ``data/raw/_kabupaten/sakip_opd.csv``.

One row per OPD and year, as the kabupaten (Inspektorat / Bagian Organisasi) publishes them:

- ``opd`` (required): the OPD's name; a unit of this program matches by its code (folder name)
  or its ``unit.yaml`` name, case and spacing ignored;
- ``tahun`` (required): the evaluation's year;
- ``jenis``: dinas / badan / kecamatan / sekretariat / ... (the peer group);
- ``nilai``, ``predikat``: the SAKIP score and predicate;
- ``peringkat``, ``jumlah_opd``: the rank among all OPD and their number;
- ``peringkat_jenis``: the rank within its ``jenis`` (e.g. "tertinggi di tingkat kecamatan" = 1);
- ``perencanaan``, ``pengukuran``, ``pelaporan``, ``evaluasi_internal``: component scores where known.

Rank-only rows are allowed (``nilai`` blank, ``peringkat`` given), as published LKjIP often give
only "nomor 2 tertinggi se Kabupaten". Numbers are Indonesian or plain (:mod:`lkjip.contract.indonum`).
A bad cell is a :class:`~lkjip.errors.DataError` naming file, row and column; every bad cell at once.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.contract.fmt import is_blank
from lkjip.contract.indonum import NumberFormatError, parse_integer, parse_number
from lkjip.contract.rules import SAKIP_COMPONENTS
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import KABUPATEN_DIR
from lkjip.inputs.cells import normalise_header, read_cells

FILE_NAME = "sakip_opd.csv"
REQUIRED: tuple[str, ...] = ("opd", "tahun")
INTEGER_COLUMNS: tuple[str, ...] = ("tahun", "peringkat", "jumlah_opd", "peringkat_jenis")
NUMBER_COLUMNS: tuple[str, ...] = ("nilai", *SAKIP_COMPONENTS)
TEXT_COLUMNS: tuple[str, ...] = ("opd", "jenis", "predikat")
COLUMNS: tuple[str, ...] = ("opd", "jenis", "tahun", "nilai", "predikat", "peringkat", "jumlah_opd",
                            "peringkat_jenis", *SAKIP_COMPONENTS)


def sakip_opd_path(data_dir: Path | str) -> Path:
    """Where the file lives: ``<data_dir>/_kabupaten/sakip_opd.csv``."""
    return Path(data_dir) / KABUPATEN_DIR / FILE_NAME


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in (*COLUMNS, "baris")})


def read_sakip_opd(data_dir: Path | str) -> pd.DataFrame | None:
    """The file as a typed frame (``baris`` = spreadsheet row), or ``None`` when it is absent."""
    path = sakip_opd_path(data_dir)
    if not path.exists():
        return None
    header, cells = read_cells(path)
    name = display_path(path)
    by_key = {normalise_header(h): i for i, h in enumerate(header)}  # cells are numbered by position
    errors: list[DataError] = []
    for c in REQUIRED:
        if normalise_header(c) not in by_key:
            errors.append(DataError(name, None, c, "kolom wajib tidak ada"))
    if errors:
        raise DataErrors(errors)
    rows = []
    for _, r in cells.iterrows():
        row: dict = {"baris": int(r["baris"])}
        for c in COLUMNS:
            src = by_key.get(normalise_header(c))
            v = None if src is None else r.get(src)
            if c in INTEGER_COLUMNS:
                try:
                    row[c] = parse_integer(v)
                except (NumberFormatError, ValueError):
                    errors.append(DataError(name, row["baris"], c, "harus bilangan bulat", v))
                    row[c] = None
            elif c in NUMBER_COLUMNS:
                try:
                    row[c] = parse_number(v)
                except (NumberFormatError, ValueError):
                    errors.append(DataError(name, row["baris"], c, "harus angka", v))
                    row[c] = None
            else:
                row[c] = None if is_blank(v) else " ".join(str(v).split())
        for c in REQUIRED:
            if row.get(c) is None:
                errors.append(DataError(name, row["baris"], c, "wajib diisi"))
        if row.get("nilai") is None and row.get("peringkat") is None:
            errors.append(DataError(name, row["baris"], "nilai",
                                    "isi nilai atau peringkat (baris tanpa keduanya tidak berarti)"))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "baris"]) if rows else empty_frame()
    if len(frame):
        key = frame.assign(_k=[str(o).casefold() for o in frame["opd"]])
        dup = key[key.duplicated(["_k", "tahun"], keep="first")]
        for _, d in dup.iterrows():
            errors.append(DataError(name, int(d["baris"]), "opd",
                                    f"OPD yang sama tercatat dua kali untuk tahun {d['tahun']}", d["opd"]))
    if errors:
        raise DataErrors(errors)
    for c in NUMBER_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float)
    for c in INTEGER_COLUMNS:
        frame[c] = pd.array(frame[c], dtype="Int64")
    return frame
