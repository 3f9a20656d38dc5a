"""Shared fixtures of every tier: paths of the repository and its bundled unit, and the runs several
modules read.

The tests are in three tiers, one folder each: ``unit`` (one module's logic on values built in the
test; no kernel, no file outside tmp_path), ``integration`` (several modules together, the repository's
files, subprocesses; no kernel, no PDF, no whole notebook), ``e2e`` (notebooks executed, PDF exports,
``lkjip run``, ``lkjip kabupaten`` and ``lkjip init``, the shared run of the bundled unit). ``make test-fast``
runs the first two (and the doctests).

The expensive things (the whole chain over every bundled year, the 2023 report model and audit)
are made once per session and shared, read-only: a test that changes a run takes its own copy
(``own_bundled_run``), so the tests pass in any order. Under pytest-xdist each worker is its own
session: the chain run is then made once for all workers (a file lock in the folder the workers
share), and the in-memory ones once per worker.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("MPLBACKEND", "Agg")

if os.environ.get("PYTEST_XDIST_WORKER"):
    import atexit

    from lkjip.run.signals import end_quickly

    # An xdist worker ends as the run's pool workers do: its exit handlers run (registered later, so
    # first), then it exits without freeing what it imported and cached (GX, pandas, every shared
    # frame), which the session's end waits for. Its results went to the controller as each test ended.
    atexit.register(end_quickly)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture
def write(tmp_path):
    """Write a text file under tmp_path and return its path."""

    def _write(relative: str, text: str) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def _shared_tmp(tmp_path_factory) -> Path:
    """A scratch folder of this test session, the same for every xdist worker of it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# --------------------------------------------------------------------------- the bundled unit, run once


def _set_writable(folder: Path, writable: bool) -> None:
    """Every file and folder under ``folder`` read-only (``writable=False``) or writable again."""
    paths = [*sorted(folder.rglob("*"), reverse=True), folder]
    for path in paths if writable is False else reversed(paths):
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if writable:
            path.chmod(mode | stat.S_IWUSR)
        else:
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="session")
def bundled_run(tmp_path_factory):
    """Every bundled unit-year run once per session (notebooks, HTML and PDF), as ``lkjip run``
    runs them, in a scratch workspace shared by every test of the session, read-only.

    Returns ``{"run": the workspace (raw/, processed/, reports/), "years": [...]}``. Its files and
    folders are made read-only once the run is done, so a test that writes into it fails instead
    of changing what the tests after it read (root ignores the modes: there the session's end
    compares every file with the run and fails naming what changed); a test that reruns,
    corrupts or repairs a run takes its own copy (``own_bundled_run``). Slow (a minute or two):
    only the e2e tier uses it. Under pytest-xdist the run is made once for all workers (a file
    lock in the folder they share).
    """
    from filelock import FileLock

    shared = _shared_tmp(tmp_path_factory) / "bundled"
    shared.mkdir(exist_ok=True)
    run, done = shared / "run", shared / "done.json"
    with FileLock(str(shared / ".lock")):
        if not done.exists():
            from lkjip.inputs.catalog import list_years
            from lkjip.run.pipeline import run_many

            shutil.rmtree(run, ignore_errors=True)
            shutil.copytree(RAW / "gedeg", run / "raw" / "gedeg")
            years = list_years(run / "raw", "gedeg")
            # two years at a time: the other xdist workers mostly wait on this lock, and the outputs are
            # the same as one at a time (105 s against 176 s on 2 cores, reports identical but for paths)
            results = run_many([("gedeg", y) for y in years], data_dir=run / "raw",
                               processed_dir=run / "processed", reports_dir=run / "reports", jobs=2, pdf=True)
            failures = [r.message for r in results if not r.ok]
            for lock in run.rglob(".*.lock"):
                lock.unlink()
            _set_writable(run, False)
            # the other workers read the outcome instead of running the chain again
            done.write_text(json.dumps({"years": years, "failures": failures}), encoding="utf-8")
    outcome = json.loads(done.read_text(encoding="utf-8"))
    assert not outcome["failures"], "\n".join(outcome["failures"])
    before = _tree_digest(run)
    yield {"run": run, "years": outcome["years"]}
    after = _tree_digest(run)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"a test changed the shared bundled run (take own_bundled_run): {changed[:10]}"


@pytest.fixture
def own_bundled_run(bundled_run, tmp_path) -> dict:
    """A writable copy of the bundled run for one test that reruns, corrupts or repairs it.

    Returns ``{"data_dir", "processed_dir", "reports_dir"}`` of the copy. A run's fingerprint hashes
    the absolute paths of its inputs (``lkjip.inputs.chain.fingerprints``), so each year's
    ``run.json`` is sealed again with the fingerprints a run in the copy's place records (the whole
    unit-year's and each step's): the copy is up to date exactly when the shared run is, and a
    rerun after an edit reuses the same steps.
    """
    from lkjip.inputs.chain import digests, input_snapshot, step_fingerprints
    from lkjip.run.pipeline import steps_for

    base = (tmp_path / "bundled").resolve()
    shutil.copytree(bundled_run["run"], base, symlinks=True)
    _set_writable(base, True)
    data_dir = base / "raw"
    for record_path in sorted((base / "reports" / "gedeg").glob("*/run.json")):
        record = json.loads(record_path.read_text(encoding="utf-8"))
        year, params = record["year"], record["parameters"]
        signing = {"final": bool(params.get("final")), "tanggal_tanda_tangan": params.get("tanggal_tanda_tangan"),
                   "tempat": params.get("tempat")}
        steps = steps_for("gedeg", year, data_dir)
        taken = input_snapshot(data_dir, "gedeg", steps)
        record["fingerprint"], record["fingerprint_masukan"] = digests(taken, "gedeg", year, pdf=record["pdf"],
                                                                       params=signing)
        record["step_fingerprints"] = step_fingerprints(taken, steps, "gedeg", year, pdf=record["pdf"],
                                                        params=signing)
        record_path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return {"data_dir": data_dir, "processed_dir": base / "processed", "reports_dir": base / "reports"}


@pytest.fixture(scope="session")
def bundled_reports(bundled_run) -> dict[int, Path]:
    """``{year: report folder}`` of the bundled run (read-only)."""
    run = bundled_run["run"]
    return {year: run / "reports" / "gedeg" / str(year) for year in bundled_run["years"]}


# --------------------------------------------------------------------------- in-memory results of 2023


@pytest.fixture(scope="session")
def gedeg_report():
    """The LKjIP 2023 report model of the bundled unit (``report.build_report``); read-only."""
    from lkjip import document as rp

    return rp.build_report(RAW, "gedeg", 2023)


@pytest.fixture(scope="session")
def gedeg_audit():
    """The audit of the bundled unit's 2023 (``audit.audit_unit_year``); read-only."""
    from lkjip.audit import audit_unit_year

    return audit_unit_year(RAW, "gedeg", 2023)


# --------------------------------------------------------------------------- tiers

TIERS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(session, config, items):
    """Each test carries the marker of its tier's folder (``-m e2e``, ``-m "not e2e"``); the doctests
    of src/lkjip count as unit tests. The order is left alone: any order must pass."""
    tests = Path(__file__).resolve().parent
    for item in items:
        path = Path(str(item.path)).resolve()
        tier = path.relative_to(tests).parts[0] if path.is_relative_to(tests) else "unit"
        if tier in TIERS:
            item.add_marker(tier)
