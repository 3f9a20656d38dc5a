"""A shortened notebook chain for tests of scheduling and of the kabupaten view.

The pipeline never skips a missing notebook (issue 28: a missing step is refused,
exit 64), so a test that wants only some real notebooks puts a stand-in for each
other step of the chain: a notebook that takes the pipeline's parameters and
does nothing else.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from lkjip.run.pipeline import STEPS


def stand_in_notebooks(folder: Path) -> list[str]:
    """Write a do-nothing notebook for every step whose notebook ``folder`` lacks; their names."""
    written = []
    for step in STEPS:
        path = Path(folder) / step.notebook
        if path.exists():
            continue
        book = nbformat.v4.new_notebook()
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        book.cells = [nbformat.v4.new_code_cell("unit = year = None", metadata={"tags": ["parameters"]}),
                      nbformat.v4.new_markdown_cell(f"Pengganti {step.notebook} untuk uji.")]
        nbformat.write(book, path)
        written.append(step.notebook)
    return written
