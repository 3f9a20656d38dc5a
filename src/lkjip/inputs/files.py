"""Writing files so that readers never see half a result: atomic writes, swaps, locks.

- :func:`atomic_write` / :func:`write_text_atomic`: a file is written beside its
  target and renamed over it (``os.replace``), so the target holds either the
  old or the new bytes, never a mix; it ends with the mode a plain ``open`` gives
  (0644 under umask 022, :mod:`lkjip.inputs.permissions`), not ``mkstemp``'s 0600;
- :func:`staging_dir` and :func:`swap_into_place`: a folder is built beside its
  target and swapped in with two renames (the old one is removed afterwards); a
  failure leaves the old folder as it was; the staged folder has ``mkdir``'s mode
  (0755 under umask 022), not ``mkdtemp``'s 0700;
- :func:`publish`: several staged folders swapped in one after another, undone
  together when one swap fails (the pipeline publishes ``data/processed`` and
  ``reports`` of a unit-year this way). With a ``journal`` it survives a crash
  too: the plan (which folders, where the old ones go) is written and fsynced
  before the first rename, its phase (``swapping``, then ``done``) after;
  :func:`recover` — run under the same lock before anything else touches those
  folders — rolls a ``swapping`` journal back to the whole old state and a
  ``done`` one forward (the old copies removed), so a kill at any moment leaves
  the whole old state or the whole new one;
- :func:`exclusive_lock`: one process at a time per resource (``filelock``, portable).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from lkjip.inputs.permissions import dir_mode, file_mode


class LockHeld(RuntimeError):
    """Another process holds the lock."""


def is_inside(path: Path | str, folder: Path | str) -> bool:
    """Whether ``path`` lies in ``folder`` (both resolved: links followed), ``folder`` itself included.

    >>> is_inside("/tmp/a/b.csv", "/tmp/a"), is_inside("/tmp/a/../c", "/tmp/a")
    (True, False)
    """
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


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
        os.chmod(tmp, file_mode())  # mkstemp's 0600 would publish a file its readers cannot open
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
    stage = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    os.chmod(stage, dir_mode())  # mkdtemp's 0700 would be published as it is
    return stage


def swap_into_place(stage: Path | str, final: Path | str) -> None:
    """Replace the folder ``final`` with ``stage`` (two renames; no half-written state).

    ``stage`` must be on the same file system (build it with :func:`staging_dir`
    or beside ``final``). The old folder is removed once the new one is in place.
    """
    _remove_old(_swap(Path(stage), Path(final)))


def publish(pairs: Sequence[tuple[Path | str, Path | str]], *, journal: Path | str | None = None) -> None:
    """Swap several staged folders into place; when one swap fails, the earlier ones are undone.

    The old folders are removed only after every swap succeeded; the staged
    folders are used up either way (moved into place, or removed on failure). With
    ``journal`` (a file path beside the folders, e.g. ``reports/<unit>/.2023.publish.json``)
    the publish is crash-safe: see :func:`recover`.
    """
    token = uuid.uuid4().hex[:8]
    plan = []
    pairs = [(Path(stage), Path(final)) for stage, final in pairs]
    try:
        for stage, final in pairs:
            final.parent.mkdir(parents=True, exist_ok=True)
            if not stage.is_dir():
                raise FileNotFoundError(2, "folder staging tidak ada", str(stage))
            plan.append({"stage": str(_beside(stage, final)), "final": str(final),
                         "old": str(final.with_name(f".{final.name}-old-{token}")), "had_old": final.exists()})
    except BaseException:
        _discard([stage for stage, _ in pairs] + [Path(step["stage"]) for step in plan])
        raise
    if journal is not None:
        _write_journal(Path(journal), "swapping", plan)
    done: list[dict] = []
    try:
        for step in plan:
            stage, final, old = Path(step["stage"]), Path(step["final"]), Path(step["old"])
            if step["had_old"]:
                _rename(final, old)
            try:
                _rename(stage, final)
            except BaseException:
                if step["had_old"]:
                    _rename(old, final)
                raise
            done.append(step)
    except BaseException:
        for step in reversed(done):
            final, old = Path(step["final"]), Path(step["old"])
            shutil.rmtree(final, ignore_errors=True)
            if step["had_old"]:
                _rename(old, final)
        _discard([stage for stage, _ in pairs] + [Path(step["stage"]) for step in plan])
        if journal is not None:
            _remove_journal(Path(journal))
        raise
    _discard([stage for stage, _ in pairs])  # copies made for another file system
    if journal is not None:
        _write_journal(Path(journal), "done", plan)
    for step in plan:
        if step["had_old"]:
            _remove_old(Path(step["old"]))
    if journal is not None:
        _remove_journal(Path(journal))


def recover(journal: Path | str) -> str | None:
    """Finish or undo a publish that a crash interrupted; the phase found, or None.

    ``swapping``: every folder goes back to its old content (a new folder
    already in place is removed, the old one renamed back, staging removed);
    ``done``: the new folders stay, the old copies are removed. Each action
    is idempotent, so a crash during recovery is recovered by the next call.
    Call it under the lock that guards the folders.
    """
    journal = Path(journal)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        phase, plan = record["phase"], record["pairs"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # a journal cut short while being written: no rename had started yet
        _remove_journal(journal)
        return "rusak"
    if phase == "swapping":
        for step in reversed(plan):
            stage, final, old = Path(step["stage"]), Path(step["final"]), Path(step["old"])
            if step["had_old"]:
                if old.exists():
                    if final.exists():
                        shutil.rmtree(final)
                    _rename(old, final)
            elif final.exists() and not stage.exists():
                shutil.rmtree(final)
            shutil.rmtree(stage, ignore_errors=True)
    else:
        for step in plan:
            _remove_old(Path(step["old"]))
            shutil.rmtree(step["stage"], ignore_errors=True)
    _remove_journal(journal)
    return phase


def _discard(stages: list[Path]) -> None:
    """Staging folders of a publish that failed (or copies no longer needed)."""
    for stage in stages:
        shutil.rmtree(stage, ignore_errors=True)


def _beside(stage: Path, final: Path) -> Path:
    """``stage`` itself when it can be renamed onto ``final``; else a copy beside ``final``."""
    if _same_device(stage, final.parent):
        return stage
    copy = staging_dir(final)
    copy.rmdir()
    try:
        shutil.copytree(stage, copy)
    except BaseException:  # a full disk: no partial copy stays to keep it full
        shutil.rmtree(copy, ignore_errors=True)
        raise
    return copy


def _same_device(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def _rename(src: Path, dst: Path) -> None:
    """A rename, then the folder's entry made durable (a crash after it keeps it)."""
    src.rename(dst)
    _fsync_dir(dst.parent)
    if src.parent != dst.parent:
        _fsync_dir(src.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _write_journal(path: Path, phase: str, plan: list[dict]) -> None:
    text = json.dumps({"phase": phase, "pairs": plan}, indent=1, sort_keys=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _remove_journal(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".tmp").unlink(missing_ok=True)
    _fsync_dir(path.parent)


def remove_leftovers(folder: Path | str, name: str, keep: Sequence[Path | str] = ()) -> list[Path]:
    """Remove ``folder/.<name>-*`` folders (old copies, staging) left by an interrupted run.

    Call only under the lock of ``name`` and after :func:`recover`, when no
    publish of it is in progress. Returns what was removed.
    """
    folder = Path(folder)
    keep_set = {Path(k).resolve() for k in keep}
    removed = []
    if not folder.is_dir():
        return removed
    for path in sorted(folder.glob(f".{name}-*")):
        if path.is_dir() and path.resolve() not in keep_set:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


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
