"""Shared by the generators: years and unit codes, seeded streams, dates, NIPs, names, CSV/XLSX writers.

Every number comes from :func:`numpy.random.default_rng` seeded with
``[seed, unit index, year, dataset]`` (the stream ids below).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from lkjip.inputs.workbook import save_reproducible
from lkjip.synth.vocabulary import _DEGREES, _FEMALE, _MALE, _SURNAMES

FORMATS = ("csv", "xlsx")


#: Above this many respondents an .xlsx survey is refused (openpyxl is slow; use CSV).
XLSX_MAX_ROWS = 100_000


# Stream ids of the seed sequence ``[seed, unit, year, stream]``.
_S_UNIT, _S_SURVEY, _S_PATEN, _S_BUDGET, _S_STAFF, _S_SAKIP, _S_COORD, _S_INNOV, _S_TARGETS = range(9)
# The story of the years (lkjip.synth.story): a unit's drift, the planning officer's departure.
_S_TREND, _S_EVENT = 9, 10


# ----------------------------------------------------------------- helpers

def unit_code(index: int) -> str:
    """Code of the ``index``-th synthetic unit (1-based).

    >>> unit_code(1), unit_code(12)
    ('synth01', 'synth12')
    """
    return f"synth{index:02d}"


def _unit_name(index: int) -> str:
    return f"Kecamatan Sintetis {index:02d}"


def parse_years(text: str | int | list) -> list[int]:
    """``"2021-2023"``, ``"2023"``, ``"2021,2023"`` (or a list) as a sorted list of years.

    >>> parse_years("2021-2023"), parse_years("2022,2021"), parse_years(2023)
    ([2021, 2022, 2023], [2021, 2022], [2023])
    """
    if isinstance(text, (list, tuple)):
        years = [int(y) for y in text]
    else:
        years = []
        for part in str(text).replace(" ", "").split(","):
            if not part:
                continue
            if "-" in part:
                a, b = (int(t) for t in part.split("-", 1))
                if b < a:
                    raise ValueError(f"rentang tahun terbalik: {part!r}")
                years.extend(range(a, b + 1))
            else:
                years.append(int(part))
    if not years:
        raise ValueError(f"tahun tidak valid: {text!r} (contoh: 2023 atau 2021-2023)")
    for y in years:
        if not 1900 <= y <= 2999:
            raise ValueError(f"tahun tidak valid: {y}")
    return sorted(set(years))


def _rng(seed: int, unit: int, year: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), int(unit), int(year), int(stream)])


def _workdays(year: int) -> np.ndarray:
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    return days[np.is_busday(days)]


def _random_date(rng: np.random.Generator, year: int, first_month: int = 1, last_month: int = 12) -> str:
    days = _workdays(year)
    months = days.astype("datetime64[M]").astype(int) % 12 + 1
    days = days[(months >= first_month) & (months <= last_month)]
    return str(days[rng.integers(0, len(days))])


def _ribuan(value: float, decimals: int = 0) -> str:
    """Indonesian number form of the real reports (``2.720.088.927,00``)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _nip(rng: np.random.Generator, status: str, first_year: int, taken: set[str]) -> str:
    """An 18-digit NIP: birth date, appointment year-month, sex digit, sequence."""
    while True:
        born = dt.date(int(rng.integers(1966, 1998)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        start = min(first_year - 1, born.year + int(rng.integers(20, 31)))
        if status == "PPPK":
            start = int(rng.integers(2019, max(2020, first_year)))
        month = int(rng.choice([1, 3, 4, 11, 12]))
        nip = f"{born:%Y%m%d}{start:04d}{month:02d}{int(rng.integers(1, 3))}{int(rng.integers(1, 20)):03d}"
        if len(nip) == 18 and nip not in taken:
            taken.add(nip)
            return nip


def _person(rng: np.random.Generator, *, degree: bool = True) -> str:
    female = rng.random() < 0.45
    first = str(rng.choice(_FEMALE if female else _MALE))
    last = str(rng.choice(_SURNAMES))
    name = f"{first} {last}".upper()
    if degree:
        name += ", " + str(rng.choice(_DEGREES))
    return name


# ----------------------------------------------------------------- writing

def _write_frame(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        _write_xlsx(list(frame.columns), (_cells(row) for row in frame.itertuples(index=False)), path)
    else:
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def _cells(row) -> list:
    out = []
    for v in row:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, np.integer):
            out.append(int(v))
        elif isinstance(v, np.floating):
            out.append(float(v))
        else:
            out.append(v)
    return out


def _write_xlsx(header: list[str], rows, path: Path) -> None:
    """Write one sheet with openpyxl, with pinned timestamps so the bytes are reproducible."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.creator = "lkjip synth"
    sheet = book.create_sheet("data")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    save_reproducible(book, path)
