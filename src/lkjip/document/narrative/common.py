"""What every drafted paragraph shares: the draft mark, figures as sentences show them, small phrase helpers.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_compact, fmt_int, fmt_number, is_missing
from lkjip.contract.rules import INDICATOR_IDS, get_indicator, target_met

DRAFT_MARK = "Draf narasi — sunting sebelum ditandatangani"

#: Kept for callers that still prefix a block; the LKjIP carries one draft notice instead
#: (:func:`lkjip.document.narrative.front.draft_notice`), so drafted blocks carry no mark.
_DRAFT = ""


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
    """The data an indicator comes from, in readers' words (no dataset names)."""
    return get_indicator(ind).source_label if ind in INDICATOR_IDS else ind


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _row(rep, ind: str) -> pd.Series:
    """The indicator's row as the report shows it (figures as printed, lkjip.document.shown)."""
    return rep.capaian.set_index("indikator").loc[ind]


def _met(row) -> bool | None:
    return target_met(row["capaian_pct"])


def _unit_word(ind: str) -> str:
    """What a difference of the indicator is counted in: ``poin persentase``, ``poin``, ``inovasi``."""
    satuan = get_indicator(ind).satuan if ind in INDICATOR_IDS else ""
    return {"%": "poin persentase", "inovasi": "inovasi"}.get(satuan, "poin")


def fmt_difference(ind: str, value: float) -> str:
    """A difference of two printed figures in the indicator's decimals: ``1,37 poin``, ``1 inovasi``."""
    dec = get_indicator(ind).decimals if ind in INDICATOR_IDS else 2
    num = fmt_int(value) if dec == 0 else fmt_number(value, dec)
    return f"{num} {_unit_word(ind)}"


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


# --------------------------------------------------------------------------- the analyst's text

def analyst_text(rep, key: str) -> str | None:
    """The analyst's text for section ``key`` (the unit-year's narrative file), or ``None``.

    The text is the analyst's own Markdown and is printed as written.
    """
    text = (getattr(rep, "narasi", None) or {}).get(key)
    return text.strip() if isinstance(text, str) and text.strip() else None


def section(rep, key: str, drafted) -> str:
    """Section ``key``: the analyst's text when there is one, else the drafted text
    (``drafted`` is the text or a function of ``rep`` that drafts it)."""
    text = analyst_text(rep, key)
    if text is not None:
        return text
    return drafted(rep) if callable(drafted) else drafted
