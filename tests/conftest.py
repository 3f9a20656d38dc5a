"""Shared fixtures: paths of the repository and its bundled unit, and the runs several modules read.

The expensive things (the whole chain over every bundled year, the 2023 report model and audit)
are made once per session and shared. Under pytest-xdist each worker is its own session: the
chain run is then made once for all workers (a file lock in the folder the workers share), and
the in-memory ones once per worker.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("MPLBACKEND", "Agg")

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


@pytest.fixture(scope="session")
def bundled_run(tmp_path_factory) -> dict[str, Path]:
    """Every bundled unit-year run once per session (notebooks, HTML and PDF), as ``lkjip run``
    runs them, in a scratch workspace; then a copy of that workspace for the tests that only read.

    Returns ``{"run": workspace of the run, "copy": the readers' copy}``, each holding raw/,
    processed/ and reports/. The run's own workspace is the one place where the published state
    matches its run.json fingerprints (they hash absolute paths), so only test_pipeline, whose
    tests rerun, corrupt and repair it, uses it; everyone else reads the copy (``bundled_reports``).
    Slow (a minute or two): only tests marked slow use it.
    """
    from filelock import FileLock

    shared = _shared_tmp(tmp_path_factory) / "bundled"
    shared.mkdir(exist_ok=True)
    run, copy, done = shared / "run", shared / "copy", shared / "done.json"
    with FileLock(str(shared / ".lock")):
        if not done.exists():
            from lkjip.inputs.catalog import list_years
            from lkjip.run.pipeline import run_many

            shutil.rmtree(run, ignore_errors=True)
            shutil.copytree(RAW / "gedeg", run / "raw" / "gedeg")
            years = list_years(run / "raw", "gedeg")
            results = run_many([("gedeg", y) for y in years], data_dir=run / "raw",
                               processed_dir=run / "processed", reports_dir=run / "reports", jobs=1, pdf=True)
            failures = [r.message for r in results if not r.ok]
            if not failures:
                shutil.copytree(run, copy, ignore=shutil.ignore_patterns(".*.lock"))
            # the other workers read the outcome instead of running the chain again
            done.write_text(json.dumps({"years": years, "failures": failures}), encoding="utf-8")
    outcome = json.loads(done.read_text(encoding="utf-8"))
    assert not outcome["failures"], "\n".join(outcome["failures"])
    return {"run": run, "copy": copy, "years": outcome["years"]}


@pytest.fixture(scope="session")
def bundled_reports(bundled_run) -> dict[int, Path]:
    """``{year: report folder}`` of the bundled run, in the readers' copy (do not modify it)."""
    copy = bundled_run["copy"]
    return {year: copy / "reports" / "gedeg" / str(year) for year in bundled_run["years"]}


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


# --------------------------------------------------------------------------- order (for pytest-xdist)

#: The modules that take the longest, started first so that `make test`'s workers (``--dist loadfile``)
#: end together: the one that makes the session's bundled run, and the runs on data of their own.
HEAVY_FIRST = ("test_lkjip_document.py", "test_trust_chain.py", "test_kabupaten_synth.py", "test_hand_run.py",
               "test_scale.py")
#: The other modules that read the bundled run come last: a worker reaching them earlier would wait for it.
BUNDLED_LAST = ("test_pipeline.py", "test_audit_report.py")


def pytest_collection_modifyitems(session, config, items):
    """Heavy modules first, each module's tests in their own order (tests of one module may rely on it)."""
    rank = {name: n for n, name in enumerate(HEAVY_FIRST)}
    rank.update({name: len(HEAVY_FIRST) + 1 + n for n, name in enumerate(BUNDLED_LAST)})
    position = {id(item): n for n, item in enumerate(items)}
    items.sort(key=lambda item: (rank.get(item.path.name, len(HEAVY_FIRST)), position[id(item)]))
