"""Who held each post when: optional ``data/raw/<unit>/riwayat_jabatan.csv`` (all years in one file).

Columns: ``jabatan`` (required: the post, as in ``pegawai``), ``nama`` / ``nip`` (who; never printed),
``mulai`` and ``selesai`` (a date, or a year alone when only the year is known, or blank), ``status``
(``definitif`` or ``plt``; blank = definitif). A blank ``mulai`` is *not known* (never "since
January"); a blank ``selesai`` means still in post. Dates as in every other file (2023-06-30,
30/06/2023, 30 Juni 2023). Every bad cell at once, each naming file, row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkjip.contract.fmt import is_blank
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import unit_dir
from lkjip.inputs.cells import normalise_header, read_cells
from lkjip.inputs.ingest import parse_date

FILE_NAME = "riwayat_jabatan.csv"
STATUSES = ("definitif", "plt")
COLUMNS = ("jabatan", "nama", "nip", "mulai", "selesai", "status")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@dataclass(frozen=True)
class Bound:
    """A date known to lie between ``lo`` and ``hi`` (equal when the day is known; NaT = open)."""

    lo: pd.Timestamp | None
    hi: pd.Timestamp | None
    teks: str = ""

    @property
    def known(self) -> bool:
        return self.lo is not None and self.hi is not None and self.lo == self.hi


def parse_bound(value: object) -> Bound | None:
    """A date, a year alone (1 Jan .. 31 Dec of it) or None for a blank cell.

    >>> parse_bound("2023").lo, parse_bound("2023").hi
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2023-12-31 00:00:00'))
    >>> parse_bound("30/06/2023").known, parse_bound("") is None
    (True, True)
    """
    if is_blank(value):
        return None
    m = _YEAR.match(str(value))
    if m:
        y = int(m.group(1))
        return Bound(pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31), str(y))
    d = parse_date(value)
    return Bound(d, d, d.strftime("%d-%m-%Y"))


def riwayat_path(data_dir: Path | str, unit: str) -> Path:
    return unit_dir(Path(data_dir), unit) / FILE_NAME


def read_riwayat_jabatan(data_dir: Path | str, unit: str) -> pd.DataFrame | None:
    """The file as rows (jabatan, nama, nip, mulai: Bound|None, selesai: Bound|None, status, baris),
    or ``None`` when the unit has none."""
    path = riwayat_path(data_dir, unit)
    if not path.exists():
        return None
    header, cells = read_cells(path)
    name = display_path(path)
    pos = {normalise_header(h): i for i, h in enumerate(header)}
    if "jabatan" not in pos:
        raise DataErrors([DataError(name, None, "jabatan", "kolom wajib tidak ada")])
    errors: list[DataError] = []
    rows = []
    for _, r in cells.iterrows():
        row: dict = {"baris": int(r["baris"])}
        for c in COLUMNS:
            v = r.get(pos[c]) if c in pos else None
            if c in ("mulai", "selesai"):
                try:
                    row[c] = parse_bound(v)
                except ValueError as exc:
                    errors.append(DataError(name, row["baris"], c, str(exc), v))
                    row[c] = None
            else:
                row[c] = None if is_blank(v) else " ".join(str(v).split())
        if row["jabatan"] is None:
            errors.append(DataError(name, row["baris"], "jabatan", "wajib diisi"))
        status = (row["status"] or "definitif").casefold()
        if status not in STATUSES:
            errors.append(DataError(name, row["baris"], "status", "harus definitif atau plt", row["status"]))
        row["status"] = status
        m, s = row["mulai"], row["selesai"]
        if m is not None and s is not None and m.lo is not None and s.hi is not None and s.hi < m.lo:
            errors.append(DataError(name, row["baris"], "selesai", "sebelum tanggal mulai", s.teks))
        rows.append(row)
    if errors:
        raise DataErrors(errors)
    return pd.DataFrame(rows, columns=[*COLUMNS, "baris"])
