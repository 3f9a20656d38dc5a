"""lkjip.render.printcheck: the print-layout rules measured on small rendered documents."""

from __future__ import annotations

from lkjip.render import printcheck

_PARA = "<p>" + " ".join(f"kata{i}" for i in range(120)) + "</p>"


def _doc(body: str) -> str:
    return f"<html><head><style>@page {{ size: A4; margin: 2cm; }}</style></head><body>{body}</body></html>"


def test_a_document_inside_its_text_area_passes():
    pages = printcheck.measure(_doc(_PARA + '<p style="break-before: page">' + _PARA[3:]))
    assert len(pages) == 2 and all(len(p.words) == 120 for p in pages)
    assert printcheck.overflowing(pages) == [] and printcheck.near_empty(pages) == []


def test_a_word_past_the_text_area_and_a_near_empty_page_are_found():
    wide = "<table><tr><td>" + "x" * 200 + "</td></tr></table>"
    pages = printcheck.measure(_doc(_PARA + '<p style="break-before: page">' + _PARA[3:] + wide
                                    + '<p style="break-before: page">Gambar 3.8 saja</p>'))
    over = printcheck.overflowing(pages)
    assert [n for n, _ in over] == [2] and over[0][1] == ["x" * 200]
    assert printcheck.near_empty(pages) == [(3, 3)]


def test_a_heading_or_caption_alone_at_a_page_foot_is_found():
    para = "<p>" + " ".join(f"kata{i}" for i in range(300)) + "</p>"
    big = '<div style="height: 20cm; break-inside: avoid">isi</div>'
    loose = "<style>h2, p.lkjip-caption { break-after: auto !important; page-break-after: auto !important }</style>"
    pages = printcheck.measure(_doc(loose + para + "<h2>Judul Bagian</h2>" + big + para
                                    + '<p class="lkjip-caption">Tabel 1 Judul</p>' + big))
    assert printcheck.orphans(pages) == [(1, "heading"), (3, "caption")]
    kept = printcheck.measure(_doc(para + "<h2>Judul Bagian</h2>" + big))
    assert printcheck.orphans(kept) == []  # the default keeps a heading with what follows


def test_a_chapter_tail_spilled_onto_a_page_takes_its_section_along():
    """Without balancing the last lines of Bab I stand alone on page 2; the export starts the last
    section of Bab I on that page instead (lkjip.render.export._render_balanced)."""
    from weasyprint import HTML

    def para(k, pre=""):
        return "<p>" + " ".join(f"{pre}kata{i}" for i in range(k)) + "</p>"

    doc = _doc("<style>h1 { break-before: page }</style><h1>Bab I</h1>" + para(328)
               + "<h2 id='bagian-akhir'>Bagian akhir</h2>" + para(60, "x") + "<p>akhir satu dua tiga</p>"
               + "<h1>Bab II</h1>" + para(200))
    raw = printcheck.pages_of(HTML(string=doc).render())
    assert printcheck.near_empty(raw) == [(2, 18)]
    pages = printcheck.measure(doc)
    assert printcheck.near_empty(pages) == [] and len(pages) == 3
    assert [w for w, _ in pages[1].words][:2] == ["Bagian", "akhir"]


def test_each_chapter_is_balanced_on_the_same_layouts(monkeypatch):
    """A figure to scale in Bab I and a spilled tail in Bab II: each chapter starts a page, so both are
    decided on the first layout and the document is laid out twice, not once per kind of decision."""
    import base64

    import weasyprint

    def para(k, pre=""):
        return "<p>" + " ".join(f"{pre}kata{i}" for i in range(k)) + "</p>"

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="700"><rect width="400" height="700"/></svg>'
    figure = ('<div class="lkjip-blok lkjip-blok-gambar" style="break-inside: avoid">'
              '<p class="lkjip-caption" style="break-after: avoid">Gambar 1.1 Tren</p><div class="lkjip-gambar">'
              f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}"></div></div>')
    doc = _doc("<style>h1 { break-before: page }</style><h1>Bab I</h1>" + para(120) + figure + para(60, "y")
               + "<h1>Bab II</h1>" + para(328) + "<h2 id='bagian-akhir'>Bagian akhir</h2>" + para(60, "x")
               + "<p>akhir satu dua tiga</p>")
    raw = printcheck.pages_of(weasyprint.HTML(string=doc).render())
    assert [w for w, _ in raw[1].words][:2] == ["Gambar", "1.1"] and printcheck.near_empty(raw) == [(4, 18)]
    layouts = []
    render = weasyprint.HTML.render
    monkeypatch.setattr(weasyprint.HTML, "render", lambda self, *a, **k: layouts.append(1) or render(self, *a, **k))
    pages = printcheck.measure(doc)
    assert [w for w, _ in pages[0].words][-3:] == ["Gambar", "1.1", "Tren"]  # scaled into Bab I's first page
    assert [w for w, _ in pages[3].words][:2] == ["Bagian", "akhir"] and printcheck.near_empty(pages) == []
    assert len(layouts) == 2


def test_a_heading_alone_at_a_page_foot_goes_to_the_next_page_with_its_text():
    """dinkes_contoh 2023 p.13: "5. Analisis penyebab keberhasilan dan kegagalan" ended the page, its text
    began the next one (the heading and the text were in different notebook cells)."""
    para = "<p>" + " ".join(f"kata{i}" for i in range(300)) + "</p>"
    big = '<div style="height: 20cm; break-inside: avoid">isi</div>'
    loose = "<style>h2 { break-after: auto !important; page-break-after: auto !important }</style>"
    doc = _doc(loose + para + "<h2 id='bagian-5'>Bagian lima</h2>" + big)
    from weasyprint import HTML

    raw = printcheck.pages_of(HTML(string=doc).render())
    assert printcheck.orphans(raw) == [(1, "heading")] and raw[0].ending == '[id="bagian-5"]'
    pages = printcheck.measure(doc)
    assert printcheck.orphans(pages) == []
    assert [w for w, _ in pages[1].words][:2] == ["Bagian", "lima"]
