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


def table(frame: pd.DataFrame, caption=None, *, source: str | None = None,
          index: bool | None = None, formats: dict | None = None):
    """Display a table as a document shows it: caption, Indonesian numbers, source line.

    Numbers are formatted by :func:`lkjip.fmt.display_frame` (the only place
    that rounds for readers); ``formats`` overrides a column's format. A
    meaningful index (named, e.g. ``indikator``) is shown unless ``index=False``.
    ``caption`` is text or a numbered caption (:class:`lkjip.report.numbering.Caption`).
    """
    from IPython.display import HTML, display

    display(HTML(table_block(frame, caption, source=source, index=index, formats=formats)))


def table_block(frame: pd.DataFrame, caption=None, *, source: str | None = None,
                index: bool | None = None, formats: dict | None = None, note: str | None = None) -> str:
    """The HTML of a table with its caption above and its ``Sumber:`` line (and ``note``) below.

    The block is one ``div.lkjip-blok``, so the print CSS keeps the caption with the table.
    """
    if index is None:
        index = frame.index.name is not None or any(n is not None for n in frame.index.names[1:])
    parts = ['<div class="lkjip-blok lkjip-blok-tabel">']
    if caption:
        parts.append(caption_html(caption))
    parts.append(table_html(frame, index=index, formats=formats))
    if source:
        parts.append(f'<p class="lkjip-source"><em>Sumber: {_escape(source)}</em></p>')
    if note:
        parts.append(f'<p class="lkjip-note">{_escape(note)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def caption_html(caption) -> str:
    """``<p class="lkjip-caption">``; a numbered caption carries its ``id`` and kind for the
    PDF's Daftar Tabel / Daftar Gambar (``data-kind``, ``data-label``, ``data-title``)."""
    if hasattr(caption, "id") and hasattr(caption, "label"):
        kind = caption.kind.lower()
        return (f'<p class="lkjip-caption lkjip-caption-{_escape(kind)}" id="{_escape(caption.id)}" '
                f'data-kind="{_escape(kind)}" data-label="{_escape(caption.label)}" '
                f'data-title="{_escape(caption.title)}"><strong>{_escape(str(caption))}</strong></p>')
    return f'<p class="lkjip-caption"><strong>{_escape(caption)}</strong></p>'


class Table:
    """A table as the report shows it, for a cell to end with: JupyterLab and the exports show
    the caption, the formatted table and the source line; ``.data`` is the DataFrame."""

    def __init__(self, frame: pd.DataFrame, caption=None, *, source: str | None = None,
                 index: bool | None = None, formats: dict | None = None, note: str | None = None):
        self.data, self.caption, self.source = frame, caption, source
        self.index, self.formats, self.note = index, formats, note

    def _repr_html_(self) -> str:
        return table_block(self.data, self.caption, source=self.source, index=self.index,
                           formats=self.formats, note=self.note)

    def __repr__(self) -> str:
        return f"Table({str(self.caption)!r}, {len(self.data)} baris)"


class Figure:
    """A chart as the report shows it: caption above, the drawing (SVG), ``Sumber:`` below, in
    one block the print CSS never splits. ``.figure`` is the matplotlib figure."""

    def __init__(self, fig, caption=None, *, source: str | None = None):
        self.figure, self.caption, self.source = fig, caption, source

    def svg(self) -> bytes:
        import io

        buf = io.BytesIO()
        self.figure.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        return buf.getvalue()

    def _repr_html_(self) -> str:
        import base64

        alt = getattr(self.caption, "title", None) or (str(self.caption) if self.caption else "Gambar")
        parts = ['<div class="lkjip-blok lkjip-blok-gambar">']
        if self.caption:
            parts.append(caption_html(self.caption))
        data = base64.b64encode(self.svg()).decode("ascii")
        parts.append(f'<div class="lkjip-gambar"><img src="data:image/svg+xml;base64,{data}" '
                     f'alt="{_escape(alt)}"></div>')
        if self.source:
            parts.append(f'<p class="lkjip-source"><em>Sumber: {_escape(self.source)}</em></p>')
        parts.append("</div>")
        return "\n".join(parts)

    def __repr__(self) -> str:
        return f"Figure({str(self.caption)!r})"


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
    classes = print_classes(len(shown.columns), widths.values() if body else ())
    words = {c: max([len(w) for v in shown[c] if not _blank(v) for w in str(v).split()] + [0])
             for c in shown.columns if c not in widths}
    cells = [(words[c], False) if c in words else (widths[c], True) for c in shown.columns]
    heads = [max((len(w) for w in str(c).split()), default=0) for c in shown.columns]
    if max(words.values(), default=0) > LONG_WORD or _min_width_pt(classes, cells, heads) > _TEXT_WIDTH_PT:
        # e.g. a SHA-256, or too many columns: text may break inside words rather than overflow
        classes.append("lkjip-anywhere")
    classes = " ".join([*classes, "lkjip-table"])
    return (f'<table class="{classes}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


#: A text cell with a word longer than this may break inside words in print (class ``lkjip-anywhere``).
LONG_WORD = 30

#: Text block width in points (A4 210 mm - 45 mm margins) and the width of a
#: digit as a fraction of the font size (DejaVu Sans).
_TEXT_WIDTH_PT = (210 - 45) / 25.4 * 72
_DIGIT_EM = 0.64
#: The width of an average letter (DejaVu Sans, mixed case) as a fraction of the font size.
_CHAR_EM = 0.62


def _min_width_pt(classes: list[str], cells: list[tuple[int, bool]], heads: list[int]) -> float:
    """Estimated narrowest width (pt) of a table whose text breaks only between words.

    ``cells``: per column, the longest word (text) or number (numeric, ``True``); ``heads``: the
    longest word of each header. A number counts unless the table may wrap numbers
    (``lkjip-squeeze``); each column adds its cell padding.
    """
    font = 6.5 if "lkjip-wide-xl" in classes else 7.5 if "lkjip-wide" in classes else 8.5
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
    """Display Markdown composed from the figures (drafted narrative)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


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
