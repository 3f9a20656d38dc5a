"""Bab III B: efficiency and budget realisation.
"""

from __future__ import annotations

from lkjip.fmt import fmt_int, fmt_number, fmt_pct, fmt_rupiah
from lkjip.narrative.common import _DRAFT, _join, _short
from lkjip.markup import md_text

# --------------------------------------------------------------------------- Bab III B

def efisiensi(rep) -> str:
    """Tabel 3.2.4: the efficiency sentence."""
    f = rep.results.pembiayaan
    ok = f.dropna(subset=["tingkat_efisiensi"])
    if not len(ok):
        return _DRAFT + "Tingkat efisiensi tidak dapat dihitung (data anggaran atau capaian tidak tersedia)."
    pos = ok[ok["tingkat_efisiensi"] > 0]
    neg = ok[ok["tingkat_efisiensi"] < 0]
    hi = ok.loc[ok["tingkat_efisiensi"].idxmax()]
    lo = ok.loc[ok["tingkat_efisiensi"].idxmin()]
    if not len(neg):
        text = (f"Tingkat efisiensi seluruh {fmt_int(len(ok))} indikator yang dibiayai anggaran bernilai "
                "positif: persentase capaian kinerja lebih tinggi daripada persentase penyerapan "
                "anggarannya.")
    else:
        text = (f"{fmt_int(len(pos))} dari {fmt_int(len(ok))} indikator yang dibiayai anggaran memiliki "
                "tingkat efisiensi positif; tingkat efisiensi negatif (penyerapan anggaran melebihi "
                "capaian kinerja) terdapat pada "
                + _join([f"{_short(i)} ({fmt_number(v)})" for i, v in
                         zip(neg["indikator"], neg["tingkat_efisiensi"])]) + ".")
    text += (f" Efisiensi tertinggi pada {_short(hi['indikator'])} ({fmt_number(hi['tingkat_efisiensi'])}) "
             f"dan terendah pada {_short(lo['indikator'])} ({fmt_number(lo['tingkat_efisiensi'])}).")
    none = f[f["tingkat_efisiensi"].isna()]
    if len(none):
        text += (f" {_join([_short(i) for i in none['indikator']])} tidak dihitung efisiensinya "
                 "karena tidak dibiayai anggaran tersendiri atau datanya tidak tersedia.")
    return _DRAFT + text


def realisasi_anggaran(rep) -> str:
    """Bab III B: the largest budget share (Tabel 3.2.2) and the totals (Tabel 3.2.5)."""
    f = rep.results.pembiayaan
    parts = []
    spec = f[(f["kode_anggaran"].astype(str) != "total") & f["persen_dari_total"].notna()
             & (f["persen_dari_total"] > 0)]
    if len(spec):
        top = spec.loc[spec["persen_dari_total"].idxmax()]
        parts.append(f"Persentase anggaran terbesar (di luar indikator yang dibiayai seluruh anggaran) "
                     f"adalah untuk indikator {_short(top['indikator'])}, yaitu "
                     f"{fmt_pct(top['persen_dari_total'])} dari pagu.")
    tot = rep.results.anggaran_total
    if tot is not None:
        parts.append(f"Dari pagu anggaran {md_text(rep.unit.nama)} tahun {rep.year} sebesar {fmt_rupiah(tot.pagu)}, "
                     f"realisasi per 31 Desember {rep.year} menurut data program/kegiatan/sub kegiatan "
                     f"sebesar {fmt_rupiah(tot.realisasi)} atau {fmt_pct(tot.persen)}.")
    if not parts:
        return _DRAFT + "Data anggaran per program, kegiatan dan sub kegiatan tidak tersedia."
    return _DRAFT + " ".join(parts)
