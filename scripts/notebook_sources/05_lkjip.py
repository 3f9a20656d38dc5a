from nbtools import code, md, parameters, setup

# The LKjIP itself, in the order of the seed report. Headings are Markdown
# cells (h1 = chapters, h2 = sections; the PDF's Daftar Isi is built from
# them). Every figure comes from lkjip.report / lkjip.narrative; display cells
# are tagged remove_input, loading cells remove_cell.

T = "remove_input"


def show(text: str):
    return code(text, T)


CELLS = [
    parameters(extra='ikm_weight = "exact"  # bobot NRR IKM: "exact" (1/9) atau "rounded" (0,111)'),
    setup(),
    code('''from lkjip import report as rp, narrative as nr
rep = rp.build_report(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir, ikm_weight=ikm_weight)
F = rp.formats''', "remove_cell"),
    show("nb.md(nr.judul(rep))"),

    md("# Ikhtisar Eksekutif"),
    show("nb.md(nr.ikhtisar_eksekutif(rep))"),

    # ------------------------------------------------------------------ BAB I
    md("# BAB I PENDAHULUAN"),
    md("## A. Profil Unit"),
    show("nb.md(nr.profil_unit(rep))"),
    md("## B. Jumlah Pegawai"),
    show("nb.md(nr.bab1_pegawai(rep))"),
    show('''if rep.pegawai_jabatan is not None:
    nb.table(rep.pegawai_jabatan, "Tabel 1.1 Jumlah Pegawai per Jabatan", source=rp.sumber(rep, "pegawai"))
    nb.table(rep.pegawai_status, "Tabel 1.2 Jumlah Pegawai per Status Kepegawaian", source=rp.sumber(rep, "pegawai"))'''),
    show('''if rep.pegawai_mutasi is not None and len(rep.pegawai_mutasi):
    nb.table(rep.pegawai_mutasi, "Tabel 1.3 Pegawai yang Masuk dan Keluar selama Tahun Berjalan",
             source=rp.sumber(rep, "pegawai"))'''),
    md("""
## C. Sistematika Laporan

Laporan ini disusun menurut sistematika Laporan Kinerja Perangkat Daerah:

- **BAB I Pendahuluan**: profil unit dan sumber daya aparatur;
- **BAB II Perencanaan Kinerja**: target Renstra, Perjanjian Kinerja dan perubahannya;
- **BAB III Akuntabilitas Kinerja**: capaian kinerja organisasi dan realisasi anggaran;
- **BAB IV Penutup**: kesimpulan dan saran;
- **Lampiran**: ringkasan validasi data, audit dan asal-usul data.

Semua angka dihitung ulang dari data mentah unit dengan rumus yang ditetapkan peraturan; teks
bertanda *Draf narasi* disusun otomatis dari angka dan perlu disunting sebelum laporan ditandatangani.
"""),

    # ------------------------------------------------------------------ BAB II
    md("# BAB II PERENCANAAN KINERJA"),
    md("""
## A. Rencana Strategis

Rencana Strategis (Renstra) memuat tujuan, sasaran, dan indikator kinerja yang harus dicapai selama
periode perencanaan. Target tahunan ketujuh Indikator Kinerja Utama menurut Renstra adalah sebagai
berikut.
"""),
    show('''if rep.tabel_2_1 is not None:
    nb.table(rep.tabel_2_1, "Tabel 2.1 Matriks Target Kinerja Renstra", source=rp.sumber(rep, "renstra"),
             formats=F(rep.tabel_2_1))
else:
    nb.md("Target Renstra tidak tersedia di data/raw/<unit>/targets.csv.")'''),
    show('''if rep.tabel_2_1_perubahan is not None:
    nb.md(rp.renstra_note(rep))
    nb.table(rep.tabel_2_1_perubahan, "Tabel 2.1a Usulan Perubahan Target Renstra",
             source=rp.sumber(rep, "renstra_perubahan"), formats=F(rep.tabel_2_1_perubahan))'''),
    md("""
## B. Perjanjian Kinerja

Renstra dijabarkan ke dalam Rencana Kerja tahunan dan Perjanjian Kinerja (PK), yang memuat target
kinerja yang diperjanjikan pimpinan unit kepada atasannya. Bila dalam tahun berjalan PK diubah,
target yang dipakai untuk mengukur kinerja adalah target PK Perubahan.
"""),
    show('''if rep.tabel_2_2 is not None:
    nb.table(rep.tabel_2_2, f"Tabel 2.2 Perjanjian Kinerja Tahun {rep.year}", source=rp.sumber(rep, "pk"),
             formats=F(rep.tabel_2_2))
else:
    nb.md(f"Perjanjian Kinerja tahun {rep.year} tidak tercatat di data target.")'''),
    show('''if rep.tabel_2_3 is not None:
    nb.table(rep.tabel_2_3, f"Tabel 2.3 Perjanjian Kinerja Perubahan Tahun {rep.year}",
             source=rp.sumber(rep, "pk_perubahan"), formats=F(rep.tabel_2_3))
else:
    nb.md(f"Tidak ada Perjanjian Kinerja Perubahan untuk tahun {rep.year}.")
nb.md(rp.target_document_note(rep))'''),

    # ------------------------------------------------------------------ BAB III
    md("# BAB III AKUNTABILITAS KINERJA"),
    md("""
## A. Capaian Kinerja Organisasi

Pengukuran capaian kinerja membandingkan realisasi setiap indikator dengan targetnya. Capaian (%) =
realisasi / target x 100; kategorinya mengikuti Permendagri Nomor 86 Tahun 2017 (Sangat Tinggi ≥ 91,
Tinggi 76–90, Sedang 66–75, Rendah 51–65, Sangat Rendah ≤ 50).

### 1. Perbandingan antara target dan realisasi kinerja
"""),
    show('''nb.table(rep.tabel_3_1_1, "Tabel 3.1.1 Pencapaian Kinerja", source=rp.sumber(rep, "capaian"),
         formats=F(rep.tabel_3_1_1))
nb.figure(rp.fig_target_vs_realisasi(rep), "Grafik 3.1 Capaian Indikator Kinerja Utama")
nb.md(nr.tabel_3_1_1_text(rep))'''),
    md("### 2. Perbandingan realisasi dan capaian kinerja dengan tahun sebelumnya"),
    show('''nb.table(rep.tabel_3_1_2, "Tabel 3.1.2 Perbandingan Realisasi Kinerja", source=rp.sumber(rep, "multi"),
         formats=F(rep.tabel_3_1_2))
nb.figure(rp.fig_tren(rep), "Grafik 3.2 Tren Realisasi dan Target Indikator Kinerja Utama")
nb.md(nr.tabel_3_1_2_text(rep))'''),
    md("### 3. Perbandingan realisasi kinerja sampai dengan tahun ini dengan target akhir Renstra"),
    show('''nb.table(rep.tabel_3_1_3, "Tabel 3.1.3 Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra",
         source=rp.sumber(rep, "capaian"), formats=F(rep.tabel_3_1_3))
nb.md(nr.tabel_3_1_3_text(rep))'''),
    md("### 4. Perbandingan realisasi kinerja dengan realisasi nasional"),
    show('''nb.table(rep.tabel_3_1_4, "Tabel 3.1.4 Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
         source=rp.sumber(rep, "nasional"), formats=F(rep.tabel_3_1_4))
nb.md(rep.national_note())'''),
    md("### 5. Analisis capaian per indikator"),

    md("#### a. Nilai IKM (Indeks Kepuasan Masyarakat)"),
    show('''nb.md(nr.analisis_indikator(rep, "ikm"))
if rep.gambar_3_1 is not None:
    nb.table(rep.gambar_3_1, "Gambar 3.1 Hasil Survei Kepuasan Masyarakat per Unsur", source=rp.sumber(rep, "ikm"))
    nb.table(rep.gambar_3_1_ringkasan, "Nilai IKM Unit", source=rp.sumber(rep, "ikm"))
    nb.figure(rp.fig_ikm(rep), "Grafik 3.3 Nilai per Unsur Pelayanan dan Batas Mutu Pelayanan")'''),

    md("#### b. Persentase pelayanan yang terlayani sesuai standar pelayanan"),
    show('''nb.md(nr.analisis_indikator(rep, "layanan_sesuai_standar_pct"))
if rep.gambar_3_2 is not None:
    nb.table(rep.gambar_3_2, f"Gambar 3.2 Laporan PATEN Tahun {rep.year}", source=rp.sumber(rep, "paten"))
    nb.figure(rp.fig_paten_layanan(rep), "Grafik 3.4 Jumlah Pelayanan PATEN per Jenis Layanan")
    nb.figure(rp.fig_paten_bulan(rep), "Grafik 3.5 Jumlah Pelayanan PATEN per Bulan")'''),

    md("#### c. Persentase hasil koordinasi yang ditindaklanjuti"),
    show('''nb.md(nr.analisis_indikator(rep, "koordinasi_ditindaklanjuti_pct"))
if rep.gambar_3_4 is not None:
    nb.table(rep.gambar_3_4, "Gambar 3.4 Rekapitulasi Laporan Seksi-Seksi", source=rp.sumber(rep, "koordinasi"))'''),

    md("#### d. Nilai SAKIP Perangkat Daerah"),
    show('''nb.md(nr.analisis_indikator(rep, "sakip"))
if rep.gambar_3_5 is not None:
    nb.table(rep.gambar_3_5, f"Gambar 3.5 Nilai SAKIP Tahun {rep.year}", source=rp.sumber(rep, "sakip"),
             formats=F(rep.gambar_3_5))
    if rep.gambar_3_5_subkomponen is not None:
        nb.table(rep.gambar_3_5_subkomponen, "Nilai SAKIP per Sub Komponen", source=rp.sumber(rep, "sakip"))
    nb.figure(rp.fig_sakip(rep), "Grafik 3.6 Nilai SAKIP per Komponen terhadap Bobot")'''),

    md("#### e. Persentase Realisasi Anggaran Perangkat Daerah"),
    show('''nb.md(nr.analisis_indikator(rep, "realisasi_anggaran_pct"))
if rep.gambar_3_6 is not None:
    nb.table(rep.gambar_3_6, f"Gambar 3.6 Laporan Realisasi Anggaran Tahun {rep.year}", source=rp.sumber(rep, "lra"))'''),

    md("#### f. Indeks Profesionalitas ASN"),
    show('''nb.md(nr.analisis_indikator(rep, "ip_asn"))
if rep.gambar_3_7 is not None:
    nb.table(rep.gambar_3_7, f"Gambar 3.7 IP ASN {rep.unit.nama} {rep.year}", source=rp.sumber(rep, "ipasn"),
             formats=F(rep.gambar_3_7))
    nb.figure(rp.fig_ipasn(rep), "Grafik 3.7 Jumlah ASN per Kategori IP ASN")'''),

    md("#### g. Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan"),
    show('''nb.md(nr.analisis_indikator(rep, "jumlah_inovasi"))
if rep.inovasi is not None and len(rep.inovasi):
    nb.table(rep.inovasi, "Gambar 3.8 Daftar Inovasi Aktif", source=rp.sumber(rep, "inovasi"))'''),

    md("""
## B. Realisasi Anggaran

Sumber dana pelaksanaan kegiatan untuk mencapai tujuan dan sasaran adalah APBD, dengan rincian
sebagai berikut.
"""),
    show('''if rep.tabel_3_2_1 is not None:
    nb.table(rep.tabel_3_2_1, "Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", source=rp.sumber(rep, "lra"))'''),
    show('''nb.table(rep.tabel_3_2_2, "Tabel 3.2.2 Alokasi Anggaran per Indikator Kinerja", source=rp.sumber(rep, "anggaran"))
nb.md(nr.realisasi_anggaran(rep))'''),
    show('''nb.table(rep.tabel_3_2_3, "Tabel 3.2.3 Pencapaian Kinerja dan Anggaran", source=rp.sumber(rep, "anggaran"),
         formats=F(rep.tabel_3_2_3))'''),
    show('''nb.table(rep.tabel_3_2_4, "Tabel 3.2.4 Efisiensi Penggunaan Sumber Daya", source=rp.sumber(rep, "anggaran"))
nb.md(nr.efisiensi(rep))'''),
    show('''if rep.tabel_3_2_5 is not None:
    nb.table(rep.tabel_3_2_5, "Tabel 3.2.5 Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan",
             source=rp.sumber(rep, "anggaran"))
    nb.figure(rp.fig_anggaran(rep), "Grafik 3.8 Penyerapan Anggaran per Program")'''),

    # ------------------------------------------------------------------ BAB IV
    md("# BAB IV PENUTUP"),
    md("## A. Kesimpulan"),
    show("nb.md(nr.kesimpulan(rep))"),
    md("## B. Saran"),
    show("nb.md(nr.saran(rep))"),
    show("nb.md(nr.tanda_tangan(rep))"),

    # ------------------------------------------------------------------ LAMPIRAN
    md("# LAMPIRAN"),
    md("## Ringkasan Validasi Data"),
    show('''validasi, validasi_teks = rp.validation_summary(ctx.report_dir)
nb.md(validasi_teks)
if validasi is not None:
    nb.table(validasi, "Ringkasan validasi", source="validation/validasi.json")'''),
    md("## Ringkasan Audit"),
    show('''audit, audit_teks = rp.audit_summary(ctx.processed_dir, ctx.unit, ctx.year)
nb.md(audit_teks)
if audit is not None:
    nb.table(audit, "Ringkasan audit angka yang dipublikasikan", source="audit.csv")'''),
    md("## Catatan Perhitungan"),
    show("nb.md(rp.catatan_perhitungan(rep))"),
    md("""
## Asal-usul Data

Setiap berkas masukan dicatat dengan sidik SHA-256 dan jumlah barisnya, bersama parameter proses,
versi paket dan commit kode, sehingga laporan ini dapat dibuat ulang dan diperiksa. Waktu proses hanya
dicatat di bagian ini.
"""),
    show('''prov = rp.report_provenance(rep, dict(unit=unit, year=year, ikm_weight=ikm_weight), run_started)
ringkasan, parameter, berkas, versi = rp.provenance_tables(prov)
nb.table(ringkasan, "Ringkasan asal-usul")
nb.table(parameter, "Parameter proses")
nb.table(berkas, "Berkas masukan")
nb.table(versi, "Versi paket")'''),
]
