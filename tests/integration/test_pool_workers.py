"""The workers of the export pool (lkjip.run.export_jobs) and of ``lkjip run --jobs`` end as a forked
child does: their exit handlers run, then the process ends without freeing what it imported
(lkjip.run.signals.end_quickly)."""

from __future__ import annotations

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from lkjip.run.signals import export_worker_init, run_worker_init

_KEPT = []


class _FreedAtTeardown:
    """Writes its file when the interpreter frees it at teardown."""

    def __init__(self, path: str):
        self.path = path

    def __del__(self):
        Path(self.path).write_text("freed", encoding="utf-8")


def _job(folder: str) -> int:
    atexit.register(Path(folder, "handler").write_text, "ran", encoding="utf-8")
    _KEPT.append(_FreedAtTeardown(str(Path(folder, "teardown"))))
    return os.getpid()


@pytest.mark.parametrize("initializer", [export_worker_init, run_worker_init], ids=["ekspor", "jobs"])
def test_a_pool_worker_runs_its_exit_handlers_and_skips_the_teardown(tmp_path, initializer):
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=initializer, initargs=(os.getpid(),))
    pid = pool.submit(_job, str(tmp_path)).result(timeout=120)
    workers = list(pool._processes.values())
    pool.shutdown(wait=True)
    assert [w.pid for w in workers] == [pid]
    assert [w.exitcode for w in workers] == [0]
    # the handler a job registered ran; the objects the worker held were never freed one by one
    assert (tmp_path / "handler").read_text(encoding="utf-8") == "ran"
    assert not (tmp_path / "teardown").exists()
