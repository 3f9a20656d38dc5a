"""A data frame as a plain, deterministic HTML table, and the print classes that fit it to A4.

Every cell is escaped (data are never markup); numbers go through :mod:`lkjip.contract.fmt`.
Documents, the audit report and the notebooks' display API (:mod:`lkjip.render.notebook`) all
build their tables here, so one table looks the same wherever it is printed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

import pandas as pd
from markupsafe import Markup

from lkjip.contract.fmt import auto_formats, display_frame, is_missing
from lkjip.contract.pages import TEXT_WIDTH_PT, render


def table_html(frame: pd.DataFrame, *, index: bool = False, formats: dict | None = None, wide: bool = False,
               small: bool = False, column_widths: Sequence[float] | None = None,
               text_cell: Callable[[str, str], Markup | None] | None = None) -> str:
    """A plain, deterministic HTML table; numeric columns carry ``class="num"`` (right-aligned).

    A cell of a text column is classed by what it shows (:func:`cell_class`): an amount or a percentage
    is right-aligned like a number, one short word is never broken in print.

    ``wide`` prints the table at least in the smaller font of ``lkjip-wide``
    (for a table whose text columns hold long words); ``small`` in the smaller font still
    of ``lkjip-wide-xl`` unless a wide font is already chosen. ``column_widths`` (% per column) fix the
    column widths in print (a ``<colgroup>`` and class ``lkjip-fixed``). ``text_cell`` gives the markup of
    a text cell from its column's heading and its shown text (escaping what it takes from the text), or
    ``None`` for the escaped text: the audit's folded and linked place cells.

    >>> html = table_html(pd.DataFrame({"Tempat": ["a; b", "c"]}),
    ...                   text_cell=lambda column, text: Markup("<i>2</i>") if ";" in text else None)
    >>> html.split("<tbody>")[1].strip()
    '<tr><td><i>2</i></td></tr><tr><td class="lkjip-utuh">c</td></tr></tbody></table>'
    """
    numeric = set(auto_formats(frame)) | {c for c in (formats or {})}
    shown = display_frame(frame, formats)
    if index:
        shown = shown.reset_index()
        numeric -= set(frame.index.names)
    numeric = {label(c) for c in numeric}
    shown.columns = [label(c) for c in shown.columns]
    num = ' class="num"'
    head = "".join(f"<th{num if c in numeric else ''}>{escape(c)}</th>" for c in shown.columns)
    body = []
    widths = {c: 0 for c in shown.columns if c in numeric}
    for row in shown.itertuples(index=False):
        cells = []
        for c, v in zip(shown.columns, row):
            text = "" if is_missing(v) else escape(v)
            if c in widths:
                widths[c] = max(widths[c], len(text.strip()))
                cells.append(f"<td{num}>{text}</td>")
                continue
            if text_cell is not None and text:
                text = text_cell(c, str(v)) or text
            kind = cell_class(text)
            cells.append(f'<td class="{kind}">{text}</td>' if kind else f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    chosen = print_classes(len(shown.columns), widths.values() if body else ())
    if wide and not {"lkjip-wide", "lkjip-wide-xl"} & set(chosen):
        chosen.insert(0, "lkjip-wide")
    words = {c: max([len(w) for v in shown[c] if not is_missing(v) for w in str(v).split()] + [0])
             for c in shown.columns if c not in widths}
    cells = [(words[c], False) if c in words else (widths[c], True) for c in shown.columns]
    heads = [max((len(w) for w in str(c).split()), default=0) for c in shown.columns]
    if max(words.values(), default=0) > LONG_WORD or _min_width_pt(chosen, cells, heads) > TEXT_WIDTH_PT:
        # e.g. a SHA-256, or too many columns: text may break inside words rather than overflow
        chosen.append("lkjip-anywhere")
    if small and not {"lkjip-wide", "lkjip-wide-xl"} & set(chosen):
        chosen.insert(0, "lkjip-wide-xl")
    if column_widths is not None:
        chosen.insert(0, "lkjip-fixed")
    return render("tabel.html.j2", classes=[*chosen, "lkjip-table"], head=Markup(head), body=Markup("".join(body)),
                  widths=None if column_widths is None else [f"{w:g}" for w in column_widths])


#: The whole text of a cell that is an amount, a count or a percentage: ``Rp 1.234``, ``-2,5``, ``(3)``, ``95,5 %``.
_AMOUNT = re.compile(r"\s*[-+\u2212]?\s*(?:Rp\.?\s*)?\(?[0-9][0-9.,\u00a0 ]*\)?\s*%?\s*")
#: One short word (a Roman numeral, a code): nothing to break it at, so it is never broken.
_SHORT_WORD = re.compile(r"[^<>\s]{1,8}")


def cell_class(shown: str) -> str | None:
    """The class of a text cell from its shown (escaped) HTML: ``num`` for an amount, a count or a
    percentage (right-aligned, unbroken), ``lkjip-utuh`` for one short word (never broken in print,
    lkjip-print.css), else ``None``. Markup (a link, a folded list) is left as it is.

    >>> [cell_class(t) for t in ["Rp 2.567.147", "(94,38) %", "IV", "a.1", "Kecamatan Gedeg", "<i>2</i>", ""]]
    ['num', 'num', 'lkjip-utuh', 'lkjip-utuh', None, None, None]
    """
    if _AMOUNT.fullmatch(shown):
        return "num"
    if _SHORT_WORD.fullmatch(shown):
        return "lkjip-utuh"
    return None


#: The font (pt) of wide tables in print (lkjip-print.css: ``lkjip-wide``, ``lkjip-wide-xl``): never
#: under 8 pt; a wide table narrows its padding and breaks words instead.
WIDE_FONT_PT = 8.0

#: A text cell with a word longer than this may break inside words in print (class ``lkjip-anywhere``).
LONG_WORD = 30

#: The width of a digit as a fraction of the font size (DejaVu Sans); the text block is
#: :data:`lkjip.contract.pages.TEXT_WIDTH_PT`.
_DIGIT_EM = 0.64
#: The width of an average letter (DejaVu Sans, mixed case) as a fraction of the font size.
_CHAR_EM = 0.62


def _min_width_pt(classes: list[str], cells: list[tuple[int, bool]], heads: list[int]) -> float:
    """Estimated narrowest width (pt) of a table whose text breaks only between words.

    ``cells``: per column, the longest word (text) or number (numeric, ``True``); ``heads``: the
    longest word of each header. A number counts unless the table may wrap numbers
    (``lkjip-squeeze``); each column adds its cell padding.
    """
    font = WIDE_FONT_PT if {"lkjip-wide-xl", "lkjip-wide"} & set(classes) else 8.5
    squeeze = "lkjip-squeeze" in classes
    total = 0.0
    for (n, is_number), h in zip(cells, heads):
        body = 0.0 if (is_number and squeeze) else n * (_DIGIT_EM if is_number else _CHAR_EM)
        total += max(body, h * _CHAR_EM * 1.1) * font + 6
    return total


def print_classes(columns: int, number_widths) -> list[str]:
    """Classes for the print CSS (lkjip-print.css): wide tables get a smaller font
    (``lkjip-wide``, ``lkjip-wide-xl``), and a table whose numbers cannot fit
    unbroken even then may wrap them (``lkjip-squeeze``).

    >>> print_classes(5, [8, 8]), print_classes(12, [15] * 10), print_classes(17, [3])
    ([], ['lkjip-wide', 'lkjip-squeeze'], ['lkjip-wide-xl'])
    """
    classes, font_pt = [], 8.5
    if columns >= 16:
        classes, font_pt = ["lkjip-wide-xl"], WIDE_FONT_PT
    elif columns >= 10:
        classes, font_pt = ["lkjip-wide"], WIDE_FONT_PT
    needed = sum(n * _DIGIT_EM * font_pt + 6 for n in number_widths)
    if needed > 0.8 * TEXT_WIDTH_PT:
        classes.append("lkjip-squeeze")
    return classes


def label(name: object) -> str:
    """A column name as readers see it: ``nama_bulan`` -> ``Nama bulan``; others unchanged.

    >>> label("jenis_kelamin"), label("Capaian (%)")
    ('Jenis kelamin', 'Capaian (%)')
    """
    text = str(name)
    if text.islower() and " " not in text:
        text = text.replace("_", " ")
        return text[:1].upper() + text[1:]
    return text


def escape(text: object) -> str:
    """HTML-escaped text of any value (quotes too)."""
    return html.escape(str(text))
