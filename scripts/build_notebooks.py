"""Write the numbered notebooks of notebooks/ from scripts/notebook_sources/.

The notebooks are the documents auditors read; their sources here are how
they are authored, so that their text can be reviewed as ordinary code and
remade identically (``python scripts/build_notebooks.py``). Each source file
``NN_name.py`` defines ``CELLS``; it becomes ``notebooks/NN_name.ipynb``.
Committed notebooks have no outputs; executed copies live under reports/.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCES = HERE / "notebook_sources"
OUT = ROOT / "notebooks"
sys.path.insert(0, str(HERE))


def load_cells(source: Path) -> list:
    spec = importlib.util.spec_from_file_location(f"nbsource_{source.stem}", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CELLS


def build(names: list[str] | None = None) -> list[Path]:
    OUT.mkdir(exist_ok=True)
    written = []
    for source in sorted(SOURCES.glob("[0-9][0-9]_*.py")):
        if names and source.stem not in names:
            continue
        book = new_notebook(cells=load_cells(source))
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (lkjip)", "language": "python"}
        book.metadata["language_info"] = {"name": "python"}
        for index, cell in enumerate(book.cells):
            cell["id"] = f"{source.stem}-{index:02d}"  # stable ids: same bytes every build
        path = OUT / f"{source.stem}.ipynb"
        nbformat.write(book, path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build([Path(a).stem for a in sys.argv[1:]] or None):
        print(path.relative_to(ROOT))
