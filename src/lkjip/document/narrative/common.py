"""What every drafted paragraph shares: the draft mark, figures as sentences show them, small phrase helpers.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_compact, fmt_int, fmt_number, is_missing
from lkjip.contract.rules import INDICATOR_IDS, get_indicator, target_met
from lkjip.document.narrative.reference import opens_with_reference
from lkjip.indicators.declared import NOT_AVAILABLE, normalise_code

DRAFT_MARK = "Draf narasi — sunting sebelum ditandatangani"

#: Kept for callers that still prefix a block; the LKjIP carries one draft notice instead
#: (:func:`lkjip.document.narrative.front.draft_notice`), so drafted blocks carry no mark.
_DRAFT = ""


# --------------------------------------------------------------------------- formatting

def _declared(indicator: str, iku):
    """The declared IKU ``indicator`` among ``iku`` (the report's ``results.iku``), or None."""
    return next((i for i in iku or () if i.kode == indicator), None)


def _satuan(indicator: str, iku=None) -> str:
    found = _declared(indicator, iku)
    satuan = found.satuan if found is not None else (get_indicator(indicator).satuan
                                                     if indicator in INDICATOR_IDS else "")
    return "%" if satuan.strip().lower() in ("%", "persen") else satuan


def _decimals(indicator: str, iku=None) -> int:
    found = _declared(indicator, iku)
    if found is not None:
        return found.desimal
    return get_indicator(indicator).decimals if indicator in INDICATOR_IDS else 2


def fmt_value(indicator: str, value: object, *, compact: bool = False, iku=None) -> str:
    """A value in its indicator's unit: ``98,31``, ``94,37%``, ``2 inovasi`` (``iku``: the unit's
    declared IKU, whose ``satuan`` and ``desimal`` apply; default the seven kecamatan IKU).

    ``compact`` drops trailing zeros (targets as the published LKjIP prints them: ``94,5``).
    """
    if is_missing(value):
        return "–"
    satuan = _satuan(indicator, iku)
    dec = _decimals(indicator, iku)
    if satuan == "inovasi":
        return f"{fmt_int(value)} inovasi"
    num = fmt_compact(value, dec) if compact else fmt_number(value, dec)
    return num + "%" if satuan == "%" else num


def _short(ind: str, iku=None) -> str:
    """The indicator's name in a sentence: the seven IKU's short names, else its declared name."""
    found = _declared(ind, iku)
    if ind in INDICATOR_IDS and (found is None or found.nama == get_indicator(ind).nama):
        return get_indicator(ind).nama_pendek
    return found.nama if found is not None else ind


def _data_text(ind: str, iku=None) -> str:
    """The data an indicator comes from, in readers' words (no dataset names): its declared ``sumber``."""
    found = _declared(ind, iku)
    if found is not None and found.sumber:
        return found.sumber
    return get_indicator(ind).source_label if ind in INDICATOR_IDS else (found.nama if found else ind)


def _iku_ids(rep) -> list[str]:
    """The codes of the report's IKU (declared, or the seven kecamatan IKU), in declaration order."""
    return [i.kode for i in rep.results.iku]


def _nama(rep, ind: str) -> str:
    """The IKU's full name as declared (the seven IKU's names by default)."""
    found = _declared(ind, rep.results.iku)
    return found.nama if found is not None else (get_indicator(ind).nama if ind in INDICATOR_IDS else ind)


_ORDINAL = {2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima", 6: "keenam", 7: "ketujuh", 8: "kedelapan",
            9: "kesembilan", 10: "kesepuluh"}


def _all_of(n: int) -> str:
    """"ketujuh" for 7, "keempat" for 4, "12" above ten: "Capaian ketujuh Indikator ..."."""
    return _ORDINAL.get(n, fmt_int(n))


def _not_available(rep, ind: str) -> str | None:
    """Why the IKU has no realisation when a figure it reads is not yet released (``n/a`` in
    ``realisasi.csv``), in words: the quantities and the sources the rows name; None otherwise."""
    if not any("belum tersedia" in n for n in rep.results.catatan.get(ind, [])):
        return None
    found = _declared(ind, rep.results.iku)
    names = {ind} | set(found.formula.names if found is not None else ())
    frame = rep.inputs.datasets.get("realisasi") if hasattr(rep, "inputs") else None
    why = []
    if isinstance(frame, pd.DataFrame) and {"besaran", "nilai"} <= set(frame.columns):
        for _, r in frame.iterrows():
            name = normalise_code(r["besaran"])
            if name in names and str(r["nilai"]).strip().lower() in NOT_AVAILABLE:
                source = "" if is_missing(r.get("sumber")) else str(r.get("sumber")).strip()
                label = "angka" if name == ind else f"besaran {name}"
                why.append(f"{label} belum dirilis" + (f", sumber: {source}" if source else ""))
    return "; ".join(dict.fromkeys(why)) or "angka belum dirilis"


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


def _unit_word(ind: str, iku=None) -> str:
    """What a difference of the indicator is counted in: ``poin persentase``, ``poin``, ``inovasi``."""
    return {"%": "poin persentase", "inovasi": "inovasi"}.get(_satuan(ind, iku), "poin")


def fmt_difference(ind: str, value: float, iku=None) -> str:
    """A difference of two printed figures in the indicator's decimals: ``1,37 poin``, ``1 inovasi``."""
    dec = _decimals(ind, iku)
    num = fmt_int(value) if dec == 0 else fmt_number(value, dec)
    return f"{num} {_unit_word(ind, iku)}"


# --------------------------------------------------------------------------- the analyst's text

def analyst_text(rep, key: str) -> str | None:
    """The analyst's text for section ``key`` (the unit-year's narrative file), or ``None``.

    The text is the analyst's own Markdown and is printed as written.
    """
    text = (getattr(rep, "narasi", None) or {}).get(key)
    return text.strip() if isinstance(text, str) and text.strip() else None


def section(rep, key: str, drafted) -> str:
    """Section ``key``: the analyst's text when there is one, else the drafted text
    (``drafted`` is the text or a function of ``rep`` that drafts it). An analyst's text that opens by
    referring back ("Hal ini karena ...") follows the drafted text, whose last sentence it refers to."""
    text = analyst_text(rep, key)
    if text is not None:
        if opens_with_reference(text):  # "Hal ini karena ...": after the drafted sentence it refers to
            lead = drafted(rep) if callable(drafted) else drafted
            if lead:
                return lead + "\n\n" + text
        return text
    return drafted(rep) if callable(drafted) else drafted
