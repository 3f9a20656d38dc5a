"""Drafted report text in Bahasa Indonesia, composed from the figures (no language model).

Every function takes a :class:`lkjip.report.ReportData` and returns Markdown.
Sentences are templates chosen by the numbers (met or missed target, rise or
fall, adequate sample or not, ...); every number goes through
:mod:`lkjip.fmt`, so the text shows ``98,31`` and ``94,37%``, never a raw
float. The same data always give the same text.

The text is a draft for the analyst: each block starts with
:data:`DRAFT_MARK` ("Draf narasi — sunting sebelum ditandatangani").
Missing data or a missing target never raise: the sentence says what is
missing instead.
"""

from __future__ import annotations

import pandas as pd

from .fmt import fmt_compact, fmt_int, fmt_number, fmt_pct, fmt_rupiah, is_missing
from .rules import INDICATOR_IDS, get_indicator

__all__ = [
    "DRAFT_MARK",
    "analisis_indikator",
    "bab1_pegawai",
    "efisiensi",
    "fmt_value",
    "ikhtisar_eksekutif",
    "kesimpulan",
    "realisasi_anggaran",
    "saran",
    "tabel_3_1_1_text",
    "tabel_3_1_2_text",
    "tabel_3_1_3_text",
]

DRAFT_MARK = "Draf narasi — sunting sebelum ditandatangani"
_DRAFT = f"> *{DRAFT_MARK}.*\n\n"



# --------------------------------------------------------------------------- formatting

def fmt_value(indicator: str, value: object, *, compact: bool = False) -> str:
    """A value in its indicator's unit: ``98,31``, ``94,37%``, ``2 inovasi``.

    ``compact`` drops trailing zeros (targets as the seed prints them: ``94,5``).
    """
    if is_missing(value):
        return "–"
    info = get_indicator(indicator) if indicator in INDICATOR_IDS else None
    satuan = info.satuan if info else ""
    dec = info.decimals if info else 2
    if satuan == "inovasi":
        return f"{fmt_int(value)} inovasi"
    num = fmt_compact(value, dec) if compact else fmt_number(value, dec)
    return num + "%" if satuan == "%" else num


def _short(ind: str) -> str:
    return get_indicator(ind).nama_pendek if ind in INDICATOR_IDS else ind


def _data_text(ind: str) -> str:
    return get_indicator(ind).source_text if ind in INDICATOR_IDS else ind


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _row(rep, ind: str) -> pd.Series:
    return rep.results.tabel.set_index("indikator").loc[ind]


def _met(row) -> bool | None:
    cap = row["capaian_pct"]
    return None if is_missing(cap) else bool(float(cap) >= 100.0 - 1e-9)


def _published(rep, ind: str) -> list[float]:
    pub = rep.inputs.published
    if pub is None or not len(pub):
        return []
    df = pub.copy()
    if "ukuran" in df.columns:
        u = df["ukuran"].astype("string").str.strip().str.lower().fillna("")
        df = df[u.isin(["", "realisasi"])]
    df = df[(pd.to_numeric(df["tahun"], errors="coerce") == rep.year)
            & (df["indikator"].astype(str).str.strip() == ind)]
    values = []
    for v in pd.to_numeric(df["nilai"], errors="coerce").dropna():
        if float(v) not in values:
            values.append(float(v))
    return values


# --------------------------------------------------------------------------- Ikhtisar

def ikhtisar_eksekutif(rep) -> str:
    """The executive summary: the seven IKU with their figures, and the budget."""
    res, year, nama = rep.results, rep.year, rep.unit.nama
    lines = [_DRAFT.rstrip("\n"), "",
             f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} Tahun {year} disusun sebagai "
             "wujud pertanggungjawaban pelaksanaan Rencana Strategis (Renstra) dan Rencana Kerja "
             "(Renja), sesuai Peraturan Menteri PAN-RB Nomor 53 Tahun 2014. Laporan ini mengukur "
             "realisasi indikator kinerja utama dibandingkan dengan target yang ditetapkan. "
             f"Capaian ketujuh Indikator Kinerja Utama tahun {year} adalah sebagai berikut:", ""]
    for i, ind in enumerate(INDICATOR_IDS, start=1):
        r = _row(rep, ind)
        if is_missing(r["realisasi"]):
            txt = "realisasi tidak dapat dihitung karena datanya tidak tersedia"
        elif is_missing(r["target"]):
            txt = f"realisasi {fmt_value(ind, r['realisasi'])}; target belum ditetapkan"
        else:
            txt = (f"realisasi {fmt_value(ind, r['realisasi'])} dari target "
                   f"{fmt_value(ind, r['target'], compact=True)}, capaian {fmt_pct(r['capaian_pct'])} "
                   f"(kategori {r['kategori']})")
        kelas = res.kelas.get(ind)
        if ind == "ikm" and kelas and res.ikm is not None:
            txt += f"; mutu pelayanan {kelas} ({res.ikm.kinerja})"
        elif ind == "sakip" and kelas and res.sakip is not None:
            txt += f"; predikat {kelas} ({res.sakip.keterangan})"
        elif ind == "ip_asn" and kelas:
            txt += f"; kategori {kelas}"
        lines.append(f"{i}. {get_indicator(ind).nama}: {txt}.")
    lines.append("")
    lines.append(_budget_sentence(rep))
    n_met = sum(bool(_met(_row(rep, i))) for i in INDICATOR_IDS)
    lines.append("")
    lines.append(f"Secara keseluruhan {n_met} dari {len(INDICATOR_IDS)} indikator mencapai atau "
                 "melampaui targetnya; uraian tiap indikator disajikan pada Bab III dan simpulannya "
                 "pada Bab IV.")
    return "\n".join(lines)


def _budget_sentence(rep) -> str:
    c = rep.budget_counts()
    pen = rep.results.penyerapan
    parts = []
    if c["program"]:
        parts.append(f"Dalam mencapai Indikator Kinerja Utama tersebut {rep.unit.nama} menjalankan "
                     f"{c['program']} program, {c['kegiatan']} kegiatan dan {c['sub_kegiatan']} "
                     "sub kegiatan")
    if pen is not None:
        money = (f"dengan anggaran belanja sebesar {fmt_rupiah(pen.anggaran)} dan realisasi sebesar "
                 f"{fmt_rupiah(pen.realisasi)} atau {fmt_pct(pen.persen)}")
        src = " (Laporan Realisasi Anggaran)" if "rekening" in str(pen.sumber) else f" ({pen.sumber})"
        parts.append(money + src)
    if not parts:
        return "Data anggaran dan realisasinya tidak tersedia."
    text = " ".join(parts) if len(parts) == 2 else parts[0]
    if len(parts) == 1 and pen is not None:
        text = "Anggaran belanja " + text[len("dengan anggaran belanja "):]
    return text + "."


# --------------------------------------------------------------------------- Bab I

def bab1_pegawai(rep) -> str:
    """Bab I B: the staff in post at 31 December, by group."""
    if rep.pegawai_jabatan is None:
        return _DRAFT + f"Data pegawai tahun {rep.year} tidak tersedia."
    st = rep.pegawai_status.set_index("Status")["Jumlah (orang)"]
    total = int(st.get("Jumlah", 0))
    honorer = int(st.get("Tenaga Honorer", 0))
    asn = total - honorer
    text = (f"Sumber daya manusia (aparatur) {rep.unit.nama} per 31 Desember {rep.year} berjumlah "
            f"{fmt_int(total)} orang, terdiri dari {fmt_int(asn)} orang ASN dan {fmt_int(honorer)} "
            "orang tenaga honorer, dengan rincian jabatan pada tabel berikut.")
    mut = rep.pegawai_mutasi
    if mut is not None and len(mut):
        out = mut[mut["Perubahan"] != "Masuk"]
        inn = mut[mut["Perubahan"] == "Masuk"]
        bits = []
        if len(out):
            bits.append(f"{fmt_int(len(out))} pegawai keluar atau pindah tugas ("
                        + _join([f"{j}, {t}" for j, t in zip(out["Jabatan"], out["Tanggal"])]) + ")")
        if len(inn):
            bits.append(f"{fmt_int(len(inn))} pegawai mulai bertugas")
        text += f" Selama tahun {rep.year}, " + _join(bits) + "."
    return _DRAFT + text


# --------------------------------------------------------------------------- Bab III A tables

def tabel_3_1_1_text(rep) -> str:
    t = rep.results.tabel
    cap = pd.to_numeric(t["capaian_pct"], errors="coerce")
    over = [_short(i) for i, c in zip(t["indikator"], cap) if pd.notna(c) and c > 100 + 1e-9]
    eq = [_short(i) for i, c in zip(t["indikator"], cap) if pd.notna(c) and abs(c - 100) <= 1e-9]
    under = [f"{_short(i)} dengan capaian {fmt_pct(c)}" for i, c in zip(t["indikator"], cap)
             if pd.notna(c) and c < 100 - 1e-9]
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
                 "targetnya tidak tersedia.")
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
        d = float(cur) - prev[1]
        if d > 1e-9:
            ups.append(_short(ind))
        elif d < -1e-9:
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
        text += " " + " ".join(rep.catatan)
    return _DRAFT + text


def tabel_3_1_3_text(rep) -> str:
    t = rep.results.renstra_akhir
    done = [_short(i) for i, k in zip(t["indikator"], t["tingkat_kemajuan"])
            if pd.notna(k) and k >= 100 - 1e-9]
    notyet = [f"{_short(i)} {fmt_pct(k)}" for i, k in zip(t["indikator"], t["tingkat_kemajuan"])
              if pd.notna(k) and k < 100 - 1e-9]
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
    text = (f"Indikator {nama} tahun {rep.year} terealisasi {real} dari target "
            f"{fmt_value(ind, r['target'], compact=True)}, sehingga capaiannya "
            f"{fmt_pct(r['capaian_pct'])} dengan kategori {r['kategori']}.")
    met = _met(r)
    if met:
        text += " Target tercapai." if abs(float(r["capaian_pct"]) - 100) <= 1e-9 else " Target terlampaui."
    elif met is False:
        gap = float(r["target"]) - float(r["realisasi"])
        text += f" Target belum tercapai; realisasi masih {fmt_number(gap)} di bawah target."
    return text


def _change_sentence(rep, ind: str) -> str:
    prev = rep.previous(ind)
    cur = _row(rep, ind)["realisasi"]
    if prev is None or is_missing(cur):
        return ""
    y, pv = prev
    d = float(cur) - pv
    if abs(d) <= 1e-9:
        return f" Realisasi sama dengan tahun {y} ({fmt_value(ind, pv)})."
    arah = "naik" if d > 0 else "turun"
    unit = " poin persentase" if get_indicator(ind).satuan == "%" else (
        "" if ind == "jumlah_inovasi" else " poin")
    amount = fmt_int(abs(d)) if ind == "jumlah_inovasi" else fmt_number(abs(d))
    return f" Dibandingkan tahun {y} ({fmt_value(ind, pv)}), realisasi {arah} {amount}{unit}."


def _published_sentence(rep, ind: str) -> str:
    cur = _row(rep, ind)["realisasi"]
    pub = _published(rep, ind)
    if not pub or is_missing(cur):
        return ""
    differ = [v for v in pub if abs(v - float(cur)) >= 0.005]
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


def _layanan_detail(rep) -> str:
    ly = rep.results.layanan
    if ly is None:
        return ""
    per = ly.per_layanan
    text = (f" Sepanjang tahun tercatat {fmt_int(ly.total)} layanan PATEN dari {fmt_int(len(per))} "
            "jenis layanan")
    if ly.tidak_sesuai:
        text += (f"; {fmt_int(ly.tidak_sesuai)} layanan tidak sesuai standar pelayanan dan "
                 f"{fmt_int(ly.sesuai)} sesuai.")
    else:
        text += ", seluruhnya terlayani sesuai standar pelayanan."
    if ly.total and len(per):
        top = per.loc[per["jumlah_hitung"].idxmax()]
        b = ly.per_bulan
        peak = b.loc[b["jumlah"].idxmax()]
        low = b.loc[b["jumlah"].idxmin()]
        text += (f" Layanan terbanyak adalah {top['layanan']} ({fmt_int(top['jumlah_hitung'])} layanan); "
                 f"bulan tersibuk {peak['nama_bulan']} ({fmt_int(peak['jumlah'])}) dan tersepi "
                 f"{low['nama_bulan']} ({fmt_int(low['jumlah'])}).")
        if ly.tidak_sesuai:
            bad = per[per["tidak_sesuai_standar"] > 0].sort_values("tidak_sesuai_standar",
                                                                   ascending=False, kind="stable")
            if len(bad):
                w = bad.iloc[0]
                text += (f" Layanan tidak sesuai standar terbanyak pada {w['layanan']} "
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
        if (s["persen"] >= 100 - 1e-9).all():
            text += f" Seluruh {fmt_int(len(s))} seksi menindaklanjuti 100% hasil koordinasinya."
        else:
            lo = s.loc[s["persen"].idxmin()]
            text += (f" Tindak lanjut terendah ada pada {lo['seksi']}: {fmt_int(lo['tindak_lanjut'])} "
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
            falls = sorted([d for d in deltas if d[1] < -1e-9], key=lambda d: d[1])
            rises = sorted([d for d in deltas if d[1] > 1e-9], key=lambda d: -d[1])
            if falls:
                text += (f" Dibandingkan tahun {prev.tahun}, {len(falls)} komponen menurun; penurunan "
                         f"terbesar pada {falls[0][2]} (−{fmt_number(-falls[0][1])}).")
            if rises:
                text += (f" Kenaikan terbesar pada {rises[0][2]} (+{fmt_number(rises[0][1])}).")
    return text


def _largest_unabsorbed(rep):
    from . import budget as _budget

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
        text += (f" Sisa terbesar berasal dari sub kegiatan {row['uraian']} ({fmt_rupiah(amount)}, "
                 f"penyerapan {fmt_pct(row['persen'])}")
        text += f"; {fmt_pct(share)} dari seluruh sisa anggaran)." if not is_missing(share) else ")."
    tot = rep.results.anggaran_total
    if tot is not None and "rekening" in str(pen.sumber) and abs(tot.realisasi - pen.realisasi) >= 1:
        text += (f" Data realisasi per sub kegiatan berjumlah {fmt_rupiah(tot.realisasi)} "
                 f"({fmt_pct(tot.persen)}), berbeda {fmt_rupiah(abs(tot.realisasi - pen.realisasi))} "
                 "dengan LRA; indikator memakai LRA.")
    return text


def _ipasn_detail(rep) -> str:
    ip = rep.results.ipasn
    if ip is None:
        return ""
    d = ip.distribusi[ip.distribusi["jumlah"] > 0]
    text = (f" Nilai adalah rata-rata {fmt_int(ip.jumlah_diukur)} ASN yang diukur (kategori "
            f"{ip.kategori or '–'}); sebarannya: "
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
    names = [f"{n} (SK {s})" for n, s in zip(ino.aktif["nama"], ino.aktif["nomor_sk"])]
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
    return _DRAFT + text


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
        parts.append(f"Dari pagu anggaran {rep.unit.nama} tahun {rep.year} sebesar {fmt_rupiah(tot.pagu)}, "
                     f"realisasi per 31 Desember {rep.year} menurut data program/kegiatan/sub kegiatan "
                     f"sebesar {fmt_rupiah(tot.realisasi)} atau {fmt_pct(tot.persen)}.")
    if not parts:
        return _DRAFT + "Data anggaran per program, kegiatan dan sub kegiatan tidak tersedia."
    return _DRAFT + " ".join(parts)


# --------------------------------------------------------------------------- Bab IV

def _classify(rep):
    met, missed, unknown = [], [], []
    for ind in INDICATOR_IDS:
        m = _met(_row(rep, ind))
        (met if m else missed if m is False else unknown).append(ind)
    return met, missed, unknown


def kesimpulan(rep) -> str:
    """Bab IV A: which indicators met or missed their targets, overall."""
    met, missed, unknown = _classify(rep)
    t = rep.results.tabel.set_index("indikator")
    lines = []
    lines.append(f"Dari {len(INDICATOR_IDS)} Indikator Kinerja Utama {rep.unit.nama} tahun {rep.year}:")
    lines.append("")
    if met:
        lines.append(f"- {len(met)} indikator mencapai atau melampaui target: "
                     + _join([f"{_short(i)} ({fmt_pct(t.loc[i, 'capaian_pct'])})" for i in met]) + ";")
    if missed:
        lines.append(f"- {len(missed)} indikator belum mencapai target: "
                     + _join([f"{_short(i)} (realisasi {fmt_value(i, t.loc[i, 'realisasi'])} dari "
                              f"target {fmt_value(i, t.loc[i, 'target'], compact=True)}, capaian "
                              f"{fmt_pct(t.loc[i, 'capaian_pct'])})" for i in missed]) + ";")
    if unknown:
        lines.append(f"- {len(unknown)} indikator belum dapat dinilai karena data realisasi atau "
                     "targetnya tidak tersedia: " + _join([_short(i) for i in unknown]) + ";")
    caps = pd.to_numeric(t["capaian_pct"], errors="coerce").dropna()
    lines.append("")
    if len(caps):
        from .targets import capaian_category

        avg = float(caps.mean())
        lines.append(f"Rata-rata capaian {fmt_int(len(caps))} indikator yang dapat dinilai adalah "
                     f"{fmt_pct(avg)} (kategori {capaian_category(avg)}).")
    pen = rep.results.penyerapan
    if pen is not None:
        lines.append(f" Penyerapan anggaran mencapai {fmt_pct(pen.persen)} "
                     f"({fmt_rupiah(pen.realisasi)} dari {fmt_rupiah(pen.anggaran)}).")
    if missed:
        lines[-1] += (" Secara umum kinerja tercapai baik, dengan catatan pada indikator yang belum "
                      "mencapai target sebagaimana diuraikan pada saran.")
    elif not unknown:
        lines[-1] += " Seluruh target kinerja tahun ini tercapai."
    return _DRAFT + "\n".join(lines).replace("\n ", "\n")


def _saran_for(rep, ind: str) -> str:
    res = rep.results
    if ind == "ikm":
        extra = ""
        if res.ikm is not None:
            u = res.ikm.unsur.dropna(subset=["nrr"])
            if len(u):
                lo = u.loc[u["nrr"].idxmin()]
                extra = f", terutama unsur {lo['unsur']} {lo['nama_unsur']} (NRR {fmt_number(lo['nrr'])})"
        return (f"Meningkatkan kualitas pelayanan publik{extra}, dan menindaklanjuti saran serta "
                "pengaduan hasil survei kepuasan masyarakat setiap bulan.")
    if ind == "layanan_sesuai_standar_pct":
        n = fmt_int(res.layanan.tidak_sesuai) if res.layanan is not None else "–"
        return (f"Menelusuri penyebab {n} layanan yang tidak sesuai standar pelayanan dan meninjau "
                "kembali SOP serta standar pelayanan PATEN.")
    if ind == "koordinasi_ditindaklanjuti_pct":
        extra = ""
        if res.koordinasi is not None:
            s = res.koordinasi.per_seksi.dropna(subset=["persen"])
            if len(s):
                extra = f", terutama pada {s.loc[s['persen'].idxmin(), 'seksi']}"
        return ("Memperkuat pemantauan tindak lanjut hasil fasilitasi dan koordinasi melalui rapat "
                f"staf rutin{extra}.")
    if ind == "sakip":
        extra = ""
        if res.sakip is not None:
            w = _sakip_weakest(res.sakip)
            if w is not None:
                extra = (f", dimulai dari komponen {w['nama_komponen']} ({fmt_pct(w['persen_maks'])} "
                         "dari bobotnya)")
        return ("Memperbaiki kualitas dan pemanfaatan dokumen SAKIP, bukan hanya kelengkapannya"
                f"{extra}, serta menyiapkan pengganti penanggung jawab AKIP bila terjadi mutasi pegawai.")
    if ind == "realisasi_anggaran_pct":
        big = _largest_unabsorbed(rep)
        extra = f", terutama pada {big[0]['uraian']}" if big is not None else ""
        return ("Menyusun jadwal pelaksanaan kegiatan dan rencana penarikan dana sejak awal tahun"
                f"{extra}, dan memantau penyerapan setiap bulan.")
    if ind == "ip_asn":
        extra = ""
        if res.ipasn is not None:
            d = res.ipasn.rata_dimensi.dropna(subset=["persen_maks"])
            if len(d):
                extra = f" pada dimensi {d.loc[d['persen_maks'].idxmin(), 'nama_dimensi']}"
        return (f"Meningkatkan profesionalitas ASN{extra} melalui usulan diklat, pengembangan "
                "kompetensi dan pemutakhiran data kepegawaian.")
    if ind == "jumlah_inovasi":
        t = _row(rep, ind)["target"]
        return (f"Mendorong lahirnya inovasi baru dan menetapkannya dengan SK agar target "
                f"{fmt_value(ind, t, compact=True)} tercapai dan inovasi berkelanjutan.")
    return f"Meninjau pelaksanaan kegiatan yang mendukung {_short(ind)}."


def saran(rep) -> str:
    """Bab IV B: suggestions drafted from the missed (and unmeasurable) indicators."""
    met, missed, unknown = _classify(rep)
    items = [f"{_short(i)}: {_saran_for(rep, i)}" for i in missed]
    t = rep.results.tabel.set_index("indikator")
    for i in unknown:
        if is_missing(t.loc[i, "realisasi"]):
            items.append(f"{_short(i)}: melengkapi data {_data_text(i)} agar indikator "
                         "dapat diukur pada laporan berikutnya.")
        else:
            items.append(f"{_short(i)}: menetapkan target tahunan dalam Perjanjian Kinerja agar "
                         "capaiannya dapat dinilai.")
    pen = rep.results.penyerapan
    if "realisasi_anggaran_pct" not in missed and pen is not None and pen.persen < 100 - 1e-9:
        big = _largest_unabsorbed(rep)
        if big is not None:
            items.append(f"Anggaran: merencanakan kebutuhan {big[0]['uraian']} lebih cermat karena sisa "
                         f"anggarannya terbesar ({fmt_rupiah(big[1])}).")
    if not missed and not unknown:
        items.insert(0, "Mempertahankan capaian seluruh indikator dan menetapkan target tahun "
                        "berikutnya yang tetap menantang sesuai Renstra.")
    head = (f"Demi tercapainya sasaran organisasi dan perbaikan di tahun yang akan datang, "
            f"{rep.unit.nama} perlu melakukan hal-hal berikut:")
    return _DRAFT + head + "\n\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(items, start=1))


# --------------------------------------------------------------------------- title, Bab I A, signature

def judul(rep) -> str:
    """The document's title block (HTML inside Markdown; not a heading, so it
    stays out of the Daftar Isi). Hidden in print, where the cover page
    carries the title."""
    import html

    e = html.escape
    c = "text-align:center; margin:0.2em 0"
    parts = [
        "<style>@media print { .lkjip-judul { display: none; } }</style>",
        '<div class="lkjip-judul" style="margin: 0 0 1.5em 0">',
        f'<p style="{c}; font-size:1.5em; font-weight:bold">LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)</p>',
        f'<p style="{c}; font-size:1.25em; font-weight:bold">{e(rep.unit.nama.upper())}</p>',
        f'<p style="{c}">{e(rep.unit.kabupaten)}</p>',
        f'<p style="{c}; font-weight:bold">TAHUN {rep.year}</p>',
    ]
    if rep.unit.alamat:
        parts.append(f'<p style="{c}; font-size:0.9em">{e(rep.unit.alamat)}</p>')
    parts.append("</div>")
    return "".join(parts)


def profil_unit(rep) -> str:
    """Bab I A: the unit's facts from unit.yaml and its strategic goals."""
    u = rep.unit
    head = u.pimpinan
    where = ", ".join(x for x in (u.kabupaten, u.provinsi) if x)
    text = f"{u.nama} adalah perangkat daerah di lingkungan {where}"
    text += f", beralamat di {u.alamat}." if u.alamat else "."
    if head.get("nama"):
        text += f" Pimpinan unit adalah {head.get('jabatan', '')}, {head['nama']}"
        text += f" ({head['pangkat']})." if head.get("pangkat") else "."
    groups = [g for g in (u.sasaran or []) if g.get("sasaran")]
    if groups:
        text += ("\n\nSasaran dan indikator kinerja utama yang diukur dalam laporan ini "
                 "(sebagaimana ditetapkan dalam Perjanjian Kinerja):\n")
        for n, g in enumerate(groups, start=1):
            names = [get_indicator(i).nama for i in (g.get("indikator") or []) if i in INDICATOR_IDS]
            text += f"\n{n}. {g['sasaran']}: {_join(names)}."
    return text


def _nip_spaced(nip: object) -> str:
    d = "".join(ch for ch in str(nip or "") if ch.isdigit())
    if len(d) == 18:
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
    return d


def tanda_tangan(rep) -> str:
    """The signature block (the date is left for the signatory to fill)."""
    import html

    e = html.escape
    u, h = rep.unit, rep.unit.pimpinan
    place = u.kota_penetapan or ""
    lines = [f"{e(place)}, ................ {rep.year + 1}" if place else f"................ {rep.year + 1}",
             f"{e(h.get('jabatan', '')).upper()}", "<br/><br/><br/>",
             f"<strong>{e(h.get('nama', ''))}</strong>"]
    if h.get("pangkat"):
        lines.append(e(h["pangkat"]))
    if h.get("nip"):
        lines.append(f"NIP. {e(_nip_spaced(h['nip']))}")
    return ('<div class="lkjip-ttd" style="margin-left:55%; margin-top:2em">'
            + "<br/>".join(lines) + "</div>")
