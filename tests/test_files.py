"""Atomic writes, swaps and locks (lkjip.files)."""

from __future__ import annotations

import pytest

from lkjip.files import LockHeld, atomic_write, exclusive_lock, publish, staging_dir, swap_into_place, write_text_atomic


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
