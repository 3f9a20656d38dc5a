"""Raw files read and validated in one pass: a bad cell never hides the file's other failures.

The reader stops at cells it cannot type (``tiga`` in a count) and at
repeated keys; the expectation suites find values out of range (a ``5`` in
``u3``). Reported one after the other, an analyst would fix the first list,
rerun, and only then meet the second. Here the reader collects its errors
with the bad cells left blank, the suites run on what was read, and both
lists are merged: each failing cell once (a blanked cell is not reported
again as "must not be blank", a repeated key not again by ``kunci.unik``).

- :func:`read_and_validate`: every dataset of a year and the unit's targets,
  one :class:`~lkjip.validation.results.ValidationResult` (``lkjip validate``,
  ``lkjip ingest``);
- :func:`read_year_checked`: the fast path of the run's ingest step: the
  suites run only when the reader found something, to complete its list.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.contract.schema import OPTIONAL_UNIT_DATASETS
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import unit_file, year_files
from lkjip.inputs.ingest import read_dataset, rows_for_year
from lkjip.inputs.unit import load_unit
from lkjip.inputs.year import source_name
from lkjip.validation.iku import checked_declaration
from lkjip.validation.optional_columns import narasi_findings
from lkjip.validation.results import ERROR, Finding, ValidationResult
from lkjip.validation.run import validate_year

#: rule id of a cell the reader could not use (unreadable, wrong type, repeated key)
READ_RULE = "baca"


def _read_each(data_dir: Path, unit: str, year: int, *, unit_tables: bool = False):
    """Frames that could be read, their files, and the reader's errors per dataset.

    With ``unit_tables``, the unit-level files of contract v2 are read too
    (the rows valid in ``year``, as :func:`lkjip.inputs.year.load_inputs` reads them).
    """
    files = dict(year_files(data_dir, unit, year))
    if unit_tables:
        files.update({name: path for name in OPTIONAL_UNIT_DATASETS
                      if (path := unit_file(data_dir, unit, name)) is not None})
    frames: dict[str, pd.DataFrame] = {}
    errors: dict[str, list[DataError]] = {}
    unreadable: set[str] = set()
    for name, path in files.items():
        found: list[DataError] = []
        try:
            frames[name] = rows_for_year(read_dataset(path, name, collect=found), name, year)
        except (DataError, DataErrors) as exc:
            found = list(exc.errors) if isinstance(exc, DataErrors) else [exc]
            unreadable.add(name)
        if found:
            errors[name] = found
    return frames, files, errors, unreadable


def _as_finding(name: str, file: str, error: DataError) -> Finding:
    rows = [] if error.row is None else [int(error.row)]
    value = None if error.value is None else str(error.value)
    return Finding(dataset=name, file=file, rule=error.rule, severity=ERROR, column=error.column, rows=rows,
                   values=[value] if value else [], expectation_type="lkjip.pembaca", success=False,
                   rule_id=f"{name}.{READ_RULE}", rows_total=len(rows),
                   row_values={rows[0]: value} if rows and value else {})


def merge(result: ValidationResult, read_errors: dict[str, list[DataError]], unreadable: set[str],
          sources: dict[str, str]) -> ValidationResult:
    """``result`` with the reader's errors added and the rows they already explain left out."""
    blocked: dict[str, set] = {}
    for name, errors in read_errors.items():
        blocked[name] = {(e.row, e.column) for e in errors}
    findings: list[Finding] = []
    for f in result.findings:
        if f.dataset in unreadable and f.rule_id == f"{f.dataset}.berkas.ada":
            continue  # the file is there; the reader's error says why it could not be read
        if f.dataset in blocked and f.failed:
            if f.rule_id == f"{f.dataset}.kunci.unik":
                continue  # the reader names both rows of each repeated key already
            kept = [r for r in f.rows if (r, f.column) not in blocked[f.dataset]]
            if f.rows and not kept:
                continue
            if len(kept) != len(f.rows):
                f.rows, f.rows_total = kept, len(kept)
                f.row_values = {r: v for r, v in f.row_values.items() if r in kept}
        findings.append(f)
    for name, errors in read_errors.items():
        file = sources.get(name, f"{name}.csv")
        findings += [_as_finding(name, file, e) for e in errors]
    return ValidationResult(year=result.year, findings=findings, sources=dict(result.sources))


def read_and_validate(data_dir: Path, unit: str, year: int, *, targets: pd.DataFrame | None = None,
                      sources: dict[str, str] | None = None, required=None, check_targets: bool = True,
                      unit_tables: bool = True):
    """``(result, frames, files)``: every reader error and every failed rule of a unit-year, in one result.

    What ``lkjip validate`` checks is what the run validates (:func:`lkjip.run.steps.validate_inputs`):
    the year's files, with ``unit_tables`` the unit-level files of contract v2 and ``narasi.md``,
    and with ``check_targets`` the targets. ``frames`` holds the year's datasets only. A file that
    names no dataset or a dataset given twice (the year folder itself is wrong) still raises
    :class:`~lkjip.errors.DataError`.
    """
    frames, files, read_errors, unreadable = _read_each(Path(data_dir), unit, int(year), unit_tables=unit_tables)
    sources = {**{name: source_name(path, data_dir) for name, path in files.items()}, **(sources or {})}
    declaration, bad = checked_declaration(Path(data_dir), unit) if unit_tables else (None, [])
    if bad and required is None:
        required = ()
    result = validate_year(frames, targets, int(year), sources, required=required, check_targets=check_targets,
                           declaration=declaration, unit=_unit_mapping(Path(data_dir), unit) if declaration else None)
    result.findings += bad
    if unit_tables:
        result.findings += narasi_findings(data_dir, unit, int(year))
    if read_errors:
        result = merge(result, read_errors, unreadable, sources)

    year_names = set(year_files(data_dir, unit, year))
    return result, {n: f for n, f in frames.items() if n in year_names}, {n: p for n, p in files.items() if n in year_names}


def _unit_mapping(data_dir: Path, unit: str) -> dict | None:
    """unit.yaml as a mapping, or None when it cannot be read (its own check reports why)."""
    try:
        return load_unit(data_dir, unit).as_dict()
    except (DataError, DataErrors):
        return None


def read_year_checked(data_dir: Path, unit: str, year: int):
    """``(frames, files)`` like :func:`lkjip.inputs.ingest.read_year`; on a reader error, every failure at once.

    The suites (Great Expectations) run only when the reader found a problem,
    so a good year costs no more than reading it.
    """
    frames, files, read_errors, unreadable = _read_each(Path(data_dir), unit, int(year))
    if not read_errors:
        return frames, files
    sources = {name: _error_file(read_errors.get(name), path) for name, path in files.items()}
    result = validate_year(frames, None, int(year), sources, required=(), check_targets=False)
    result = merge(result, read_errors, unreadable, sources)
    # each file's problems together, in the order of its rows
    errors = sorted(result.data_errors(), key=lambda e: (str(e.file), e.row or 0))
    raise errors[0] if len(errors) == 1 else DataErrors(errors)


def _error_file(errors: list[DataError] | None, path: Path) -> str:
    """How the reader named the file (so that every line of one file reads the same)."""
    return errors[0].file if errors else display_path(path)
