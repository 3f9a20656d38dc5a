"""The screen HTML of a notebook built in the test (no kernel): nbconvert's tag rules for officials, stderr
dropped, Markdown table cells classed as generated tables' cells are."""

from __future__ import annotations

import re

from lkjip.contract.lean_imports import import_lean
from lkjip.render.export import build_print_html, notebook_to_html

# as the package imports it (lkjip.contract.lean_imports): a plain first import compiles jsonschema's unused
# IRI grammar, 1,7 s in every test worker while it collects
nbformat = import_lean("nbformat")
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell  # noqa: E402


def _notebook():
    return new_notebook(cells=[
        new_markdown_cell("# Bab I Pendahuluan"),
        new_markdown_cell("catatan penyusun", metadata={"tags": ["remove_input"]}),
        new_code_cell("rahasia = 1", metadata={"tags": ["remove_cell"]}, outputs=[
            new_output("stream", name="stdout", text="keluaran sel kerja")]),
        new_code_cell("x", metadata={"tags": ["remove_output"]}, outputs=[
            new_output("stream", name="stdout", text="keluaran tersembunyi")]),
        new_code_cell("y", outputs=[new_output("stream", name="stderr", text="peringatan pustaka"),
                                    new_output("stream", name="stdout", text="hasil untuk pembaca")]),
        new_raw_cell("teks mentah"),
    ], metadata={"title": "judul lama"})


def test_officials_see_neither_tagged_cells_nor_stderr_nor_raw_cells():
    html = notebook_to_html(_notebook(), include_code=False, title="LKjIP Uji")
    assert "Bab I Pendahuluan" in html and "hasil untuk pembaca" in html
    for hidden in ("catatan penyusun", "keluaran sel kerja", "rahasia", "keluaran tersembunyi",
                   "peringatan pustaka", "teks mentah"):
        assert hidden not in html, hidden
    assert "<title>LKjIP Uji</title>" in html


def test_auditors_see_every_cell_and_stderr_and_the_notebook_is_left_as_it_was():
    nb = _notebook()
    before = nbformat.writes(nb)
    html = notebook_to_html(nb, include_code=True, title="LKjIP Uji")
    for shown in ("catatan penyusun", "keluaran sel kerja", "rahasia", "keluaran tersembunyi",
                  "peringatan pustaka"):
        assert shown in html, shown
    assert nbformat.writes(nb) == before


def test_a_markdown_table_classes_its_cells_by_what_they_show():
    table = ("| Uraian | Nilai | Kode |\n|---|---|---|\n"
             "| Belanja pegawai kecamatan | Rp 1.234.500 | IV |\n"
             "| Capaian | 95,5 % | III/a |\n")
    nb = new_notebook(cells=[new_markdown_cell(table)])
    html = notebook_to_html(nb, include_code=False, title="uji")
    assert "<td>Belanja pegawai kecamatan</td>" in html
    assert '<td class="num">Rp\u00a01.234.500</td>' in html  # one line: "Rp" never ends it
    assert '<td class="num">95,5 %</td>' in html
    assert '<td class="lkjip-utuh">IV</td>' in html and '<td class="lkjip-utuh">III/a</td>' in html
    assert '<th>Nilai</th>' in html  # headings stay as they are


def test_the_styles_a_report_carries_name_no_module_of_the_package():
    """The stylesheets' comments are notes for maintainers and name the package's modules: the screen
    HTML and the print HTML carry their rules without them."""
    html = notebook_to_html(_notebook(), include_code=False, title="LKjIP Uji")
    printable = build_print_html(html, title="LKjIP Uji", cover={"unit": "Gedeg", "year": 2023})
    for page in (html, printable):
        styles = " ".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.S))
        assert ".lkjip-caption" in styles  # the package's own rules are there
        assert "lkjip." not in styles and "lkjip/" not in styles
    assert "target-counter" in printable  # the print rules too
