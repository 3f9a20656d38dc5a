"""The title, Bab I A (profil unit), the Ikhtisar Eksekutif, Bab I B (pegawai) and the signature block.
"""

from __future__ import annotations

from markupsafe import Markup

from lkjip.fmt import fmt_int, fmt_pct, fmt_rupiah, is_missing
from lkjip.narrative.common import _DRAFT, _join, _met, _row, fmt_value
from lkjip.pages import render
from lkjip.rules import INDICATOR_IDS, get_indicator
from lkjip.targets import CAPAIAN_UNDEFINED
from lkjip.markup import md_text

# --------------------------------------------------------------------------- Ikhtisar

def ikhtisar_eksekutif(rep) -> str:
    """The executive summary: the seven IKU with their figures, and the budget."""
    res, year, nama = rep.results, rep.year, md_text(rep.unit.nama)
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
        elif is_missing(r["capaian_pct"]):
            txt = (f"realisasi {fmt_value(ind, r['realisasi'])} dari target "
                   f"{fmt_value(ind, r['target'], compact=True)}; capaian {CAPAIAN_UNDEFINED} (target 0)")
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
        parts.append(f"Dalam mencapai Indikator Kinerja Utama tersebut {md_text(rep.unit.nama)} menjalankan "
                     f"{c['program']} program, {c['kegiatan']} kegiatan dan {c['sub_kegiatan']} "
                     "sub kegiatan")
    if pen is not None:
        money = (f"dengan anggaran belanja sebesar {fmt_rupiah(pen.anggaran)} dan realisasi sebesar "
                 f"{fmt_rupiah(pen.realisasi)} atau {fmt_pct(pen.persen)}")
        src = " (Laporan Realisasi Anggaran)" if "rekening" in str(pen.sumber) else f" ({md_text(pen.sumber)})"
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
    text = (f"Sumber daya manusia (aparatur) {md_text(rep.unit.nama)} per 31 Desember {rep.year} berjumlah "
            f"{fmt_int(total)} orang, terdiri dari {fmt_int(asn)} orang ASN dan {fmt_int(honorer)} "
            "orang tenaga honorer, dengan rincian jabatan pada tabel berikut.")
    mut = rep.pegawai_mutasi
    if mut is not None and len(mut):
        out = mut[mut["Perubahan"] != "Masuk"]
        inn = mut[mut["Perubahan"] == "Masuk"]
        bits = []
        if len(out):
            bits.append(f"{fmt_int(len(out))} pegawai keluar atau pindah tugas ("
                        + _join([f"{md_text(j)}, {md_text(t)}" for j, t in zip(out["Jabatan"], out["Tanggal"])]) + ")")
        if len(inn):
            bits.append(f"{fmt_int(len(inn))} pegawai mulai bertugas")
        text += f" Selama tahun {rep.year}, " + _join(bits) + "."
    return _DRAFT + text


# --------------------------------------------------------------------------- title, Bab I A, signature

def judul(rep) -> str:
    """The document's title block (HTML inside Markdown; not a heading, so it
    stays out of the Daftar Isi). Hidden in print, where the cover page
    carries the title."""
    u = rep.unit
    return Markup(render("judul.html.j2", nama=u.nama, kabupaten=u.kabupaten, year=rep.year,
                         alamat=u.alamat).rstrip("\n"))


def profil_unit(rep) -> str:
    """Bab I A: the unit's facts from unit.yaml and its strategic goals."""
    u = rep.unit
    head = u.pimpinan
    where = ", ".join(md_text(x) for x in (u.kabupaten, u.provinsi) if x)
    text = f"{md_text(u.nama)} adalah perangkat daerah di lingkungan {where}"
    text += f", beralamat di {md_text(u.alamat)}." if u.alamat else "."
    if head.get("nama"):
        text += f" Pimpinan unit adalah {md_text(head.get('jabatan', ''))}, {md_text(head['nama'])}"
        text += f" ({md_text(head['pangkat'])})." if head.get("pangkat") else "."
    groups = [g for g in (u.sasaran or []) if g.get("sasaran")]
    if groups:
        text += ("\n\nSasaran dan indikator kinerja utama yang diukur dalam laporan ini "
                 "(sebagaimana ditetapkan dalam Perjanjian Kinerja):\n")
        for n, g in enumerate(groups, start=1):
            names = [get_indicator(i).nama for i in (g.get("indikator") or []) if i in INDICATOR_IDS]
            text += f"\n{n}. {md_text(g['sasaran'])}: {_join(names)}."
    return text


def _nip_spaced(nip: object) -> str:
    d = "".join(ch for ch in str(nip or "") if ch.isdigit())
    if len(d) == 18:
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
    return d


def tanda_tangan(rep) -> str:
    """The signature block (the date is left for the signatory to fill)."""
    u, h = rep.unit, rep.unit.pimpinan
    return Markup(render("tanda_tangan.html.j2", place=u.kota_penetapan or "", year=rep.year,
                         jabatan=h.get("jabatan", ""), nama=h.get("nama", ""), pangkat=h.get("pangkat"),
                         nip=_nip_spaced(h["nip"]) if h.get("nip") else None).rstrip("\n"))
