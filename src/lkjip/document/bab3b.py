"""Bab III B: Tabel 3.2.2 - 3.2.4 from the figures as shown (:mod:`lkjip.document.shown`).

The financing frame's row for the indicator paid by the whole budget carries the LRA's
realisation (the figure the budget indicator reports), and the efficiency is the difference
of the two printed percentages, so every row can be recomputed from its own columns.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from lkjip.indicators import budget as _budget
from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.document.shown import decimals_of
from lkjip.document.bab3a import sasaran_groups
from lkjip.contract.rules.bands import SAKIP_PREDIKAT

#: Notes of :func:`lkjip.indicators.iku.financing` in the words of the report.
_NOTES = {
    "tidak dibiayai anggaran tersendiri": "tidak dibiayai anggaran tersendiri",
    "data anggaran tidak ada": "data anggaran tidak tersedia",
}


def _note(text: object) -> str:
    t = "" if is_missing(text) else str(text)
    if t.startswith("pembiayaan belum dipetakan"):
        return "belum dipetakan ke program atau kegiatan"
    if t.startswith("kode ") and "tidak ada" in t:
        return t.replace("di data anggaran", "dalam data anggaran")
    return _NOTES.get(t, t)


def _program_names(anggaran: pd.DataFrame | None) -> dict[str, str]:
    if anggaran is None:
        return {}
    h = _budget.budget_hierarchy(anggaran)
    return {str(k): str(u) for k, u in zip(h["kode"], h["uraian"]) if not is_missing(u)}


def _rows(indicators: pd.DataFrame, financing: pd.DataFrame, unit: Mapping[str, Any] | None):
    ind = indicators.set_index("indikator")
    fin = financing.set_index("indikator")
    for no, sasaran, i in sasaran_groups(ind.index, unit):
        yield no, sasaran, ind.loc[i], fin.loc[i]


def tabel_3_2_2(indicators: pd.DataFrame, financing: pd.DataFrame, anggaran: pd.DataFrame | None,
                unit: Mapping[str, Any] | None) -> pd.DataFrame:
    """Anggaran per indikator and its share of the total pagu; the programme named in Keterangan."""
    names = _program_names(anggaran)
    rows = []
    for no, sasaran, r, f in _rows(indicators, financing, unit):
        code = "" if is_missing(f["kode_anggaran"]) else str(f["kode_anggaran"])
        if code == "total":
            note = "seluruh anggaran unit"
        elif code and code in names:
            note = f"{names[code]} ({code})"
        else:
            note = _note(f["keterangan"])
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "Anggaran (Rp)": f["pagu"], "% Anggaran": f["persen_dari_total"], "Keterangan": note})
    return pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja Utama", "Anggaran (Rp)",
                                       "% Anggaran", "Keterangan"])


def tabel_3_2_3(indicators: pd.DataFrame, financing: pd.DataFrame,
                unit: Mapping[str, Any] | None, iku=None) -> pd.DataFrame:
    """Pencapaian kinerja dan anggaran side by side (realisasi in the declared ``iku``'s decimals)."""
    rows = []
    for no, sasaran, r, f in _rows(indicators, financing, unit):
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "Satuan": r["satuan"], "Target Kinerja": r["target"],
                     "Realisasi Kinerja": fmt_number(r["realisasi"], decimals_of(str(r.name), iku), blank=""),
                     "Capaian Kinerja (%)": r["capaian_pct"],
                     "Anggaran (Rp)": f["pagu"], "Realisasi Anggaran (Rp)": f["realisasi"],
                     "Capaian Anggaran (%)": f["penyerapan_pct"]})
    return pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja Utama", "Satuan", "Target Kinerja",
                                       "Realisasi Kinerja", "Capaian Kinerja (%)", "Anggaran (Rp)",
                                       "Realisasi Anggaran (Rp)", "Capaian Anggaran (%)"])


def tabel_3_2_4(indicators: pd.DataFrame, financing: pd.DataFrame,
                unit: Mapping[str, Any] | None) -> pd.DataFrame:
    """Efisiensi penggunaan sumber daya: % capaian kinerja - % penyerapan anggaran, as printed."""
    rows = []
    for no, sasaran, r, f in _rows(indicators, financing, unit):
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "% Capaian Kinerja": r["capaian_pct"], "% Penyerapan Anggaran": f["penyerapan_pct"],
                     "Tingkat Efisiensi": f["tingkat_efisiensi"], "Keterangan": _note(f["keterangan"])})
    return pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja Utama", "% Capaian Kinerja",
                                       "% Penyerapan Anggaran", "Tingkat Efisiensi", "Keterangan"])


def koordinasi_rincian(koordinasi: pd.DataFrame | None) -> pd.DataFrame | None:
    """The coordination recap item by item, as the published LKjIP prints it: ``No, Uraian,
    Fasilitasi, Tindak Lanjut, Seksi`` and a computed ``Jumlah`` row (typed total rows left out)."""
    if koordinasi is None or not len(koordinasi):
        return None
    rows = koordinasi[~koordinasi["adalah_total"].fillna(False).astype(bool)] if "adalah_total" in koordinasi \
        else koordinasi
    fas = pd.to_numeric(rows["fasilitasi"], errors="coerce")
    tl = pd.to_numeric(rows["tindak_lanjut"], errors="coerce")
    out = pd.DataFrame({"No": range(1, len(rows) + 1),
                        "Uraian": ["" if is_missing(u) else str(u) for u in rows["uraian"]],
                        "Fasilitasi": fas.values, "Tindak Lanjut": tl.values,
                        "Seksi": ["" if is_missing(s) else str(s) for s in rows["seksi"]]})
    total = pd.DataFrame([{"No": "", "Uraian": "Jumlah", "Fasilitasi": float(fas.sum()),
                           "Tindak Lanjut": float(tl.sum()), "Seksi": ""}])
    return pd.concat([out.astype({"No": object}), total], ignore_index=True)


def predikat_sakip() -> pd.DataFrame:
    """The SAKIP predicates with their ranges and meaning (PermenPAN-RB 88/2021), for Bab III."""
    t = SAKIP_PREDIKAT.as_frame()
    t.insert(0, "No", range(1, len(t) + 1))
    return t.rename(columns={"Kategori": "Predikat", "Rentang": "Nilai", "Keterangan": "Interpretasi"})
