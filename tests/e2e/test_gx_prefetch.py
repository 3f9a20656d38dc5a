"""A started kernel imports Great Expectations in the background (lkjip.validation.suites prefetch)."""

from __future__ import annotations


def test_a_started_kernel_imports_gx_in_the_background(tmp_path):
    import nbformat

    from lkjip.run.kernels import KernelSession

    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(
        "import sys, threading\n"
        "from lkjip.validation import suites\n"
        "t = [x for x in threading.enumerate() if x.name == 'lkjip-gx-prefetch']\n"
        "started = bool(t) or suites._GX_STATE is not None\n"
        "suites._gx()\n"
        "print(started, '_s' in dir(), 'great_expectations' in sys.modules)")]
    source = tmp_path / "probe.ipynb"
    nbformat.write(book, source)
    out = tmp_path / "probe_out.ipynb"
    with KernelSession(tmp_path) as session:
        session.execute(source, out, {})
    text = "".join(o.get("text", "") for o in nbformat.read(out, as_version=4).cells[-1].outputs)
    assert text.strip() == "True False True"
