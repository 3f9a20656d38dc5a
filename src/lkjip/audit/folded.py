"""The audit's full list on screen with the differences first and the equal figures folded.

The screen HTML of the audit lists every checked figure, place by place (:func:`lkjip.audit.report.
daftar_per_tempat`): most are equal ("Sesuai"). :func:`differences_first` shows a place's differences
as a table and folds its equal figures into a ``<details>`` block (closed), so an auditor scrolling the
list sees the differences without opening anything and can still open every equal figure.
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from lkjip.audit.labels import STATUS_LABELS
from lkjip.audit.result import SESUAI
from lkjip.contract.fmt import fmt_int
from lkjip.contract.html_table import escape as cell_escape
from lkjip.contract.pages import render

__all__ = ["PLACES_KEPT", "differences_first", "folded_places"]


def differences_first(frame: pd.DataFrame, table) -> str:
    """``frame`` (one place of :func:`lkjip.audit.report.daftar_per_tempat`, column ``Status``) as HTML:
    the rows that are not equal as a table (``table``: a frame -> HTML, e.g. ``report.table_block``),
    then the equal rows folded in a closed ``<details>`` with their count."""
    equal = frame["Status"] == STATUS_LABELS[SESUAI]
    parts = []
    if (~equal).any():
        parts.append(table(frame[~equal].reset_index(drop=True)))
    if equal.any():
        what = (f"{fmt_int(int(equal.sum()))} angka sesuai" if (~equal).any()
                else f"Semua {fmt_int(int(equal.sum()))} angka sesuai")
        parts.append(render("lipat.html.j2", summary=f"{what} (klik untuk membuka)",
                            inner=Markup(table(frame[equal].reset_index(drop=True)))))
    return "\n".join(parts)


#: In print, a place cell lists this many places of a figure printed in many places, then "dan N tempat
#: lain"; the screen HTML shows the full list in the same cell.
PLACES_KEPT = 3
#: Markers of the blocks for one medium (:mod:`lkjip.render.screen` drops the print-only ones from the
#: screen HTML, :func:`lkjip.render.export.build_print_html` the screen-only ones from the PDF).
_PRINT = ("<!--lkjip:cetak-saja-->", "<!--/lkjip:cetak-saja-->")
_SCREEN = ("<!--lkjip:layar-saja-->", "<!--/lkjip:layar-saja-->")


def folded_places(column: str, text: str, kept: int = PLACES_KEPT) -> Markup | None:
    """The cell of a place column (a heading starting with "Tempat") that lists more than ``kept + 1``
    places (separated by "; "), folded in print: its first ``kept`` places and "dan N tempat lain"; on
    screen the cell keeps every place. ``None`` for any other cell (a ``text_cell`` of
    :func:`lkjip.contract.html_table.table_html`).

    >>> folded_places("Tempat", "<b>1</b>; 2; 3; 4; 5", kept=2)
    Markup('&lt;b&gt;1&lt;/b&gt;; 2<!--lkjip:cetak-saja--> dan 3 tempat lain<!--/lkjip:cetak-saja--><!--lkjip:layar-saja-->; 3; 4; 5<!--/lkjip:layar-saja-->')
    >>> folded_places("Tempat", "1; 2; 3", kept=2) is None, folded_places("Penjelasan", "1; 2; 3; 4; 5") is None
    (True, True)
    """
    places = text.split("; ")
    if not column.startswith("Tempat") or len(places) <= kept + 1:
        return None
    return Markup(cell_escape("; ".join(places[:kept]))
                  + f"{_PRINT[0]} dan {fmt_int(len(places) - kept)} tempat lain{_PRINT[1]}"
                  + f"{_SCREEN[0]}; {cell_escape('; '.join(places[kept:]))}{_SCREEN[1]}")
