"""lkjip.render.layout_memory: a chapter balanced by the last print keeps its decisions, and the PDF is
the one a print without memory makes."""

from __future__ import annotations

import base64
import hashlib

import pytest

from lkjip.render import printcheck


def _para(k: int, pre: str = "") -> str:
    return "<p>" + " ".join(f"{pre}kata{i}" for i in range(k)) + "</p>"


_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="700"><rect width="400" height="700"/></svg>'
_FIGURE = ('<div class="lkjip-blok lkjip-blok-gambar" style="break-inside: avoid">'
           '<p class="lkjip-caption" style="break-after: avoid">Gambar 1.1 Tren</p><div class="lkjip-gambar">'
           f'<img src="data:image/svg+xml;base64,{base64.b64encode(_SVG.encode()).decode()}"></div></div>')


def _doc(cover: str = "", bab3: str = "") -> str:
    """Bab I needs a figure scaled, Bab II a page break before its last section (its tail spills), Bab III
    nothing; ``cover`` and ``bab3`` change one chapter."""
    body = ("<p>Sampul</p>" + cover + "<main><h1>Bab I</h1>" + _para(120) + _FIGURE + _para(60, "y")
            + "<h1>Bab II</h1>" + _para(328) + "<h2 id='bagian-akhir'>Bagian akhir</h2>" + _para(60, "x")
            + "<p>akhir satu dua tiga</p><h1>Bab III</h1>" + _para(100, "z") + bab3 + "</main>")
    return ("<html><head><style>@page { size: A4; margin: 2cm; } main h1 { break-before: page }</style></head>"
            f"<body>{body}</body></html>")


@pytest.fixture
def layouts(monkeypatch) -> list[int]:
    import weasyprint

    counted: list[int] = []
    render = weasyprint.HTML.render
    monkeypatch.setattr(weasyprint.HTML, "render", lambda self, *a, **k: counted.append(1) or render(self, *a, **k))
    return counted


def _pdf(balanced) -> str:
    return hashlib.sha256(balanced.document.write_pdf(pdf_identifier=b"t")).hexdigest()


def test_an_unchanged_document_is_laid_out_once_and_prints_the_same(layouts):
    cold = printcheck.balance(_doc(), None)
    assert cold.layouts == 2 and cold.remembered == 0
    record = cold.chapters
    assert [r["pas"] != [] for r in record] == [False, True, False, False]  # Bab I's figure is scaled
    assert [r["putus"] for r in record] == [[], [], ['[id="bagian-akhir"]'], []]
    warm = printcheck.balance(_doc(), None, memory=record)
    assert warm.layouts == 1 and warm.remembered == 4
    assert warm.chapters == record and _pdf(warm) == _pdf(cold)


def test_a_changed_chapter_without_decisions_keeps_one_layout_and_the_pdf_of_a_fresh_print():
    record = printcheck.balance(_doc(), None).chapters
    edited = _doc(bab3=_para(20, "baru"))
    cold, warm = printcheck.balance(edited, None), printcheck.balance(edited, None, memory=record)
    assert (cold.layouts, warm.layouts, warm.remembered) == (2, 1, 3)
    assert warm.chapters == cold.chapters and _pdf(warm) == _pdf(cold)
    assert warm.chapters[3]["kunci"] != record[3]["kunci"]


def test_a_changed_chapter_that_needs_a_break_is_balanced_on_its_own_pages():
    """Bab II's tail spills: with Bab II changed, its break is found on a document of the cover and Bab II
    alone (two small layouts), and the whole document is laid out once."""
    record = printcheck.balance(_doc(), None).chapters
    edited = _doc().replace("<p>akhir satu dua tiga</p>", "<p>akhir satu dua tiga empat</p>")
    cold, warm = printcheck.balance(edited, None), printcheck.balance(edited, None, memory=record)
    assert (cold.layouts, warm.layouts, warm.part_layouts, warm.remembered) == (2, 1, 2, 3)
    assert warm.chapters[2]["kunci"] != record[2]["kunci"] and warm.chapters[2]["putus"] == ['[id="bagian-akhir"]']
    assert warm.chapters == cold.chapters and _pdf(warm) == _pdf(cold)


def test_a_block_added_before_a_chapter_does_not_make_it_new():
    """Blocks are numbered from the document's start; a chapter remembers its own from its first, so
    Bab I's figure rule survives a table block added before it (Bab I's figure is block 2 now)."""
    record = printcheck.balance(_doc(), None).chapters
    table = '<div class="lkjip-blok lkjip-blok-tabel"><table><tr><td>1</td></tr></table></div>'
    edited = _doc(cover=table)
    cold, warm = printcheck.balance(edited, None), printcheck.balance(edited, None, memory=record)
    assert warm.remembered == 3 and warm.layouts == 1
    assert warm.chapters[1:] == record[1:] and record[1]["pas"][0].startswith('[data-blok="1"] img{height:')
    assert warm.chapters == cold.chapters and _pdf(warm) == _pdf(cold)


def test_a_changed_chapter_before_a_wrapper_that_starts_a_page_keeps_the_others_remembered():
    """The Daftar Isi's nav starts a page and holds its title: a part holding the chapter before it (the
    Kata Pengantar, edited) keeps the nav, emptied, and so ends on a blank page the whole document does
    not have. That page is not the chapter's: the others stay remembered, the PDF is a fresh print's."""
    def doc(pengantar: str) -> str:
        return _doc().replace("<main><h1>Bab I</h1>", "<main><h1>Kata Pengantar</h1>" + pengantar
                              + '<nav style="break-before: page"><h1>Daftar Isi</h1><p>isi</p></nav><h1>Bab I</h1>')
    record = printcheck.balance(doc(_para(40)), None).chapters
    edited = doc(_para(41))
    cold, warm = printcheck.balance(edited, None), printcheck.balance(edited, None, memory=record)
    assert (warm.remembered, warm.layouts, warm.part_layouts) == (len(record) - 1, 1, 1)
    assert warm.chapters == cold.chapters and _pdf(warm) == _pdf(cold)


def test_a_remembered_chapter_that_comes_out_otherwise_is_balanced_anew():
    """A memory whose page prints no longer hold (a font or a hand-edited record) is not trusted: the
    document is balanced from scratch, as without it."""
    cold = printcheck.balance(_doc(), None)
    wrong = [dict(r, halaman=["0" * 16 for _ in r["halaman"]]) for r in cold.chapters]
    again = printcheck.balance(_doc(), None, memory=wrong)
    assert again.remembered == 0 and again.layouts == 2 and _pdf(again) == _pdf(cold)


@pytest.mark.parametrize("memory", [[{"kunci": 1}], [None, "x"], [{"kunci": "k", "pas": 3}], [], "bab", 5,
                                    {"kunci": "k"}])
def test_a_memory_of_another_shape_is_ignored(memory):
    """A record from an older run or edited by hand is no memory, and no error."""
    cold = printcheck.balance(_doc(), None)
    odd = ([dict(memory[0], kunci=cold.chapters[2]["kunci"])] if isinstance(memory, list) and memory
           and isinstance(memory[0], dict) else memory)
    again = printcheck.balance(_doc(), None, memory=odd)
    assert again.remembered == 0 and again.chapters == cold.chapters
