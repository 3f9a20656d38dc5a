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
# Semua yang ditampilkan laporan dihitung sekali di sini; nama-nama di bawah tersedia untuk analis
# (JupyterLab): `laporan` memuat semua tabel (laporan.tabel_3_1_1, ...), `capaian` tujuh IKU
# sebagaimana tercetak, `hasil` hasil hitung lengkap per indikator.
from IPython.display import HTML, Markdown, display

from lkjip import narrative
from lkjip import report

laporan = report.build_report(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir, ikm_weight=ikm_weight)
hasil = laporan.results
capaian = laporan.capaian
pembiayaan = laporan.pembiayaan
ikm, layanan, koordinasi, sakip, ipasn, inovasi = (hasil.ikm, hasil.layanan, hasil.koordinasi, hasil.sakip,
                                                    hasil.ipasn, hasil.inovasi)
anggaran = laporan.dataset("anggaran")
pegawai = laporan.dataset("pegawai")
nomor = report.Numbering()
final = ctx.final
tanda_tangan = ctx.tanda_tangan()  # tempat, tanggal dan penandatangan (parameter atau data unit)
formats = report.formats
sumber = report.sumber


def teks(key, drafted):
    """Teks analis untuk bagian `key` bila ada, selain itu draf dari data."""
    return Markdown(narrative.section(laporan, key, drafted))


# %% tags=["remove_input", "judul"]
Markdown(narrative.judul(laporan))

# %% [markdown]
# # Kata Pengantar

# %% tags=["remove_input"]
Markdown("" if final else narrative.draft_notice(laporan))

# %% tags=["remove_input"]
teks("kata_pengantar", narrative.kata_pengantar)

# %% tags=["remove_input"]
HTML(narrative.tanda_tangan(laporan, tanda_tangan))

# %% tags=["remove_input"]
# Daftar Isi, Daftar Tabel dan Daftar Gambar disisipkan di sini pada PDF.
HTML('<div class="lkjip-daftar"></div>')

# %% [markdown]
# # Ikhtisar Eksekutif

# %% tags=["remove_input"]
Markdown(narrative.section(laporan, "ikhtisar_eksekutif", narrative.ikhtisar_pembuka) + "\n\n"
         + narrative.ikhtisar_capaian(laporan))

# %% [markdown]
# # BAB I PENDAHULUAN

# %% [markdown]
# ## A. Gambaran Umum

# %% tags=["remove_input"]
Markdown(narrative.profil_unit(laporan))

# %% [markdown]
# ## B. Jumlah Pegawai

# %% tags=["remove_input"]
Markdown(narrative.bab1_pegawai(laporan))

# %% tags=["remove_input"]
pegawai_jabatan = laporan.pegawai_jabatan
(nb.Table(pegawai_jabatan, nomor.tabel("1", "Jumlah Pegawai per Jabatan"), source=sumber(laporan, "pegawai"))
 if pegawai_jabatan is not None else Markdown(""))

# %% tags=["remove_input"]
pegawai_status = laporan.pegawai_status
(nb.Table(pegawai_status, nomor.tabel("1", "Jumlah Pegawai per Status Kepegawaian"),
          source=sumber(laporan, "pegawai"))
 if pegawai_status is not None else Markdown(""))

# %% tags=["remove_input"]
pegawai_mutasi = laporan.pegawai_mutasi
(nb.Table(pegawai_mutasi, nomor.tabel("1", "Pegawai yang Masuk dan Keluar selama Tahun Berjalan"),
          source=sumber(laporan, "pegawai"))
 if pegawai_mutasi is not None and len(pegawai_mutasi) else Markdown(""))

# %% [markdown]
# ## C. Sistematika Pelaporan Kinerja

# %% tags=["remove_input"]
Markdown(narrative.sistematika(laporan))

# %% [markdown]
# # BAB II PERENCANAAN KINERJA

# %% [markdown]
# ## A. Rencana Strategis
#
# Rencana Strategis (Renstra) memuat tujuan, sasaran, dan indikator kinerja yang harus dicapai selama
# periode perencanaan. Target tahunan ketujuh Indikator Kinerja Utama menurut Renstra adalah sebagai
# berikut.

# %% tags=["remove_input"]
tabel_2_1 = laporan.tabel_2_1
(nb.Table(tabel_2_1, nomor.tabel("2", "Matriks Target Kinerja Renstra"), source=sumber(laporan, "renstra"),
          formats=formats(tabel_2_1))
 if tabel_2_1 is not None else Markdown("Target Renstra belum tersedia."))

# %% tags=["remove_input"]
tabel_2_1_perubahan = laporan.tabel_2_1_perubahan
(nb.Table(tabel_2_1_perubahan, nomor.tabel("2", "Usulan Perubahan Target Renstra"),
          source=sumber(laporan, "renstra_perubahan"), formats=formats(tabel_2_1_perubahan),
          note=report.renstra_note(laporan))
 if tabel_2_1_perubahan is not None else Markdown(""))

# %% [markdown]
# ## B. Perjanjian Kinerja
#
# Renstra dijabarkan ke dalam Rencana Kerja tahunan dan Perjanjian Kinerja (PK), yang memuat target
# kinerja yang diperjanjikan pimpinan unit kepada atasannya. Bila dalam tahun berjalan PK diubah,
# target yang dipakai untuk mengukur kinerja adalah target PK Perubahan.

# %% tags=["remove_input"]
tabel_pk = laporan.tabel_2_2
(nb.Table(tabel_pk, nomor.tabel("2", f"Perjanjian Kinerja Tahun {year}"), source=sumber(laporan, "pk"),
          formats=formats(tabel_pk))
 if tabel_pk is not None else Markdown(f"Perjanjian Kinerja tahun {year} tidak tercatat dalam data target."))

# %% tags=["remove_input"]
tabel_pk_perubahan = laporan.tabel_2_3
(nb.Table(tabel_pk_perubahan, nomor.tabel("2", f"Perjanjian Kinerja Perubahan Tahun {year}"),
          source=sumber(laporan, "pk_perubahan"), formats=formats(tabel_pk_perubahan))
 if tabel_pk_perubahan is not None else Markdown(f"Tidak ada Perjanjian Kinerja Perubahan untuk tahun {year}."))

# %% tags=["remove_input"]
Markdown(report.target_document_note(laporan) + "\n\n" + narrative.section(laporan, "perubahan_pk", ""))

# %% [markdown]
# # BAB III AKUNTABILITAS KINERJA

# %% [markdown]
# ## A. Capaian Kinerja Organisasi

# %% tags=["remove_input"]
Markdown(narrative.pengukuran(laporan))

# %% [markdown]
# ### 1. Perbandingan antara target dan realisasi kinerja

# %% tags=["remove_input"]
tabel_3_1_1 = laporan.tabel_3_1_1
nb.Table(tabel_3_1_1, nomor.tabel("3.1", "Pencapaian Kinerja"), source=sumber(laporan, "capaian"),
         formats=formats(tabel_3_1_1))

# %% tags=["remove_input"]
gambar_capaian = report.fig_target_vs_realisasi(laporan)
nb.Figure(gambar_capaian, nomor.gambar("3", "Capaian Indikator Kinerja Utama"), source=sumber(laporan, "capaian"))

# %% tags=["remove_input"]
Markdown(narrative.tabel_3_1_1_text(laporan))

# %% [markdown]
# ### 2. Perbandingan realisasi dan capaian kinerja dengan tahun sebelumnya

# %% tags=["remove_input"]
tabel_3_1_2 = laporan.tabel_3_1_2
nb.Table(tabel_3_1_2, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja"), source=sumber(laporan, "multi"),
         formats=formats(tabel_3_1_2))

# %% tags=["remove_input"]
gambar_tren = report.fig_tren(laporan)
nb.Figure(gambar_tren, nomor.gambar("3", "Tren Realisasi dan Target Indikator Kinerja Utama"),
          source=sumber(laporan, "multi"))

# %% tags=["remove_input"]
Markdown(narrative.tabel_3_1_2_text(laporan))

# %% [markdown]
# ### 3. Perbandingan realisasi kinerja sampai dengan tahun ini dengan target akhir Renstra

# %% tags=["remove_input"]
tabel_3_1_3 = laporan.tabel_3_1_3
nb.Table(tabel_3_1_3, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra"),
         source=sumber(laporan, "capaian"), formats=formats(tabel_3_1_3))

# %% tags=["remove_input"]
Markdown(narrative.tabel_3_1_3_text(laporan) + "\n\n" + narrative.section(laporan, "kemajuan_renstra", ""))

# %% [markdown]
# ### 4. Perbandingan realisasi kinerja dengan realisasi nasional

# %% tags=["remove_input"]
tabel_3_1_4 = laporan.tabel_3_1_4
nb.Table(tabel_3_1_4, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja dengan Realisasi Nasional"),
         source=sumber(laporan, "nasional"), formats=formats(tabel_3_1_4), note=laporan.national_note())

# %% [markdown]
# ### 5. Analisis penyebab keberhasilan dan kegagalan
#
# #### a. Nilai IKM (Indeks Kepuasan Masyarakat)

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "ikm"))

# %% tags=["remove_input"]
ikm_unsur = laporan.gambar_3_1
(nb.Table(ikm_unsur, nomor.tabel("3.1", "Hasil Survei Kepuasan Masyarakat per Unsur"), source=sumber(laporan, "ikm"))
 if ikm_unsur is not None else Markdown(""))

# %% tags=["remove_input"]
ikm_ringkasan = laporan.gambar_3_1_ringkasan
(nb.Table(ikm_ringkasan, nomor.tabel("3.1", "Nilai IKM Unit"), source=sumber(laporan, "ikm"))
 if ikm_ringkasan is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_ikm(laporan), nomor.gambar("3", "Nilai per Unsur Pelayanan dan Batas Mutu Pelayanan"),
           source=sumber(laporan, "ikm"))
 if ikm is not None else Markdown(""))

# %% [markdown]
# #### b. Persentase pelayanan yang terlayani sesuai standar pelayanan

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "layanan_sesuai_standar_pct"))

# %% tags=["remove_input"]
paten = laporan.gambar_3_2
(nb.Table(paten, nomor.tabel("3.1", f"Laporan PATEN Tahun {year}"), source=sumber(laporan, "paten"))
 if paten is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_paten_layanan(laporan), nomor.gambar("3", "Jumlah Pelayanan PATEN per Jenis Layanan"),
           source=sumber(laporan, "paten"))
 if layanan is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_paten_bulan(laporan), nomor.gambar("3", "Jumlah Pelayanan PATEN per Bulan"),
           source=sumber(laporan, "paten"))
 if layanan is not None else Markdown(""))

# %% [markdown]
# #### c. Persentase hasil koordinasi yang ditindaklanjuti

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "koordinasi_ditindaklanjuti_pct"))

# %% tags=["remove_input"]
rekap_koordinasi = laporan.gambar_3_4
(nb.Table(rekap_koordinasi, nomor.tabel("3.1", "Rekapitulasi Laporan Seksi-Seksi"),
          source=sumber(laporan, "koordinasi"))
 if rekap_koordinasi is not None else Markdown(""))

# %% [markdown]
# #### d. Nilai SAKIP Perangkat Daerah

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "sakip"))

# %% tags=["remove_input"]
sakip_komponen = laporan.gambar_3_5
(nb.Table(sakip_komponen, nomor.tabel("3.1", f"Nilai SAKIP Tahun {year}"), source=sumber(laporan, "sakip"),
          formats=formats(sakip_komponen))
 if sakip_komponen is not None else Markdown(""))

# %% tags=["remove_input"]
sakip_subkomponen = laporan.gambar_3_5_subkomponen
(nb.Table(sakip_subkomponen, nomor.tabel("3.1", "Nilai SAKIP per Sub Komponen"), source=sumber(laporan, "sakip"))
 if sakip_subkomponen is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_sakip(laporan), nomor.gambar("3", "Nilai SAKIP per Komponen terhadap Bobot"),
           source=sumber(laporan, "sakip"))
 if sakip is not None else Markdown(""))

# %% [markdown]
# #### e. Persentase Realisasi Anggaran Perangkat Daerah

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "realisasi_anggaran_pct"))

# %% tags=["remove_input"]
lra = laporan.gambar_3_6
(nb.Table(lra, nomor.tabel("3.1", f"Laporan Realisasi Anggaran Tahun {year}"), source=sumber(laporan, "lra"))
 if lra is not None else Markdown(""))

# %% [markdown]
# #### f. Indeks Profesionalitas ASN

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "ip_asn"))

# %% tags=["remove_input"]
ipasn_pegawai = laporan.gambar_3_7
(nb.Table(ipasn_pegawai, nomor.tabel("3.1", f"IP ASN {laporan.unit.nama}"), source=sumber(laporan, "ipasn"),
          formats=formats(ipasn_pegawai))
 if ipasn_pegawai is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_ipasn(laporan), nomor.gambar("3", "Jumlah ASN per Kategori IP ASN"),
           source=sumber(laporan, "ipasn"))
 if ipasn is not None else Markdown(""))

# %% [markdown]
# #### g. Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan

# %% tags=["remove_input"]
Markdown(narrative.analisis_indikator(laporan, "jumlah_inovasi"))

# %% tags=["remove_input"]
daftar_inovasi = laporan.inovasi
(nb.Table(daftar_inovasi, nomor.tabel("3.1", "Daftar Inovasi Aktif"), source=sumber(laporan, "inovasi"))
 if daftar_inovasi is not None and len(daftar_inovasi) else Markdown(""))

# %% [markdown]
# ### 6. Analisis atas efisiensi penggunaan sumber daya

# %% tags=["remove_input"]
teks("efisiensi_sumber_daya", narrative.efisiensi_sumber_daya)

# %% [markdown]
# ### 7. Analisis program dan kegiatan yang menunjang keberhasilan pencapaian kinerja

# %% tags=["remove_input"]
teks("program_pendukung", narrative.program_pendukung)

# %% [markdown]
# ## B. Realisasi Anggaran
#
# Sumber dana pelaksanaan kegiatan untuk mencapai tujuan dan sasaran adalah APBD, dengan rincian
# sebagai berikut.

# %% tags=["remove_input"]
tabel_3_2_1 = laporan.tabel_3_2_1
(nb.Table(tabel_3_2_1, nomor.tabel("3.2", "Anggaran dan Realisasi per Jenis Belanja"), source=sumber(laporan, "lra"))
 if tabel_3_2_1 is not None else Markdown(""))

# %% tags=["remove_input"]
tabel_3_2_2 = laporan.tabel_3_2_2
nb.Table(tabel_3_2_2, nomor.tabel("3.2", "Alokasi Anggaran per Indikator Kinerja"), source=sumber(laporan, "anggaran"))

# %% tags=["remove_input"]
Markdown(narrative.realisasi_anggaran(laporan))

# %% tags=["remove_input"]
tabel_3_2_3 = laporan.tabel_3_2_3
nb.Table(tabel_3_2_3, nomor.tabel("3.2", "Pencapaian Kinerja dan Anggaran"), source=sumber(laporan, "anggaran_lra"),
         formats=formats(tabel_3_2_3))

# %% tags=["remove_input"]
tabel_3_2_4 = laporan.tabel_3_2_4
nb.Table(tabel_3_2_4, nomor.tabel("3.2", "Efisiensi Penggunaan Sumber Daya"), source=sumber(laporan, "anggaran_lra"))

# %% tags=["remove_input"]
Markdown(narrative.efisiensi(laporan))

# %% tags=["remove_input"]
tabel_3_2_5 = laporan.tabel_3_2_5
(nb.Table(tabel_3_2_5, nomor.tabel("3.2", "Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan"),
          source=sumber(laporan, "anggaran"), note=narrative.selisih_sub_kegiatan(laporan) or None)
 if tabel_3_2_5 is not None else Markdown(""))

# %% tags=["remove_input"]
(nb.Figure(report.fig_anggaran(laporan), nomor.gambar("3", "Penyerapan Anggaran per Program"),
           source=sumber(laporan, "anggaran"))
 if laporan.anggaran_program is not None else Markdown(""))

# %% [markdown]
# # BAB IV PENUTUP

# %% [markdown]
# ## A. Kesimpulan

# %% tags=["remove_input"]
teks("kesimpulan", narrative.kesimpulan)

# %% [markdown]
# ## B. Saran

# %% tags=["remove_input"]
teks("saran", narrative.saran)

# %% tags=["remove_input"]
HTML(narrative.tanda_tangan(laporan, tanda_tangan))

# %% [markdown]
# # LAMPIRAN

# %% [markdown]
# ## Pemeriksaan Data

# %% tags=["remove_input"]
validasi, validasi_teks = report.validation_summary(ctx.report_dir)
Markdown(validasi_teks)

# %% tags=["remove_input"]
(nb.Table(validasi, nomor.tabel("L", "Hasil Pemeriksaan Data"), source="Laporan validasi data")
 if validasi is not None else Markdown(""))

# %% tags=["remove_input"]
audit, audit_teks = report.audit_summary(ctx.processed_dir, ctx.unit, ctx.year)
Markdown(audit_teks)

# %% tags=["remove_input"]
(nb.Table(audit, nomor.tabel("L", "Hasil Audit Angka"), source="Laporan audit angka")
 if audit is not None else Markdown(""))

# %% tags=["remove_cell"]
# Catatan teknis untuk auditor (hanya di salinan lengkap): catatan perhitungan dan asal-usul data,
# yaitu sidik SHA-256 dan jumlah baris setiap berkas masukan, parameter, versi paket dan commit kode.
catatan_perhitungan = report.catatan_perhitungan(laporan)
asal_usul = report.report_provenance(laporan, dict(unit=unit, year=year, ikm_weight=ikm_weight, final=final),
                                     run_started)
ringkasan_asal_usul, parameter, berkas, versi = report.provenance_tables(asal_usul)
display(Markdown(catatan_perhitungan))
for frame in (ringkasan_asal_usul, parameter, berkas, versi):
    display(frame)
