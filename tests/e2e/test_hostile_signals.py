"""Hostile round 3, processes and signals: a run stopped by Ctrl-C, SIGTERM or SIGKILL, a kernel
that dies, a step past its time or memory limit.

Each test starts the real ``lkjip run`` on a copy of gedeg with a chain of tiny notebooks
(``tests/helpers/tiny_chain.py``): step 03 tells the test it started (a marker file) and then
sleeps, dies or allocates; by then step 02's export runs in a worker process of the export pool.
Every test asserts the exit code, the message, no traceback, that no process the run started
survives it (nor holds its stdout/stderr: ``communicate`` must end), and the published state
byte-identical.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from helpers import tiny_chain

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg") or not Path("/proc").is_dir(), reason="Linux only")

WAITS = ("import os, pathlib, time\n"
         "pathlib.Path(os.environ['TINY_MARK']).write_text('03')\n"
         "time.sleep(120)\n")


# How long a run may take to reach the waiting cell. A quiet machine needs ~5 s; CI's other worker
# running a full chain on the same 2 cores once made it exceed 25 s (stop 34).
START_TIMEOUT = 90


def _wait_until(proc, ready, what: str, timeout: float = START_TIMEOUT) -> None:
    """Poll ``ready()`` while the run lives; on timeout stop the run and fail with its stderr."""
    end = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        if time.monotonic() > end:
            proc.kill()
            raise AssertionError(f"{what} not within {timeout} s; stderr:\n{proc.communicate()[1][-3000:]}")
        time.sleep(0.2)


def _started(proc, mark: Path, *, worker: bool) -> list[psutil.Process]:
    """Wait until step 03 runs (and, with ``worker``, an export worker exists); the run's descendants."""
    def ready() -> bool:
        kids = psutil.Process(proc.pid).children(recursive=True)
        return mark.exists() and (not worker or any(_is_worker(k) for k in kids))
    _wait_until(proc, ready, "step 03" + (" and an export worker" if worker else ""))
    time.sleep(0.5)  # the worker imports what it needs
    return psutil.Process(proc.pid).children(recursive=True)


def _is_worker(process: psutil.Process) -> bool:
    try:
        return "spawn_main" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def _survivors(processes: list[psutil.Process], timeout: float = 10) -> list[str]:
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    out = []
    for process in alive:
        try:
            out.append(" ".join(process.cmdline())[:200])
        except psutil.Error:
            pass
    for process in alive:  # do not leave them to the next test
        try:
            process.kill()
        except psutil.Error:
            pass
    return out


def _no_staging(ws) -> list[str]:
    """Staging folders and old copies (``.<year>-*``) left in the unit's folders (locks are expected)."""
    return [p.name for folder in (ws["reports"] / "gedeg", ws["processed"] / "gedeg") if folder.is_dir()
            for p in folder.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")]


@pytest.mark.parametrize("sig, code, word", [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl-C")],
                         ids=["SIGTERM", "Ctrl-C"])
def test_sigterm_and_ctrl_c_end_the_run_cleanly(tmp_path, sig, code, word):
    ws = tiny_chain.workspace(tmp_path, {"03_indikator.ipynb": WAITS})
    before = tiny_chain.published(ws)
    mark = tmp_path / "mark"
    proc = tiny_chain.start(ws, TINY_MARK=str(mark), start_new_session=True)
    descendants = _started(proc, mark, worker=True)
    assert any(_is_worker(d) for d in descendants)
    t0 = time.monotonic()
    # Ctrl-C in a terminal reaches the whole foreground process group (the export workers too); SIGTERM
    # from a supervisor reaches the run only
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=25)
    finally:
        survivors = _survivors(descendants)
    assert proc.returncode == code, err[-3000:]
    assert time.monotonic() - t0 < 15
    for noise in ("Traceback", "Task exception was never retrieved", "leaked semaphore", "KeyboardInterrupt",
                  "Exception ignored"):
        assert noise not in err, err[-3000:]
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"lkjip run: dihentikan ({word})") and "terbitan sebelumnya tetap utuh" in last
    assert survivors == []
    assert tiny_chain.published(ws) == before
    assert _no_staging(ws) == []
    assert out == ""


def test_sigterm_stops_the_jobs_workers_and_their_kernels(tmp_path):
    """``--jobs 2``: the run's workers end their unit-years (kernels killed, staging removed) and exit."""
    waits = ("import os, pathlib, time\n"
             "pathlib.Path(os.environ['TINY_MARK'] + str(year)).write_text('01')\n"
             "time.sleep(120)\n")
    ws = tiny_chain.workspace(tmp_path, {"01_ingest.ipynb": waits})
    before = tiny_chain.published(ws)
    mark = tmp_path / "mark"
    args = tiny_chain.run_args(ws, "--jobs", "2")
    args[args.index("--year") + 1] = "2022-2023"
    proc = subprocess.Popen([str(Path(sys.executable).with_name("lkjip")), *args],
                            env=tiny_chain.env(ws, TINY_MARK=str(mark)), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    _wait_until(proc, lambda: all(Path(f"{mark}{year}").exists() for year in (2022, 2023)),
                "step 01 of both unit-years")
    descendants = psutil.Process(proc.pid).children(recursive=True)
    assert sum("ipykernel" in " ".join(d.cmdline()) for d in descendants) == 2
    proc.send_signal(signal.SIGTERM)
    try:
        out, err = proc.communicate(timeout=25)
    finally:
        survivors = _survivors(descendants)
    assert proc.returncode == 143, err[-3000:]
    for noise in ("Traceback", "Task exception was never retrieved", "leaked semaphore", "Exception ignored"):
        assert noise not in err, err[-3000:]
    assert err.strip().splitlines()[-1].startswith("lkjip run: dihentikan (SIGTERM)")
    assert survivors == []
    assert tiny_chain.published(ws) == before
    assert _no_staging(ws) == []


def test_sigkill_leaves_no_process_and_frees_the_callers_pipes(tmp_path):
    ws = tiny_chain.workspace(tmp_path, {"03_indikator.ipynb": WAITS})
    before = tiny_chain.published(ws)
    mark = tmp_path / "mark"
    proc = tiny_chain.start(ws, TINY_MARK=str(mark))
    descendants = _started(proc, mark, worker=True)
    kinds = " ".join(" ".join(d.cmdline()) for d in descendants)
    assert "spawn_main" in kinds and "ipykernel" in kinds and "resource_tracker" in kinds
    proc.kill()
    try:
        # a `lkjip run | tee` ends only when nothing holds the pipe any more
        proc.communicate(timeout=15)
    finally:
        survivors = _survivors(descendants)
    assert proc.returncode == -signal.SIGKILL
    assert survivors == []
    assert tiny_chain.published(ws) == before


def test_a_kernel_that_dies_fails_with_kernel_berhenti_and_keeps_the_cells_that_ran(tmp_path):
    dies = "print('sebelum')\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
    ws = tiny_chain.workspace(tmp_path, {"02_validasi.ipynb": dies})
    before = tiny_chain.published(ws)
    proc = tiny_chain.start(ws)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err[-3000:]
    assert "Traceback" not in err and "DeadKernelError" not in err and "GALAT PROGRAM" not in err, err[-3000:]
    assert "GAGAL pada langkah 02_validasi.ipynb: kernel berhenti" in err
    kept = ws["reports"] / "gedeg" / "_gagal" / "2023" / "notebooks" / "02_validasi.ipynb"
    assert f"notebook yang gagal: {kept.parent.parent}" in err
    assert "sebelum" in kept.read_text(encoding="utf-8")
    assert tiny_chain.published(ws) == before


def test_a_step_past_its_time_limit_is_stopped(tmp_path):
    ws = tiny_chain.workspace(tmp_path, {"02_validasi.ipynb": WAITS})
    before = tiny_chain.published(ws)
    t0 = time.monotonic()
    proc = tiny_chain.start(ws, "--batas-waktu", "3", TINY_MARK=str(tmp_path / "mark"))
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - t0 < 28
    assert proc.returncode == 2, err[-3000:]
    assert "Traceback" not in err and "CellTimeoutError" not in err, err[-3000:]
    assert ("GAGAL pada langkah 02_validasi.ipynb: langkah dihentikan karena melebihi batas waktu 3 detik "
            "(--batas-waktu)") in err
    assert tiny_chain.published(ws) == before
    assert _no_staging(ws) == []


def test_a_step_past_its_memory_limit_is_stopped(tmp_path):
    grows = "block = bytearray(6 * 2**30)"
    ws = tiny_chain.workspace(tmp_path, {"02_validasi.ipynb": grows})
    before = tiny_chain.published(ws)
    proc = tiny_chain.start(ws, "--batas-memori", "3000")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert ("GAGAL pada langkah 02_validasi.ipynb: memori habis: langkah ini melebihi batas memori 3000 MB "
            "(--batas-memori)") in err
    assert "; berkas masukan terbesar: " in err  # the input that most likely made it so
    assert tiny_chain.published(ws) == before


@pytest.mark.parametrize("value", ["0", "-5", "abc", "inf"])
@pytest.mark.parametrize("option", ["--batas-waktu", "--batas-memori"])
def test_limits_must_be_positive_numbers(option, value, capsys):
    from lkjip.cli import main

    assert main(["run", "--unit", "gedeg", option, value]) == 64
    assert f"argument {option}: harus bilangan lebih dari 0: '{value}'" in capsys.readouterr().err
