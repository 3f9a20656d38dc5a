"""The modes of the files and folders lkjip writes: what a plain ``open``/``mkdir`` would give.

``tempfile.mkstemp`` makes a file 0600 and ``mkdtemp`` a folder 0700 whatever the
umask, which suits secrets, not reports: a file written beside its target and
renamed over it (:func:`lkjip.inputs.files.atomic_write`) or a folder staged beside its
target (:func:`lkjip.inputs.files.staging_dir`) would reach the published folders
readable by its owner only. They are given the mode a plain ``open`` (0666) or
``mkdir`` (0777) gets under the process umask instead: 0644 and 0755 under the
usual umask 022, 0640 and 0750 under 027 (a colleague of the group can read,
others cannot), exactly as the user's umask says.
"""

from __future__ import annotations

import os
import threading

__all__ = ["current_umask", "dir_mode", "file_mode"]

_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the system allows.

    Linux shows it in ``/proc/self/status``; elsewhere it is read by setting
    and restoring it (under a lock, so two threads of lkjip never race on it).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file: 0o666 less the umask (0o644 under 022)."""
    return 0o666 & ~current_umask()


def dir_mode() -> int:
    """The mode ``os.mkdir`` gives a new folder: 0o777 less the umask (0o755 under 022)."""
    return 0o777 & ~current_umask()
