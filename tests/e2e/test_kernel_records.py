"""One kernel runs a unit-year's notebooks, yet each executed notebook reads as if its kernel were fresh:
its cells count from In [1], and the staging folders it was given are written as the published ones."""

from __future__ import annotations

import nbformat

from lkjip.run.kernels import KernelSession


def _notebook(path, *sources):
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    book.cells = [nbformat.v4.new_code_cell("out = None", metadata={"tags": ["parameters"]})]
    book.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(book, path)
    return path


def test_every_notebook_of_one_kernel_counts_from_one_and_names_published_folders(tmp_path):
    staging, published = tmp_path / "gedeg" / ".2023-staging" / "report", tmp_path / "gedeg" / "2023"
    first = _notebook(tmp_path / "a.ipynb", "1 + 1", "print(out)", "3")
    second = _notebook(tmp_path / "b.ipynb", "print('ditulis ke', out)", "40 + 2")
    with KernelSession(tmp_path) as session:
        session.execute(first, tmp_path / "a_out.ipynb", {"out": str(staging)},
                        shown_folders={str(staging): str(published)})
        session.execute(second, tmp_path / "b_out.ipynb", {"out": str(staging / "audit.csv")},
                        shown_folders={str(staging): str(published)})
    for name, cells in (("a_out.ipynb", 5), ("b_out.ipynb", 4)):
        book = nbformat.read(tmp_path / name, as_version=4)
        counts = [c.execution_count for c in book.cells if c.cell_type == "code"]
        assert counts == list(range(1, cells + 1)), (name, counts)
        results = [o["execution_count"] for c in book.cells for o in c.outputs if o["output_type"] == "execute_result"]
        assert results == [c.execution_count for c in book.cells if any(
            o["output_type"] == "execute_result" for o in c.get("outputs", []))]
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert ".2023-staging" not in text
    second_out = nbformat.read(tmp_path / "b_out.ipynb", as_version=4)
    injected = [c for c in second_out.cells if "injected-parameters" in c.metadata.get("tags", [])][0]
    assert injected.source.splitlines()[1] == f'out = "{published / "audit.csv"}"'
    assert second_out.cells[2].outputs[0]["text"] == f"ditulis ke {published / 'audit.csv'}\n"
