"""The exports of a unit-year's executed notebooks, beside the kernel.

nbconvert and WeasyPrint are pure Python. When ``lkjip run`` works on one
unit-year at a time, they run in worker processes of their own
(:func:`pool`): the audit's PDF, the LKjIP's PDF and the kernel's next
notebook each get a core, instead of taking turns on one interpreter lock
with the papermill client. The pool is kept for the life of the process, so
nbconvert and WeasyPrint are imported once, not once per export.

Where unit-years already run side by side (the workers of ``lkjip run
--jobs N``, Dask tasks) the exports run in a thread of the unit-year's
process: the workers already fill the cores, and a pool per worker would only
repeat the imports.

Each export writes only into the run's staging folder; nothing is published
until every export of the unit-year has returned (:mod:`lkjip.run.pipeline`).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from multiprocessing.util import Finalize
from pathlib import Path

from lkjip.contract.lean_imports import import_lean
from lkjip.render.export import export_html, notebook_to_html, print_pdf, write_screen_html
from lkjip.render.layout_memory import chapters_recorded
from lkjip.run.signals import export_worker_init, sigint_held, stop_pool

#: Two exports at a time: the LKjIP and the audit are the long ones, and a
#: third process would only share the two cores with the kernel.
WORKERS = 2

#: The parts of a document's export (:func:`export_step`): the print, and the auditors' HTML with code.
PRINT, WITH_CODE = "P", "C"

_POOL: ProcessPoolExecutor | None = None


def pool() -> ProcessPoolExecutor:
    """The process-wide export pool (started on first use; "spawn": a forked
    child would inherit the parent's ZeroMQ sockets and threads). Its workers die
    with this process, even when it is killed, and leave Ctrl-C to it
    (:func:`lkjip.run.signals.export_worker_init`)."""
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=export_worker_init, initargs=(os.getpid(),))
        atexit.register(shutdown)
        # A process that is itself a multiprocessing child ends without atexit, after
        # joining its children: stop the pool before that join, or it waits forever.
        # Above multiprocessing.Queue's own finalizers (priority 10), which stop the
        # feeder threads that carry the pool's stop signal to its workers.
        Finalize(None, shutdown, exitpriority=100)
    return _POOL


def stop() -> None:
    """Kill the pool's workers and drop the pool (Ctrl-C, SIGTERM: what they were writing is
    in the staging folder, which is removed next)."""
    import signal

    if _POOL is not None:
        stop_pool(_POOL, signal.SIGKILL)
        shutdown()


def shutdown() -> None:
    """Stop the pool's processes (a broken pool is replaced on next use)."""
    global _POOL
    if _POOL is not None:
        try:
            _POOL.shutdown(wait=True, cancel_futures=True)
        finally:
            _POOL = None


class Exports:
    """The exports of one unit-year: submitted as its notebooks finish, collected before publishing.

    >>> # exports = Exports(processes=True); exports.submit(step, ...); exports.seconds(); exports.close()
    """

    def __init__(self, *, processes: bool, warm: bool = False):
        """``warm``: a run that will export starts an export worker now, which imports nbconvert and
        WeasyPrint while the kernel executes the first notebook instead of after it (a run that only
        executes the LKjIP, after an edit of narasi.md, waits ~2 s less for its PDF)."""
        self._own: Executor | None = None if processes else ThreadPoolExecutor(1, thread_name_prefix="ekspor")
        self._jobs: list[tuple[object, Future]] = []
        if warm and self._own is None:
            _to_pool(_ready)

    def submit(self, step, nb_path: Path, stage_report: Path, unit: str, year: int, data_dir: Path, *,
               pdf: bool, memory: dict | None = None) -> None:
        """``memory``: the layout records of the last published run (run.json ``tata_letak_pdf``), whose
        chapters a PDF keeps when they are unchanged (:mod:`lkjip.render.layout_memory`)."""
        # A document with a PDF is two jobs: its print (HTML without code, then the PDF)
        # and the auditors' HTML with code, which then need not wait for the PDF.
        parts = (PRINT, WITH_CODE) if pdf and step.pdf and self._own is None else (PRINT + WITH_CODE,)
        for part in parts:
            args = (timed_export, step, nb_path, stage_report, unit, year, data_dir, pdf, part, memory)
            future = self._own.submit(*args) if self._own is not None else _to_pool(*args)
            self._jobs.append((step, future))

    def pending(self) -> list[str]:
        """The documents (``step.report``) whose export is not done yet, in the order submitted."""
        return list(dict.fromkeys(step.report for step, future in self._jobs if not future.done()))

    def seconds(self) -> dict[str, float]:
        """``{"ekspor <report>": seconds}``, once every export is done (an export's error is raised here)."""
        seconds: dict[str, float] = {}
        for step, future in self._jobs:
            key = f"ekspor {step.report}"
            seconds[key] = seconds.get(key, 0.0) + future.result()[0]
        return seconds

    def layouts(self) -> dict[str, dict]:
        """``{PDF file name: layout record}`` (:func:`lkjip.render.printcheck.findings`) of the PDFs written,
        once every export is done."""
        out: dict[str, dict] = {}
        for _, future in self._jobs:
            out.update(future.result()[1])
        return dict(sorted(out.items()))

    def close(self) -> None:
        """Drop the exports not started and wait for the running ones (they write into
        the staging folder, which is removed next); when the run is being interrupted
        (Ctrl-C, SIGTERM), stop them instead of waiting."""
        futures = [future for _, future in self._jobs]
        if isinstance(sys.exc_info()[1], KeyboardInterrupt) and self._own is None and \
                any(not future.done() for future in futures):
            stop()
        for future in futures:
            future.cancel()
        wait(futures)
        if self._own is not None:
            self._own.shutdown(wait=True)


def _to_pool(fn, *args) -> Future:
    """``fn(*args)`` submitted to the export pool."""
    with sigint_held():  # the workers it may start never see the terminal's Ctrl-C
        try:
            return pool().submit(fn, *args)
        except RuntimeError:  # a pool broken by a killed worker takes no jobs: start a fresh one
            shutdown()
            return pool().submit(fn, *args)


def _ready() -> None:
    """Import what an export uses, in an export worker that has nothing to do yet."""
    import_lean("nbformat")
    import_lean("nbconvert")
    import weasyprint  # noqa: F401

    from lkjip.inputs.unit import load_unit  # noqa: F401  (pandas)
    from lkjip.run.cover import cover_fields  # noqa: F401


def timed_export(step, nb_path: Path, stage_report: Path, unit: str, year: int, data_dir: Path, pdf: bool,
                 part: str = PRINT + WITH_CODE, memory: dict | None = None) -> tuple[float, dict[str, dict]]:
    """(seconds, ``{PDF file name: layout record}``) of :func:`export_step`."""
    t0 = time.perf_counter()
    layouts = export_step(step, nb_path, stage_report, unit, year, data_dir, pdf=pdf, part=part, memory=memory)
    return time.perf_counter() - t0, layouts


def export_step(step, nb_path: Path, stage_report: Path, unit: str, year: int, data_dir: Path, *, pdf: bool,
                part: str = PRINT + WITH_CODE, memory: dict | None = None) -> dict[str, dict]:
    """Write ``step``'s documents: with :data:`PRINT` in ``part`` its HTML without code and,
    with ``pdf``, its PDF; with :data:`WITH_CODE` its ``_lengkap`` HTML with code. ``memory``
    holds the layout records of the last print (``{PDF file name: record}``).

    Returns ``{PDF file name: layout record}`` of the PDF written (empty without one)."""
    from lkjip.inputs.unit import load_unit  # deferred: imports pandas

    info = load_unit(data_dir, unit)
    title = f"{step.title} {info.nama} {year}"
    base = stage_report / f"{step.report}_{unit}_{year}"
    if WITH_CODE in part:
        export_html(nb_path, base.with_name(base.name + "_lengkap.html"), include_code=True, title=title)
    if PRINT not in part:
        return {}
    report = notebook_to_html(nb_path, include_code=False, title=title)  # the PDF's source keeps print-only blocks
    html = write_screen_html(report, base.with_suffix(".html"))
    if pdf and step.pdf:
        from lkjip.run.cover import cover_fields  # deferred: imports pandas

        cover = cover_fields(step.report, step.title, info, year)  # a signatory on the LKjIP only
        running = f"LKjIP {info.nama} Tahun {year}" if step.report == "lkjip" else f"{step.title} · {info.nama} {year}"
        pdf_path = base.with_suffix(".pdf")
        printed = print_pdf(html, pdf_path, title=title, cover=cover, running_title=running, report_html=report,
                            landscape=step.landscape, memory=chapters_recorded(memory, pdf_path.name))
        return {printed.path.name: printed.layout}
    return {}
