"""A notebook run by hand never publishes.

``papermill notebooks/05_lkjip.ipynb out.ipynb -p year 2022`` (no staging
folders, as a person would type it) runs in a project of its own
(``LKJIP_ROOT``) whose published folders hold a previous run's files: they
must come out byte-identical, the run's files land in the ``_lab`` scratch
folders, and the notebook's first output says so.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_papermill_by_hand_leaves_the_published_folders_byte_identical(tmp_path, raw_dir):
    project = tmp_path / "project"
    shutil.copytree(raw_dir / "gedeg", project / "data" / "raw" / "gedeg")
    reports, processed = project / "reports" / "gedeg", project / "data" / "processed" / "gedeg"
    for folder, name in ((reports / "2022", "lkjip_gedeg_2022.html"), (reports / "2022", "run.json"),
                         (processed / "2022", "indicators.csv"), (processed / "2022", "audit.csv")):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"diterbitkan: {name}\n", encoding="utf-8")
    before = tree_digest(reports), tree_digest(processed)
    out = tmp_path / "out.ipynb"
    env = {**os.environ, "LKJIP_ROOT": str(project)}
    proc = subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar",
                           str(ROOT / "notebooks" / "05_lkjip.ipynb"), str(out), "-p", "year", "2022"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tree_digest(reports), tree_digest(processed)) == before
    assert (project / "reports" / "_lab" / "gedeg" / "2022").is_dir()
    book = nbformat.read(out, as_version=4)
    first = next(o for c in book.cells for o in c.get("outputs", []))
    assert first["data"]["text/markdown"].startswith("**Dijalankan manual, bukan oleh `lkjip run`.**")
    # the document itself is the 2022 report, complete to its last cell
    assert all(o.output_type != "error" for c in book.cells for o in c.get("outputs", []))
    assert any("TAHUN 2022" in str(c.get("outputs", [])) for c in book.cells)  # the title page
