"""Issue 11 through ``lkjip run`` itself: a bad cell stops the run at its ingest notebook, names file,
row and rule, publishes nothing and keeps the failed notebook for the analyst.

The workspace is a copy of the bundled unit in tmp_path with a published state to keep intact (the
same stand-ins as tests/integration/test_trust_input.py, which checks ``ingest``/``validate``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip.cli import main

from helpers.workspace import YEAR, Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ws(tmp_path, raw_dir, monkeypatch):
    """A copy of the bundled unit and a published state to keep intact (reports/ and data/processed/)."""
    return Workspace(tmp_path, raw_dir, monkeypatch)


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
