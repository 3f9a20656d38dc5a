"""Atomic writes, swaps and locks (lkjip.inputs.files)."""

from __future__ import annotations

import pytest

from lkjip.inputs.files import LockHeld, atomic_write, exclusive_lock, publish, staging_dir, swap_into_place, write_text_atomic


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = write_text_atomic(tmp_path / "audit.csv", "lama\n")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("baru, setengah")
        raise RuntimeError("gagal di tengah")
    assert target.read_text() == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.csv"]


def test_swap_replaces_a_folder_whole(tmp_path):
    final = tmp_path / "2023"
    final.mkdir()
    (final / "lama.txt").write_text("x")
    stage = staging_dir(final)
    (stage / "baru.txt").write_text("y")
    swap_into_place(stage, final)
    assert [p.name for p in final.iterdir()] == ["baru.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2023"]


def test_publish_undoes_every_swap_when_one_fails(tmp_path):
    a, b = tmp_path / "processed", tmp_path / "reports"
    for folder in (a, b):
        folder.mkdir()
        (folder / "lama").write_text("lama")
    stage_a = staging_dir(a)
    (stage_a / "baru").write_text("baru")
    missing_stage = tmp_path / "tidak-ada"
    with pytest.raises(FileNotFoundError):
        publish([(stage_a, a), (missing_stage, b)])
    assert (a / "lama").read_text() == "lama" and not (a / "baru").exists()
    assert (b / "lama").read_text() == "lama"
    stage_a, stage_b = staging_dir(a), staging_dir(b)
    (stage_a / "baru").write_text("baru")
    (stage_b / "baru").write_text("baru")
    publish([(stage_a, a), (stage_b, b)])
    assert [p.name for p in a.iterdir()] == ["baru"] == [p.name for p in b.iterdir()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed", "reports"]


def test_a_held_lock_is_refused_at_once(tmp_path):
    path = tmp_path / ".2023.lock"
    with exclusive_lock(path):
        with pytest.raises(LockHeld):
            with exclusive_lock(path):
                pass
    with exclusive_lock(path):  # released
        pass


# --------------------------------------------------------------------------- crash-safe publish

_CRASHING_PUBLISH = r"""
import os, sys
from pathlib import Path
import lkjip.inputs.files as files

limit = int(sys.argv[1])
calls = {"n": 0}
real_rename, real_rmtree = files._rename, files.shutil.rmtree

def rename(src, dst):
    if calls["n"] == limit:
        os._exit(9)  # killed between two renames (like kill -9)
    calls["n"] += 1
    real_rename(src, dst)

def rmtree(path, *a, **k):
    # killed half-way through removing the old copies
    if ".-old-" in str(path) or "-old-" in Path(path).name:
        first = next(iter(sorted(Path(path).rglob("*"))), None)
        if first is not None and first.is_file():
            first.unlink()
        if limit >= 4:
            os._exit(9)
    real_rmtree(path, *a, **k)

files._rename = rename
files.shutil.rmtree = rmtree
base = Path(sys.argv[2])
files.publish([(base / "stage_p", base / "processed" / "2023"), (base / "stage_r", base / "reports" / "2023")],
              journal=base / "reports" / ".2023.publish.json")
print("selesai")
"""


def _tree(folder):
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _state(base):
    return _tree(base / "processed" / "2023"), _tree(base / "reports" / "2023")


@pytest.mark.parametrize("kill_at", [0, 1, 2, 3, 4])
def test_a_kill_during_publish_leaves_the_old_or_the_new_state_whole(tmp_path, kill_at):
    """Killed before each of the four renames, and while removing the old copies:
    after recovery both folders are the old state, or both the new one, and nothing stray is left."""
    import subprocess
    import sys

    from lkjip.inputs.files import recover, remove_leftovers

    for side, name in (("processed", "indicators.csv"), ("reports", "lkjip_gedeg_2023.html")):
        (tmp_path / side / "2023").mkdir(parents=True)
        (tmp_path / side / "2023" / name).write_text(f"lama {side}\n")
        stage = tmp_path / ("stage_p" if side == "processed" else "stage_r")
        stage.mkdir()
        (stage / name).write_text(f"baru {side}\n")
        (stage / "tambahan.txt").write_text("baru\n")
    old = _state(tmp_path)
    proc = subprocess.run([sys.executable, "-c", _CRASHING_PUBLISH, str(kill_at), str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    journal = tmp_path / "reports" / ".2023.publish.json"
    assert journal.exists()  # the journal was written before the first rename
    phase = recover(journal)
    assert phase == ("done" if kill_at == 4 else "swapping")
    assert not journal.exists()
    for side in ("processed", "reports"):
        remove_leftovers(tmp_path / side, "2023")
    state = _state(tmp_path)
    new = ({"indicators.csv": state[0].get("indicators.csv"), "tambahan.txt": state[0].get("tambahan.txt")},
           {"lkjip_gedeg_2023.html": state[1].get("lkjip_gedeg_2023.html"), "tambahan.txt": state[1].get("tambahan.txt")})
    if kill_at == 4:
        assert state == new and (tmp_path / "processed" / "2023" / "indicators.csv").read_text() == "baru processed\n"
        assert (tmp_path / "reports" / "2023" / "lkjip_gedeg_2023.html").read_text() == "baru reports\n"
    else:
        assert state == old
    for side in ("processed", "reports"):
        assert sorted(p.name for p in (tmp_path / side).iterdir() if p.name != ".2023.publish.json") == ["2023"]
    assert not (tmp_path / "stage_p").exists() and not (tmp_path / "stage_r").exists()


def test_recover_without_a_journal_does_nothing(tmp_path):
    from lkjip.inputs.files import recover

    assert recover(tmp_path / ".2023.publish.json") is None
