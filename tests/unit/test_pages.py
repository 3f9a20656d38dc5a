"""HTML the package writes from its Jinja templates: escaped, and read back with one helper."""

from __future__ import annotations

from lkjip.render import export
from lkjip.contract.pages import render, text_of
from lkjip.validation import Finding, ValidationResult, render_validation_report

REPORT = ('<html><head><title>lama</title></head><body><main>'
          '<h1 id="Bab-I">Bab I <a class="anchor-link" href="#Bab-I">¶</a></h1><p>isi</p>'
          '<h2>tanpa id</h2><h2 id="B">B &amp; C</h2></main></body></html>')


def test_validation_report_escapes_data():
    finding = Finding(dataset="koordinasi", file="<img src=x>.csv", rule="Aturan <b>tebal</b>", severity="error",
                      column="uraian", rows=[3], values=["<script>alert(1)</script>"],
                      expectation_type="expect_x", success=False, rule_id="r1", rows_total=1)
    page = render_validation_report(ValidationResult(2023, [finding]), "Kecamatan <i>X</i>", 2023)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Aturan &lt;b&gt;tebal&lt;/b&gt;" in page and "<title>Hasil Validasi Data Kecamatan &lt;i&gt;X&lt;/i&gt;" in page
    assert page.count('class="gagal-error"') == 1 and "Ada error" in page


def test_print_html_cover_toc_and_head_come_from_templates():
    cover = {"unit": "Kec. <b>A</b>", "year": 2023, "kabupaten": "Mojokerto", "head_name": "Budi & Ani"}
    page = export.build_print_html(REPORT, title="Judul <1>", cover=cover, running_title='x"</style><script>')
    assert page.count("<title>") == 1 and "<title>Judul &lt;1&gt;</title>" in page
    assert '<div class="cover-unit">KEC. &lt;B&gt;A&lt;/B&gt;</div>' in page
    assert '<div class="cover-kab">KABUPATEN MOJOKERTO</div>' in page and "Budi &amp; Ani" in page
    # the headings with an id, without their anchor mark, in order
    assert ('<li class="toc-h1"><a href="#Bab-I">Bab I</a></li>\n<li class="toc-h2"><a href="#B">B &amp; C</a></li>'
            in page)
    style = page[page.index("<style>"):page.index("</style>")]
    assert "<script>" not in style and "\\3c /style>" in style


def test_templates_autoescape():
    assert render("cetak_daftar_isi.html.j2", entries=[(1, 'a"b', "<x>")]).count("&lt;x&gt;") == 1


def test_text_of():
    assert text_of('<p>Rp&nbsp;1.000 <b>dan</b>\n  <!-- x --> &lt;lain&gt;</p>') == "Rp\xa01.000 dan <lain>"


def test_narrative_blocks_escape_names_before_changing_case():
    from types import SimpleNamespace as N

    from lkjip.document.narrative import judul, tanda_tangan

    rep = N(year=2023, unit=N(nama="Kec. <A>", kabupaten="Mojokerto", alamat="", kota_penetapan="Gedeg",
                              pimpinan={"jabatan": "Camat <b>", "nama": "Budi & Ani", "nip": "197702211995111001"}))
    sign = tanda_tangan(rep)
    # upper-casing escaped text gave "&LT;B&GT;", which is no entity
    assert "CAMAT &lt;B&gt;" in sign and "<strong>Budi &amp; Ani</strong>" in sign
    assert "NIP. 19770221 199511 1 001" in sign and sign.startswith('<div class="lkjip-ttd"')
    assert "KEC. &lt;A&gt;" in judul(rep) and "font-size:0.9em" not in judul(rep)
