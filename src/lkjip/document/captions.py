"""Sentences under the report's tables: sources (``Sumber:``), target documents, notes.
"""

from __future__ import annotations

from lkjip.document import bab3a as _tables
from lkjip.contract.markup import md_text
from lkjip.document.data import ReportData
from lkjip.contract.rules import DOCUMENT_LABELS
from lkjip.document.narrative.capaian import own_iku


def target_document_note(rep: ReportData) -> str:
    """Which document each target of the year comes from, as one sentence."""
    t = rep.results.target
    docs = [d for d in t["dokumen"].dropna().unique()]
    if not docs:
        return f"Tidak ada target untuk tahun {rep.year}."
    if len(docs) == 1:
        return f"Target tahun {rep.year} diambil dari {md_text(DOCUMENT_LABELS.get(docs[0], docs[0]))}."
    parts = []
    for d in docs:
        nama = {i.kode: i.nama for i in rep.results.iku}
        names = [md_text(nama.get(i, i)) for i in t.loc[t["dokumen"] == d, "indikator"]]
        parts.append(f"{md_text(DOCUMENT_LABELS.get(d, d))} untuk {', '.join(names)}")
    return f"Target tahun {rep.year} diambil dari " + "; ".join(parts) + "."


def sumber(rep: ReportData, what: str) -> str:
    """The ``Sumber:`` line of a table or figure, naming the document as the published LKjIP does
    (the data files are named in the auditors' copy, which shows the code)."""
    u, y = rep.unit.nama, rep.year
    years = ", ".join(str(x) for x in sorted(rep.per_year))
    texts = {
        "pegawai": f"Data pegawai {u} per 31 Desember {y}",
        "renstra": f"Renstra {u}",
        "renstra_perubahan": f"Usulan Perubahan Target Renstra {u}",
        "pk": f"Perjanjian Kinerja Tahun {y} {u}",
        "pk_perubahan": f"Perjanjian Kinerja Perubahan Tahun {y} {u}",
        "capaian": f"Hasil pengukuran kinerja {u} tahun {y}, dihitung ulang dari data",
        "multi": f"Hasil pengukuran kinerja {u} tahun {years}, dihitung ulang dari data; target dari "
                 "Renstra, Perjanjian Kinerja dan perubahannya",
        "nasional": _national(rep),
        "ikm": f"Survei Kepuasan Masyarakat {u} tahun {y}",
        "paten": f"Laporan PATEN {u} Tahun {y}",
        "koordinasi": f"Rekapitulasi laporan seksi-seksi {u} tahun {y}",
        "sakip": f"Hasil evaluasi SAKIP {u} tahun {y}",
        "lra": f"Laporan Realisasi Anggaran {u} tahun {y}",
        "ipasn": f"Pengukuran IP ASN {u}",
        "inovasi": f"Keputusan Camat tentang inovasi {u}",
        "anggaran": f"Laporan Keuangan {u} Tahun {y}",
        "anggaran_lra": f"Laporan Keuangan dan Laporan Realisasi Anggaran {u} Tahun {y}",
    }
    if what in ("capaian", "multi"):
        own = _declared_sources(rep)
        if own:
            texts[what] += f" ({own})"
        # an IKU printed with its official figure (lkjip.indicators.official) names that figure's source
        official = [f for f in (getattr(rep, "angka_resmi", None) or ()) if f.dicetak_resmi and f.sumber]
        if official:
            texts[what] += "; " + "; ".join(f"{f.nama} tahun {y}: angka resmi {f.sumber}" for f in official)
    return texts[what]


def _declared_sources(rep: ReportData) -> str:
    """The sources a unit's own IKU declare (``indikator.csv`` ``sumber``), distinct and in order; ""
    for the seven kecamatan IKU, whose captions stay as published."""
    if not own_iku(rep):
        return ""
    return "; ".join(md_text(x) for x in dict.fromkeys(i.sumber for i in rep.results.iku if i.sumber))


def sumber_iku(rep: ReportData, kode: str) -> str:
    """The ``Sumber:`` line of one declared IKU's figures: its declared ``sumber`` with the unit and
    year, or the unit's measurement when it declares none."""
    found = next((i for i in rep.results.iku if i.kode == kode), None)
    u, y = rep.unit.nama, rep.year
    if found is None or not found.sumber:
        return f"Hasil pengukuran kinerja {u} tahun {y}"
    return f"{found.sumber}, {u} tahun {y}"


def _national(rep: ReportData) -> str:
    """The source of Tabel 3.1.4's national figures: the sources the ``nasional`` file names."""
    if _tables.national_of_year(rep.inputs.national, rep.year) is None:
        return "angka nasional belum tersedia"
    sources = _tables.national_sources(rep.inputs.national, rep.year)
    return f"Data realisasi nasional tahun {rep.year}" + (f" ({'; '.join(sources)})" if sources else "")


def renstra_note(rep: ReportData) -> str:
    """The note under Tabel 2.1 about the revised Renstra targets."""
    if rep.tabel_2_1_perubahan is None:
        return ""
    years = [c for c in rep.tabel_2_1_perubahan.columns if str(c).isdigit()]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "")
    return (f"Catatan: untuk tahun {span} terdapat Usulan Perubahan Target Renstra (tabel berikut). "
            "Target perubahan ini yang dipakai untuk tahun-tahun tersebut dan sebagai target akhir "
            "Renstra pada Tabel 3.1.3.")


def catatan_perhitungan(rep: ReportData) -> str:
    """The computation notes of every indicator and the multi-year reading, as a Markdown list."""
    lines = [f"- {md_text(n)}" for n in rep.results.notes_text()] + [f"- {md_text(n)}" for n in rep.catatan]
    return "\n".join(lines) if lines else "Tidak ada catatan perhitungan."
