"""An input is what it claims to be: a regular file inside the unit's data folder.

Checked on the file's metadata (``lstat``/``stat``), before it is opened: a
FIFO named ``inovasi.csv`` would block a reader forever, a device would be read
without end, a folder is not a file, and a symbolic link that leaves the unit's
folder (``inovasi.csv -> /etc/passwd``) would let a message quote a file that
is not the analyst's. Each is refused with a :class:`~lkjip.errors.DataError`
naming the file as it stands in the data folder (never its target's content).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lkjip.errors import DataError, display_path


def shown_path(path: Path | str) -> str:
    """The file as it stands in its folder (a symbolic link is named, not its target)."""
    path = Path(path)
    return str(Path(display_path(path.parent)) / path.name)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "sebuah folder"
    if stat.S_ISFIFO(mode):
        return "sebuah pipa (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "sebuah perangkat (device)"
    if stat.S_ISSOCK(mode):
        return "sebuah soket"
    return "bukan berkas biasa"


def check_input(path: Path | str, folder: Path | str | None = None) -> None:
    """Refuse ``path`` unless it is a regular file (inside ``folder`` when given), without opening it.

    >>> check_input("/dev/null")
    Traceback (most recent call last):
    ...
    lkjip.errors.DataError: /dev/null: bukan berkas data: ini sebuah perangkat (device); simpan datanya sebagai berkas .csv/.xlsx biasa
    """
    path = Path(path)
    name = shown_path(path)
    if folder is not None:
        inside = Path(folder).resolve()
        try:
            path.resolve().relative_to(inside)
        except ValueError:
            raise DataError(name, None, None,
                            "berkas adalah tautan (symlink) ke luar folder data unit "
                            f"({display_path(inside)}); salin berkasnya ke folder itu, jangan ditautkan") from None
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise DataError(name, None, None, "berkas tidak ada (tautan/symlink rusak?)") from None
    except OSError as exc:
        raise DataError(name, None, None,
                        f"berkas tidak dapat dibaca: {exc.strerror or type(exc).__name__}") from None
    if not stat.S_ISREG(mode):
        raise DataError(name, None, None,
                        f"bukan berkas data: ini {_kind(mode)}; simpan datanya sebagai berkas .csv/.xlsx biasa")
