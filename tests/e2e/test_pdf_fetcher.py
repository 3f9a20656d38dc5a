"""Data are never markup (issue 11), in the PDF: WeasyPrint reads only the package's assets and embeds no file."""

from __future__ import annotations


def test_pdf_fetches_only_package_assets_and_embeds_no_file(tmp_path):
    """A report HTML with every trick to make WeasyPrint read a local file or the network."""
    from pypdf import PdfReader

    from lkjip.render.export import ASSETS, print_pdf

    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-123\n")
    html = tmp_path / "laporan.html"
    html.write_text(f"""<!DOCTYPE html><html><head><title>x</title>
<link rel="stylesheet" href="file://{secret}">
<link rel="attachment" href="file://{secret}" title="bocor">
<style>@import url("http://127.0.0.1:9/x.css"); body {{ background: url("file://{secret}"); }}</style>
</head><body><main>
<h1 id="bab">Bab</h1>
<p><a rel="attachment" href="file://{secret}">lampiran</a> <a rel="attachment" href="rahasia.txt">relatif</a>
<a rel="attachment" href="data:text/plain;base64,UkFIQVNJQS0xMjM=">data</a></p>
<img src="file://{secret}"><img src="http://127.0.0.1:9/x.png"><img src="../rahasia.txt">
<iframe src="file://{secret}"></iframe><object data="file://{secret}"></object>
</main></body></html>""")
    out = print_pdf(html, tmp_path / "laporan.pdf", title="Uji", cover={"unit": "Kecamatan Uji", "year": 2023}).path
    reader = PdfReader(out)
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert annot.get_object().get("/Subtype") != "/FileAttachment"
    assert b"RAHASIA-123" not in out.read_bytes()
    assert "RAHASIA" not in "".join(p.extract_text() for p in reader.pages)
    assert ASSETS.is_dir()
