"""What a reader sees for the audit's identifiers: chapters, families, statuses, figure names, units.

``audit.csv`` keeps the identifiers (a figure id such as ``pagu:7.01.01``, a
status such as ``tidak_dapat_diperiksa``) so that it can be filtered; the
audit report shows the words of this module instead.
"""

from __future__ import annotations

import re

from lkjip.audit.causes import CAUSE_LABELS
from lkjip.audit.result import (
    FAMILY_CROSS,
    FAMILY_DOCUMENT,
    FAMILY_INTERNAL,
    FAMILY_PLACES,
    FAMILY_PUBLISHED,
    SELISIH,
    SESUAI,
    TIDAK_DIPERIKSA,
)
from lkjip.contract.rules import INDICATORS, IPASN_DIMENSION_NAMES

__all__ = ["CAUSE_LABELS", "CHAPTERS", "FAMILY_LABELS", "STATUS_LABELS", "chapter_of", "figure_label",
           "kind_of", "unit_of"]

#: Chapters of an LKjIP in document order; figures of the raw data files have no chapter.
CHAPTERS = ("Ikhtisar Eksekutif", "Bab I", "Bab II", "Bab III", "Bab IV", "Lampiran")

DATA_CHAPTER = "Data masukan"

FAMILY_LABELS = {
    FAMILY_INTERNAL: "Total dalam data masukan",
    FAMILY_CROSS: "Antar data masukan",
    FAMILY_PUBLISHED: "Angka tercetak terhadap hitung ulang",
    FAMILY_DOCUMENT: "Jumlah tercetak terhadap rinciannya",
    FAMILY_PLACES: "Angka yang sama di beberapa tempat",
}

STATUS_LABELS = {SESUAI: "Sesuai", SELISIH: "Selisih", TIDAK_DIPERIKSA: "Tidak dapat diperiksa"}

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def chapter_of(lokasi: object) -> str:
    """The chapter a place of the LKjIP belongs to ("" when it is not a place of the document).

    >>> chapter_of("Tabel 3.2.4"), chapter_of("Bab III A.5.e (teks)"), chapter_of("Gambar 2.1")
    ('Bab III', 'Bab III', 'Bab II')
    >>> chapter_of("Lampiran 1 TC-27"), chapter_of("Ikhtisar Eksekutif"), chapter_of(None)
    ('Lampiran', 'Ikhtisar Eksekutif', '')
    """
    text = "" if lokasi is None or not isinstance(lokasi, str) else lokasi.strip()
    if text.lower().startswith("ikhtisar"):
        return "Ikhtisar Eksekutif"
    if text.lower().startswith("lampiran"):
        return "Lampiran"
    m = re.match(r"Bab\s+(IV|III|II|I)\b", text)
    if m:
        return f"Bab {m.group(1)}"
    m = re.match(r"(?:Tabel|Gambar)\s+(\d)\.", text)
    if m and 1 <= int(m.group(1)) <= 4:
        return "Bab " + {1: "I", 2: "II", 3: "III", 4: "IV"}[int(m.group(1))]
    return ""


_RUPIAH = {
    "pagu_anggaran", "realisasi_anggaran_rp", "sisa_anggaran_rp", "pagu", "anggaran", "realisasi",
    "lra_anggaran", "lra_realisasi", "lra_realisasi_tahun_lalu", "surplus_defisit_anggaran",
    "surplus_defisit_realisasi", "sisa_lebih_pembiayaan_anggaran", "sisa_lebih_pembiayaan_realisasi",
    "anggaran_indikator", "pagu_indikator", "realisasi_anggaran_indikator", "pk_anggaran",
    "pk_perubahan_anggaran", "tc27_pagu", "tc27_pagu_akhir", "tc27_usulan_pagu", "tc27_usulan_pagu_akhir",
    "pejabat_anggaran", "pejabat_realisasi_anggaran",
}
_PERCENT = {
    "penyerapan_pct", "penyerapan", "persen", "lra_persen", "surplus_defisit_persen",
    "sisa_lebih_pembiayaan_persen", "penyerapan_indikator", "persen_anggaran_indikator", "capaian",
    "kemajuan", "pejabat_capaian", "pejabat_rata_capaian", "pejabat_penyerapan", "tingkat_efisiensi",
    "layanan_sesuai_standar_pct", "koordinasi_ditindaklanjuti_pct", "realisasi_anggaran_pct",
    "indikator_program_tercapai_pct",
}
_COUNTS = {
    "jumlah_program", "jumlah_kegiatan", "jumlah_sub_kegiatan", "jumlah_layanan", "jumlah_layanan_sesuai_standar",
    "layanan_bulan", "jumlah_layanan_bulan", "jumlah_fasilitasi", "jumlah_tindak_lanjut", "jumlah_jenis_fasilitasi",
    "fasilitasi", "tindak_lanjut", "responden_ikm", "populasi_ikm", "jumlah_pegawai", "jumlah_pegawai_jabatan",
    "jumlah_asn", "jumlah_asn_diukur", "jumlah_inovasi", "jumlah_inovasi_kumulatif", "ikm_unsur_total",
    "jumlah_penduduk", "penduduk", "jumlah_desa", "jumlah_dusun", "jumlah_rw", "jumlah_rt", "sarana",
    "jumlah_indikator_capai_target_akhir", "jumlah_kinerja_lainnya",
}


def _family(ind: object) -> str:
    return re.sub(r"_(program|kegiatan|sub_kegiatan|subkegiatan)(?=(_pct)?$)", "",
                  str(ind or "").strip().partition(":")[0])


def kind_of(ind: object, dataset: object = None) -> str:
    """``rupiah``, ``poin`` (an index or a percentage) or ``jumlah`` (a count) for a figure id or dataset.

    >>> kind_of("lra_anggaran:5.1"), kind_of("ikm"), kind_of("layanan_bulan:kk:jan"), kind_of(None, "lra")
    ('rupiah', 'poin', 'jumlah', 'rupiah')
    """
    fam = _family(ind)
    if fam in ("pejabat_realisasi", "pejabat_target", "pejabat_pk_target"):
        what = str(ind).rsplit(":", 1)[-1]
        fam = "jumlah_layanan" if what.startswith("jumlah_") else "capaian"
    if fam:
        if fam in _RUPIAH:
            return "rupiah"
        if fam in _COUNTS:
            return "jumlah"
        return "poin"
    ds = str(dataset or "")
    if ds.startswith(("anggaran", "lra", "targets/anggaran")):
        return "rupiah"
    if ds.startswith(("paten", "koordinasi", "pegawai", "ikm_survei")):
        return "jumlah"
    return "poin"


def unit_of(ind: object, dataset: object = None) -> str:
    """``"Rp"``, ``"%"`` or ``""``: how a figure is written in a sentence."""
    fam = _family(ind)
    kind = kind_of(ind, dataset)
    if kind == "rupiah":
        return "Rp"
    return "%" if fam in _PERCENT else ""


_NAMES = {i.id: i.nama_pendek or i.nama for i in INDICATORS}
_OTHER = {
    "jumlah_layanan_sesuai_standar": "Jumlah pelayanan sesuai standar",
    "jumlah_jenis_fasilitasi": "Jumlah jenis fasilitasi, rekomendasi dan koordinasi",
    "indikator_program_tercapai_pct": "Persentase indikator program yang tercapai",
    "nilai_rb": "Nilai Reformasi Birokrasi",
    "jumlah_inovasi_kumulatif": "Jumlah inovasi kumulatif",
}
_MEASURES = {"realisasi": "realisasi", "target": "target", "capaian": "capaian (%)"}

_TEMPLATES = {
    "pagu_anggaran": "Pagu anggaran", "realisasi_anggaran_rp": "Realisasi anggaran (Rp)",
    "sisa_anggaran_rp": "Sisa anggaran (Rp)", "pagu": "Pagu {arg}", "anggaran": "Pagu {arg}",
    "realisasi": "Realisasi anggaran {arg}", "penyerapan_pct": "Penyerapan anggaran {arg} (%)",
    "lra_anggaran": "Anggaran LRA rekening {arg}", "lra_realisasi": "Realisasi LRA rekening {arg}",
    "lra_realisasi_tahun_lalu": "Realisasi tahun lalu LRA rekening {arg}",
    "lra_persen": "Persentase realisasi LRA rekening {arg}",
    "anggaran_indikator": "Anggaran indikator {ind}", "realisasi_anggaran_indikator": "Realisasi anggaran indikator {ind}",
    "penyerapan_indikator": "Penyerapan anggaran indikator {ind} (%)",
    "persen_anggaran_indikator": "Persentase anggaran indikator {ind} terhadap total",
    "tingkat_efisiensi": "Tingkat efisiensi indikator {ind}",
    "jumlah_layanan": "Jumlah layanan PATEN {arg}", "layanan_bulan": "Layanan PATEN {arg}",
    "jumlah_layanan_bulan": "Jumlah layanan PATEN bulan {arg}", "jumlah_fasilitasi": "Jumlah fasilitasi",
    "jumlah_tindak_lanjut": "Jumlah tindak lanjut", "fasilitasi": "Fasilitasi: {arg}",
    "tindak_lanjut": "Tindak lanjut: {arg}", "responden_ikm": "Jumlah responden survei IKM",
    "populasi_ikm": "Populasi survei IKM", "jumlah_pegawai": "Jumlah pegawai {arg}",
    "jumlah_pegawai_jabatan": "Jumlah pegawai jabatan {arg}", "jumlah_asn": "Jumlah ASN",
    "jumlah_asn_diukur": "Jumlah ASN yang diukur IP ASN", "sakip_komponen": "Nilai komponen SAKIP {arg}",
    "sakip_bobot": "Bobot komponen SAKIP {arg}", "sakip_bobot_total": "Jumlah bobot komponen SAKIP",
    "renstra_target": "Target Renstra {ind}", "pk_target": "Target PK {ind}",
    "pk_perubahan_target": "Target PK Perubahan {ind}", "target": "Target {ind}", "capaian": "Capaian {ind} (%)",
    "kemajuan": "Tingkat kemajuan {ind} (%)", "ipasn_rata": "Rata-rata dimensi IP ASN {arg}",
    "ipasn_pegawai": "IP ASN pegawai {arg}", "nrr": "NRR unsur {arg}", "nrr_x25": "NRR x 25 unsur {arg}",
    "nrr_tertimbang": "NRR tertimbang unsur {arg}", "nrr_tertimbang_jumlah": "Jumlah NRR tertimbang",
    "ikm_unsur_total": "Jumlah nilai unsur {arg}",
}


def _words(text: str) -> str:
    return text.replace("_", " ").replace(":", " ").strip()


def figure_label(ind: object, ukuran: object = None, tahun: object = None,
                 names: "dict[str, str] | None" = None) -> str:
    """A figure id in words, for a published file without ``makna``; ``names``: the unit's own IKU
    (code -> nama from indikator.csv), for codes that are not one of the seven kecamatan IKU.

    >>> figure_label("ikm", "capaian", 2023)
    'Nilai IKM capaian (%) 2023'
    >>> figure_label("pagu:7.01.01", None, 2023), figure_label("penyerapan_indikator:sakip")
    ('Pagu 7.01.01 2023', 'Penyerapan anggaran indikator Nilai SAKIP (%)')
    >>> figure_label("AKI", "capaian", 2023, {"aki": "Angka Kematian Ibu"})
    'Angka Kematian Ibu capaian (%) 2023'
    """
    own = {str(k).lower(): str(v) for k, v in (names or {}).items() if str(k).lower() not in _NAMES}
    text = str(ind or "").strip()
    if text.lower() in own:
        text = text.lower()
    fam, _, arg = text.partition(":")
    year = "" if tahun is None or str(tahun) in ("", "nan", "<NA>") else f" {int(tahun)}"
    if text in _NAMES or text in _OTHER or text in own:
        measure = _MEASURES.get(str(ukuran or "realisasi"), str(ukuran))
        return f"{_NAMES.get(text) or _OTHER.get(text) or own[text]} {measure}{year}"
    template = _TEMPLATES.get(_family(text))
    if template is None:
        return (_words(text)[:1].upper() + _words(text)[1:] + year).strip()
    ind_name = _NAMES.get(arg) or _OTHER.get(arg) or own.get(arg.lower()) or _words(arg)
    if _family(text) == "ipasn_pegawai":
        nip, _, dim = arg.partition(":")
        arg = f"{IPASN_DIMENSION_NAMES.get(dim, dim)}"
    return (template.format(arg=_words(arg), ind=ind_name) + year).replace("  ", " ").strip()
