"""The HTML blocks rendered from the package's Jinja templates: every data-derived string escaped,
and the exact bytes of a small table block and a figure block (the documents must not change)."""

from __future__ import annotations

import base64
from types import SimpleNamespace

import pandas as pd

from lkjip.audit import report as ar
from lkjip.document.narrative.lampiran import tanda_tangan_dokumen
from lkjip.document.numbering import Caption
from lkjip.render import notebook as nb

EVIL = "<script>alert('x')</script> & \"q\""
ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;"


class _Drawing(nb.Figure):
    """A figure whose SVG is fixed bytes (no matplotlib)."""

    def svg(self) -> bytes:
        return b"<svg/>"


def test_a_small_table_block_is_exactly_this_html():
    frame = pd.DataFrame({"Uraian": ["Belanja"], "Pagu": [1500.0]})
    html = nb.table_block(frame, "Tabel 1 Anggaran", source="LRA", note="Catatan.")
    assert html == ('<div class="lkjip-blok lkjip-blok-tabel">\n'
                    '<p class="lkjip-caption"><strong>Tabel 1 Anggaran</strong></p>\n'
                    '<table class="lkjip-table"><thead><tr><th>Uraian</th><th class="num">Pagu</th></tr></thead>'
                    '<tbody><tr><td class="lkjip-utuh">Belanja</td><td class="num">1.500</td></tr></tbody></table>\n'
                    '<p class="lkjip-source"><em>Sumber: LRA</em></p>\n'
                    '<p class="lkjip-note">Catatan.</p>\n'
                    "</div>")


def test_a_figure_block_is_exactly_this_html():
    html = _Drawing(None, Caption("Gambar", "2.1", "Capaian"), source="BPS")._repr_html_()
    data = base64.b64encode(b"<svg/>").decode("ascii")
    assert html == ('<div class="lkjip-blok lkjip-blok-gambar">\n'
                    '<p class="lkjip-caption lkjip-caption-gambar" id="gambar-2-1" data-kind="gambar" '
                    'data-label="Gambar 2.1" data-title="Capaian"><strong>Gambar 2.1 Capaian</strong></p>\n'
                    f'<div class="lkjip-gambar"><img src="data:image/svg+xml;base64,{data}" alt="Capaian"></div>\n'
                    '<p class="lkjip-source"><em>Sumber: BPS</em></p>\n'
                    "</div>")


def test_caption_source_note_and_alt_text_are_escaped():
    table = nb.table_block(pd.DataFrame({"a": [1]}), EVIL, source=EVIL, note=EVIL)
    assert f"<strong>{ESCAPED}</strong>" in table
    assert f"Sumber: {ESCAPED}</em>" in table and f'<p class="lkjip-note">{ESCAPED}</p>' in table
    figure = _Drawing(None, Caption("Gambar", "1.1", EVIL), source=EVIL)._repr_html_()
    assert f'alt="{ESCAPED}"' in figure and f'data-title="{ESCAPED}"' in figure
    assert f"Sumber: {ESCAPED}</em>" in figure
    for html in (table, figure):
        assert "<script>" not in html and '"q"' not in html
    assert nb.Table(None, empty=EVIL)._repr_html_() == f"<p>{ESCAPED}</p>"
    assert str(nb.folded(EVIL, EVIL)) == (f'<details class="lkjip-lipat"><summary>{ESCAPED}</summary>\n'
                                          f"{ESCAPED}\n</details>")


def test_the_audit_blocks_escape_their_text_and_keep_the_table_as_built():
    html = ar.table_block(pd.DataFrame({"A": ["x"], "B": ["y"]}), EVIL, EVIL, small=True, widths=(40, 60))
    assert html == (f'<p class="lkjip-caption"><strong>{ESCAPED}</strong></p>\n'
                    '<table class="lkjip-fixed lkjip-wide-xl lkjip-table"><colgroup><col style="width: 40%">'
                    '<col style="width: 60%"></colgroup><thead><tr><th>A</th><th>B</th></tr></thead>'
                    "<tbody><tr><td class=\"lkjip-utuh\">x</td><td class=\"lkjip-utuh\">y</td></tr></tbody></table>\n"
                    f'<p class="lkjip-source"><em>Sumber: {ESCAPED}</em></p>')
    assert ar.section(EVIL, "a", ["<p>b</p>"], landscape=True, level=3) == (
        f'<div class="lkjip-landscape">\n<h3 id="a">{ESCAPED}</h3>\n<p>b</p>\n</div>')
    assert ar.paragraph(EVIL) == f"<p>{ESCAPED}</p>"
    assert ar.screen_only("<p>b</p>") == ('<!--lkjip:layar-saja--><div class="lkjip-layar-saja">\n<p>b</p>\n'
                                          "</div><!--/lkjip:layar-saja-->")


def test_a_signatory_name_is_escaped_in_the_signature_table():
    people = pd.DataFrame([("pihak_pertama", "Camat & Staf", EVIL, "Pembina", "1977")],
                          columns=["peran", "jabatan", "nama", "pangkat", "nip"])
    sign = SimpleNamespace(tempat="Gedeg", tanggal_teks="1 Januari 2024", peran=lambda role: people[people.peran == role])
    html = tanda_tangan_dokumen(sign, ("pihak_pertama",))
    assert html == ('<div class="lkjip-ttd-dokumen"><p class="lkjip-ttd-tempat">Gedeg, 1 Januari 2024</p>'
                    '<table class="lkjip-ttd-tabel"><tr><td>Pihak Pertama<br/>CAMAT &amp; STAF<br/><br/><br/><br/>'
                    f"<strong>{ESCAPED}</strong><br/>Pembina<br/>NIP. 1977</td></tr></table></div>")
