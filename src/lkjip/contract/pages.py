"""HTML the package writes itself, from Jinja templates with autoescape on.

The templates live beside the nbconvert template in ``lkjip/assets/``:
``validasi.html.j2`` (the validation report), ``cetak_sampul.html.j2`` (the
PDF's cover), ``cetak_daftar_isi.html.j2`` (its table of contents),
``cetak_kepala.html.j2`` (its title, metadata and print CSS), ``judul.html.j2`` and
``tanda_tangan.html.j2`` (the LKjIP's title and signature blocks), ``ttd_dokumen.html.j2`` (a
signed document's signatures), and the blocks of every table and figure: ``tabel.html.j2``,
``keterangan.html.j2`` (captions), ``blok_tabel.html.j2``, ``blok_gambar.html.j2``,
``lipat.html.j2`` (a closed fold), ``paragraf.html.j2`` and the audit's ``tabel_audit.html.j2``,
``bagian_audit.html.j2``, ``satu_media.html.j2``. Every value passed in is
escaped unless it is :class:`markupsafe.Markup` (HTML the package built
itself, such as a data URI).

:func:`text_of` is the one helper that turns HTML back into its text.

The printed page, in one place: A4 portrait with the left and right margins of
``lkjip-print.css``'s ``@page`` (:data:`PAGE_MARGINS_MM`, checked against the CSS by
``tests/test_rules_home.py``), so tables (:mod:`lkjip.contract.html_table`) and charts
(:mod:`lkjip.charts.style`) are sized to the same text block.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from lkjip import ASSETS_DIR
ASSETS = ASSETS_DIR

#: A4 portrait width and the (left, right) margins of ``@page`` in ``assets/lkjip-print.css``, in mm.
A4_WIDTH_MM = 210
PAGE_MARGINS_MM = (25, 20)
#: The text block a printed table or figure must fit: 165 mm.
TEXT_WIDTH_MM = A4_WIDTH_MM - sum(PAGE_MARGINS_MM)
#: The text block in points (tables measure their columns in pt).
TEXT_WIDTH_PT = TEXT_WIDTH_MM / 25.4 * 72
#: Width of a figure that fills the text block with a little room (16 cm, in inches).
FIGURE_WIDTH_IN = 16 / 2.54


@lru_cache(maxsize=1)
def environment():
    """The package's Jinja environment (autoescape on, undefined names are errors)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined)


def render(template: str, **context) -> str:
    """Render ``assets/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)


def block(template: str, **context) -> Markup:
    """:func:`render` as a block to embed in other HTML: autoescaped, so marked safe (:class:`Markup`)."""
    return Markup(render(template, **context))


def text_of(html: str) -> str:
    """The text of an HTML fragment: tags and comments removed, entities decoded, spaces collapsed.

    >>> text_of('<h2 id="a">Bab <em>II</em> &amp; <a class="anchor-link" href="#a">¶</a></h2>')
    'Bab II & ¶'
    """
    return Markup(html).striptags()
