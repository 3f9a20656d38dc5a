"""Write notebooks/NN_name.ipynb from its jupytext source notebooks/NN_name.py.

The notebooks are the documents auditors read; each is authored as a
percent-format script (``# %%`` cells, ``# %% [markdown]``, tags as
``# %% tags=["remove_input"]``) paired with the notebook by
``notebooks/jupytext.toml``, so JupyterLab with jupytext edits both. This
script gives the committed ``.ipynb`` its canonical form: the cells of the
``.py``, no outputs, no execution counts, only the ``tags`` metadata, the
jupytext filters (as jupytext's contents manager records them), the kernelspec
and language_info JupyterLab records when the kernel starts (so that opening a
notebook changes nothing: :func:`kernel_metadata`) and stable cell ids ``<NN_name>-<index>`` (papermill and nbconvert
carry them into the executed notebooks and the HTML, which must be the same
bytes from run to run).

    .venv/bin/python scripts/sync_notebooks.py            # write every .ipynb
    .venv/bin/python scripts/sync_notebooks.py --check    # fail if one disagrees
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import jupytext
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

from lkjip.run.notebook_parameters import KABUPATEN_NOTEBOOKS, parameters_cell

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL_NAME = "python3"
#: Every notebook opens with these two code cells (papermill needs a parameters cell in
#: each notebook). The parameters cell is written from its one definition,
#: :func:`lkjip.run.notebook_parameters.parameters_cell` (names, types, defaults, help), into the .py and the .ipynb.
SETUP = '''from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)'''
#: The notebooks over every unit of a kabupaten open with their own two cells.
KABUPATEN_SETUP = '''from lkjip.render import notebook as nb
ctx = nb.setup_kabupaten(year, units, data_dir, processed_dir, output_dir, report_dir)'''

#: The parameters cell of a percent-format source: its header line, then its body up to the next cell.
_PARAMETERS_CELL = re.compile(r'^(# %% tags=\[[^\]\n]*"parameters"[^\]\n]*\]\n)(.*?)(?=^# %%|\Z)', re.M | re.S)

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


def kernel_metadata() -> dict:
    """``kernelspec`` and ``language_info`` exactly as JupyterLab records them when the notebook's kernel starts.

    JupyterLab writes the running kernel's spec (name, display name, language) and the
    ``language_info`` of its kernel_info reply into the notebook's metadata; when either
    differs from what the file holds, the notebook is "changed" the moment it opens and
    autosave rewrites the .ipynb. So the committed notebook holds those very values: the
    spec of ipykernel's native ``python3`` kernel ("Python 3 (ipykernel)"; a display
    name of our own would be replaced) and ipykernel's language_info, whose ``version``
    is the Python of the environment (the project's .venv) that runs ``make notebooks``.
    """
    from ipykernel.ipkernel import IPythonKernel
    from ipykernel.kernelspec import get_kernel_dict

    spec = get_kernel_dict()
    return {"kernelspec": {"name": KERNEL_NAME, "display_name": spec["display_name"], "language": spec["language"]},
            "language_info": copy.deepcopy(dict(IPythonKernel.language_info))}


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
    book.metadata.update(kernel_metadata())  # what JupyterLab sets when the kernel starts: opening changes nothing
    return book


def canonical_text(source: Path) -> str:
    return nbformat.writes(canonical(source)) + "\n"


def opening_problem(book: nbformat.NotebookNode, stem: str = "") -> str | None:
    """Why the first two code cells are not the standard parameters and setup cells (None when they are).

    ``stem`` (``07_kabupaten``) selects the kabupaten standard for the notebooks of
    :data:`KABUPATEN_NOTEBOOKS`, else the unit-year one.
    """
    parameters, setup, names = parameters_cell(stem), SETUP, ("lkjip.run.notebook_parameters.UNIT_YEAR", "SETUP")
    if stem in KABUPATEN_NOTEBOOKS:
        parameters, setup, names = parameters_cell(stem), KABUPATEN_SETUP, ("lkjip.run.notebook_parameters.KABUPATEN",
                                                                            "KABUPATEN_SETUP")
    code = [c for c in book.cells if c.cell_type == "code"][:2]
    if len(code) < 2:
        return "kurang dari dua sel kode"
    if code[0].metadata.get("tags") != ["parameters", "remove_cell"] or \
            code[0].source != parameters:
        return f"sel parameter tidak baku (lihat {names[0]}; `make notebooks` menulisnya)"
    if code[1].metadata.get("tags") != ["remove_cell"] or code[1].source != setup:
        return f"sel setup tidak baku (lihat {names[1]} di scripts/sync_notebooks.py)"
    return None


def disagreements(folder: Path = NOTEBOOKS) -> list[str]:
    """One line per notebook that is missing, has no source, differs from its source
    or does not open with the standard parameters and setup cells."""
    problems = []
    for source in sources(folder):
        if with_parameters(source.read_text(encoding="utf-8"), source.stem) != source.read_text(encoding="utf-8"):
            problems.append(f"{source.name}: sel parameter berbeda dari lkjip.run.notebook_parameters "
                            "(jalankan scripts/sync_notebooks.py)")
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


def with_parameters(text: str, stem: str) -> str:
    """The jupytext source ``text`` with its parameters cell as :func:`parameters_cell` writes it.

    A source without a ``parameters`` cell is returned unchanged (:func:`opening_problem` reports it).
    """
    match = _PARAMETERS_CELL.search(text)
    if match is None:
        return text
    tail = "\n\n" if match.end() < len(text) else "\n"
    return text[:match.start(2)] + parameters_cell(stem) + tail + text[match.end():]


def write_all(folder: Path = NOTEBOOKS) -> list[Path]:
    written = []
    for source in sources(folder):
        text = source.read_text(encoding="utf-8")
        if with_parameters(text, source.stem) != text:
            source.write_text(with_parameters(text, source.stem), encoding="utf-8")
            written.append(source)
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
