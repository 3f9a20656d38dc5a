"""Published figure families that the raw data cannot recompute, and why (in Bahasa Indonesia).

The reason goes into ``keterangan`` of ``audit.csv`` and into the audit
report's list of what could not be checked. A family here may still be
checked against its printed parts within its own table (family 4, see
:mod:`lkjip.audit.document`); the reason says so where that is the case.
Families that the data recompute for some arguments only (a Renstra target
of one of the seven indicators, not of the others) give their reason from
the figure function itself (:mod:`lkjip.audit.figures_detail`).
"""

from __future__ import annotations

_IN_TABLE = "; hanya penjumlahan dalam tabel yang dapat diperiksa"

#: Figure family -> why the raw data cannot recompute it.
NOT_CHECKABLE: dict[str, str] = {
    # Renstra TC-27 and T-C.27 (Lampiran 1, Gambar 2.1)
    "tc27_awal": "data capaian awal Renstra bukan data masukan",
    "tc27_pagu": "rencana pendanaan indikatif Renstra (TC-27) bukan data masukan" + _IN_TABLE,
    "tc27_pagu_akhir": "rencana pendanaan indikatif Renstra (TC-27) bukan data masukan" + _IN_TABLE,
    "tc27_usulan_pagu": "usulan pendanaan perubahan Renstra bukan data masukan" + _IN_TABLE,
    "tc27_usulan_pagu_akhir": "usulan pendanaan perubahan Renstra bukan data masukan" + _IN_TABLE,
    # officials' reports (Lampiran 4)
    "pejabat_pk_target": "target PK pejabat bukan data masukan (targets.csv hanya memuat target unit)",
    "pejabat_target": "target PK pejabat bukan data masukan (targets.csv hanya memuat target unit)",
    "pejabat_capaian": "target PK pejabat bukan data masukan; capaian diperiksa terhadap realisasi dan target "
                       "yang tercetak",
    "pejabat_rata_capaian": "capaian pejabat bukan data masukan; rata-rata diperiksa terhadap capaian yang tercetak",
    "pejabat_anggaran": "pemetaan pejabat ke kode anggaran belum ada di unit.yaml",
    "pejabat_realisasi_anggaran": "pemetaan pejabat ke kode anggaran belum ada di unit.yaml",
    "pejabat_penyerapan": "pemetaan pejabat ke kode anggaran belum ada di unit.yaml; persentase diperiksa "
                          "terhadap anggaran dan realisasi yang tercetak",
    # facts about the unit that the contract does not hold (population, territory and office equipment
    # are recomputed from the optional penduduk.csv, unit.yaml and sarana.csv: lkjip.audit.figures_unit)
    "nilai_rb": "Nilai Reformasi Birokrasi dinilai Pemda, bukan data masukan",
    "indikator_program_tercapai_pct": "definisi indikator tidak tunggal di dokumen dan bukan data masukan",
    "probis_level3_jumlah_proses": "peta proses bisnis bukan data masukan",
    "peringkat_sakip_opd": "peringkat dan penghargaan dari pihak luar, bukan data masukan",
    "peringkat_pbb_p2": "peringkat dan penghargaan dari pihak luar, bukan data masukan",
    "peringkat_kinerja_kecamatan": "peringkat dan penghargaan dari pihak luar, bukan data masukan",
    "peringkat_festival_makanan": "peringkat dan penghargaan dari pihak luar, bukan data masukan",
    "nilai_penilaian_pelayanan_publik": "penilaian dari pihak luar, bukan data masukan",
    "ikm_pemda": "IKM tingkat Pemda bukan data unit",
    "jumlah_kinerja_lainnya": "susunan Perjanjian Kinerja (kinerja utama dan lainnya) bukan data masukan",
}
