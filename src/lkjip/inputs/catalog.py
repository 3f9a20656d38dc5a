"""Where things live: the data contract's folder layout as functions.

::

    data/raw/<unit>/unit.yaml, targets.csv, published.csv, <year>/<dataset>.csv|xlsx
    data/processed/<unit>/<year>/*.parquet, indicators.csv, audit.csv
    reports/<unit>/<year>/..., run.json

Folders whose name starts with ``_`` are not units: ``_lab`` holds what a
notebook run by hand writes (:func:`lab_processed_dir`, :func:`lab_reports_dir`),
``_kabupaten`` the view across units, ``_gagal`` the notebooks of a failed run.
"""

from __future__ import annotations

import re
from pathlib import Path

from lkjip.errors import ConfigError, DataError, display_path
from lkjip.contract.schema import YEAR_DATASETS
# the one rule for unit codes lives in lkjip.inputs.unit_codes (UNIT_CODE re-exported for the kabupaten view)
from lkjip.inputs.unit_codes import UNIT_CODE as UNIT_CODE
from lkjip.inputs.unit_codes import check_unit_code, is_reserved
from lkjip.inputs.file_checks import check_input
from lkjip.inputs import project

YEAR_DIR = re.compile(r"^\d{4}$")
DATA_SUFFIXES = (".csv", ".xlsx")
#: Files a year folder may hold besides the datasets (notes, spreadsheets' lock files).
IGNORED_NAMES = re.compile(r"^(readme(\.\w+)?|\..*|~\$.*|.*\.md|.*\.txt)$", re.IGNORECASE)


def project_root() -> Path:
    """The project folder: ``$LKJIP_ROOT`` (``--project``), else the current folder or the nearest
    one above it holding ``data/raw``, else the repository of a source checkout
    (:func:`lkjip.inputs.project.project_root`)."""
    return project.project_root()


def default_data_dir() -> Path:
    return project_root() / "data" / "raw"


def default_processed_dir() -> Path:
    return project_root() / "data" / "processed"


def default_reports_dir() -> Path:
    return project_root() / "reports"


#: The artefacts of a unit-year, named once: the indicators and the audit in
#: ``data/processed/<unit>/<year>``, the run record in ``reports/<unit>/<year>``.
INDICATORS_CSV = "indicators.csv"
AUDIT_CSV = "audit.csv"
RUN_RECORD = "run.json"

#: Scratch folder of notebooks run by hand (JupyterLab, papermill): never published.
LAB_DIR = "_lab"
#: Folder of the kabupaten view (``lkjip kabupaten``).
KABUPATEN_DIR = "_kabupaten"


def lab_processed_dir() -> Path:
    """Root of the processed data a hand run writes (``data/processed/_lab``)."""
    return default_processed_dir() / LAB_DIR


def lab_reports_dir() -> Path:
    """Root of the reports a hand run writes (``reports/_lab``)."""
    return default_reports_dir() / LAB_DIR


def relative_to_root(path: Path | str) -> str:
    """``path`` relative to the project root when it lies inside it (for messages)."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(project_root()))
    except ValueError:
        return str(p)


def unit_dir(data_dir: Path, unit: str) -> Path:
    return Path(data_dir) / unit


def list_units(data_dir: Path) -> list[str]:
    """Units present under ``data_dir`` (folders holding a unit.yaml), sorted.

    Folders starting with ``_`` or ``.`` are not units. A folder whose name is
    not a valid code is listed: :func:`check_unit_year` and
    :func:`lkjip.run.pipeline.plan` refuse it (:mod:`lkjip.inputs.unit_codes`).
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return []
    return sorted(p.name for p in data_dir.iterdir()
                  if p.is_dir() and not is_reserved(p.name) and (p / "unit.yaml").exists())


def list_years(data_dir: Path, unit: str) -> list[int]:
    """Years with a data folder for ``unit``, ascending."""
    base = unit_dir(data_dir, unit)
    if not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir() if p.is_dir() and YEAR_DIR.match(p.name))


def check_unit_year(data_dir: Path, unit: str, years: list[int] | None) -> list[int]:
    """Validate run parameters before any work starts; return the years to run.

    An unknown unit or a year without data is a :class:`ConfigError` that lists
    what exists, so the user can correct the call at once.
    """
    data_dir = Path(data_dir)
    check_unit_code(unit, display_path(data_dir))
    units = list_units(data_dir)
    if unit not in units:
        known = ", ".join(units) or "(tidak ada)"
        raise ConfigError(
            f"Unit '{unit}' tidak ditemukan di {display_path(data_dir)} "
            f"(perlu folder {unit}/ berisi unit.yaml). Unit yang ada: {known}"
        )
    present = list_years(data_dir, unit)
    if not years:
        if not present:
            raise ConfigError(f"Unit '{unit}' belum punya folder tahun di {display_path(unit_dir(data_dir, unit))}")
        return present
    missing = [y for y in years if y not in present]
    if missing:
        raise ConfigError(
            f"Tahun {', '.join(map(str, missing))} tidak ada untuk unit '{unit}'. "
            f"Tahun yang ada: {', '.join(map(str, present)) or '(tidak ada)'}"
        )
    return sorted(set(years))


def year_files(data_dir: Path, unit: str, year: int) -> dict[str, Path]:
    """Map dataset name -> its file in the year folder.

    An unknown file, or the same dataset as both .csv and .xlsx, is an error:
    silently ignoring a misnamed file would drop a whole dataset from the report.
    """
    folder = unit_dir(data_dir, unit) / str(year)
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        # a sub-folder (an archive) is no input, but one named like a data file is refused below
        if IGNORED_NAMES.match(path.name) or (path.is_dir() and path.suffix.lower() not in DATA_SUFFIXES):
            continue
        stem, suffix = path.stem.lower(), path.suffix.lower()
        if suffix not in DATA_SUFFIXES or stem not in YEAR_DATASETS:
            raise DataError(
                display_path(path), None, None,
                "berkas tidak dikenal: nama berkas harus salah satu dari "
                + ", ".join(f"{d}.csv/.xlsx" for d in YEAR_DATASETS),
            )
        if stem in found:
            raise DataError(
                display_path(path), None, None,
                f"dataset '{stem}' ada dua kali ({found[stem].name} dan {path.name}); simpan satu saja",
            )
        check_input(path, unit_dir(data_dir, unit))  # a FIFO, device, folder or link outside: before it is opened
        found[stem] = path
    return found


def unit_file(data_dir: Path, unit: str, name: str) -> Path | None:
    """A unit-level file (targets, published) as .csv or .xlsx, or None."""
    base = unit_dir(data_dir, unit)
    for suffix in DATA_SUFFIXES:
        p = base / f"{name}{suffix}"
        if p.exists() or p.is_symlink():
            check_input(p, base)  # a FIFO, device, folder or link outside: before it is opened
            return p
    return None


def processed_year_dir(processed_dir: Path, unit: str, year: int) -> Path:
    return Path(processed_dir) / unit / str(year)


def reports_year_dir(reports_dir: Path, unit: str, year: int) -> Path:
    return Path(reports_dir) / unit / str(year)
