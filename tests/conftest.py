"""Shared fixtures: paths of the repository and its bundled unit."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def bundled_reports(tmp_path_factory):
    """Every bundled unit-year run once per session (notebooks, HTML and PDF) in a scratch copy.

    Returns ``{year: report folder}``. Slow (a minute or two): only tests marked slow use it.
    """
    import shutil

    from lkjip.layout import list_years
    from lkjip.pipeline import run_many

    base = tmp_path_factory.mktemp("bundled")
    data = base / "raw"
    shutil.copytree(RAW / "gedeg", data / "gedeg")
    years = list_years(data, "gedeg")
    results = run_many([("gedeg", y) for y in years], data_dir=data, processed_dir=base / "processed",
                       reports_dir=base / "reports", jobs=1, pdf=True)
    for r in results:
        assert r.ok, r.message
    return {r.year: r.report_dir for r in results}
