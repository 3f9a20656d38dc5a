"""What synthetic units are made of: names, services, programmes, accounts, posts, the unit's sasaran.
"""

from __future__ import annotations

_SATUAN = {"ikm": "indeks", "layanan_sesuai_standar_pct": "persen",
           "koordinasi_ditindaklanjuti_pct": "persen", "sakip": "nilai",
           "realisasi_anggaran_pct": "persen", "ip_asn": "indeks", "jumlah_inovasi": "inovasi"}


SASARAN = [
    {"sasaran": "Terwujudnya Pelayanan Publik yang Optimal", "indikator": ["ikm"]},
    {"sasaran": "Terselenggaranya pelayanan PATEN sesuai standar pelayanan",
     "indikator": ["layanan_sesuai_standar_pct"]},
    {"sasaran": "Terselenggaranya fasilitasi dan koordinasi pemerintahan",
     "indikator": ["koordinasi_ditindaklanjuti_pct"]},
    {"sasaran": "Meningkatnya Tata Kelola Birokrasi Pemerintahan yang efektif, efisien dan akuntabel",
     "indikator": ["sakip", "realisasi_anggaran_pct", "ip_asn"]},
    {"sasaran": "Optimalnya kualitas pelayanan melalui pembangunan inovasi yang mempunyai nilai tambah",
     "indikator": ["jumlah_inovasi"]},
]


PEMBIAYAAN = {
    "ikm": "total",
    "layanan_sesuai_standar_pct": "7.01.02",
    "koordinasi_ditindaklanjuti_pct": "7.01.06",
    "sakip": "7.01.01",
    "realisasi_anggaran_pct": "7.01.01.2.02",
    "ip_asn": "7.01.01.2.05",
    "jumlah_inovasi": None,
}


# ----------------------------------------------------------------- vocabularies

_FEMALE = ("Siti", "Sri", "Dewi", "Sulistyowati", "Suhartini", "Sumarsih", "Suwarni", "Sukesi",
           "Rina", "Lestari", "Wahyuni", "Indah", "Nur", "Yuliana", "Endang", "Tri", "Ratna",
           "Puji", "Ani", "Mariyam", "Kartini", "Eka", "Fitri", "Anik", "Lilik", "Umi")


_MALE = ("Budi", "Agus", "Imron", "Khoirul", "Slamet", "Bambang", "Joko", "Heru", "Eko",
         "Wahyu", "Hadi", "Sugeng", "Teguh", "Rudi", "Dwi", "Arif", "Bagus", "Yusuf", "Ahmad",
         "Moch.", "Didik", "Hari", "Sutrisno", "Kukuh", "Imam", "Dimas")


_SURNAMES = ("Santoso", "Wijaya", "Setiawan", "Hidayat", "Prasetyo", "Susanto", "Wibowo",
             "Kurniawan", "Rahayu", "Handayani", "Saputra", "Purnomo", "Utomo", "Hartono",
             "Nugroho", "Maulana", "Fauziah", "Rohmah", "Hasanah", "Anggraini", "Pratama",
             "Mahmudah", "Lestari", "Sulistyo", "Yulianto", "Firmansyah")


_DEGREES = ("S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.STP.", "S.AP.", "S.Pd.", "A.Md.")


# PATEN services: (name, typical monthly count, offered in the survey)
_SERVICES = (
    ("Pindah Datang", 60, True), ("Pindah Keluar", 70, True), ("Akte Kelahiran", 100, True),
    ("Akte Kematian", 55, True), ("Kartu Keluarga", 320, True),
    ("Kartu Tanda Penduduk (KTP)", 180, True), ("Kartu Identitas Anak (KIA)", 15, True),
    ("KTP Digital", 40, True), ("Legalisasi Surat", 30, True), ("Izin Keramaian", 8, False),
    ("Dispensasi Nikah", 4, False), ("Rekomendasi Pembelian BBM Tertentu", 6, False),
    ("Surat Keterangan Waris", 10, True),
    ("Evaluasi Rancangan Perdes APBDes", 1, False),
)


_EDUCATION = ("SD", "SMP", "SMA", "D3", "S1", "S2")


_EDUCATION_P = (0.12, 0.2, 0.42, 0.08, 0.16, 0.02)


_JOBS = ("Wiraswasta", "Petani", "Ibu Rumah Tangga", "Karyawan Swasta", "Buruh", "PNS",
         "Pelajar/Mahasiswa", "Lainnya")


_JOBS_P = (0.25, 0.15, 0.2, 0.15, 0.1, 0.04, 0.06, 0.05)


# Budget: (activity code, activity name, [(sub code, name, LRA account, share weight, optional)])
_PROGRAMS = (
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", (
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", (
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "5.1.02", 4, False),
            ("0007", "Evaluasi Kinerja Perangkat Daerah", "5.1.02", 6, True))),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", (
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", "5.1.01", 0, False),
            ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "5.1.02", 15, True))),
        ("2.05", "Administrasi Kepegawaian Perangkat Daerah", (
            ("0002", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", "5.1.02", 12, False),
            ("0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "5.1.02", 8, True))),
        ("2.06", "Administrasi Umum Perangkat Daerah", (
            ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "5.1.02", 10, True),
            ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor", "5.1.02", 50, False),
            ("0004", "Penyediaan Bahan Logistik Kantor", "5.1.02", 25, False),
            ("0005", "Penyediaan Barang Cetakan dan Penggandaan", "5.1.02", 10, True),
            ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "5.1.02", 27, False))),
        ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", (
            ("0005", "Pengadaan Mebel", "5.2.02", 15, False),
            ("0006", "Pengadaan Peralatan dan Mesin Lainnya", "5.2.02", 40, True))),
        ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", (
            ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "5.1.02", 55, False),
            ("0004", "Penyediaan Jasa Pelayanan Umum Kantor", "5.1.02", 40, False))),
        ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", (
            ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan", "5.1.02", 36, False),
            ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "5.1.02", 35, True))),
    )),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", (
        ("2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", (
            ("0001", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Perizinan", "5.1.02", 10, True),
            ("0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Nonperizinan", "5.1.02", 29, False))),
    )),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", (
        ("2.01", "Fasilitasi Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", (
            ("0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", "5.1.02", 42, False),
            ("0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa", "5.1.02", 30, True),
            ("0011", "Fasilitasi Penyelenggaraan Ketentraman dan Ketertiban Umum", "5.1.02", 37, False),
            ("0012", "Fasilitasi Pelaksanaan Tugas, Fungsi dan Kewajiban Lembaga Kemasyarakatan", "5.1.02", 99, True))),
    )),
)


_LRA_ACCOUNTS = (
    ("5", "BELANJA DAERAH"), ("5.1", "BELANJA OPERASI"), ("5.1.01", "Belanja Pegawai"),
    ("5.1.02", "Belanja Barang dan Jasa"), ("5.2", "BELANJA MODAL"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin"),
)


_LRA_LEAVES = ("5.1.01", "5.1.02", "5.2.02")


_COORDINATION = (
    ("Seksi Pemerintahan", ("Fasilitasi Alokasi Dana Desa (ADD)", "Fasilitasi Dana Desa (DD)",
                            "Fasilitasi Peraturan Desa (PERDES) dan Peraturan Kepala Desa (PERKADES)",
                            "Fasilitasi dan Pembinaan Badan Permusyawaratan Desa (BPD)",
                            "Fasilitasi dan Pembinaan Operator Siskeudes")),
    ("Seksi Pembangunan", ("Fasilitasi Musyawarah Perencanaan Pembangunan Desa",
                           "Monitoring Pembangunan Fisik Desa",
                           "Fasilitasi Sinkronisasi Perencanaan Pembangunan Desa")),
    ("Seksi Kemasyarakatan", ("Fasilitasi Lembaga Kemasyarakatan Desa", "Pembinaan Tim Penggerak PKK",
                              "Fasilitasi Penyaluran Bantuan Sosial", "Pembinaan Karang Taruna")),
    ("Seksi Trantib", ("Koordinasi Ketenteraman dan Ketertiban Umum", "Pembinaan Satlinmas Desa",
                       "Penanganan Gangguan Ketenteraman dan Ketertiban Umum")),
)


_INNOVATIONS = (
    "SIGAP DESA", "LAYAN CEPAT", "KAMPUNG TERTIB", "SAPA WARGA", "PATEN KELILING", "SI CANTIK",
    "E-SURAT DESA", "JEMPUT BOLA KTP", "GERAI ADMINDUK", "LAPOR CAMAT", "DESA DIGITAL",
    "ANTRIAN PINTAR", "KLINIK SISKEUDES", "SEMPATI", "MANTAB", "GEMA PKK",
)


_STAFF_POSTS = (
    # jabatan, eselon, degree likely
    ("Camat", "III.a"), ("Sekretaris Kecamatan", "III.b"),
    ("Kepala Sub Bagian Umum dan Kepegawaian", "IV.b"),
    ("Kepala Sub Bagian Penyusunan Program dan Keuangan", "IV.b"),
    ("Kepala Seksi Pemerintahan", "IV.a"), ("Kepala Seksi Pelayanan", "IV.a"),
    ("Kepala Seksi Pembangunan", "IV.a"), ("Kepala Seksi Kemasyarakatan", "IV.a"),
    ("Kepala Seksi Ketenteraman, Ketertiban Umum dan Perlindungan Masyarakat", "IV.a"),
)


_HONORARY_POSTS = ("Tenaga Honorer (Pengemudi)", "Tenaga Honorer (Operator Pelayanan)",
                   "Tenaga Honorer (Pramu Kantor)", "Tenaga Honorer (Petugas Keamanan)",
                   "Tenaga Honorer (Administrasi)")


_RANKS = ("Pembina", "Pembina Tingkat I", "Penata Tingkat I")
