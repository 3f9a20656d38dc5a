"""Imports without the optional modules that cost seconds (lkjip.contract.lean_imports), in a fresh
interpreter and across threads."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def test_jsonschema_is_imported_without_its_unused_iri_grammar_and_it_stays_importable():
    code = textwrap.dedent("""
        import sys
        from lkjip.contract.lean_imports import import_lean
        import_lean("nbformat")
        import jsonschema._format
        print("rfc3987_syntax" in sys.modules, "jsonschema" in sys.modules)
        import rfc3987_syntax
        print(rfc3987_syntax.__name__)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["False", "True", "rfc3987_syntax"]


def test_a_module_another_thread_is_importing_is_handed_out_whole(tmp_path, monkeypatch):
    """Dask runs unit-years in threads of one process: the second thread asking for papermill while
    the first still imports it must wait for the whole module, not get the half-made one."""
    import threading

    from lkjip.contract.lean_imports import import_lean

    (tmp_path / "lambat_diimpor.py").write_text(
        "import threading, time\nSTARTED = threading.Event()\n"
        "import sys\nsys.modules[__name__].STARTED.set()\ntime.sleep(0.5)\nREADY = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    got: dict[str, object] = {}

    def first():
        got["first"] = import_lean("lambat_diimpor")

    thread = threading.Thread(target=first)
    thread.start()
    while "lambat_diimpor" not in sys.modules or not sys.modules["lambat_diimpor"].__dict__.get("STARTED"):
        pass  # the module object exists as soon as its body starts
    sys.modules["lambat_diimpor"].STARTED.wait()
    second = import_lean("lambat_diimpor")  # while the first thread is still inside the module's body
    whole_when_handed_out = getattr(second, "READY", False)
    thread.join()
    assert whole_when_handed_out is True and got["first"] is second
    monkeypatch.delitem(sys.modules, "lambat_diimpor")


def test_an_export_workers_first_conversion_does_without_the_iri_grammar(tmp_path):
    """An export worker (lkjip.run.export_jobs) starts with nothing imported; its first notebook
    conversion imports nbformat, which must not pay for the IRI grammar either."""
    book = tmp_path / "laporan.ipynb"
    book.write_text(json.dumps({"cells": [{"cell_type": "markdown", "id": "bab-1", "metadata": {},
                                           "source": "# Bab I"}],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        from lkjip.render.export import notebook_to_html
        assert "jsonschema" not in sys.modules
        html = notebook_to_html({str(book)!r}, include_code=False, title="uji")
        print("Bab I" in html, "rfc3987_syntax" in sys.modules, "jsonschema" in sys.modules)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["True", "False", "True"]
