"""A table too wide for a portrait page: whole on screen, in column groups on paper.

A table of many number columns (PATEN: twelve months, the total, the total as printed and the
difference beside the service names) set across A4 portrait would need type under 8 pt. On paper
it is printed as several tables of the same rows, each with the columns that name a row (``No``,
``Layanan``) and one group of the others: the first carries the caption (its number and its
``id``, listed in the Daftar Tabel), each next one the same caption followed by ``(lanjutan)``; the
source line stands under each part and the note under the last. Every figure of the table is printed
once, in the same row, and no figure is added. The screen keeps the one table
(:func:`lkjip.render.screen.for_screen` drops the print-only blocks, :func:`lkjip.render.export.build_print_html`
the screen-only one).
"""

from __future__ import annotations

import pandas as pd

from lkjip.render.notebook import Table, table_block
from lkjip.render.screen import PRINT_ONLY_END, PRINT_ONLY_START, SCREEN_ONLY_END, SCREEN_ONLY_START

#: What follows the caption of every part after the first.
LANJUTAN = "(lanjutan)"


def column_parts(frame: pd.DataFrame, keep: list[str], groups: list[list[str]]) -> list[list[str]]:
    """The columns of each printed part: ``keep`` (those that name a row) then one group, in the
    frame's order. Every column of the frame is in ``keep`` or in exactly one group.

    >>> f = pd.DataFrame(columns=["No", "Layanan", "Jan", "Feb", "Jumlah"])
    >>> column_parts(f, ["No", "Layanan"], [["Jan"], ["Feb", "Jumlah"]])
    [['No', 'Layanan', 'Jan'], ['No', 'Layanan', 'Feb', 'Jumlah']]
    """
    named = list(keep) + [c for g in groups for c in g]
    if sorted(map(str, named)) != sorted(map(str, frame.columns)) or len(set(named)) != len(named):
        raise ValueError(f"kolom bagian cetak tidak sama dengan kolom tabel: {named} / {list(frame.columns)}")
    order = {c: i for i, c in enumerate(frame.columns)}
    return [list(keep) + sorted(g, key=order.__getitem__) for g in groups]


class SplitTable(Table):
    """A :class:`lkjip.render.notebook.Table` printed in column groups (:func:`column_parts`) and shown
    whole on screen; ``frame`` is the whole frame, unchanged."""

    def __init__(self, frame: pd.DataFrame | None, caption=None, *, keep: list[str], groups: list[list[str]],
                 **kwargs):
        super().__init__(frame, caption, **kwargs)
        self.keep, self.groups = keep, groups

    def _repr_html_(self) -> str:
        whole = super()._repr_html_()
        if self.frame is None or not len(self.frame) or len(self.groups) < 2:
            return whole
        parts = column_parts(self.frame, self.keep, self.groups)
        printed = []
        for i, columns in enumerate(parts):
            last = i == len(parts) - 1
            caption = self.caption if i == 0 else _continued(self.caption)
            printed.append(table_block(self.frame[columns], caption, source=self.source, index=self.index,
                                       formats=_only(self.formats, columns), note=self.note if last else None,
                                       wide=self.wide))
        return (f"{SCREEN_ONLY_START}{whole}{SCREEN_ONLY_END}\n"
                f"{PRINT_ONLY_START}{''.join(printed)}{PRINT_ONLY_END}")


def _continued(caption) -> str:
    """A plain caption (no id: not listed again in the Daftar Tabel) ``<caption> (lanjutan)``.

    >>> _continued("Tabel 3.1.7 Laporan PATEN Tahun 2023")
    'Tabel 3.1.7 Laporan PATEN Tahun 2023 (lanjutan)'
    """
    return f"{caption} {LANJUTAN}" if caption else LANJUTAN


def _only(formats: dict | None, columns: list[str]) -> dict | None:
    return None if formats is None else {c: f for c, f in formats.items() if c in columns}


__all__ = ["LANJUTAN", "SplitTable", "column_parts"]
