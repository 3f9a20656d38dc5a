"""Hostile inputs, round 3 (issue 28 item 4): ``lkjip kabupaten`` reads only what the units published,
and publishes through the journal of ``lkjip run``.

Units are made in ``tmp_path`` the way ``lkjip run`` leaves them: ``sakip_evaluasi.parquet`` (and
``indicators.csv``) under ``processed/<unit>/<year>`` and a ``run.json`` under ``reports/<unit>/<year>``
listing their SHA-256 (:func:`lkjip.inputs.published_state.published_digest`). The kernel and the exports are
replaced by a small fake (the notebook's work is not what these tests are about; the fake writes
``ringkasan.csv`` and the executed notebook where the notebook would), so every test stays under a
few seconds; the kill test kills a real ``lkjip kabupaten`` process with ``os._exit`` in the middle
of its publish.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lkjip.run import pipeline
from lkjip.inputs import published_state as publishing
from lkjip.cli import main
from lkjip.errors import DataError
from lkjip.indicators.iku import INDICATOR_COLUMNS
from lkjip.kabupaten import load_kabupaten
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS
from lkjip.run import kabupaten as kabupaten_run
from lkjip.run import step_failures

YEAR = 2023
#: unit -> SAKIP nilai of (perencanaan, pengukuran, pelaporan, evaluasi) for 2022 and 2023
UNITS = {"alpha": ((27.0, 26.0, 12.0, 21.0), (26.0, 25.5, 12.0, 20.0)),
         "beta": ((24.0, 22.0, 10.0, 18.0), (23.5, 22.5, 10.0, 17.0))}
COMPONENTS = ("perencanaan kinerja", "pengukuran kinerja", "pelaporan kinerja", "evaluasi akuntabilitas kinerja internal")
WEIGHTS = tuple(SAKIP_COMPONENT_WEIGHTS.values())  # in the order of COMPONENTS


def sakip_frame(values) -> pd.DataFrame:
    return pd.DataFrame({"komponen": list(COMPONENTS), "bobot": list(WEIGHTS), "nilai": list(values),
                         "baris": [2, 3, 4, 5]})


def publish_unit(root: Path, unit: str, year: int, values) -> None:
    """One unit-year as `lkjip run` publishes it: processed files and a run.json with their hashes."""
    processed = root / "processed" / unit / str(year)
    report = root / "reports" / unit / str(year)
    processed.mkdir(parents=True)
    report.mkdir(parents=True)
    sakip_frame(values).to_parquet(processed / "sakip_evaluasi.parquet", index=False)
    indicators = pd.DataFrame([{c: None for c in INDICATOR_COLUMNS} | {"indikator": "sakip", "nama": "Nilai SAKIP",
                                                                       "realisasi": sum(values)}])
    indicators.to_csv(processed / "indicators.csv", index=False)
    (report / "lkjip.html").write_text("<p>laporan</p>", encoding="utf-8")
    record = {"unit": unit, "year": year, "published": publishing.published_digest(report, processed)}
    (report / "run.json").write_text(json.dumps(record, indent=2), encoding="utf-8")


@pytest.fixture
def root(tmp_path) -> Path:
    for unit, (before, now) in UNITS.items():
        publish_unit(tmp_path, unit, YEAR - 1, before)
        publish_unit(tmp_path, unit, YEAR, now)
    (tmp_path / "raw").mkdir()
    return tmp_path


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def view_state(root: Path) -> tuple[dict, dict]:
    """The published kabupaten view: both folders, file by file."""
    return (tree(root / "processed" / "_kabupaten" / str(YEAR)), tree(root / "reports" / "_kabupaten" / str(YEAR)))


def leftovers(root: Path) -> list[str]:
    """Hidden folders and journals a publish may leave beside the view's folders."""
    out = []
    for parent in (root / "processed" / "_kabupaten", root / "reports" / "_kabupaten"):
        if parent.is_dir():
            out += [p.name for p in parent.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")]
    return sorted(out)


FAKE = '''
class FakeSession:
    """Stands in for lkjip.run.kernels.KernelSession: writes what notebook 07 writes, marked with ``label``."""

    label = "?"
    seen = []

    def __init__(self, folder):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, notebook, executed, parameters, shown_folders=None):
        import pathlib, hashlib

        def tree(folder):
            folder = pathlib.Path(folder)
            return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                    for p in sorted(folder.rglob("*")) if p.is_file()}

        processed = pathlib.Path(parameters["processed_dir"])
        reports = processed.parent / "reports"
        year = str(parameters["year"])
        # what the published view is while this run works: after the repair, before its publish
        type(self).seen.append((tree(processed / "_kabupaten" / year), tree(reports / "_kabupaten" / year)))
        pathlib.Path(executed).write_text("notebook " + self.label, encoding="utf-8")
        out = pathlib.Path(parameters["output_dir"])
        (out / "ringkasan.csv").write_text("unit,versi\\nalpha," + self.label + "\\n", encoding="utf-8")
        (out / "lain.csv").write_text(self.label, encoding="utf-8")


def fake_export(executed, stage_report, year, kabupaten_name, *, pdf, memory=None):
    import pathlib

    (pathlib.Path(stage_report) / f"kabupaten_{year}.html").write_text("<p>" + FakeSession.label + "</p>",
                                                                       encoding="utf-8")
    return {}
'''
_fake: dict = {}
exec(FAKE, _fake)  # noqa: S102 - the same fake in this process and in the killed one
FakeSession = _fake["FakeSession"]


@pytest.fixture
def fake(monkeypatch):
    import lkjip.run.kernels

    FakeSession.seen = []
    monkeypatch.setattr(lkjip.run.kernels, "KernelSession", FakeSession)
    monkeypatch.setattr(kabupaten_run, "_export", _fake["fake_export"])
    return FakeSession


def kabupaten(root: Path, label: str, *extra: str) -> int:
    FakeSession.label = label
    return main(["kabupaten", "--year", str(YEAR), "--no-pdf", "--data-dir", str(root / "raw"),
                 "--processed-dir", str(root / "processed"), "--reports-dir", str(root / "reports"), *extra])


def rewrite_parquet(path: Path, **changes) -> None:
    """A hand edit: the same columns, one value changed (what an analyst "fixing" a figure does)."""
    frame = pd.read_parquet(path)
    for column, (row, value) in changes.items():
        frame.loc[row, column] = value
    frame.to_parquet(path, index=False)


# ------------------------------------------------------------------ hashes against run.json

def test_loader_reads_a_file_only_when_its_hash_is_the_recorded_one(root):
    processed, reports = root / "processed", root / "reports"
    data = load_kabupaten(YEAR, processed, reports_dir=reports)
    assert data.units["alpha"].data["sakip_evaluasi"]["nilai"].sum() == pytest.approx(83.5)
    target = processed / "alpha" / str(YEAR) / "sakip_evaluasi.parquet"
    rewrite_parquet(target, nilai=(0, 6.0))  # 26 -> 6: SAKIP 83,50 would read 63,50
    with pytest.raises(DataError) as caught:
        load_kabupaten(YEAR, processed, reports_dir=reports)
    err = caught.value
    assert Path(err.file).name == "sakip_evaluasi.parquet" and "alpha" in err.file and str(YEAR) in err.file
    assert err.row is None and err.column is None
    assert "isi berkas berubah setelah diterbitkan" in err.rule and "run.json" in err.rule
    assert "SHA-256" in err.rule and "lkjip run --unit alpha --year 2023" in err.rule


def test_loader_refuses_the_previous_year_edited_too(root):
    processed, reports = root / "processed", root / "reports"
    rewrite_parquet(processed / "beta" / str(YEAR - 1) / "sakip_evaluasi.parquet", nilai=(3, 1.0))
    with pytest.raises(DataError) as caught:
        load_kabupaten(YEAR, processed, reports_dir=reports)
    assert caught.value.file.endswith(os.path.join("beta", "2022", "sakip_evaluasi.parquet"))


def test_kabupaten_refuses_a_hand_edited_parquet_and_keeps_the_published_view(root, fake, capsys):
    assert kabupaten(root, "A") == 0
    before = view_state(root)
    assert before[0]["ringkasan.csv"]
    capsys.readouterr()
    rewrite_parquet(root / "processed" / "alpha" / str(YEAR) / "sakip_evaluasi.parquet", nilai=(0, 6.0))
    fake.seen.clear()
    code = kabupaten(root, "B")
    err = capsys.readouterr().err
    assert code == 2
    assert "GAGAL" in err and "Traceback" not in err
    assert os.path.join("alpha", "2023", "sakip_evaluasi.parquet") in err
    assert "isi berkas berubah setelah diterbitkan" in err and "run.json" in err
    assert fake.seen == []  # refused before the notebook ran
    assert view_state(root) == before
    assert leftovers(root) == []


@pytest.mark.parametrize("case", ["dihapus", "tanpa_run_json", "run_json_tanpa_hash", "berkas_asing"])
def test_kabupaten_refuses_what_run_json_does_not_vouch_for(root, fake, capsys, case):
    unit_year = root / "processed" / "beta" / str(YEAR)
    record = root / "reports" / "beta" / str(YEAR) / "run.json"
    if case == "dihapus":  # a file the run published is gone: the view would silently lose it
        (unit_year / "sakip_evaluasi.parquet").unlink()
        named, words = unit_year / "sakip_evaluasi.parquet", "tidak ada, padahal"
    elif case == "tanpa_run_json":
        record.unlink()
        named, words = record, "tidak ada: data olahan beta 2023 tidak dapat diperiksa"
    elif case == "run_json_tanpa_hash":
        record.write_text(json.dumps({"unit": "beta", "year": YEAR}), encoding="utf-8")
        named, words = record, "tidak mencatat hash berkas terbitan"
    else:  # a file put there by hand that the run never published
        sakip_frame(UNITS["beta"][1]).to_parquet(unit_year / "pegawai.parquet", index=False)
        named, words = unit_year / "pegawai.parquet", "tidak tercatat di"
    code = kabupaten(root, "B")
    err = capsys.readouterr().err
    assert code == 2, err
    assert str(named.relative_to(root)) in err or str(named) in err
    assert words in err and "Traceback" not in err
    assert fake.seen == []
    assert not (root / "reports" / "_kabupaten" / str(YEAR)).exists()


def test_an_untouched_kabupaten_passes_and_records_what_it_published(root, fake):
    assert kabupaten(root, "A") == 0
    record = json.loads((root / "reports" / "_kabupaten" / str(YEAR) / "run.json").read_text(encoding="utf-8"))
    processed, report = view_state(root)
    assert record["published"] == {**{f"processed/{k}": v for k, v in processed.items()},
                                   **{f"report/{k}": v for k, v in report.items() if k != "run.json"}}
    assert record["units"] == ["alpha", "beta"]
    assert "published_reports_dir" not in record["parameters"]  # a folder of this run, not an input


def test_the_notebook_checks_each_file_as_it_reads_it(root, monkeypatch, capsys):
    """A file changed after the check before the notebook (as if edited while the kernel started):
    the real notebook 07 refuses it as it reads it, and nothing is published."""
    from lkjip.kabupaten import load

    earlier = (root / "processed" / "_kabupaten" / str(YEAR), root / "reports" / "_kabupaten" / str(YEAR))
    for folder in earlier:
        folder.mkdir(parents=True)
    (earlier[0] / "ringkasan.csv").write_text("unit,versi\nalpha,lama\n", encoding="utf-8")
    (earlier[1] / "kabupaten_2023.html").write_text("<p>lama</p>", encoding="utf-8")
    before = view_state(root)
    checked = []
    monkeypatch.setattr(load, "check_published", lambda *args: checked.append(args))
    rewrite_parquet(root / "processed" / "beta" / str(YEAR) / "sakip_evaluasi.parquet", nilai=(0, 3.5))
    code = main(["kabupaten", "--year", str(YEAR), "--no-pdf", "--data-dir", str(root / "raw"),
                 "--processed-dir", str(root / "processed"), "--reports-dir", str(root / "reports")])
    err = capsys.readouterr().err
    assert checked and code == 2, err
    assert "DataError" in err and os.path.join("beta", "2023", "sakip_evaluasi.parquet") in err
    assert "isi berkas berubah setelah diterbitkan" in err and "Traceback" not in err
    assert (root / "reports" / "_kabupaten" / "_gagal" / str(YEAR) / "notebooks" / "07_kabupaten.ipynb").is_file()
    assert view_state(root) == before
    assert leftovers(root) == []


# ------------------------------------------------------------------ killed mid-publish

KILLER = '''
import os, sys
import lkjip.inputs.files, lkjip.run.kernels
from lkjip.run import kabupaten as kabupaten_run
from lkjip.cli import main
exec({fake!r}, globals())
FakeSession.label = "B"
lkjip.run.kernels.KernelSession = FakeSession
kabupaten_run._export = fake_export
where, at = {where!r}, {at}
calls = [0]
real = getattr(lkjip.inputs.files, where)

def dying(*args, **kwargs):
    calls[0] += 1
    if where == "_rename":
        real(*args, **kwargs)
    if calls[0] == at:
        os._exit(137)  # as SIGKILL: no finally, no rollback
    if where != "_rename":
        real(*args, **kwargs)

setattr(lkjip.inputs.files, where, dying)
sys.exit(main(["kabupaten", "--year", "{year}", "--no-pdf", "--data-dir", {raw!r},
               "--processed-dir", {processed!r}, "--reports-dir", {reports!r}]))
'''


def kill_during_publish(root: Path, where: str, at: int) -> subprocess.CompletedProcess:
    script = KILLER.format(fake=FAKE, where=where, at=at, year=YEAR,
                           raw=str(root / "raw"), processed=str(root / "processed"), reports=str(root / "reports"))
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


#: (function of lkjip.inputs.files, its n-th call after which the process dies, the state the repair must give)
KILLS = [
    ("_rename", 1, "A"),   # ringkasan folder moved aside, nothing new in place
    ("_rename", 2, "A"),   # new ringkasan.csv in place, report folder still old
    ("_rename", 3, "A"),   # new ringkasan.csv, report folder moved aside: "_kabupaten/2023 missing" of the issue
    ("_rename", 4, "A"),   # both new folders in place, journal not yet "done"
    ("_remove_old", 1, "B"),  # journal "done": the old copies were being removed
]


@pytest.mark.parametrize(("where", "at", "state"), KILLS)
def test_killed_mid_publish_the_next_run_repairs_to_a_whole_state(root, fake, capsys, where, at, state):
    assert kabupaten(root, "A") == 0
    old = view_state(root)
    killed = kill_during_publish(root, where, at)
    assert killed.returncode == 137, killed.stderr
    assert leftovers(root)  # the kill left the publish half-done: something to repair
    capsys.readouterr()
    fake.seen.clear()
    assert kabupaten(root, "C") == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # what the next run found once it had repaired, before it published: one whole state
    repaired = fake.seen[0]
    if state == "A":
        assert repaired == old
        assert "keadaan lama dipulihkan utuh" in err
    else:
        assert repaired[0]["ringkasan.csv"] == hashlib.sha256(b"unit,versi\nalpha,B\n").hexdigest()
        assert repaired[1]["notebooks/07_kabupaten.ipynb"] == hashlib.sha256(b"notebook B").hexdigest()
        assert set(repaired[0]) == set(old[0]) and set(repaired[1]) == set(old[1])
        assert "keadaan baru dipertahankan" in err
    processed, report = view_state(root)
    assert (root / "processed" / "_kabupaten" / str(YEAR) / "ringkasan.csv").read_text() == "unit,versi\nalpha,C\n"
    assert (root / "reports" / "_kabupaten" / str(YEAR) / "kabupaten_2023.html").read_text() == "<p>C</p>"
    assert set(processed) == set(old[0]) and set(report) == set(old[1])
    assert leftovers(root) == []  # no .2023-old-*, no staging, no journal


# ------------------------------------------------------------------ one home for the run machinery (issue 22)

def test_kabupaten_run_uses_the_pipelines_notebook_folder_failure_folder_and_messages():
    assert kabupaten_run.notebooks_dir is pipeline.notebooks_dir
    assert kabupaten_run.keep_failure is step_failures.keep_failure
    assert kabupaten_run.short_error is pipeline.short_error
    assert kabupaten_run.FAILED_DIR == pipeline.FAILED_DIR and kabupaten_run.RUN_RECORD == pipeline.RUN_RECORD
    source = Path(kabupaten_run.__file__).read_text(encoding="utf-8")
    for copy in ("LKJIP_NOTEBOOKS", "def notebooks_dir", "def _short", "def _keep_failure", '"_gagal"',
                 '"run.json"', "os.environ"):
        assert copy not in source, copy
