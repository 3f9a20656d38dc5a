"""Official figures beside recomputed ones, in the report's words (:mod:`lkjip.indicators.official`).

Under Tabel 3.1.1: one sentence per IKU whose official figure (``angka_resmi.csv``) and recomputed figure
differ as printed — the figure printed, the other one, the difference and its cause. In the Berita Acara:
the figure as signed, and a note beside it when the data give another one. No wording about files or
settings: these sentences are for the officials' copy too.
"""

from __future__ import annotations

from lkjip.audit.causes import digit_slip
from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.contract.markup import md_text
from lkjip.document.narrative.common import _decimals, fmt_value
from lkjip.indicators.official import OfficialFigure, sentence


def _figures(rep) -> dict[str, OfficialFigure]:
    return {f.kode: f for f in (getattr(rep, "angka_resmi", None) or ())}


def angka_resmi_text(rep) -> str:
    """The note under Tabel 3.1.1 (empty when no official figure differs from the recomputed one)."""
    lines = [md_text(sentence(f, rep.year)) for f in _figures(rep).values() if f.berbeda]
    return " ".join(lines)


def signed_value(rep, ind: str) -> float | None:
    """The figure a signed document of the year (the Berita Acara) carries for ``ind``: its official figure,
    None when the unit has none (the document then carries the report's figure)."""
    f = _figures(rep).get(ind)
    return None if f is None else f.resmi


def beside_signed(rep, ind: str) -> str:
    """The note beside a signed figure that the data recompute to another value (empty when they agree).

    >>> class R: angka_resmi = (OfficialFigure("ikm", "Nilai IKM", 97.33, 98.31, "E-Sukma", "", 2, (), "x", True),)
    >>> beside_signed(R(), "ikm")
    ' (catatan: dihitung ulang dari data survei, nilainya 98,31; selisih dan penyebabnya diuraikan di bawah Tabel 3.1.1)'
    """
    f = _figures(rep).get(ind)
    if f is None or not f.berbeda or is_missing(f.hitung):
        return ""
    data = "data survei" if ind == "ikm" else "data"
    return (f" (catatan: dihitung ulang dari {data}, nilainya {fmt_number(f.hitung, f.desimal)}; selisih dan "
            "penyebabnya diuraikan di bawah Tabel 3.1.1)")


def printed_elsewhere(rep, ind: str, values: list[float], shown: float) -> list[str]:
    """Each figure the unit's published document printed for ``ind`` that differs from the figure shown,
    with where it is printed and, when it is one digit away from it, that it is likely a typo
    (``"97,13 pada Tabel 3.1.2, satu digit berbeda dari 97,33 (diduga salah ketik)"``)."""
    pub = rep.inputs.published
    where: dict[float, list[str]] = {}
    if pub is not None and len(pub) and {"lokasi", "nilai", "tahun", "indikator"} <= set(pub.columns):
        for _, r in pub.iterrows():
            if str(r["indikator"]).strip() == ind and str(r["tahun"]).strip() == str(rep.year):
                place = "" if is_missing(r["lokasi"]) else str(r["lokasi"]).strip()
                try:
                    v = float(r["nilai"])
                except (TypeError, ValueError):
                    continue
                if place and place not in where.setdefault(v, []):
                    where[v].append(place)
    out = []
    for v in values:
        text = fmt_value(ind, v, iku=rep.results.iku)
        if where.get(float(v)):
            text += " pada " + ", ".join(md_text(p) for p in where[float(v)])
        slip = digit_slip(float(v), float(shown), _decimals(ind, rep.results.iku))
        if slip:
            text += f", {slip} dari {fmt_value(ind, shown, iku=rep.results.iku)} (diduga salah ketik)"
        out.append(text)
    return out
