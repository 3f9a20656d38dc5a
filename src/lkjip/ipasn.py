"""Indeks Profesionalitas ASN (PermenPAN-RB 38/2018).

An ASN (PNS or PPPK) with all four dimensions (kualifikasi 0-25, kompetensi
0-40, kinerja 0-30, disiplin 0-5) has a total 0..100 and a category; the
unit's IP ASN is the mean of those totals. An ASN missing a dimension (e.g.
one who left before being measured) is listed as not measured; non-ASN staff
are not part of the index.

>>> import pandas as pd
>>> p = pd.DataFrame({"nip": ["1", "2", "3"], "nama": ["A", "B", "C"], "jabatan": ["x"] * 3,
...                   "status": ["PNS", "PNS", "honorer"],
...                   "kualifikasi": [23.0, 20.0, None], "kompetensi": [40.0, 40.0, None],
...                   "kinerja": [25.0, 25.0, None], "disiplin": [5.0, 5.0, None]})
>>> r = ipasn_summary(p)
>>> r.nilai, r.kategori, r.jumlah_diukur
(91.5, 'Sangat Tinggi', 2)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.frames import require_columns

from lkjip.rules import ASN_STATUSES, IPASN_DIMENSION_NAMES, IPASN_DIMENSIONS, IPASN_KATEGORI



@dataclass(frozen=True)
class IpAsnResult:
    """``pegawai``: measured ASN with total and category (source order);
    ``tidak_diukur``: ASN without all four dimensions and why;
    ``distribusi``: count per category; ``rata_dimensi``: mean per dimension."""

    nilai: float
    kategori: str | None
    jumlah_diukur: int
    pegawai: pd.DataFrame
    tidak_diukur: pd.DataFrame
    distribusi: pd.DataFrame
    rata_dimensi: pd.DataFrame


def ipasn_category(value: float) -> str | None:
    """Category of an IP ASN total (contiguous lower bounds 91/81/71/61).

    >>> ipasn_category(90), ipasn_category(90.5), ipasn_category(91)
    ('Tinggi', 'Tinggi', 'Sangat Tinggi')
    """
    return IPASN_KATEGORI.classify(value)


def is_asn(status: pd.Series) -> pd.Series:
    """PNS or PPPK (case-insensitive)."""
    norm = status.astype("string").str.strip().str.upper()
    return norm.isin([s.upper() for s in ASN_STATUSES]).fillna(False).astype(bool)


def in_post_at_year_end(pegawai: pd.DataFrame, year: int) -> pd.Series:
    """Whether each employee is in post on 31 December of ``year``.

    In post = started by then (``mulai`` empty or on/before 31 December) and
    not gone (``selesai``, the date of leaving, empty or after 31 December).
    The one rule for Bab I staff counts, the audit and validation.

    >>> df = pd.DataFrame({"mulai": pd.to_datetime([None, "2024-01-02", None]),
    ...                    "selesai": pd.to_datetime([None, None, "2023-06-30"])})
    >>> in_post_at_year_end(df, 2023).tolist()
    [True, False, False]
    """
    end = pd.Timestamp(int(year), 12, 31)
    keep = pd.Series(True, index=pegawai.index)
    if "mulai" in pegawai.columns:
        mulai = pd.to_datetime(pegawai["mulai"], errors="coerce")
        keep &= mulai.isna() | (mulai <= end)
    if "selesai" in pegawai.columns:
        selesai = pd.to_datetime(pegawai["selesai"], errors="coerce")
        keep &= selesai.isna() | (selesai > end)
    return keep.astype(bool)


def ipasn_scores(pegawai: pd.DataFrame) -> pd.DataFrame:
    """Every ASN with ``total``, ``kategori`` and ``diukur`` (all four
    dimensions present); totals are NaN for those not measured."""
    require_columns(pegawai, ["nip", "nama", "jabatan", "status"], "pegawai")
    asn = pegawai[is_asn(pegawai["status"])].copy()
    keep = [c for c in ("baris", "nip", "nama", "jabatan", "status", "eselon", "mulai", "selesai")
            if c in asn.columns]
    out = asn[keep].copy()
    for d in IPASN_DIMENSIONS:
        out[d] = pd.to_numeric(asn[d], errors="coerce").astype(float) if d in asn.columns \
            else float("nan")
    dims = out[list(IPASN_DIMENSIONS)]
    out["diukur"] = dims.notna().all(axis=1)
    out["total"] = dims.sum(axis=1, min_count=4).where(out["diukur"])
    out["kategori"] = [ipasn_category(v) for v in out["total"]]
    return out.reset_index(drop=True)


def ipasn_summary(pegawai: pd.DataFrame) -> IpAsnResult:
    """Unit mean, category, distribution and dimension means."""
    scores = ipasn_scores(pegawai)
    measured = scores[scores["diukur"]].reset_index(drop=True)
    missing = scores[~scores["diukur"]].copy()
    reasons = []
    for _, r in missing.iterrows():
        absent = [d for d in IPASN_DIMENSIONS if pd.isna(r[d])]
        why = "dimensi kosong: " + ", ".join(absent)
        if "selesai" in missing.columns and pd.notna(r.get("selesai")):
            why = "keluar/pindah sebelum diukur; " + why
        reasons.append(why)
    missing["keterangan"] = reasons
    missing = missing.drop(columns=["total", "kategori", "diukur"]).reset_index(drop=True)
    value = float(measured["total"].mean()) if len(measured) else float("nan")
    counts = measured["kategori"].value_counts()
    n = len(measured)
    dist = pd.DataFrame({
        "kategori": [b.label for b in IPASN_KATEGORI.bands],
        "rentang": [b.range_text for b in IPASN_KATEGORI.bands],
        "jumlah": [int(counts.get(b.label, 0)) for b in IPASN_KATEGORI.bands],
    })
    dist["persen"] = dist["jumlah"] / n * 100.0 if n else float("nan")
    dims = pd.DataFrame({
        "dimensi": list(IPASN_DIMENSIONS),
        "nama_dimensi": [IPASN_DIMENSION_NAMES[d] for d in IPASN_DIMENSIONS],
        "maksimal": list(IPASN_DIMENSIONS.values()),
        "rata_rata": [float(measured[d].mean()) if n else float("nan") for d in IPASN_DIMENSIONS],
    })
    dims["persen_maks"] = dims["rata_rata"] / dims["maksimal"] * 100.0
    return IpAsnResult(value, ipasn_category(value), n, measured, missing, dist, dims)
