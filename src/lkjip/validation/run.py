"""Run the suites on a unit-year's frames.

>>> import pandas as pd
>>> df = pd.DataFrame({"baris": [2, 3], "tanggal": pd.to_datetime(["2023-01-05", "2023-02-01"]),
...                    **{f"u{i}": pd.array([4, 5 if i == 3 else 3], dtype="Int64") for i in range(1, 10)}})
>>> r = validate_year({"ikm_survei": df}, None, 2023, required=("ikm_survei",), check_targets=False)
>>> [(f.rule, f.rows) for f in r.errors]
[('Jawaban u3 harus 1, 2, 3 atau 4 (kosong boleh)', [3])]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from lkjip.errors import ConfigError
from lkjip.inputs import cache as _memo
from lkjip.indicators.declared import datasets_needed, default_declaration
from lkjip.validation.iku import iku_findings
from lkjip.contract.schema import REQUIRED_YEAR_DATASETS, OPTIONAL_UNIT_DATASETS, YEAR_DATASETS
from lkjip.validation.optional_columns import PREPARE_ALL as PREPARE, cross_file_findings, prepare_any as prepare_frame
from lkjip.validation.findings import _absent, _columns_of, _finding_from_result, _skipped
from lkjip.validation.results import ROW_LIMIT, Finding, ValidationResult
from lkjip.validation.suites import _gx_suite, _validator, load_suite_dict

#: Suites run for a unit-year, in report order; ``targets`` and the v2 period files are unit-level.
SUITES = (*YEAR_DATASETS, *OPTIONAL_UNIT_DATASETS, "targets")


#: Findings of a suite on a frame, kept for the process by content (:mod:`lkjip.inputs.cache`): a
#: notebook's validation run again, or a year whose other files changed, validates only what changed.
_FINDINGS = _memo.Memo(512)


def validate_frame(name: str, df: pd.DataFrame, year: int, file: str | None = None,
                   expectations_dir: Path | str | None = None) -> list[Finding]:
    """Run the suite ``expectations/<name>.json`` on one frame; findings in suite order.

    The findings depend only on the suite's content, the frame's content and the year (``file``
    only names the file in them), so they are kept by exactly that (a frame above
    :data:`lkjip.inputs.cache.MAX_ROWS` rows is not kept); each call gets its own copy.
    """
    if name not in PREPARE:
        raise ConfigError(f"tidak ada aturan validasi untuk dataset '{name}'")
    file = file or f"{name}.csv"
    cached = load_suite_dict(name, expectations_dir)
    # SPLIT_ROWS is in the key: the two ways of validating give the same findings, and a test
    # comparing them must run both
    key = _memo.content_key("validate_frame", name, cached["digest"], int(year), SPLIT_ROWS, df)
    findings = _memo.cached(_FINDINGS, key, lambda: _validate_frame(name, df, year, cached))
    for f in findings:
        f.file = file
    return findings


def _validate_frame(name: str, df: pd.DataFrame, year: int, cached: dict) -> list[Finding]:
    file = f"{name}.csv"
    frame = prepare_frame(name, df, year)
    expectations = cached["data"]["expectations"]
    order = {e["meta"]["id"]: k for k, e in enumerate(expectations)}
    keep, findings = [], []
    for e in expectations:
        missing = [c for c in _columns_of(e["kwargs"]) if c not in frame.columns]
        if missing and e["type"] not in ("expect_column_to_exist", "expect_table_columns_to_match_set"):
            findings.append(_skipped(e, name, file, missing))
        else:
            keep.append(e["meta"]["id"])
    # Index the frame by its spreadsheet row numbers: GX then reports failing rows
    # from the index in one vectorised step (with unexpected_index_column_names it
    # looks every failing row up one by one, minutes for a million-row survey).
    indexed = frame.set_axis(pd.Index(frame["baris"].to_numpy(), name=None), axis=0)
    by_id = {e["meta"]["id"]: e for e in expectations}
    # First pass: pass/fail only (no failing-row lists, a third less work in GX);
    # the rules that failed run again with SUMMARY, on the same batch, to name their
    # rows and values. A rule with ``mostly`` may pass with failing rows: always SUMMARY.
    results = {}
    for group, run in _batches(cached, name, indexed, keep):
        quick = [i for i in group if "mostly" not in by_id[i]["kwargs"]]
        again = {i for i in group if "mostly" in by_id[i]["kwargs"]}
        if quick:
            for er in run(quick, year, "BOOLEAN_ONLY"):
                rid = er.expectation_config.meta["id"]
                if er.success:
                    results[rid] = er
                else:
                    again.add(rid)
        if again:
            for er in run([i for i in group if i in again], year, "SUMMARY"):
                results[er.expectation_config.meta["id"]] = er
    findings += [_finding_from_result(results[i], name, file, frame) for i in keep]
    findings.sort(key=lambda f: order.get(f.rule_id, len(order)))
    return findings


#: A frame of at least this many rows is validated column by column (see :func:`_run_suite`).
SPLIT_ROWS = 20_000


def _batches(cached: dict, name: str, indexed: pd.DataFrame, ids: list[str]):
    """``(ids of a group, run)`` for each group of rules; ``run(ids, year, result_format)`` gives GX results.

    A small frame is one group. On a large frame each group of rules gets a frame of
    only the columns it names: GX drops a column's blank rows by filtering the *whole*
    frame, once per rule and metric, and fingerprints (hashes) every batch, so on a
    million-row survey copying and hashing the other twenty columns dominated. Rules
    on the table's column names see the columns without rows. A range rule on a
    nullable integer column sees the column as float64 (GX compares a nullable column
    value by value in Python; blanks are dropped before the comparison, and the
    integers stay exact below 2**53).
    """
    if len(indexed) < SPLIT_ROWS:
        groups = {None: list(ids)}
    else:
        groups = {}
        by_id = {e["meta"]["id"]: e for e in cached["data"]["expectations"]}
        for i in ids:
            e = by_id[i]
            cols = tuple(dict.fromkeys(_columns_of(e["kwargs"])))
            if e["type"] in _COLUMN_NAME_RULES:
                key = "names"
            elif not cols:
                key = None
            else:
                key = (cols, e["type"] == "expect_column_values_to_be_between" and _as_float_ok(indexed, cols))
            groups.setdefault(key, []).append(i)
    for key, group in groups.items():
        if key is None:
            data = indexed
        elif key == "names":
            data = indexed.iloc[:0]
        else:
            cols, as_float = key
            data = indexed[list(cols)]
            if as_float:
                data = data.astype("float64")
        yield group, _runner(cached, name, data)


def _runner(cached: dict, name: str, data: pd.DataFrame):
    """Validate subsets of the suite on one batch of ``data`` (GX fetches and fingerprints it once)."""
    validators: dict = {}

    def run(ids: list[str], year: int, result_format: str):
        fmt = {"result_format": result_format, "partial_unexpected_count": ROW_LIMIT,
               "return_unexpected_index_query": False}
        validator = validators.get("v")
        if validator is None:
            validator = validators["v"] = _validator(name, data)
        validator.result_format = fmt
        suite = _gx_suite(cached, tuple(ids))
        return validator.validate_expectation_suite(suite, expectation_parameters={"tahun": int(year)}).results

    return run


#: Rules that read only the names of the columns.
_COLUMN_NAME_RULES = ("expect_table_columns_to_match_set", "expect_column_to_exist",
                      "expect_table_columns_to_match_ordered_list")


def _as_float_ok(frame: pd.DataFrame, cols: tuple[str, ...]) -> bool:
    """A nullable integer column whose values float64 holds exactly."""
    if len(cols) != 1:
        return False
    s = frame[cols[0]]
    if not isinstance(s.dtype, pd.Int64Dtype):
        return False
    top = s.abs().max()
    return top is pd.NA or int(top) < 2**53


def required_datasets(declaration=None) -> tuple[str, ...]:
    """The datasets a year must have: every v1 dataset for the seven kecamatan IKU (no ``indikator.csv``),
    else the datasets the declared IKU compute from and the LRA (Bab III B reports the budget).

    >>> from lkjip.indicators.declared import declaration_from_frame
    >>> import pandas as pd
    >>> own = declaration_from_frame(pd.DataFrame([{"kode": "aki", "nama": "AKI", "satuan": "per 100.000",
    ...     "polaritas": "turun", "desimal": 2, "rumus": "dilaporkan"}]), "indikator.csv")
    >>> required_datasets(own)
    ('lra',)
    """
    if declaration is None or tuple(declaration) == default_declaration():
        return tuple(REQUIRED_YEAR_DATASETS)
    return tuple(dict.fromkeys((*datasets_needed(declaration), "lra")))


def validate_year(
    datasets: dict[str, pd.DataFrame],
    targets: pd.DataFrame | None,
    year: int,
    sources: dict[str, str] | None = None,
    *,
    expectations_dir: Path | str | None = None,
    required: Iterable[str] | None = None,
    check_targets: bool = True,
    declaration=None,
    unit: dict | None = None,
) -> ValidationResult:
    """Validate every dataset of a unit-year and the unit's targets.

    ``sources`` maps a dataset to the file name shown to users (default
    ``<dataset>.csv``). A dataset in ``required`` (default: every v1 dataset
    of a year; contract v2 files are optional) that is missing is an error, and so is a missing ``targets``
    table unless ``check_targets`` is False. Datasets without a suite are
    ignored. ``declaration`` (the unit's declared IKU, :mod:`lkjip.indicators.declared`) adds the
    checks across files that follow from it (:mod:`lkjip.validation.iku`, with ``unit`` the
    unit.yaml mapping) and, when ``required`` is not given, makes the datasets its IKU compute from
    the required ones (a unit that declares its own IKU needs no PATEN data unless an IKU uses it).
    """
    year = int(year)
    sources = dict(sources or {})
    if targets is None:
        targets = datasets.get("targets")
    if required is None:
        required = required_datasets(declaration)
    findings: list[Finding] = []
    used: dict[str, str] = {}
    for name in SUITES:
        file = sources.get(name, f"{name}.csv")
        if name == "targets":
            if not check_targets:
                continue
            frame = targets
        else:
            frame = datasets.get(name)
        if frame is None:
            if name in required or name == "targets":
                findings.append(_absent(name, file, "target kinerja" if name == "targets" else file))
                used[name] = file
            continue
        used[name] = file
        findings += validate_frame(name, frame, year, file, expectations_dir)
    findings += cross_file_findings(datasets, targets, year, {**{n: f"{n}.csv" for n in SUITES}, **sources})
    if declaration is not None:
        findings += iku_findings(declaration, datasets, targets if check_targets else None, year,
                                 {**{n: f"{n}.csv" for n in SUITES}, **sources}, unit)
    return ValidationResult(year=year, findings=findings, sources=used)
