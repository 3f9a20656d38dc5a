"""Bab III A: the sentences under Tabel 3.1.1 - 3.1.3 and the analysis of each indicator.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_int, fmt_number, fmt_pct, fmt_rupiah, is_missing
from lkjip.document.narrative.common import (
    _DRAFT,
    _data_text,
    _iku_ids,
    _nama,
    _not_available,
    analyst_text,
    _join,
    _met,
    _row,
    _short,
    fmt_difference,
    fmt_value,
)
from lkjip.document.shown import RULE_TEXT, compare, polarity_of, shown_capaian, shown_value
from lkjip.indicators.declared import default_declaration
from lkjip.contract.rules import EPS, TARGET_PCT, direction, target_met
from lkjip.document.narrative.printed_figures import differing, printed_figures
from lkjip.indicators.targets import CAPAIAN_UNDEFINED
from lkjip.contract.markup import md_text
from lkjip.document.narrative.resmi import printed_elsewhere
from lkjip.indicators import budget as _budget

# --------------------------------------------------------------------------- Bab III A tables

def pengukuran(rep) -> str:
    """Bab III A's opening: how capaian is measured, the comparison rule and the categories."""
    table = rep.unit.capaian_bands
    bands = ", ".join(f"{b.label} {b.range_text}" for b in table.bands)
    lower = [md_text(_short(i.kode, iku=rep.results.iku)) for i in rep.results.iku if i.polaritas == "turun"]
    rule = ""
    if lower:
        rasio = rep.unit.capaian_turun == "rasio"
        rule = (f" (untuk indikator yang makin rendah makin baik, yaitu {_join(lower)}: capaian (%) = "
                + ("target / realisasi × 100)" if rasio else "(2 × target − realisasi) / target × 100)"))
    return (f"Pengukuran capaian kinerja membandingkan realisasi setiap indikator tahun {rep.year} dengan "
            "target dalam Perjanjian Kinerja. Capaian (%) = realisasi / target × 100" + rule + "; kategori capaian "
            f"mengikuti {table.regulation} ({bands}).\n\n" + RULE_TEXT)


def own_iku(rep) -> bool:
    """Whether the unit declares its own IKU (``indikator.csv``), not the seven kecamatan IKU."""
    return tuple(rep.results.iku) != tuple(i for i in default_declaration() if i.in_force(rep.year))


def capaian_kinerja_unit_text(rep) -> str:
    """The capaian kinerja unit line under Tabel 3.1.1: the mean capaian of the IKU that have one (as
    printed), the rule, and the IKU left out with the reason. Printed for a unit that declares its own
    IKU (the seven kecamatan IKU's report is kept as published)."""
    if not own_iku(rep):
        return ""
    t = rep.capaian
    have = t[pd.to_numeric(t["capaian_pct"], errors="coerce").notna()]
    left = [i for i in t["indikator"] if i not in set(have["indikator"])]
    out = [f"{md_text(_short(i, iku=rep.results.iku))} ({_why_not(rep, i)})" for i in left]
    if not len(have):
        return ("Capaian kinerja unit tidak dapat dihitung: tidak ada IKU yang capaiannya dapat dihitung"
                + (f" ({_join(out)})." if out else "."))

    mean = shown_value(float(pd.to_numeric(have["capaian_pct"]).mean()), decimals=2)
    text = (f"Capaian kinerja unit: rata-rata capaian {fmt_int(len(have))} IKU yang dapat dihitung = "
            f"{fmt_pct(mean)}")
    return text + (f"; tidak dihitung: {_join(out)}." if out else ".")


def _why_not(rep, ind: str) -> str:
    """Why an IKU has no capaian, in a few words: belum tersedia, target 0, no target, no data."""
    r = _row(rep, ind)
    if is_missing(r["realisasi"]):
        return "belum tersedia" if _not_available(rep, ind) else "data realisasi tidak tersedia"
    if is_missing(r["target"]):
        return "target belum ditetapkan"
    return "target 0" if float(r["target"]) == 0 else CAPAIAN_UNDEFINED



def tabel_3_1_1_text(rep) -> str:
    t = rep.capaian
    cap = pd.to_numeric(t["capaian_pct"], errors="coerce")
    over = [_short(i, iku=rep.results.iku) for i, c in zip(t["indikator"], cap) if pd.notna(c) and direction(c, TARGET_PCT) > 0]
    eq = [_short(i, iku=rep.results.iku) for i, c in zip(t["indikator"], cap) if pd.notna(c) and direction(c, TARGET_PCT) == 0]
    under = [f"{_short(i, iku=rep.results.iku)} dengan capaian {fmt_pct(c)}" for i, c in zip(t["indikator"], cap)
             if target_met(c) is False]
    none = [_short(i, iku=rep.results.iku) for i, c in zip(t["indikator"], cap) if pd.isna(c)]
    pending = [_short(i, iku=rep.results.iku) for i, c in zip(t["indikator"], cap)
               if pd.isna(c) and is_missing(_row(rep, i)["realisasi"]) and _not_available(rep, i)]
    none = [n for n in none if n not in pending]
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
    if pending:
        text += f" Realisasi {_join(pending)} belum tersedia, sehingga capaiannya belum dapat dihitung."
    return _DRAFT + text.strip()


def tabel_3_1_2_text(rep) -> str:
    prev_year = max((y for y in rep.per_year if y < rep.year), default=None)
    if prev_year is None:
        return _DRAFT + (f"Data tahun sebelum {rep.year} tidak tersedia, sehingga perbandingan "
                         "antartahun belum dapat disajikan.")
    ups, downs = [], []
    for ind in _iku_ids(rep):
        prev = rep.previous(ind)
        cur = _row(rep, ind)["realisasi"]
        if prev is None or is_missing(cur):
            continue
        d = compare(cur, prev[1])
        if d > 0:
            ups.append(_short(ind, iku=rep.results.iku))
        elif d < 0:
            downs.append(f"{_short(ind, iku=rep.results.iku)} ({fmt_value(ind, prev[1], iku=rep.results.iku)} menjadi {fmt_value(ind, cur, iku=rep.results.iku)})")
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
    t = rep.results.renstra_akhir
    real = rep.capaian.set_index("indikator")["realisasi"]
    out = []
    for i, end in zip(t["indikator"], t["target_akhir"]):
        iku = rep.results.iku
        out.append((i, shown_capaian(real.get(i), shown_value(end, i, iku=iku), polarity_of(i, iku))))
    return out


def tabel_3_1_3_text(rep) -> str:
    t = rep.results.renstra_akhir
    kem = _kemajuan(rep)
    done = [_short(i, iku=rep.results.iku) for i, k in kem if target_met(k)]
    notyet = [f"{_short(i, iku=rep.results.iku)} {fmt_pct(k)}" for i, k in kem if target_met(k) is False]
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
    nama = md_text(_nama(rep, ind))
    if is_missing(r["realisasi"]) and _not_available(rep, ind):
        return (f"Indikator {nama} tahun {rep.year}: realisasi belum tersedia "
                f"({md_text(_not_available(rep, ind))}), sehingga capaian {CAPAIAN_UNDEFINED}.")
    if is_missing(r["realisasi"]):
        return (f"Indikator {nama} tahun {rep.year} tidak dapat diukur karena data "
                f"{_data_text(ind, iku=rep.results.iku)} tidak tersedia.")
    real = fmt_value(ind, r["realisasi"], iku=rep.results.iku)
    if is_missing(r["target"]):
        return (f"Indikator {nama} tahun {rep.year} terealisasi {real}; target tahun ini belum "
                "ditetapkan, sehingga capaian tidak dapat dihitung.")
    if is_missing(r["capaian_pct"]):
        return (f"Indikator {nama} tahun {rep.year} terealisasi {real} dari target "
                f"{fmt_value(ind, r['target'], compact=True, iku=rep.results.iku)}; karena targetnya 0, capaian {CAPAIAN_UNDEFINED}.")
    text = (f"Indikator {nama} tahun {rep.year} terealisasi {real} dari target "
            f"{fmt_value(ind, r['target'], compact=True, iku=rep.results.iku)}, sehingga capaiannya "
            f"{fmt_pct(r['capaian_pct'])} (kategori capaian {r['kategori']}).")
    met = _met(r)
    if met:
        text += " Target tercapai." if compare(r["realisasi"], r["target"]) == 0 else " Target terlampaui."
    elif met is False:
        gap = abs(float(r["target"]) - float(r["realisasi"]))
        side = "di atas" if polarity_of(ind, rep.results.iku) == "lower" else "di bawah"
        text += f" Target belum tercapai; realisasi masih {fmt_difference(ind, gap, iku=rep.results.iku)} {side} target."
    return text


def ipasn_assessment(rep):
    """The IP ASN assessment the report year shows (:class:`lkjip.indicators.ipasn.IpAsnPenilaian`) or None."""
    return getattr(rep, "ip_asn_penilaian", None)


def _ipasn_change(rep) -> str:
    """IP ASN compared like with like: this assessment with the latest earlier one."""
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
        return f" Realisasi sama dengan tahun {y} ({fmt_value(ind, pv, iku=rep.results.iku)})."
    arah = "naik" if d > 0 else "turun"
    return (f" Dibandingkan tahun {y} ({fmt_value(ind, pv, iku=rep.results.iku)}), realisasi {arah} "
            f"{fmt_difference(ind, abs(float(cur) - pv), iku=rep.results.iku)}.")


def _published_sentence(rep, ind: str) -> str:
    cur = _row(rep, ind)["realisasi"]
    pub = printed_figures(rep.inputs.published, ind, rep.year)
    if not pub or is_missing(cur):
        return ""
    # at each figure's printed decimals, the audit's rule: one judgement per fact (printed_figures)
    differ = differing(pub, float(cur))
    if not differ:
        return ""
    official = any(f.kode == ind and f.dicetak_resmi for f in (getattr(rep, "angka_resmi", None) or ()))
    used = (f"angka resmi yang dipakai laporan ini ({fmt_value(ind, cur, iku=rep.results.iku)})" if official
            else "hasil hitung ulang dari data")

    return (f" Angka yang tercetak di dokumen resmi tahun ini ({'; '.join(printed_elsewhere(rep, ind, differ, cur))}) "
            f"berbeda dengan {used}; selisihnya dirinci dalam laporan audit.")


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
    # an SK whose number is not recorded (e.g. illegible) is said so, never filled in
    names = [f"{md_text(n)} (SK {md_text(s)})" if not is_missing(s) else f"{md_text(n)} (nomor SK tidak tercatat)"
             for n, s in zip(ino.aktif["nama"], ino.aktif["nomor_sk"])]
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
    found = next((i for i in rep.results.iku if i.kode == indicator), None)
    builtin = found.builtin if found is not None else indicator
    detail = ""
    if not is_missing(_row(rep, indicator)["realisasi"]):
        detail += _change_sentence(rep, indicator)
        detail += _DETAIL[builtin](rep) if builtin in _DETAIL else ""
        detail += _published_sentence(rep, indicator)
    if found is not None and builtin is None:
        detail += _declared_detail(rep, found)
    own = [t for t in (analyst_text(rep, f"faktor_keberhasilan.{indicator}"),
                       analyst_text(rep, f"hambatan.{indicator}")) if t]
    if not own:
        return _DRAFT + text + detail
    # the unit's success factors or obstacles ("Hal ini didukung ...", "Hal ini karena ...") explain
    # whether the target was met: they follow that sentence, and the details come after them
    return _DRAFT + "\n\n".join([text, *own, *([detail.strip()] if detail.strip() else [])])


def _declared_detail(rep, iku) -> str:
    """What a declared IKU (not a built-in calculation) is: its definition, rumus and source."""
    parts = []
    if iku.definisi:
        parts.append(f"Definisi operasional: {md_text(iku.definisi)}.")
    if iku.formula.is_reported:
        parts.append("Nilai dilaporkan" + (f" dari {md_text(iku.sumber)}." if iku.sumber else "."))
    else:
        parts.append(f"Rumus: {md_text(iku.formula.text)}" + (f"; sumber data: {md_text(iku.sumber)}." if iku.sumber
                                                                else "."))
    return " " + " ".join(parts)


def iku_sections(rep) -> list[tuple[str, object]]:
    """Bab III A 5's sections: ``(letter, Iku)``; the IKU of the built-in calculations first, in the seven
    IKU's order (each with its deep section), then the unit's own IKU in declaration order."""
    order = {b: n for n, b in enumerate(_DETAIL)}
    ikus = sorted(rep.results.iku, key=lambda i: (0, order[i.builtin]) if i.builtin in order else (1, 0))
    return [(_letter(n), i) for n, i in enumerate(ikus)]


def iku_heading(rep, indicator: str) -> str:
    """``#### a. Nilai IKM ...``: the heading of the IKU's section, or "" when the unit has no such IKU."""
    for letter, i in iku_sections(rep):
        if i.kode == indicator or i.builtin == indicator:
            return f"#### {letter}. {md_text(i.nama)}"
    return ""


def _letter(n: int) -> str:
    out = ""
    n += 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


def iku_for(rep, calculation: str):
    """The unit's IKU whose rumus is the built-in ``calculation`` (``ikm``, ``sakip``, ...), or None."""
    return next((i for i in rep.results.iku if i.builtin == calculation), None)


def iku_section(rep, calculation: str) -> str:
    """Heading and analysis of the IKU computed by ``calculation``; "" when the unit has none (its deep
    section is then left out too)."""
    found = iku_for(rep, calculation)
    if found is None:
        return ""
    return iku_heading(rep, calculation) + "\n\n" + analisis_indikator(rep, found.kode)


def own_iku_sections(rep) -> list[str]:
    """Heading and analysis of each IKU that is not a built-in calculation, in declaration order."""
    return [f"#### {letter}. {md_text(i.nama)}\n\n" + analisis_indikator(rep, i.kode)
            for letter, i in iku_sections(rep) if i.builtin is None]
