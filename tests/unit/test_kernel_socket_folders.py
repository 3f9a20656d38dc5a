"""lkjip.run.kernels.remove_stale_socket_folders: the socket folders a killed run left behind go, those of
running runs stay."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from lkjip.run.kernels import OWNER, SOCKETS_PREFIX, STALE_UNOWNED_SECONDS, remove_stale_socket_folders


def _folder(tmp_path, name: str, owner: str | None, age_s: float = 0.0):
    folder = tmp_path / (SOCKETS_PREFIX + name)
    folder.mkdir()
    (folder / "k-1").write_text("")
    if owner is not None:
        (folder / OWNER).write_text(owner)
    if age_s:
        then = time.time() - age_s
        os.utime(folder, (then, then))
    return folder


def test_only_the_folders_of_gone_processes_and_old_unowned_ones_are_removed(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    dead = _folder(tmp_path, "dead", gone)
    alive = _folder(tmp_path, "alive", str(os.getpid()))
    fresh = _folder(tmp_path, "fresh", None)
    old = _folder(tmp_path, "old", None, age_s=STALE_UNOWNED_SECONDS + 60)
    other = tmp_path / "something-else"
    other.mkdir()
    assert sorted(remove_stale_socket_folders(str(tmp_path))) == sorted([str(dead), str(old)])
    assert not dead.exists() and not old.exists()
    assert alive.exists() and fresh.exists() and other.exists()
    assert remove_stale_socket_folders(str(tmp_path)) == []


def test_an_owner_file_that_is_not_a_process_number_counts_as_gone(tmp_path):
    odd = _folder(tmp_path, "odd", "bukan-angka")
    assert remove_stale_socket_folders(str(tmp_path)) == [str(odd)]
