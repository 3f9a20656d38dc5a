"""Official figures of an IKU beside the recomputed ones (``angka_resmi.csv``, ``unit.yaml: angka_utama``).

A computed IKU may also have an official figure: the one a signed document or an official application
published (the IKM of the E-Sukma application, signed in the Berita Acara). The official figure is never
replaced and the recomputed one never hidden:

- :func:`official_figures` reads the year's ``angka_resmi`` frame (``indikator, realisasi_resmi,
  sumber_resmi, keterangan``);
- :func:`main_figures` gives the results the LKjIP prints: with ``angka_utama: resmi`` (the default when an
  official figure exists) the official figure replaces ``realisasi`` and the capaian, kategori, tingkat
  kemajuan and efisiensi follow it; with ``hitung_ulang`` the results are unchanged. The computed results
  (the audit's, ``indicators.csv``'s ``realisasi``) are never modified;
- :func:`differences` states, for each IKU whose official and recomputed figures differ when shown, both
  figures, the difference and its cause in one sentence an auditor can quote (:func:`sentence`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from lkjip.contract.rules.bands import IKM_MUTU, IPASN_KATEGORI, SAKIP_PREDIKAT
from lkjip.contract.fmt import fmt_number, is_missing, round_number
from lkjip.indicators.iku import IndicatorResults
from lkjip.indicators.targets import capaian, capaian_category, tingkat_efisiensi, tingkat_kemajuan
from lkjip.inputs.unit import ANGKA_UTAMA_DEFAULT
from lkjip.indicators.ikm import compute_ikm

#: The band table of a built-in IKU's own class.
_OWN_CLASS = {"ikm": IKM_MUTU, "sakip": SAKIP_PREDIKAT, "ip_asn": IPASN_KATEGORI}
#: The dataset of official figures, as the contract names it.
OFFICIAL_FILE = "angka_resmi"
#: IKM weights tools use in place of the regulation's exact 1/9, each with how a reader is told of it.
IKM_TOOL_WEIGHTS: tuple[tuple[float, str], ...] = (
    (0.11, "bobot unsur 0,11 (1/9 dibulatkan dua desimal)"),
    (0.111, "bobot unsur 0,111 (1/9 dibulatkan tiga desimal)"),
)


@dataclass(frozen=True)
class OfficialFigure:
    """One IKU's official figure and the recomputed one, as the note under Tabel 3.1.1 states them."""

    kode: str
    nama: str
    resmi: float
    hitung: float
    sumber: str
    keterangan: str
    desimal: int
    #: the likely causes of the difference, in words (empty when unknown)
    sebab: tuple[str, ...]
    #: what the recomputation is, in words ("654 responden survei dengan bobot unsur 1/9 ...")
    dasar: str
    #: True when the report prints the official figure (``angka_utama: resmi``)
    dicetak_resmi: bool

    @property
    def berbeda(self) -> bool:
        """Whether the two figures differ as printed (in the indicator's decimals)."""
        if is_missing(self.hitung):
            return True
        return round_number(self.resmi, self.desimal) != round_number(self.hitung, self.desimal)


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def official_figures(frame: pd.DataFrame | None) -> dict[str, tuple[float, str, str]]:
    """``{kode: (realisasi_resmi, sumber_resmi, keterangan)}`` of an ``angka_resmi`` frame (codes in lower
    case, as every file is matched); an absent file or a blank figure gives nothing.

    >>> official_figures(pd.DataFrame({"indikator": [" IKM"], "realisasi_resmi": [97.33],
    ...                                "sumber_resmi": ["E-Sukma"], "keterangan": [None]}))
    {'ikm': (97.33, 'E-Sukma', '')}
    """
    if frame is None or not len(frame):
        return {}
    out = {}
    for _, r in frame.iterrows():
        kode = _text(r.get("indikator")).lower()
        value = r.get("realisasi_resmi")
        if kode and not is_missing(value):
            out[kode] = (float(value), _text(r.get("sumber_resmi")), _text(r.get("keterangan")))
    return out


def angka_utama(unit: Mapping | None, kode: str, official: Mapping[str, tuple]) -> str:
    """``resmi`` or ``hitung_ulang``: what the report prints for ``kode``. ``resmi`` needs an official figure;
    ``unit.yaml``'s ``angka_utama`` chooses, ``resmi`` by default (:data:`ANGKA_UTAMA_DEFAULT`)."""
    if kode not in official:
        return "hitung_ulang"
    return str((unit or {}).get("angka_utama") or ANGKA_UTAMA_DEFAULT)


def main_figures(results: IndicatorResults, official: Mapping[str, tuple], unit: Mapping | None = None) -> IndicatorResults:
    """The results the LKjIP prints: a copy of ``results`` whose ``realisasi`` is the official figure of every
    IKU the unit reports by its official figure, with capaian, kategori, tingkat kemajuan and efisiensi
    computed from it. ``results`` itself is never changed (it is shared with the audit)."""
    use = {k: v[0] for k, v in official.items() if angka_utama(unit, k, official) == "resmi"}
    use = {k: v for k, v in use.items() if k in set(results.tabel["indikator"])}
    if not use:
        return results
    lower_rule = str((unit or {}).get("capaian_turun") or "selisih")
    polarity = {i.kode: i.polarity for i in results.iku}
    tabel = results.tabel.copy()
    for i, r in tabel.iterrows():
        if r["indikator"] in use:
            value = use[r["indikator"]]
            cap = capaian(value, r["target"], polarity.get(r["indikator"], "higher"), lower_rule)
            tabel.at[i, "realisasi"] = value
            tabel.at[i, "capaian_pct"] = cap
            tabel.at[i, "kategori"] = capaian_category(cap)
    akhir = results.renstra_akhir.copy()
    for i, r in akhir.iterrows():
        if r["indikator"] in use:
            akhir.at[i, "realisasi"] = use[r["indikator"]]
            akhir.at[i, "tingkat_kemajuan"] = tingkat_kemajuan(use[r["indikator"]], r["target_akhir"],
                                                               polarity.get(r["indikator"], "higher"))
    biaya = results.pembiayaan.copy()
    cap_of = dict(zip(tabel["indikator"], tabel["capaian_pct"]))
    for i, r in biaya.iterrows():
        if r["indikator"] in use:
            biaya.at[i, "capaian_pct"] = cap_of[r["indikator"]]
            biaya.at[i, "tingkat_efisiensi"] = tingkat_efisiensi(cap_of[r["indikator"]], r["penyerapan_pct"])
    # the indicator's own class follows the printed figure too (mutu IKM, predikat SAKIP, kategori IP ASN)
    kelas = dict(results.kelas)
    for i in results.iku:
        if i.kode in use and i.builtin in _OWN_CLASS:
            kelas[i.kode] = _OWN_CLASS[i.builtin].classify(use[i.kode])
    return dataclasses.replace(results, tabel=tabel, renstra_akhir=akhir, pembiayaan=biaya, kelas=kelas)


def differences(results: IndicatorResults, official: Mapping[str, tuple], unit: Mapping | None = None,
                survey: pd.DataFrame | None = None) -> tuple[OfficialFigure, ...]:
    """Every IKU of ``results`` (the computed ones) with an official figure, in declaration order, with the
    likely cause of a difference (the IKM: the weight a tool uses in place of 1/9, from ``survey``)."""
    computed = results.tabel.set_index("indikator")["realisasi"]
    out = []
    for ind in results.iku:
        if ind.kode not in official or ind.kode not in computed.index:
            continue
        resmi, sumber, keterangan = official[ind.kode]
        hitung = float(computed[ind.kode]) if not is_missing(computed[ind.kode]) else float("nan")
        sebab: list[str] = []
        dasar = "hitung ulang dari data"
        if ind.builtin == "ikm" and results.ikm is not None:
            dasar = (f"hitung ulang dari {fmt_number(results.ikm.responden, 0)} responden survei dengan bobot "
                     f"unsur {results.ikm.bobot_label.split(' ')[0]} menurut PermenPAN-RB Nomor 14 Tahun 2017")
            if survey is not None and len(survey):
                for weight, label in IKM_TOOL_WEIGHTS:
                    alt = compute_ikm(survey, weight).ikm_x25
                    if round_number(alt, ind.desimal) == round_number(resmi, ind.desimal):
                        sebab.append(f"angka resmi sama dengan hasil {label}")
                        break
        if keterangan:
            sebab.append(f"sumbernya mencatat: {keterangan}")
        out.append(OfficialFigure(ind.kode, ind.nama, resmi, hitung, sumber, keterangan, ind.desimal,
                                  tuple(sebab), dasar, angka_utama(unit, ind.kode, official) == "resmi"))
    return tuple(out)


def sentence(f: OfficialFigure, year: int) -> str:
    """The one sentence under Tabel 3.1.1 (plain text; the caller escapes it for Markdown).

    >>> f = OfficialFigure("ikm", "Nilai IKM", 97.33, 98.31, "Aplikasi E-Sukma", "", 2,
    ...                    ("angka resmi sama dengan hasil bobot unsur 0,11 (1/9 dibulatkan dua desimal)",),
    ...                    "hitung ulang dari 654 responden survei", True)
    >>> print(sentence(f, 2023))
    Nilai IKM tahun 2023 dicetak 97,33, angka resmi menurut Aplikasi E-Sukma; hitung ulang dari 654 responden survei memberi 98,31, selisih 0,98, karena angka resmi sama dengan hasil bobot unsur 0,11 (1/9 dibulatkan dua desimal).
    """
    resmi, hitung = fmt_number(f.resmi, f.desimal), fmt_number(f.hitung, f.desimal)
    source = f"menurut {f.sumber}" if f.sumber else "yang diterbitkan"
    if is_missing(f.hitung):
        return (f"{f.nama} tahun {year} dicetak {resmi}, angka resmi {source}; {f.dasar} tidak dapat "
                "dilakukan karena datanya tidak lengkap.")
    gap = fmt_number(abs(round_number(f.resmi, f.desimal) - round_number(f.hitung, f.desimal)), f.desimal)
    why = ("karena " + " dan ".join(f.sebab)) if f.sebab else "penyebab selisihnya belum diketahui"
    if f.dicetak_resmi:
        return (f"{f.nama} tahun {year} dicetak {resmi}, angka resmi {source}; {f.dasar} memberi {hitung}, "
                f"selisih {gap}, {why}.")
    return (f"{f.nama} tahun {year} dicetak {hitung}, {f.dasar}; angka resmi {source} adalah {resmi}, "
            f"selisih {gap}, {why}.")
