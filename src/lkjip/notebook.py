"""Helpers the notebooks call so that they stay thin and read as documents.

A notebook cell should read like ``nb.table(tabel_3_1_1(...), "Tabel 3.1.1 ...")``:
no pandas options, no warning filters, no path juggling in the document.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .layout import default_data_dir, default_processed_dir, default_reports_dir, reports_year_dir


@dataclass(frozen=True)
class Context:
    """The parameters of a notebook run, with defaults resolved to real paths."""

    unit: str
    year: int
    data_dir: Path
    processed_dir: Path
    report_dir: Path
    #: the version for signature (``lkjip run --final``); False = draft
    final: bool = False
    #: signing date and place given as run parameters (None: from the data, see :mod:`lkjip.signing`)
    tanggal_tanda_tangan: str | None = None
    tempat: str | None = None

    def tanda_tangan(self):
        """Where, when and by whom the report is signed (:func:`lkjip.signing.resolve_signing`)."""
        from .signing import resolve_signing

        return resolve_signing(self.data_dir, self.unit, self.year, final=self.final,
                               tanggal=self.tanggal_tanda_tangan, tempat=self.tempat)


def setup(unit: str, year: int, data_dir=None, processed_dir=None, report_dir=None, *, final: bool = False,
          tanggal_tanda_tangan: str | None = None, tempat: str | None = None) -> Context:
    """Resolve parameters and set the display conventions of every notebook.

    Python warnings are not silenced wholesale: a warning in a report is a
    defect to fix (the pipeline test fails on any stderr output). Only
    ``LKJIP_QUIET_WARNINGS=1`` silences them, as an escape hatch for a third-
    party deprecation that appears after an upgrade.
    """
    import os

    if os.environ.get("LKJIP_QUIET_WARNINGS") == "1":
        warnings.filterwarnings("ignore")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)
    from . import charts

    # SVG: vector charts in the PDF, and byte-stable output (see lkjip.charts).
    charts.setup_notebook("svg")
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    processed_dir = Path(processed_dir) if processed_dir else default_processed_dir()
    report_dir = Path(report_dir) if report_dir else reports_year_dir(default_reports_dir(), unit, int(year))
    report_dir.mkdir(parents=True, exist_ok=True)
    return Context(unit, int(year), data_dir, processed_dir, report_dir, bool(final),
                   tanggal_tanda_tangan or None, tempat or None)


def table(frame: pd.DataFrame, caption: str | None = None, *, source: str | None = None,
          index: bool | None = None, formats: dict | None = None):
    """Display a table as a document shows it: caption, Indonesian numbers, source line.

    Numbers are formatted by :func:`lkjip.fmt.display_frame` (the only place
    that rounds for readers); ``formats`` overrides a column's format. A
    meaningful index (named, e.g. ``indikator``) is shown unless ``index=False``.
    """
    from IPython.display import HTML, display


    if index is None:
        index = frame.index.name is not None or any(n is not None for n in frame.index.names[1:])
    html = table_html(frame, index=index, formats=formats)
    parts = []
    if caption:
        parts.append(f'<p class="lkjip-caption"><strong>{_escape(caption)}</strong></p>')
    parts.append(html)
    if source:
        parts.append(f'<p class="lkjip-source"><em>Sumber: {_escape(source)}</em></p>')
    display(HTML("\n".join(parts)))


def table_html(frame: pd.DataFrame, *, index: bool = False, formats: dict | None = None) -> str:
    """A plain, deterministic HTML table; numeric columns carry ``class="num"`` (right-aligned)."""
    from .fmt import auto_formats, display_frame

    numeric = set(auto_formats(frame)) | {c for c in (formats or {})}
    shown = display_frame(frame, formats)
    if index:
        shown = shown.reset_index()
        numeric -= set(frame.index.names)
    numeric = {label(c) for c in numeric}
    shown.columns = [label(c) for c in shown.columns]
    num = ' class="num"'
    head = "".join(f"<th{num if c in numeric else ''}>{_escape(c)}</th>" for c in shown.columns)
    body = []
    widths = {c: 0 for c in shown.columns if c in numeric}
    for row in shown.itertuples(index=False):
        cells = []
        for c, v in zip(shown.columns, row):
            text = "" if _blank(v) else _escape(v)
            if c in widths:
                widths[c] = max(widths[c], len(text.strip()))
            cells.append(f"<td{num if c in numeric else ''}>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    classes = " ".join([*print_classes(len(shown.columns), widths.values() if body else ()), "lkjip-table"])
    return (f'<table class="{classes}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


#: Text block width in points (A4 210 mm - 45 mm margins) and the width of a
#: digit as a fraction of the font size (DejaVu Sans).
_TEXT_WIDTH_PT = (210 - 45) / 25.4 * 72
_DIGIT_EM = 0.64


def print_classes(columns: int, number_widths) -> list[str]:
    """Classes for the print CSS (lkjip-print.css): wide tables get a smaller font
    (``lkjip-wide``, ``lkjip-wide-xl``), and a table whose numbers cannot fit
    unbroken even then may wrap them (``lkjip-squeeze``).

    >>> print_classes(5, [8, 8]), print_classes(12, [15] * 10), print_classes(17, [3])
    ([], ['lkjip-wide', 'lkjip-squeeze'], ['lkjip-wide-xl'])
    """
    classes, font_pt = [], 8.5
    if columns >= 16:
        classes, font_pt = ["lkjip-wide-xl"], 6.5
    elif columns >= 10:
        classes, font_pt = ["lkjip-wide"], 7.5
    needed = sum(n * _DIGIT_EM * font_pt + 6 for n in number_widths)
    if needed > 0.8 * _TEXT_WIDTH_PT:
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


def _blank(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def md(text: str) -> None:
    """Display Markdown composed from the figures (drafted narrative).

    Data strings inside it are escaped where they are inserted
    (:func:`lkjip.markup.md_text`), and the renderer escapes any raw HTML left
    (:mod:`lkjip.export`). An HTML block the package rendered itself from an
    autoescaping template (:class:`markupsafe.Markup`, e.g. the title and the
    signature) is shown as HTML.
    """
    from IPython.display import HTML, Markdown, display
    from markupsafe import Markup

    display(HTML(str(text)) if isinstance(text, Markup) else Markdown(text))


def figure(fig, caption: str | None = None) -> None:
    """Display a matplotlib figure, then close it so it is not shown twice."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(fig)
    plt.close(fig)
    if caption:
        md(f"*{caption}*")


def _escape(text: str) -> str:
    import html

    return html.escape(str(text))
