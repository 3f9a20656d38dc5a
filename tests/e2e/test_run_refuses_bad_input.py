"""Issue 11 through ``lkjip run`` itself: a bad cell stops the run at its ingest notebook, names file,
row and rule, publishes nothing and keeps the failed notebook for the analyst.

The workspace is a copy of the bundled unit in tmp_path with a published state to keep intact (the
same stand-ins as tests/integration/test_trust_input.py, which checks ``ingest``/``validate``).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lkjip.cli import main

YEAR = "2023"
ROOT = Path(__file__).resolve().parents[2]


def tree_digest(folder: Path) -> dict[str, str]:
    # a lock file (.2023.lock) is machinery, not a published file
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}


@pytest.fixture
def ws(tmp_path, raw_dir, monkeypatch):
    """A copy of the bundled unit and a published state to keep intact (reports/ and data/processed/)."""
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path))
    raw = tmp_path / "data" / "raw"
    shutil.copytree(raw_dir / "gedeg", raw / "gedeg")
    processed = tmp_path / "data" / "processed"
    reports = tmp_path / "reports"
    for folder, name in ((processed / "gedeg" / YEAR, "indicators.csv"), (reports / "gedeg" / YEAR, "run.json")):
        folder.mkdir(parents=True)
        (folder / name).write_text("terbitan sebelumnya\n")
    (processed / "gedeg" / YEAR / "ikm_survei.parquet").write_bytes(b"PAR1 lama")
    (reports / "gedeg" / YEAR / "lkjip_gedeg_2023.html").write_text("<html>lama</html>\n")

    class W:
        root = tmp_path
        data = raw
        year_dir = raw / "gedeg" / YEAR

        @staticmethod
        def published() -> dict:
            return {"reports": tree_digest(reports), "processed": tree_digest(processed / "gedeg")}

    W.before = W.published()
    return W


def test_lkjip_run_names_the_file_and_row_of_a_decimal_comma_and_publishes_nothing(ws, capsys):
    # the issue saw "ParserError ... line 4" without the file's name from `lkjip run`
    path = ws.year_dir / "koordinasi.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",3,5"
    path.write_text("\n".join(lines) + "\n")
    (ws.root / "notebooks").symlink_to(ROOT / "notebooks")  # the run's kernel cwd
    code = main(["run", "--unit", "gedeg", "--year", YEAR, "--no-pdf", "--data-dir", str(ws.data),
                 "--processed-dir", str(ws.root / "data" / "processed"), "--reports-dir", str(ws.root / "reports")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "koordinasi.csv, baris 4:" in err and "berisi 5 sel, padahal judul kolom hanya 4" in err
    assert "ParserError" not in err and "Traceback" not in err
    after = ws.published()
    kept = {k for k in after["reports"] if k.startswith("gedeg/_gagal/")}
    assert kept == {"gedeg/_gagal/2023/notebooks/01_ingest.ipynb"}  # the failed step, kept for the analyst
    assert {k: v for k, v in after["reports"].items() if k not in kept} == ws.before["reports"]
    assert after["processed"] == ws.before["processed"]
