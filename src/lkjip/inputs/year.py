"""One reader of a unit-year: every dataset of the year, the unit's own tables, and their files.

:func:`load_inputs` is the one way every stage reads a unit-year (the notebooks' steps, the
validation of raw files, the report); it reads Parquet when ingest already wrote it, else the raw
files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkjip.errors import display_path
from lkjip.inputs.catalog import processed_year_dir, project_root, unit_file, year_files
from lkjip.inputs.ingest import read_processed, read_unit_table, read_unit_tables, read_year
from lkjip.inputs.unit import Unit, load_unit


@dataclass
class YearInputs:
    """Everything read for one unit-year: frames, their source files and the unit's tables."""

    unit: Unit
    year: int
    datasets: dict[str, pd.DataFrame]
    files: dict[str, Path]
    targets: pd.DataFrame | None
    published: pd.DataFrame | None
    national: pd.DataFrame | None = None
    extra: dict = field(default_factory=dict)
    #: contract v2 unit-level files (renstra, organisasi, ...), rows valid in ``year``, and their paths
    unit_tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    unit_files: dict[str, Path] = field(default_factory=dict)
    #: the unit as run: its folder under ``data_dir`` (never the ``kode`` of unit.yaml, see lkjip.inputs.unit_codes)
    folder: str = ""

    @property
    def code(self) -> str:
        """The unit's code: the name of its data folder (what every read of its files uses)."""
        return self.folder or self.unit.kode

    @property
    def sources(self) -> dict[str, str]:
        """Dataset -> the file as users know it (``data/raw/gedeg/2023/ikm_survei.csv``).

        Relative to the project (or to the data folder's parent), never to the
        working directory, so reports do not depend on where they were made.
        """
        names = {name: source_name(path, self.data_dir) for name, path in self.files.items()}
        target_file = unit_file(self.data_dir, self.code, "targets") if self.data_dir else None
        if target_file is not None:
            names["targets"] = source_name(target_file, self.data_dir)
        names.update({name: source_name(path, self.data_dir) for name, path in self.unit_files.items()})
        return names

    def table(self, name: str) -> pd.DataFrame | None:
        """A dataset of the year or a v2 unit-level table (rows of the year), None when absent."""
        frame = self.datasets.get(name)
        if frame is None:
            frame = self.unit_tables.get(name)
        return frame if isinstance(frame, pd.DataFrame) else None

    data_dir: Path | None = None


def source_name(path: Path, data_dir: Path | None = None) -> str:
    """A stable, readable name of an input file for reports."""
    path = Path(path).resolve()
    for base in (project_root(), Path(data_dir).resolve().parent if data_dir else None):
        if base is not None:
            try:
                return str(path.relative_to(base))
            except ValueError:
                continue
    return display_path(path)


def load_inputs(data_dir: Path, unit: str, year: int, processed_dir: Path | None = None) -> YearInputs:
    """Read a unit-year: from Parquet when ingest already wrote it, else from raw files."""
    info = load_unit(data_dir, unit)
    files = year_files(data_dir, unit, year)
    folder = processed_year_dir(processed_dir, unit, year) if processed_dir else None
    if folder is not None and any(folder.glob("*.parquet")):
        datasets = read_processed(processed_dir, unit, year)
    else:
        datasets, files = read_year(data_dir, unit, year)
    unit_tables, unit_files = read_unit_tables(data_dir, unit, int(year))
    return YearInputs(
        unit=info, year=int(year), datasets=datasets, files=files,
        targets=read_unit_table(data_dir, unit, "targets"),
        published=read_unit_table(data_dir, unit, "published"),
        national=read_unit_table(data_dir, unit, "nasional"),
        data_dir=Path(data_dir), unit_tables=unit_tables, unit_files=unit_files, folder=str(unit),
    )
