"""The report's one rule for comparing with targets: figures are compared as they are shown.

Realisasi and target are first rounded as the report prints them (:mod:`lkjip.contract.fmt`, half-up on
the indicator's decimals). Capaian, tingkat kemajuan, the gap to a target, the change from the
year before and the tingkat efisiensi are then computed from those printed figures, and every
comparison (met or missed, rise or fall) is made on them. So a reader can redo every sum with
the numbers on the page, and no sentence contradicts a table:

- a realisasi of 89,99999...% is shown as 90,00% and meets a 90% target (capaian 100,00%);
- Tabel 3.2.4's efficiency is 98,43 - 94,01 = 4,42, the difference of its own columns;
- a change of less than half a unit of the last decimal is "sama", never "turun 0,00".

The computed frames (:class:`lkjip.indicators.iku.IndicatorResults`, ``indicators.csv``, the audit)
keep full precision; only what the LKjIP shows goes through here. :data:`RULE_TEXT` states the
rule in the report.

>>> shown_value(89.999994, "realisasi_anggaran_pct"), shown_capaian(89.999994, 90.0)
(90.0, 100.0)
>>> shown_capaian(86.13, 87.5), shown_difference(98.434286, 94.006273)
(98.43, 4.42)

Whether a printed capaian meets its target is :func:`lkjip.contract.rules.target_met`.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import is_missing, round_number
from lkjip.contract.rules import INDICATOR_IDS, direction, get_indicator
from lkjip.indicators.declared import Iku
from lkjip.indicators.targets import capaian, capaian_category

#: Decimals of every percentage the report derives (capaian, kemajuan, penyerapan, efisiensi).
PCT_DECIMALS = 2

#: The rule as the report states it (Bab III A).
RULE_TEXT = (
    "Semua perbandingan dalam laporan ini memakai angka sebagaimana tercetak: realisasi dan target "
    "dibulatkan lebih dahulu ke jumlah desimal yang ditampilkan, lalu capaian, tingkat kemajuan, "
    "selisih terhadap target, perubahan dari tahun sebelumnya dan tingkat efisiensi dihitung dari "
    "angka tercetak itu. Dengan demikian setiap angka dapat dihitung ulang dari tabelnya, dan "
    "realisasi yang tercetak sama dengan targetnya berarti target tercapai."
)


def declared(indicator: str, iku=None) -> Iku | None:
    """The declared IKU ``indicator`` among ``iku`` (the report's ``results.iku``), or None."""
    for i in iku or ():
        if i.kode == indicator:
            return i
    return None


def decimals_of(indicator: str, iku=None) -> int:
    """Decimals a reader sees for ``indicator``: its declared ``desimal`` when ``iku`` declares it, else
    the seven IKU's (2 for any other id)."""
    found = declared(indicator, iku)
    if found is not None:
        return found.desimal
    return get_indicator(indicator).decimals if indicator in INDICATOR_IDS else 2


def polarity_of(indicator: str, iku=None) -> str:
    """``higher`` or ``lower``: the declared polarity when ``iku`` declares ``indicator``, else the seven
    IKU's (``higher`` for any other id)."""
    found = declared(indicator, iku)
    if found is not None:
        return found.polarity
    return get_indicator(indicator).polarity if indicator in INDICATOR_IDS else "higher"


def shown_value(value: object, indicator: str | None = None, decimals: int | None = None, iku=None) -> float:
    """``value`` as printed: half-up on the indicator's decimals (NaN stays NaN)."""
    if is_missing(value):
        return float("nan")
    dec = decimals if decimals is not None else (decimals_of(indicator, iku) if indicator else 2)
    return round_number(float(value), dec)


def shown_capaian(realisasi: object, target: object, polarity: str = "higher", lower_rule: str = "selisih") -> float:
    """Capaian (%) of printed realisasi and target, itself rounded as printed."""
    cap = capaian(realisasi, target, polarity, lower_rule)
    return float("nan") if is_missing(cap) else round_number(cap, PCT_DECIMALS)


def shown_difference(a: object, b: object, decimals: int = PCT_DECIMALS) -> float:
    """``a - b`` of the two figures as printed (e.g. capaian minus penyerapan)."""
    if is_missing(a) or is_missing(b):
        return float("nan")
    return round_number(round_number(float(a), decimals) - round_number(float(b), decimals), decimals)


def compare(new: object, old: object) -> int:
    """``1`` rise, ``-1`` fall, ``0`` same: printed figures compared (no "turun 0,00")."""
    if is_missing(new) or is_missing(old):
        raise ValueError("perbandingan membutuhkan dua angka")
    return direction(new, old)


def shown_indicators(tabel: pd.DataFrame, iku=None, lower_rule: str = "selisih", bands=None) -> pd.DataFrame:
    """An indicator frame (``indicators.csv`` shape) as the report shows it.

    ``realisasi`` and ``target`` are rounded as printed (decimals of the declared ``iku``);
    ``capaian_pct`` and ``kategori`` follow from them, by the IKU's polarity (``lower_rule``: unit.yaml
    ``capaian_turun``; ``bands``: its ``kategori_capaian``, Permendagri 86/2017 by default).
    """
    out = tabel.copy()
    real, targ, cap, kat = [], [], [], []
    for _, r in out.iterrows():
        ind = str(r["indikator"])
        rv = shown_value(r["realisasi"], ind, iku=iku)
        tv = shown_value(r["target"], ind, iku=iku)
        c = shown_capaian(rv, tv, polarity_of(ind, iku), lower_rule)
        real.append(rv)
        targ.append(tv)
        cap.append(c)
        kat.append(None if is_missing(c) else capaian_category(c, bands))
    out["realisasi"] = real
    out["target"] = targ
    out["capaian_pct"] = cap
    out["kategori"] = pd.Series(kat, index=out.index, dtype=object)
    return out


def shown_history(history: pd.DataFrame, iku=None, lower_rule: str = "selisih", bands=None) -> pd.DataFrame:
    """:func:`lkjip.indicators.iku.indicator_history` rows with printed realisasi, target and capaian."""
    return shown_indicators(history, iku, lower_rule, bands)


def shown_financing(pembiayaan: pd.DataFrame, capaian_frame: pd.DataFrame,
                    total: tuple[float, float] | None = None) -> pd.DataFrame:
    """The financing frame with printed penyerapan and an efficiency from printed figures.

    ``capaian_frame`` is :func:`shown_indicators`' output. ``total`` (pagu, realisasi) replaces
    the figures of the indicator financed by the whole budget (``kode_anggaran == "total"``),
    so that row shows the budget absorption the indicator itself reports (the LRA).
    """
    out = pembiayaan.copy()
    cap = capaian_frame.set_index("indikator")["capaian_pct"]
    if total is not None:
        m = out["kode_anggaran"].map(lambda k: not is_missing(k) and str(k) == "total")
        pagu, real = total
        out.loc[m, "pagu"] = pagu
        out.loc[m, "realisasi"] = real
        out.loc[m, "penyerapan_pct"] = real / pagu * 100.0 if pagu else float("nan")
    out["penyerapan_pct"] = [shown_value(v, decimals=PCT_DECIMALS) for v in out["penyerapan_pct"]]
    out["persen_dari_total"] = [shown_value(v, decimals=PCT_DECIMALS) for v in out["persen_dari_total"]]
    out["capaian_pct"] = [cap.get(i, float("nan")) for i in out["indikator"]]
    out["tingkat_efisiensi"] = [shown_difference(c, p) for c, p in zip(out["capaian_pct"], out["penyerapan_pct"])]
    return out
