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

__all__ = ["PLACES_KEPT", "differences_first", "fold_places"]


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


def fold_places(table: str, frame: pd.DataFrame, kept: int = PLACES_KEPT) -> str:
    """``table`` (the HTML of ``frame`` from :func:`lkjip.contract.html_table.table_html`) with each
    cell of a place column (a header starting with "Tempat") that lists more than ``kept + 1`` places
    (separated by "; ") folded in print: its first ``kept`` places and "dan N tempat lain"; on screen
    the cell keeps every place."""
    for column in (c for c in frame.columns if str(c).startswith("Tempat")):
        for text in dict.fromkeys(str(v) for v in frame[column]):
            places = text.split("; ")
            if len(places) <= kept + 1:
                continue
            folded = (cell_escape("; ".join(places[:kept]))
                      + f"{_PRINT[0]} dan {fmt_int(len(places) - kept)} tempat lain{_PRINT[1]}"
                      + f"{_SCREEN[0]}; {cell_escape('; '.join(places[kept:]))}{_SCREEN[1]}")
            table = table.replace(f"<td>{cell_escape(text)}</td>", f"<td>{folded}</td>")
    return table
