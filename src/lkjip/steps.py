"""What each notebook does, as functions: load a unit-year, validate, compute.

Notebooks call these so that a document cell is one readable line and every
figure it shows comes from tested code. The same functions serve the CLI
(``lkjip validate``) so that the command and the report cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import DataErrors, display_path
from .ingest import read_processed, read_unit_table, read_year
from .layout import list_years, processed_year_dir, unit_file, year_files
from .unit import Unit, load_unit

VALIDATION_DIR = "validation"


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

    @property
    def sources(self) -> dict[str, str]:
        """Dataset -> the file name users know (for messages)."""
        names = {name: display_path(path) for name, path in self.files.items()}
        target_file = unit_file(self.data_dir, self.unit.kode, "targets") if self.data_dir else None
        if target_file is not None:
            names["targets"] = display_path(target_file)
        return names

    data_dir: Path | None = None


def load_inputs(data_dir: Path, unit: str, year: int, processed_dir: Path | None = None) -> YearInputs:
    """Read a unit-year: from Parquet when ingest already wrote it, else from raw files."""
    info = load_unit(data_dir, unit)
    files = year_files(data_dir, unit, year)
    folder = processed_year_dir(processed_dir, unit, year) if processed_dir else None
    if folder is not None and any(folder.glob("*.parquet")):
        datasets = read_processed(processed_dir, unit, year)
    else:
        datasets, files = read_year(data_dir, unit, year)
    return YearInputs(
        unit=info, year=int(year), datasets=datasets, files=files,
        targets=read_unit_table(data_dir, unit, "targets"),
        published=read_unit_table(data_dir, unit, "published"),
        national=read_unit_table(data_dir, unit, "nasional"),
        data_dir=Path(data_dir),
    )


def other_years(data_dir: Path, unit: str) -> list[int]:
    return list_years(data_dir, unit)


# ------------------------------------------------------------------ validation

def validate_inputs(inputs: YearInputs):
    """Run every expectation suite on a unit-year (GX is imported only here)."""
    from .validate import validate_year

    return validate_year(inputs.datasets, inputs.targets, inputs.year, inputs.sources)


def validation_step(ctx) -> tuple[object, YearInputs]:
    """The validation notebook: validate, write the auditors' report, stop on errors.

    The report (HTML and JSON) is written before stopping, so a failed run's
    kept folder shows every failing rule; the run itself never publishes it.
    """
    from .validate import write_validation_report

    inputs = load_inputs(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir)
    result = validate_inputs(inputs)
    out = Path(ctx.report_dir) / VALIDATION_DIR
    out.mkdir(parents=True, exist_ok=True)
    write_validation_report(result, out / "validasi.html", inputs.unit.nama, ctx.year)
    result.to_json(out / "validasi.json")
    return result, inputs


def raise_for_errors(result) -> None:
    """Stop the run with every failing cell named (file, row, column, rule)."""
    errors = result.data_errors()
    if errors:
        raise DataErrors(errors)
