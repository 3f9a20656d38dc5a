"""A post's holders month by month, from the unit's ``riwayat_jabatan`` (who held it, definitif or Plt).

Each month of the year is ``definitif`` (a definitive holder surely in post some day of it), ``plt``
(only an acting holder), ``tidak diketahui`` (someone may have held it, but the dates do not say) or
``kosong``. A holder's start is surely on or before the day given; a year alone spans the year; a
blank start of a *successor* (a later holder of the same post) is not known, so the months after
the predecessor may have left are ``tidak diketahui`` (never "since January"). A lone holder with a
blank start held the post before the history began.

>>> import pandas as pd
>>> from lkjip.inputs.riwayat_jabatan import parse_bound
>>> r = pd.DataFrame({"jabatan": ["Kasubag PPK"] * 2, "status": ["definitif"] * 2,
...                   "mulai": [None, parse_bound("2023-10-02")], "selesai": [parse_bound("2023-06-30"), None]})
>>> t = post_timeline(r, "Kasubag PPK", 2023)
>>> t.tanpa_definitif, t.tanpa_definitif_teks
(3, 'Jul–Sep')
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.inputs.riwayat_jabatan import Bound
from lkjip.sakip_change.vacancy import TIDAK_DIKETAHUI, month_ranges

DEFINITIF, PLT, KOSONG = "definitif", "plt", "kosong"


@dataclass(frozen=True)
class PostTimeline:
    """``bulan``: the status of each month 1-12 (see the module docstring)."""

    jabatan: str
    tahun: int
    bulan: tuple[str, ...]

    def _months(self, *states: str) -> list[int]:
        return [m for m, s in enumerate(self.bulan, start=1) if s in states]

    @property
    def tanpa_definitif(self) -> int:
        """Months surely without a definitive holder (vacant or acting only)."""
        return len(self._months(KOSONG, PLT))

    @property
    def tanpa_definitif_teks(self) -> str:
        return month_ranges(self._months(KOSONG, PLT))

    @property
    def tidak_diketahui(self) -> int:
        return len(self._months(TIDAK_DIKETAHUI))

    @property
    def tidak_diketahui_teks(self) -> str:
        return month_ranges(self._months(TIDAK_DIKETAHUI))


def _key(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def post_timeline(riwayat: pd.DataFrame, post: str, year: int) -> PostTimeline:
    """The months of ``year`` for ``post`` (spacing and case ignored)."""
    year = int(year)
    rows = riwayat[[_key(j) == _key(post) for j in riwayat["jabatan"]]]
    spans = []
    for _, r in rows.iterrows():
        end = r["selesai"] if isinstance(r["selesai"], Bound) else None  # blank cells may come as NaN
        start = r["mulai"] if isinstance(r["mulai"], Bound) else None
        spans.append({"status": r["status"], "mulai": start,
                      "end_lo": None if end is None else end.lo, "end_hi": None if end is None else end.hi})
    out = []
    for s_i in spans:
        m = s_i["mulai"]
        if m is not None:
            s_i["start_lo"], s_i["start_hi"] = m.lo, m.hi
            continue
        # a blank start: a successor's is unknown (after a predecessor may have left); a lone holder's is open
        before = [o["end_lo"] for o in spans if o is not s_i and o["end_lo"] is not None
                  and (s_i["end_lo"] is None or o["end_lo"] <= s_i["end_lo"])]
        s_i["start_lo"], s_i["start_hi"] = (max(before), None) if before else (None, pd.Timestamp.min)
    for month in range(1, 13):
        first = pd.Timestamp(year, month, 1)
        last = first + pd.offsets.MonthEnd(0)
        sure, maybe = set(), False
        for s_i in spans:
            start_sure = s_i["start_hi"] is not None and s_i["start_hi"] <= last
            end_sure = s_i["end_lo"] is None or s_i["end_lo"] >= first
            start_may = s_i["start_lo"] is None or s_i["start_lo"] <= last
            end_may = s_i["end_hi"] is None or s_i["end_hi"] >= first
            if start_sure and end_sure:
                sure.add(s_i["status"])
            elif start_may and end_may:
                maybe = True
        out.append(DEFINITIF if DEFINITIF in sure else PLT if PLT in sure
                   else TIDAK_DIKETAHUI if maybe else KOSONG)
    return PostTimeline(str(rows["jabatan"].iloc[0]) if len(rows) else post, year, tuple(out))
