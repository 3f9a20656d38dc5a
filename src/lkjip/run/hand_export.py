"""``lkjip export NOTEBOOK.ipynb``: a notebook run by hand exported the way ``lkjip run`` exports the reports.

``jupyter nbconvert`` of a hand-run notebook loads require.js and MathJax from
the internet (it fails offline) and looks nothing like the reports. This
command uses the reports' own exporter (:mod:`lkjip.render.export`): the HTML without
code for readers and the ``_lengkap`` HTML with code for auditors, both
self-contained (the package's stylesheet inlined, images as data URIs, nothing
fetched from the network), and with ``--pdf`` the A4 PDF (cover, Daftar Isi,
page numbers).

- A notebook of the chain (``05_lkjip.ipynb``, or a papermill output of it,
  found by ``metadata.papermill.input_path``) whose parameters name a unit and
  a year is exported by :func:`lkjip.run.export_jobs.export_step`, the very function
  ``lkjip run`` uses: same file names (``lkjip_<unit>_<year>.html``), same
  title and cover. The parameters are read from the notebook itself: the
  ``parameters`` cell, then papermill's ``injected-parameters`` cell and its
  metadata.
- Any other notebook gets ``<name>.html``, ``<name>_lengkap.html`` (and
  ``<name>.pdf``), titled by ``--judul``, else its first ``#`` heading, else its
  file name (the title is escaped like any text from a notebook).

The files go to ``reports/_lab/<unit>/<year>`` (or ``reports/_lab``), where hand
runs write, or to ``--out``; a folder under ``reports/`` or ``data/processed/``
outside ``_lab`` is refused (exit 64): only ``lkjip run`` publishes. A missing
notebook is a wrong parameter (64); a file that is not a readable notebook is
bad input (2).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from lkjip.inputs.files import is_inside
from lkjip.errors import ConfigError, DataError, display_path
from lkjip.inputs.catalog import LAB_DIR, default_data_dir, default_processed_dir, default_reports_dir, lab_reports_dir
from lkjip.contract.lean_imports import import_lean
from lkjip.render.export import export_html, notebook_to_html, print_pdf, write_screen_html
from lkjip.run.export_jobs import PRINT, WITH_CODE, export_step
from lkjip.run.pipeline import STEPS

__all__ = ["export_notebook", "notebook_parameters"]

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def _read(path: Path):
    nbformat = import_lean("nbformat")

    if not path.exists():
        raise ConfigError(f"notebook tidak ada: {display_path(path)}")
    if not path.is_file() or path.suffix.lower() != ".ipynb":
        raise ConfigError(f"bukan berkas notebook .ipynb: {display_path(path)}")
    try:
        return nbformat.read(path, as_version=4)
    except OSError as exc:
        raise DataError(display_path(path), None, None,
                        f"notebook tidak dapat dibaca: {exc.strerror or type(exc).__name__}") from None
    except Exception as exc:  # JSON or nbformat schema: the file is not a notebook
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise DataError(display_path(path), None, None, f"bukan notebook Jupyter yang sah ({reason})") from None


def _assigned(source: str) -> dict:
    """``name = literal`` (annotated or not) of a cell's top level; anything else is skipped."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    values = {}
    for node in tree.body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            target, value = node.target.id, node.value
        if target is None:
            continue
        try:
            values[target] = ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
    return values


def notebook_parameters(book) -> dict:
    """The parameters a notebook ran with: its ``parameters`` cell, then papermill's injected values."""
    values: dict = {}
    for tag in ("parameters", "injected-parameters"):
        for cell in book.cells:
            if cell.cell_type == "code" and tag in (cell.get("metadata", {}).get("tags") or []):
                values.update(_assigned(cell.source))
    values.update(book.metadata.get("papermill", {}).get("parameters") or {})
    return values


def _chain_step(path: Path, book):
    names = {path.name, Path(str(book.metadata.get("papermill", {}).get("input_path") or "")).name}
    return next((step for step in STEPS if step.notebook in names and step.report), None)


def _title(book, path: Path) -> str:
    for cell in book.cells:
        if cell.cell_type == "markdown":
            match = _HEADING.search(cell.source)
            if match:
                return match.group(1).strip()[:200]
    return path.stem


def _check_out(out: Path) -> None:
    for published in (default_reports_dir(), default_processed_dir()):
        if is_inside(out, published) and not is_inside(out, published / LAB_DIR):
            raise ConfigError(
                f"--out {display_path(out)} berada di folder terbitan {display_path(published)}; hanya `lkjip run` "
                f"yang menerbitkan. Pakai folder lain (bawaan: {display_path(lab_reports_dir())})")


def export_notebook(notebook: Path | str, *, out_dir: Path | str | None = None, pdf: bool = False,
                    data_dir: Path | str | None = None, title: str | None = None) -> list[Path]:
    """Export ``notebook`` as the reports are exported; the files written, in order."""
    path = Path(notebook)
    book = _read(path)
    params = notebook_parameters(book)
    unit, year = params.get("unit"), params.get("year")
    unit_year = isinstance(unit, str) and bool(unit) and isinstance(year, int) and not isinstance(year, bool)
    out = Path(out_dir) if out_dir is not None else (
        lab_reports_dir() / unit / str(year) if unit_year else lab_reports_dir())
    _check_out(out)
    out.mkdir(parents=True, exist_ok=True)
    step = _chain_step(path, book)
    if step is not None and unit_year:
        data = Path(data_dir) if data_dir is not None else Path(params.get("data_dir") or default_data_dir())
        step = dataclasses.replace(step, pdf=pdf)  # a PDF when asked, also of a report `lkjip run` only shows
        export_step(step, path, out, unit, year, data, pdf=pdf, part=PRINT + WITH_CODE)
        base = out / f"{step.report}_{unit}_{year}"
        return [base.with_suffix(".html"), base.with_name(base.name + "_lengkap.html")] + (
            [base.with_suffix(".pdf")] if pdf else [])
    title = title or _title(book, path)
    stem = path.stem
    report = notebook_to_html(path, include_code=False, title=title)  # the PDF's source keeps print-only blocks
    written = [write_screen_html(report, out / f"{stem}.html"),
               export_html(path, out / f"{stem}_lengkap.html", include_code=True, title=title)]
    if pdf:
        cover = {"document": title, "unit": str(unit) if unit_year else "", "year": year if unit_year else ""}
        written.append(print_pdf(written[0], out / f"{stem}.pdf", title=title, cover=cover,
                                 running_title=title, report_html=report).path)
    return written
