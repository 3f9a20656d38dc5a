"""Contract v2: the datasets that feed the parts of an LKjIP a v1 unit cannot fill.

Plain data, turned into :class:`lkjip.contract.schema.Dataset` entries by
:mod:`lkjip.contract.schema` (kept apart so that ``schema.py`` stays readable). Every
file here is optional: when it is absent the report leaves its part out and
prints :attr:`~lkjip.contract.schema.Dataset.absent_note`, the one line that names the
file which would fill it. A v1 unit (none of these files, none of the new
``pegawai`` columns) reads and runs unchanged.

Columns are ``(name, kind, required, description, example)``, descriptions in
Bahasa Indonesia (they go into the templates and the documentation).

- Unit-level *period* files (``renstra``, ``renstra_target``, ``organisasi``,
  ``tugas_fungsi``, ``isu_strategis``, ``proses_bisnis``) live beside
  ``targets.csv``; their ``period`` columns say which years a row is valid
  for, and the reader keeps the rows valid in the report year.
- Per-year files live in the year folder like the v1 datasets.

Left out on purpose: a ``renstra_pendanaan`` file (TC-27, Lampiran 1). The
published LKjIP prints it with merged cells that cannot be assigned to years
without guessing, so there is no bundled data to test it on.
"""

from __future__ import annotations

PK_DOCUMENTS = ("pk", "pk_perubahan")
SIGNED_DOCUMENTS = ("pk", "pk_perubahan", "berita_acara", "lkjip", "rekap_koordinasi")
SIGNING_ROLES = ("pihak_pertama", "pihak_kedua", "mengetahui", "penandatangan", "anggota_tim")
RENSTRA_KINDS = ("visi", "misi", "tujuan", "sasaran", "kebijakan", "strategi", "program", "indikator")
ISU_CATEGORIES = ("kekuatan", "kelemahan", "peluang", "ancaman")
#: Education levels of ``pegawai.pendidikan``, lowest first (the order of the Bab I B table).
PENDIDIKAN_PEGAWAI = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
DISPOSISI = ("LAPORAN KURANG BAIK", "LAPORAN SUDAH BAIK", "LAPORAN DIPERBAIKI", "REALISASI DITELITI ULANG",
             "CAPAIAN DITELITI ULANG", "LAIN LAIN")

_BERLAKU = (
    ("berlaku_mulai", "integer", False, "Tahun pertama baris ini berlaku; kosong = sejak awal", "2021"),
    ("berlaku_sampai", "integer", False, "Tahun terakhir baris ini berlaku; kosong = masih berlaku", "2026"),
)
_UNIT = "data/raw/{unit}"
_YEAR = "data/raw/{unit}/{tahun}"

#: The v2 datasets, unit-level first, in the order a report uses them.
OPTIONAL_DATASETS: tuple[dict, ...] = (
    dict(
        name="renstra",
        title="Rencana Strategis: visi, misi, tujuan, sasaran, kebijakan, strategi, program, indikator",
        one_row_per="pernyataan Renstra (satu visi, misi, tujuan, sasaran, kebijakan, strategi, program atau indikator)",
        per_year=False,
        columns=(
            ("periode_mulai", "integer", True, "Tahun awal periode Renstra", "2021"),
            ("periode_selesai", "integer", True, "Tahun akhir periode Renstra", "2026"),
            ("jenis", "text", True, "visi, misi, tujuan, sasaran, kebijakan, strategi, program atau indikator",
             "sasaran"),
            ("nomor", "text", False, "Nomor seperti tercetak (misi ke-3, sasaran 1); kosong bila tidak bernomor", "1"),
            ("uraian", "text", True, "Rumusan seperti tercetak", "Terwujudnya Tata Kelola Birokrasi Perangkat Daerah"),
            ("sasaran", "text", False, "Untuk program dan indikator: nomor sasaran yang didukung", "1"),
            ("kode", "text", False, "Untuk program: kode program, mis. 7.01.01", "7.01.01"),
            ("kode_indikator", "text", False, "Untuk indikator: kode IKU bila termasuk IKU unit", "sakip"),
            ("keterangan", "text", False, "Keterangan seperti tercetak, mis. pemilik visi/misi",
             "Visi Bupati Mojokerto tahun 2021-2026"),
        ),
        key=("periode_mulai", "jenis", "sasaran", "uraian"),
        period=("periode_mulai", "periode_selesai"),
        vocab={"jenis": RENSTRA_KINDS},
        fills="Bab I F Cascading Kinerja; Bab II A Rencana Strategis",
        absent_note="Rencana Strategis (visi, misi, tujuan, sasaran, kebijakan, strategi, program) tidak "
                    f"disajikan: isi berkas {_UNIT}/renstra.csv.",
    ),
    dict(
        name="renstra_target",
        title="Matriks Target Kinerja Renstra seperti tercetak (Tabel 2.1)",
        one_row_per="indikator, dokumen dan tahun",
        per_year=False,
        columns=(
            ("dokumen", "text", True, "renstra atau renstra_perubahan", "renstra"),
            ("indikator", "text", True, "Nama indikator seperti tercetak",
             "Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan"),
            ("kode_indikator", "text", False, "Kode IKU bila indikator termasuk IKU unit", "jumlah_inovasi"),
            ("tahun", "integer", True, "Tahun target", "2023"),
            ("target", "text", True, "Target seperti tercetak, dengan satuan atau predikat", "1.100 pelayanan"),
            ("target_angka", "number", False, "Target sebagai angka; kosong bila bukan angka (mis. 'B')", "1100"),
        ),
        key=("dokumen", "indikator", "tahun"),
        vocab={"dokumen": ("renstra", "renstra_perubahan")},
        fills="Bab II A Tabel 2.1 Matriks Target Kinerja Renstra",
        absent_note="Tabel 2.1 hanya memuat tujuh indikator kinerja utama dari targets.csv; indikator Renstra "
                    f"lainnya seperti tercetak diisi dari berkas {_UNIT}/renstra_target.csv.",
    ),
    dict(
        name="organisasi",
        title="Struktur Organisasi",
        one_row_per="unit kerja atau jabatan dalam susunan organisasi",
        per_year=False,
        columns=(
            ("unit_kerja", "text", True, "Nama unit kerja/jabatan seperti tercetak", "Sub Bagian Umum dan Kepegawaian"),
            ("induk", "text", False, "unit_kerja atasan langsung; kosong = tingkat teratas", "Sekretariat Kecamatan"),
            *_BERLAKU,
        ),
        key=("berlaku_mulai", "unit_kerja"),
        period=("berlaku_mulai", "berlaku_sampai"),
        fills="Bab I A Struktur Organisasi",
        absent_note=f"Struktur organisasi tidak disajikan: isi berkas {_UNIT}/organisasi.csv.",
    ),
    dict(
        name="tugas_fungsi",
        title="Tugas Pokok dan Fungsi (unit dan jabatan)",
        one_row_per="butir tugas atau fungsi",
        per_year=False,
        columns=(
            ("jabatan", "text", False, "Kosong = tugas/fungsi unit (Bab I); terisi = jabatan, sama dengan "
             "laporan_pejabat.jabatan", "Sekretaris Kecamatan"),
            ("jenis", "text", True, "tugas, fungsi, atau tugas_fungsi (satu daftar 'Tugas Pokok dan Fungsi')",
             "fungsi"),
            ("uraian", "text", True, "Butir seperti tercetak, tanpa tanda baca penutup",
             "menyelenggarakan urusan pemerintahan umum"),
            *_BERLAKU,
        ),
        key=("berlaku_mulai", "jabatan", "jenis", "uraian"),
        period=("berlaku_mulai", "berlaku_sampai"),
        vocab={"jenis": ("tugas", "fungsi", "tugas_fungsi")},
        fills="Bab I D Tugas Pokok dan Fungsi; Lampiran 4 tugas tiap pejabat",
        absent_note=f"Tugas pokok dan fungsi tidak disajikan: isi berkas {_UNIT}/tugas_fungsi.csv.",
    ),
    dict(
        name="isu_strategis",
        title="Isu Strategis (kekuatan, kelemahan, peluang, ancaman)",
        one_row_per="butir isu strategis",
        per_year=False,
        columns=(
            ("kategori", "text", True, "kekuatan, kelemahan, peluang atau ancaman", "kekuatan"),
            ("uraian", "text", True, "Butir seperti tercetak, tanpa tanda baca penutup",
             "Ketersediaan sumber dana dalam mendukung pelaksanaan tugas"),
            *_BERLAKU,
        ),
        key=("berlaku_mulai", "kategori", "uraian"),
        period=("berlaku_mulai", "berlaku_sampai"),
        vocab={"kategori": ISU_CATEGORIES},
        fills="Bab I E Isu-isu Strategis",
        absent_note=f"Isu strategis tidak disajikan: isi berkas {_UNIT}/isu_strategis.csv.",
    ),
    dict(
        name="proses_bisnis",
        title="Peta Proses Bisnis (simpul berkode)",
        one_row_per="simpul proses bisnis",
        per_year=False,
        columns=(
            ("kode", "text", True, "Kode proses seperti tercetak (P.1, P.1.5, ...); level = banyaknya titik dikurangi satu (P.1 = level 0)",
             "P.1.5.4.1"),
            ("uraian", "text", True, "Nama proses seperti tercetak", "Optimalisasi Pemerintahan dan Pelayanan Publik"),
            *_BERLAKU,
        ),
        key=("berlaku_mulai", "kode"),
        period=("berlaku_mulai", "berlaku_sampai"),
        fills="Bab I G Peta Proses Bisnis; Lampiran 5",
        absent_note=f"Peta proses bisnis tidak disajikan: isi berkas {_UNIT}/proses_bisnis.csv.",
    ),
    # ------------------------------------------------------------------ per year
    dict(
        name="penduduk",
        title="Jumlah Penduduk per Desa (Tabel 1.1)",
        one_row_per="desa atau kelurahan",
        per_year=True,
        columns=(
            ("desa", "text", True, "Nama desa/kelurahan; baris JUMLAH dibaca sebagai total tercetak", "Ngareskidul"),
            ("laki_laki", "integer", True, "Jumlah penduduk laki-laki", "1.958"),
            ("perempuan", "integer", True, "Jumlah penduduk perempuan", "1.991"),
            ("jumlah", "integer", False, "Jumlah seperti tercetak (diperiksa, tidak dipakai menghitung)", "3.949"),
            ("dusun", "integer", False, "Jumlah dusun", "4"),
            ("rw", "integer", False, "Jumlah RW", "8"),
            ("rt", "integer", False, "Jumlah RT", "27"),
            ("per_tanggal", "date", False, "Keadaan data per tanggal", "31 Desember 2022"),
            ("sumber", "text", False, "Sumber data", "Dispendukcapil Kabupaten Mojokerto"),
        ),
        key=("desa",),
        label_column="desa",
        fills="Bab I D wilayah administratif dan Tabel 1.1 Jumlah Penduduk",
        absent_note=f"Data penduduk per desa tidak disajikan: isi berkas {_YEAR}/penduduk.csv.",
    ),
    dict(
        name="sarana",
        title="Sarana dan Prasarana Kantor",
        one_row_per="jenis sarana atau prasarana",
        per_year=True,
        columns=(
            ("uraian", "text", True, "Jenis sarana/prasarana", "Gedung Kantor"),
            ("jumlah", "number", True, "Jumlah", "1"),
            ("satuan", "text", False, "Satuan (unit, buah, m, ...)", "unit"),
            ("keterangan", "text", False, "Keterangan", "3 lantai"),
        ),
        key=("uraian",),
        fills="Bab I C Sarana dan Prasarana",
        absent_note=f"Data sarana dan prasarana kantor tidak disajikan: isi berkas {_YEAR}/sarana.csv.",
    ),
    dict(
        name="perjanjian_kinerja",
        title="Perjanjian Kinerja dan PK Perubahan seperti ditandatangani",
        one_row_per="indikator dalam satu dokumen PK",
        per_year=True,
        columns=(
            ("dokumen", "text", True, "pk atau pk_perubahan", "pk"),
            ("jenis", "text", True, "sasaran (sasaran strategis) atau kinerja_lainnya", "sasaran"),
            ("nomor", "text", False, "Nomor seperti tercetak", "1"),
            ("sasaran", "text", True, "Sasaran seperti tercetak (diulang pada tiap indikatornya)",
             "Terwujudnya Tata Kelola Birokrasi Perangkat Daerah"),
            ("indikator", "text", True, "Indikator kinerja seperti tercetak", "Nilai RB Perangkat Daerah"),
            ("rincian", "text", False, "Rincian yang tercetak di bawah indikator", ""),
            ("kode_indikator", "text", False, "Kode IKU bila indikator termasuk IKU unit; kosong untuk lainnya",
             "sakip"),
            ("target", "text", True, "Target seperti tercetak", "71 (B)"),
            ("target_angka", "number", False, "Target sebagai angka", "71"),
        ),
        key=("dokumen", "sasaran", "indikator"),
        vocab={"dokumen": PK_DOCUMENTS, "jenis": ("sasaran", "kinerja_lainnya")},
        fills="Bab II B Perjanjian Kinerja dan PK Perubahan; Lampiran 2",
        absent_note="Perjanjian Kinerja seperti ditandatangani tidak disajikan (target diambil dari targets.csv): "
                    f"isi berkas {_YEAR}/perjanjian_kinerja.csv.",
    ),
    dict(
        name="perjanjian_kinerja_anggaran",
        title="Anggaran Program dalam Perjanjian Kinerja",
        one_row_per="program dalam satu dokumen PK",
        per_year=True,
        columns=(
            ("dokumen", "text", True, "pk atau pk_perubahan", "pk_perubahan"),
            ("program", "text", True, "Nama program seperti tercetak", "Program Pembinaan dan Pengawasan Pemerintahan Desa"),
            ("kode_program", "text", False, "Kode program (3 bagian), untuk dicocokkan dengan anggaran", "7.01.06"),
            ("anggaran", "number", True, "Anggaran (Rp)", "207.788.080,00"),
            ("keterangan", "text", False, "Sumber anggaran seperti tercetak", "P APBD 2023"),
        ),
        key=("dokumen", "program"),
        vocab={"dokumen": PK_DOCUMENTS},
        fills="Bab II B anggaran program PK dan PK Perubahan; Lampiran 2",
        absent_note="Anggaran program dalam Perjanjian Kinerja tidak disajikan: isi berkas "
                    f"{_YEAR}/perjanjian_kinerja_anggaran.csv.",
    ),
    dict(
        name="dokumen",
        title="Dokumen yang Ditandatangani (PK, Berita Acara, LKjIP, rekap koordinasi)",
        one_row_per="dokumen",
        per_year=True,
        columns=(
            ("dokumen", "text", True, "pk, pk_perubahan, berita_acara, lkjip atau rekap_koordinasi", "berita_acara"),
            ("judul", "text", False, "Judul seperti tercetak", "BERITA ACARA PENGUKURAN KINERJA"),
            ("nomor", "text", False, "Nomor surat seperti tercetak", "069/44/416-314/2024"),
            ("tempat", "text", False, "Tempat penandatanganan", "Mojokerto"),
            ("tanggal", "date", False, "Tanggal penandatanganan (lengkap)", "2024-01-10"),
            ("tanggal_tercetak", "text", False, "Tanggal seperti tercetak bila tidak lengkap atau ditulis dengan huruf",
             "Januari 2024"),
            ("dasar_nomor", "text", False, "Nomor keputusan yang menjadi dasar (mis. SK Tim SAKIP)",
             "188.45/24/416-314/2024"),
            ("dasar_tanggal", "date", False, "Tanggal keputusan dasar", "29 Desember 2023"),
            ("dasar_uraian", "text", False, "Perihal keputusan dasar", "Pembentukan Tim SAKIP"),
        ),
        key=("dokumen",),
        vocab={"dokumen": SIGNED_DOCUMENTS},
        fills="tempat dan tanggal tanda tangan (Kata Pengantar, Bab IV, Lampiran 2); Lampiran 3 Berita Acara",
        absent_note="Keterangan penandatanganan {dokumen} tidak tersedia: isi baris '{dokumen}' di berkas "
                    f"{_YEAR}/dokumen.csv.",
    ),
    dict(
        name="penandatangan",
        title="Penandatangan dan Anggota Tim per Dokumen",
        one_row_per="orang dalam satu dokumen",
        per_year=True,
        columns=(
            ("dokumen", "text", True, "Kode dokumen seperti di dokumen.csv", "pk"),
            ("peran", "text", True, "pihak_pertama, pihak_kedua, mengetahui, penandatangan atau anggota_tim",
             "pihak_pertama"),
            ("nama", "text", True, "Nama dan gelar seperti tercetak", "NAMA PEJABAT, S.STP., M.M."),
            ("jabatan", "text", False, "Jabatan seperti tercetak", "CAMAT GEDEG"),
            ("pangkat", "text", False, "Pangkat seperti tercetak", "Pembina Tingkat I"),
            ("nip", "text", False, "NIP 18 angka", "197702211995111001"),
        ),
        key=("dokumen", "peran", "nama"),
        vocab={"peran": SIGNING_ROLES},
        fills="blok tanda tangan dan anggota tim tiap dokumen",
        absent_note="Blok tanda tangan {dokumen} memakai pimpinan dari unit.yaml; penandatangan lain diisi di "
                    f"berkas {_YEAR}/penandatangan.csv.",
    ),
    dict(
        name="kinerja_pejabat",
        title="Perjanjian dan Capaian Kinerja Pejabat (Lampiran 4)",
        one_row_per="indikator dalam Perjanjian Kinerja satu pejabat",
        per_year=True,
        columns=(
            ("jabatan", "text", True, "Jabatan pejabat, sama dengan laporan_pejabat.jabatan", "Sekretaris Kecamatan"),
            ("jenis", "text", True, "sasaran atau kinerja_lainnya", "sasaran"),
            ("nomor", "text", False, "Nomor seperti tercetak", "2"),
            ("sasaran", "text", True, "Sasaran seperti tercetak",
             "Tersusunnya dokumen perencanaan dan penganggaran sesuai standar"),
            ("indikator", "text", True, "Indikator seperti tercetak", "Persentase realisasi anggaran"),
            ("target_pk", "text", False, "Target seperti tercetak di tabel Perjanjian Kinerja", "94%"),
            ("target", "text", True, "Target seperti tercetak di tabel Capaian Kinerja", "90%"),
            ("realisasi", "text", True, "Realisasi seperti tercetak", "94,37"),
            ("capaian", "number", False, "Capaian (%) seperti tercetak", "104,85"),
        ),
        key=("jabatan", "jenis", "sasaran", "indikator"),
        vocab={"jenis": ("sasaran", "kinerja_lainnya")},
        fills="Lampiran 4 Perjanjian dan Capaian Kinerja tiap pejabat",
        absent_note="Hasil pengukuran kinerja pejabat (Lampiran 4) tidak disajikan: isi berkas "
                    f"{_YEAR}/kinerja_pejabat.csv dan laporan_pejabat.csv.",
    ),
    dict(
        name="laporan_pejabat",
        title="Laporan Kinerja Pejabat: identitas, anggaran, tindak lanjut, tanggapan atasan (Lampiran 4)",
        one_row_per="pejabat yang menyusun laporan kinerja",
        per_year=True,
        columns=(
            ("jabatan", "text", True, "Jabatan pejabat (dipakai juga di kinerja_pejabat dan tugas_fungsi)",
             "Kepala Seksi Pelayanan"),
            ("nama", "text", False, "Nama dan gelar seperti tercetak di tanda tangan", "NAMA PEJABAT, S.Sos"),
            ("pangkat", "text", False, "Pangkat seperti tercetak", "Penata Tingkat I"),
            ("nip", "text", False, "NIP 18 angka", "196709011989032007"),
            ("jabatan_atasan", "text", False, "Jabatan atasan yang mengetahui", "CAMAT GEDEG"),
            ("anggaran", "number", False, "Anggaran yang dikelola (Rp)", "28.928.297,00"),
            ("realisasi_anggaran", "number", False, "Anggaran yang terserap (Rp)", "28.533.000,00"),
            ("serapan_pct", "number", False, "Persentase serapan seperti tercetak", "98,63"),
            ("kategori", "text", False, "Kesimpulan capaian seperti tercetak", "sangat baik"),
            ("rata_rata_capaian", "number", False, "Rata-rata capaian kinerja (%) seperti tercetak", "100"),
            ("rencana_tindak_lanjut", "text", False, "Rencana tindak lanjut", "melakukan koordinasi dengan pihak terkait"),
            ("tanggapan_atasan", "text", False, "Tanggapan atasan langsung (satu paragraf)",
             "pertahankan hal yang sudah baik"),
            ("disposisi", "text", False, "Kotak disposisi yang dicentang", "LAPORAN SUDAH BAIK"),
        ),
        key=("jabatan",),
        vocab={"disposisi": DISPOSISI},
        fills="Lampiran 4 identitas, evaluasi anggaran, rencana tindak lanjut, tanggapan atasan",
        absent_note="Laporan kinerja pejabat (Lampiran 4) tidak disajikan: isi berkas "
                    f"{_YEAR}/laporan_pejabat.csv dan kinerja_pejabat.csv.",
    ),
    dict(
        name="tindak_lanjut_evaluasi",
        title="Tindak Lanjut Hasil Evaluasi",
        one_row_per="rekomendasi atau langkah tindak lanjut",
        per_year=True,
        columns=(
            ("rekomendasi", "text", False, "Rekomendasi hasil evaluasi sebelumnya; kosong bila tidak tercatat", ""),
            ("tindak_lanjut", "text", True, "Langkah tindak lanjut seperti tercetak",
             "Melakukan perencanaan yang seksama guna menekan jarak antara target dan realisasi"),
            ("status", "text", False, "belum, proses atau selesai; kosong = tidak dinyatakan", "proses"),
            ("sumber_rekomendasi", "text", False, "Dokumen asal rekomendasi", "LHE AKIP tahun 2022"),
            ("keterangan", "text", False, "Keterangan", ""),
        ),
        key=("rekomendasi", "tindak_lanjut"),
        vocab={"status": ("belum", "proses", "selesai")},
        fills="Bab III C Tindak Lanjut Hasil Evaluasi",
        absent_note=f"Tindak lanjut hasil evaluasi tidak disajikan: isi berkas {_YEAR}/tindak_lanjut_evaluasi.csv.",
    ),
    dict(
        name="prestasi",
        title="Prestasi (Lampiran 7)",
        one_row_per="prestasi tahun itu",
        per_year=True,
        columns=(
            ("uraian", "text", True, "Prestasi seperti tercetak", "Busana terbaik pada Acara Majafest Tahun 2023"),
            ("peringkat", "text", False, "Peringkat seperti tercetak", "nomor 7"),
            ("nilai", "number", False, "Nilai yang disebut di uraian", "86,13"),
        ),
        key=("uraian",),
        fills="Lampiran 7 Prestasi (tahun laporan dan tahun sebelumnya)",
        absent_note=f"Prestasi tahun {{tahun}} tidak disajikan: isi berkas {_YEAR}/prestasi.csv.",
    ),
    dict(
        name="indikator",
        title="Indikator Kinerja Utama (IKU) unit: definisi, satuan, polaritas, rumus",
        one_row_per="IKU (per masa berlaku)",
        per_year=False,
        columns=(
            ("kode", "text", True, "Kode IKU: huruf, angka dan _; dicocokkan tanpa membedakan huruf besar/kecil "
             "di semua berkas", "angka_kematian_ibu"),
            ("nama", "text", True, "Nama indikator seperti tercetak", "Angka Kematian Ibu"),
            ("satuan", "text", True, "indeks, persen, nilai, jumlah, per 100.000 kelahiran hidup, ...",
             "per 100.000 kelahiran hidup"),
            ("polaritas", "text", True, "naik (makin tinggi makin baik) atau turun (makin rendah makin baik)",
             "turun"),
            ("desimal", "integer", True, "Jumlah desimal yang dibaca pembaca (0-6)", "2"),
            ("rumus", "text", True, "Perhitungan bawaan (ikm, layanan_sesuai_standar_pct, "
             "koordinasi_ditindaklanjuti_pct, sakip, realisasi_anggaran_pct, ip_asn, jumlah_inovasi), "
             "'dilaporkan' (nilai dari realisasi.csv), atau rumus + - * / ( ) atas besaran realisasi.csv, "
             "rata_rata(besaran) dan jumlah(besaran)", "100000 * kematian_ibu / kelahiran_hidup"),
            ("sumber", "text", False, "Asal angka, dicetak di keterangan tabel", "Laporan KIA Dinas Kesehatan"),
            ("definisi", "text", False, "Definisi operasional, dicetak di Bab II/III",
             "Jumlah kematian ibu per 100.000 kelahiran hidup"),
            *_BERLAKU,
        ),
        key=("kode", "berlaku_mulai"),
        period=("berlaku_mulai", "berlaku_sampai"),
        fills="IKU unit: Bab II, Bab III A, indicators.csv; tanpa berkas ini unit memakai tujuh IKU kecamatan",
        absent_note="",
    ),
    dict(
        name="realisasi",
        title="Realisasi yang dilaporkan: nilai IKU 'dilaporkan' dan besaran yang dipakai rumus IKU",
        one_row_per="besaran (per sub unit bila ada)",
        per_year=True,
        columns=(
            ("besaran", "text", True, "Kode IKU berumus 'dilaporkan', atau nama besaran yang disebut rumus",
             "kematian_ibu"),
            ("subunit", "text", False, "Sub unit asal angka (mis. puskesmas/kecamatan); kosong = seluruh unit",
             "Puskesmas Gedeg"),
            ("nilai", "text", True, "Angka (bentuk Indonesia atau Inggris), atau n/a bila belum dirilis", "3"),
            ("sumber", "text", True, "Asal angka", "Laporan KIA 2023"),
            ("keterangan", "text", False, "Keterangan", ""),
        ),
        key=("besaran", "subunit"),
        fills="Realisasi IKU yang dilaporkan atau dihitung dari besaran (Bab III A, indicators.csv)",
        absent_note="",
    ),
    dict(
        name="angka_resmi",
        title="Angka resmi IKU: angka yang diterbitkan dan ditandatangani (mis. IKM E-Sukma, Berita Acara)",
        one_row_per="IKU yang punya angka resmi tahun itu",
        per_year=True,
        columns=(
            ("indikator", "text", True, "Kode IKU (mis. ikm)", "ikm"),
            ("realisasi_resmi", "number", True, "Angka resmi seperti diterbitkan", "97,33"),
            ("sumber_resmi", "text", True, "Dokumen atau aplikasi yang menerbitkan angka itu",
             "Aplikasi E-Sukma Provinsi Jawa Timur; Berita Acara Pengukuran Kinerja"),
            ("keterangan", "text", False, "Yang tertulis di sumber tentang cara atau periode penghitungan",
             "layar E-Sukma difilter 01/01/2024 s.d. 30/01/2024"),
        ),
        key=("indikator",),
        fills="Angka utama IKU (Bab III A, Berita Acara) dan kolom realisasi_resmi, sumber_resmi indicators.csv; "
              "tanpa berkas ini laporan memakai angka hitung ulang",
        absent_note="",
    ),
)

#: Optional columns contract v2 adds to ``pegawai`` (appended after the v1 columns).
PEGAWAI_OPTIONAL_COLUMNS: tuple[tuple, ...] = (
    ("pangkat", "text", False, "Pangkat seperti tercetak (PNS/PPPK)", "Pembina Tingkat I"),
    ("golongan", "text", False, "Golongan ruang, mis. IV/b", "IV/b"),
    ("pendidikan", "text", False, "Pendidikan terakhir: SD, SMP, SMA, D3, D4, S1, S2 atau S3", "S2"),
    ("tahun_penilaian_ip_asn", "integer", False,
     "Tahun penilaian IP ASN asal nilai dimensi di baris ini; kosong = tahun laporan", "2022"),
)

#: Extra lines of a template's guide sheet (``petunjuk``), per dataset: how a rumus is written, with the
#: examples of docs/data-contract.md ("IKU unit sendiri"), and how a reported figure is handed in.
GUIDE_NOTES: dict[str, tuple[str, ...]] = {
    "indikator": (
        "Kolom rumus berisi salah satu dari tiga bentuk:",
        "1. Perhitungan bawaan, dihitung dari datasetnya: ikm, layanan_sesuai_standar_pct, "
        "koordinasi_ditindaklanjuti_pct, sakip, realisasi_anggaran_pct, ip_asn, jumlah_inovasi.",
        "2. dilaporkan: nilainya baris realisasi.csv tahun itu dengan besaran = kode IKU ini "
        "(tulis n/a bila angka belum dirilis).",
        "3. Rumus hitung atas angka, nama perhitungan bawaan dan besaran realisasi.csv, dengan + - * / ( ), "
        "rata_rata(besaran) (rata-rata baris besaran itu, mis. satu per sub unit) dan jumlah(besaran).",
        "Contoh rasio: 100000 * kematian_ibu / kelahiran_hidup",
        "Contoh gabungan tertimbang: 0.4*realisasi_anggaran_pct + 0.6*capaian_output",
        "Contoh rata-rata sub unit: rata_rata(ikm_puskesmas)",
        "Titik desimal di rumus memakai titik (0.4), bukan koma. Rumus tidak pernah dijalankan sebagai kode; "
        "nama yang tidak dikenal atau tulisan yang salah adalah galat yang menyebut berkas, baris dan kolom "
        "(paling panjang 500 karakter).",
        "polaritas naik: capaian = realisasi / target x 100; turun: (2 x target - realisasi) / target x 100, "
        "atau target / realisasi x 100 bila unit.yaml berisi capaian_turun: rasio.",
    ),
    "realisasi": (
        "Satu baris per angka yang dilaporkan, satu berkas per tahun (<tahun>/realisasi.csv).",
        "besaran: kode IKU berumus dilaporkan, atau nama besaran yang disebut rumus IKU "
        "(mis. kematian_ibu dan kelahiran_hidup untuk 100000 * kematian_ibu / kelahiran_hidup).",
        "Untuk rata_rata(ikm_puskesmas) atau jumlah(...): satu baris per sub unit dengan besaran yang sama, "
        "kolom subunit diisi (mis. Puskesmas Gedeg).",
        "nilai: angka, atau n/a bila angka belum dirilis (laporan menulis \"belum tersedia\"); sumber wajib diisi.",
    ),
}
