"""Write the bundled raw data of Kecamatan Gedeg: data/raw/gedeg/.

Usage (from the repository root)::

    python scripts/make_gedeg_data.py [--out data/raw/gedeg]

- 2023: the tables of the unit's real LKjIP 2023 (the published LKjIP 2023, "dokumen terbit"), copied
  as printed (numbers in the Indonesian form of the document, printed totals
  kept even where they disagree with their rows), plus a reconstructed survey
  (654 respondents whose per-unsur totals equal Gambar 3.1) and staff list.
- 2021, 2022: synthetic data that reproduce, by the regulation formulas, the
  figures the published LKjIP 2023 prints for those years (Tabel 3.1.2).
- unit.yaml, targets.csv; published.csv is copied from scripts/data/gedeg_published.csv
  (every figure of the published LKjIP 2023, see scripts/build_published.py).
- Contract v2 files (unit profile, Renstra statements, PK as signed, Berita Acara,
  officials' PK results, prestasi, narasi.md ...): transcribed from the published
  LKjIP 2023 as printed and committed under ``scripts/gedeg_transcribed/``; copied as they are.

Everything synthetic comes from ``numpy.random.default_rng(2023)`` (one stream
per year/dataset), so two runs write byte-identical files. See
data/raw/gedeg/README.md for what is copied, reconstructed and synthetic.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import sys

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_SUBCOMPONENT_SHARES  # noqa: E402
from lkjip.contract.schema import MONTHS, UNSUR  # noqa: E402

SEED = 2023


def rng_for(year: int, dataset: str) -> np.random.Generator:
    """One independent, fixed stream per (year, dataset)."""
    key = sum((i + 1) * ord(c) for i, c in enumerate(dataset))
    return np.random.default_rng([SEED, year, key])


# ---------------------------------------------------------------- formatting

def idr(value: int | float, decimals: int = 0) -> str:
    """Indonesian number form: 2.720.088.927 / 2.720.088.927,00 / 27,03."""
    negative = value < 0
    value = abs(value)
    text = f"{value:,.{decimals}f}"  # 2,720,088,927.00
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"({text})" if negative else text


def num(value: float | int | None) -> str:
    """Plain number (dot decimal, no grouping, at most 2 decimals)."""
    if value is None:
        return ""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    d = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    text = format(d, "f")
    return text


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    path.write_text(buf.getvalue(), encoding="utf-8")


def half_up(x: Fraction | float, places: int = 2) -> Decimal:
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
    else:
        d = Decimal(str(x))
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ================================================================ 2023 (the published LKjIP)

# Gambar 3.2 Laporan PATEN Tahun 2023: months and the printed JUMLAH, as printed.
PATEN_2023 = [
    ("Pindah Datang", [51, 44, 55, 32, 68, 81, 84, 84, 67, 70, 82, 76], 754),
    ("Pindah Keluar", [63, 71, 40, 21, 79, 81, 121, 79, 94, 91, 105, 96], 641),
    ("Akte Kelahiran", [91, 66, 105, 69, 142, 61, 120, 104, 117, 149, 105, 132], 1263),
    ("Akte Kematian", [72, 86, 47, 27, 53, 44, 56, 53, 67, 69, 74, 72], 730),
    ("Kartu Keluarga", [332, 317, 288, 212, 373, 215, 330, 277, 365, 423, 479, 450], 4057),
    ("Kartu Tanda Penduduk (KTP)", [250, 273, 212, 145, 174, 187, 227, 347, 79, 29, 30, 28], 1881),
    ("Kartu Identitas Anak (KIA)", [39, 26, 32, 6, 37, 0, 0, 0, 1, 0, 1, 1], 143),
    ("KTP Digital", [96, 84, 145, 110, 72, 51, 46, 70, 56, 44, 21, 20], 815),
    ("Legalisasi Surat", [4, 6, 2, 15, 7, 6, 2, 6, 0, 0, 0, 0], 48),
    ("Ijin Keramaian", [0] * 12, 0),
    ("Surat Keterangan Tidak Memori (Lamporal, KIS, Keringanan Biaya Sekolah, Perorangan)",
     [0, 8, 12, 2, 6, 5, 10, 13, 19, 12, 12, 8], 107),
    ("Dispensasi Nikah", [3, 3, 0, 3, 1, 0, 6, 0, 1, 0, 1, 2], 23),
    ("Rekomendasi pembelian BBM tertentu (jenis minyak solar)", [0, 2, 4, 2, 3, 4, 4, 4, 6, 7, 3, 2], 41),
    ("Surat Keterangan waris", [7, 14, 19, 3, 7, 11, 7, 16, 14, 10, 6, 11], 124),
    ("Evaluasi Rancangan Perdes: Anggaran Pendapatan Belanja Desa", [0] * 11 + [14], 14),
    ("Evaluasi Rancangan Perdes: Perubahan Anggaran Pendapatan dan Belanja Desa",
     [0, 0, 0, 0, 0, 0, 0, 0, 14, 14, 0, 14], 42),
    ("Evaluasi Rancangan Perdes: Penanggungjawaban Anggaran Pendapatan dan Belanja Desa",
     [11] + [0] * 11, 11),
    ("Pemberian Ijin Cuti Kepala Desa yang akan mencalonkan diri sebagai Bakal calon Kepala Desa", [0] * 12, 0),
    ("Palantikan dan penggantian sumpah jabatan Kepala Desa antar waktu, pejabat Kepala Desa dan Anggota "
     "Badan Permusyawaratan Desa Antar Waktu", [0] * 12, 0),
    ("Pembinaan kepada masyarakat mengenai penanganan dan pengelolaan sampah di wilayah Kecamatan",
     [1, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1], 15),
]
PATEN_2023_JUMLAH = ([1020, 1005, 961, 647, 1020, 758, 1027, 1039, 901, 923, 921, 900], 11119)

# Gambar 3.4 Rekapitulasi Laporan Seksi-Seksi 2023 (uraian, fasilitasi, tindak lanjut, keterangan).
KOORDINASI_2023 = [
    ("Fasilitasi Alokasi Dana Desa (ADD)", 28, 28, "Seksi Pemerintahan"),
    ("Fasilitasi Dana Desa (DD)", 42, 42, "Seksi Pemerintahan"),
    ("Fasilitasi Peraturan Desa (PERDES) dan Perubahan, Peraturan Kepala Desa (PERKADES) dan Perubahan",
     14, 14, "Seksi Pemerintahan"),
    ("Fasilitasi dan Pembinaan Asosiasi Kepala Desa (AKD)", 14, 14, "Seksi Pemerintahan"),
    ("Fasilitasi dan Pembinaan Sekretaris Desa", 14, 14, "Seksi Pemerintahan"),
    ("Fasilitasi dan Pembinaan Badan Permusyawaratan Desa (BPD)", 14, 14, "Seksi Pemerintahan"),
    ("Fasilitasi dan Pembinaan Operator Siskeudes", 28, 28, "Seksi Pemerintahan"),
    ("Fasilitasi Bagi Hasil Pajak dan Restribusi", 56, 56, "Seksi Pemerintahan"),
    ("Fasilitasi Kegiatan Musrebang", 15, 15, "Seksi Pembangunan"),
    ("Fasilitasi dan Pembinaan Bumdes", 14, 14, "Seksi Pembangunan"),
    ("Fasilitasi Unit pengelola kegiatan Program pengembangan kecamatan mandiri", 12, 12, "Seksi Pembangunan"),
    ("Fasilitasi Bantuan Keuangan (BK) Desa", 42, 42, "Seksi Pembangunan"),
    ("Fasilitasi dan Pembinaan PUEM, PUAP, dan Kopwan", 17, 17, "Seksi Pembangunan"),
    ("Fasilitasi dan Pembinaan Satuan Perlindungan Masyarakat (Satlinmas)", 5, 5, "Seksi Trantib"),
    ("Fasilitasi Penegakan Perda", 2, 2, "Seksi Trantib"),
    ("Fasilitasi Pengamanan Hari Besar Keagamaan", 12, 12, "Seksi Trantib"),
    ("Fasilitasi Pengamanan dan kondusifitas wilayah", 13, 13, "Seksi Trantib"),
    ("Fasilitasi Hari Besar Nasional", 3, 3, "Seksi Trantib"),
    ("Fasilitasi dan Pembinaan Forum Anak", 15, 15, "Seksi Kemasyarakatan"),
    ("Fasilitasi dan Pembinaan Karang Taruna", 15, 15, "Seksi Kemasyarakatan"),
    ("Fasilitasi dan Koordinasi Tokoh Agama dan Tokoh Masyarakat", 24, 24, "Seksi Kemasyarakatan"),
    ("Fasilitasi dan Pembinaan Pemberdayaan Kesejahteraan Keluarga (PKK)", 20, 20, "Seksi Kemasyarakatan"),
    ("Fasilitasi Bantuan Sosial Kemasyarakatan", 22, 22, "Seksi Kemasyarakatan"),
    ("Fasilitasi dan Rekomendasi Bantuan Hibah", 10, 10, "Seksi Kemasyarakatan"),
]
KOORDINASI_2023_JUMLAH = (451, 451)

# Tabel 3.2.5 Realisasi Penyerapan Anggaran per Program Kegiatan (TA 2023), codes from
# Kepmendagri/TC-27 (Lampiran 1). (kode, uraian as printed, pagu, realisasi)
ANGGARAN_2023 = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 2483372550, 2334527848),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 9700000, 9660000),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 3000000, 2990000),
    ("7.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", 6700000, 6670000),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 2122381250, 1987364743),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 2122381250, 1987364743),
    ("7.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", 12400000, 12400000),
    ("7.01.01.2.05.0002", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", 12400000, 12400000),
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", 163947500, 156719200),
    ("7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 9870000, 9870000),
    ("7.01.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor", 53840000, 47910000),
    ("7.01.01.2.06.0004", "Penyediaan bahan Logistik Kantor", 25662500, 24904700),
    ("7.01.01.2.06.0005", "Penyediaan Barang Cetak dan Penggandaan", 10065000, 10065000),
    ("7.01.01.2.06.0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 4860000, 4860000),
    ("7.01.01.2.06.0007", "Penyediaan Bahan/Material", 33100000, 32659500),
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 26550000, 26450000),
    ("7.01.01.2.07", "Pengadaan barang milik daerah penunjang urusan Pemerintah Daerah", 5840000, 5600000),
    ("7.01.01.2.07.0005", "Pengadaan mebel", 5840000, 5600000),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintah Daerah", 92973800, 86880905),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 54344840, 48251945),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 38628960, 38628960),
    ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 76130000, 75903000),
    ("7.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas "
     "Operasional atau lapangan", 36150000, 35954000),
    ("7.01.01.2.09.0006", "Pemeliharaan peralatan dan mesin lainnya", 4980000, 4950000),
    ("7.01.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 35000000, 34999000),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 28928297, 28533000),
    ("7.01.02.2.04", "Pelaksanaan urusan Pemerintahan yang Dilimpahkan kepada Camat", 28928297, 28533000),
    ("7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang Terkait Dengan Nonperizinan", 28928297, 28533000),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", 207788080, 204086300),
    ("7.01.06.2.01", "Fasilitasi Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
     207788080, 204086300),
    ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", 41600000, 41322000),
    ("7.01.06.2.01.0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah Dengan Pembangunan Desa",
     29834000, 27736300),
    ("7.01.06.2.01.0011", "Fasilitasi Penyelenggaraan Ketentraman dan Ketertiban Umum", 36951000, 36742200),
    ("7.01.06.2.01.0012", "Fasilitasi Pelaksanaan Tugas, Fungsi dan Kewajiban Lembaga Kemasyarakatan",
     99403080, 98285800),
]
ANGGARAN_2023_JUMLAH = (2720088927, 2567147148)

# Gambar 3.6 LRA 2023 (kode, uraian, anggaran, realisasi 2023, realisasi 2022), as printed.
LRA_2023 = [
    ("5", "BELANJA DAERAH", 2720088927, 2566829648, 3133189384),
    ("5.1", "BELANJA OPERASI", 2660473927, 2513319648, 2862577484),
    ("5.1.01", "Belanja Pegawai", 2149981250, 2013994243, 2232283615),
    ("5.1.02", "Belanja Barang dan Jasa", 511092677, 499325405, 584383669),
    ("5.1.05", "Belanja Hibah", 0, 0, 35800000),
    ("5.2", "BELANJA MODAL", 59615000, 53510000, 270531900),
    ("5.2.02", "Belanja Modal Perawatan dan Mesin", 59615000, 53510000, 137402000),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", 0, 0, 129889900),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya", 0, 0, 3240000),
]

# Gambar 3.7 IP ASN Kec. Gedeg (NIP without spaces, name, kualifikasi, kompetensi, kinerja, disiplin)
# + the post (Bab I B and the signatures of Lampiran 4; reconstructed for the Pelaksana).
CAMAT = "Camat"
SEKCAM = "Sekretaris Kecamatan"
KASUBAG_PPK = "Kepala Sub Bagian Penyusunan Program dan Keuangan"
KASUBAG_UMUM = "Kepala Sub Bagian Umum dan Kepegawaian"
KASI_PEM = "Kepala Seksi Pemerintahan"
KASI_PEMB = "Kepala Seksi Pembangunan"
KASI_KEMAS = "Kepala Seksi Kemasyarakatan"
KASI_PEL = "Kepala Seksi Pelayanan"
KASI_TRANTIB = "Kepala Seksi Ketenteraman, Ketertiban Umum dan Perlindungan Masyarakat"
PELAKSANA = "Pelaksana"
ESELON = {CAMAT: "III.a", SEKCAM: "III.b", KASUBAG_PPK: "IV.b", KASUBAG_UMUM: "IV.b", KASI_PEM: "IV.a",
          KASI_PEMB: "IV.a", KASI_KEMAS: "IV.a", KASI_PEL: "IV.a", KASI_TRANTIB: "IV.a"}

IPASN_2023 = [
    ("197702211995111001", "MOHAMMAD TAUFIQURROHMAN, S.STP., M.M.", 23, 40, 25, 5, CAMAT),
    ("197803062003121004", "KUKUH RADIDTYO, S.H., M.H.", 23, 40, 25, 5, SEKCAM),
    ("198811142019031002", "DANIEL NOVA , S.Kom.", 22, 40, 25, 5, KASUBAG_PPK),
    ("198505132003122003", "UYUN KURNIANINGRUM, S.Sos.", 22, 40, 25, 5, PELAKSANA),
    ("198304292010011009", "ARIF TRIADI LAKSONO, S.E.", 22, 40, 25, 5, KASI_TRANTIB),
    ("196709011989032007", "RUL ISTIRAHAYU, S.Sos.", 21, 40, 25, 5, KASI_PEL),
    ("197112062001121003", "KUSNADI, S.E.", 21, 40, 25, 5, KASI_KEMAS),
    ("198404112010011010", "HENRY DEVIDSON, S.E.", 21, 40, 25, 5, KASI_PEM),
    ("197106242000101001", "SULKAN", 20, 40, 25, 5, PELAKSANA),
    ("197205102006041030", "SUGIAT", 20, 40, 25, 5, PELAKSANA),
    ("197203312009011002", "SUTIKNO", 20, 40, 25, 5, PELAKSANA),
    ("197107022009011001", "YAHYA KARYANTO", 20, 40, 25, 5, PELAKSANA),
    ("196707162007012021", "LILIK WIDYANINGSIH", 20, 40, 25, 5, PELAKSANA),
    ("196610012007012026", "SYANE KESAKTIAN WUISAN", 20, 40, 25, 5, PELAKSANA),
    ("198510272010011002", "DADANG SETYAWAN", 20, 40, 25, 5, PELAKSANA),
    ("197908242010011003", "ASAINI IF PUTRA PRASETYA", 20, 40, 25, 5, PELAKSANA),
    ("197804202012121001", "KUSMIANTO", 10, 40, 25, 5, PELAKSANA),
    ("197601232001121005", "FARID KURNIA SETIAWAN, S.Sos.", 21, 25, 25, 5, KASI_PEMB),
]
# Pangkat as printed under each signature of the published LKjIP 2023 (contract v2); golongan and
# pendidikan are printed nowhere, so they stay blank.
PANGKAT_2023 = {
    "197702211995111001": "Pembina Tingkat I", "197803062003121004": "Pembina",
    "198811142019031002": "Penata Muda Tingkat I", "198304292010011009": "Penata Muda Tk. I",
    "196709011989032007": "Penata Tingkat I", "197112062001121003": "Penata Tingkat I",
    "198404112010011010": "Penata Tingkat I", "197601232001121005": "Penata",
}
# The year of the IP ASN assessment each year's scores come from (pegawai.tahun_penilaian_ip_asn).
# 2023: the 2022 assessment (Berita Acara item 6, Gambar 3.7 "IP ASN TAHUN 2022 : 89,50"). The figures
# Tabel 3.1.2 prints for 2022 (56,00) and 2021 (56,80) therefore come from earlier assessments: each
# LKjIP, written in January, uses the latest published assessment, that of the year before (README).
IPASN_ASSESSMENT_YEAR = {2021: 2020, 2022: 2021, 2023: 2022}
PEGAWAI_HEADER = ["nip", "nama", "jabatan", "status", "eselon", "mulai", "selesai", "kualifikasi", "kompetensi",
                  "kinerja", "disiplin", "pangkat", "golongan", "pendidikan", "tahun_penilaian_ip_asn"]
# Synthetic people (names and NIPs invented; see README).
FORMER_KASUBAG_PPK = ("198109172006041012", "BAGUS HARIADI WICAKSONO, S.E.")
KASUBAG_UMUM_RETIRED = ("196412281986031005", "SUPRIYADI, S.Sos.")
# The seed counts 3 tenaga honorer (Bab I B) and names none, nor their duties: placeholders, not names.
HONORER = [(f"TENAGA HONORER {i}", "Tenaga Honorer") for i in (1, 2, 3)]

# Gambar 3.5 Nilai SAKIP 2023 (components only; the published LKjIP gives no sub-components).
# Weights are printed as the document does ("30,00"); they are the regulation's (lkjip.contract.rules).
SAKIP_2023 = [(k, f"{SAKIP_COMPONENT_WEIGHTS[k]:.2f}".replace(".", ","), v)
              for k, v in (("perencanaan", "27,03"), ("pengukuran", "25,74"),
                           ("pelaporan", "12,65"), ("evaluasi_internal", "20,71"))]

INOVASI_2023 = [
    ("GAMIS JUBAH", "", "", "aktif"),  # SK image not legible (Gambar 3.7): number and date not recorded
    ("MANTAP BERDASI", "188/22/416-314/2023", "2023-01-31", "aktif"),
]


# ================================================================ survey

MALE_NAMES = (
    "Sutrisno Suprapto Purwanto Mujiono Sugiharto Hendrawan Suharyono Mardiyanto Wijayanto Zainuddin "
    "Syaifudin Nurkholis Mashuri Mulyono Suparman Rochmadi Sunaryo Darmanto Haryanto Suwito Ngadimin "
    "Tukiman Suyitno Margono Sukardi Jumadi Sarmidi Fahrurrozi Khoirudin Ilhamsyah Muzakki Badrudin "
    "Imronudin Samsuri Masykur Choirudin Rifqiansyah Misbachul Nuryanto Sujarwo"
).split()
FEMALE_NAMES = (
    "Wahyuningsih Rahmawati Setyowati Nurhayati Suwarni Kusumawati Yulianingsih Sulistyowati Rochmawati "
    "Sumarsih Fitriyani Ernawati Kholifah Masruroh Sriwahyuni Mardiyah Sulastri Purwaningsih Nurjanah "
    "Munawaroh Zulaikha Rofiqoh Maslikhah Sholikhah Suprihatin Tumini Sukesi Mudrikah Nurfadilah Juwariyah "
    "Suhartini Marfuah Rukayah Siswati Kasiatun"
).split()
PENDIDIKAN = (["SD", "SMP", "SMA", "D3", "S1", "S2"], [0.12, 0.18, 0.45, 0.07, 0.16, 0.02])
PEKERJAAN = (["Wiraswasta", "Karyawan Swasta", "Petani", "Buruh", "Ibu Rumah Tangga", "Pedagang",
              "Pelajar/Mahasiswa", "PNS", "Perangkat Desa", "Lainnya"],
             [0.2, 0.2, 0.1, 0.12, 0.14, 0.08, 0.06, 0.03, 0.04, 0.03])


def survey_frame(rng, year: int, n: int, month_weights, services, service_weights):
    """Dates and demographics of ``n`` respondents (answers are filled by the caller)."""
    mw = np.asarray(month_weights, float)
    months = rng.choice(12, size=n, p=mw / mw.sum())
    dates = []
    for m in months:
        days = np.arange(np.datetime64(f"{year}-{m + 1:02d}-01"),
                         np.datetime64(f"{year}-{m + 1:02d}-01") + np.timedelta64(31, "D"))
        days = [d for d in days if str(d)[:7] == f"{year}-{m + 1:02d}" and np.is_busday(d, weekmask="1111110")]
        dates.append(str(days[rng.integers(len(days))]))
    sw = np.asarray(service_weights, float)
    layanan = rng.choice(len(services), size=n, p=sw / sw.sum())
    male = rng.random(n) < 0.48
    umur = np.clip(np.round(rng.normal(39, 12.5, n)), 17, 75).astype(int)
    pend = rng.choice(len(PENDIDIKAN[0]), size=n, p=PENDIDIKAN[1])
    pek = rng.choice(len(PEKERJAAN[0]), size=n, p=PEKERJAAN[1])
    rows = []
    for i in range(n):
        names = MALE_NAMES if male[i] else FEMALE_NAMES
        nama = names[rng.integers(len(names))]
        job = PEKERJAAN[0][pek[i]]
        if umur[i] < 23 and job in ("PNS", "Perangkat Desa"):
            job = "Pelajar/Mahasiswa"
        if male[i] and job == "Ibu Rumah Tangga":
            job = "Wiraswasta"
        if umur[i] > 25 and job == "Pelajar/Mahasiswa":
            job = "Karyawan Swasta"
        edu = PENDIDIKAN[0][pend[i]]
        if umur[i] < 22 and edu in ("S1", "S2"):
            edu = "SMA"
        if umur[i] < 25 and edu == "S2":
            edu = "S1"
        if umur[i] < 20 and edu == "D3":
            edu = "SMA"
        rows.append({
            "tanggal": dates[i], "nama": nama, "layanan": services[layanan[i]],
            "jenis_kelamin": "Laki-laki" if male[i] else "Perempuan", "umur": int(umur[i]),
            "pendidikan": edu, "pekerjaan": job,
        })
    order = sorted(range(n), key=lambda i: (rows[i]["tanggal"], i))
    return [rows[i] for i in order]


def ikm_exact(answers: np.ndarray) -> Fraction:
    """IKM unit value with exact 1/9 weights; answers: int array, 0 = blank."""
    total = Fraction(0)
    for j in range(9):
        col = answers[:, j]
        given = col[col > 0]
        total += Fraction(int(given.sum()), len(given))
    return total * 25 / 9


def survey_2023(rng):
    totals = [2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600]
    n = 654
    twos = [2, 2, 3, 0, 2, 5, 3, 1, 0]
    answers = np.full((n, 9), 4, dtype=int)
    # latent dissatisfaction: a minority of respondents give most of the lower marks
    weight = rng.gamma(0.35, 1.0, n) + 0.02
    for j in range(9):
        deficit = 4 * n - totals[j]
        n2 = twos[j]
        n3 = deficit - 2 * n2
        chosen = rng.choice(n, size=n2 + n3, replace=False, p=weight / weight.sum())
        answers[chosen[:n2], j] = 2
        answers[chosen[n2:], j] = 3
        assert answers[:, j].sum() == totals[j]
    return answers


def survey_synthetic(rng, n: int, target: Decimal, p4: float, p2: float, blank_rate: float):
    """Answers whose IKM (exact weights, half-up 2 dp) equals ``target``; 0 = blank."""
    answers = np.where(rng.random((n, 9)) < p4, 4, 3)
    answers[rng.random((n, 9)) < p2] = 2
    answers[rng.random((n, 9)) < 0.002] = 1
    answers[rng.random((n, 9)) < blank_rate] = 0
    t = Fraction(str(target))
    tol = Fraction(45, 10000)
    for _ in range(100000):
        value = ikm_exact(answers)
        if abs(value - t) <= tol:
            break
        up = value < t
        j = int(rng.integers(9))
        cand = np.flatnonzero((answers[:, j] > 0) & ((answers[:, j] < 4) if up else (answers[:, j] > 2)))
        if len(cand) == 0:
            continue
        i = int(cand[rng.integers(len(cand))])
        answers[i, j] += 1 if up else -1
    else:  # pragma: no cover
        raise RuntimeError("IKM target not reached")
    assert half_up(ikm_exact(answers)) == target
    return answers


def write_survey(path: Path, frame, answers) -> None:
    header = ["tanggal", "nama", *UNSUR, "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan"]
    rows = []
    for r, a in zip(frame, answers):
        rows.append([r["tanggal"], r["nama"], *[(int(x) if x > 0 else "") for x in a],
                     r["layanan"], r["jenis_kelamin"], r["umur"], r["pendidikan"], r["pekerjaan"]])
    write_csv(path, header, rows)


# ================================================================ synthetic years

KOORDINASI_EXTRA = [
    ("Fasilitasi Pemilihan Kepala Desa Serentak", "Seksi Pemerintahan"),
    ("Fasilitasi Pengisian Perangkat Desa", "Seksi Pemerintahan"),
    ("Fasilitasi Penyaluran BLT Dana Desa", "Seksi Pemerintahan"),
    ("Fasilitasi Penegasan Batas Desa", "Seksi Pemerintahan"),
    ("Fasilitasi Pengelolaan Aset Desa", "Seksi Pemerintahan"),
    ("Fasilitasi Laporan Penyelenggaraan Pemerintahan Desa (LPPDes)", "Seksi Pemerintahan"),
    ("Fasilitasi Administrasi Pertanahan Desa", "Seksi Pemerintahan"),
    ("Fasilitasi Penyusunan RPJMDes dan RKPDes", "Seksi Pembangunan"),
    ("Fasilitasi Monitoring Pembangunan Fisik Desa", "Seksi Pembangunan"),
    ("Fasilitasi Program Padat Karya Tunai Desa", "Seksi Pembangunan"),
    ("Fasilitasi Pendataan SDGs Desa", "Seksi Pembangunan"),
    ("Fasilitasi Ketahanan Pangan Desa", "Seksi Pembangunan"),
    ("Fasilitasi Kebersihan Lingkungan dan Bank Sampah Desa", "Seksi Pembangunan"),
    ("Fasilitasi Penanganan Covid-19 dan PPKM Mikro", "Seksi Trantib"),
    ("Fasilitasi Penanganan Bencana", "Seksi Trantib"),
    ("Fasilitasi Penertiban Pedagang Kaki Lima dan Reklame", "Seksi Trantib"),
    ("Fasilitasi Pengamanan Pemilihan Kepala Desa", "Seksi Trantib"),
    ("Fasilitasi Patroli Wilayah Bersama Muspika", "Seksi Trantib"),
    ("Fasilitasi Vaksinasi Covid-19", "Seksi Kemasyarakatan"),
    ("Fasilitasi Posyandu dan Penanganan Stunting", "Seksi Kemasyarakatan"),
    ("Fasilitasi Kegiatan Keagamaan", "Seksi Kemasyarakatan"),
    ("Fasilitasi Bantuan Pangan Non Tunai (BPNT)", "Seksi Kemasyarakatan"),
    ("Fasilitasi Program Keluarga Harapan (PKH)", "Seksi Kemasyarakatan"),
    ("Fasilitasi Kegiatan Olahraga Masyarakat", "Seksi Kemasyarakatan"),
    ("Fasilitasi Pemutakhiran Data Terpadu Kesejahteraan Sosial (DTKS)", "Seksi Kemasyarakatan"),
    ("Fasilitasi Pembinaan Kader Kesehatan Desa", "Seksi Kemasyarakatan"),
]
# extra lines that had ended by 2022 (Covid) are left out of 2022
KOORDINASI_EXTRA_2022 = [0, 1, 2, 4, 5, 7, 8, 10, 14, 16, 19, 20, 21, 24]


def split_total(rng, total: int, weights) -> np.ndarray:
    """Integers >= 0 with the given sum, roughly proportional to weights."""
    w = np.asarray(weights, float)
    raw = w / w.sum() * total
    out = np.floor(raw).astype(int)
    rest = total - out.sum()
    if rest:
        idx = rng.choice(len(w), size=rest, replace=False, p=(raw - out + 1e-9) / (raw - out + 1e-9).sum())
        out[idx] += 1
    return out


def koordinasi_synthetic(rng, lines, total_fas: int, total_tl: int):
    base = np.array([max(2.0, f) for _, f, _, _ in KOORDINASI_2023] + [10.0] * len(KOORDINASI_EXTRA))
    w = np.array([base[i] for i in lines]) * rng.uniform(0.6, 1.4, len(lines))
    fas = split_total(rng, total_fas, w)
    fas = np.maximum(fas, 1)
    while fas.sum() > total_fas:
        fas[np.argmax(fas)] -= 1
    shortfall = total_fas - total_tl
    tl = fas.copy()
    for _ in range(shortfall):
        ok = np.flatnonzero(tl > 0)
        i = ok[rng.choice(len(ok), p=fas[ok] / fas[ok].sum())]
        tl[i] -= 1
    names = [(KOORDINASI_2023[i][0], KOORDINASI_2023[i][3]) if i < len(KOORDINASI_2023)
             else KOORDINASI_EXTRA[i - len(KOORDINASI_2023)] for i in lines]
    rows = [[u, s, int(f), int(t)] for (u, s), f, t in zip(names, fas, tl)]
    rows.append(["JUMLAH", "", int(fas.sum()), int(tl.sum())])
    return rows


def paten_synthetic(rng, total: int, tidak: int):
    names = [p[0] for p in PATEN_2023]
    yearly = np.array([p[2] for p in PATEN_2023], float)
    yearly = np.where(yearly > 0, yearly, 0.0)
    w = yearly ** 0.8 * rng.uniform(0.6, 1.4, len(yearly))
    per_row = split_total(rng, total, w)
    month_w = np.array(PATEN_2023_JUMLAH[0], float)
    rows = []
    ts = split_total(rng, tidak, per_row)
    ts = np.minimum(ts, per_row)
    while ts.sum() < tidak:  # give the remainder to the largest rows
        i = int(np.argmax(per_row - ts))
        ts[i] += 1
    month_totals = np.zeros(12, int)
    for name, n, t in zip(names, per_row, ts):
        months = rng.multinomial(int(n), _norm(month_w * rng.uniform(0.7, 1.3, 12)))
        month_totals += months
        rows.append([name, *map(int, months), int(n), int(t)])
    rows.append(["JUMLAH", *map(int, month_totals), int(month_totals.sum()), int(ts.sum())])
    return rows


def _norm(v):
    v = np.asarray(v, float)
    return v / v.sum()


def sakip_synthetic(spec):
    """spec: {komponen: [keberadaan, kualitas, pemanfaatan] nilai}; weights from lkjip.contract.rules."""
    rows = []
    shares = [(name, Fraction(str(share))) for name, share in SAKIP_SUBCOMPONENT_SHARES.items()]
    for komp, subs in spec.items():
        bobot = int(SAKIP_COMPONENT_WEIGHTS[komp])
        total = sum(Decimal(s) for s in subs)
        rows.append([komp, num(bobot), num(float(total)), ""])
        for (name, share), value in zip(shares, subs):
            sub_bobot = float(bobot * share)
            assert Decimal(value) <= Decimal(str(sub_bobot))
            rows.append([komp, num(sub_bobot), num(float(value)), name])
    return rows


SAKIP_2021 = {"perencanaan": ["5.70", "7.65", "12.75"], "pengukuran": ["5.55", "7.35", "12.00"],
              "pelaporan": ["2.85", "3.60", "5.75"], "evaluasi_internal": ["4.60", "6.15", "9.75"]}
SAKIP_2022 = {"perencanaan": ["5.85", "8.10", "13.50"], "pengukuran": ["5.70", "7.83", "12.45"],
              "pelaporan": ["2.90", "3.80", "6.00"], "evaluasi_internal": ["4.80", "6.60", "9.90"]}

# LRA leaves of the synthetic years: kode -> anggaran (2022 realisasi comes from the 2023 LRA).
LRA_NAMES = {r[0]: r[1] for r in LRA_2023}
LRA_ANGGARAN_2022 = {"5.1.01": None, "5.1.02": 627845300, "5.1.05": 36000000, "5.2.02": 139750000,
                     "5.2.03": 130500000, "5.2.05": 3250000}
LRA_REALISASI_2022 = {r[0]: r[4] for r in LRA_2023}  # as printed, parents included
LRA_ANGGARAN_2021 = {"5.1.01": 2412650000, "5.1.02": 598420150, "5.1.05": 30000000, "5.2.02": 96300000,
                     "5.2.03": 0, "5.2.05": 4500000}
LRA_RATE_2021 = {"5.1.02": 0.9562, "5.1.05": 1.0, "5.2.02": 0.9714, "5.2.03": 1.0, "5.2.05": 0.9800}


def lra_parents(leaves: dict[str, int]) -> dict[str, int]:
    out = dict(leaves)
    out["5.1"] = sum(v for k, v in leaves.items() if k.startswith("5.1."))
    out["5.2"] = sum(v for k, v in leaves.items() if k.startswith("5.2."))
    out["5"] = out["5.1"] + out["5.2"]
    return out


def target_anggaran(realisasi: int, pct: Decimal = Decimal("90.00")) -> int:
    a = round(realisasi * 100 / float(pct))
    assert half_up(Fraction(realisasi * 100, a)) == pct
    return a


def lra_years():
    # 2022: realisasi as printed in the 2023 LRA; anggaran chosen for 90,00 % on account 5
    real22 = LRA_REALISASI_2022
    a5 = target_anggaran(real22["5"])
    leaves22 = dict(LRA_ANGGARAN_2022)
    leaves22["5.1.01"] = a5 - sum(v for k, v in leaves22.items() if v is not None)
    ang22 = lra_parents(leaves22)
    assert ang22["5"] == a5
    # 2021: fully synthetic, consistent, 90,00 %
    ang21 = lra_parents(LRA_ANGGARAN_2021)
    real21_5 = round(ang21["5"] * 0.9)
    leaves_r21 = {k: int(round(v * LRA_RATE_2021[k] / 100) * 100) for k, v in LRA_ANGGARAN_2021.items()
                  if k != "5.1.01"}
    leaves_r21["5.1.01"] = real21_5 - sum(leaves_r21.values())
    real21 = lra_parents(leaves_r21)
    assert half_up(Fraction(real21["5"] * 100, ang21["5"])) == Decimal("90.00")
    return {2021: (ang21, real21, None), 2022: (ang22, real22, real21)}


def anggaran_synthetic(rng, year: int, pagu_total: int, real_total: int, extra: dict[str, tuple[int, int]]):
    """Programme/activity/sub-activity rows shaped like 2023 with the given totals.

    ``extra``: sub-activity kode -> (pagu, realisasi) fixed amounts (e.g. capital works).
    The salaries line absorbs the remainder of both totals.
    """
    subs = [(k, u, p, r) for k, u, p, r in ANGGARAN_2023 if k.count(".") == 5]
    names = {k: u for k, u, _, _ in ANGGARAN_2023}
    gaji = "7.01.01.2.02.0001"
    pagu, real = {}, {}
    for k, _, p, _ in subs:
        if k == gaji:
            continue
        if k in extra:
            pagu[k], real[k] = extra[k]
            continue
        pg = int(round(p * rng.uniform(0.8, 1.25) / 10000) * 10000)
        pagu[k] = pg
        real[k] = int(round(pg * rng.uniform(0.9, 1.0) / 100) * 100)
    for k, v in extra.items():
        pagu.setdefault(k, v[0])
        real.setdefault(k, v[1])
    pagu[gaji] = pagu_total - sum(pagu.values())
    real[gaji] = real_total - sum(real.values())
    assert 0.8 < real[gaji] / pagu[gaji] <= 1.0, (year, real[gaji] / pagu[gaji])
    codes = sorted(pagu)
    parents = sorted({c[:12] for c in codes} | {c[:7] for c in codes})
    rows = []
    for parent in parents:
        kids = [c for c in codes if c.startswith(parent + ".")]
        rows.append((parent, names.get(parent, ""), sum(pagu[c] for c in kids), sum(real[c] for c in kids)))
    rows += [(c, names.get(c, EXTRA_SUB_NAMES.get(c, "")), pagu[c], real[c]) for c in codes]
    rows.sort(key=lambda r: r[0])
    out = [[k, u, p, r] for k, u, p, r in rows]
    out.append(["", "JUMLAH", sum(pagu.values()), sum(real.values())])
    assert sum(pagu.values()) == pagu_total and sum(real.values()) == real_total
    return out


EXTRA_SUB_NAMES = {
    "7.01.01.2.07.0010": "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
    "7.01.01.2.07.0006": "Pengadaan Peralatan dan Mesin Lainnya",
}


def pegawai_rows(year: int, rng) -> list[list[object]]:
    header_rows = []
    if year == 2023:
        for nip, nama, k1, k2, k3, k4, jab in IPASN_2023:
            header_rows.append([nip, nama, jab, "PNS", ESELON.get(jab, ""), "", "", k1, k2, k3, k4])
        # No row for the former Kasubag PPK: the seed names no one who left in 2023 and no date
        # (only "pegawai yang pindah", Bab III B), so a row would be an invented fact (README).
    else:
        people = []
        for nip, nama, k1, _k2, _k3, _k4, jab in IPASN_2023:
            if jab == KASUBAG_PPK:
                jab = PELAKSANA  # Daniel Nova: staff of the Subbag before his promotion (reconstructed)
            people.append([nip, nama, jab, k1])
        people.append([*FORMER_KASUBAG_PPK, KASUBAG_PPK, 22])
        people.append([*KASUBAG_UMUM_RETIRED, KASUBAG_UMUM, 21])
        target_sum = {2021: 1136, 2022: 1120}[year]  # means 56,8 and 56,00 over 20 ASN
        n = len(people)
        kual = np.array([max(8, p[3] - (1 if year == 2021 else 0)) for p in people])
        kin = np.where(rng.random(n) < 0.8, 25, 20)
        dis = np.where(rng.random(n) < 0.9, 5, 3)
        komp = rng.choice([0, 5, 5, 10, 10, 15], size=n)
        rest = target_sum - int((kual + kin + dis + komp).sum())
        step = 1 if rest > 0 else -1
        i = 0
        while rest != 0:
            j = i % n
            if 0 <= komp[j] + step <= 40:
                komp[j] += step
                rest -= step
            i += 1
        for p, a, b, c, d in zip(people, kual, komp, kin, dis):
            header_rows.append([p[0], p[1], p[2], "PNS", ESELON.get(p[2], ""), "", "", int(a), int(b), int(c), int(d)])
    for nama, jab in HONORER:
        header_rows.append(["", nama, jab, "honorer", "", "", "", "", "", "", ""])
    assessed = IPASN_ASSESSMENT_YEAR[year]
    for row in header_rows:
        scored = row[7] != ""
        pangkat = PANGKAT_2023.get(row[0], "") if year == 2023 else ""
        row += [pangkat, "", "", assessed if scored else ""]
    return header_rows


INOVASI_SYN = {
    2021: [("SIGAP DESA", "188/31/416-314/2021", "2021-02-15", "aktif")],
    2022: [("SIGAP DESA", "188/31/416-314/2021", "2021-02-15", "aktif"),
           ("GAMIS JUBAH", "", "", "aktif")],  # the real innovation: its SK is not legible in the seed
}


# ================================================================ unit files

UNIT = {
    "kode": "gedeg",
    "nama": "Kecamatan Gedeg",
    "kabupaten": "Kabupaten Mojokerto",
    "provinsi": "Jawa Timur",
    "alamat": "Jl. Raya S. Prawiro Sudirjo No. 63 Terusan Gedeg, Mojokerto 61351",
    "pimpinan": {"nama": "M. TAUFIQURROHMAN, S.STP., MM", "jabatan": "Camat Gedeg",
                 "pangkat": "Pembina Tingkat I", "nip": "197702211995111001"},
    "kota_penetapan": "Mojokerto",
    "tampilkan_nama_pegawai": False,
    "tampilkan_nip": False,
    "sasaran": [
        {"sasaran": "Terwujudnya Pelayanan Publik yang Optimal", "indikator": ["ikm"]},
        {"sasaran": "Terselenggaranya pelayanan PATEN sesuai standar pelayanan",
         "indikator": ["layanan_sesuai_standar_pct"]},
        {"sasaran": "Terselenggaranya fasilitasi dan koordinasi pemerintahan",
         "indikator": ["koordinasi_ditindaklanjuti_pct"]},
        {"sasaran": "Meningkatnya Tata Kelola Birokrasi Pemerintahan yang efektif, efisien dan akuntabel",
         "indikator": ["sakip", "realisasi_anggaran_pct", "ip_asn"]},
        {"sasaran": "Optimalnya kualitas pelayanan melalui pembangunan inovasi yang mempunyai nilai tambah",
         "indikator": ["jumlah_inovasi"]},
    ],
    "pembiayaan": {
        "ikm": "total",
        "layanan_sesuai_standar_pct": "7.01.02",
        "koordinasi_ditindaklanjuti_pct": "7.01.06",
        "sakip": "7.01.01",
        "realisasi_anggaran_pct": "7.01.01.2.02",
        "ip_asn": "7.01.01.2.05",
        "jumlah_inovasi": None,
    },
    # contract v2 (Bab I A and D of the published LKjIP 2023, as printed)
    "profil": {
        "telepon": "(0321) 361123",
        "email": "kecamatangedeg@yahoo.com",
        "website": "http://gedeg.mojokertokab.go.id",
        "dasar_hukum_organisasi": "Peraturan Daerah Kabupaten Mojokerto Nomor 80 Tahun 2016 tentang Kedudukan, "
                                  "Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan Kabupaten Mojokerto",
        "dasar_hukum_tugas_fungsi": "Peraturan Bupati Mojokerto Nomor 80 Tahun 2016 tentang Kedudukan, Susunan "
                                    "Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan Kabupaten Mojokerto",
    },
    "wilayah": {
        "letak": "bagian utara ibukota Kabupaten Mojokerto",
        "luas_km2": 24.85,
        "batas": {"utara": "Kecamatan Jetis dan Kecamatan Kemlagi", "timur": "Kecamatan Jetis Kabupaten Mojokerto",
                  "selatan": "Sungai Brantas", "barat": "Kecamatan Kemlagi"},
    },
}

SATUAN = {"ikm": "indeks", "layanan_sesuai_standar_pct": "persen", "koordinasi_ditindaklanjuti_pct": "persen",
          "sakip": "nilai", "realisasi_anggaran_pct": "persen", "ip_asn": "indeks", "jumlah_inovasi": "inovasi"}
IDS = list(SATUAN)

RENSTRA = {  # Tabel 2.1, 2021..2026
    "ikm": [82, 84, 85, 86, 87, 88],
    "layanan_sesuai_standar_pct": [80, 81, 82, 83, 84, 85],
    "koordinasi_ditindaklanjuti_pct": [80, 81, 82, 83, 84, 85],
    "sakip": [83.7, 84.1, 84.5, 84.9, 85.5, 85.7],
    "realisasi_anggaran_pct": [90] * 6,
    "ip_asn": [56.8, 57, 57.3, 57.5, 57.8, 58],
    "jumlah_inovasi": [1, 2, 2, 2, 2, 2],
}
PK_2023 = {"ikm": 85, "layanan_sesuai_standar_pct": 82, "koordinasi_ditindaklanjuti_pct": 82, "sakip": 84.5,
           "realisasi_anggaran_pct": 90, "ip_asn": 57.3, "jumlah_inovasi": 2}  # Tabel 2.2
PKP_2023 = {"ikm": 94.5, "layanan_sesuai_standar_pct": 100, "koordinasi_ditindaklanjuti_pct": 100, "sakip": 87.5,
            "realisasi_anggaran_pct": 90, "ip_asn": 85, "jumlah_inovasi": 2}  # Tabel 2.3
RENSTRA_P = {  # Tabel 3.1.2 targets 2024..2026 (Usulan Perubahan Target Renstra)
    "ikm": [97.5, 97.5, 97.5],
    "layanan_sesuai_standar_pct": [100, 100, 100],
    "koordinasi_ditindaklanjuti_pct": [100, 100, 100],
    "sakip": [87.5, 87.85, 88],
    "realisasi_anggaran_pct": [94, 94.5, 95],
    "ip_asn": [89.5, 89.5, 89.5],
    "jumlah_inovasi": [2, 2, 3],
}


#: The year the Usulan Perubahan Target Renstra was first proposed (the published LKjIP 2023,
#: Tabel 3.1.2 / TC-27): its targets count for the reports of 2023 on, not for 2021 or 2022.
RENSTRA_P_SINCE = 2023


def targets_rows():
    rows = []
    for i in IDS:
        for k, y in enumerate(range(2021, 2027)):
            rows.append([i, "renstra", y, num(RENSTRA[i][k]), SATUAN[i], ""])
        for k, y in enumerate((2021, 2022)):
            rows.append([i, "pk", y, num(RENSTRA[i][k]), SATUAN[i], ""])
        rows.append([i, "pk", 2023, num(PK_2023[i]), SATUAN[i], ""])
        rows.append([i, "pk_perubahan", 2023, num(PKP_2023[i]), SATUAN[i], ""])
        for k, y in enumerate(range(2024, 2027)):
            rows.append([i, "renstra_perubahan", y, num(RENSTRA_P[i][k]), SATUAN[i], RENSTRA_P_SINCE])
    return rows


#: Every figure the published LKjIP 2023 prints, made from its text by
#: scripts/build_published.py (the text is not in the repository, so its output is committed).
PUBLISHED_SOURCE = ROOT / "scripts" / "data" / "gedeg_published.csv"

#: Contract v2 files transcribed from the published LKjIP 2023, committed beside this script.
TRANSCRIBED = Path(__file__).resolve().parent / "gedeg_transcribed"


def copy_v2_files(out: Path) -> None:
    """Copy the v2 transcriptions byte for byte (their README in data/raw/gedeg says what is in them)."""
    for source in sorted(TRANSCRIBED.rglob("*")):
        if source.is_file():
            target = out / source.relative_to(TRANSCRIBED)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


# ================================================================ main

def build(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    paten_names = [p[0] for p in PATEN_2023]
    paten_weights = [max(p[2], 0) for p in PATEN_2023]

    # ---------------- 2023
    y = out / "2023"
    write_csv(y / "paten_layanan.csv", ["layanan", *MONTHS, "jumlah", "tidak_sesuai_standar"],
              [[n, *m, j, 0] for n, m, j in PATEN_2023] + [["JUMLAH", *PATEN_2023_JUMLAH[0], PATEN_2023_JUMLAH[1], 0]])
    write_csv(y / "koordinasi.csv", ["uraian", "seksi", "fasilitasi", "tindak_lanjut"],
              [[u, s, f, t] for u, f, t, s in KOORDINASI_2023] + [["JUMLAH", "", *KOORDINASI_2023_JUMLAH]])
    write_csv(y / "anggaran.csv", ["kode", "uraian", "pagu", "realisasi"],
              [[k, u, idr(p), idr(r)] for k, u, p, r in ANGGARAN_2023]
              + [["", "JUMLAH", idr(ANGGARAN_2023_JUMLAH[0]), idr(ANGGARAN_2023_JUMLAH[1])]])
    write_csv(y / "lra.csv", ["kode_rekening", "uraian", "anggaran", "realisasi", "realisasi_tahun_lalu"],
              [[k, u, idr(a, 2), idr(r, 2), idr(p, 2)] for k, u, a, r, p in LRA_2023])
    write_csv(y / "pegawai.csv", PEGAWAI_HEADER, pegawai_rows(2023, None))
    write_csv(y / "sakip_evaluasi.csv", ["komponen", "bobot", "nilai", "subkomponen"],
              [[k, b, v, ""] for k, b, v in SAKIP_2023])
    write_csv(y / "inovasi.csv", ["nama", "nomor_sk", "tanggal_sk", "status"], [list(r) for r in INOVASI_2023])
    rng = rng_for(2023, "ikm_survei")
    answers = survey_2023(rng)
    frame = survey_frame(rng, 2023, 654, PATEN_2023_JUMLAH[0], paten_names, paten_weights)
    write_survey(y / "ikm_survei.csv", frame, answers)

    # ---------------- 2021, 2022
    lra = lra_years()
    ikm_spec = {2021: (412, Decimal("91.07"), 0.66, 0.02, 0.004), 2022: (538, Decimal("94.21"), 0.78, 0.01, 0.003)}
    paten_spec = {2021: (1375, 275), 2022: (1450, 261)}
    koord_spec = {2021: (list(range(24)) + [24 + i for i in range(len(KOORDINASI_EXTRA))], 400, 320),
                  2022: (list(range(24)) + [24 + i for i in KOORDINASI_EXTRA_2022], 450, 369)}
    anggaran_extra = {
        2021: {"7.01.01.2.07.0006": (96300000, 93545000), "7.01.06.2.01.0012": (128500000, 124180000)},
        2022: {"7.01.01.2.07.0006": (139750000, 137402000), "7.01.01.2.07.0010": (133750000, 133129900),
               "7.01.06.2.01.0012": (142650000, 139925600)},
    }
    for year in (2021, 2022):
        y = out / str(year)
        n, target, p4, p2, blank = ikm_spec[year]
        rng = rng_for(year, "ikm_survei")
        answers = survey_synthetic(rng, n, target, p4, p2, blank)
        month_w = np.array(PATEN_2023_JUMLAH[0], float) * rng.uniform(0.8, 1.2, 12)
        frame = survey_frame(rng, year, n, month_w, paten_names, paten_weights)
        write_survey(y / "ikm_survei.csv", frame, answers)

        total, tidak = paten_spec[year]
        write_csv(y / "paten_layanan.csv", ["layanan", *MONTHS, "jumlah", "tidak_sesuai_standar"],
                  paten_synthetic(rng_for(year, "paten_layanan"), total, tidak))

        lines, fas, tl = koord_spec[year]
        write_csv(y / "koordinasi.csv", ["uraian", "seksi", "fasilitasi", "tindak_lanjut"],
                  koordinasi_synthetic(rng_for(year, "koordinasi"), lines, fas, tl))

        ang, real, prev = lra[year]
        order = ["5", "5.1", "5.1.01", "5.1.02", "5.1.05", "5.2", "5.2.02", "5.2.03", "5.2.05"]
        write_csv(y / "lra.csv", ["kode_rekening", "uraian", "anggaran", "realisasi", "realisasi_tahun_lalu"],
                  [[k, LRA_NAMES[k], ang[k], real[k], "" if prev is None else prev[k]] for k in order])

        write_csv(y / "anggaran.csv", ["kode", "uraian", "pagu", "realisasi"],
                  anggaran_synthetic(rng_for(year, "anggaran"), year, ang["5"], real["5"], anggaran_extra[year]))

        write_csv(y / "pegawai.csv", PEGAWAI_HEADER, pegawai_rows(year, rng_for(year, "pegawai")))
        write_csv(y / "sakip_evaluasi.csv", ["komponen", "bobot", "nilai", "subkomponen"],
                  sakip_synthetic(SAKIP_2021 if year == 2021 else SAKIP_2022))
        write_csv(y / "inovasi.csv", ["nama", "nomor_sk", "tanggal_sk", "status"],
                  [list(r) for r in INOVASI_SYN[year]])

    # ---------------- unit files
    (out / "unit.yaml").write_text(
        "# Kecamatan Gedeg, Kabupaten Mojokerto. Written by scripts/make_gedeg_data.py; see README.md.\n"
        + yaml.safe_dump(UNIT, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    write_csv(out / "targets.csv", ["indikator", "dokumen", "tahun", "target", "satuan", "berlaku_mulai"],
              targets_rows())
    shutil.copyfile(PUBLISHED_SOURCE, out / "published.csv")
    copy_v2_files(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw" / "gedeg")
    args = parser.parse_args()
    build(args.out)
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
