"""Data are never markup: the one place that makes a data-derived string safe.

Text that comes from the analysts' files (unit.yaml, innovation names, service
names, staff posts ...) is inserted into Markdown (the narrative), HTML (the
package's own pages) and CSV (outputs opened in spreadsheets). Each context
has its own escaping, and each lives here:

- :func:`md_text`: a string shown as itself inside Markdown that nbconvert
  renders to HTML. HTML special characters become entities and every ASCII
  punctuation mark that CommonMark gives a meaning is backslash-escaped, so a
  name such as ``<img src=x onerror=alert(1)>`` or ``[x](javascript:...)``
  prints literally and never becomes a tag or a link.
- :func:`csv_cell`: a text cell that a spreadsheet will not evaluate as a
  formula (OWASP "CSV injection": a leading ``=``, ``+``, ``-``, ``@``, tab or
  carriage return gets a leading apostrophe, as spreadsheet tools expect).

>>> md_text("Kartu *Tanda* Penduduk <b>")
'Kartu \\\\*Tanda\\\\* Penduduk &lt;b&gt;'
>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell("Pindah Datang")
'Pindah Datang'
"""

from __future__ import annotations

import re

from markupsafe import escape

__all__ = ["FORMULA_START", "csv_cell", "csv_text_columns", "md_text"]

#: CommonMark's backslash-escapable punctuation, minus the characters that
#: become HTML entities first (``&``, ``<``, ``>``, ``"``, ``'``).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^$=:/])")

#: Leading characters that make a spreadsheet evaluate a cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_text(value: object) -> str:
    """``value`` as literal text inside Markdown (and therefore HTML).

    Line breaks become spaces: a data value never starts a Markdown block
    (a heading, a list, a table row) of its own.
    """
    text = " ".join(str(value).split())
    text = str(escape(text))  # & < > " ' -> entities
    return _MD_SPECIAL.sub(r"\\\1", text)


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


def csv_text_columns(frame, columns):
    """A copy of ``frame`` whose ``columns`` (text) pass through :func:`csv_cell`.

    >>> import pandas as pd
    >>> csv_text_columns(pd.DataFrame({"item": ["=1+1", "ok"], "selisih": ["-40", "3"]}), ["item"]).values.tolist()
    [["'=1+1", '-40'], ['ok', '3']]
    """
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(csv_cell)
    return out
