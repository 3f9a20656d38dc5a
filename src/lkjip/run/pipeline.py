"""The main job: run the notebook chain of a unit-year and publish its reports.

For every unit-year the chain of :data:`STEPS` is executed with papermill in a
staging folder; only when every step and export succeeded are the staged
``data/processed/<unit>/<year>`` and ``reports/<unit>/<year>`` published, together,
in one journaled publish (:func:`lkjip.inputs.files.publish`): a kill at any moment
leaves the whole old state or the whole new one, and the next run repairs it
first (:mod:`lkjip.inputs.published_state`). A failed run therefore leaves the earlier
reports and processed data byte-identical, and keeps its failed executed
notebook (papermill puts the error at the top) under ``reports/<unit>/_gagal/<year>/``.
A run is skipped only when its fingerprint and the digest of what is published
are both unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sys
import threading
import time
import traceback

from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lkjip.inputs import published_state as publishing
from lkjip.inputs import snapshot as run_inputs
from lkjip.inputs.chain import (NOTEBOOK_DIR_ENV, STEPS, Step, fingerprint, fingerprints,  # noqa: F401
                                digests, input_snapshot, notebooks_dir, step_fingerprints, steps_for)
from lkjip.run import export_jobs, limits, signals, step_failures
from lkjip.run.report_index import unit_name, write_index
from lkjip.run.environment import check_notebooks, kernel_error, scheduler_client
from lkjip.errors import EXIT_CANTCREAT, EXIT_DATA, ConfigError, DataError, LkjipError, OutputError, display_path
from lkjip.inputs.files import LockHeld, exclusive_lock, is_inside, publish, write_text_atomic
from lkjip.inputs.catalog import (RUN_RECORD, check_unit_year, list_units, list_years, processed_year_dir,
                                  reports_year_dir, year_files)
from lkjip.inputs.unit_codes import check_unit_code
from lkjip.run.kernels import discard_shared_session, shared_session

FAILED_DIR = "_gagal"
#: Notebook parameters that name folders of this run, not what the reports depend on (left out of run.json).
_FOLDER_PARAMETERS = ("processed_dir", "report_dir", "published_processed_dir", "published_reports_dir")


class RunLocked(ConfigError):
    """Another process is running this unit-year (a parameter problem: exit 64)."""


@dataclass
class RunResult:
    unit: str
    year: int
    ok: bool
    seconds: float
    report_dir: Path | None = None
    message: str = ""
    skipped: bool = False
    timings: dict = field(default_factory=dict)
    #: the exit code this result asks for (:mod:`lkjip.errors`); 0 when ok
    exit_code: int = 0
    #: what the run repaired, carried over or left out, in words (printed by the CLI)
    notes: list = field(default_factory=list)


def run_unit_year(unit: str, year: int, *, data_dir: Path, processed_dir: Path, reports_dir: Path,
                  pdf: bool = True, force: bool = True, reuse_kernel: bool = False,
                  export_processes: bool = False,
                  progress: Callable[[str], None] | None = None, final: bool = False,
                  tanggal_tanda_tangan: str | None = None, tempat: str | None = None) -> RunResult:
    """Execute the chain for one unit-year and publish it atomically.

    With ``force=False`` a unit-year whose inputs, parameters and code are
    unchanged since its last successful run is skipped (see :func:`fingerprint`).
    ``reuse_kernel`` keeps the kernel alive for the next unit-year of this
    process (worker processes use it); the namespace is cleared either way.
    ``export_processes`` renders the HTML and PDF in the process-wide export
    pool (:mod:`lkjip.run.export_jobs`; for one unit-year at a time), otherwise in
    a thread of this process.
    ``final`` (with the signing date/place, see :mod:`lkjip.inputs.signing`) makes the
    version for signature; it is a notebook parameter and part of the fingerprint.

    Under the unit-year's lock, an interrupted earlier publish is first
    repaired (:func:`lkjip.inputs.published_state.repair`); processed data and reports are
    then published together only when every step succeeded. A failure returns
    a result with ``ok=False``, its message and exit code (2 data, 64 another
    run holds the lock, 73 an output that cannot be written).
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    started_at = dt.datetime.now().astimezone().replace(microsecond=0)
    data_dir, processed_dir, reports_dir = (Path(p).resolve() for p in (data_dir, processed_dir, reports_dir))
    final_report = reports_year_dir(reports_dir, unit, year)
    final_processed = processed_year_dir(processed_dir, unit, year)
    steps = steps_for(unit, year, data_dir)
    signing = {"final": bool(final), "tanggal_tanda_tangan": tanggal_tanda_tangan or None, "tempat": tempat or None}
    try:  # every notebook of the chain, or nothing runs (an environment problem: exit 64)
        check_notebooks(notebooks_dir(), [s.notebook for s in steps])
    except ConfigError as exc:
        return RunResult(unit, year, False, time.perf_counter() - started, None, f"{unit} {year}: GAGAL: {exc}",
                         exit_code=exc.exit_code)
    try:
        # The lock file and the staging folder live in reports/<unit>/: say so plainly when it cannot be written.
        for folder in (final_report.parent, final_processed.parent):
            folder.mkdir(parents=True, exist_ok=True)
        lock = _lock(final_report.parent / f".{year}.lock")
    except RunLocked as exc:
        return RunResult(unit, year, False, time.perf_counter() - started, None, str(exc), exit_code=exc.exit_code)
    except OSError as exc:
        err = OutputError.from_os_error(exc)
        return RunResult(unit, year, False, time.perf_counter() - started, None, f"{unit} {year}: GAGAL: {err}",
                         exit_code=err.exit_code)
    try:
        return _run_locked(unit, year, steps, data_dir=data_dir, reports_dir=reports_dir, final_report=final_report,
                           final_processed=final_processed, pdf=pdf, force=force, reuse_kernel=reuse_kernel,
                           export_processes=export_processes, say=say, started=started, started_at=started_at,
                           signing=signing)
    finally:
        lock.close()


def _run_locked(unit, year, steps, *, data_dir, reports_dir, final_report, final_processed, pdf, force,
                reuse_kernel, export_processes, say, started, started_at, signing) -> RunResult:
    from lkjip.run.kernels import KernelSession  # deferred: looked up per call (tests/e2e replace it)

    def failed(message: str, code: int) -> RunResult:
        return RunResult(unit, year, False, time.perf_counter() - started, None, message, timings=timings,
                         exit_code=code, notes=notes)

    timings: dict[str, float] = {}
    try:
        notes = [f"{unit} {year}: {n}" for n in publishing.repair(final_report, final_processed)]
    except OSError as exc:
        notes = []
        return failed(f"{unit} {year}: GAGAL memulihkan terbitan: {OutputError.from_os_error(exc)}", EXIT_CANTCREAT)
    try:  # an unreadable input fails this unit-year only (under --all the others go on)
        snapshot = input_snapshot(data_dir, unit, steps)
    except OSError as exc:
        error = _unreadable(exc, data_dir)
        return failed(f"{unit} {year}: GAGAL: {error}", error.exit_code)
    digest, inputs_digest = digests(snapshot, unit, year, pdf=pdf, params=signing)
    if not force and publishing.up_to_date(final_report, final_processed, digest):
        say(f"{unit} {year}: tidak berubah, dilewati")
        return RunResult(unit, year, True, time.perf_counter() - started, final_report, skipped=True, notes=notes)
    step_fps = step_fingerprints(snapshot, steps, unit, year, pdf=pdf, params=signing)
    # the steps whose inputs did not change keep their published outputs (e.g. only narasi.md edited)
    reused = set() if force else publishing.reusable_steps(final_report, final_processed, step_fps)
    # A fixed staging name keeps the paths that notebooks record identical from
    # run to run; the lock keeps two runs of one unit-year from sharing it.
    staging = final_report.parent / f".{year}-staging"
    stage_report = staging / "report"
    stage_processed_root = staging / "processed"
    stage_processed = processed_year_dir(stage_processed_root, unit, year)
    try:
        shutil.rmtree(staging, ignore_errors=True)
        (stage_report / "notebooks").mkdir(parents=True)
        stage_processed.mkdir(parents=True)
        if reused:  # what the reused steps published, as it is; the steps that run write over their own files
            shutil.copytree(final_processed, stage_processed, dirs_exist_ok=True)
            shutil.copytree(final_report, stage_report, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(RUN_RECORD))
    except OSError as exc:
        return failed(f"{unit} {year}: GAGAL: {OutputError.from_os_error(exc)}", EXIT_CANTCREAT)
    parameters = {
        "unit": unit,
        "year": year,
        "data_dir": str(data_dir),
        "processed_dir": str(stage_processed_root),
        "report_dir": str(stage_report),
        "run_started": started_at.isoformat(),
        **signing,
        # where earlier years are published: the multi-year tables read them when fresh
        "published_processed_dir": str(final_processed.parent.parent),
        "published_reports_dir": str(reports_dir),
    }
    current = None
    publishing_now = False
    # Exports (nbconvert, WeasyPrint) run while the kernel executes the next notebook; a PDF keeps the
    # layout of the chapters that did not change since the published one (not with --force: all anew)
    exports = export_jobs.Exports(processes=export_processes,
                                  warm=any(s.report and s.notebook not in reused for s in steps))
    published_layouts = {} if force or not pdf else publishing.layout_records(publishing.read_record(final_report))
    starting_kernel = True
    try:
        # Great Expectations is imported ahead only when the validation step runs (not after only narasi.md changed)
        validating = any(s.notebook == "02_validasi.ipynb" and s.notebook not in reused for s in steps)
        session_cm = (contextlib.nullcontext(shared_session(notebooks_dir())) if reuse_kernel
                      else KernelSession(notebooks_dir()))
        if not reuse_kernel:
            session_cm.prefetch = validating  # read when the kernel starts (KernelSession.__enter__)
        with session_cm as session:
            starting_kernel = False
            for step in steps:
                current = step
                if step.notebook in reused:
                    say(f"{unit} {year}: {step.title} (masukan tidak berubah, hasil terbitan dipakai)")
                    continue
                say(f"{unit} {year}: {step.title}")
                t0 = time.perf_counter()
                out_nb = stage_report / "notebooks" / step.notebook
                session.execute(notebooks_dir() / step.notebook, out_nb, parameters, shown_folders={
                    str(stage_processed_root): parameters["published_processed_dir"], str(stage_report): str(final_report)})
                timings[step.notebook] = time.perf_counter() - t0
                if step.report:
                    exports.submit(step, out_nb, stage_report, unit, year, data_dir, pdf=pdf, memory=published_layouts)
        current = None
        waiting = exports.pending()
        if waiting:  # the PDF of a long document may take a minute: say what the run waits for
            say(f"{unit} {year}: ekspor HTML/PDF ({', '.join(waiting)})")
        timings.update(exports.seconds())
        # The inputs once more, just before publishing: a file changed during the run would give
        # reports of two states of the data (and --no-pdf would carry PDFs of neither)
        try:
            changed = snapshot.changes(input_snapshot(data_dir, unit, steps))
        except OSError as exc:  # an input that became unreadable during the run
            error = _unreadable(exc, data_dir)
            return failed(f"{unit} {year}: GAGAL: {error}", error.exit_code)
        if changed:
            return failed(run_inputs.changed_message(unit, year, changed, data_dir), EXIT_DATA)
        carry = publishing.PdfCarry() if pdf else publishing.carry_pdfs(final_report, stage_report, inputs_digest)
        notes += carry.notes(unit, year)
        # the way into the year's outputs, published with them (lkjip.run.report_index)
        write_index(stage_report, unit_name(data_dir, unit), year)
        layouts = exports.layouts() if pdf else carry.layouts
        if reused and pdf:  # the reused steps' PDFs are the published ones: so is their layout record
            layouts = {**{k: v for k, v in published_layouts.items() if (stage_report / k).exists()}, **layouts}
        record = {
            "unit": unit, "year": year, "fingerprint": digest, "fingerprint_masukan": inputs_digest, "pdf": pdf,
            "pdf_dibawa": carry.carried, "pdf_tidak_diterbitkan": carry.removed,
            # each published PDF's page count and the layout rules it breaks (lkjip.render.printcheck.findings)
            "tata_letak_pdf": layouts,
            "parameters": {k: v for k, v in parameters.items() if k not in _FOLDER_PARAMETERS},
            "steps": [s.notebook for s in steps],
            # what each step read, and the steps whose published outputs this run kept (inputs unchanged)
            "step_fingerprints": step_fps,
            "steps_reused": sorted(reused),
            "timings_s": {k: round(v, 2) for k, v in timings.items()},
            # what this run publishes, file by file: the next run's skip check compares it with what is there
            "published": publishing.published_digest(stage_report, stage_processed),
        }
        write_text_atomic(stage_report / RUN_RECORD, json.dumps(record, indent=2, sort_keys=True) + "\n")
        publishing_now = True
        # processed data and reports change together, in one journaled publish
        publish([(stage_processed, final_processed), (stage_report, final_report)],
                journal=publishing.journal_path(final_report))
        return RunResult(unit, year, True, time.perf_counter() - started, final_report, timings=timings, notes=notes)
    except Exception as exc:
        exports.close()
        if reuse_kernel:
            discard_shared_session()

        machine = step_failures.explain(exc, step_seconds=limits.current().step_seconds,
                                        memory_mb=limits.current().memory_mb, staging=staging,
                                        home=final_report.parent, inputs=data_dir / unit)
        if starting_kernel:  # the kernel spec, not the data nor an output: what to fix, exit 64
            error = kernel_error(exc, KernelSession(notebooks_dir()).kernel_name)
            return failed(f"{unit} {year}: GAGAL: {error}", error.exit_code)
        if isinstance(exc, OSError) and (publishing_now or current is None):  # an export, run.json, the publish
            return failed(f"{unit} {year}: GAGAL menerbitkan: {OutputError.from_os_error(exc)}; terbitan sebelumnya "
                          "tetap utuh", EXIT_CANTCREAT)
        failed_dir, not_kept = step_failures.keep_failure(stage_report, reports_dir / unit / FAILED_DIR / str(year))
        where = f" pada langkah {current.notebook}" if current else ""
        reason, code = machine or (short_error(exc), EXIT_DATA)
        kept = (f"notebook yang gagal: {failed_dir}" if failed_dir is not None else
                f"notebook yang gagal tidak dapat disimpan di {reports_dir / unit / FAILED_DIR / str(year)}: "
                + (step_failures.disk_full_reason(display_path(reports_dir / unit / FAILED_DIR))
                   if step_failures.disk_full(not_kept) else short_error(not_kept)))
        if failed_dir is None and step_failures.disk_full(not_kept) and machine is None:
            reason, code = f"{reason}; {step_failures.disk_full_reason(display_path(reports_dir / unit))}", EXIT_CANTCREAT
        message = f"{unit} {year}: GAGAL{where}: {reason}; terbitan sebelumnya tetap utuh\n  {kept}"
        return failed(message, code)
    finally:
        exports.close()
        shutil.rmtree(staging, ignore_errors=True)


def _lock(path: Path) -> contextlib.ExitStack:
    """Hold an exclusive lock on ``path`` (released when the returned stack is closed)."""
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(exclusive_lock(path))
    except LockHeld:
        unit, year = path.parent.name, path.name.lstrip(".").split(".")[0]
        raise RunLocked(f"{unit} {year}: sedang dijalankan oleh proses lain (kunci {path}); tunggu sampai proses itu "
                        "selesai lalu jalankan ulang perintah ini") from None
    return stack


def _unreadable(exc: OSError, data_dir: Path) -> LkjipError:
    """An input file that cannot be read: a data error (exit 2) under the data folder, else the
    environment (a notebook, the package's code: exit 64). Never "periksa izin tulis"."""
    # the file as it is named in its folder (a symbolic link is not followed for the message)
    where = Path(os.path.abspath(exc.filename)) if exc.filename else None
    reason = f"berkas tidak dapat dibaca: {exc.strerror or type(exc).__name__}"
    if where is not None:
        where = where.parent.resolve() / where.name
    if where is not None and is_inside(where.parent, Path(data_dir)):
        return DataError(run_inputs.shown(where), None, None, reason)
    shown = run_inputs.shown(where) if where is not None else "berkas program"
    return ConfigError(f"{shown}: {reason}; periksa pemasangan lkjip (notebook, kode, aturan validasi)")


def short_error(exc: BaseException) -> str:
    """The useful line of an exception, also for papermill's wrapped kernel errors
    (``lkjip run`` and ``lkjip kabupaten`` print it)."""
    evalue = getattr(exc, "evalue", None)
    ename = getattr(exc, "ename", None)
    if evalue is not None:
        return f"{ename}: {evalue}" if ename else str(evalue)
    return f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------ many years

def _worker(kwargs: dict, reuse_kernel: bool = True) -> RunResult:
    try:
        return run_unit_year(**kwargs, reuse_kernel=reuse_kernel)
    except Exception as exc:  # keep one unit-year's problem from stopping the others
        if isinstance(exc, LkjipError):  # foreseen: its message says it all, no traceback
            return RunResult(kwargs["unit"], kwargs["year"], False, 0.0, None,
                             f"{kwargs['unit']} {kwargs['year']}: GAGAL: {exc}", exit_code=exc.exit_code)
        return RunResult(kwargs["unit"], kwargs["year"], False, 0.0, None,
                         f"{kwargs['unit']} {kwargs['year']}: GAGAL PROGRAM (bug): {short_error(exc)}\n"
                         f"{traceback.format_exc()}", exit_code=1)


def heaviest_first(tasks: list[tuple[str, int]], data_dir: Path) -> list[int]:
    """The positions of ``tasks`` in the order ``--jobs`` workers take them: the unit-year with the
    most bytes of input first, ties in the plan's order.

    A unit-year's time grows with its inputs (their rows, the tables and pages they fill). Taken in the
    plan's order, the bundled unit's last and largest year ran alone while the other worker idled;
    the longest first (longest-processing-time-first scheduling) lets the small ones fill in beside it.
    The order changes no output: an earlier year is read as published or from raw with the same frames
    (:mod:`lkjip.inputs.earlier_years`).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for unit, year, size in [("a", 2022, 10), ("a", 2023, 30), ("b", 2023, 30)]:
    ...     folder = root / unit / str(year)
    ...     folder.mkdir(parents=True)
    ...     _ = (folder / "pegawai.csv").write_text("x" * size, encoding="utf-8")
    >>> heaviest_first([("a", 2022), ("a", 2023), ("b", 2023)], root)
    [1, 2, 0]
    """
    def size(task: tuple[str, int]) -> int:
        try:
            return sum(path.stat().st_size for path in year_files(data_dir, *task).values())
        except (OSError, LkjipError):  # checked before the run; here only an estimate
            return 0

    sizes = [size(task) for task in tasks]
    return sorted(range(len(tasks)), key=lambda i: -sizes[i])


def run_many(tasks: list[tuple[str, int]], *, data_dir: Path, processed_dir: Path, reports_dir: Path,
             jobs: int = 1, pdf: bool = True, force: bool = True, scheduler: str | None = None,
             progress: Callable[[str], None] | None = None, final: bool = False,
             tanggal_tanda_tangan: str | None = None, tempat: str | None = None,
             export_processes: bool = False) -> list[RunResult]:
    """Run unit-years, ``jobs`` at a time, each isolated from the others.

    One failing unit-year neither stops nor corrupts the others: each has its
    own staging folder and its own kernel. With ``scheduler`` (a Dask
    distributed address such as ``tcp://10.0.0.5:8786``) the unit-years run as
    tasks on that cluster instead of local processes; the workers must see
    the same data, notebooks and package. ``export_processes`` (``lkjip run``
    sets it) renders the HTML and PDF of a one-at-a-time run in worker
    processes (:mod:`lkjip.run.export_jobs`); like ``jobs`` > 1, it starts them
    with "spawn", which re-imports the calling script's main module.
    """
    say = progress or (lambda message: None)
    common = {"data_dir": data_dir, "processed_dir": processed_dir, "reports_dir": reports_dir,
              "pdf": pdf, "force": force, "final": final, "tanggal_tanda_tangan": tanggal_tanda_tangan,
              "tempat": tempat}
    results: list[RunResult] = []
    total = len(tasks)
    if scheduler:
        return _run_on_dask(tasks, common, scheduler, say)
    if jobs <= 1 or total <= 1:
        for index, (unit, year) in enumerate(tasks, start=1):
            # one unit-year's failure, foreseen or not, never stops the ones after it
            result = _worker({"unit": unit, "year": year, "progress": lambda m, i=index: say(f"[{i}/{total}] {m}"),
                              "export_processes": export_processes, **common}, reuse_kernel=False)
            results.append(result)
            say(_done_line(result, index, total))
        return results
    # "spawn": a forked child would inherit the parent's ZeroMQ and thread
    # state (kernel clients, export threads) and can hang; a fresh interpreter cannot.
    import multiprocessing

    # the workers die with this process and leave Ctrl-C to it; on Ctrl-C or SIGTERM they are told to
    # stop their unit-year (kernel killed, staging removed) instead of being waited for
    context = multiprocessing.get_context("spawn")
    # each worker's step lines come back through a queue as they happen, not only its end
    messages = context.Queue()
    relay = threading.Thread(target=_relay, args=(messages, say), name="lkjip-progress-relay", daemon=True)
    relay.start()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=_init_worker, initargs=(os.getpid(), messages)) as pool:
        try:
            with signals.sigint_held():  # the workers it starts never see the terminal's Ctrl-C
                # numbered in the order they start ("[1/5]" first), as in a one-at-a-time run
                # (the end line too: a unit-year keeps its number from its first line to its last)
                futures = {pool.submit(signals.busy_call, _worker,
                                       {"unit": tasks[i][0], "year": tasks[i][1],
                                        "progress": QueueSay(f"[{n}/{total}] "), **common}): n
                           for n, i in enumerate(heaviest_first(tasks, data_dir), start=1)}
            say(f"{total} unit-tahun, {jobs} bersamaan")
            for future in as_completed(futures):
                result = future.result()
                results.append(result)
                say(_done_line(result, futures[future], total))
        except KeyboardInterrupt:
            signals.stop_pool(pool)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            messages.put(None)
            relay.join(timeout=5)
            messages.close()
    order = {task: i for i, task in enumerate(tasks)}
    return sorted(results, key=lambda r: order[(r.unit, r.year)])


#: In a ``--jobs`` worker process: the parent's queue of progress messages (set by :func:`_init_worker`).
_PROGRESS_QUEUE = None


def _init_worker(parent_pid: int, messages) -> None:
    """A ``--jobs`` worker's start: signals as :func:`lkjip.run.signals.run_worker_init` sets them, and
    the progress queue (a queue passes to a process only when it starts)."""
    global _PROGRESS_QUEUE
    _PROGRESS_QUEUE = messages
    signals.run_worker_init(parent_pid)


class QueueSay:
    """A ``progress`` callable for a ``--jobs`` worker process: each message goes to the parent's queue,
    prefixed (``"[i/n] "``), where :func:`_relay` passes it on as it comes."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix

    def __call__(self, message: str) -> None:
        if _PROGRESS_QUEUE is None:
            return
        try:
            _PROGRESS_QUEUE.put(self.prefix + message)
        except (OSError, ValueError):  # the parent is gone or stopping: progress never fails a run
            pass


def _relay(messages, say) -> None:
    """Pass the workers' messages to ``say`` until a ``None`` arrives."""
    while True:
        try:
            message = messages.get()
        except (EOFError, OSError, ValueError):
            return
        if message is None:
            return
        say(message)


def _worker_in_fresh_thread(kwargs: dict) -> RunResult:
    """Run a unit-year in a thread of its own.

    Dask executes tasks in threads that may carry an asyncio loop; the
    Jupyter kernel client needs a thread without one.
    """
    import threading

    box: list[RunResult] = []

    def task() -> None:
        try:
            # A fresh kernel per task: a kernel must not outlive the thread that drives it.
            box.append(_worker(kwargs, reuse_kernel=False))
        finally:
            _close_thread_event_loop()

    thread = threading.Thread(target=task, name="lkjip-task")
    thread.start()
    thread.join()
    return box[0]


def _close_thread_event_loop() -> None:
    """Close the event loop the kernel client made for this thread (jupyter_core makes one per
    thread and never closes it): a worker running task after task would otherwise keep their
    sockets open until the garbage collector finds them."""
    import asyncio
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the policy API, deprecated in Python 3.14
        policy = asyncio.get_event_loop_policy()
        try:
            loop = policy.get_event_loop()
        except RuntimeError:  # no loop in this thread
            return
        if not loop.is_running():
            loop.close()
        policy.set_event_loop(None)


def _run_on_dask(tasks, common, scheduler: str, say) -> list[RunResult]:
    client = scheduler_client(scheduler)  # an unreachable or bogus address: exit 64 with what to fix
    from distributed import as_completed as dask_completed

    try:
        futures = [client.submit(_worker_in_fresh_thread, {"unit": u, "year": y, **common},
                                 key=f"lkjip-{u}-{y}", pure=False)
                   for u, y in tasks]
        say(f"{len(tasks)} unit-tahun di klaster {scheduler}")
        results = []
        for done, future in enumerate(dask_completed(futures), start=1):
            result = future.result()
            results.append(result)
            say(_done_line(result, done, len(tasks)))
    finally:
        client.close()
    order = {task: i for i, task in enumerate(tasks)}
    return sorted(results, key=lambda r: order[(r.unit, r.year)])


def _done_line(result: RunResult, index: int, total: int) -> str:
    # the first word tells lkjip.run.progress that the unit-year ended (progress.DONE_WORDS)
    state = "dilewati (tidak berubah)" if result.skipped else ("selesai" if result.ok else "GAGAL")
    return f"[{index}/{total}] {result.unit} {result.year}: {state} ({result.seconds:.1f} dtk)"


def plan(data_dir: Path, unit: str | None, years: list[int] | None, all_units: bool) -> list[tuple[str, int]]:
    """The unit-years a run covers; parameters are checked before anything runs."""
    if all_units:
        units = list_units(data_dir)
        if not units:
            raise ConfigError(f"tidak ada unit di {data_dir}")
        for u in units:  # a folder `lkjip kabupaten` would leave out is refused before anything runs
            check_unit_code(u, display_path(data_dir))
        tasks = [(u, y) for u in units for y in list_years(data_dir, u) if not years or y in years]
        if not tasks:  # --year given, but no unit has data for it
            raise ConfigError(f"tidak ada unit dengan data tahun {', '.join(map(str, sorted(years or [])))} "
                              f"di {display_path(data_dir)}")
        return tasks
    if not unit:
        raise ConfigError("sebutkan --unit KODE atau --all")
    return [(unit, y) for y in check_unit_year(data_dir, unit, years)]


def check_before_running(tasks: list[tuple[str, int]], data_dir: Path,
                         check: Callable[[str, int], object]) -> tuple[list[tuple[str, int]], list[RunResult]]:
    """(the unit-years to run, those refused) before anything runs.

    The chain's notebooks must all be there (:func:`lkjip.run.environment.check_notebooks`: a
    :class:`ConfigError` stops everything, exit 64). ``check(unit, year)`` raises a
    ``ConfigError`` for a bad parameter (stops everything) or a data error for one unit-year's
    files (a unit.yaml that cannot be read, a ``kode`` that is not its folder): that unit-year
    alone is refused, the others run.
    """
    needed = sorted({s.notebook for unit, year in tasks for s in steps_for(unit, year, data_dir)})
    check_notebooks(notebooks_dir(), needed)
    runnable, refused = [], []
    for unit, year in tasks:
        try:
            check(unit, year)
        except ConfigError:
            raise
        except (LkjipError, OSError) as exc:
            error = _unreadable(exc, data_dir) if isinstance(exc, OSError) else exc
            refused.append(RunResult(unit, year, False, 0.0, None, f"{unit} {year}: GAGAL: {error}",
                                     exit_code=error.exit_code))
            continue
        runnable.append((unit, year))
    return runnable, refused


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
