"""How a run ends on Ctrl-C or SIGTERM, and how the processes it starts die with it.

- :func:`install`: ``lkjip`` (the CLI's ``main``) turns SIGTERM into :class:`Terminated`, a
  ``KeyboardInterrupt``, so that Ctrl-C and SIGTERM run the same cleanup (the kernel is
  killed, the export workers stopped, the staging folder removed; a publish under way is
  undone) and end with exit 130 or 143 and one line. A second signal during that cleanup
  ends the process at once (the workers and the kernel die with it, see below; an
  interrupted publish is repaired by the next run under its lock).
- :func:`die_with_parent`: a process started by the run (an export worker, a ``--jobs``
  worker, a kernel) asks Linux for SIGKILL when the run dies (``prctl(PR_SET_PDEATHSIG)``),
  even by SIGKILL, so nothing is left re-parented to PID 1 holding memory and the
  caller's stdout/stderr (a ``| tee`` or a CI log capture would wait forever).
- :func:`export_worker_init` and :func:`run_worker_init`: the initializers of those pools:
  they die with the run, leave Ctrl-C of the terminal to it (a worker that got the
  terminal's SIGINT would print its own traceback), and a ``--jobs`` worker ends its
  unit-year cleanly on the run's SIGTERM (:func:`busy_call`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys

#: 128 + the signal's number, as shells report a process ended by it.
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143

_PR_SET_PDEATHSIG = 1


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises ``KeyboardInterrupt`` (same cleanup, exit 143)."""


def exit_code(exc: BaseException) -> int:
    """130 for Ctrl-C, 143 for SIGTERM."""
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def message(exc: BaseException) -> str:
    """The one line the CLI prints."""
    what = "SIGTERM" if isinstance(exc, Terminated) else "Ctrl-C"
    return (f"dihentikan ({what}); langkah yang sedang berjalan dibatalkan, tidak ada yang diterbitkan "
            "darinya, terbitan sebelumnya tetap utuh")


def install(prog: str):
    """In the CLI's main thread: SIGTERM raises :class:`Terminated`, SIGINT ``KeyboardInterrupt``; a
    second one of either, during the cleanup of the first, ends the process at once with its code.

    Returns a function that puts the earlier handlers back."""
    state = {"first": None}
    earlier = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum, frame):
        exc = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
        if state["first"] is not None:
            _quiet_asyncio()
            os.write(2, f"{prog}: {message(state['first'])} (sinyal kedua: berhenti seketika)\n".encode())
            os._exit(exit_code(state["first"]))
        state["first"] = exc
        _quiet_asyncio()
        raise exc

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)

    def restore() -> None:
        for sig, previous in earlier.items():
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)

    return restore


def _quiet_asyncio() -> None:
    """The kernel client's event loop, broken off mid-cell, leaves tasks whose errors asyncio would log
    ("Task exception was never retrieved") when they are collected: not news for the user."""
    import logging

    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)


def die_with_parent(parent_pid: int | None = None, sig: int = signal.SIGKILL) -> bool:
    """Ask for ``sig`` when the thread that started this process ends (Linux; elsewhere nothing).

    ``parent_pid``: the process that started this one; when it is already gone (it died before
    the request took effect) this process ends at once. Returns whether the request was made."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(EXIT_TERMINATED)
    return True


def kernel_line() -> str:
    """A line the kernel runs as it starts: it dies with the process that started it (the kernel's
    parent pid is checked against ``JPY_PARENT_PID``, which jupyter_client sets)."""
    return ("import lkjip.run.signals as _g, os as _o; "
            "_g.die_with_parent(int(_o.environ.get('JPY_PARENT_PID') or 0) or None); del _g, _o")


def export_worker_init(parent_pid: int) -> None:
    """Initializer of the export pool's workers: die with the run; Ctrl-C is the run's to handle
    (it stops the workers itself); end without tearing the interpreter down (:func:`end_quickly`)."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(end_quickly)


def end_quickly() -> None:
    """The last exit handler of a spawned pool worker (export or ``--jobs``): end the process now
    (``os._exit(0)``).

    A forked child of multiprocessing ends with ``os._exit``; a spawned one with ``sys.exit``, which
    then frees every object and module it imported: 0,5-1 s for a worker holding pandas, nbconvert
    and WeasyPrint, which the run waits for as the pool shuts down (its last second).
    By the time exit handlers run, multiprocessing has flushed the worker's queues and joined its
    threads, and the handlers registered after this one (temporary folders, libraries) have run:
    only the freeing is skipped. Status 0 is the one such a worker ends with: a job's error goes back
    through the pool's queue, and a worker that dies is noticed by the pool's sentinel, not its status.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


_BUSY = False


def run_worker_init(parent_pid: int) -> None:
    """Initializer of ``lkjip run --jobs N``'s workers: die with the run; Ctrl-C is the run's; the
    run's SIGTERM ends the unit-year being run like in the run itself (kernel killed, staging
    removed), and is ignored by an idle worker (it ends when the pool shuts down, without tearing its
    interpreter down: :func:`end_quickly`)."""
    export_worker_init(parent_pid)  # the start every pool worker of a run shares

    def handler(signum, frame):
        global _BUSY
        if _BUSY:
            _BUSY = False  # once: the cleanup is not interrupted again
            _quiet_asyncio()
            raise Terminated()

    signal.signal(signal.SIGTERM, handler)


def busy_call(function, *args, **kwargs):
    """Call ``function`` in a ``--jobs`` worker, SIGTERM raising :class:`Terminated` meanwhile."""
    global _BUSY
    _BUSY = True
    try:
        return function(*args, **kwargs)
    finally:
        _BUSY = False


@contextlib.contextmanager
def sigint_held():
    """Start processes in the block with SIGINT ignored.

    A pool worker is still importing when the terminal's Ctrl-C may reach it, before its
    initializer can ignore SIGINT, and would print "Process SpawnProcess-1: Traceback". An
    ignored signal stays ignored through ``exec`` (and Python then installs no handler of its
    own), so workers started here never see SIGINT: the run stops them itself. The block only
    starts processes (milliseconds); a Ctrl-C within it is lost, the next one counts."""
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)


def stop_pool(pool, sig: int = signal.SIGTERM) -> None:
    """Send ``sig`` to the worker processes of a ``ProcessPoolExecutor`` that are still running."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            if process.is_alive():
                os.kill(process.pid, sig)
        except (OSError, ValueError):
            pass
