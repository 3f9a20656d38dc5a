"""One Jupyter kernel for a whole notebook chain.

papermill starts a kernel per notebook by default: with six notebooks that
is six start-ups and six imports of pandas, matplotlib and Great
Expectations. :class:`KernelSession` starts one kernel, lends it to papermill
for each notebook (papermill's nbclient engine leaves a kernel it does not
own running), and clears the namespace between notebooks so that no
notebook can silently depend on another's variables.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import time
from pathlib import Path

from lkjip.contract.lean_imports import import_lean
from lkjip.run import limits as run_limits, papermill_engine
from lkjip.run.limits import kernel_line as memory_line
from lkjip.run.notebook_record import as_published
from lkjip.run.signals import kernel_line as parent_line

#: Quiet kernels: their start-up notices are not for the person running the report.
#: Every kernel starts importing Great Expectations in a background thread as it
#: starts (lkjip.validation.suites.prefetch): the import (~3 s) then overlaps the
#: kernel's wait for its first notebook and the ingest notebook, instead of
#: opening the validation notebook. Nothing is validated or published by it.
PREFETCH_LINE = "import lkjip.validation.suites as _s; _s.prefetch(); del _s"
#: The kernel keeps no input history: no notebook reads it, and its writer thread
#: costs CPU beside every cell.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", f"--IPKernelApp.exec_lines={PREFETCH_LINE}",
                    "--HistoryManager.enabled=False"]

#: The temporary folder of a kernel's sockets (POSIX), and the file in it naming the run's process.
SOCKETS_PREFIX, OWNER = "lkjip-kernel-", "pid"
#: A socket folder without its owner file is another run's being made, unless it is older than this.
STALE_UNOWNED_SECONDS = 3600


def remove_stale_socket_folders(temp: str | None = None) -> list[str]:
    """Remove the kernels' socket folders (:data:`SOCKETS_PREFIX`) that a run killed with SIGKILL left
    in the temporary directory: those whose owner process is gone, and those without an owner file
    older than :data:`STALE_UNOWNED_SECONDS`. Returns the folders removed.

    A folder of a running run (its process alive, or just made) is left alone, so runs side by side
    (``--jobs``, test workers) never take each other's sockets away."""
    removed = []
    for folder in Path(temp or tempfile.gettempdir()).glob(SOCKETS_PREFIX + "*"):
        try:
            if not folder.is_dir() or folder.is_symlink():
                continue
            owner = folder / OWNER
            if owner.exists():
                text = owner.read_text(encoding="ascii").strip()
                if text.isdigit() and _alive(int(text)):
                    continue
            elif time.time() - folder.stat().st_mtime < STALE_UNOWNED_SECONDS:
                continue
            shutil.rmtree(folder)
            removed.append(str(folder))
        except OSError:
            continue  # another user's folder, or one removed meanwhile: not ours to clean
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def kernel_arguments(memory_mb: int, prefetch: bool = True) -> list[str]:
    """:data:`KERNEL_ARGUMENTS` with the lines that make the kernel die with the process that started
    it (:func:`lkjip.run.signals.kernel_line`) and hold its memory limit (:func:`lkjip.run.limits.kernel_line`),
    run before the prefetch (left out with ``prefetch=False``: a run whose validation step is reused
    never imports Great Expectations)."""
    lines = "; ".join((parent_line(), memory_line(memory_mb), *([PREFETCH_LINE] if prefetch else [])))
    return [f"--IPKernelApp.exec_lines={lines}" if a.startswith("--IPKernelApp.exec_lines=") else a
            for a in KERNEL_ARGUMENTS]


#: Between notebooks, so that each runs and is recorded as in a fresh kernel
#: (:func:`lkjip.run.kernel_reset.as_if_fresh`: namespace emptied, warnings shown forgotten, what
#: survives frozen for the garbage collector, cells counted from ``In [1]``; silent and not counted).
#: It runs when the next notebook starts, not when the last one ends: the ended notebook's export
#: starts at once, and a kernel whose last notebook has run is shut down without it (0,2-0,5 s of a
#: full collection after ``05_lkjip``).
RESET_CODE = "__import__('lkjip.run.kernel_reset', fromlist=['as_if_fresh']).as_if_fresh(get_ipython())"


def stable_cell_ids(path: Path) -> None:
    """Give papermill's injected cells fixed ids (it draws random ones), so
    the same inputs give the same executed notebook and the same HTML."""
    import nbformat

    if not path.exists():
        return
    book = nbformat.read(path, as_version=4)
    changed = False
    for index, cell in enumerate(book.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if ("injected-parameters" in tags or "papermill-error-cell-tag" in tags) and \
                not str(cell.get("id", "")).startswith("papermill-"):
            cell["id"] = f"papermill-{index:02d}"
            changed = True
    if changed:
        nbformat.write(book, path)


@functools.cache
def _write_at_end_engine() -> str:
    """The name of the papermill engine the sessions use (:mod:`lkjip.run.papermill_engine`).

    papermill finds it through its ``papermill.engine`` entry point (pyproject.toml); an install whose
    metadata predates the entry point still gets it, registered here by the same class."""
    from papermill.engines import papermill_engines
    from papermill.exceptions import PapermillException

    try:
        papermill_engines.get_engine(papermill_engine.ENGINE_NAME)
    except PapermillException:
        papermill_engines.register(papermill_engine.ENGINE_NAME, papermill_engine.WriteAtEndEngine)
    return papermill_engine.ENGINE_NAME


@functools.cache
def _closing_kernel_manager_class():
    """jupyter_client's ``KernelManager`` that remembers the clients made on it, so they can be closed.

    papermill starts a client on the kernel it is given and, since it does not own that kernel,
    leaves the client's channels open: a worker running notebook after notebook on one kernel would
    hold their sockets until the garbage collector found them (and warn then)."""
    # the asynchronous manager, as nbclient expects: with a blocking client, nbclient's wait for a
    # cell's output holds its event loop, so it never notices a kernel that died mid-cell and waits forever
    from jupyter_client.manager import AsyncKernelManager

    class ClosingKernelManager(AsyncKernelManager):
        def client(self, **kwargs):
            client = super().client(**kwargs)
            self.__dict__.setdefault("_lkjip_clients", []).append(client)
            return client

        def close_clients(self) -> None:
            """Stop the channels of every client made so far (and forget them)."""
            clients = self.__dict__.pop("_lkjip_clients", [])
            for client in clients:
                client.stop_channels()

    return ClosingKernelManager


class KernelSession:
    """A started kernel that executes notebooks one after another.

    >>> # with KernelSession(cwd) as session: session.execute(src, out, params)
    """

    def __init__(self, cwd: Path, kernel_name: str = "python3", startup_timeout: int = 120,
                 limits=None, prefetch: bool = True):
        self.cwd = Path(cwd)
        self.kernel_name = kernel_name
        self.startup_timeout = startup_timeout
        #: :class:`lkjip.run.limits.Limits`: a step's seconds, the kernel's memory (default: the run's)
        self.limits = limits or run_limits.current()
        #: import Great Expectations in the background as the kernel starts (:data:`PREFETCH_LINE`)
        self.prefetch = prefetch
        self.km = None
        #: the folder of the kernel's sockets (POSIX), removed with the kernel
        self._sockets: str | None = None
        #: a notebook ended in this kernel and its namespace is still to be cleared (:data:`RESET_CODE`)
        self._used = False

    def __enter__(self) -> "KernelSession":
        from jupyter_core.utils import run_sync

        sockets = {}
        if os.name == "posix":
            # Unix sockets in a folder of this kernel's own, not TCP ports: kernels starting at once
            # (`--jobs`, the test workers) raced for a free port, and the one that lost died at its start
            # while the run waited 120 s for it ("Address already in use")
            remove_stale_socket_folders()
            self._sockets = tempfile.mkdtemp(prefix=SOCKETS_PREFIX)
            Path(self._sockets, OWNER).write_text(str(os.getpid()), encoding="ascii")
            sockets = {"transport": "ipc", "ip": os.path.join(self._sockets, "k")}
        self.km = _closing_kernel_manager_class()(kernel_name=self.kernel_name, **sockets)
        run_sync(self.km.start_kernel)(extra_arguments=kernel_arguments(self.limits.memory_mb, self.prefetch), cwd=str(self.cwd))
        return self

    def __exit__(self, *exc) -> None:
        from jupyter_core.utils import run_sync

        if self.km is not None:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            finally:
                self.km = None
                if self._sockets is not None:
                    shutil.rmtree(self._sockets, ignore_errors=True)
                    self._sockets = None

    def is_alive(self) -> bool:
        """Whether the kernel process is running."""
        from jupyter_core.utils import run_sync

        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def execute(self, source: Path, output: Path, parameters: dict, shown_folders: dict | None = None) -> None:
        """Execute ``source`` with ``parameters`` into ``output`` (papermill semantics).

        ``shown_folders`` (staging folder -> the folder it is published to) names the staging folders
        of ``parameters`` as their published folders in the written notebook
        (:func:`lkjip.run.notebook_record.as_published`).

        The whole notebook gets :attr:`limits` ``.step_seconds``: each cell is given what is left of
        it, and a cell still running then raises nbclient's ``CellTimeoutError`` (the kernel, still
        busy, is for the caller to discard). The namespace of a notebook that ended or failed in a cell
        is cleared when the next notebook starts (:data:`RESET_CODE`); not after a timeout, a dead
        kernel or an interrupt, where the kernel is not ready for it and is discarded anyway."""

        pm = import_lean("papermill")
        from papermill.exceptions import PapermillExecutionError

        if self._used:
            self._reset()
        deadline = time.monotonic() + self.limits.step_seconds
        finished = False
        try:
            pm.execute_notebook(
                str(source), str(output), parameters=parameters, cwd=str(self.cwd),
                progress_bar=False, log_output=False, kernel_name=self.kernel_name,
                km=self.km, start_timeout=self.startup_timeout, engine_name=_write_at_end_engine(),
                timeout_func=lambda cell: max(1, int(deadline - time.monotonic() + 0.999)),
            )
            finished = True
        except PapermillExecutionError:
            finished = True
            raise
        finally:
            self.km.close_clients()
            self._used = finished
            stable_cell_ids(Path(output))

            as_published(Path(output), shown_folders)

    def _reset(self) -> None:
        self._used = False
        if not self.is_alive():
            return  # a dead kernel has nothing to reset (the run fails on it and starts a fresh one)
        client = self.km.blocking_client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=self.startup_timeout)
            client.execute_interactive(RESET_CODE, silent=True, store_history=False, timeout=60,
                                       output_hook=lambda msg: None)
        finally:
            client.stop_channels()


_SHARED: KernelSession | None = None


def shared_session(cwd: Path) -> KernelSession:
    """A kernel kept alive for the life of this process (worker processes of
    ``lkjip run --jobs N`` reuse it across unit-years, so pandas, matplotlib and
    Great Expectations are imported once, not once per unit-year)."""
    import atexit

    global _SHARED
    if _SHARED is None or not _SHARED.is_alive() or _SHARED.cwd != Path(cwd):
        discard_shared_session()
        _SHARED = KernelSession(cwd).__enter__()
        atexit.register(discard_shared_session)
    return _SHARED


def discard_shared_session() -> None:
    """Shut the shared kernel down (after a failure, so the next unit-year starts clean)."""
    global _SHARED
    if _SHARED is not None:
        try:
            _SHARED.__exit__(None, None, None)
        finally:
            _SHARED = None
