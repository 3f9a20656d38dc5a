"""The screen HTML and the print HTML of one report: table of contents, blocks for one medium,
folded place lists, differences first, amounts and numerals kept whole, chart labels over gridlines."""

from __future__ import annotations

import json
import re

import pandas as pd

from lkjip.audit.folded import differences_first, folded_places
from lkjip.audit.report import print_only, table_block
from lkjip.contract.html_table import table_html
from lkjip.render.contents import caption_entries, headings
from lkjip.render.export import TOC_PLACEHOLDER, _postprocess, build_print_html
from lkjip.render.screen import for_screen as _for_screen
from lkjip.run.notebook_record import as_published, replace_folders

def for_screen(html: str) -> str:
    return _for_screen(html, lambda body: (headings(body, (1, 2)), caption_entries(body)), TOC_PLACEHOLDER)


PAGE = ("<html><head><title>t</title></head><body><main>\n"
        '<div class="cell"><h1 id="Judul">Judul<a class="anchor-link" href="#Judul">¶</a></h1></div>\n'
        '<p>pengantar</p>\n{placeholder}\n'
        '<h1 id="BAB-I">BAB I PENDAHULUAN</h1><h2 id="a">1.1 Latar</h2>'
        '<p class="lkjip-caption" id="tabel-1" data-kind="tabel" data-label="Tabel 1.1" data-title="Pegawai"></p>'
        "{extra}</main></body></html>")


def test_the_screen_toc_stands_at_the_placeholder_and_links_every_section():
    html = for_screen(PAGE.format(placeholder=TOC_PLACEHOLDER, extra=""))
    nav = html[html.index("<nav"):html.index("</nav>")]
    assert html.index("pengantar") < html.index("<nav") < html.index('id="BAB-I"')
    for href in ('href="#Judul"', 'href="#BAB-I"', 'href="#a"', 'href="#tabel-1"'):
        assert href in nav
    assert "Daftar Tabel (1)" in nav and "Daftar Gambar" not in nav
    # the placeholder stays for a PDF made from this page; the screen contents are not printed
    assert TOC_PLACEHOLDER in html
    printed = build_print_html(html, title="t", cover={"unit": "Gedeg", "year": 2023})
    assert "lkjip-daftar-layar" not in printed and 'class="toc"' in printed


def test_without_placeholder_the_toc_follows_the_title_and_leaves_it_out():
    html = for_screen(PAGE.format(placeholder="", extra=""))
    assert html.index("</h1>") < html.index("<nav") < html.index('id="BAB-I"')
    nav = html[html.index("<nav"):html.index("</nav>")]
    assert 'href="#Judul"' not in nav and 'href="#BAB-I"' in nav


def test_print_only_blocks_leave_the_screen_but_stay_in_print():
    block = print_only("<p>Daftar ini tidak dicetak; ada di versi layar.</p>")
    page = PAGE.format(placeholder="", extra=block)
    assert "tidak dicetak" not in for_screen(page)
    assert "tidak dicetak" in build_print_html(page, title="t", cover={"unit": "Gedeg", "year": 2023})


def test_long_place_lists_fold_in_print_and_stay_whole_on_screen():
    places = "; ".join(f"Tabel 3.{i}" for i in range(1, 8))
    frame = pd.DataFrame({"Tempat di LKjIP": [places, "Tabel 1.1; Tabel 1.2"], "Angka": ["a", "b"]})
    html = table_block(frame)
    page = PAGE.format(placeholder="", extra=html)
    printed = re.sub(r"<!--.*?-->", "", build_print_html(page, title="t", cover={"unit": "Gedeg", "year": 2023}))
    screen = re.sub(r"<!--.*?-->", "", for_screen(page))
    assert "Tabel 3.1; Tabel 3.2; Tabel 3.3 dan 4 tempat lain" in printed and "Tabel 3.4" not in printed
    assert "tempat lain" not in screen and "Tabel 3.3; Tabel 3.4" in screen and "Tabel 3.7" in screen
    assert "<td>Tabel 1.1; Tabel 1.2</td>" in html   # two places: nothing to fold


def test_folded_places_escapes_what_it_folds():
    html = folded_places("Tempat", "<b>1</b>; 2; 3; 4; 5")
    assert "<b>" not in html and "&lt;b&gt;1&lt;/b&gt;; 2; 3" in html and "dan 2 tempat lain" in html


def test_differences_come_first_and_equal_figures_fold():
    frame = pd.DataFrame({"Angka": ["a", "b", "c"], "Status": ["Sesuai", "Selisih", "Sesuai"]})
    html = differences_first(frame, lambda t: table_block(t))
    assert html.index(">Selisih</td>") < html.index("<details") < html.index(">Sesuai</td>")
    assert "2 angka sesuai" in html
    only_equal = differences_first(frame[frame["Status"] == "Sesuai"], lambda t: table_block(t))
    assert only_equal.startswith("<details") and "Semua 2 angka sesuai" in only_equal


def test_rp_joins_its_amount():
    body = _postprocess("<p>terserap Rp 41.322.000 dan (Rp 1.000)</p><table><tr>"
                        "<td class=\"num\">Rp 28.928.297</td></tr></table>")
    assert "Rp\u00a041.322.000" in body and "(Rp\u00a01.000)" in body and "Rp 4" not in body
    assert '<td class="num">Rp\u00a028.928.297</td>' in body


def test_short_cells_stay_whole_and_amounts_align_where_the_table_is_made():
    html = table_html(pd.DataFrame({"Kode": ["VIII"], "Uraian": ["Pelaksanaan urusan"],
                                    "Anggaran": ["Rp 28.928.297"]}))
    assert '<td class="lkjip-utuh">VIII</td>' in html
    assert '<td class="num">Rp 28.928.297</td>' in html  # a text column's amount, right-aligned
    assert "<td>Pelaksanaan urusan</td>" in html


def test_the_record_names_published_folders(tmp_path):
    staging, published = "/r/gedeg/.2023-staging/report", "/r/gedeg/2023"
    book = tmp_path / "nb.ipynb"
    book.write_text(json.dumps({"cells": [{"source": f'report_dir = "{staging}"\n',
                                           "outputs": [{"text": f"ditulis ke {staging}/audit.csv"}]}]}))
    as_published(book, {staging: published, "/r/gedeg/.2023-staging/processed": "/p"})
    text = book.read_text()
    assert "staging" not in text and f'report_dir = \\"{published}\\"' in text
    assert f"ditulis ke {published}/audit.csv" in text
    # a folder inside another is replaced as itself
    assert replace_folders("/s/a/b /s/a", {"/s/a": "/x", "/s/a/b": "/y"}) == "/y /x"


def test_chart_value_labels_sit_above_gridlines_on_a_white_box():
    from lkjip.charts import style

    with style.lkjip_style():
        fig = style._figure(2.0)
        ax = fig.add_subplot()
        bars = ax.bar([1, 2], [94.47, 97.33])
        style._label_bars(ax, bars, ["94,47", "97,33"], horizontal=False)
        ax.text(1, 50, "Target 95", fontsize=6.5)
        ax.grid(axis="y")
        fig.supxlabel("Sumber: data", fontsize=6.5)
    fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
    assert min(t.get_fontsize() for t in fig.findobj(__import__("matplotlib.text").text.Text)) >= 8
    assert min(t.get_fontsize() for t in ax.get_yticklabels()) >= 8
    for text in ax.texts:
        box = text.get_bbox_patch()
        assert box is not None and box.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert text.get_zorder() > max(line.get_zorder() for line in ax.get_ygridlines())


def test_no_page_break_is_added_before_a_total_row_or_right_after_a_header():
    import tinyhtml5

    from lkjip.render.printcheck import mark_blocks

    def marked(html: str):
        root = tinyhtml5.parse(html, namespace_html_elements=False)
        mark_blocks(root)
        return root

    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(1, 10)) + "<tr><td>JUMLAH</td></tr>"
    tagged = marked(f"<table><thead><tr><th>No</th></tr></thead><tbody>{rows}</tbody></table>")
    movable = [tr.find("td").text for tr in tagged.iter("tr") if tr.get("data-tr")]
    assert movable == ["3", "4", "5", "6", "7", "8"]   # never row 1-2 (with the header) nor 9 and JUMLAH
    assert [tr.attrib for tr in tagged.iter("tr")][0] == {}  # the header row
    # a short table is kept whole: each row after the first stays with the row before it
    short = marked("<table><tbody>" + "<tr><td>a</td></tr>" * 4 + "</tbody></table>")
    assert [tr.get("style") for tr in short.iter("tr")] == [None] + ["break-before: avoid"] * 3
    assert not any(tr.get("data-tr") for tr in short.iter("tr"))


def test_a_landscape_document_turns_every_page_and_a_portrait_one_none():
    """The audit prints landscape throughout (its Step says so); the LKjIP keeps the CSS's A4 portrait."""
    page = PAGE.format(placeholder=TOC_PLACEHOLDER, extra="")
    wide = build_print_html(page, title="t", cover={"unit": "Gedeg", "year": 2023}, landscape=True)
    tall = build_print_html(page, title="t", cover={"unit": "Gedeg", "year": 2023})
    assert wide.count("@page { size: A4 landscape; }") == 1 and "size: A4 landscape; }" not in tall.replace(
        "@page lanskap { size: A4 landscape; }", "")
    from lkjip.inputs.chain import STEPS

    assert [s.report for s in STEPS if s.landscape] == ["audit"]
