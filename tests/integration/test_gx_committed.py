"""The versioned GX project (gx/) is made from expectations/ and nothing else: it is up to date with
the suites, and making it again gives the same files byte for byte (stable ids, no churn in git)."""

from __future__ import annotations

import shutil

from lkjip.validation.gx_project import GX_DIR, STAMP, _digest, ensure_project, suite_names


def test_the_committed_gx_project_is_made_from_the_current_suites(root):
    stamp = (root / GX_DIR / STAMP).read_text(encoding="utf-8").strip()
    assert stamp == _digest(suite_names(), None), (
        "gx/ is older than expectations/: python -c 'from lkjip.validation.gx_project import "
        "refresh_project; refresh_project(__import__(\"pathlib\").Path(\".\"))' and commit gx/")
    assert sorted(p.stem for p in (root / GX_DIR / "checkpoints").glob("*.json")) == sorted(suite_names())


def test_making_the_project_again_gives_the_same_files(root, tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(root / GX_DIR, project / GX_DIR, ignore=shutil.ignore_patterns("uncommitted"))
    (project / GX_DIR / STAMP).unlink()  # force a rewrite from expectations/
    ensure_project(project)
    for path in sorted((root / GX_DIR).rglob("*")):
        rel = path.relative_to(root / GX_DIR)
        if path.is_file() and "uncommitted" not in rel.parts:
            assert (project / GX_DIR / rel).read_bytes() == path.read_bytes(), rel
