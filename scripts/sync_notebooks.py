"""Write notebooks/NN_name.ipynb from its jupytext source notebooks/NN_name.py.

The notebooks are the documents auditors read; each is authored as a
percent-format script (``# %%`` cells, ``# %% [markdown]``, tags as
``# %% tags=["remove_input"]``) paired with the notebook by
``notebooks/jupytext.toml``, so JupyterLab with jupytext edits both. This
script gives the committed ``.ipynb`` its canonical form: the cells of the
``.py``, no outputs, no execution counts, only the ``tags`` metadata, the
jupytext filters (as jupytext's contents manager records them), a fixed
kernelspec and stable cell ids ``<NN_name>-<index>`` (papermill and nbconvert
carry them into the executed notebooks and the HTML, which must be the same
bytes from run to run).

    .venv/bin/python scripts/sync_notebooks.py            # write every .ipynb
    .venv/bin/python scripts/sync_notebooks.py --check    # fail if one disagrees
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (lkjip)", "language": "python"}
#: Every notebook opens with these two code cells (papermill needs a parameters cell in
#: each notebook; a notebook may add parameters after the standard ones).
PARAMETERS = '''unit = "gedeg"
year = 2023
data_dir = None        # bawaan: data/raw
processed_dir = None   # bawaan: data/processed
report_dir = None      # bawaan: reports/<unit>/<year>
run_started = None     # diisi oleh `lkjip run`
final = False          # True: versi untuk ditandatangani (`lkjip run --final`)
tanggal_tanda_tangan = None  # bawaan: dari data (dokumen.csv baris lkjip)
tempat = None          # bawaan: dari data (dokumen.csv, lalu kota_penetapan)
published_processed_dir = None  # bawaan: data/processed (tahun-tahun lalu yang sudah terbit)
published_reports_dir = None    # bawaan: reports'''
SETUP = '''from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)'''
#: The notebooks over every unit of a kabupaten open with their own two cells.
KABUPATEN_NOTEBOOKS = frozenset({"07_kabupaten"})
KABUPATEN_PARAMETERS = '''year = 2023
units = None           # bawaan: semua unit dengan data tahun ini dan tahun lalu; mis. "gedeg,synth01"
data_dir = None        # bawaan: data/raw (hanya unit.yaml, untuk nama unit)
processed_dir = None   # bawaan: data/processed (data terbitan unit-unit, hanya dibaca)
output_dir = None      # bawaan: data/processed/_kabupaten/<year>
report_dir = None      # bawaan: reports/_kabupaten/<year>
run_started = None     # diisi oleh `lkjip kabupaten`'''
KABUPATEN_SETUP = '''from lkjip.render import notebook as nb
ctx = nb.setup_kabupaten(year, units, data_dir, processed_dir, output_dir, report_dir)'''

_NEW_CELL = {"code": new_code_cell, "markdown": new_markdown_cell, "raw": new_raw_cell}


def sources(folder: Path = NOTEBOOKS) -> list[Path]:
    """The jupytext sources ``NN_name.py`` of ``folder``, in order."""
    return sorted(folder.glob("[0-9][0-9]_*.py"))


def jupytext_filters(folder: Path) -> dict:
    """The metadata filters of ``folder``'s jupytext.toml (the project's when it has none)."""
    import tomllib

    config = folder / "jupytext.toml"
    if not config.exists():
        config = NOTEBOOKS / "jupytext.toml"
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    return {key: data[key] for key in ("cell_metadata_filter", "notebook_metadata_filter") if key in data}


def canonical(source: Path) -> nbformat.NotebookNode:
    """The committed form of the notebook paired with ``source``."""
    text = jupytext.read(source, fmt="py:percent")
    cells = []
    for index, cell in enumerate(text.cells):
        new = _NEW_CELL[cell.cell_type](cell.source)
        tags = list(cell.metadata.get("tags") or [])
        if tags:
            new.metadata["tags"] = tags
        new["id"] = f"{source.stem}-{index:02d}"
        cells.append(new)
    book = new_notebook(cells=cells)
    # What jupytext's contents manager records when JupyterLab saves a paired notebook: with it
    # the committed form is also what a save from JupyterLab writes (no diff after an edit).
    book.metadata["jupytext"] = jupytext_filters(source.parent)
    book.metadata["kernelspec"] = dict(KERNELSPEC)
    book.metadata["language_info"] = {"name": "python"}
    return book


def canonical_text(source: Path) -> str:
    return nbformat.writes(canonical(source)) + "\n"


def opening_problem(book: nbformat.NotebookNode, stem: str = "") -> str | None:
    """Why the first two code cells are not the standard parameters and setup cells (None when they are).

    ``stem`` (``07_kabupaten``) selects the kabupaten standard for the notebooks of
    :data:`KABUPATEN_NOTEBOOKS`, else the unit-year one.
    """
    parameters, setup, names = PARAMETERS, SETUP, ("PARAMETERS", "SETUP")
    if stem in KABUPATEN_NOTEBOOKS:
        parameters, setup, names = KABUPATEN_PARAMETERS, KABUPATEN_SETUP, ("KABUPATEN_PARAMETERS",
                                                                           "KABUPATEN_SETUP")
    code = [c for c in book.cells if c.cell_type == "code"][:2]
    if len(code) < 2:
        return "kurang dari dua sel kode"
    if code[0].metadata.get("tags") != ["parameters", "remove_cell"] or \
            not (code[0].source == parameters or code[0].source.startswith(parameters + "\n")):
        return f"sel parameter tidak baku (lihat {names[0]} di scripts/sync_notebooks.py)"
    if code[1].metadata.get("tags") != ["remove_cell"] or code[1].source != setup:
        return f"sel setup tidak baku (lihat {names[1]} di scripts/sync_notebooks.py)"
    return None


def disagreements(folder: Path = NOTEBOOKS) -> list[str]:
    """One line per notebook that is missing, has no source, differs from its source
    or does not open with the standard parameters and setup cells."""
    problems = []
    for source in sources(folder):
        why = opening_problem(canonical(source), source.stem)
        if why:
            problems.append(f"{source.name}: {why}")
        target = source.with_suffix(".ipynb")
        if not target.exists():
            problems.append(f"{target.name}: tidak ada (jalankan scripts/sync_notebooks.py)")
        elif target.read_text(encoding="utf-8") != canonical_text(source):
            problems.append(f"{target.name}: berbeda dari {source.name} (jalankan scripts/sync_notebooks.py)")
    for target in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        if not target.with_suffix(".py").exists():
            problems.append(f"{target.name}: tidak punya sumber {target.stem}.py")
    return problems


def write_all(folder: Path = NOTEBOOKS) -> list[Path]:
    written = []
    for source in sources(folder):
        target = source.with_suffix(".ipynb")
        text = canonical_text(source)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks that disagree")
    args = parser.parse_args(argv)
    if args.check:
        problems = disagreements()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    for path in write_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
