# %% tags=["parameters", "remove_cell"]
unit = "gedeg"
year = 2023
data_dir = None        # bawaan: data/raw
processed_dir = None   # bawaan: data/processed
report_dir = None      # bawaan: reports/<unit>/<year>
run_started = None     # diisi oleh `lkjip run`
final = False          # True: versi untuk ditandatangani (`lkjip run --final`)
tanggal_tanda_tangan = None  # bawaan: dari data (dokumen.csv baris lkjip)
tempat = None          # bawaan: dari data (dokumen.csv, lalu kota_penetapan)
ikm_weight = "exact"  # bobot NRR IKM: "exact" (1/9) atau "rounded" (0,111)

# %% tags=["remove_cell"]
from lkjip import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat)

# %% tags=["remove_cell"]
from lkjip import report as rp, narrative as nr
rep = rp.build_report(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir, ikm_weight=ikm_weight)
F = rp.formats

# %% tags=["remove_input"]
nb.md(nr.judul(rep))

# %% [markdown]
# # Ikhtisar Eksekutif

# %% tags=["remove_input"]
nb.md(nr.ikhtisar_eksekutif(rep))

# %% [markdown]
# # BAB I PENDAHULUAN

# %% [markdown]
# ## A. Profil Unit

# %% tags=["remove_input"]
nb.md(nr.profil_unit(rep))

# %% [markdown]
# ## B. Jumlah Pegawai

# %% tags=["remove_input"]
nb.md(nr.bab1_pegawai(rep))

# %% tags=["remove_input"]
if rep.pegawai_jabatan is not None:
    nb.table(rep.pegawai_jabatan, "Tabel 1.1 Jumlah Pegawai per Jabatan", source=rp.sumber(rep, "pegawai"))
    nb.table(rep.pegawai_status, "Tabel 1.2 Jumlah Pegawai per Status Kepegawaian", source=rp.sumber(rep, "pegawai"))

# %% tags=["remove_input"]
if rep.pegawai_mutasi is not None and len(rep.pegawai_mutasi):
    nb.table(rep.pegawai_mutasi, "Tabel 1.3 Pegawai yang Masuk dan Keluar selama Tahun Berjalan",
             source=rp.sumber(rep, "pegawai"))

# %% [markdown]
# ## C. Sistematika Laporan
#
# Laporan ini disusun menurut sistematika Laporan Kinerja Perangkat Daerah:
#
# - **BAB I Pendahuluan**: profil unit dan sumber daya aparatur;
# - **BAB II Perencanaan Kinerja**: target Renstra, Perjanjian Kinerja dan perubahannya;
# - **BAB III Akuntabilitas Kinerja**: capaian kinerja organisasi dan realisasi anggaran;
# - **BAB IV Penutup**: kesimpulan dan saran;
# - **Lampiran**: ringkasan validasi data, audit dan asal-usul data.
#
# Semua angka dihitung ulang dari data mentah unit dengan rumus yang ditetapkan peraturan; teks
# bertanda *Draf narasi* disusun otomatis dari angka dan perlu disunting sebelum laporan ditandatangani.

# %% [markdown]
# # BAB II PERENCANAAN KINERJA

# %% [markdown]
# ## A. Rencana Strategis
#
# Rencana Strategis (Renstra) memuat tujuan, sasaran, dan indikator kinerja yang harus dicapai selama
# periode perencanaan. Target tahunan ketujuh Indikator Kinerja Utama menurut Renstra adalah sebagai
# berikut.

# %% tags=["remove_input"]
if rep.tabel_2_1 is not None:
    nb.table(rep.tabel_2_1, "Tabel 2.1 Matriks Target Kinerja Renstra", source=rp.sumber(rep, "renstra"),
             formats=F(rep.tabel_2_1))
else:
    nb.md("Target Renstra tidak tersedia di data/raw/<unit>/targets.csv.")

# %% tags=["remove_input"]
if rep.tabel_2_1_perubahan is not None:
    nb.md(rp.renstra_note(rep))
    nb.table(rep.tabel_2_1_perubahan, "Tabel 2.1a Usulan Perubahan Target Renstra",
             source=rp.sumber(rep, "renstra_perubahan"), formats=F(rep.tabel_2_1_perubahan))

# %% [markdown]
# ## B. Perjanjian Kinerja
#
# Renstra dijabarkan ke dalam Rencana Kerja tahunan dan Perjanjian Kinerja (PK), yang memuat target
# kinerja yang diperjanjikan pimpinan unit kepada atasannya. Bila dalam tahun berjalan PK diubah,
# target yang dipakai untuk mengukur kinerja adalah target PK Perubahan.

# %% tags=["remove_input"]
if rep.tabel_2_2 is not None:
    nb.table(rep.tabel_2_2, f"Tabel 2.2 Perjanjian Kinerja Tahun {rep.year}", source=rp.sumber(rep, "pk"),
             formats=F(rep.tabel_2_2))
else:
    nb.md(f"Perjanjian Kinerja tahun {rep.year} tidak tercatat di data target.")

# %% tags=["remove_input"]
if rep.tabel_2_3 is not None:
    nb.table(rep.tabel_2_3, f"Tabel 2.3 Perjanjian Kinerja Perubahan Tahun {rep.year}",
             source=rp.sumber(rep, "pk_perubahan"), formats=F(rep.tabel_2_3))
else:
    nb.md(f"Tidak ada Perjanjian Kinerja Perubahan untuk tahun {rep.year}.")
nb.md(rp.target_document_note(rep))

# %% [markdown]
# # BAB III AKUNTABILITAS KINERJA

# %% [markdown]
# ## A. Capaian Kinerja Organisasi
#
# Pengukuran capaian kinerja membandingkan realisasi setiap indikator dengan targetnya. Capaian (%) =
# realisasi / target x 100; kategorinya mengikuti Permendagri Nomor 86 Tahun 2017 (Sangat Tinggi ≥ 91,
# Tinggi 76–90, Sedang 66–75, Rendah 51–65, Sangat Rendah ≤ 50).
#
# ### 1. Perbandingan antara target dan realisasi kinerja

# %% tags=["remove_input"]
nb.table(rep.tabel_3_1_1, "Tabel 3.1.1 Pencapaian Kinerja", source=rp.sumber(rep, "capaian"),
         formats=F(rep.tabel_3_1_1))
nb.figure(rp.fig_target_vs_realisasi(rep), "Grafik 3.1 Capaian Indikator Kinerja Utama")
nb.md(nr.tabel_3_1_1_text(rep))

# %% [markdown]
# ### 2. Perbandingan realisasi dan capaian kinerja dengan tahun sebelumnya

# %% tags=["remove_input"]
nb.table(rep.tabel_3_1_2, "Tabel 3.1.2 Perbandingan Realisasi Kinerja", source=rp.sumber(rep, "multi"),
         formats=F(rep.tabel_3_1_2))
nb.figure(rp.fig_tren(rep), "Grafik 3.2 Tren Realisasi dan Target Indikator Kinerja Utama")
nb.md(nr.tabel_3_1_2_text(rep))

# %% [markdown]
# ### 3. Perbandingan realisasi kinerja sampai dengan tahun ini dengan target akhir Renstra

# %% tags=["remove_input"]
nb.table(rep.tabel_3_1_3, "Tabel 3.1.3 Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra",
         source=rp.sumber(rep, "capaian"), formats=F(rep.tabel_3_1_3))
nb.md(nr.tabel_3_1_3_text(rep))

# %% [markdown]
# ### 4. Perbandingan realisasi kinerja dengan realisasi nasional

# %% tags=["remove_input"]
nb.table(rep.tabel_3_1_4, "Tabel 3.1.4 Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
         source=rp.sumber(rep, "nasional"), formats=F(rep.tabel_3_1_4))
nb.md(rep.national_note())

# %% [markdown]
# ### 5. Analisis capaian per indikator

# %% [markdown]
# #### a. Nilai IKM (Indeks Kepuasan Masyarakat)

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "ikm"))
if rep.gambar_3_1 is not None:
    nb.table(rep.gambar_3_1, "Gambar 3.1 Hasil Survei Kepuasan Masyarakat per Unsur", source=rp.sumber(rep, "ikm"))
    nb.table(rep.gambar_3_1_ringkasan, "Nilai IKM Unit", source=rp.sumber(rep, "ikm"))
    nb.figure(rp.fig_ikm(rep), "Grafik 3.3 Nilai per Unsur Pelayanan dan Batas Mutu Pelayanan")

# %% [markdown]
# #### b. Persentase pelayanan yang terlayani sesuai standar pelayanan

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "layanan_sesuai_standar_pct"))
if rep.gambar_3_2 is not None:
    nb.table(rep.gambar_3_2, f"Gambar 3.2 Laporan PATEN Tahun {rep.year}", source=rp.sumber(rep, "paten"))
    nb.figure(rp.fig_paten_layanan(rep), "Grafik 3.4 Jumlah Pelayanan PATEN per Jenis Layanan")
    nb.figure(rp.fig_paten_bulan(rep), "Grafik 3.5 Jumlah Pelayanan PATEN per Bulan")

# %% [markdown]
# #### c. Persentase hasil koordinasi yang ditindaklanjuti

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "koordinasi_ditindaklanjuti_pct"))
if rep.gambar_3_4 is not None:
    nb.table(rep.gambar_3_4, "Gambar 3.4 Rekapitulasi Laporan Seksi-Seksi", source=rp.sumber(rep, "koordinasi"))

# %% [markdown]
# #### d. Nilai SAKIP Perangkat Daerah

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "sakip"))
if rep.gambar_3_5 is not None:
    nb.table(rep.gambar_3_5, f"Gambar 3.5 Nilai SAKIP Tahun {rep.year}", source=rp.sumber(rep, "sakip"),
             formats=F(rep.gambar_3_5))
    if rep.gambar_3_5_subkomponen is not None:
        nb.table(rep.gambar_3_5_subkomponen, "Nilai SAKIP per Sub Komponen", source=rp.sumber(rep, "sakip"))
    nb.figure(rp.fig_sakip(rep), "Grafik 3.6 Nilai SAKIP per Komponen terhadap Bobot")

# %% [markdown]
# #### e. Persentase Realisasi Anggaran Perangkat Daerah

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "realisasi_anggaran_pct"))
if rep.gambar_3_6 is not None:
    nb.table(rep.gambar_3_6, f"Gambar 3.6 Laporan Realisasi Anggaran Tahun {rep.year}", source=rp.sumber(rep, "lra"))

# %% [markdown]
# #### f. Indeks Profesionalitas ASN

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "ip_asn"))
if rep.gambar_3_7 is not None:
    nb.table(rep.gambar_3_7, f"Gambar 3.7 IP ASN {rep.unit.nama} {rep.year}", source=rp.sumber(rep, "ipasn"),
             formats=F(rep.gambar_3_7))
    nb.figure(rp.fig_ipasn(rep), "Grafik 3.7 Jumlah ASN per Kategori IP ASN")

# %% [markdown]
# #### g. Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan

# %% tags=["remove_input"]
nb.md(nr.analisis_indikator(rep, "jumlah_inovasi"))
if rep.inovasi is not None and len(rep.inovasi):
    nb.table(rep.inovasi, "Gambar 3.8 Daftar Inovasi Aktif", source=rp.sumber(rep, "inovasi"))

# %% [markdown]
# ## B. Realisasi Anggaran
#
# Sumber dana pelaksanaan kegiatan untuk mencapai tujuan dan sasaran adalah APBD, dengan rincian
# sebagai berikut.

# %% tags=["remove_input"]
if rep.tabel_3_2_1 is not None:
    nb.table(rep.tabel_3_2_1, "Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", source=rp.sumber(rep, "lra"))

# %% tags=["remove_input"]
nb.table(rep.tabel_3_2_2, "Tabel 3.2.2 Alokasi Anggaran per Indikator Kinerja", source=rp.sumber(rep, "anggaran"))
nb.md(nr.realisasi_anggaran(rep))

# %% tags=["remove_input"]
nb.table(rep.tabel_3_2_3, "Tabel 3.2.3 Pencapaian Kinerja dan Anggaran", source=rp.sumber(rep, "anggaran"),
         formats=F(rep.tabel_3_2_3))

# %% tags=["remove_input"]
nb.table(rep.tabel_3_2_4, "Tabel 3.2.4 Efisiensi Penggunaan Sumber Daya", source=rp.sumber(rep, "anggaran"))
nb.md(nr.efisiensi(rep))

# %% tags=["remove_input"]
if rep.tabel_3_2_5 is not None:
    nb.table(rep.tabel_3_2_5, "Tabel 3.2.5 Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan",
             source=rp.sumber(rep, "anggaran"))
    nb.figure(rp.fig_anggaran(rep), "Grafik 3.8 Penyerapan Anggaran per Program")

# %% [markdown]
# # BAB IV PENUTUP

# %% [markdown]
# ## A. Kesimpulan

# %% tags=["remove_input"]
nb.md(nr.kesimpulan(rep))

# %% [markdown]
# ## B. Saran

# %% tags=["remove_input"]
nb.md(nr.saran(rep))

# %% tags=["remove_input"]
nb.md(nr.tanda_tangan(rep))

# %% [markdown]
# # LAMPIRAN

# %% [markdown]
# ## Ringkasan Validasi Data

# %% tags=["remove_input"]
validasi, validasi_teks = rp.validation_summary(ctx.report_dir)
nb.md(validasi_teks)
if validasi is not None:
    nb.table(validasi, "Ringkasan validasi", source="validation/validasi.json")

# %% [markdown]
# ## Ringkasan Audit

# %% tags=["remove_input"]
audit, audit_teks = rp.audit_summary(ctx.processed_dir, ctx.unit, ctx.year)
nb.md(audit_teks)
if audit is not None:
    nb.table(audit, "Ringkasan audit angka yang dipublikasikan", source="audit.csv")

# %% [markdown]
# ## Catatan Perhitungan

# %% tags=["remove_input"]
nb.md(rp.catatan_perhitungan(rep))

# %% [markdown]
# ## Asal-usul Data
#
# Setiap berkas masukan dicatat dengan sidik SHA-256 dan jumlah barisnya, bersama parameter proses,
# versi paket dan commit kode, sehingga laporan ini dapat dibuat ulang dan diperiksa. Waktu proses hanya
# dicatat di bagian ini.

# %% tags=["remove_input"]
prov = rp.report_provenance(rep, dict(unit=unit, year=year, ikm_weight=ikm_weight), run_started)
ringkasan, parameter, berkas, versi = rp.provenance_tables(prov)
nb.table(ringkasan, "Ringkasan asal-usul")
nb.table(parameter, "Parameter proses")
nb.table(berkas, "Berkas masukan")
nb.table(versi, "Versi paket")
