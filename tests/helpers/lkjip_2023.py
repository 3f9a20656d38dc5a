"""The published 2023 LKjIP of Kecamatan Gedeg as hand-built frames, shared by the tests.

Each table is copied as the document prints it (printed totals kept where they disagree
with their rows); the tests assert the document's own figures against them.
"""

import pandas as pd

from lkjip.indicators.budget import code_level
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_COMPONENTS
from lkjip.contract.schema import MONTHS, UNSUR


#: Tabel 3.2.5, 2023: (kode, uraian, pagu, realisasi); programmes and activities
#: are included as the document prints them (cross-check only).
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
    ("7.01.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", 5840000, 5600000),
    ("7.01.01.2.07.0005", "Pengadaan Mebel", 5840000, 5600000),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 92973800, 86880905),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 54344840, 48251945),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 38628960, 38628960),
    ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 76130000, 75903000),
    ("7.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan", 36150000, 35954000),
    ("7.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya", 4980000, 4950000),
    ("7.01.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 35000000, 34999000),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 28928297, 28533000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", 28928297, 28533000),
    ("7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Nonperizinan", 28928297, 28533000),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", 207788080, 204086300),
    ("7.01.06.2.01", "Fasilitasi Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", 207788080, 204086300),
    ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", 41600000, 41322000),
    ("7.01.06.2.01.0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa", 29834000, 27736300),
    ("7.01.06.2.01.0011", "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", 36951000, 36742200),
    ("7.01.06.2.01.0012", "Fasilitasi Pelaksanaan Tugas, Fungsi dan Kewajiban Lembaga Kemasyarakatan", 99403080, 98285800),
    ("", "JUMLAH", 2720088927, 2567147148),
]


#: Gambar 3.6 (LRA 2023)
LRA_2023 = [
    ("5", "BELANJA DAERAH", 2720088927.00, 2566829648.00, 3133189384.00),
    ("5.1", "BELANJA OPERASI", 2660473927.00, 2513319648.00, 2862577484.00),
    ("5.1.01", "Belanja Pegawai", 2149981250.00, 2013994243.00, 2232283615.00),
    ("5.1.02", "Belanja Barang dan Jasa", 511092677.00, 499325405.00, 584383669.00),
    ("5.1.05", "Belanja Hibah", 0.00, 0.00, 35800000.00),
    ("5.2", "BELANJA MODAL", 59615000.00, 53510000.00, 270531900.00),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", 59615000.00, 53510000.00, 137402000.00),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", 0.00, 0.00, 129889900.00),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya", 0.00, 0.00, 3240000.00),
]


def anggaran_2023(parents: bool = True) -> pd.DataFrame:
    rows = [r for r in ANGGARAN_2023 if parents or code_level(r[0]) == 6 or r[0] == ""]
    return pd.DataFrame({
        "baris": list(range(2, len(rows) + 2)),
        "kode": pd.array([r[0] for r in rows], dtype="string"),
        "uraian": pd.array([r[1] for r in rows], dtype="string"),
        "pagu": [float(r[2]) for r in rows],
        "realisasi": [float(r[3]) for r in rows],
        "adalah_total": [r[1] == "JUMLAH" for r in rows],
    })


def lra_2023() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": list(range(2, len(LRA_2023) + 2)),
        "kode_rekening": pd.array([r[0] for r in LRA_2023], dtype="string"),
        "uraian": pd.array([r[1] for r in LRA_2023], dtype="string"),
        "anggaran": [r[2] for r in LRA_2023],
        "realisasi": [r[3] for r in LRA_2023],
        "realisasi_tahun_lalu": [r[4] for r in LRA_2023],
        "adalah_total": [False] * len(LRA_2023),
    })


#: Gambar 3.4, 2023: (fasilitasi = tindak lanjut, seksi)
KOORDINASI_2023 = [
    (28, "Seksi Pemerintahan"), (42, "Seksi Pemerintahan"), (14, "Seksi Pemerintahan"),
    (14, "Seksi Pemerintahan"), (14, "Seksi Pemerintahan"), (14, "Seksi Pemerintahan"),
    (28, "Seksi Pemerintahan"), (56, "Seksi Pemerintahan"),
    (15, "Seksi Pembangunan"), (14, "Seksi Pembangunan"), (12, "Seksi Pembangunan"),
    (42, "Seksi Pembangunan"), (17, "Seksi Pembangunan"),
    (5, "Seksi Trantib"), (2, "Seksi Trantib"), (12, "Seksi Trantib"), (13, "Seksi Trantib"),
    (3, "Seksi Trantib"),
    (15, "Seksi Kemasyarakatan"), (15, "Seksi Kemasyarakatan"), (24, "Seksi Kemasyarakatan"),
    (20, "Seksi Kemasyarakatan"), (22, "Seksi Kemasyarakatan"), (10, "Seksi Kemasyarakatan"),
]


def koordinasi_2023() -> pd.DataFrame:
    n = len(KOORDINASI_2023)
    return pd.DataFrame({
        "baris": list(range(2, n + 3)),
        "uraian": pd.array([f"Fasilitasi {i + 1}" for i in range(n)] + ["Jumlah"], dtype="string"),
        "seksi": pd.array([s for _, s in KOORDINASI_2023] + [None], dtype="string"),
        "fasilitasi": pd.array([f for f, _ in KOORDINASI_2023] + [451], dtype="Int64"),
        "tindak_lanjut": pd.array([f for f, _ in KOORDINASI_2023] + [451], dtype="Int64"),
        "adalah_total": [False] * n + [True],
    })


#: per-unsur totals of Gambar 3.1 (654 respondents)
UNSUR_TOTALS_2023 = (2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600)


def survey_2023() -> pd.DataFrame:
    """654 respondents reaching the published per-unsur totals: for each unsur,
    (4 x 654 - total) respondents answered 3, the rest 4."""
    n = 654
    data = {"baris": list(range(2, n + 2)),
            "tanggal": pd.to_datetime([f"2023-{(i % 12) + 1:02d}-15" for i in range(n)])}
    for u, total in zip(UNSUR, UNSUR_TOTALS_2023):
        threes = 4 * n - total
        data[u] = pd.array([3] * threes + [4] * (n - threes), dtype="Int64")
    data["jenis_kelamin"] = pd.array(["Laki-laki" if i % 2 else "Perempuan" for i in range(n)],
                                     dtype="string")
    return pd.DataFrame(data)


def inovasi_2023() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3],
        "nama": pd.array(["GAMIS JUBAH", "MANTAP BERDASI"], dtype="string"),
        "nomor_sk": pd.array(["188/21/416-314/2023", "188/22/416-314/2023"], dtype="string"),
        "tanggal_sk": pd.to_datetime(["2023-01-31", "2023-01-31"]),
        "status": pd.array([None, "aktif"], dtype="string"),
    })


#: Gambar 3.7: (NIP, kualifikasi, kompetensi, kinerja, disiplin, total, kategori)
IPASN_2023 = [
    ("197702211995111001", 23, 40, 25, 5, 93, "Sangat Tinggi"),
    ("197803062003121004", 23, 40, 25, 5, 93, "Sangat Tinggi"),
    ("198811142019031002", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("198505132003122003", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("198304292010011009", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("196709011989032007", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("197112062001121003", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("198404112010011010", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("197106242000101001", 20, 40, 25, 5, 90, "Tinggi"),
    ("197205102006041030", 20, 40, 25, 5, 90, "Tinggi"),
    ("197203312009011002", 20, 40, 25, 5, 90, "Tinggi"),
    ("197107022009011001", 20, 40, 25, 5, 90, "Tinggi"),
    ("196707162007012021", 20, 40, 25, 5, 90, "Tinggi"),
    ("196610012007012026", 20, 40, 25, 5, 90, "Tinggi"),
    ("198510272010011002", 20, 40, 25, 5, 90, "Tinggi"),
    ("197908242010011003", 20, 40, 25, 5, 90, "Tinggi"),
    ("197804202012121001", 10, 40, 25, 5, 80, "Sedang"),
    ("197601232001121005", 21, 25, 25, 5, 76, "Sedang"),
]


def pegawai_2023(extra: bool = True) -> pd.DataFrame:
    rows = [(nip, f"PEGAWAI {i + 1}", "Staf", "PNS", *dims[:4], pd.NaT)
            for i, (nip, *dims) in enumerate(IPASN_2023)]
    if extra:
        rows.append(("-", "TENAGA HONORER", "Petugas Kebersihan", "honorer", None, None, None, None, pd.NaT))
        rows.append(("198001012005011001", "PINDAH", "Kasubag", "PNS", 22, None, None, None,
                     pd.Timestamp("2023-03-01")))
    return pd.DataFrame({
        "baris": list(range(2, len(rows) + 2)),
        "nip": pd.array([r[0] for r in rows], dtype="string"),
        "nama": pd.array([r[1] for r in rows], dtype="string"),
        "jabatan": pd.array([r[2] for r in rows], dtype="string"),
        "status": pd.array([r[3] for r in rows], dtype="string"),
        "kualifikasi": [float("nan") if r[4] is None else float(r[4]) for r in rows],
        "kompetensi": [float("nan") if r[5] is None else float(r[5]) for r in rows],
        "kinerja": [float("nan") if r[6] is None else float(r[6]) for r in rows],
        "disiplin": [float("nan") if r[7] is None else float(r[7]) for r in rows],
        "selesai": pd.to_datetime([r[8] for r in rows]),
    })


def sakip_2023() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4, 5],
        "komponen": pd.array(SAKIP_COMPONENTS, dtype="string"),
        "subkomponen": pd.array([None] * 4, dtype="string"),
        "bobot": [SAKIP_COMPONENT_WEIGHTS[k] for k in SAKIP_COMPONENTS],  # printed as 30,00 ...
        "nilai": [27.03, 25.74, 12.65, 20.71],
    })


#: Gambar 3.2, 2023: service, 12 months, printed JUMLAH
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
    ("Surat Keterangan Tidak Mampu", [0, 8, 12, 2, 6, 5, 10, 13, 19, 12, 12, 8], 107),
    ("Dispensasi Nikah", [3, 3, 0, 3, 1, 0, 6, 0, 1, 0, 1, 2], 23),
    ("Rekomendasi pembelian BBM tertentu", [0, 2, 4, 2, 3, 4, 4, 4, 6, 7, 3, 2], 41),
    ("Surat Keterangan waris", [7, 14, 19, 3, 7, 11, 7, 16, 14, 10, 6, 11], 124),
    ("Evaluasi Rancangan Peraturan Desa", [None] * 12, None),
    ("Anggaran Pendapatan Belanja Desa", [0] * 11 + [14], 14),
    ("Perubahan APBDes", [0] * 8 + [14, 14, 0, 14], 42),
    ("Pertanggungjawaban APBDes", [11] + [0] * 11, 11),
    ("Ijin Cuti Kepala Desa", [0] * 12, 0),
    ("Pelantikan Kepala Desa antar waktu", [0] * 12, 0),
    ("Pembinaan pengelolaan sampah", [1, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1], 15),
    ("JUMLAH", [1020, 1005, 961, 647, 1020, 758, 1027, 1039, 901, 923, 921, 900], 11119),
]


def paten_2023(tidak_sesuai=None) -> pd.DataFrame:
    data = {"baris": list(range(2, len(PATEN_2023) + 2)),
            "layanan": pd.array([r[0] for r in PATEN_2023], dtype="string")}
    for i, m in enumerate(MONTHS):
        data[m] = pd.array([r[1][i] for r in PATEN_2023], dtype="Int64")
    data["jumlah"] = pd.array([r[2] for r in PATEN_2023], dtype="Int64")
    data["tidak_sesuai_standar"] = pd.array(tidak_sesuai or [None] * len(PATEN_2023), dtype="Int64")
    data["adalah_total"] = [r[0] == "JUMLAH" for r in PATEN_2023]
    return pd.DataFrame(data)


#: Renstra (Tabel 2.1), Renstra Perubahan (Tabel 3.1.2), PK (2.2), PK Perubahan (2.3)
_RENSTRA = {
    "ikm": [82, 84, 85, 86, 87, 88],
    "layanan_sesuai_standar_pct": [80, 81, 82, 83, 84, 85],
    "koordinasi_ditindaklanjuti_pct": [80, 81, 82, 83, 84, 85],
    "sakip": [83.7, 84.1, 84.5, 84.9, 85.5, 85.7],
    "realisasi_anggaran_pct": [90] * 6,
    "ip_asn": [56.8, 57, 57.3, 57.5, 57.8, 58],
    "jumlah_inovasi": [1, 2, 2, 2, 2, 2],
}


_RENSTRA_P = {  # 2023..2026
    "ikm": [94.5, 97.5, 97.5, 97.5],
    "layanan_sesuai_standar_pct": [100] * 4,
    "koordinasi_ditindaklanjuti_pct": [100] * 4,
    "sakip": [87.5, 87.5, 87.85, 88],
    "realisasi_anggaran_pct": [90, 94, 94.5, 95],
    "ip_asn": [85, 89.5, 89.5, 89.5],
    "jumlah_inovasi": [2, 2, 2, 3],
}


_PK = {"ikm": 85, "sakip": 84.5, "realisasi_anggaran_pct": 90, "ip_asn": 57.3, "jumlah_inovasi": 2}


_PK_P = {"ikm": 94.5, "layanan_sesuai_standar_pct": 100, "koordinasi_ditindaklanjuti_pct": 100,
         "sakip": 87.5, "realisasi_anggaran_pct": 90, "ip_asn": 85, "jumlah_inovasi": 2}


def targets_2023() -> pd.DataFrame:
    rows = []
    for ind, vals in _RENSTRA.items():
        rows += [(ind, "renstra", 2021 + i, v) for i, v in enumerate(vals)]
    for ind, vals in _RENSTRA_P.items():
        rows += [(ind, "renstra_perubahan", 2023 + i, v) for i, v in enumerate(vals)]
    rows += [(ind, "pk", 2023, v) for ind, v in _PK.items()]
    rows += [(ind, "pk_perubahan", 2023, v) for ind, v in _PK_P.items()]
    return pd.DataFrame({
        "indikator": pd.array([r[0] for r in rows], dtype="string"),
        "dokumen": pd.array([r[1] for r in rows], dtype="string"),
        "tahun": pd.array([r[2] for r in rows], dtype="Int64"),
        "target": [float(r[3]) for r in rows],
    })


UNIT = {
    "kode": "gedeg",
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
    "pembiayaan": {"ikm": "total", "layanan_sesuai_standar_pct": "7.01.02",
                   "koordinasi_ditindaklanjuti_pct": "7.01.06", "sakip": "7.01.01",
                   "realisasi_anggaran_pct": "7.01.01.2.02", "ip_asn": "7.01.01.2.05",
                   "jumlah_inovasi": None},
}


def datasets_2023() -> dict:
    return {"ikm_survei": survey_2023(), "paten_layanan": paten_2023(), "koordinasi": koordinasi_2023(),
            "sakip_evaluasi": sakip_2023(), "anggaran": anggaran_2023(), "lra": lra_2023(),
            "pegawai": pegawai_2023(), "inovasi": inovasi_2023()}

