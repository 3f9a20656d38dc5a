"""Hostile round 3, a full disk: ENOSPC wherever a write fails is exit 73 naming the folder and
"disk penuh", the earlier published state byte-identical, no empty files in ``_gagal/<year>`` and no
partial staging copy left.

The full disk is an ``OSError(errno.ENOSPC)`` raised at the write (a tiny file system needs root):
by the notebook itself (the real CLI in a subprocess, the chain of ``tests/helpers/tiny_chain.py``),
by the copy of the failed notebooks to ``_gagal`` and by the copy of a publish across file systems.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from helpers import tiny_chain

from lkjip.inputs import files
from lkjip.errors import OutputError


def _enospc(path) -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def test_the_notebooks_own_enospc_is_exit_73_naming_the_folder(tmp_path):
    """Today's notebook writes (Parquet, CSV) that hit a full disk gave exit 2, as if the data were bad."""
    full = ("import errno, os\n"
            "raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.path.join(processed_dir, 'gedeg', '2023', "
            "'indicators.csv'))")
    ws = tiny_chain.workspace(tmp_path, {"02_validasi.ipynb": full})
    before = tiny_chain.published(ws)
    proc = tiny_chain.start(ws)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 73, err[-3000:]
    assert "Traceback" not in err
    # the file was in the run's staging folder (removed): the folder named is the one it lives in (cwd: tmp_path)
    assert ("gedeg 2023: GAGAL pada langkah 02_validasi.ipynb: disk penuh: tidak dapat menulis ke reports/gedeg; "
            "kosongkan ruang disk lalu jalankan ulang; terbitan sebelumnya tetap utuh") in err
    assert tiny_chain.published(ws) == before
    leftovers = [p.name for p in (ws["reports"] / "gedeg").iterdir() if p.name.startswith(".2023-")]
    assert leftovers == []
    kept = ws["reports"] / "gedeg" / "_gagal" / "2023"
    assert [p for p in kept.rglob("*") if p.is_file() and p.stat().st_size == 0] == []


def test_a_full_disk_while_keeping_the_failed_notebooks_leaves_no_empty_files(tmp_path, monkeypatch):
    """The copy to _gagal/<year> on a full disk left 14 empty files and escaped as "berkas keluaran: Error"."""
    from lkjip.run.pipeline import run_unit_year

    ws = tiny_chain.workspace(tmp_path, {"02_validasi.ipynb": "raise ValueError('baris 7 salah')"})
    before = tiny_chain.published(ws)
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(ws["notebooks"]))
    real_copyfile = shutil.copyfile

    def copyfile(src, dst, *args, **kwargs):
        if "_gagal" in str(dst):
            Path(dst).write_bytes(b"")  # what a full disk leaves: the file made, nothing in it
            raise _enospc(dst)
        return real_copyfile(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", copyfile)
    result = run_unit_year("gedeg", 2023, data_dir=ws["raw"], processed_dir=ws["processed"],
                           reports_dir=ws["reports"], pdf=False)
    assert not result.ok and result.exit_code == 73
    assert "GAGAL pada langkah 02_validasi.ipynb: ValueError: baris 7 salah" in result.message
    assert "disk penuh" in result.message and str(ws["reports"] / "gedeg") in result.message
    assert "notebook yang gagal tidak dapat disimpan" in result.message
    assert not (ws["reports"] / "gedeg" / "_gagal" / "2023").exists()
    assert tiny_chain.published(ws) == before
    assert [p.name for p in (ws["reports"] / "gedeg").iterdir() if p.name.startswith(".2023-")] == []


def test_a_publish_copied_across_file_systems_leaves_no_partial_copy(tmp_path, monkeypatch):
    """A staging folder on another file system is copied beside its target first; on a full disk the
    half copy (``.2023-xxxx``) stayed and kept the disk full until the next run."""
    final = tmp_path / "reports" / "gedeg" / "2023"
    final.mkdir(parents=True)
    (final / "lkjip.html").write_text("lama", encoding="utf-8")
    stage = tmp_path / "elsewhere" / "2023"
    stage.mkdir(parents=True)
    for index in range(5):
        (stage / f"f{index}.html").write_text("baru" * 100, encoding="utf-8")

    def copytree(src, dst, *args, **kwargs):
        Path(dst).mkdir()
        (Path(dst) / "f0.html").write_bytes(b"")
        raise _enospc(Path(dst) / "f0.html")

    monkeypatch.setattr(files, "_same_device", lambda a, b: False)
    monkeypatch.setattr(shutil, "copytree", copytree)
    with pytest.raises(OSError) as caught:
        files.publish([(stage, final)], journal=final.parent / ".2023.publish.json")
    assert caught.value.errno == errno.ENOSPC
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]
    assert (final / "lkjip.html").read_text(encoding="utf-8") == "lama"
    assert [p.name for p in final.iterdir()] == ["lkjip.html"]


def test_enospc_is_worded_as_a_full_disk_not_as_permissions():
    error = OutputError.from_os_error(_enospc("/data/reports/gedeg/2023/x.pdf"))
    assert error.exit_code == 73
    assert str(error) == ("tidak dapat menulis /data/reports/gedeg/2023/x.pdf: disk penuh; kosongkan ruang disk "
                          "folder itu lalu jalankan ulang")


def test_a_copy_that_hit_a_full_disk_is_a_full_disk_at_the_cli(tmp_path):
    """shutil.copytree's error has no errno ("berkas keluaran: Error" before)."""
    from lkjip.cli import _as_lkjip_error

    target = tmp_path / "reports" / "gedeg" / "_gagal" / "2023" / "a.ipynb"
    error = _as_lkjip_error(shutil.Error([("a.ipynb", str(target), str(_enospc(target)))]), None)
    assert isinstance(error, OutputError) and error.exit_code == 73
    assert str(error) == (f"tidak dapat menulis {target.parent}: disk penuh; kosongkan ruang disk lalu jalankan ulang")
