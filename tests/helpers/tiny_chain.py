"""A chain of tiny notebooks under the pipeline's notebook names (``LKJIP_NOTEBOOKS``), for tests of
the machinery around the notebooks (signals, dead kernels, limits, full disks), not of the report.

Every notebook takes the run's parameters; a notebook's body is given by the test (the default just
prints its name). A raw unit is copied from the bundled gedeg; the published state is made by hand
(a few files in ``reports/gedeg/2023`` and ``data/processed/gedeg/2023``) and read back byte by byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from lkjip.run.pipeline import STEPS

ROOT = Path(__file__).resolve().parents[2]
PARAMETERS = ("unit = 'x'\nyear = 0\ndata_dir = ''\nprocessed_dir = ''\nreport_dir = ''\nrun_started = ''\n"
              "final = False\ntanggal_tanda_tangan = None\ntempat = None\npublished_processed_dir = ''\n"
              "published_reports_dir = ''")


def write_chain(folder: Path, bodies: dict[str, str] | None = None) -> Path:
    """Every notebook of :data:`lkjip.run.pipeline.STEPS` in ``folder``; ``bodies``: notebook name -> code."""
    folder.mkdir(parents=True, exist_ok=True)
    for step in STEPS:
        book = nbformat.v4.new_notebook()
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        body = (bodies or {}).get(step.notebook, f"print({step.notebook!r})")
        book.cells = [nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
                      nbformat.v4.new_code_cell(body)]
        for index, cell in enumerate(book.cells):
            cell["id"] = f"c{index}"
        nbformat.write(book, folder / step.notebook)
    return folder


def workspace(tmp_path: Path, bodies: dict[str, str] | None = None) -> dict[str, Path]:
    """raw/ (gedeg copied), processed/, reports/ with a published 2023 made by hand, notebooks/."""
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw" / "gedeg", raw / "gedeg")
    published = {tmp_path / "reports" / "gedeg" / "2023": {"lkjip_gedeg_2023.html": "<p>lama</p>\n",
                                                           "run.json": "{}\n"},
                 tmp_path / "processed" / "gedeg" / "2023": {"indicators.csv": "iku,nilai\nsakip,86.13\n"}}
    for folder, files in published.items():
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return {"raw": raw, "processed": tmp_path / "processed", "reports": tmp_path / "reports",
            "notebooks": write_chain(tmp_path / "notebooks", bodies)}


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every file under ``folders`` (dot-folders of runs in progress included): path -> bytes."""
    out = {}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and not path.name.endswith(".lock"):
                out[str(path)] = path.read_bytes()
    return out


def published(ws: dict[str, Path]) -> dict[str, bytes]:
    return snapshot(ws["reports"] / "gedeg" / "2023", ws["processed"] / "gedeg" / "2023")


def run_args(ws: dict[str, Path], *extra: str) -> list[str]:
    return ["run", "--unit", "gedeg", "--year", "2023", "--force", "--no-pdf", "--data-dir", str(ws["raw"]),
            "--processed-dir", str(ws["processed"]), "--reports-dir", str(ws["reports"]), *extra]


def env(ws: dict[str, Path], **more: str) -> dict[str, str]:
    return {**os.environ, "LKJIP_NOTEBOOKS": str(ws["notebooks"]), "PYTHONUNBUFFERED": "1", **more}


def start(ws: dict[str, Path], *extra: str, start_new_session: bool = False, **more_env: str) -> subprocess.Popen:
    """``lkjip run`` on the workspace, in a subprocess, stdout and stderr piped (``start_new_session``:
    in a process group of its own, like a command in a terminal's foreground)."""
    return subprocess.Popen([str(Path(sys.executable).with_name("lkjip")), *run_args(ws, *extra)],
                            env=env(ws, **more_env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ws["raw"].parent, start_new_session=start_new_session)
