"""Bab III C and the Lampiran from the contract-v2 data (:mod:`lkjip.document.lampiran_dokumen`, ``pk``).

Figures of the unit's seven indicators are the report's own (as printed, :mod:`lkjip.document.shown`);
what an official's report or the Berita Acara printed is shown as printed beside what is computed,
never corrected. Names of staff who are not signatories appear only when the unit allows it.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_date_id, fmt_number, fmt_pct, fmt_rupiah, is_missing, truncate_number
from lkjip.contract.markup import md_text
from lkjip.contract.pages import block
from lkjip.document.narrative.common import _iku_ids, _nama, _row, fmt_value
from lkjip.document.narrative.profil import absent_line, is_absent, letters
from lkjip.document.narrative.resmi import beside_signed, signed_value
from lkjip.document.pejabat_catatan import realisation_differs
from lkjip.document.narrative.profil import analyst_note


def tindak_lanjut(rep, tl, final: bool = False) -> str:
    """Bab III C: the previous evaluation's recommendations and what was done (from the data)."""
    if is_absent(tl):
        return absent_line(tl, final)
    if tl.rekomendasi_tercatat:
        return (f"Rekomendasi hasil evaluasi tahun sebelumnya dan tindak lanjut {md_text(rep.unit.nama)} "
                "disajikan pada tabel berikut.")
    text = (f"Langkah-langkah yang dilaksanakan {md_text(rep.unit.nama)} untuk meningkatkan kinerja pada masa "
            "mendatang disajikan pada tabel berikut.")
    if final:
        return text

    return text + "\n\n" + analyst_note("rekomendasi hasil evaluasi tahun sebelumnya tidak diisi (kolom "
                                         "rekomendasi di tindak_lanjut_evaluasi.csv), sehingga laporan hanya "
                                         "menyajikan langkah tindak lanjut.")


def tindak_lanjut_tabel(tl) -> pd.DataFrame:
    """Bab III C's table without the columns the data leave empty."""
    t = tl.tabel
    keep = [c for c in t.columns if c == "No" or (t[c].astype(str).str.strip() != "").any()]
    return t[keep]


# --------------------------------------------------------------------------- signatures

def tanda_tangan_dokumen(sign, roles=("pihak_kedua", "pihak_pertama")) -> str:
    """The signature blocks of a signed document side by side (HTML), place and date above."""
    if is_absent(sign):
        return ""
    labels = {"pihak_pertama": "Pihak Pertama", "pihak_kedua": "Pihak Kedua", "mengetahui": "Mengetahui",
              "penandatangan": ""}
    cells = [{"label": labels.get(role, ""), **{c: r[c] for c in ("jabatan", "nama", "pangkat", "nip")}}
             for role in roles for _, r in sign.peran(role).iterrows()]
    if not cells:
        return ""
    return block("ttd_dokumen.html.j2", where=[x for x in (sign.tempat, sign.tanggal_teks) if x],
                 cells=cells)


# --------------------------------------------------------------------------- Lampiran 2, 3

def pk_dokumen(rep, pk) -> str:
    """Lampiran 2: who agreed to the PK (the parties), before its tables and signatures."""
    if is_absent(pk) or is_absent(pk.penandatanganan):
        return ""
    sign = pk.penandatanganan
    lines = [f"**{md_text(pk.judul)}**", ""]
    for role, label in (("pihak_pertama", "pihak pertama"), ("pihak_kedua", "pihak kedua")):
        for _, r in sign.peran(role).iterrows():
            lines.append(f"- {md_text(r['nama'] or r['jabatan'])}, {md_text(r['jabatan'])}, selanjutnya disebut "
                         f"{label}.")
    return "\n".join(lines)


def berita_acara(rep, ba, final: bool = False) -> str:
    """Lampiran 3: the Berita Acara of the performance measurement, with the report's own figures."""
    if is_absent(ba):
        return absent_line(ba, final)
    s = ba.penandatanganan
    nama = md_text(rep.unit.nama)
    head = [f"**{md_text(s.judul)}**" if s.judul else "", f"Nomor: {md_text(s.nomor)}" if s.nomor else ""]
    when = f"Pada hari {md_text(s.tanggal_teks)}" if s.tanggal_teks else (
        f"Pada tanggal {fmt_date_id(s.tanggal)}" if s.tanggal is not None else "")
    basis = ""
    if s.dasar_nomor or s.dasar_uraian:
        basis = (" berdasarkan Keputusan" + (f" Nomor {md_text(s.dasar_nomor)}" if s.dasar_nomor else "")
                 + (f" tanggal {fmt_date_id(s.dasar_tanggal)}" if s.dasar_tanggal is not None else "")
                 + (f" tentang {md_text(s.dasar_uraian)}" if s.dasar_uraian else ""))
    text = (f"{when}, Tim SAKIP {nama}{basis} telah melaksanakan pengukuran kinerja {nama} tahun {rep.year} "
            "dengan hasil sebagai berikut:").strip(" ,")
    items = []
    for n, ind in enumerate(_iku_ids(rep), start=1):
        r = _row(rep, ind)
        nama_ind = md_text(_nama(rep, ind))
        if ind == "ip_asn" and ba.ip_asn is not None and getattr(ba.ip_asn, "pengganti", False):
            items.append(f"{n}. {nama_ind} tahun {rep.year} belum diterbitkan, sehingga dipakai hasil pengukuran "
                         f"tahun {ba.ip_asn.tahun_penilaian}, yaitu {fmt_value(ind, r['realisasi'], iku=rep.results.iku)}")
            continue
        kelas = rep.results.kelas.get(ind)
        # quoted as signed: the official figure where the unit has one, a note beside it when the data differ
        signed = signed_value(rep, ind)
        value = r["realisasi"] if signed is None else signed
        items.append(f"{n}. {nama_ind} tahun {rep.year}: {fmt_value(ind, value, iku=rep.results.iku)}"
                     + (f" ({md_text(kelas)})" if kelas else "") + beside_signed(rep, ind))
    return "\n\n".join(p for p in (*head, text, "\n".join(items)) if p)


def berita_acara_tim(ba) -> str:
    """The team that signed the Berita Acara: offices (and names only when the unit allows them)."""
    if is_absent(ba):
        return ""
    team = ba.penandatanganan.peran("anggota_tim")
    if not len(team):
        return ""
    names = [r["nama"] or r["jabatan"] for _, r in team.iterrows() if (r["nama"] or r["jabatan"])]
    if not names:
        return f"Berita acara ditandatangani oleh {len(team)} anggota Tim SAKIP."
    return "Tim SAKIP:\n\n" + "\n".join(f"{i}. {md_text(x)}" for i, x in enumerate(names, start=1))


# --------------------------------------------------------------------------- Lampiran 4

def pejabat_identitas(lp) -> str:
    bits = [md_text(x) for x in (lp.nama, lp.pangkat) if x]
    if lp.nip:
        bits.append(f"NIP. {md_text(lp.nip)}")
    who = ", ".join(bits)
    return (f"Laporan kinerja jabatan {md_text(lp.jabatan)}" + (f" ({who})" if who else "")
            + (f", disampaikan kepada {md_text(lp.jabatan_atasan)}" if lp.jabatan_atasan else "") + ".")


def pejabat_tugas(lp) -> str:
    tf = lp.tugas_fungsi
    if is_absent(tf):
        return ""
    items = tf.tugas_fungsi or (tf.tugas + tf.fungsi)
    if not items:
        return ""
    return "Tugas pokok dan fungsi:\n\n" + letters(items)


def pejabat_tabel_pk(lp) -> pd.DataFrame:
    return _grouped(lp.perjanjian[["No", "Jenis", "Sasaran", "Indikator Kinerja", "Target"]])


def pejabat_tabel_capaian(lp) -> pd.DataFrame:
    t = lp.capaian.rename(columns={"Capaian tercetak": "Capaian (%)", "Capaian dihitung": "Hitung ulang (%)"})
    return _grouped(t[["No", "Jenis", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)",
                       "Hitung ulang (%)"]])


def _grouped(t: pd.DataFrame) -> pd.DataFrame:
    out = t.copy()
    out["Sasaran"] = [("Kinerja lainnya: " if str(j).startswith("kinerja") else "") + s
                      for j, s in zip(out["Jenis"], out["Sasaran"])]
    same = out["Sasaran"].eq(out["Sasaran"].shift())
    out.loc[same, "Sasaran"] = ""
    return out.drop(columns="Jenis")


def pejabat_evaluasi(lp, final: bool = False) -> str:
    """The official's budget absorption as signed (quoted, never edited) with a note beside a figure the data
    give otherwise, the plan and the superior's response; in a draft, the analyst's note on what disagrees."""
    parts = []
    if not is_missing(lp.anggaran) and lp.anggaran:
        parts.append(serapan_dikutip(lp))
    if lp.kategori:
        parts.append(f"Kategori capaian menurut laporan jabatan: {md_text(lp.kategori)}.")
    if lp.rencana_tindak_lanjut:
        parts.append(f"Rencana tindak lanjut: {md_text(lp.rencana_tindak_lanjut)}")
    if lp.tanggapan_atasan:
        parts.append(f"Tanggapan atasan langsung: {md_text(lp.tanggapan_atasan)}")
    if lp.disposisi:
        parts.append(f"Disposisi atasan: {md_text(lp.disposisi)}.")
    if not final:
        parts.extend(pejabat_catatan_analis(lp))
    return "\n\n".join(parts)


def serapan_dikutip(lp) -> str:
    """"Anggaran ... terserap Rp x atau y%" as the official's report says it, and beside it a note when the
    realisation differs from the budget line with the same pagu (a typo stays a typo, with its correction)
    or when the printed percentage is not the quotient of the printed amounts."""
    printed = not is_missing(lp.serapan_pct)
    pct = lp.serapan_pct if printed else lp.serapan_dihitung
    text = (f"Anggaran yang tersedia {fmt_rupiah(lp.anggaran)} terserap {fmt_rupiah(lp.realisasi_anggaran)} "
            f"atau {fmt_pct(pct)}" + (", seperti tertulis dalam laporan jabatan." if printed else "."))
    notes = []
    src = lp.sumber_anggaran
    if realisation_differs(lp.realisasi_anggaran, src):
        notes.append(f"realisasi {fmt_rupiah(lp.realisasi_anggaran)} pada laporan jabatan diduga salah ketik: "
                     f"rincian anggaran sub kegiatan {md_text(src.uraian)} (Bab III B) mencatat realisasi "
                     f"{fmt_rupiah(src.realisasi)} dari {fmt_rupiah(src.pagu)}, atau {fmt_pct(src.persen)}")
    if printed and fmt_number(lp.serapan_pct) != fmt_number(lp.serapan_dihitung) and \
            fmt_number(lp.serapan_pct) == fmt_number(truncate_number(lp.serapan_dihitung, 2)):
        notes.append(f"persentase {fmt_pct(lp.serapan_pct)} adalah hasil bagi {fmt_rupiah(lp.realisasi_anggaran)} "
                     f"dengan {fmt_rupiah(lp.anggaran)} yang dipotong dua desimal (dibulatkan: "
                     f"{fmt_pct(lp.serapan_dihitung)})")
    elif printed and fmt_number(lp.serapan_pct) != fmt_number(lp.serapan_dihitung):
        notes.append(f"persentase {fmt_pct(lp.serapan_pct)} tidak sama dengan {fmt_rupiah(lp.realisasi_anggaran)} "
                     f"dibagi {fmt_rupiah(lp.anggaran)} ({fmt_pct(lp.serapan_dihitung)})"
                     + ("" if src is None or not realisation_differs(lp.realisasi_anggaran, src) else
                        f" maupun dengan {fmt_pct(src.persen)}"))
    if notes:
        text += " Catatan: " + "; ".join(notes) + "."
    return text


def capaian_note(lp) -> str:
    """The note under an official's capaian table: the columns, and each target that differs from the
    signed PK with the figure the recomputed capaian uses and why."""
    text = CAPAIAN_NOTE
    for ind, pk, cap in lp.beda_target:
        text += (f" Target {ind} pada tabel capaian ({cap}) berbeda dengan Perjanjian Kinerja yang ditandatangani "
                 f"({pk}); Hitung ulang (%) memakai target Perjanjian Kinerja ({pk}).")
    return text


def pejabat_disagreements(lp) -> list[str]:
    """What disagrees inside the official's report or against the unit's other data, one plain sentence each
    (the draft's analyst notes and the audit's list of disagreeing facts)."""
    out = [f"{lp.jabatan}: target {ind} {pk} di Perjanjian Kinerja, {cap} di tabel capaian laporan "
           "jabatan; capaian tercetak memakai target tabel capaian. Periksa dokumen asli dan "
           "tetapkan target yang berlaku." for ind, pk, cap in lp.beda_target]
    if realisation_differs(lp.realisasi_anggaran, lp.sumber_anggaran):
        out.append(f"{lp.jabatan}: realisasi anggaran di laporan jabatan ({fmt_rupiah(lp.realisasi_anggaran)}) "
                   f"berbeda dengan rincian anggaran ({fmt_rupiah(lp.sumber_anggaran.realisasi)}); "
                   "dikutip seperti tertulis, dengan catatan koreksi.")
    return out


def pejabat_catatan_analis(lp) -> list[str]:
    """The draft's analyst notes on what disagrees inside the official's report (never in the final)."""
    return [analyst_note(n) for n in pejabat_disagreements(lp)]


CAPAIAN_NOTE = ("Capaian (%) seperti tercetak pada laporan jabatan; Hitung ulang (%) = realisasi / target × 100 "
                "dari angka yang tercetak.")


# --------------------------------------------------------------------------- Lampiran 7

def prestasi(rep, year: int, frame, final: bool = False) -> str:
    if is_absent(frame):
        return absent_line(frame, final)
    return f"**Prestasi Tahun {year}**\n\n" + "\n".join(
        f"{i}. {md_text(x)}" for i, x in enumerate(frame["Prestasi"], start=1))
