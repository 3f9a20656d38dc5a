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
from typing import Mapping

import pandas as pd

from lkjip.indicators.frames import require_columns

from lkjip.contract.rules import ASN_STATUSES, IPASN_DIMENSION_NAMES, IPASN_DIMENSIONS, IPASN_KATEGORI



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
    #: the year of the assessment the scores come from (``pegawai.tahun_penilaian_ip_asn``;
    #: blank = the report year); None when nobody was measured or no report year was given
    tahun_penilaian: int | None = None


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


def assessment_year(pegawai: pd.DataFrame, year: int | None) -> int | None:
    """The IP ASN assessment year of a staff file: ``tahun_penilaian_ip_asn`` of the scored rows,
    blank = ``year`` (contract v1). One file holds one assessment; a mix is a ValueError
    (validation stops the run before, naming the rows).

    >>> df = pd.DataFrame({"kualifikasi": [23.0, None], "tahun_penilaian_ip_asn": pd.array([2022, None], dtype="Int64")})
    >>> assessment_year(df, 2023), assessment_year(df.drop(columns="tahun_penilaian_ip_asn"), 2023)
    (2022, 2023)
    """
    dims = [d for d in IPASN_DIMENSIONS if d in pegawai.columns]
    scored = pegawai[dims].notna().any(axis=1) if dims else pd.Series(False, index=pegawai.index)
    if not scored.any():
        return None
    column = pegawai.get("tahun_penilaian_ip_asn")
    if column is None:
        values = pd.Series(float("nan"), index=pegawai.index)
    else:
        values = pd.to_numeric(column, errors="coerce")
    found = {int(v) for v in values[scored].dropna()}
    if values[scored].isna().any():
        if year is None:
            return None if not found else (found.pop() if len(found) == 1 else _mixed(found))
        found.add(int(year))
    if len(found) > 1:
        _mixed(found)
    return found.pop() if found else None


def _mixed(years) -> None:
    raise ValueError("nilai IP ASN dalam satu berkas pegawai berasal dari beberapa tahun penilaian: "
                     + ", ".join(str(y) for y in sorted(years)))


def ipasn_summary(pegawai: pd.DataFrame, year: int | None = None) -> IpAsnResult:
    """Unit mean, category, distribution and dimension means; with ``year`` also the assessment year."""
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
    tahun = assessment_year(pegawai, year) if n else None
    return IpAsnResult(value, ipasn_category(value), n, measured, missing, dist, dims, tahun)


@dataclass(frozen=True)
class IpAsnPenilaian:
    """Which IP ASN assessment a report year shows, and what it is compared with.

    ``pengganti``: an earlier assessment stands in for the report year (its
    own has not been published). The comparison is assessment with
    assessment: ``pembanding_*`` is the latest *earlier assessment* held by
    an earlier report year (not simply the previous report's figure);
    ``penilaian_baru`` is False when the previous report year already showed
    this same assessment (then there is no new assessment to compare).
    """

    tahun_laporan: int
    tahun_penilaian: int | None
    nilai: float
    kategori: str | None
    pengganti: bool
    penilaian_baru: bool
    pembanding_tahun_penilaian: int | None = None
    pembanding_tahun_laporan: int | None = None
    pembanding_nilai: float = float("nan")
    pembanding_kategori: str | None = None

    @property
    def selisih(self) -> float:
        """nilai - pembanding_nilai (NaN without a comparable earlier assessment)."""
        return self.nilai - self.pembanding_nilai


def ipasn_penilaian(per_year: Mapping[int, IpAsnResult | None], year: int) -> IpAsnPenilaian | None:
    """The assessment shown for ``year`` and its like-with-like comparison (None without scores).

    ``per_year`` maps report years to their :class:`IpAsnResult` (computed
    with the report year, so that ``tahun_penilaian`` is set).

    >>> r = lambda v, t: IpAsnResult(v, ipasn_category(v), 1, *[pd.DataFrame()] * 4, t)
    >>> p = ipasn_penilaian({2022: r(56.0, 2021), 2023: r(89.5, 2022)}, 2023)
    >>> p.tahun_penilaian, p.pengganti, p.penilaian_baru, p.pembanding_tahun_penilaian, p.selisih
    (2022, True, True, 2021, 33.5)
    """
    year = int(year)
    shown = {y: r for y, r in per_year.items() if r is not None and r.jumlah_diukur and y <= year}
    current = shown.get(year)
    if current is None:
        return None
    assessed = current.tahun_penilaian if current.tahun_penilaian is not None else year
    earlier = [y for y in shown if y < year]
    previous = max(earlier) if earlier else None
    prev_assessed = None
    if previous is not None:
        p = shown[previous]
        prev_assessed = p.tahun_penilaian if p.tahun_penilaian is not None else previous
    basis = None
    for y in sorted(earlier, reverse=True):
        t = shown[y].tahun_penilaian if shown[y].tahun_penilaian is not None else y
        if t < assessed:
            basis = (y, t, shown[y])
            break
    out = IpAsnPenilaian(tahun_laporan=year, tahun_penilaian=assessed, nilai=current.nilai,
                         kategori=current.kategori, pengganti=assessed < year,
                         penilaian_baru=prev_assessed is None or prev_assessed != assessed)
    if basis is None:
        return out
    y, t, r = basis
    return IpAsnPenilaian(**{**out.__dict__, "pembanding_tahun_penilaian": t, "pembanding_tahun_laporan": y,
                             "pembanding_nilai": r.nilai, "pembanding_kategori": r.kategori})
