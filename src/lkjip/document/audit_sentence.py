"""Lampiran 5's audit paragraph: the audit's own counts and terms (printed, checked, equal, different).

The audit counts *printed figures* of the published LKjIP (one row of ``published.csv`` each), not
comparisons: a figure checked by several families is one figure. The counts come from
:func:`lkjip.audit.coverage.coverage`, the function behind the first table of the audit report, so the
Lampiran and the audit report say the same numbers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.audit.coverage import coverage
from lkjip.contract.fmt import fmt_int

#: The rows of the Lampiran's table: coverage column -> label (the audit report's own words).
ROWS = (("dicetak", "Angka yang tercetak di LKjIP"),
        ("diperiksa", "Diperiksa"),
        ("sesuai", "Sesuai"),
        ("selisih", "Selisih"),
        ("tidak_dapat_diperiksa", "Tidak dapat diperiksa"))


def audit_counts(path: Path) -> dict[str, int] | None:
    """The audit's coverage of printed figures from ``audit.csv``; ``None`` when it has no printed figure."""
    frame = pd.read_csv(path, dtype={"pemeriksaan": str, "status": str, "bab": str, "lokasi": str})
    frame = frame.reindex(columns=[*frame.columns, *[c for c in ("baris", "bab", "lokasi") if c not in frame]])
    frame["baris"] = pd.to_numeric(frame["baris"], errors="coerce")
    c = coverage(frame).iloc[0]
    counts = {k: int(c[k]) for k, _ in ROWS}
    return counts if counts["dicetak"] else None


def audit_table(counts: dict[str, int]) -> pd.DataFrame:
    """The Lampiran's table: one row per count, in the audit report's words."""
    return pd.DataFrame({"Uraian": [label for _, label in ROWS],
                         "Jumlah angka": [int(counts[k]) for k, _ in ROWS]})


def audit_sentence(counts: dict[str, int]) -> str:
    """One paragraph with the audit's counts.

    >>> audit_sentence({"dicetak": 2858, "diperiksa": 1577, "sesuai": 1406, "selisih": 171,
    ...                 "tidak_dapat_diperiksa": 1281})[:120]
    'Dari 2.858 angka yang tercetak di LKjIP yang telah diterbitkan, 1.577 angka diperiksa dengan menghitungnya ulang dari da'
    """
    text = (f"Dari {fmt_int(counts['dicetak'])} angka yang tercetak di LKjIP yang telah diterbitkan, "
            f"{fmt_int(counts['diperiksa'])} angka diperiksa dengan menghitungnya ulang dari data atau "
            f"menjumlahkan rinciannya: {fmt_int(counts['sesuai'])} sesuai dan {fmt_int(counts['selisih'])} "
            f"berselisih. {fmt_int(counts['tidak_dapat_diperiksa'])} angka tidak dapat diperiksa dari data. ")
    return text + "Rinciannya ada dalam laporan audit."
