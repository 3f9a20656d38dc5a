"""Bab III B: efficiency, budget allocation and realisation.

The budget absorption has one value in the report: the indicator's own (the LRA when the
unit has one). The sub-activity data, whose total may differ by a rounding or posting
difference, appear only in Tabel 3.2.5, where :func:`selisih_sub_kegiatan` explains the gap.
"""

from __future__ import annotations

from lkjip.contract.fmt import fmt_int, fmt_number, fmt_pct, fmt_rupiah, is_missing
from lkjip.contract.markup import md_text
from lkjip.contract.rules import EPS
from lkjip.document.narrative.capaian import _largest_unabsorbed
from lkjip.document.narrative.common import _DRAFT, _join, _short
from lkjip.document.shown import shown_value
from lkjip.indicators import budget as _budget

# --------------------------------------------------------------------------- Bab III B

def efisiensi(rep) -> str:
    """Tabel 3.2.4: the efficiency sentence (from the printed columns)."""
    f = rep.pembiayaan
    ok = f.dropna(subset=["tingkat_efisiensi"])
    if not len(ok):
        return _DRAFT + "Tingkat efisiensi tidak dapat dihitung (data anggaran atau capaian tidak tersedia)."
    pos = ok[ok["tingkat_efisiensi"] > EPS]
    zero = ok[ok["tingkat_efisiensi"].abs() <= EPS]
    neg = ok[ok["tingkat_efisiensi"] < -EPS]
    hi = ok.loc[ok["tingkat_efisiensi"].idxmax()]
    lo = ok.loc[ok["tingkat_efisiensi"].idxmin()]
    text = ("Tingkat efisiensi adalah persentase capaian kinerja dikurangi persentase penyerapan "
            "anggaran, keduanya sebagaimana tercetak pada tabel. ")
    if len(pos) == len(ok):
        text += (f"Tingkat efisiensi seluruh {fmt_int(len(ok))} indikator yang dibiayai anggaran bernilai "
                 "positif: persentase capaian kinerja lebih tinggi daripada persentase penyerapan "
                 "anggarannya.")
    else:
        bits = [f"{fmt_int(len(pos))} dari {fmt_int(len(ok))} indikator yang dibiayai anggaran memiliki "
                "tingkat efisiensi positif"]
        if len(zero):
            bits.append("tingkat efisiensi nol (capaian kinerja sama dengan penyerapan anggaran) pada "
                        + _join([_short(i, iku=rep.results.iku) for i in zero["indikator"]]))
        if len(neg):
            bits.append("tingkat efisiensi negatif (penyerapan anggaran melebihi capaian kinerja) pada "
                        + _join([f"{_short(i, iku=rep.results.iku)} ({fmt_number(v)})" for i, v in
                                 zip(neg["indikator"], neg["tingkat_efisiensi"])]))
        text += "; ".join(bits) + "."
    if len(ok) > 1:
        text += (f" Efisiensi tertinggi pada {_short(hi['indikator'], iku=rep.results.iku)} ({fmt_number(hi['tingkat_efisiensi'])}) "
                 f"dan terendah pada {_short(lo['indikator'], iku=rep.results.iku)} ({fmt_number(lo['tingkat_efisiensi'])}).")
    none = f[f["tingkat_efisiensi"].isna()]
    if len(none):
        text += (f" {_join([_short(i, iku=rep.results.iku) for i in none['indikator']])} tidak dihitung efisiensinya "
                 "karena tidak dibiayai anggaran tersendiri atau datanya tidak tersedia.")
    return _DRAFT + text


def realisasi_anggaran(rep) -> str:
    """Bab III B: the largest budget share (Tabel 3.2.2) and the absorption of the year."""
    f = rep.pembiayaan
    parts = []
    spec = f[(f["kode_anggaran"].map(lambda k: "" if is_missing(k) else str(k)) != "total")
             & f["persen_dari_total"].notna()
             & (f["persen_dari_total"] > 0)]
    if len(spec):
        top = spec.loc[spec["persen_dari_total"].idxmax()]
        parts.append(f"Persentase anggaran terbesar (di luar indikator yang dibiayai seluruh anggaran) "
                     f"adalah untuk indikator {_short(top['indikator'], iku=rep.results.iku)}, yaitu "
                     f"{fmt_pct(top['persen_dari_total'])} dari pagu.")
    pen = rep.results.penyerapan
    if pen is not None:
        src = " menurut Laporan Realisasi Anggaran" if "rekening" in str(pen.sumber) else ""
        parts.append(f"Dari pagu anggaran {md_text(rep.unit.nama)} tahun {rep.year} sebesar {fmt_rupiah(pen.anggaran)}, "
                     f"realisasi per 31 Desember {rep.year}{src} sebesar {fmt_rupiah(pen.realisasi)} atau "
                     f"{fmt_pct(pen.persen)}.")
    if not parts:
        return _DRAFT + "Data anggaran per program, kegiatan dan sub kegiatan tidak tersedia."
    return _DRAFT + " ".join(parts)


def selisih_sub_kegiatan(rep) -> str:
    """Under Tabel 3.2.5: why its total may differ from the budget absorption shown elsewhere.

    Empty when the sub-activity total equals the indicator's realisation.
    """
    pen, tot = rep.results.penyerapan, rep.results.anggaran_total
    if pen is None or tot is None or abs(tot.realisasi - pen.realisasi) < 0.5:
        return ""
    more = "lebih besar" if tot.realisasi > pen.realisasi else "lebih kecil"
    return (f"Jumlah realisasi per sub kegiatan pada tabel ini, {fmt_rupiah(tot.realisasi)} "
            f"({fmt_pct(tot.persen)}), {more} {fmt_rupiah(abs(tot.realisasi - pen.realisasi))} daripada "
            f"realisasi belanja menurut Laporan Realisasi Anggaran ({fmt_rupiah(pen.realisasi)}; "
            f"{fmt_pct(pen.persen)}). Persentase realisasi anggaran yang dipakai sebagai indikator dan di "
            f"seluruh laporan ini adalah {fmt_pct(pen.persen)} dari Laporan Realisasi Anggaran; tabel ini "
            "menyajikan rincian per sub kegiatan sebagaimana dicatat dalam data anggaran.")


def efisiensi_sumber_daya(rep) -> str:
    """Bab III A 6 (drafted): how much of the budget was used and where the rest stayed."""
    pen = rep.results.penyerapan
    if pen is None:
        return "Data anggaran tahun ini tidak tersedia, sehingga efisiensi penggunaan sumber daya tidak dianalisis."
    sisa = pen.anggaran - pen.realisasi
    # the cross-reference first: an analyst's "Hal ini karena ..." that follows refers to the last sentence
    text = ("Perbandingan persentase capaian kinerja dengan persentase penyerapan anggaran per indikator "
            "disajikan pada bagian B (Efisiensi Penggunaan Sumber Daya). ")
    text += (f"Pada tahun {rep.year} penyerapan anggaran {md_text(rep.unit.nama)} mencapai {fmt_pct(pen.persen)}, "
            f"yaitu {fmt_rupiah(pen.realisasi)} dari pagu {fmt_rupiah(pen.anggaran)}; anggaran yang tidak "
            f"terserap {fmt_rupiah(sisa)}.")
    big = _largest_unabsorbed(rep)
    if big is not None and sisa > 0:
        row, amount = big
        text += (f" Sisa terbesar berasal dari sub kegiatan {md_text(row['uraian'])} ({fmt_rupiah(amount)}, "
                 f"{fmt_pct(amount / sisa * 100)} dari seluruh sisa).")
    return text


def program_pendukung(rep) -> str:
    """Bab III A 7 (drafted): each programme, its absorption and the indicators it finances."""
    prog = rep.anggaran_program
    f = rep.pembiayaan
    if prog is None or not len(prog) or f is None:
        return "Data anggaran per program tidak tersedia, sehingga program pendukung tidak dianalisis."

    h = _budget.budget_hierarchy(rep.dataset("anggaran"))
    codes = h[h["tingkat"] == "program"]["kode"].astype(str).tolist()
    cap = rep.capaian.set_index("indikator")["capaian_pct"]
    lines = [f"Program yang dijalankan {md_text(rep.unit.nama)} pada tahun {rep.year} dan indikator kinerja "
             "yang didukungnya:", ""]
    for code, (_, p) in zip(codes, prog.iterrows()):
        pct = shown_value(p["realisasi"] / p["pagu"] * 100 if p["pagu"] else float("nan"), decimals=2)
        kodes = ["" if is_missing(k) else str(k) for k in f["kode_anggaran"]]
        inds = [i for i, k in zip(f["indikator"], kodes) if k == code or k.startswith(code + ".")]
        what = (" mendukung " + _join([f"{_short(i, iku=rep.results.iku)} (capaian {fmt_pct(cap.get(i))})" for i in inds])
                if inds else "")
        lines.append(f"- {md_text(p['program'])}: penyerapan {fmt_pct(pct)} ({fmt_rupiah(p['realisasi'])} dari "
                     f"{fmt_rupiah(p['pagu'])}){what}.")
    return "\n".join(lines)
