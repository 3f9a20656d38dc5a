"""How report tables are shown: merged-cell blanks, page-fitting shapes, short headers and display formats.

Numeric headers never wrap in print (lkjip-print.css), so display headers of
numeric columns are kept short; the published LKjIP's long names are in the captions.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_compact, fmt_number, is_missing

#: Short display headers of the report's tables (the published LKjIP's long
#: names stay in the captions; numeric headers never wrap in print).
SHORT_HEADERS: dict[str, dict[str, str]] = {
    "tabel_3_1_4": {"Realisasi Nasional": "Nasional"},
    "gambar_3_4": {"Jumlah Uraian": "Uraian", "Jumlah Fasilitasi, Rekomendasi dan Koordinasi": "Fasilitasi",
                   "Jumlah Tindak Lanjut": "Tindak Lanjut", "% Ditindaklanjuti": "%"},
    "tabel_3_2_3": {"Target Kinerja": "Target", "Realisasi Kinerja": "Realisasi",
                    "Capaian Kinerja (%)": "Capaian (%)", "Anggaran (Rp)": "Pagu (Rp)",
                    "Realisasi Anggaran (Rp)": "Serapan (Rp)", "Capaian Anggaran (%)": "Serapan (%)"},
    "tabel_3_2_4": {"% Capaian Kinerja": "Capaian (%)", "% Penyerapan Anggaran": "Serapan (%)",
                    "Tingkat Efisiensi": "Efisiensi"},
}


def _drop_index(df: pd.DataFrame) -> pd.DataFrame:
    return df.reset_index(drop=True)


def _blank_repeats(df: pd.DataFrame, columns=("No", "Sasaran")) -> pd.DataFrame:
    """Blank ``No``/``Sasaran`` on the second and later rows of a group (merged cells)."""
    out = df.copy()
    if "No" not in out.columns:
        return out
    first = ~out["No"].duplicated()
    for c in columns:
        if c in out.columns:
            out[c] = [v if keep else "" for v, keep in zip(out[c].astype(object), first)]
            out[c] = out[c].map(lambda v: "" if is_missing(v) else v).astype(object)
    return out


# --------------------------------------------------------------------------- Bab III display shapes
# Numeric headers never wrap in print (lkjip-print.css), so display headers of
# numeric columns are kept short; the published LKjIP's long names are in the captions.

def _long_3_1_2(t: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.1.2 in a shape that fits a page: per indicator three rows
    (Target, Realisasi, Capaian (%)) and one column per year up to the report
    year (later targets are in Tabel 2.1/2.1a)."""
    years = [c.split()[1] for c in t.columns if str(c).startswith("Realisasi ")]
    has_src = "Sumber Realisasi" in t.columns and t["Sumber Realisasi"].astype(str).str.strip().any()
    rows = []
    for no, (_, r) in enumerate(t.iterrows(), start=1):
        for label, pattern in (("Target", "Target {}"), ("Realisasi", "Realisasi {}"),
                               ("Capaian (%)", "Capaian {} (%)")):
            row = {"No": no, "Indikator Kinerja": r["Indikator Kinerja"], "Satuan": r["Satuan"],
                   "Uraian": label}
            for y in years:
                v = r.get(pattern.format(y))
                row[y] = float("nan") if is_missing(v) else float(v)
            if has_src:
                row["Keterangan"] = r["Sumber Realisasi"] if label == "Realisasi" else ""
            rows.append(row)
    cols = ["No", "Indikator Kinerja", "Satuan", "Uraian"] + years + (["Keterangan"] if has_src else [])
    return _blank_repeats(pd.DataFrame(rows, columns=cols), ("No", "Indikator Kinerja", "Satuan"))


def _short_3_1_3(t: pd.DataFrame) -> pd.DataFrame:
    years = pd.to_numeric(t["Tahun Akhir Renstra"], errors="coerce").dropna().unique()
    ren = {c: "Realisasi " + c.split()[-1] for c in t.columns if str(c).startswith("Realisasi s.d.")}
    ren["Tingkat Kemajuan (%)"] = "Kemajuan (%)"
    if len(years) == 1:
        ren["Target Akhir Renstra"] = f"Target {int(years[0])}"
        t = t.drop(columns="Tahun Akhir Renstra")
    else:
        ren["Target Akhir Renstra"] = "Target Akhir"
        ren["Tahun Akhir Renstra"] = "Tahun"
    return t.rename(columns=ren)


def _ikm_summary(ikm, resmi=None) -> pd.DataFrame:
    """The IKM result as two columns (Uraian, Nilai), numbers as Indonesian text. ``resmi``: the IKM's
    official figure (:class:`lkjip.indicators.official.OfficialFigure`) when it differs from the survey's
    recomputation: both rows then say which is which."""
    differs = resmi is not None and resmi.berbeda
    rows = [
        ("Jumlah responden", fmt_number(ikm.responden, 0)),
        ("Bobot NRR per unsur", ikm.bobot_label),
        ("Jumlah NRR IKM tertimbang", fmt_number(ikm.ikm, 2)),
        ("Jumlah NRR IKM tertimbang x 25 (" + ("hitung ulang" if differs else "Nilai IKM") + ")",
         fmt_number(ikm.ikm_x25, 2)),
        *([("Nilai IKM resmi (" + (resmi.sumber or "diterbitkan") + ")", fmt_number(resmi.resmi, resmi.desimal))]
          if differs else []),
        ("Mutu pelayanan", ikm.mutu or "–"),
        ("Kinerja unit pelayanan", ikm.kinerja or "–"),
    ]
    return pd.DataFrame(rows, columns=["Uraian", "Nilai"])


# --------------------------------------------------------------------------- display formats

def _year_text(value: object) -> str:
    return "" if is_missing(value) else str(int(float(value)))


_COMPACT_COLUMNS = ("Target", "Target Kinerja", "Target Akhir Renstra", "Kualifikasi", "Kompetensi",
                    "Kinerja", "Disiplin", "Total", "Bobot")


def formats(df: pd.DataFrame | None) -> dict:
    """Display formats of a report table for :func:`lkjip.render.notebook.show`.

    Targets (and other values the published LKjIP prints without trailing zeros, e.g. IP
    ASN dimensions) use :func:`fmt_compact`; year columns of the Renstra tables
    too; ``Tahun ...`` columns are plain years (no thousands mark). Everything
    else keeps :func:`lkjip.contract.fmt.auto_formats` (amounts in rupiah show as whole
    numbers; the header says ``(Rp)``).
    """
    if df is None:
        return {}
    out: dict = {}
    for c in df.columns:
        name = str(c)
        if name.startswith("Realisasi") and not pd.api.types.is_numeric_dtype(df[c]):
            out[c] = "text"  # already formatted per indicator; right-aligned as a number
            continue
        if not pd.api.types.is_numeric_dtype(df[c]):
            continue
        if name.startswith("Tahun"):
            out[c] = _year_text
        elif name in _COMPACT_COLUMNS or name.startswith("Target ") or (name.isdigit() and len(name) == 4):
            out[c] = fmt_compact
    return out
