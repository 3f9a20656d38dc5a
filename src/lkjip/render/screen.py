"""The screen HTML of a report (``*.html``, ``*_lengkap.html``): a table of contents, no print-only blocks.

:func:`for_screen` turns the HTML that nbconvert made (:func:`lkjip.render.export.notebook_to_html`)
into the page people read in a browser:

- a table of contents (``assets/layar_daftar_isi.html.j2``) linking the sections (headings of
  levels 1-2 with an id) and, folded, the numbered tables and figures. It stands where the notebook
  leaves the Daftar Isi of the PDF (:data:`lkjip.render.export.TOC_PLACEHOLDER`, the LKjIP: after
  the Kata Pengantar, as on paper), else right after the document's title (its first ``<h1>``),
  else at the top;
- the blocks for print only (:func:`lkjip.audit.report.print_only`: e.g. the sentence that says
  where the unprinted full list is) left out, so the screen version never describes another version
  of itself. The PDF is made from the HTML before this step (:func:`lkjip.render.export.print_pdf`
  ``report_html``), so it keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lkjip.contract.pages import render

__all__ = ["PRINT_ONLY", "PRINT_ONLY_END", "PRINT_ONLY_START", "for_screen", "toc_html"]

#: Markers around a block for the PDF only (:func:`lkjip.audit.report.print_only` writes them).
PRINT_ONLY_START, PRINT_ONLY_END = "<!--lkjip:cetak-saja-->", "<!--/lkjip:cetak-saja-->"
PRINT_ONLY = re.compile(re.escape(PRINT_ONLY_START) + ".*?" + re.escape(PRINT_ONLY_END), re.S)

#: Markers around a block for the screen only (:data:`lkjip.render.export._SCREEN_ONLY` drops it in print).
SCREEN_ONLY_START, SCREEN_ONLY_END = "<!--lkjip:layar-saja-->", "<!--/lkjip:layar-saja-->"

_LIST_TITLES = (("tabel", "Daftar Tabel"), ("gambar", "Daftar Gambar"))
_FIRST_H1_END = re.compile(r"</h1>", re.I)
_MAIN = re.compile(r"<main\b[^>]*>", re.I)


def toc_html(headings: list[tuple[int, str, str]], captions: list[tuple[str, str, str]]) -> str:
    """The screen table of contents: ``headings`` (level, id, text), ``captions`` (kind, id, text)."""
    lists = [(title, [(hid, text) for k, hid, text in captions if k == kind]) for kind, title in _LIST_TITLES]
    nav = render("layar_daftar_isi.html.j2", entries=headings,
                 lists=[(title, items) for title, items in lists if items]).strip("\n")
    # screen only: a PDF made from this page (lkjip.render.export.build_print_html) has its own, with pages
    return f"{SCREEN_ONLY_START}{nav}{SCREEN_ONLY_END}"


def for_screen(html: str, outline: Callable[[str], tuple[list, list]], placeholder: str) -> str:
    """``html`` (a whole page from nbconvert) with its table of contents and without print-only blocks.

    ``outline(body)`` gives the headings (level, id, text) and the numbered captions (kind, id, text)
    of the page's body; ``placeholder`` is where the notebook wants its Daftar Isi."""
    html = PRINT_ONLY.sub("", html)
    body_at = _MAIN.search(html)
    start = body_at.end() if body_at else 0
    body = html[start:]
    headings, captions = outline(body)
    headings = [h for h in headings if h[0] in (1, 2)]
    if not headings and not captions:
        return html
    if placeholder in body:
        # the placeholder stays after it: a PDF made from this page puts its Daftar Isi there
        return html[:start] + body.replace(placeholder, toc_html(headings, captions) + placeholder, 1)
    first = _FIRST_H1_END.search(body)
    if first is not None and headings and headings[0][0] == 1:
        # the document's title opens the page: the contents follow it and do not list it
        at = first.end()
        return html[:start] + body[:at] + "\n" + toc_html(headings[1:], captions) + body[at:]
    return html[:start] + "\n" + toc_html(headings, captions) + body
