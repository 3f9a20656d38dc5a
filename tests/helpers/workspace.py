"""A scratch project holding a copy of the bundled unit and a published state that must stay intact.

Tests of hostile or broken inputs change the copy, run a command, and compare :meth:`Workspace.published`
before and after: a refused input must leave the published reports and processed data byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from lkjip.cli import main

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2023"


def tree_digest(folder: Path) -> dict[str, str]:
    """``{relative path: SHA-256}`` of every file below ``folder``; a lock file (``.2023.lock``) is
    machinery, not a published file."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file() and p.suffix != ".lock"}


class Workspace:
    """``root`` with ``data/raw/gedeg`` (a copy of ``raw_dir/gedeg``), ``data/processed`` and ``reports``
    holding a published stand-in of the unit-year ``YEAR``; ``$LKJIP_ROOT`` points at it."""

    def __init__(self, root: Path, raw_dir: Path, monkeypatch, *, notebooks: bool = False, old_report: bool = True):
        monkeypatch.setenv("LKJIP_ROOT", str(root))
        if notebooks:  # the chain's notebooks (a run refuses a missing one) and the run's kernel cwd
            (root / "notebooks").symlink_to(ROOT / "notebooks")
        self.root = root
        self.data = root / "data" / "raw"
        self.processed = root / "data" / "processed"
        self.reports = root / "reports"
        self.year_dir = self.data / "gedeg" / YEAR
        shutil.copytree(raw_dir / "gedeg", self.data / "gedeg")
        for folder, name in ((self.processed / "gedeg" / YEAR, "indicators.csv"),
                             (self.reports / "gedeg" / YEAR, "run.json")):
            folder.mkdir(parents=True)
            (folder / name).write_text("terbitan sebelumnya\n")
        if old_report:
            (self.processed / "gedeg" / YEAR / "ikm_survei.parquet").write_bytes(b"PAR1 lama")
            (self.reports / "gedeg" / YEAR / "lkjip_gedeg_2023.html").write_text("<html>lama</html>\n")
        self.before = self.published()

    def published(self) -> dict:
        return {"reports": tree_digest(self.reports), "processed": tree_digest(self.processed / "gedeg")}

    def cli(self, *args: str) -> int:
        return main([*args, "--data-dir", str(self.data), "--processed-dir", str(self.processed)])

    def keep_only(self, *datasets: str, years=(YEAR,)) -> None:
        """Drop the other dataset files of ``years``: each suite costs seconds, one is enough here."""
        for year in years:
            for path in (self.data / "gedeg" / str(year)).iterdir():
                if path.stem not in datasets and path.suffix in (".csv", ".xlsx"):
                    path.unlink()
