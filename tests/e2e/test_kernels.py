"""The kernel that runs a unit-year's notebooks, and the pool that exports them.

What matters is isolation and that nothing is lost: each notebook starts with an
empty namespace (even though what survives is frozen for the garbage collector),
an executed notebook is written when it ends and when it fails, and a process
that uses the export pool ends without waiting on it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import nbformat
import pytest

from lkjip.run.kernels import KernelSession


def _notebook(path, *sources):
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    book.cells = [nbformat.v4.new_code_cell("x = None", metadata={"tags": ["parameters"]})]
    book.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(book, path)
    return path


def _printed(path) -> str:
    return "".join(o.get("text", "") for c in nbformat.read(path, as_version=4).cells
                   for o in c.get("outputs", []) if o.get("output_type") == "stream")


def test_each_notebook_starts_empty_and_history_is_off(tmp_path):
    first = _notebook(tmp_path / "a.ipynb",
                      "class Node:\n    pass\nleft, right = Node(), Node()\nleft.other, right.other = right, left\n"
                      "kept = [left]\nprint(x)")
    second = _notebook(tmp_path / "b.ipynb",
                       "import gc\n"
                       "print(x, 'kept' in dir(), 'Node' in dir(), gc.get_freeze_count() > 0, "
                       "get_ipython().history_manager.enabled)")
    with KernelSession(tmp_path) as session:
        session.execute(first, tmp_path / "a_out.ipynb", {"x": 1})
        session.execute(second, tmp_path / "b_out.ipynb", {"x": 2})
    assert _printed(tmp_path / "a_out.ipynb").strip() == "1"
    assert _printed(tmp_path / "b_out.ipynb").strip() == "2 False False True False"


def test_a_notebook_s_namespace_is_cleared_when_the_next_starts_not_when_it_ends(tmp_path):
    """The ended notebook's export need not wait for the reset's collection, and the last notebook of a
    run is not reset at all; a failed notebook is cleared as an ended one."""
    first = _notebook(tmp_path / "a.ipynb", "kept = 1")
    bad = _notebook(tmp_path / "bad.ipynb", "kept = 2", "raise ValueError('gagal')")
    probe = _notebook(tmp_path / "c.ipynb", "print('kept' in dir())")

    def holds_kept(session) -> str:
        client = session.km.blocking_client()
        client.start_channels()
        seen: list[str] = []
        try:
            client.execute_interactive("print('kept' in dir())", store_history=False, timeout=30,
                                       output_hook=lambda msg: seen.append(msg["content"].get("text", "")))
        finally:
            client.stop_channels()
        return "".join(seen).strip()

    from papermill.exceptions import PapermillExecutionError

    with KernelSession(tmp_path) as session:
        session.execute(first, tmp_path / "a_out.ipynb", {})
        assert holds_kept(session) == "True"
        with pytest.raises(PapermillExecutionError):
            session.execute(bad, tmp_path / "bad_out.ipynb", {})
        session.execute(probe, tmp_path / "c_out.ipynb", {})
    assert _printed(tmp_path / "c_out.ipynb").strip() == "False"


def test_a_warning_one_notebook_showed_is_shown_again_in_the_next(tmp_path):
    """A notebook is recorded as in a fresh kernel: a library's warning is in the record of every notebook
    that meets it, not only the first one the kernel ran (Python shows a warning once per place)."""
    (tmp_path / "pustaka_uji.py").write_text(
        "import warnings\n\ndef hitung():\n    warnings.warn('kolom kosong', UserWarning)\n", encoding="utf-8")
    code = f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport pustaka_uji\npustaka_uji.hitung()"
    first, second = _notebook(tmp_path / "a.ipynb", code), _notebook(tmp_path / "b.ipynb", code)
    # without Great Expectations imported in the background: whenever that import changes the warning
    # filters, Python forgets what it showed, so the old behaviour depended on that thread's timing
    with KernelSession(tmp_path, prefetch=False) as session:
        session.execute(first, tmp_path / "a_out.ipynb", {})
        session.execute(second, tmp_path / "b_out.ipynb", {})
    for name in ("a_out", "b_out"):
        warned = [o.get("text", "") for c in nbformat.read(tmp_path / f"{name}.ipynb", as_version=4).cells
                  for o in c.get("outputs", []) if o.get("name") == "stderr"]
        assert any("UserWarning: kolom kosong" in text for text in warned), (name, warned)


def _count_writes(monkeypatch) -> list[str]:
    """The paths papermill writes executed notebooks to, one entry a write."""
    import papermill.engines
    import papermill.execute

    writes: list[str] = []
    original = papermill.execute.write_ipynb

    def counted(nb, path):
        writes.append(str(path))
        return original(nb, path)

    monkeypatch.setattr(papermill.engines, "write_ipynb", counted)
    monkeypatch.setattr(papermill.execute, "write_ipynb", counted)
    return writes


def test_the_executed_notebook_is_written_at_the_end_and_at_a_failure(tmp_path, monkeypatch):
    from papermill.exceptions import PapermillExecutionError

    good = _notebook(tmp_path / "good.ipynb", "print('satu')", "print('dua')")
    bad = _notebook(tmp_path / "bad.ipynb", "print('sebelum')", "raise ValueError('baris 4 salah')", "print('x')")
    writes = _count_writes(monkeypatch)
    with KernelSession(tmp_path) as session:
        session.execute(good, tmp_path / "good_out.ipynb", {})
        with pytest.raises(PapermillExecutionError, match="baris 4 salah"):
            session.execute(bad, tmp_path / "bad_out.ipynb", {})
    # once each: not after every cell (each write re-serialises and re-validates the whole notebook)
    assert [w.rsplit("/", 1)[-1] for w in writes] == ["good_out.ipynb", "bad_out.ipynb"]
    assert _printed(tmp_path / "good_out.ipynb") == "satu\ndua\n"
    failed = nbformat.read(tmp_path / "bad_out.ipynb", as_version=4)
    assert _printed(tmp_path / "bad_out.ipynb") == "sebelum\n"
    assert any("baris 4 salah" in str(o.get("evalue", "")) for c in failed.cells for o in c.get("outputs", []))
    assert failed.metadata.papermill["exception"] is True


_POOL_IN_A_CHILD = textwrap.dedent("""
    import multiprocessing, os, sys
    from concurrent.futures import ProcessPoolExecutor

    def uses_the_export_pool():
        from lkjip.run import export_jobs
        return export_jobs.pool().submit(os.getpid).result() != os.getpid()

    if __name__ == "__main__":
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as outer:
            print(outer.submit(uses_the_export_pool).result())
        print("selesai")
""")


def test_a_child_process_that_used_the_export_pool_ends(tmp_path):
    """A worker of ``lkjip run --jobs N`` (or any multiprocessing child) ends without atexit:
    the export pool must be stopped before the child waits for its own children."""
    script = tmp_path / "child.py"
    script.write_text(_POOL_IN_A_CHILD, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["True", "selesai"]


def test_no_kernel_client_is_left_open_after_notebooks_and_a_failure(tmp_path):
    """papermill leaves open the client it starts on a kernel it does not own; a worker that runs
    many unit-years on one kernel would collect their sockets (and ResourceWarnings) later."""
    import gc
    import warnings

    from papermill.exceptions import PapermillExecutionError

    good = _notebook(tmp_path / "good.ipynb", "print('satu')")
    bad = _notebook(tmp_path / "bad.ipynb", "raise ValueError('rusak')")
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with KernelSession(tmp_path) as session:
            session.execute(good, tmp_path / "a_out.ipynb", {})
            with pytest.raises(PapermillExecutionError):
                session.execute(bad, tmp_path / "b_out.ipynb", {})
            session.execute(good, tmp_path / "c_out.ipynb", {})
        gc.collect()
    unclosed = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == []
    assert _printed(tmp_path / "c_out.ipynb") == "satu\n"


def test_a_kernel_that_dies_mid_notebook_fails_the_run_and_leaves_the_cells_run_before_it(tmp_path, monkeypatch):
    """A kernel killed in the middle of a notebook (out of memory, a crashing library): the run
    fails at once (it used to wait forever for the cell's output), and the executed notebook is
    still written, once, with the outputs of the cells that ran, for the run's _gagal folder."""
    from nbclient.exceptions import DeadKernelError

    dies = _notebook(tmp_path / "mati.ipynb", "print('sebelum')", "import os\nos._exit(1)", "print('sesudah')")
    writes = _count_writes(monkeypatch)
    with KernelSession(tmp_path) as session:
        with pytest.raises(DeadKernelError):
            session.execute(dies, tmp_path / "mati_out.ipynb", {})
        assert not session.is_alive()
    assert _printed(tmp_path / "mati_out.ipynb") == "sebelum\n"
    assert len(writes) == 1
