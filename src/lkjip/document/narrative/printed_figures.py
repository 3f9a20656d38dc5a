"""The official documents' printed figures of an indicator, each with the decimals it was printed with.

A printed figure agrees with the recomputed one when they differ by at most half a unit of its last
printed decimal (:func:`lkjip.contract.rules.printed.tolerance`), the audit's one rule: "87,4" printed
in the LKjIP 2023 for the 2022 SAKIP agrees with 87,43, so the LKjIP of 2022 must not call it different
while the audit of 2023 calls it equal (one judgement per fact). The decimals come from the figure as
typed (``teks``) when the document's text is given, else from the number itself.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.rules.printed import EPS, decimals_of, decimals_of_text, tolerance


def printed_figures(published: pd.DataFrame | None, ind: str, year: int) -> list[tuple[float, int]]:
    """``(value, decimals)`` of every realisasi of ``ind`` for ``year`` printed in ``published``, each
    value once (in file order).

    >>> pub = pd.DataFrame({"tahun": [2022, 2022, 2022], "indikator": ["sakip"] * 3, "ukuran": ["realisasi"] * 3,
    ...                     "nilai": [87.4, 87.43, 87.4], "teks": ["87,4", "87,43", "87,40"]})
    >>> printed_figures(pub, "sakip", 2022)
    [(87.4, 1), (87.43, 2), (87.4, 2)]
    """
    if published is None or not len(published):
        return []
    df = published
    if "ukuran" in df.columns:
        u = df["ukuran"].astype("string").str.strip().str.lower().fillna("")
        df = df[u.isin(["", "realisasi"])]
    df = df[(pd.to_numeric(df["tahun"], errors="coerce") == year) & (df["indikator"].astype(str).str.strip() == ind)]
    texts = df["teks"] if "teks" in df.columns else pd.Series([None] * len(df), index=df.index)
    out: list[tuple[float, int]] = []
    for v, t in zip(pd.to_numeric(df["nilai"], errors="coerce"), texts):
        if pd.isna(v):
            continue
        d = decimals_of_text(t) if isinstance(t, str) else None
        item = (float(v), d if d is not None else decimals_of(float(v)))
        if item not in out:
            out.append(item)
    return out


def differing(figures: list[tuple[float, int]], value: float) -> list[float]:
    """The printed values that differ from ``value`` at their printed decimals, each once.

    >>> differing([(87.4, 1), (87.43, 2)], 87.43), differing([(87.4, 2)], 87.43)
    ([], [87.4])
    """
    out: list[float] = []
    for v, d in figures:
        if abs(v - float(value)) > tolerance(d) + EPS and v not in out:
            out.append(v)
    return out
