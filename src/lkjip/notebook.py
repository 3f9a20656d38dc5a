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


def setup(unit: str, year: int, data_dir=None, processed_dir=None, report_dir=None) -> Context:
    """Resolve parameters and set the display conventions of every notebook.

    Warnings are turned into errors only for our own code paths in tests; in a
    report they are silenced here because a reader cannot act on them, and
    every data issue is reported explicitly by validation and audit instead.
    """
    warnings.filterwarnings("ignore")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)
    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("config", "InlineBackend.figure_formats = ['svg']")
            ip.run_line_magic("matplotlib", "inline")
    except Exception:  # pragma: no cover - outside IPython
        pass
    from . import charts

    if hasattr(charts, "use_style"):
        charts.use_style()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    processed_dir = Path(processed_dir) if processed_dir else default_processed_dir()
    report_dir = Path(report_dir) if report_dir else reports_year_dir(default_reports_dir(), unit, int(year))
    report_dir.mkdir(parents=True, exist_ok=True)
    return Context(unit, int(year), data_dir, processed_dir, report_dir)


def table(frame: pd.DataFrame, caption: str | None = None, *, source: str | None = None, index: bool = False):
    """Display a table as a document shows it: caption, no index, optional source line."""
    from IPython.display import HTML, display

    html = frame.to_html(index=index, escape=True, na_rep="", border=0, classes="lkjip-table")
    parts = []
    if caption:
        parts.append(f'<p class="lkjip-caption"><strong>{_escape(caption)}</strong></p>')
    parts.append(html)
    if source:
        parts.append(f'<p class="lkjip-source"><em>Sumber: {_escape(source)}</em></p>')
    display(HTML("\n".join(parts)))


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
