"""Where the generated LKjIP prints what the published LKjIP printed: its numbers, for the audit.

The audit checks the figures of the *published* LKjIP (the source document, as printed): "Gambar 3.6" is
the published LRA, "Tabel 3.2.1" the published budget table. The LKjIP this package generates numbers
its tables itself (:mod:`lkjip.document.numbering`, in the order notebook 05 shows them, a section left
out leaving no gap): the same LRA is "Tabel 3.1.12" there. An auditor holds both, so each finding names
both places.

:func:`planned_captions` numbers the generated LKjIP's tables and figures as notebook ``05_lkjip`` does,
from the same report model and the same conditions (a table shown only when its data are there); the
end-to-end test compares it with the captions of the executed LKjIP, so the two cannot drift apart.
:data:`SAME_TABLE` says which generated table prints the figures of a published place;
:func:`generated_places` resolves it to a caption (label, id for the link) or a Lampiran heading.
Places the generated LKjIP does not print (the Renstra TC-27 of Gambar 2.1 and Lampiran 1, the text
paragraphs) have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from lkjip import document as report
from lkjip.contract.fmt import fmt_date_id
from lkjip.document import narrative
from lkjip.document.numbering import Caption, Numbering, Sections
from lkjip.document.pejabat_figure import has_capaian_figure

#: Published place (``lokasi`` of published.csv, as printed) -> the title of the generated LKjIP's table
#: or figure that prints the same figures (``{year}``, ``{unit}`` filled in; a title ending in ``…`` is a
#: prefix), or ``Lampiran:<title>`` for a Lampiran heading.
SAME_TABLE: dict[str, str] = {
    "Bab I C": "Sarana dan Prasarana Kantor",
    "Tabel 1.1": "Jumlah Penduduk {unit}…",
    "Tabel 2.1": "Matriks Target Kinerja Renstra",
    "Tabel 2.2": "Perjanjian Kinerja Tahun {year}",
    "Tabel 2.3": "Perjanjian Kinerja Perubahan Tahun {year}",
    "Tabel 3.1.1": "Pencapaian Kinerja",
    "Tabel 3.1.2": "Perbandingan Realisasi Kinerja",
    "Tabel 3.1.3": "Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra",
    "Tabel 3.1.4": "Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
    "Gambar 3.1": "Hasil Survei Kepuasan Masyarakat per Unsur",
    "Gambar 3.2": "Laporan PATEN Tahun {year}",
    "Gambar 3.4": "Rekapitulasi Laporan Seksi-Seksi",
    "Gambar 3.5": "Nilai SAKIP Tahun {year}",
    "Gambar 3.6": "Laporan Realisasi Anggaran Tahun {year}",
    "Gambar 3.7": "IP ASN {unit}",
    "Tabel 3.2.1": "Anggaran dan Realisasi per Jenis Belanja",
    "Tabel 3.2.2": "Alokasi Anggaran per Indikator Kinerja",
    "Tabel 3.2.3": "Pencapaian Kinerja dan Anggaran",
    "Tabel 3.2.4": "Efisiensi Penggunaan Sumber Daya",
    "Tabel 3.2.5": "Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan",
    "Lampiran 2": "Lampiran:Perjanjian Kinerja dan Perjanjian Kinerja Perubahan",
    "Lampiran 3": "Lampiran:Berita Acara Pengukuran Kinerja",
    "Lampiran 7": "Lampiran:Prestasi",
}

#: A published Lampiran of one official ("Lampiran 4 Sekretaris Kecamatan"): the generated table of
#: that official's results.
_OFFICIAL = re.compile(r"^Lampiran \d+ (?P<jabatan>\D.*)$")


@dataclass(frozen=True)
class Place:
    """A place in the generated LKjIP: ``label`` as printed (``Tabel 3.1.12``), ``title``, and ``anchor``
    (the caption's id in the LKjIP's HTML; ``None`` for a Lampiran heading)."""

    label: str
    title: str
    anchor: str | None = None

    def __str__(self) -> str:
        return f"{self.label} {self.title}"


@dataclass
class Plan:
    """The generated LKjIP's numbered captions and its Lampiran headings (``Lampiran 3`` -> title)."""

    captions: list[Caption]
    lampiran: dict[str, str]


def planned_captions(laporan, final: bool = False) -> Plan:
    """The captions notebook 05 gives the LKjIP of ``laporan`` (a :class:`~lkjip.document.data.ReportData`),
    in order, and its Lampiran headings. The trailing appendix tables of the data checks (Hasil Pemeriksaan
    Data, Hasil Audit Angka) are left out: nothing the audit places is printed there."""
    absent = report.is_absent
    year, unit = laporan.year, laporan.unit.nama
    n = Numbering()
    t: Callable[[str, str], Caption] = n.tabel
    g: Callable[[str, str], Caption] = n.gambar

    # Bab I
    if laporan.pegawai_jabatan is not None:
        t("1", "Jumlah Pegawai per Jabatan")
    if laporan.pegawai_status is not None:
        t("1", "Jumlah Pegawai per Status Kepegawaian")
    if not absent(report.pegawai_golongan(laporan)):
        t("1", "Jumlah ASN per Pangkat/Golongan")
    if not absent(report.pegawai_pendidikan(laporan)):
        t("1", "Jumlah ASN per Tingkat Pendidikan")
    if laporan.pegawai_mutasi is not None and len(laporan.pegawai_mutasi):
        t("1", "Pegawai yang Masuk dan Keluar selama Tahun Berjalan")
    if not absent(report.sarana(laporan)):
        t("1", "Sarana dan Prasarana Kantor")
    penduduk = report.penduduk(laporan)
    if not absent(penduduk):
        t("1", f"Jumlah Penduduk {unit}"
          + (f" per {fmt_date_id(penduduk.per_tanggal)}" if penduduk.per_tanggal is not None else ""))
    if not absent(report.proses_bisnis(laporan)):
        t("1", "Peta Proses Bisnis")

    # Bab II
    renstra_target = report.renstra_target(laporan)
    if (renstra_target if not absent(renstra_target) else laporan.tabel_2_1) is not None:
        t("2", "Matriks Target Kinerja Renstra")
    perubahan = report.renstra_target(laporan, "renstra_perubahan")
    if (perubahan if not absent(perubahan) else laporan.tabel_2_1_perubahan) is not None:
        t("2", "Usulan Perubahan Target Renstra")
    for doc, fallback, title in (("pk", laporan.tabel_2_2, "Perjanjian Kinerja"),
                                 ("pk_perubahan", laporan.tabel_2_3, "Perjanjian Kinerja Perubahan")):
        pk = report.perjanjian_kinerja(laporan, doc)
        if (narrative.profil.pk_tabel(pk) if not absent(pk) else fallback) is not None:
            t("2", f"{title} Tahun {year}")
        if not absent(pk) and not absent(pk.anggaran):
            t("2", f"Anggaran Program {title} Tahun {year}")

    # Bab III A
    t("3.1", "Pencapaian Kinerja")
    g("3", "Capaian Indikator Kinerja Utama")
    t("3.1", "Perbandingan Realisasi Kinerja")
    g("3", "Tren Realisasi dan Target Indikator Kinerja Utama")
    t("3.1", "Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra")
    t("3.1", "Perbandingan Realisasi Kinerja dengan Realisasi Nasional")
    if laporan.gambar_3_1 is not None:
        t("3.1", "Hasil Survei Kepuasan Masyarakat per Unsur")
    if laporan.gambar_3_1_ringkasan is not None:
        t("3.1", "Nilai IKM Unit")
    if laporan.gambar_3_1 is not None:
        g("3", "Nilai per Unsur Pelayanan dan Batas Mutu Pelayanan")
    if laporan.gambar_3_2 is not None:
        t("3.1", f"Laporan PATEN Tahun {year}")
        g("3", "Jumlah Pelayanan PATEN per Jenis Layanan")
        g("3", "Jumlah Pelayanan PATEN per Bulan")
    if narrative.iku_for(laporan, "koordinasi_ditindaklanjuti_pct") is not None \
            and report.koordinasi_rincian(laporan.dataset("koordinasi")) is not None:
        t("3.1", "Rekapitulasi Fasilitasi, Rekomendasi dan Koordinasi")
    if laporan.gambar_3_4 is not None:
        t("3.1", "Rekapitulasi Laporan Seksi-Seksi")
    if narrative.iku_for(laporan, "sakip") is not None:
        t("3.1", "Predikat Nilai SAKIP")
    if laporan.gambar_3_5 is not None:
        t("3.1", f"Nilai SAKIP Tahun {year}")
    if laporan.gambar_3_5_subkomponen is not None:
        t("3.1", "Nilai SAKIP per Sub Komponen")
    if laporan.gambar_3_5 is not None:
        g("3", "Nilai SAKIP per Komponen terhadap Bobot")
    if laporan.gambar_3_6 is not None and narrative.iku_for(laporan, "realisasi_anggaran_pct") is not None:
        t("3.1", f"Laporan Realisasi Anggaran Tahun {year}")
    if laporan.gambar_3_7 is not None:
        t("3.1", f"IP ASN {unit}")
        g("3", "Jumlah ASN per Kategori IP ASN")
    if laporan.inovasi is not None and len(laporan.inovasi):
        t("3.1", "Daftar Inovasi Aktif")

    # Bab III B, C
    if laporan.tabel_3_2_1 is not None:
        t("3.2", "Anggaran dan Realisasi per Jenis Belanja")
    t("3.2", "Alokasi Anggaran per Indikator Kinerja")
    t("3.2", "Pencapaian Kinerja dan Anggaran")
    t("3.2", "Efisiensi Penggunaan Sumber Daya")
    if laporan.tabel_3_2_5 is not None:
        t("3.2", "Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan")
    if laporan.anggaran_program is not None:
        g("3", "Penyerapan Anggaran per Program")
    if not absent(report.tindak_lanjut_evaluasi(laporan)):
        t("3.3", "Tindak Lanjut Hasil Evaluasi")

    # Lampiran: headings (a section without its data is left out of a final LKjIP), officials' tables
    pk = report.perjanjian_kinerja(laporan, "pk")
    pejabat = report.laporan_pejabat(laporan)
    prestasi = report.prestasi(laporan)

    def shown(*parts) -> bool:
        return not final or any(not absent(p) for p in parts)

    s = Sections()
    lampiran: dict[str, str] = {}
    for title, visible in (("Perjanjian Kinerja dan Perjanjian Kinerja Perubahan", shown(pk)),
                           ("Berita Acara Pengukuran Kinerja", shown(report.berita_acara(laporan))),
                           ("Hasil Pengukuran Kinerja Pejabat", shown(pejabat)),
                           ("Prestasi", shown(*prestasi.values())),
                           ("Pemeriksaan Data", True)):
        heading = s.lampiran(title, shown=visible)
        if heading:
            label = heading.removeprefix("## ").split(".", 1)[0]
            lampiran[label] = title
    if not absent(pejabat):
        for p in pejabat:
            t("L", f"Perjanjian Kinerja {p.jabatan}")
            t("L", f"Capaian Kinerja {p.jabatan}")
            if has_capaian_figure(p):  # notebook 05 draws it after the table (Gambar L.n)
                g("L", f"Capaian Kinerja {p.jabatan}")
    return Plan(n.captions, lampiran)


def _title(template: str, laporan) -> str:
    return template.format(year=laporan.year, unit=laporan.unit.nama)


def captions_by_title(captions: list[Caption]) -> dict[str, Caption]:
    """Each caption by its title; where a table and its chart share a title (an official's capaian in
    Lampiran 3) the title names the table, which prints the figures."""
    out: dict[str, Caption] = {}
    for c in captions:
        if c.title not in out or (c.label.startswith("Tabel") and not out[c.title].label.startswith("Tabel")):
            out[c.title] = c
    return out


def generated_places(laporan, final: bool = False, plan: Plan | None = None) -> dict[str, Place]:
    """Published place (``lokasi``) -> its :class:`Place` in the generated LKjIP, for every published place
    of ``laporan``'s published figures that the generated LKjIP prints."""
    plan = plan or planned_captions(laporan, final)
    by_title = captions_by_title(plan.captions)
    lampiran = {title: label for label, title in plan.lampiran.items()}
    pub = getattr(laporan.inputs, "published", None)
    places = sorted({str(x) for x in pub["lokasi"].dropna()}) if pub is not None and "lokasi" in pub else []
    out: dict[str, Place] = {}
    for lokasi in [*SAME_TABLE, *places]:
        if lokasi in out:
            continue
        template = SAME_TABLE.get(lokasi)
        head = " ".join(lokasi.split(" ")[:2])
        if template is None and SAME_TABLE.get(head, "").startswith("Lampiran:"):
            template = SAME_TABLE[head]  # "Lampiran 2 PK 2023": a part of the published Lampiran 2
        if template is None:
            m = _OFFICIAL.match(lokasi)
            if m is None:
                continue
            template = f"Capaian Kinerja {m.group('jabatan')}"
        title = _title(template, laporan)
        if title.startswith("Lampiran:"):
            name = title.removeprefix("Lampiran:")
            if name in lampiran:
                out[lokasi] = Place(lampiran[name], name)
            continue
        if title.endswith("…"):
            hit = next((c for c in plan.captions if c.title.startswith(title[:-1])), None)
        else:
            hit = by_title.get(title)
        if hit is None:  # an official's title as the data spell it ("Kepala Seksi Pemerintahan")
            hit = next((c for c in plan.captions if c.title.lower() == title.lower()), None)
        if hit is not None:
            out[lokasi] = Place(hit.label, hit.title, hit.id)
    return out

