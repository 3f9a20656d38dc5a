"""Writing files so that readers never see half a result: atomic writes, swaps, locks.

- :func:`atomic_write` / :func:`write_text_atomic`: a file is written beside its
  target and renamed over it (``os.replace``), so the target holds either the
  old or the new bytes, never a mix;
- :func:`staging_dir` and :func:`swap_into_place`: a folder is built beside its
  target and swapped in with two renames (the old one is removed afterwards); a
  failure leaves the old folder as it was;
- :func:`publish`: several staged folders swapped in one after another, undone
  together when one swap fails (the pipeline publishes ``data/processed`` and
  ``reports`` of a unit-year this way);
- :func:`exclusive_lock`: one process at a time per resource (``filelock``, portable).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO


class LockHeld(RuntimeError):
    """Another process holds the lock."""


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> with atomic_write(target) as fh:
    ...     _ = fh.write("x\\n")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('x\\n', ['a.csv'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (``\\n`` line endings kept as given)."""
    with atomic_write(path, encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(path)


def staging_dir(final: Path | str) -> Path:
    """A new, empty folder beside ``final`` to build its next content in."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))


def swap_into_place(stage: Path | str, final: Path | str) -> None:
    """Replace the folder ``final`` with ``stage`` (two renames; no half-written state).

    ``stage`` must be on the same file system (build it with :func:`staging_dir`
    or beside ``final``). The old folder is removed once the new one is in place.
    """
    _remove_old(_swap(Path(stage), Path(final)))


def publish(pairs: Sequence[tuple[Path | str, Path | str]]) -> None:
    """Swap several staged folders into place; when one swap fails, the earlier ones are undone.

    The old folders are removed only after every swap succeeded.
    """
    done: list[tuple[Path, Path | None]] = []
    try:
        for stage, final in pairs:
            done.append((Path(final), _swap(Path(stage), Path(final))))
    except BaseException:
        for final, old in reversed(done):
            shutil.rmtree(final, ignore_errors=True)
            if old is not None:
                old.rename(final)
        raise
    for _, old in done:
        _remove_old(old)


def _swap(stage: Path, final: Path) -> Path | None:
    final.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        final.rename(old)
    try:
        stage.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    return old


def _remove_old(old: Path | None) -> None:
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def exclusive_lock(path: Path | str) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the block; :class:`LockHeld` at once if taken."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise LockHeld(str(path)) from None
    try:
        yield
    finally:
        lock.release()
