"""Where a report came from: inputs, parameters, versions, commit, run time.

:func:`collect_provenance` records it as a plain dict (JSON-ready);
:func:`provenance_frame` shows it to readers in Indonesian; :func:`hash_inputs`
gives one digest over all inputs so a run can be skipped when nothing changed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import platform
import subprocess
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "PACKAGES",
    "collect_provenance",
    "count_rows",
    "git_state",
    "hash_inputs",
    "package_versions",
    "provenance_frame",
    "sha256_file",
]

PACKAGES = (
    "lkjip", "pandas", "numpy", "great_expectations", "papermill", "nbconvert",
    "matplotlib", "adjusttext", "weasyprint", "pyarrow", "openpyxl",
)
_DIST_NAMES = {"great_expectations": "great-expectations"}
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def count_rows(path: Path) -> int | None:
    """Data rows: CSV without its header; XLSX first sheet without its header row.

    Blank rows are not counted. Other formats (YAML, JSON, ...) give ``None``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        with open(path, newline="", encoding="utf-8-sig") as fh:
            sample = fh.read(4096)
            fh.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|") if sample else csv.excel
            except csv.Error:
                dialect = csv.excel_tab if suffix == ".tsv" else csv.excel
            rows = [r for r in csv.reader(fh, dialect) if any(cell.strip() for cell in r)]
        return max(len(rows) - 1, 0)
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            ws.reset_dimensions()  # read to the real last row, not to a wrong <dimension> tag
            rows = sum(
                1 for row in ws.iter_rows(values_only=True)
                if any(v is not None and str(v).strip() != "" for v in row)
            )
        finally:
            wb.close()
        return max(rows - 1, 0)
    return None


def package_versions(names: Iterable[str] = PACKAGES) -> dict[str, str | None]:
    """Installed versions (``None`` when not installed), plus Python's."""
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = metadata.version(_DIST_NAMES.get(name, name))
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def git_state(root: Path) -> dict[str, Any] | None:
    """``{"commit": sha, "dirty": bool}`` for the repository at ``root``; ``None`` outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10, check=False)
        if head.returncode != 0:
            return None
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return {"commit": head.stdout.strip(),
            "dirty": bool(status.stdout.strip()) if status.returncode == 0 else None}


def _rel(path: Path, root: Path) -> str:
    path = Path(path).resolve()
    try:
        return path.relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _iso(value: dt.datetime | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat(timespec="seconds")


def collect_provenance(
    inputs: list[Path],
    parameters: Mapping[str, Any],
    *,
    root: Path,
    started_at: dt.datetime,
    finished_at: dt.datetime | None = None,
    validation_summary: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Record a run's provenance as a JSON-ready dict.

    Keys: ``parameters``, ``inputs`` (``path`` relative to ``root``,
    ``sha256``, ``rows``, ``bytes``), ``inputs_digest`` (see
    :func:`hash_inputs`), ``versions``, ``git`` (``None`` outside a
    repository), ``started_at``, ``finished_at``, ``duration_s``,
    ``validation``.
    """
    root = Path(root)
    files = []
    for path in sorted((Path(p) for p in inputs), key=lambda p: _rel(p, root)):
        files.append({
            "path": _rel(path, root),
            "sha256": sha256_file(path),
            "rows": count_rows(path),
            "bytes": path.stat().st_size,
        })
    duration = None
    if finished_at is not None and started_at is not None:
        duration = round((finished_at - started_at).total_seconds(), 3)
    return {
        "parameters": dict(parameters),
        "inputs": files,
        "inputs_digest": hash_inputs(inputs, root=root),
        "versions": package_versions(),
        "git": git_state(root),
        "started_at": _iso(started_at),
        "finished_at": _iso(finished_at),
        "duration_s": duration,
        "validation": dict(validation_summary) if validation_summary is not None else None,
    }


def hash_inputs(paths: Iterable[Path], *, root: Path | None = None) -> str:
    """One SHA-256 over the sorted (relative path, file SHA-256) pairs.

    Changes when a file is added, removed, renamed or edited; does not depend
    on the order of ``paths`` nor on where the checkout lives. Paths are taken
    relative to ``root`` (default: the files' common parent directory).
    """
    paths = [Path(p) for p in paths]
    if root is None and paths:
        root = Path(os.path.commonpath([str(p.resolve().parent) for p in paths]))
    pairs = []
    for path in paths:
        path = Path(path)
        name = _rel(path, root) if root is not None else path.name
        pairs.append((name, sha256_file(path)))
    digest = hashlib.sha256()
    for name, file_hash in sorted(pairs):
        digest.update(name.encode("utf-8") + b"\0" + file_hash.encode("ascii") + b"\n")
    return digest.hexdigest()


def provenance_frame(prov: Mapping[str, Any]) -> pd.DataFrame:
    """The input files as a table with Indonesian headings."""
    rows = [
        {"Berkas masukan": f["path"], "SHA-256": f["sha256"],
         "Jumlah baris": f["rows"], "Ukuran (bita)": f.get("bytes")}
        for f in prov.get("inputs", [])
    ]
    frame = pd.DataFrame(rows, columns=["Berkas masukan", "SHA-256", "Jumlah baris", "Ukuran (bita)"])
    frame["Jumlah baris"] = frame["Jumlah baris"].astype("Int64")
    frame["Ukuran (bita)"] = frame["Ukuran (bita)"].astype("Int64")
    return frame
