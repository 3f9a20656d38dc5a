"""What every drafted paragraph shares: the draft mark, figures as sentences show them, small phrase helpers.
"""

from __future__ import annotations

import pandas as pd

from lkjip.fmt import fmt_compact, fmt_int, fmt_number, is_missing
from lkjip.rules import INDICATOR_IDS, get_indicator

DRAFT_MARK = "Draf narasi — sunting sebelum ditandatangani"


_DRAFT = f"> *{DRAFT_MARK}.*\n\n"


# --------------------------------------------------------------------------- formatting

def fmt_value(indicator: str, value: object, *, compact: bool = False) -> str:
    """A value in its indicator's unit: ``98,31``, ``94,37%``, ``2 inovasi``.

    ``compact`` drops trailing zeros (targets as the published LKjIP prints them: ``94,5``).
    """
    if is_missing(value):
        return "–"
    info = get_indicator(indicator) if indicator in INDICATOR_IDS else None
    satuan = info.satuan if info else ""
    dec = info.decimals if info else 2
    if satuan == "inovasi":
        return f"{fmt_int(value)} inovasi"
    num = fmt_compact(value, dec) if compact else fmt_number(value, dec)
    return num + "%" if satuan == "%" else num


def _short(ind: str) -> str:
    return get_indicator(ind).nama_pendek if ind in INDICATOR_IDS else ind


def _data_text(ind: str) -> str:
    return get_indicator(ind).source_text if ind in INDICATOR_IDS else ind


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _row(rep, ind: str) -> pd.Series:
    return rep.results.tabel.set_index("indikator").loc[ind]


def _met(row) -> bool | None:
    cap = row["capaian_pct"]
    return None if is_missing(cap) else bool(float(cap) >= 100.0 - 1e-9)


def _published(rep, ind: str) -> list[float]:
    pub = rep.inputs.published
    if pub is None or not len(pub):
        return []
    df = pub.copy()
    if "ukuran" in df.columns:
        u = df["ukuran"].astype("string").str.strip().str.lower().fillna("")
        df = df[u.isin(["", "realisasi"])]
    df = df[(pd.to_numeric(df["tahun"], errors="coerce") == rep.year)
            & (df["indikator"].astype(str).str.strip() == ind)]
    values = []
    for v in pd.to_numeric(df["nilai"], errors="coerce").dropna():
        if float(v) not in values:
            values.append(float(v))
    return values
