"""Hostile inputs, round 3 (issue 28), the pipeline's integrity: items 1, 3, 5, 10, 12 and 15b.

Every run here stops before a real notebook executes, or runs the chain with stand-ins
(a kernel session that copies the notebook, exports that write placeholder files), so
each test takes seconds; the one that needs ``--jobs 2`` runs tiny real notebooks in a
subprocess. Each asserts the exit code, the message (file, rule), no traceback, and that
the published state is byte-identical.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lkjip.inputs.year
import lkjip.run.environment
import lkjip.run.export_jobs
import lkjip.run.kernels
from lkjip.run import pipeline
from lkjip.cli import main

STEP_NOTEBOOKS = [s.notebook for s in pipeline.STEPS]


# ------------------------------------------------------------------ helpers

def _unit(raw: Path, src: Path, name: str, *, kode: str | None = None, years=(2021, 2022, 2023)) -> Path:
    """A copy of the bundled unit as ``raw/name`` with ``kode`` in its unit.yaml (default: ``name``)."""
    folder = raw / name
    shutil.copytree(src, folder)
    for year_dir in folder.iterdir():
        if year_dir.is_dir() and year_dir.name.isdigit() and int(year_dir.name) not in years:
            shutil.rmtree(year_dir)
    text = (folder / "unit.yaml").read_text(encoding="utf-8")
    (folder / "unit.yaml").write_text(text.replace("kode: gedeg", f"kode: {kode or name}", 1), encoding="utf-8")
    return folder


def _tiny_notebooks(folder: Path, names=STEP_NOTEBOOKS, code: str = "print(unit, year)") -> Path:
    """Notebooks that take the pipeline's parameters and do next to nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        book = nbformat.v4.new_notebook()
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        book.cells = [nbformat.v4.new_code_cell("unit = year = None", metadata={"tags": ["parameters"]}),
                      nbformat.v4.new_code_cell(code)]
        nbformat.write(book, folder / name)
    return folder


def _state(*roots: Path) -> dict[str, bytes]:
    """Every file under ``roots`` (published reports and processed data) with its bytes."""
    out = {}
    for root in roots:
        if root.exists():
            for p in sorted(root.rglob("*")):
                if p.is_file() and not p.name.endswith(".lock"):
                    out[str(p)] = p.read_bytes()
    return out


def _published(tmp_path: Path, unit: str = "gedeg", year: int = 2023) -> None:
    """A stand-in earlier publish of ``unit`` ``year`` (what must stay byte-identical)."""
    report = tmp_path / "reports" / unit / str(year)
    report.mkdir(parents=True)
    (report / "lkjip_gedeg_2023.pdf").write_bytes(b"%PDF-1.7 terbitan lama")
    (report / "run.json").write_text('{"steps": ["01_ingest.ipynb"]}\n', encoding="utf-8")
    processed = tmp_path / "processed" / unit / str(year)
    processed.mkdir(parents=True)
    (processed / "indicators.csv").write_text("indikator,realisasi\nsakip,86.13\n", encoding="utf-8")


def _dirs(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "raw"), "--processed-dir", str(tmp_path / "processed"),
            "--reports-dir", str(tmp_path / "reports")]


def _unreadable(path: Path) -> None:
    """Make ``path`` a file that exists but cannot be read (root reads through permissions:
    then a link to a file every read of which fails with EIO)."""
    if os.geteuid() != 0:
        path.write_text("rahasia\n", encoding="utf-8")
        path.chmod(0)
    else:
        path.symlink_to("/proc/self/mem")


class _FakeSession:
    """A kernel session that 'executes' a notebook by copying it (and calls ``on_step``)."""

    on_step = staticmethod(lambda name, parameters: None)

    def __init__(self, cwd, kernel_name: str = "python3", startup_timeout: int = 120):
        self.cwd, self.kernel_name = cwd, kernel_name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def execute(self, source, output, parameters, shown_folders=None):
        shutil.copy(source, output)
        type(self).on_step(Path(source).name, parameters)


class _FakeExports:
    """Exports that write placeholder documents into the staging folder (a PDF only with ``pdf``)."""

    def __init__(self, *, processes: bool, warm: bool = False):
        pass

    def submit(self, step, nb_path, stage_report, unit, year, data_dir, *, pdf, memory=None):
        base = Path(stage_report) / f"{step.report}_{unit}_{year}"
        base.with_suffix(".html").write_text(f"<p>{step.report}</p>", encoding="utf-8")
        if pdf and step.pdf:
            base.with_suffix(".pdf").write_bytes(b"%PDF-1.7 " + step.report.encode())

    def pending(self):  # written at submit: nothing to wait for
        return []

    def seconds(self):
        return {}

    def layouts(self):
        return {}

    def close(self):
        return None


@pytest.fixture
def fake_chain(tmp_path, monkeypatch):
    """The chain with stand-in kernel and exports, on tiny notebooks; returns the session class."""
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(_tiny_notebooks(tmp_path / "nb")))
    session = type("Session", (_FakeSession,), {})
    monkeypatch.setattr(lkjip.run.kernels, "KernelSession", session)
    monkeypatch.setattr(lkjip.run.export_jobs, "Exports", _FakeExports)
    return session


# ------------------------------------------------------------------ 1: a missing notebook is never skipped

def test_steps_for_keeps_every_step_whether_or_not_its_notebook_exists(tmp_path, monkeypatch, raw_dir):
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(tmp_path / "kosong"))
    assert [s.notebook for s in pipeline.steps_for("gedeg", 2023, raw_dir)] == STEP_NOTEBOOKS
    assert "06_analisis_sakip.ipynb" not in [s.notebook for s in pipeline.steps_for("gedeg", 2021, raw_dir)]


@pytest.mark.parametrize("state", ["kosong", "tidak_ada"])
def test_an_empty_or_absent_notebooks_folder_publishes_nothing_and_exits_64(tmp_path, monkeypatch, capsys,
                                                                            raw_dir, state):
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    _published(tmp_path)
    before = _state(tmp_path / "reports", tmp_path / "processed")
    folder = tmp_path / "notebooks"
    if state == "kosong":
        folder.mkdir()
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(folder))
    code = main(["run", "--unit", "gedeg", "--year", "2023", "--force", *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64
    if state == "kosong":
        assert f"notebook rantai laporan tidak ada di {folder}: {', '.join(STEP_NOTEBOOKS)}" in err
    else:
        assert f"folder notebook {folder} tidak ada" in err
    assert "make notebooks" in err and "LKJIP_ROOT" in err
    assert "Traceback" not in err and "izin tulis" not in err and "selesai" not in err
    assert _state(tmp_path / "reports", tmp_path / "processed") == before


def test_a_deleted_lkjip_notebook_is_named_and_nothing_is_published(tmp_path, monkeypatch, capsys, raw_dir):
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    _published(tmp_path)
    before = _state(tmp_path / "reports", tmp_path / "processed")
    folder = _tiny_notebooks(tmp_path / "nb")
    (folder / "05_lkjip.ipynb").unlink()
    (folder / "05_lkjip.py").write_text("# its source is still there\n", encoding="utf-8")
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(folder))
    code = main(["run", "--unit", "gedeg", "--year", "2023", "--force", *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64
    assert f"notebook rantai laporan tidak ada di {folder}: 05_lkjip.ipynb;" in err
    assert "Traceback" not in err
    assert _state(tmp_path / "reports", tmp_path / "processed") == before
    # the library refuses it as well (no CLI check before it)
    result = pipeline.run_unit_year("gedeg", 2023, data_dir=tmp_path / "raw", processed_dir=tmp_path / "processed",
                                    reports_dir=tmp_path / "reports", pdf=False)
    assert (result.ok, result.exit_code) == (False, 64) and "05_lkjip.ipynb" in result.message
    assert _state(tmp_path / "reports", tmp_path / "processed") == before


# ------------------------------------------------------------------ 3: the folder name is the unit's code

@pytest.mark.parametrize("kode", ["gedeg", "../x"])
def test_a_kode_that_is_not_the_folder_name_is_a_data_error(tmp_path, capsys, raw_dir, kode):
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    _unit(tmp_path / "raw", raw_dir / "gedeg", "beta", kode=kode)
    for command in (["validate", "--unit", "beta", "--year", "2023", "--data-dir", str(tmp_path / "raw")],
                    ["run", "--unit", "beta", "--year", "2023", *_dirs(tmp_path)]):
        code = main(command)
        err = capsys.readouterr().err
        assert code == 2, err
        assert "beta/unit.yaml, kolom 'kode': kode unit harus sama dengan nama foldernya 'beta'" in err
        assert f"(isi: '{kode}')" in err and "Traceback" not in err
    assert not (tmp_path / "reports").exists() and not (tmp_path / "processed").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_reads_of_a_unit_s_other_years_use_its_folder_not_the_kode_of_unit_yaml(tmp_path, monkeypatch, raw_dir):
    """A unit whose Unit says kode 'gedeg' (as a copied unit.yaml did) reads only its own folder."""
    import dataclasses

    import lkjip.inputs.year  # noqa: F401  (monkeypatched below)
    from lkjip.document import build_report
    from lkjip.document.lampiran import report_inputs
    from lkjip.document.lampiran_dokumen import prestasi
    from lkjip.inputs.unit import load_unit

    raw = tmp_path / "raw"
    _unit(raw, raw_dir / "gedeg", "gedeg", years=(2022,))  # where a read by kode would go
    beta = _unit(raw, raw_dir / "gedeg", "beta", years=(2022, 2023))
    sakip = beta / "2022" / "sakip_evaluasi.csv"
    lines = sakip.read_text(encoding="utf-8").splitlines()
    lines[1], lines[4] = "perencanaan,30,17.45,", "perencanaan,15,3.5,pemanfaatan"  # beta's own 2022: 10 less
    sakip.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (beta / "2022" / "prestasi.csv").write_text("no,uraian\n1,Prestasi milik beta\n", encoding="utf-8")
    as_copied = dataclasses.replace(load_unit(raw, "beta"), kode="gedeg")
    monkeypatch.setattr(lkjip.inputs.year, "load_unit", lambda data_dir, unit: as_copied)

    rep = build_report(raw, "beta", 2023)
    beta_2022 = rep.per_year_results[2022].tabel.set_index("indikator").loc["sakip", "realisasi"]
    assert beta_2022 == pytest.approx(77.43)  # its own 2022, not gedeg's 87,43 (the reproduction)
    assert list(prestasi(rep)[2022]["Prestasi"]) == ["Prestasi milik beta"]
    assert all("gedeg" not in p.relative_to(raw).parts for p in report_inputs(rep))
    assert rep.source("ikm_survei") == "data/raw/beta/2023/ikm_survei.csv"


# ------------------------------------------------------------------ 15b: one rule for unit codes

def test_run_refuses_a_unit_folder_that_kabupaten_would_leave_out(tmp_path, capsys, raw_dir):
    from lkjip.kabupaten import load as kabupaten_load
    from lkjip.inputs.unit_codes import UNIT_CODE, is_unit_code

    _unit(tmp_path / "raw", raw_dir / "gedeg", "Gedeg Baru", kode="Gedeg Baru")
    code = main(["run", "--unit", "Gedeg Baru", "--year", "2023", *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64
    assert "nama folder unit 'Gedeg Baru'" in err and "tidak dibaca oleh `lkjip kabupaten`" in err
    assert "mis. gedeg-baru" in err and "Traceback" not in err
    code = main(["run", "--all", *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64 and "nama folder unit 'Gedeg Baru'" in err
    assert not (tmp_path / "reports").exists() and not (tmp_path / "processed").exists()
    # the kabupaten view finds units by the same rule
    assert kabupaten_load.UNIT_CODE is UNIT_CODE
    (tmp_path / "processed" / "Gedeg Baru" / "2023").mkdir(parents=True)
    assert "Gedeg Baru" not in kabupaten_load.list_processed_units(tmp_path / "processed")
    assert not is_unit_code("Gedeg Baru")


def test_all_refuses_only_the_unit_whose_kode_is_not_its_folder(tmp_path, capsys, raw_dir, fake_chain):
    raw = tmp_path / "raw"
    _unit(raw, raw_dir / "gedeg", "alfa", kode="gedeg", years=(2023,))  # copied, kode left as it was
    _unit(raw, raw_dir / "gedeg", "beta", years=(2023,))
    code = main(["run", "--all", "--no-pdf", *_dirs(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert "1 dari 2 unit-tahun GAGAL:" in captured.err
    assert "alfa 2023: GAGAL: " in captured.err and "alfa/unit.yaml, kolom 'kode'" in captured.err
    assert captured.out.strip() == str((tmp_path / "reports" / "beta" / "2023").resolve())
    assert not (tmp_path / "reports" / "alfa").exists() and not (tmp_path / "reports" / "gedeg").exists()


@settings(max_examples=150, deadline=None)
@given(name=st.text(alphabet=st.sampled_from(list("abzAZ09-_. é\t")), min_size=1, max_size=10)
       .filter(lambda n: n not in (".", "..")))
def test_run_accepts_exactly_the_unit_folders_kabupaten_reads(name):
    """One rule: whatever a folder is called, `run` takes it iff `kabupaten` would read what it publishes."""
    import tempfile

    from lkjip.errors import ConfigError
    from lkjip.kabupaten.load import list_processed_units
    from lkjip.inputs.catalog import check_unit_year

    with tempfile.TemporaryDirectory() as tmp:
        raw, processed = Path(tmp) / "raw", Path(tmp) / "processed"
        (raw / name / "2023").mkdir(parents=True)
        (raw / name / "unit.yaml").write_text("kode: x\n", encoding="utf-8")
        (processed / name / "2023").mkdir(parents=True)
        (processed / name / "2023" / "indicators.csv").write_text("indikator\n", encoding="utf-8")
        try:
            check_unit_year(raw, name, [2023])
            run_takes = True
        except ConfigError:
            run_takes = False
        assert run_takes == (name in list_processed_units(processed))
        if not name.startswith(("_", ".")):  # --all: every unit folder is taken, or the run is refused
            try:
                run_all_takes = pipeline.plan(raw, None, None, True) == [(name, 2023)]
            except ConfigError:
                run_all_takes = False
            assert run_all_takes == run_takes


# ------------------------------------------------------------------ 5: inputs changed during the run

def test_an_input_edited_during_the_run_is_not_published_and_no_pdf_is_carried(tmp_path, capsys, raw_dir,
                                                                                fake_chain):
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    args = ["run", "--unit", "gedeg", "--year", "2023", "--force", *_dirs(tmp_path)]
    assert main(args) == 0  # a first publish, with PDFs
    capsys.readouterr()
    report = tmp_path / "reports" / "gedeg" / "2023"
    assert (report / "lkjip_gedeg_2023.pdf").exists()
    # control: unchanged inputs and --no-pdf carry the PDFs
    assert main([*args, "--no-pdf"]) == 0
    assert "masukan tidak berubah, PDF terbitan sebelumnya dibawa" in capsys.readouterr().err
    before = _state(tmp_path / "reports", tmp_path / "processed")

    edited = tmp_path / "raw" / "gedeg" / "2023" / "sakip_evaluasi.csv"

    def edit_during_the_run(name, parameters):
        if name == "03_indikator.ipynb":
            lines = edited.read_text(encoding="utf-8").splitlines()
            lines[1] = lines[1].replace(",", ",1", 2)  # a value typed over while the chain runs
            edited.write_text("\n".join(lines) + "\n", encoding="utf-8")

    fake_chain.on_step = staticmethod(edit_during_the_run)
    code = main([*args, "--no-pdf"])
    err = capsys.readouterr().err
    assert code == 2
    assert "data masukan berubah selama proses berjalan:" in err and "gedeg/2023/sakip_evaluasi.csv" in err
    assert "terbitan sebelumnya tetap utuh" in err
    assert "masukan tidak berubah" not in err and "Traceback" not in err
    assert _state(tmp_path / "reports", tmp_path / "processed") == before
    assert not list((tmp_path / "reports" / "gedeg").glob(".2023-*"))


# ------------------------------------------------------------------ 10: one unreadable input, --all goes on

def test_all_with_one_unreadable_input_runs_the_others_jobs_1(tmp_path, capsys, raw_dir, fake_chain):
    raw = tmp_path / "raw"
    alfa = _unit(raw, raw_dir / "gedeg", "alfa", years=(2023,))
    _unit(raw, raw_dir / "gedeg", "beta", years=(2023,))
    _unreadable(alfa / "2023" / "catatan.txt")
    code = main(["run", "--all", "--no-pdf", *_dirs(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert "1 dari 2 unit-tahun GAGAL:" in captured.err
    assert "alfa 2023: GAGAL: " in captured.err and "alfa/2023/catatan.txt: berkas tidak dapat dibaca" in captured.err
    assert "Traceback" not in captured.err and "izin tulis" not in captured.err
    assert captured.out.strip() == str((tmp_path / "reports" / "beta" / "2023").resolve())
    assert json.loads((tmp_path / "reports" / "beta" / "2023" / "run.json").read_text())["unit"] == "beta"
    assert not (tmp_path / "reports" / "alfa" / "2023").exists()


def test_all_with_one_unreadable_input_runs_the_others_jobs_2(tmp_path, raw_dir):
    """Real workers (spawned processes) on tiny notebooks."""
    raw = tmp_path / "raw"
    _unit(raw, raw_dir / "gedeg", "alfa", years=(2023,))
    beta = _unit(raw, raw_dir / "gedeg", "beta", years=(2023,))
    _unreadable(beta / "2023" / "catatan.txt")
    env = {**os.environ, pipeline.NOTEBOOK_DIR_ENV: str(_tiny_notebooks(tmp_path / "nb"))}
    done = subprocess.run([sys.executable, "-m", "lkjip.cli", "run", "--all", "--jobs", "2", "--no-pdf",
                           *_dirs(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "1 dari 2 unit-tahun GAGAL:" in done.stderr
    assert "beta/2023/catatan.txt: berkas tidak dapat dibaca" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "reports" / "alfa" / "2023" / "run.json").exists()
    # a worker's steps as they happen, before its end (issue 27 item 3: before, only the end was said),
    # on stderr as plain lines (not a terminal); stdout holds the published folder only
    err = done.stderr.splitlines()
    steps = [line.split(": ", 1)[1] for line in err if line.startswith("[1/2] alfa 2023: ")]
    assert steps[:5] == ["Pembacaan Data", "Validasi Data", "Indikator Kinerja Utama",
                         "Audit Angka yang Dipublikasikan", "Laporan Kinerja Instansi Pemerintah"], err
    ends = [i for i, line in enumerate(err) if line.startswith("[1/2] alfa 2023: selesai (")]
    assert len(ends) == 1 and err.index("[1/2] alfa 2023: Pembacaan Data") < ends[0], err
    # beta, started second, ends first (it cannot read its file) and keeps its number to its last line
    assert any(line.startswith("[2/2] beta 2023: GAGAL") for line in err), err
    assert not any(line.startswith("[1/2] beta 2023") for line in err), err
    assert "\x1b[" not in done.stderr
    assert done.stdout.splitlines() == [str((tmp_path / "reports" / "alfa" / "2023").resolve())]
    assert not (tmp_path / "reports" / "beta" / "2023").exists()


# ------------------------------------------------------------------ 12: environment problems exit 64

def test_a_broken_kernel_spec_exits_64_with_what_to_fix(tmp_path, monkeypatch, capsys, raw_dir):
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    _published(tmp_path)
    before = _state(tmp_path / "reports", tmp_path / "processed")
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(_tiny_notebooks(tmp_path / "nb")))
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(tmp_path / "tidak-ada" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    code = main(["run", "--unit", "gedeg", "--year", "2023", "--force", "--no-pdf", *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64, err
    assert "kernel Jupyter 'python3' tidak dapat dijalankan" in err and "jupyter kernelspec list" in err
    assert "ipykernel install" in err
    assert "izin tulis" not in err and "Traceback" not in err and "bug" not in err
    assert _state(tmp_path / "reports", tmp_path / "processed") == before


@pytest.mark.parametrize("address, words", [
    ("bogus", "bukan alamat klaster Dask"),
    ("http//x", "bukan alamat klaster Dask"),
    ("foo://x:1", "klaster Dask tidak dapat dihubungi"),
    ("tcp://127.0.0.1:9", "klaster Dask tidak dapat dihubungi"),
])
def test_a_bogus_or_unreachable_scheduler_exits_64(tmp_path, monkeypatch, capsys, raw_dir, address, words):
    pytest.importorskip("distributed")
    _unit(tmp_path / "raw", raw_dir / "gedeg", "gedeg")
    _published(tmp_path)
    before = _state(tmp_path / "reports", tmp_path / "processed")
    monkeypatch.setenv(pipeline.NOTEBOOK_DIR_ENV, str(_tiny_notebooks(tmp_path / "nb")))
    monkeypatch.setattr(lkjip.run.environment, "SCHEDULER_TIMEOUT", 2)
    code = main(["run", "--unit", "gedeg", "--year", "2023", "--force", "--scheduler", address, *_dirs(tmp_path)])
    err = capsys.readouterr().err
    assert code == 64, err
    assert f"--scheduler {address!r}: {words}" in err and "tcp://host:8786" in err
    assert "izin tulis" not in err and "Traceback" not in err and "bug" not in err
    assert _state(tmp_path / "reports", tmp_path / "processed") == before
