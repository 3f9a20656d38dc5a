"""The LKjIP and the chain follow the declared IKU (issue 23, "Any unit, its own key indicators"):
a Dinas whose only data are unit.yaml, indikator.csv, targets.csv and, per year, realisasi.csv and
lra.csv runs end to end and gets a whole LKjIP written from its own four IKU.

Hand-computed values of the Dinas below (2023):
- kinerja_gabungan = 0.4 * 95 (LRA 950.000.000 / 1.000.000.000) + 0.6 * 90 = 92; target 90 -> 102,2222...%
- ikm_layanan = rata_rata(80, 90,5) = 85,25; target 85 -> 100,2941...%
- angka_kematian_ibu = 88,5 (dilaporkan, turun); target 92 -> (2*92 - 88,5)/92 = 103,8043...%
- prevalensi_stunting = n/a (belum tersedia); target 20 -> no capaian
- capaian kinerja unit = (102,2222 + 100,2941 + 103,8043) / 3 = 102,1069 -> "102,11%"
"""

from __future__ import annotations

from pathlib import Path

UNIT_YAML = """\
kode: dinkes
nama: Dinas Kesehatan Kabupaten Contoh
kabupaten: Kabupaten Contoh
provinsi: Jawa Timur
pimpinan:
  nama: dr. Sri Contoh, M.Kes
  jabatan: Kepala Dinas Kesehatan
  pangkat: Pembina Utama Muda
  nip: '197001011995032001'
kota_penetapan: Contoh
sasaran:
- sasaran: Meningkatnya kinerja pelayanan kesehatan
  indikator:
  - kinerja_gabungan
  - ikm_layanan
- sasaran: Meningkatnya derajat kesehatan masyarakat
  indikator:
  - angka_kematian_ibu
  - prevalensi_stunting
"""

INDIKATOR_CSV = """\
kode,nama,satuan,polaritas,desimal,rumus,sumber,definisi
kinerja_gabungan,Indeks Kinerja Gabungan Dinas,indeks,naik,2,0.4*realisasi_anggaran_pct + 0.6*capaian_output,LRA dan laporan e-Monev,"Gabungan tertimbang realisasi anggaran (40%) dan capaian output (60%)"
ikm_layanan,Indeks Kepuasan Masyarakat Puskesmas,indeks,naik,2,rata_rata(ikm_puskesmas),Survei kepuasan tiap puskesmas,Rata-rata indeks kepuasan seluruh puskesmas
angka_kematian_ibu,Angka Kematian Ibu,per 100.000 kelahiran hidup,turun,2,dilaporkan,Laporan KIA,Kematian ibu per 100.000 kelahiran hidup
prevalensi_stunting,Prevalensi Balita Stunting,persen,turun,2,dilaporkan,Survei Status Gizi Indonesia,Persentase balita stunting
"""

TARGETS_CSV = """\
indikator,dokumen,tahun,target,satuan
kinerja_gabungan,renstra,2022,88,indeks
kinerja_gabungan,renstra,2023,90,indeks
kinerja_gabungan,renstra,2026,95,indeks
ikm_layanan,renstra,2022,84,indeks
ikm_layanan,renstra,2023,85,indeks
ikm_layanan,renstra,2026,88,indeks
angka_kematian_ibu,renstra,2022,95,per 100.000 kelahiran hidup
angka_kematian_ibu,renstra,2023,92,per 100.000 kelahiran hidup
angka_kematian_ibu,renstra,2026,80,per 100.000 kelahiran hidup
prevalensi_stunting,renstra,2022,22,persen
prevalensi_stunting,renstra,2023,20,persen
prevalensi_stunting,renstra,2026,14,persen
"""

REALISASI = {
    2022: """\
besaran,subunit,nilai,sumber
capaian_output,,85,e-Monev 2022
ikm_puskesmas,Puskesmas Utara,82,Survei puskesmas
ikm_puskesmas,Puskesmas Selatan,84,Survei puskesmas
angka_kematian_ibu,,94,Laporan KIA 2022
prevalensi_stunting,,21.5,SSGI 2022
""",
    2023: """\
besaran,subunit,nilai,sumber
capaian_output,,90,e-Monev 2023
ikm_puskesmas,Puskesmas Utara,80,Survei puskesmas
ikm_puskesmas,Puskesmas Selatan,"90,5",Survei puskesmas
angka_kematian_ibu,,"88,5",Laporan KIA 2023
prevalensi_stunting,,n/a,SSGI 2023 belum rilis
""",
}

LRA = {
    2022: '''kode_rekening,uraian,anggaran,realisasi
5,BELANJA DAERAH,"1.000.000.000,00","900.000.000,00"
5.1,BELANJA OPERASI,"1.000.000.000,00","900.000.000,00"
''',
    2023: '''kode_rekening,uraian,anggaran,realisasi
5,BELANJA DAERAH,"1.000.000.000,00","950.000.000,00"
5.1,BELANJA OPERASI,"1.000.000.000,00","950.000.000,00"
''',
}


def make_dinkes(raw: Path) -> Path:
    """The Dinas of the module docstring under ``raw/dinkes``."""
    unit = raw / "dinkes"
    unit.mkdir(parents=True)
    (unit / "unit.yaml").write_text(UNIT_YAML, encoding="utf-8")
    (unit / "indikator.csv").write_text(INDIKATOR_CSV, encoding="utf-8")
    (unit / "targets.csv").write_text(TARGETS_CSV, encoding="utf-8")
    for year in (2022, 2023):
        (unit / str(year)).mkdir()
        (unit / str(year) / "realisasi.csv").write_text(REALISASI[year], encoding="utf-8")
        (unit / str(year) / "lra.csv").write_text(LRA[year], encoding="utf-8")
    return unit
