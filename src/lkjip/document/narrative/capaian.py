"""Bab III A: the sentences under Tabel 3.1.1 - 3.1.3 and the analysis of each indicator.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_int, fmt_number, fmt_pct, fmt_rupiah, is_missing
from lkjip.document.narrative.common import (
    _DRAFT,
    _data_text,
    analyst_text,
    _join,
    _met,
    _published,
    _row,
    _short,
    fmt_difference,
    fmt_value,
)
from lkjip.document.shown import compare
from lkjip.contract.rules import EPS, INDICATOR_IDS, TARGET_PCT, direction, get_indicator, target_met, tolerance
from lkjip.indicators.targets import CAPAIAN_UNDEFINED
from lkjip.contract.markup import md_text

# --------------------------------------------------------------------------- Bab III A tables

def pengukuran(rep) -> str:
    """Bab III A's opening: how capaian is measured, the comparison rule and the categories."""
    from lkjip.document.shown import RULE_TEXT
    from lkjip.contract.rules.bands import CAPAIAN_KATEGORI

    bands = ", ".join(f"{b.label} {b.range_text}" for b in CAPAIAN_KATEGORI.bands)
    return (f"Pengukuran capaian kinerja membandingkan realisasi setiap indikator tahun {rep.year} dengan "
            "target dalam Perjanjian Kinerja. Capaian (%) = realisasi / target × 100; kategori capaian "
            f"mengikuti {CAPAIAN_KATEGORI.regulation} ({bands}).\n\n" + RULE_TEXT)



def tabel_3_1_1_text(rep) -> str:
    t = rep.capaian
    cap = pd.to_numeric(t["capaian_pct"], errors="coerce")
    over = [_short(i) for i, c in zip(t["indikator"], cap) if pd.notna(c) and direction(c, TARGET_PCT) > 0]
    eq = [_short(i) for i, c in zip(t["indikator"], cap) if pd.notna(c) and direction(c, TARGET_PCT) == 0]
    under = [f"{_short(i)} dengan capaian {fmt_pct(c)}" for i, c in zip(t["indikator"], cap)
             if target_met(c) is False]
    none = [_short(i) for i, c in zip(t["indikator"], cap) if pd.isna(c)]
    parts = []
    if over:
        parts.append(f"{len(over)} indikator melampaui target ({_join(over)})")
    if eq:
        parts.append(f"{len(eq)} indikator tepat sesuai target ({_join(eq)})")
    if under:
        parts.append(f"{len(under)} indikator belum mencapai target, yaitu {_join(under)}")
    text = f"Dari tabel di atas, pada tahun {rep.year} " + _join(parts) + "." if parts else ""
    if none:
        text += (f" Capaian {_join(none)} tidak dapat dihitung karena data realisasi atau "
                 "targetnya tidak tersedia, atau targetnya 0.")
    return _DRAFT + text.strip()


def tabel_3_1_2_text(rep) -> str:
    prev_year = max((y for y in rep.per_year if y < rep.year), default=None)
    if prev_year is None:
        return _DRAFT + (f"Data tahun sebelum {rep.year} tidak tersedia, sehingga perbandingan "
                         "antartahun belum dapat disajikan.")
    ups, downs = [], []
    for ind in INDICATOR_IDS:
        prev = rep.previous(ind)
        cur = _row(rep, ind)["realisasi"]
        if prev is None or is_missing(cur):
            continue
        d = compare(cur, prev[1])
        if d > 0:
            ups.append(_short(ind))
        elif d < 0:
            downs.append(f"{_short(ind)} ({fmt_value(ind, prev[1])} menjadi {fmt_value(ind, cur)})")
    text = f"Dibandingkan tahun {prev_year}, "
    bits = []
    if ups:
        bits.append(f"realisasi {len(ups)} indikator meningkat ({_join(ups)})")
    if downs:
        bits.append(f"{len(downs)} indikator menurun: {_join(downs)}")
    if not bits:
        bits.append("realisasi seluruh indikator tetap")
    text += "; ".join(bits) + "."
    if rep.catatan:
        text += " " + " ".join(md_text(c) for c in rep.catatan)
    return _DRAFT + text


def _kemajuan(rep) -> list[tuple[str, float]]:
    """(indicator, tingkat kemajuan) from the printed realisasi and the Renstra end target."""
    from lkjip.document.shown import shown_capaian, shown_value

    t = rep.results.renstra_akhir
    real = rep.capaian.set_index("indikator")["realisasi"]
    out = []
    for i, end in zip(t["indikator"], t["target_akhir"]):
        polarity = get_indicator(i).polarity if i in INDICATOR_IDS else "higher"
        out.append((i, shown_capaian(real.get(i), shown_value(end, i), polarity)))
    return out


def tabel_3_1_3_text(rep) -> str:
    t = rep.results.renstra_akhir
    kem = _kemajuan(rep)
    done = [_short(i) for i, k in kem if target_met(k)]
    notyet = [f"{_short(i)} {fmt_pct(k)}" for i, k in kem if target_met(k) is False]
    end_year = pd.to_numeric(t["tahun_akhir"], errors="coerce").max()
    parts = []
    if done:
        parts.append(f"{len(done)} indikator telah mencapai target akhir Renstra ({_join(done)})")
    if notyet:
        parts.append(f"{len(notyet)} indikator belum, dengan tingkat kemajuan {_join(notyet)}")
    if not parts:
        return _DRAFT + "Target akhir Renstra tidak tersedia, sehingga tingkat kemajuan tidak dihitung."
    period = f" (target akhir tahun {int(end_year)})" if pd.notna(end_year) else ""
    return _DRAFT + f"Sampai dengan tahun {rep.year}{period}, " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- per indicator

def _base_sentence(rep, ind: str) -> str:
    r = _row(rep, ind)
    nama = get_indicator(ind).nama
    if is_missing(r["realisasi"]):
        return (f"Indikator {nama} tahun {rep.year} tidak dapat diukur karena data "
                f"{_data_text(ind)} tidak tersedia.")
    real = fmt_value(ind, r["realisasi"])
    if is_missing(r["target"]):
        return (f"Indikator {nama} tahun {rep.year} terealisasi {real}; target tahun ini belum "
                "ditetapkan, sehingga capaian tidak dapat dihitung.")
    if is_missing(r["capaian_pct"]):
        return (f"Indikator {nama} tahun {rep.year} terealisasi {real} dari target "
                f"{fmt_value(ind, r['target'], compact=True)}; karena targetnya 0, capaian {CAPAIAN_UNDEFINED}.")
    text = (f"Indikator {nama} tahun {rep.year} terealisasi {real} dari target "
            f"{fmt_value(ind, r['target'], compact=True)}, sehingga capaiannya "
            f"{fmt_pct(r['capaian_pct'])} (kategori capaian {r['kategori']}).")
    met = _met(r)
    if met:
        text += " Target tercapai." if compare(r["realisasi"], r["target"]) == 0 else " Target terlampaui."
    elif met is False:
        gap = abs(float(r["target"]) - float(r["realisasi"]))
        side = "di atas" if get_indicator(ind).polarity == "lower" else "di bawah"
        text += f" Target belum tercapai; realisasi masih {fmt_difference(ind, gap)} {side} target."
    return text


def ipasn_assessment(rep):
    """The IP ASN assessment the report year shows (:class:`lkjip.indicators.ipasn.IpAsnPenilaian`) or None."""
    return getattr(rep, "ip_asn_penilaian", None)


def _ipasn_change(rep) -> str:
    """IP ASN compared like with like: this assessment with the latest earlier one."""
    from lkjip.document.shown import compare, shown_value

    p = ipasn_assessment(rep)
    if p is None:
        return None
    text = ""
    if p.pengganti:
        text += (f" Hasil pengukuran IP ASN tahun {rep.year} belum diterbitkan, sehingga yang dipakai adalah hasil "
                 f"pengukuran tahun {p.tahun_penilaian}.")
    if not p.penilaian_baru:
        return text + (f" Belum ada pengukuran baru sejak LKjIP tahun sebelumnya, yang memakai hasil pengukuran "
                       f"yang sama (tahun {p.tahun_penilaian}).")
    if p.pembanding_tahun_penilaian is None or is_missing(p.pembanding_nilai):
        return text
    now, before = shown_value(p.nilai, "ip_asn"), shown_value(p.pembanding_nilai, "ip_asn")
    d = compare(now, before)
    used = (f", dipakai pada LKjIP tahun {p.pembanding_tahun_laporan}"
            if p.pembanding_tahun_laporan not in (None, p.pembanding_tahun_penilaian) else "")
    if d == 0:
        return text + (f" Nilainya sama dengan hasil pengukuran tahun {p.pembanding_tahun_penilaian} "
                       f"({fmt_value('ip_asn', before)}{used}).")
    return text + (f" Dibandingkan hasil pengukuran tahun {p.pembanding_tahun_penilaian} "
                   f"({fmt_value('ip_asn', before)}{used}), nilainya {'naik' if d > 0 else 'turun'} "
                   f"{fmt_difference('ip_asn', abs(now - before))}.")


def _change_sentence(rep, ind: str) -> str:
    if ind == "ip_asn":
        like = _ipasn_change(rep)
        if like is not None:
            return like
    prev = rep.previous(ind)
    cur = _row(rep, ind)["realisasi"]
    if prev is None or is_missing(cur):
        return ""
    y, pv = prev
    d = compare(cur, pv)
    if d == 0:
        return f" Realisasi sama dengan tahun {y} ({fmt_value(ind, pv)})."
    arah = "naik" if d > 0 else "turun"
    return (f" Dibandingkan tahun {y} ({fmt_value(ind, pv)}), realisasi {arah} "
            f"{fmt_difference(ind, abs(float(cur) - pv))}.")


def _published_sentence(rep, ind: str) -> str:
    cur = _row(rep, ind)["realisasi"]
    pub = _published(rep, ind)
    if not pub or is_missing(cur):
        return ""
    differ = [v for v in pub if abs(v - float(cur)) >= tolerance(2)]
    if not differ:
        return ""
    return (f" Angka yang tercetak di dokumen resmi tahun ini ({_join([fmt_value(ind, v) for v in differ])}) "
            "berbeda dengan hasil hitung ulang dari data; selisihnya dirinci dalam laporan audit.")


def _ikm_detail(rep) -> str:
    ikm, s = rep.results.ikm, rep.results.ikm_sampel
    if ikm is None:
        return ""
    text = (f" Nilai dihitung dari {fmt_int(ikm.responden)} responden menurut PermenPAN-RB Nomor 14 "
            f"Tahun 2017, dengan bobot NRR {ikm.bobot_label}; mutu pelayanan {ikm.mutu or '–'}"
            f"{f' ({ikm.kinerja})' if ikm.kinerja else ''}.")
    u = ikm.unsur.dropna(subset=["nrr"])
    if len(u):
        lo = u.loc[u["nrr"].idxmin()]
        hi = u.loc[u["nrr"].idxmax()]
        text += (f" Unsur dengan nilai terendah adalah {lo['unsur']} {lo['nama_unsur']} (NRR "
                 f"{fmt_number(lo['nrr'])}) dan tertinggi {hi['unsur']} {hi['nama_unsur']} (NRR "
                 f"{fmt_number(hi['nrr'])}).")
    if s is not None:
        if s.cukup:
            text += (f" Jumlah responden memenuhi sampel minimum Krejcie-Morgan sebanyak "
                     f"{fmt_int(s.minimum)} responden untuk {fmt_int(s.populasi)} layanan setahun.")
        else:
            text += (f" Jumlah responden BELUM memenuhi sampel minimum Krejcie-Morgan sebanyak "
                     f"{fmt_int(s.minimum)} responden untuk {fmt_int(s.populasi)} layanan setahun "
                     f"(kurang {fmt_int(s.minimum - s.responden)}); hasil survei perlu dibaca hati-hati.")
    else:
        text += " Kecukupan sampel tidak dapat diperiksa karena jumlah layanan setahun tidak tersedia."
    return text


def _printed_paten_total(rep) -> float | None:
    """The JUMLAH row the PATEN report printed (its ``jumlah`` column), if the data carry one."""
    d = rep.dataset("paten_layanan")
    if d is None or "adalah_total" not in d.columns or "jumlah" not in d.columns:
        return None
    v = pd.to_numeric(d.loc[d["adalah_total"].fillna(False).astype(bool), "jumlah"], errors="coerce").dropna()
    return float(v.iloc[-1]) if len(v) else None


def _layanan_detail(rep) -> str:
    ly = rep.results.layanan
    if ly is None:
        return ""
    per = ly.per_layanan
    text = (f" Menurut rincian bulanannya tercatat {fmt_int(ly.total)} layanan PATEN dari "
            f"{fmt_int(len(per))} jenis layanan.")
    printed = _printed_paten_total(rep)
    if printed is not None and abs(printed - ly.total) >= 0.5:
        text += (f" Baris jumlah laporan PATEN mencetak {fmt_int(printed)} layanan (selisih "
                 f"{fmt_int(abs(printed - ly.total))}); laporan ini memakai rincian bulanan.")
    differ = int((pd.to_numeric(per["selisih"], errors="coerce").fillna(0).abs() >= 0.5).sum())
    if differ:
        text += (f" Jumlah tahunan yang tercetak untuk {fmt_int(differ)} jenis layanan berbeda dengan "
                 "jumlah bulanannya; rinciannya ada dalam laporan audit.")
    d = rep.dataset("paten_layanan")
    recorded = d is not None and "tidak_sesuai_standar" in d.columns
    if not recorded:
        text += (" Data layanan tidak mencatat layanan yang tidak sesuai standar, sehingga persentase "
                 "pelayanan sesuai standar dihitung dengan menganggap semua layanan sesuai standar.")
    elif ly.tidak_sesuai:
        text += (f" Sebanyak {fmt_int(ly.tidak_sesuai)} layanan dicatat tidak sesuai standar pelayanan, "
                 f"sehingga yang sesuai standar {fmt_int(ly.sesuai)} dari {fmt_int(ly.total)} layanan.")
    else:
        text += (f" Tidak ada layanan yang dicatat tidak sesuai standar pelayanan, sehingga yang sesuai "
                 f"standar {fmt_int(ly.sesuai)} dari {fmt_int(ly.total)} layanan.")
    if ly.total and len(per):
        top = per.loc[per["jumlah_hitung"].idxmax()]
        b = ly.per_bulan
        peak = b.loc[b["jumlah"].idxmax()]
        low = b.loc[b["jumlah"].idxmin()]
        text += (f" Layanan terbanyak adalah {md_text(top['layanan'])} ({fmt_int(top['jumlah_hitung'])} layanan); "
                 f"bulan tersibuk {peak['nama_bulan']} ({fmt_int(peak['jumlah'])}) dan tersepi "
                 f"{low['nama_bulan']} ({fmt_int(low['jumlah'])}).")
        if ly.tidak_sesuai:
            bad = per[per["tidak_sesuai_standar"] > 0].sort_values("tidak_sesuai_standar",
                                                                   ascending=False, kind="stable")
            if len(bad):
                w = bad.iloc[0]
                text += (f" Layanan tidak sesuai standar terbanyak pada {md_text(w['layanan'])} "
                         f"({fmt_int(w['tidak_sesuai_standar'])}).")
    return text


def _koordinasi_detail(rep) -> str:
    k = rep.results.koordinasi
    if k is None:
        return ""
    text = (f" Tercatat {fmt_int(k.fasilitasi)} fasilitasi, rekomendasi dan koordinasi, "
            f"{fmt_int(k.tindak_lanjut)} di antaranya ditindaklanjuti.")
    s = k.per_seksi.dropna(subset=["persen"])
    if len(s):
        if all(target_met(v) for v in s["persen"]):
            text += f" Seluruh {fmt_int(len(s))} seksi menindaklanjuti 100% hasil koordinasinya."
        else:
            lo = s.loc[s["persen"].idxmin()]
            text += (f" Tindak lanjut terendah ada pada {md_text(lo['seksi'])}: {fmt_int(lo['tindak_lanjut'])} "
                     f"dari {fmt_int(lo['fasilitasi'])} ({fmt_pct(lo['persen'])}).")
    return text


def _sakip_weakest(sakip):
    k = sakip.komponen.dropna(subset=["persen_maks"])
    return None if not len(k) else k.loc[k["persen_maks"].idxmin()]


def _sakip_detail(rep) -> str:
    sk = rep.results.sakip
    if sk is None:
        return ""
    text = f" Predikat SAKIP {sk.predikat or '–'}"
    text += f" ({sk.keterangan})." if sk.keterangan else "."
    w = _sakip_weakest(sk)
    if w is not None:
        text += (f" Komponen terlemah terhadap bobotnya adalah {w['nama_komponen']}: "
                 f"{fmt_number(w['nilai'])} dari {fmt_number(w['bobot'])} ({fmt_pct(w['persen_maks'])}).")
    prev = rep.previous_results()
    if prev is not None and prev.sakip is not None:
        a = prev.sakip.komponen.set_index("komponen")["nilai"]
        b = sk.komponen.set_index("komponen")
        deltas = [(c, float(b.loc[c, "nilai"]) - float(a[c]), b.loc[c, "nama_komponen"])
                  for c in b.index if c in a.index and pd.notna(a[c]) and pd.notna(b.loc[c, "nilai"])]
        if deltas:
            falls = sorted([d for d in deltas if d[1] < -EPS], key=lambda d: d[1])
            rises = sorted([d for d in deltas if d[1] > EPS], key=lambda d: -d[1])
            if falls:
                text += (f" Dibandingkan tahun {prev.year}, {len(falls)} komponen menurun; penurunan "
                         f"terbesar pada {falls[0][2]} (−{fmt_number(-falls[0][1])}).")
            if rises:
                text += (f" Kenaikan terbesar pada {rises[0][2]} (+{fmt_number(rises[0][1])}).")
    return text


def _largest_unabsorbed(rep):
    from lkjip.indicators import budget as _budget

    ang = rep.dataset("anggaran")
    if ang is None:
        return None
    h = _budget.budget_hierarchy(ang)
    leaves = h[h["tingkat"] == "sub_kegiatan"]
    if not len(leaves):
        leaves = h
    sisa = leaves["pagu"] - leaves["realisasi"]
    if not len(sisa) or sisa.max() <= 0:
        return None
    i = sisa.idxmax()
    return leaves.loc[i], float(sisa[i])


def _anggaran_detail(rep) -> str:
    pen = rep.results.penyerapan
    if pen is None:
        return ""
    sisa = pen.anggaran - pen.realisasi
    text = (f" Dari anggaran belanja {fmt_rupiah(pen.anggaran)} terealisasi {fmt_rupiah(pen.realisasi)}, "
            f"sehingga anggaran yang tidak terserap {fmt_rupiah(sisa)}.")
    big = _largest_unabsorbed(rep)
    if big is not None:
        row, amount = big
        share = amount / sisa * 100 if sisa > 0 else float("nan")
        text += (f" Sisa terbesar berasal dari sub kegiatan {md_text(row['uraian'])} ({fmt_rupiah(amount)}, "
                 f"penyerapan {fmt_pct(row['persen'])}")
        text += f"; {fmt_pct(share)} dari seluruh sisa anggaran)." if not is_missing(share) else ")."
    if _from_lra(pen):
        text += " Realisasi indikator ini diambil dari Laporan Realisasi Anggaran (LRA)."
    return text


def _from_lra(pen) -> bool:
    return pen is not None and "rekening" in str(pen.sumber)


def _ipasn_detail(rep) -> str:
    ip = rep.results.ipasn
    if ip is None:
        return ""
    d = ip.distribusi[ip.distribusi["jumlah"] > 0]
    text = (f" Nilai adalah rata-rata {fmt_int(ip.jumlah_diukur)} ASN yang diukur (kategori IP ASN "
            f"{ip.kategori or '–'}); sebaran kategori IP ASN per pegawai: "
            + _join([f"{fmt_int(n)} orang {k}" for k, n in zip(d["kategori"], d["jumlah"])]) + ".")
    dims = ip.rata_dimensi.dropna(subset=["persen_maks"])
    if len(dims):
        lo = dims.loc[dims["persen_maks"].idxmin()]
        text += (f" Dimensi terlemah adalah {lo['nama_dimensi']}: rata-rata {fmt_number(lo['rata_rata'])} "
                 f"dari maksimal {fmt_number(lo['maksimal'])} ({fmt_pct(lo['persen_maks'])}).")
    if len(ip.tidak_diukur):
        text += (f" {fmt_int(len(ip.tidak_diukur))} ASN tidak diukur (keluar/pindah sebelum "
                 "pengukuran atau dimensinya tidak lengkap).")
    return text


def _inovasi_detail(rep) -> str:
    ino = rep.results.inovasi
    if ino is None:
        return ""
    if not ino.jumlah:
        return " Tidak ada inovasi aktif yang ditetapkan dengan SK."
    names = [f"{md_text(n)} (SK {md_text(s)})" for n, s in zip(ino.aktif["nama"], ino.aktif["nomor_sk"])]
    return f" Inovasi yang aktif dan ditetapkan dengan SK: {_join(names)}."


_DETAIL = {
    "ikm": _ikm_detail,
    "layanan_sesuai_standar_pct": _layanan_detail,
    "koordinasi_ditindaklanjuti_pct": _koordinasi_detail,
    "sakip": _sakip_detail,
    "realisasi_anggaran_pct": _anggaran_detail,
    "ip_asn": _ipasn_detail,
    "jumlah_inovasi": _inovasi_detail,
}


def analisis_indikator(rep, indicator: str) -> str:
    """Bab III analysis paragraph of one indicator (realisasi vs target, change
    from the previous year, the indicator's own class and its details)."""
    text = _base_sentence(rep, indicator)
    if not is_missing(_row(rep, indicator)["realisasi"]):
        text += _change_sentence(rep, indicator)
        text += _DETAIL[indicator](rep)
        text += _published_sentence(rep, indicator)
    for key in (f"faktor_keberhasilan.{indicator}", f"hambatan.{indicator}"):
        extra = analyst_text(rep, key)
        if extra:
            text += "\n\n" + extra
    return _DRAFT + text
