"""Charts for the LKjIP, in one style that prints well in grey.

Every function takes plain pandas objects or numbers, returns a
:class:`matplotlib.figure.Figure` and never calls ``plt.show()``. Figures are
built with :class:`~matplotlib.figure.Figure` directly, not through pyplot, so
they are not registered with pyplot: a notebook shows a figure exactly once
(when the cell returns it or calls ``display(fig)``), and nothing needs closing.

Series are told apart by hatch, marker, line style and grey level, never by
colour alone. Axis numbers use the Indonesian form (``1.234,5``).

In a notebook, call :func:`setup_notebook` once (it selects SVG output, which
WeasyPrint draws as vectors: sharp at any zoom, and deterministic bytes)::

    from lkjip import charts
    charts.setup_notebook()          # SVG, Indonesian style
    charts.ikm_per_unsur(nrr)        # last expression: shown once

Modules: :mod:`~lkjip.charts.style` (the style, formatters, shared helpers) and
:mod:`~lkjip.charts.figures` (one function per chart).
"""

from lkjip.charts.figures import (
    anggaran_per_program,
    ikm_per_unsur,
    ipasn_kategori,
    paten_per_bulan,
    paten_per_layanan,
    sakip_komponen,
    target_vs_realisasi,
    tren_multi_tahun,
    waterfall,
)
from lkjip.charts.style import (
    A4_WIDTH_IN,
    BULAN,
    GREYS,
    HATCHES,
    IPASN_LABELS,
    STYLE,
    lkjip_style,
    pct_tick_formatter,
    setup_notebook,
    tick_formatter,
    use_style,
)

__all__ = [
    "A4_WIDTH_IN",
    "BULAN",
    "GREYS",
    "HATCHES",
    "IPASN_LABELS",
    "STYLE",
    "anggaran_per_program",
    "pct_tick_formatter",
    "tick_formatter",
    "ikm_per_unsur",
    "ipasn_kategori",
    "lkjip_style",
    "paten_per_bulan",
    "paten_per_layanan",
    "sakip_komponen",
    "setup_notebook",
    "target_vs_realisasi",
    "tren_multi_tahun",
    "use_style",
    "waterfall",
]
