"""The PDF as printed carries the layout of its own pages (lkjip.render.export.print_pdf, WeasyPrint)."""

from __future__ import annotations

from lkjip.render import printcheck

_PARA = "<p>" + " ".join(f"kata{i}" for i in range(120)) + "</p>"


def test_the_printed_pdf_carries_the_layout_of_its_own_pages_and_warns_of_a_defect(tmp_path, caplog):
    """:func:`lkjip.render.export.print_pdf` measures the boxes it drew the PDF from (what ``run.json``
    keeps as ``tata_letak_pdf``): clean for a plain report, the page and word of a defect otherwise."""
    import logging

    from pypdf import PdfReader

    from lkjip.render.export import print_pdf

    cover = {"unit": "Kecamatan Uji", "year": 2023}
    report = "<html><head><title>Uji</title></head><body><h1>Bab I Pendahuluan</h1>" + _PARA * 8 + "</body></html>"
    clean = print_pdf_html(tmp_path, "bersih", report)
    printed = print_pdf(clean, tmp_path / "bersih.pdf", title="Uji", cover=cover)
    assert printed.layout == {"halaman": len(PdfReader(printed.path).pages), "melewati_tepi": [],
                              "hampir_kosong": [], "judul_di_kaki": [],
                              # no memory of chapters: its h1 is not in <main>, so it shares the Daftar Isi's page
                              "bab": [], "bab_diingat": 0}
    wide = report.replace("</body>", "<table><tr><td>" + "x" * 200 + "</td></tr></table></body>")
    with caplog.at_level(logging.WARNING, logger="lkjip.render.export"):
        bad = print_pdf(print_pdf_html(tmp_path, "lebar", wide), tmp_path / "lebar.pdf", title="Uji", cover=cover)
    [(page, words)] = bad.layout["melewati_tepi"]
    assert words == ["x" * 200] and page == bad.layout["halaman"]
    assert printcheck.problems(bad.layout) == [f"kata melewati tepi kanan di halaman {page} ({'x' * 200})"]
    assert f"lebar.pdf: kata melewati tepi kanan di halaman {page}" in caplog.text


def print_pdf_html(folder, name: str, html: str):
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path
