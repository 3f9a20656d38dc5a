"""The title, the draft notice, the Kata Pengantar, the Ikhtisar Eksekutif, Bab I's drafted text
and the signature blocks.
"""

from __future__ import annotations

import datetime as dt


from lkjip.contract.fmt import fmt_int, fmt_pct, fmt_rupiah, is_missing
from lkjip.contract.markup import md_text
from lkjip.document.narrative.common import DRAFT_MARK, _DRAFT, _all_of, _iku_ids, _join, _met, _nama, _not_available, _row, fmt_value
from lkjip.contract.pages import block

from lkjip.contract.rules.regulation import REPORTING_REGULATION, REPORTING_REGULATION_SHORT
from lkjip.indicators.targets import CAPAIAN_UNDEFINED

#: Indonesian month names, for a signing date.
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")


# --------------------------------------------------------------------------- draft notice

def draft_notice(rep) -> str:
    """The one draft notice of a draft LKjIP (HTML block for the notebook's Markdown cell).

    It also sets the PDF's running header to "DRAF" on every page (an ``@page`` rule, which
    browsers ignore), so a printed page cannot pass for the signed version.
    """
    return block("draf.html.j2", mark=DRAFT_MARK, year=rep.year).rstrip("\n")


# --------------------------------------------------------------------------- Kata Pengantar

def kata_pengantar(rep) -> str:
    """A Kata Pengantar drafted from the report's own facts (the analyst's text replaces it)."""
    nama = md_text(rep.unit.nama)
    return (f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} Tahun {rep.year} disusun sebagai "
            f"tindak lanjut {REPORTING_REGULATION}. Laporan ini merupakan wujud pertanggungjawaban "
            f"pelaksanaan Rencana Strategis (Renstra) dan Rencana Kerja (Renja) {nama} tahun {rep.year}, "
            f"yang memuat capaian {fmt_int(len(_iku_ids(rep)))} Indikator Kinerja Utama dibandingkan "
            "dengan targetnya, realisasi anggaran, serta keberhasilan dan hambatan pencapaiannya.\n\n"
            "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada tahun "
            "berikutnya.")


# --------------------------------------------------------------------------- Ikhtisar

def ikhtisar_pembuka(rep) -> str:
    """The Ikhtisar's opening paragraph (the analyst's text replaces it)."""
    return (f"Laporan Kinerja Instansi Pemerintah (LKjIP) {md_text(rep.unit.nama)} Tahun {rep.year} disusun "
            "sebagai wujud pertanggungjawaban pelaksanaan Rencana Strategis (Renstra) dan Rencana Kerja "
            f"(Renja), sesuai {REPORTING_REGULATION_SHORT}. Laporan ini mengukur realisasi indikator "
            "kinerja utama dibandingkan dengan target yang ditetapkan.")


def ikhtisar_capaian(rep) -> str:
    """The Ikhtisar's computed part: the seven IKU with their figures, and the budget."""
    res, year = rep.results, rep.year
    ids = _iku_ids(rep)
    lines = [f"Capaian {_all_of(len(ids))} Indikator Kinerja Utama tahun {year} adalah sebagai berikut:", ""]
    for i, ind in enumerate(ids, start=1):
        r = _row(rep, ind)
        if is_missing(r["realisasi"]) and _not_available(rep, ind):
            txt = f"realisasi belum tersedia ({md_text(_not_available(rep, ind))}); capaian {CAPAIAN_UNDEFINED}"
        elif is_missing(r["realisasi"]):
            txt = "realisasi tidak dapat dihitung karena datanya tidak tersedia"
        elif is_missing(r["target"]):
            txt = f"realisasi {fmt_value(ind, r['realisasi'], iku=rep.results.iku)}; target belum ditetapkan"
        elif is_missing(r["capaian_pct"]):
            txt = (f"realisasi {fmt_value(ind, r['realisasi'], iku=rep.results.iku)} dari target "
                   f"{fmt_value(ind, r['target'], compact=True, iku=rep.results.iku)}; capaian {CAPAIAN_UNDEFINED} (target 0)")
        else:
            txt = (f"realisasi {fmt_value(ind, r['realisasi'], iku=rep.results.iku)} dari target "
                   f"{fmt_value(ind, r['target'], compact=True, iku=rep.results.iku)}, capaian {fmt_pct(r['capaian_pct'])} "
                   f"(kategori capaian {r['kategori']})")
        kelas = res.kelas.get(ind)
        if ind == "ikm" and kelas and res.ikm is not None:
            txt += f"; mutu pelayanan {kelas} ({res.ikm.kinerja})"
        elif ind == "sakip" and kelas and res.sakip is not None:
            txt += f"; predikat SAKIP {kelas} ({res.sakip.keterangan})"
        elif ind == "ip_asn" and kelas:
            txt += f"; kategori IP ASN {kelas}"
            p = getattr(rep, "ip_asn_penilaian", None)
            if p is not None and p.pengganti:
                txt += f"; hasil pengukuran tahun {p.tahun_penilaian}, karena pengukuran tahun {year} belum diterbitkan"
        lines.append(f"{i}. {md_text(_nama(rep, ind))}: {txt}.")
    lines.append("")
    lines.append(_budget_sentence(rep))
    n_met = sum(bool(_met(_row(rep, i))) for i in ids)
    lines.append("")
    lines.append(f"Secara keseluruhan {n_met} dari {len(ids)} indikator mencapai atau "
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
        src = " (Laporan Realisasi Anggaran)" if "rekening" in str(pen.sumber) else " (data anggaran per sub kegiatan)"
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
                        + _join([f"{md_text(j)}, {md_text(t)}" for j, t in zip(out["Jabatan"], out["Tanggal"])])
                        + ")")
        if len(inn):
            bits.append(f"{fmt_int(len(inn))} pegawai mulai bertugas")
        text += f" Selama tahun {rep.year}, " + _join(bits) + "."
    return _DRAFT + text


def sistematika(rep) -> str:
    """Bab I: the structure of the report."""
    return ("Laporan kinerja ini disusun menurut sistematika berikut:\n\n"
            "- **BAB I Pendahuluan**: gambaran organisasi, sumber daya aparatur dan isu strategis;\n"
            "- **BAB II Perencanaan Kinerja**: Rencana Strategis, Perjanjian Kinerja dan perubahannya;\n"
            "- **BAB III Akuntabilitas Kinerja**: capaian kinerja organisasi, realisasi anggaran dan "
            "tindak lanjut hasil evaluasi;\n"
            "- **BAB IV Penutup**: kesimpulan dan saran;\n"
            "- **Lampiran**.")


# --------------------------------------------------------------------------- title, Bab I A, signature

def judul(rep) -> str:
    """The document's title block (HTML inside Markdown; not a heading, so it
    stays out of the Daftar Isi). Hidden in print, where the cover page
    carries the title."""
    u = rep.unit
    return block("judul.html.j2", nama=u.nama, kabupaten=u.kabupaten, year=rep.year,
                 alamat=u.alamat).rstrip("\n")


def _nip_spaced(nip: object) -> str:
    d = "".join(ch for ch in str(nip or "") if ch.isdigit())
    if len(d) == 18:
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
    return d


def tanggal_indonesia(value: dt.date | str | None) -> str | None:
    """``2024-01-10`` -> ``10 Januari 2024``; a text that is not an ISO date is kept as written.

    >>> tanggal_indonesia("2024-01-10"), tanggal_indonesia("Januari 2024"), tanggal_indonesia(None)
    ('10 Januari 2024', 'Januari 2024', None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        d = value
    else:
        try:
            d = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return str(value).strip()
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def tanda_tangan(rep, ttd=None, *, place: str | None = None, date: dt.date | str | None = None,
                 final: bool = False) -> str:
    """The signature block of the head of the unit.

    ``ttd`` is the signing resolved by :func:`lkjip.inputs.signing.resolve_signing` (``ctx.tanda_tangan()``:
    place, date as printed and signer from the run's parameters or the unit's data); without it,
    ``place`` (default: the unit's signing town) and ``date``. Without a date the date is dotted for
    the signatory to fill (a final version always has one: the run refuses final without it).
    """
    u = rep.unit
    signer = dict(getattr(ttd, "penandatangan", None) or u.pimpinan or {})
    when = (getattr(ttd, "tanggal", "") or None) if ttd is not None else tanggal_indonesia(date)
    if ttd is not None:
        place = getattr(ttd, "tempat", "") or place
    if when is None:
        when = f"................ {rep.year + 1}"
    return block("tanda_tangan.html.j2", place=place or u.kota_penetapan or "", when=when,
                 jabatan=signer.get("jabatan", ""), nama=signer.get("nama", ""), pangkat=signer.get("pangkat"),
                 nip=_nip_spaced(signer["nip"]) if signer.get("nip") else None).rstrip("\n")
