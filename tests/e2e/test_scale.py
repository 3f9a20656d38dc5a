"""Many unit-years: isolation, incremental skips, a Dask cluster.

These tests run a one-notebook chain (the ingest notebook, through
``LKJIP_NOTEBOOKS``; every other step a do-nothing stand-in, since a missing
notebook is refused, and no PDF) so that they test the scheduling, not the report.
"""

from __future__ import annotations

import shutil

import pytest

from lkjip.run.pipeline import notebooks_dir, plan, run_many
from lkjip.synth import make_units

from helpers.chain import stand_in_notebooks



@pytest.fixture
def chain(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(notebooks_dir() / "01_ingest.ipynb", folder / "01_ingest.ipynb")
    stand_in_notebooks(folder)
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(folder))
    return folder


@pytest.fixture
def units(tmp_path):
    data = tmp_path / "raw"
    make_units(data, units=2, years=[2022, 2023], respondents=40, seed=7)
    return data


def dirs(tmp_path, data):
    return {"data_dir": data, "processed_dir": tmp_path / "processed", "reports_dir": tmp_path / "reports",
            "pdf": False}


def test_all_units_run_and_one_failure_stays_isolated(chain, units, tmp_path):
    bad = units / "synth02" / "2023" / "koordinasi.csv"
    bad.write_text(bad.read_text().replace("\n", "\nRusak,Seksi X,satu,1\n", 1))
    tasks = plan(units, None, None, True)
    assert tasks == [("synth01", 2022), ("synth01", 2023), ("synth02", 2022), ("synth02", 2023)]
    results = run_many(tasks, jobs=2, **dirs(tmp_path, units))
    status = {(r.unit, r.year): r.ok for r in results}
    assert status == {("synth01", 2022): True, ("synth01", 2023): True,
                      ("synth02", 2022): True, ("synth02", 2023): False}
    failed = next(r for r in results if not r.ok)
    assert "koordinasi.csv" in failed.message and "fasilitasi" in failed.message
    assert (tmp_path / "reports" / "synth01" / "2023" / "notebooks" / "01_ingest.ipynb").exists()
    assert not (tmp_path / "reports" / "synth02" / "2023").exists()


def test_unchanged_unit_year_is_skipped_until_its_input_changes(chain, units, tmp_path):
    paths = dirs(tmp_path, units)
    first = run_many([("synth01", 2023)], force=False, **paths)[0]
    assert first.ok and not first.skipped
    again = run_many([("synth01", 2023)], force=False, **paths)[0]
    assert again.ok and again.skipped
    forced = run_many([("synth01", 2023)], force=True, **paths)[0]
    assert forced.ok and not forced.skipped
    survey = units / "synth01" / "2023" / "inovasi.csv"
    survey.write_text(survey.read_text() + "\n")  # any byte changed counts as a change
    changed = run_many([("synth01", 2023)], force=False, **paths)[0]
    assert changed.ok and not changed.skipped


def test_runs_on_a_dask_cluster(chain, units, tmp_path):
    import gc
    import warnings

    distributed = pytest.importorskip("distributed")
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                      dashboard_address=None) as cluster:
            results = run_many([("synth01", 2022), ("synth02", 2022)], scheduler=cluster.scheduler_address,
                               **dirs(tmp_path, units))
        gc.collect()
    assert [(r.unit, r.year, r.ok) for r in results] == [("synth01", 2022, True), ("synth02", 2022, True)]
    # each task's thread closed its kernel client's event loop and sockets (a long-lived worker runs many)
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert (tmp_path / "processed" / "synth02" / "2022" / "ikm_survei.parquet").exists()


def test_a_kernel_that_dies_fails_its_unit_year_and_the_worker_goes_on(chain, units, tmp_path):
    """A kernel killed mid-notebook (out of memory, a crashing library) fails that unit-year at once,
    with the cells that ran kept in _gagal; the worker starts a fresh kernel for its next unit-year."""
    import nbformat

    book_path = chain / "01_ingest.ipynb"
    book = nbformat.read(book_path, as_version=4)
    at = next(i for i, c in enumerate(book.cells) if "parameters" in c.metadata.get("tags", [])) + 1
    book.cells[at:at] = [nbformat.v4.new_code_cell("print('sebelum mati')"), nbformat.v4.new_code_cell(
        "if (unit, int(year)) == ('synth02', 2022):\n    import os\n    os._exit(1)")]
    nbformat.write(book, book_path)
    tasks = [("synth01", 2022), ("synth01", 2023), ("synth02", 2022), ("synth02", 2023)]
    results = run_many(tasks, jobs=2, **dirs(tmp_path, units))
    assert {(r.unit, r.year): r.ok for r in results} == {("synth01", 2022): True, ("synth01", 2023): True,
                                                          ("synth02", 2022): False, ("synth02", 2023): True}
    failed = next(r for r in results if not r.ok)
    assert "01_ingest.ipynb" in failed.message and "kernel berhenti" in failed.message
    kept = nbformat.read(tmp_path / "reports" / "synth02" / "_gagal" / "2022" / "notebooks" / "01_ingest.ipynb",
                         as_version=4)
    printed = [o.get("text", "") for c in kept.cells for o in c.get("outputs", []) if o.get("output_type") == "stream"]
    assert printed == ["sebelum mati\n"]
