"""The one chart style (grey-printable, Indonesian numbers through :mod:`lkjip.contract.fmt`) and the helpers every chart shares.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Iterator, Sequence

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from lkjip.contract.fmt import fmt_number, fmt_pct
from lkjip.contract.pages import FIGURE_WIDTH_IN
from lkjip.contract.rules import IPASN_KATEGORI

#: Width of a figure that fills the A4 portrait text block (16,5 cm) with a little room: 16 cm
#: (:data:`lkjip.contract.pages.FIGURE_WIDTH_IN`).
A4_WIDTH_IN = FIGURE_WIDTH_IN


#: Grey levels from dark to light; with :data:`HATCHES` they tell series apart.
GREYS = ("#303030", "#7a7a7a", "#b0b0b0", "#d9d9d9", "#f0f0f0")


HATCHES = ("", "///", "...", "xxx", "\\\\\\")


MARKERS = ("o", "s", "^", "D", "v")


LINESTYLES = ("-", "--", ":", "-.")


INK = "#1a1a1a"


BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


#: IP ASN categories in the order the chart shows them (the bands of lkjip.contract.rules).
IPASN_LABELS = tuple(b.label for b in IPASN_KATEGORI.bands)


#: The rcParams of the LKjIP style.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 8.5,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.axisbelow": True,
    "axes.prop_cycle": matplotlib.cycler(color=list(GREYS[:4])),
    "grid.color": "#c8c8c8",
    "grid.linewidth": 0.4,
    "grid.linestyle": "-",
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.fontsize": 7.5,
    "legend.frameon": False,
    "hatch.linewidth": 0.6,
    "hatch.color": INK,
    "text.color": INK,
    "figure.dpi": 150,
    "figure.facecolor": "white",
    "savefig.dpi": 200,
    "savefig.facecolor": "white",
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.05,
    # Deterministic SVG: fixed ids, no creation date.
    "svg.hashsalt": "lkjip",
    # Text stays text: WeasyPrint draws it with the same DejaVu font several
    # times faster than thousands of glyph paths, and it can be searched and copied.
    "svg.fonttype": "none",
    "axes.unicode_minus": False,
}


#: The figures made by :func:`_figure` inside the innermost :func:`lkjip_style` block.
_MADE: list[list[Figure]] = []

#: A value label's background: white, no edge, a little wider than its text, so that no gridline,
#: target line or series crosses the figures it shows (the box hides what is drawn below it).
LABEL_BOX = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none"}
#: Value labels are drawn above gridlines (0.5), lines (2) and bars (1).
LABEL_ZORDER = 4


#: No text of a chart is printed under this size (pt): the charts are printed at their own size.
MIN_FONT_PT = 8.0


def clear_labels(fig: Figure) -> None:
    """Give every value label of ``fig`` (the texts and annotations of its axes: ``ax.text``,
    ``ax.annotate``, ``ax.bar_label``) :data:`LABEL_BOX` and :data:`LABEL_ZORDER`; titles, axis
    labels and ticks are not value labels and keep no box. No text of ``fig`` stays under
    :data:`MIN_FONT_PT`."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if text.get_fontsize() < MIN_FONT_PT:
            text.set_fontsize(MIN_FONT_PT)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_ticklabels() and min(t.get_fontsize() for t in axis.get_ticklabels()) < MIN_FONT_PT:
                ax.tick_params(axis=axis.axis_name, labelsize=MIN_FONT_PT)
        for text in ax.texts:
            if text.get_bbox_patch() is None and text.get_text().strip():
                text.set_bbox(dict(LABEL_BOX))
            text.set_zorder(max(text.get_zorder(), LABEL_ZORDER))


@contextlib.contextmanager
def lkjip_style() -> Iterator[None]:
    """Context manager applying :data:`STYLE` (used by every chart function); the figures made in
    it get their value labels cleared of lines when it ends (:func:`clear_labels`)."""
    _MADE.append([])
    try:
        with matplotlib.rc_context(STYLE):
            yield
    finally:
        for fig in _MADE.pop():
            clear_labels(fig)


def use_style() -> None:
    """Apply :data:`STYLE` globally (draw-time settings such as SVG ids too)."""
    matplotlib.rcParams.update(STYLE)


def setup_notebook(fmt: str = "svg") -> None:
    """Set up a Jupyter kernel for report figures.

    Applies the style, selects the inline output format (``"svg"``,
    recommended for the PDF, or ``"png"`` rendered at 200 dpi with its display
    size set so it is not blown up) and removes the SVG date so the same data
    give the same bytes. Does nothing beyond the style outside IPython.
    """
    use_style()
    try:  # pragma: no cover - needs a running kernel
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover
        shell = None
    if shell is None:
        return
    import matplotlib.pyplot  # noqa: F401  (registers the inline display hooks)
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    kwargs = {"bbox_inches": "tight", "metadata": {"Date": None}}
    if fmt == "svg":
        set_matplotlib_formats("svg", **kwargs)
    elif fmt == "png":
        # "retina" renders at 2x figure.dpi and sets the display width, so the
        # image keeps its physical size in HTML and PDF.
        kwargs["metadata"] = {"Software": None}
        set_matplotlib_formats("retina", **kwargs)
    else:
        raise ValueError(f"format gambar tidak dikenal: {fmt!r} (pakai 'svg' atau 'png')")


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def tick_formatter(decimals: int | None = None) -> FuncFormatter:
    """Axis numbers as :mod:`lkjip.contract.fmt` writes them: ``1234.5 -> "1.234,5"``
    (``decimals=None``: up to two decimals, no trailing zeros)."""
    return FuncFormatter(lambda x, _pos=None: _num(x, decimals))


def pct_tick_formatter(decimals: int | None = None) -> FuncFormatter:
    """Axis percentages: ``50 -> "50%"``."""
    return FuncFormatter(lambda x, _pos=None: _pct(x, decimals))


def _num(x: object, decimals: int | None = None) -> str:
    """A label number: ``decimals`` places, or up to two without trailing zeros (``None``)."""
    return fmt_number(x, 2 if decimals is None else decimals, trim=decimals is None)


def _pct(x: object, decimals: int | None = None) -> str:
    return fmt_pct(x, 2 if decimals is None else decimals, trim=decimals is None)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def _figure(height_in: float, width_in: float = A4_WIDTH_IN) -> Figure:
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    if _MADE:
        _MADE[-1].append(fig)
    return fig


def _wrap(label: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(label), width=width)) or str(label)


def _name_column(df: pd.DataFrame, candidates: Sequence[str]) -> str:
    for name in candidates:
        if name in df.columns:
            return name
    raise KeyError(f"kolom tidak ditemukan: salah satu dari {list(candidates)}")


def _finish(ax, title: str | None, sumber: str | None) -> None:
    if title:
        ax.set_title(title, loc="left")
    if sumber:
        ax.figure.supxlabel(f"Sumber: {sumber}", x=0.0, ha="left", fontsize=6.5, color="#555555")


def _label_bars(ax, container, labels: Sequence[str], *, horizontal: bool, pad: float = 2) -> None:
    ax.bar_label(container, labels=list(labels), padding=pad, fontsize=7, color=INK)
