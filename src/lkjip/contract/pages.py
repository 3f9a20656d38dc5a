"""HTML the package writes itself, from Jinja templates with autoescape on.

The templates live beside the nbconvert template in ``lkjip/assets/``:
``validasi.html.j2`` (the validation report), ``cetak_sampul.html.j2`` (the
PDF's cover), ``cetak_daftar_isi.html.j2`` (its table of contents),
``cetak_kepala.html.j2`` (its title, metadata and print CSS),
``asal_usul.html.j2`` (the provenance block), ``judul.html.j2`` and
``tanda_tangan.html.j2`` (the LKjIP's title and signature blocks). Every value passed in is
escaped unless it is :class:`markupsafe.Markup` (HTML the package built
itself, such as a data URI).

:func:`text_of` is the one helper that turns HTML back into its text.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from lkjip import ASSETS_DIR
ASSETS = ASSETS_DIR


@lru_cache(maxsize=1)
def environment():
    """The package's Jinja environment (autoescape on, undefined names are errors)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined)


def render(template: str, **context) -> str:
    """Render ``assets/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)


def text_of(html: str) -> str:
    """The text of an HTML fragment: tags and comments removed, entities decoded, spaces collapsed.

    >>> text_of('<h2 id="a">Bab <em>II</em> &amp; <a class="anchor-link" href="#a">¶</a></h2>')
    'Bab II & ¶'
    """
    return Markup(html).striptags()
