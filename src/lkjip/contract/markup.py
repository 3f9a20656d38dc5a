"""Data are never markup: the one place that makes a data-derived string safe.

Text that comes from the analysts' files (unit.yaml, innovation names, service
names, staff posts ...) is inserted into Markdown (the narrative), HTML (the
package's own pages) and CSV (outputs opened in spreadsheets). Each context
has its own escaping, and each lives here:

- :func:`md_text`: a string shown as itself inside Markdown that nbconvert
  renders to HTML. ``&``, ``<`` and ``>`` and the characters that have a
  meaning anywhere in a line (emphasis, code, links, tables, strikethrough,
  math) are backslash-escaped (CommonMark's escape: not entities, which the
  export renderer, escaping raw HTML, would print as ``&amp;``), ``://`` is broken so that a bare
  URL never becomes a link, and a first character that would start a block
  (heading, list, quote, definition) is escaped too. So a name such as
  ``<img src=x onerror=alert(1)>`` or ``[x](javascript:...)`` prints
  literally and never becomes a tag or a link, while ordinary text (``Jl. Raya
  No. 63``, ``188/22/416-314/2023``) keeps its form in the Markdown source.
- :func:`csv_cell`: a text cell that a spreadsheet will not evaluate as a
  formula (OWASP "CSV injection": a leading ``=``, ``+``, ``-``, ``@``, tab or
  carriage return gets a leading apostrophe, as spreadsheet tools expect).

>>> md_text("Kartu *Tanda* Penduduk <b>")
'Kartu \\\\*Tanda\\\\* Penduduk \\\\<b\\\\>'
>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell("Pindah Datang")
'Pindah Datang'
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_START", "csv_cell", "md_text"]

#: How a draft's line for the analyst begins (what the final version leaves out: a section without its
#: data, an input the analyst could add); every document uses it, so a reader test can tell them apart.
ANALYST_NOTE = "Catatan untuk analis:"

#: Characters with a meaning anywhere in a line of nbconvert's Markdown (mistune with the
#: table, strikethrough, url and math plugins), ``<``, ``>`` and ``&`` (a tag, an entity) among them.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~$<>&])")

#: A first character (or number + ``.``/``)``) that would open a block: heading, list, quote, definition.
_MD_BLOCK_START = re.compile(r"^(?:([#+\-=:])|(\d+)([.)]))")


#: Leading characters that make a spreadsheet evaluate a cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_text(value: object) -> str:
    r"""``value`` as literal text inside Markdown (and therefore HTML).

    Line breaks become spaces: a data value never starts a Markdown block
    (a heading, a list, a table row) of its own.

    >>> md_text("[x](javascript:alert(1)) & http://contoh.id")
    '\\[x\\](javascript:alert(1)) \\& http\\://contoh.id'
    >>> md_text("# 1. Jl. Raya No. 63"), md_text("2023. tahun")
    ('\\# 1. Jl. Raya No. 63', '2023\\. tahun')
    """
    text = " ".join(str(value).split())
    text = _MD_INLINE.sub(r"\\\1", text).replace("://", "\\://")
    return _MD_BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet will not evaluate as a formula (anything else unchanged).

    Only text columns go through it: a negative number in a numeric column
    (``-40``) is a number, not a formula, and stays as it is.

    >>> csv_cell("-40 layanan"), csv_cell(-40), csv_cell("@SUM(A1)")
    ("'-40 layanan", -40, "'@SUM(A1)")
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
