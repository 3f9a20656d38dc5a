"""A step that stopped for a reason of the machine, not of the data, in words and with its exit code.

- the kernel died (killed, out of memory): exit 1, "kernel berhenti" — never nbclient's traceback;
- the step ran past its time limit (``--batas-waktu``): exit 2, the limit named;
- the kernel ran out of its memory limit (``--batas-memori``, a ``MemoryError`` in a cell): exit 2;
- a write failed on a full disk (``ENOSPC``/``EDQUOT``), in the notebook's own writes (a cell's
  ``OSError``), in papermill's or an export's write, or while keeping the failed notebooks:
  exit 73 naming the folder and "disk penuh".

:func:`keep_failure` copies a failed run's notebooks to ``reports/<unit>/_gagal/<year>`` and, when
that copy itself fails (a full disk), removes what it had copied: no empty or cut files stay.
"""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

from lkjip.inputs.files import is_inside
from lkjip.errors import EXIT_BUG, EXIT_CANTCREAT, EXIT_DATA, display_path

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
#: in a kernel's error: the OSError's text, pyarrow's ("[errno 28] No space left on device"), or this
#: package's own OutputError (lkjip.errors.OutputError.from_os_error)
_DISK_FULL_TEXT = re.compile(r"\[Errno (?:%d|%d)\]|No space left on device|Disk quota exceeded|: disk penuh"
                             % _DISK_FULL, re.IGNORECASE)
_QUOTED_PATH = re.compile(r"""\[Errno \d+\][^'"]*['"]([^'"]+)['"]""")


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is (or wraps, or reports from a kernel) a write on a full disk."""
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
        return True
    if isinstance(exc, shutil.Error):  # copytree's list of (source, target, why)
        return any(_DISK_FULL_TEXT.search(str(item)) for item in (exc.args[0] if exc.args else []))
    text = " ".join(str(part) for part in (getattr(exc, "ename", ""), getattr(exc, "evalue", "")) if part)
    if text and _DISK_FULL_TEXT.search(text):
        return True
    cause = exc.__cause__ or exc.__context__
    return cause is not None and cause is not exc and disk_full(cause)


def disk_full_folder(exc: BaseException, *, staging: Path | None = None, home: Path | None = None) -> str:
    """The folder on the full disk, as users know it: the file's folder, or ``home`` when the file
    was in the run's ``staging`` folder (removed when the run ends) or is not known."""
    where = None
    if isinstance(exc, OSError) and exc.filename:
        where = Path(str(exc.filename))
    else:
        found = _QUOTED_PATH.search(str(getattr(exc, "evalue", "") or exc))
        if found:
            where = Path(found.group(1))
    if where is None or (staging is not None and is_inside(where, staging)):
        where = home if home is not None else where
        return display_path(where) if where is not None else "folder keluaran"
    return display_path(where.parent)


def disk_full_reason(folder: str) -> str:
    return f"disk penuh: tidak dapat menulis ke {folder}; kosongkan ruang disk lalu jalankan ulang"


def largest_input(folder: Path | None) -> str:
    """``"; berkas masukan terbesar: data/raw/x/2023/ikm_survei.csv (1.234 MB)"`` for the unit's data
    folder (what most likely made a step run out of memory or time), or ``""``.

    >>> largest_input(None)
    ''
    """
    if folder is None or not Path(folder).is_dir():
        return ""
    files = [(f.stat().st_size, f) for f in Path(folder).rglob("*") if f.is_file() and not f.is_symlink()]
    if not files:
        return ""
    size, biggest = max(files, key=lambda item: (item[0], str(item[1])))
    return f"; berkas masukan terbesar: {display_path(biggest)} ({size / 1e6:,.0f} MB)".replace(",", ".")


def explain(exc: BaseException, *, step_seconds: float | None = None, memory_mb: int | None = None,
            staging: Path | None = None, home: Path | None = None,
            inputs: Path | None = None) -> tuple[str, int] | None:
    """(reason in words, exit code) of a step's failure of the machine, or None for any other failure;
    ``inputs`` (the unit's data folder) lets a step out of time or memory name its largest input."""
    name = type(exc).__name__
    if disk_full(exc):
        return disk_full_reason(disk_full_folder(exc, staging=staging, home=home)), EXIT_CANTCREAT
    if name == "DeadKernelError":
        return ("kernel berhenti (proses kernel mati di tengah notebook: kehabisan memori atau dihentikan "
                "dari luar); sel yang sudah dijalankan disimpan di notebook yang gagal"), EXIT_BUG
    if name == "CellTimeoutError":
        limit = f" {step_seconds:g} detik" if step_seconds else ""
        return (f"langkah dihentikan karena melebihi batas waktu{limit} (--batas-waktu); periksa ukuran "
                "berkas masukan, atau naikkan batasnya bila memang perlu lebih lama" + largest_input(inputs)), EXIT_DATA
    if isinstance(exc, ValueError) and str(exc).startswith("No template sub-directory with name"):
        # nbconvert's templates (share/jupyter/nbconvert) are missing: the install, not the data
        return ("instalasi tidak lengkap: templat ekspor nbconvert tidak ditemukan ("
                + str(exc).splitlines()[0].removesuffix(" found in the following paths:")
                + "); pasang ulang nbconvert di lingkungan lkjip (pip install --force-reinstall nbconvert)"), EXIT_BUG
    if getattr(exc, "ename", None) == "MemoryError" or isinstance(exc, MemoryError):
        limit = f" {memory_mb} MB" if memory_mb else ""
        return (f"memori habis: langkah ini melebihi batas memori{limit} (--batas-memori); periksa ukuran "
                "berkas masukan langkah ini, atau naikkan batasnya bila mesin punya memori"
                + largest_input(inputs)), EXIT_DATA
    return None


def keep_failure(stage_report: Path, failed_dir: Path) -> tuple[Path | None, BaseException | None]:
    """Copy the failed run's notebooks to ``failed_dir``: (the folder, None), or (None, the error) when
    the copy failed, what was copied then removed."""
    try:
        if failed_dir.exists():
            shutil.rmtree(failed_dir)
        failed_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(stage_report, failed_dir)
        return failed_dir, None
    except OSError as exc:
        shutil.rmtree(failed_dir, ignore_errors=True)
        return None, exc
