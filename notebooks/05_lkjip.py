# %% tags=["parameters", "remove_cell"]
from typing import Optional  # untuk anotasi tipe yang dibaca `papermill --help-notebook`
unit: str = "gedeg"  # kode unit (folder di data/raw)
year: int = 2023  # tahun laporan
data_dir: Optional[str] = None  # bawaan: data/raw
processed_dir: Optional[str] = None  # bawaan: data/processed
report_dir: Optional[str] = None  # bawaan: reports/<unit>/<year>
run_started: Optional[str] = None  # waktu mulai (ISO 8601); diisi oleh `lkjip run`
final: bool = False  # True: versi untuk ditandatangani (`lkjip run --final`)
tanggal_tanda_tangan: Optional[str] = None  # bawaan: dari data (dokumen.csv baris lkjip)
tempat: Optional[str] = None  # bawaan: dari data (dokumen.csv, lalu kota_penetapan)
published_processed_dir: Optional[str] = None  # bawaan: data/processed (tahun-tahun lalu yang sudah terbit)
published_reports_dir: Optional[str] = None  # bawaan: reports
ikm_weight: str = "exact"  # bobot NRR IKM: "exact" (1/9) atau "rounded" (0,111)

# %% tags=["remove_cell"]
from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)

# %% tags=["remove_cell"]
# Semua yang ditampilkan laporan dihitung sekali di sini; nama-nama di bawah tersedia untuk analis
# (JupyterLab): `laporan` memuat semua tabel (laporan.tabel_3_1_1, ...), `capaian` tujuh IKU
# sebagaimana tercetak, `hasil` hasil hitung lengkap per indikator.
from lkjip.document import narrative
from lkjip.contract.fmt import fmt_date_id
from lkjip import document as report
from lkjip.document import table_sums
from lkjip.document.bab3a import PATEN_ROW_NAMES, gambar_3_2_bagian_cetak
from lkjip.render.print_split import SplitTable
from lkjip.run.narasi_check import check_narasi

check_narasi(ctx)  # narasi.md: its rules, recorded in the run's validation report; stops on a broken one
laporan = report.build_report(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir, ikm_weight=ikm_weight,
                             published=ctx.published)
hasil = laporan.results
capaian = laporan.capaian
pembiayaan = laporan.pembiayaan
ikm, layanan, koordinasi, sakip, ipasn, inovasi = (hasil.ikm, hasil.layanan, hasil.koordinasi, hasil.sakip,
                                                    hasil.ipasn, hasil.inovasi)
anggaran = laporan.dataset("anggaran")
pegawai = laporan.dataset("pegawai")
nomor = report.Numbering()
judul = report.Sections()
final = ctx.final
# contract-v2 sections: the data or an Absent naming the file that would fill it
organisasi, sarana, tugas_fungsi = (report.struktur_organisasi(laporan), report.sarana(laporan),
                                    report.tugas_fungsi(laporan))
wilayah, penduduk, isu = report.wilayah(laporan), report.penduduk(laporan), report.isu_strategis(laporan)
renstra, proses_bisnis = report.renstra(laporan), report.proses_bisnis(laporan)
pk, pk_perubahan = report.perjanjian_kinerja(laporan, "pk"), report.perjanjian_kinerja(laporan, "pk_perubahan")
tindak_lanjut, berita_acara = report.tindak_lanjut_evaluasi(laporan), report.berita_acara(laporan)
laporan_pejabat, prestasi = report.laporan_pejabat(laporan), report.prestasi(laporan)


def ada(*bagian):
    """A section is printed when one of its inputs is there, or in a draft (which names what is missing)."""
    return not final or any(not report.is_absent(b) for b in bagian)
tanda_tangan = ctx.tanda_tangan()  # tempat, tanggal dan penandatangan (parameter atau data unit)
formats = report.formats
sumber = report.sumber


def teks(key, drafted):
    """Teks analis untuk bagian `key` bila ada, selain itu draf dari data (Markdown, untuk nb.show)."""
    return narrative.section(laporan, key, drafted)


# %% tags=["remove_input", "judul"]
nb.show(narrative.judul(laporan))

# %% [markdown]
# # Kata Pengantar

# %% tags=["remove_input"]
if not final:
    nb.show(narrative.draft_notice(laporan))

# %% tags=["remove_input"]
nb.show(teks("kata_pengantar", narrative.kata_pengantar))

# %% tags=["remove_input"]
nb.show(narrative.tanda_tangan(laporan, tanda_tangan))

# %% tags=["remove_input"]
# Daftar Isi, Daftar Tabel dan Daftar Gambar (lkjip.render: dengan nomor halaman di PDF, bertaut di HTML).
nb.show(nb.toc_placeholder())

# %% [markdown]
# # Ikhtisar Eksekutif

# %% tags=["remove_input"]
nb.show(narrative.section(laporan, "ikhtisar_eksekutif", narrative.ikhtisar_pembuka) + "\n\n"
        + narrative.ikhtisar_capaian(laporan))

# %% [markdown]
# # BAB I PENDAHULUAN

# %% tags=["remove_input"]
judul.bab()
nb.show(judul.bagian("Struktur Organisasi", ada(organisasi)))

# %% tags=["remove_input"]
nb.show(narrative.profil.struktur_organisasi(laporan, organisasi, final))

# %% tags=["remove_input"]
nb.show(judul.bagian("Jumlah Pegawai"))

# %% tags=["remove_input"]
nb.show(narrative.bab1_pegawai(laporan))

# %% tags=["remove_input"]
pegawai_jabatan = laporan.pegawai_jabatan
if pegawai_jabatan is not None:
    nb.show(pegawai_jabatan, nomor.tabel("1", "Jumlah Pegawai per Jabatan"), source=sumber(laporan, "pegawai"))

# %% tags=["remove_input"]
pegawai_status = laporan.pegawai_status
if pegawai_status is not None:
    nb.show(pegawai_status, nomor.tabel("1", "Jumlah Pegawai per Status Kepegawaian"),
            source=sumber(laporan, "pegawai"))

# %% tags=["remove_input"]
pegawai_golongan = report.pegawai_golongan(laporan)
if not report.is_absent(pegawai_golongan):
    nb.show(pegawai_golongan, nomor.tabel("1", "Jumlah ASN per Pangkat/Golongan"), source=sumber(laporan, "pegawai"))

# %% tags=["remove_input"]
pegawai_pendidikan = report.pegawai_pendidikan(laporan)
if not report.is_absent(pegawai_pendidikan):
    nb.show(pegawai_pendidikan, nomor.tabel("1", "Jumlah ASN per Tingkat Pendidikan"),
            source=sumber(laporan, "pegawai"))

# %% tags=["remove_input"]
nb.show(narrative.profil.pegawai_tambahan([pegawai_golongan, pegawai_pendidikan], final))

# %% tags=["remove_input"]
pegawai_mutasi = laporan.pegawai_mutasi
if pegawai_mutasi is not None and len(pegawai_mutasi):
    nb.show(pegawai_mutasi, nomor.tabel("1", "Pegawai yang Masuk dan Keluar selama Tahun Berjalan"),
            source=sumber(laporan, "pegawai"))

# %% tags=["remove_input"]
nb.show(judul.bagian("Sarana dan Prasarana Kantor", ada(sarana)))

# %% tags=["remove_input"]
if not report.is_absent(sarana):
    nb.show(sarana, nomor.tabel("1", "Sarana dan Prasarana Kantor"), source=f"{laporan.unit.nama}",
            formats={"Jumlah": "int"})
else:
    nb.show(narrative.profil.absent_line(sarana, final))

# %% tags=["remove_input"]
nb.show(judul.bagian("Tugas Pokok dan Fungsi", ada(tugas_fungsi, wilayah, penduduk)))

# %% tags=["remove_input"]
nb.show(narrative.profil.tugas_pokok_fungsi(laporan, tugas_fungsi, final))

# %% tags=["remove_input"]
nb.show(narrative.profil.wilayah(laporan, wilayah, penduduk, final))

# %% tags=["remove_input"]
if not report.is_absent(penduduk):
    nb.show(penduduk.tabel.drop(columns="Jumlah tercetak"),
            nomor.tabel("1", f"Jumlah Penduduk {laporan.unit.nama}"
                        + (f" per {fmt_date_id(penduduk.per_tanggal)}" if penduduk.per_tanggal is not None else "")),
            source=penduduk.sumber or f"{laporan.unit.nama}", formats={"Laki-laki": "int", "Perempuan": "int",
                                                                       "Jumlah": "int"},
            note=narrative.profil.penduduk_catatan(penduduk))

# %% tags=["remove_input"]
nb.show(judul.bagian("Isu Strategis", ada(isu) or narrative.analyst_text(laporan, "isu_strategis") is not None))

# %% tags=["remove_input"]
nb.show(narrative.section(laporan, "isu_strategis", ""))

# %% [markdown]
# ### 1. Faktor Internal

# %% tags=["remove_input"]
nb.show(narrative.profil.isu_strategis(laporan, isu, "internal", final))

# %% [markdown]
# ### 2. Faktor Eksternal

# %% tags=["remove_input"]
nb.show(narrative.profil.isu_strategis(laporan, isu, "eksternal", final))

# %% tags=["remove_input"]
nb.show(judul.bagian("Cascading Kinerja", ada(renstra)))

# %% tags=["remove_input"]
nb.show(narrative.profil.cascading(laporan, renstra, final))

# %% tags=["remove_input"]
nb.show(judul.bagian("Peta Proses Bisnis", ada(proses_bisnis)))

# %% tags=["remove_input"]
nb.show(narrative.profil.proses_bisnis(laporan, proses_bisnis, final))

# %% tags=["remove_input"]
if not report.is_absent(proses_bisnis):
    nb.show(proses_bisnis.rename(columns={"kode": "Kode", "uraian": "Proses", "level": "Level"}),
            nomor.tabel("1", "Peta Proses Bisnis"), source=f"Peta Proses Bisnis {laporan.unit.nama}",
            formats={"Kode": "text"})

# %% tags=["remove_input"]
nb.show(judul.bagian("Ringkasan Hasil Evaluasi",
                     not final or narrative.analyst_text(laporan, "ringkasan_hasil_evaluasi") is not None))

# %% tags=["remove_input"]
nb.show(narrative.section(laporan, "ringkasan_hasil_evaluasi",
                          "" if final else narrative.profil.analyst_line("ringkasan_hasil_evaluasi", laporan)))

# %% tags=["remove_input"]
nb.show(judul.bagian("Sistematika Pelaporan Kinerja"))

# %% tags=["remove_input"]
nb.show(narrative.sistematika(laporan))

# %% [markdown]
# # BAB II PERENCANAAN KINERJA

# %% tags=["remove_input"]
judul.bab()
nb.show(judul.bagian("Rencana Strategis dan Rencana Kerja"))

# %% tags=["remove_input"]
nb.show(narrative.profil.renstra_uraian(laporan, renstra, final))

# %% tags=["remove_input"]
renstra_target = report.renstra_target(laporan)
tabel_2_1 = renstra_target if not report.is_absent(renstra_target) else laporan.tabel_2_1
if tabel_2_1 is not None:
    nb.show(tabel_2_1, nomor.tabel("2", "Matriks Target Kinerja Renstra"), source=sumber(laporan, "renstra"),
            formats=formats(tabel_2_1))
else:
    nb.show("Target Renstra belum tersedia.")

# %% tags=["remove_input"]
renstra_perubahan = report.renstra_target(laporan, "renstra_perubahan")
tabel_2_1_perubahan = (renstra_perubahan if not report.is_absent(renstra_perubahan)
                       else laporan.tabel_2_1_perubahan)
if tabel_2_1_perubahan is not None:
    nb.show(tabel_2_1_perubahan, nomor.tabel("2", "Usulan Perubahan Target Renstra"),
            source=sumber(laporan, "renstra_perubahan"), formats=formats(tabel_2_1_perubahan),
            note=report.renstra_note(laporan))

# %% tags=["remove_input"]
nb.show(judul.bagian("Perjanjian Kinerja"))

# %% [markdown]
# Renstra dijabarkan ke dalam Rencana Kerja tahunan dan Perjanjian Kinerja (PK), yang memuat target
# kinerja yang diperjanjikan pimpinan unit kepada atasannya. Bila dalam tahun berjalan PK diubah,
# target yang dipakai untuk mengukur kinerja adalah target PK Perubahan.

# %% tags=["remove_input"]
tabel_pk = narrative.profil.pk_tabel(pk) if not report.is_absent(pk) else laporan.tabel_2_2
if tabel_pk is not None:
    nb.show(tabel_pk, nomor.tabel("2", f"Perjanjian Kinerja Tahun {year}"), source=sumber(laporan, "pk"),
            formats=formats(tabel_pk), note=narrative.profil.pk_penandatanganan(pk.penandatanganan)
            if not report.is_absent(pk) else None)
else:
    nb.show(f"Perjanjian Kinerja tahun {year} tidak tercatat dalam data target.")

# %% tags=["remove_input"]
if not report.is_absent(pk) and not report.is_absent(pk.anggaran):
    nb.show(narrative.profil.pk_anggaran(pk), nomor.tabel("2", f"Anggaran Program Perjanjian Kinerja Tahun {year}"),
            source=sumber(laporan, "pk"))
else:
    nb.show(narrative.profil.absent_line(pk.anggaran if not report.is_absent(pk) else pk, final))

# %% tags=["remove_input"]
tabel_pk_perubahan = (narrative.profil.pk_tabel(pk_perubahan) if not report.is_absent(pk_perubahan)
                      else laporan.tabel_2_3)
if tabel_pk_perubahan is not None:
    nb.show(tabel_pk_perubahan, nomor.tabel("2", f"Perjanjian Kinerja Perubahan Tahun {year}"),
            source=sumber(laporan, "pk_perubahan"), formats=formats(tabel_pk_perubahan),
            note=narrative.profil.pk_penandatanganan(pk_perubahan.penandatanganan)
            if not report.is_absent(pk_perubahan) else None)
else:
    nb.show(f"Tidak ada Perjanjian Kinerja Perubahan untuk tahun {year}.")

# %% tags=["remove_input"]
if not report.is_absent(pk_perubahan) and not report.is_absent(pk_perubahan.anggaran):
    nb.show(narrative.profil.pk_anggaran(pk_perubahan),
            nomor.tabel("2", f"Anggaran Program Perjanjian Kinerja Perubahan Tahun {year}"),
            source=sumber(laporan, "pk_perubahan"))

# %% tags=["remove_input"]
perubahan_pk = report.perubahan_pk(laporan)
nb.show(narrative.profil.join_nonempty(
    narrative.profil.perubahan_pk(laporan, perubahan_pk), narrative.section(laporan, "perubahan_pk", ""),
    report.target_document_note(laporan)))

# %% [markdown]
# # BAB III AKUNTABILITAS KINERJA

# %% tags=["remove_input"]
judul.bab()
nb.show(judul.bagian("Capaian Kinerja Organisasi"))

# %% tags=["remove_input"]
nb.show(narrative.pengukuran(laporan))

# %% [markdown]
# ### 1. Perbandingan antara target dan realisasi kinerja

# %% tags=["remove_input"]
tabel_3_1_1 = laporan.tabel_3_1_1
nb.show(tabel_3_1_1, nomor.tabel("3.1", "Pencapaian Kinerja"), source=sumber(laporan, "capaian"),
        formats=formats(tabel_3_1_1))

# %% tags=["remove_input"]
gambar_capaian = report.fig_target_vs_realisasi(laporan)
nb.show(gambar_capaian, nomor.gambar("3", "Capaian Indikator Kinerja Utama"), source=sumber(laporan, "capaian"))

# %% tags=["remove_input"]
nb.show(narrative.profil.join_nonempty(narrative.capaian_kinerja_unit_text(laporan),
                                       narrative.resmi.angka_resmi_text(laporan),
                                       narrative.tabel_3_1_1_text(laporan)))

# %% [markdown]
# ### 2. Perbandingan realisasi dan capaian kinerja dengan tahun sebelumnya

# %% tags=["remove_input"]
tabel_3_1_2 = laporan.tabel_3_1_2
nb.show(tabel_3_1_2, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja"), source=sumber(laporan, "multi"),
        formats=formats(tabel_3_1_2))

# %% tags=["remove_input"]
gambar_tren = report.fig_tren(laporan)
nb.show(gambar_tren, nomor.gambar("3", "Tren Realisasi dan Target Indikator Kinerja Utama"),
        source=sumber(laporan, "multi"))

# %% tags=["remove_input"]
nb.show(narrative.profil.join_nonempty(narrative.tahun_penilaian.catatan_ip_asn(laporan),
                                       narrative.tahun_penilaian.catatan_analis_ip_asn(laporan, final),
                                       narrative.tabel_3_1_2_text(laporan)))

# %% [markdown]
# ### 3. Perbandingan realisasi kinerja sampai dengan tahun ini dengan target akhir Renstra

# %% tags=["remove_input"]
tabel_3_1_3 = laporan.tabel_3_1_3
nb.show(tabel_3_1_3, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra"),
        source=sumber(laporan, "capaian"), formats=formats(tabel_3_1_3))

# %% tags=["remove_input"]
nb.show(narrative.kemajuan_renstra(laporan))

# %% [markdown]
# ### 4. Perbandingan realisasi kinerja dengan realisasi nasional

# %% tags=["remove_input"]
tabel_3_1_4 = laporan.tabel_3_1_4
nb.show(tabel_3_1_4, nomor.tabel("3.1", "Perbandingan Realisasi Kinerja dengan Realisasi Nasional"),
        source=sumber(laporan, "nasional"), formats=formats(tabel_3_1_4), note=laporan.national_note())

# %% [markdown]
# ### 5. Analisis penyebab keberhasilan dan kegagalan

# %% tags=["remove_input"]
# Satu bagian per IKU unit; bagian rinci (IKM per unsur, PATEN per bulan, komponen SAKIP, ...) hanya untuk
# IKU yang memakai perhitungan bawaan itu.
nb.show(narrative.iku_section(laporan, "ikm"))

# %% tags=["remove_input"]
ikm_unsur = laporan.gambar_3_1
if ikm_unsur is not None:
    nb.show(ikm_unsur, nomor.tabel("3.1", "Hasil Survei Kepuasan Masyarakat per Unsur"), source=sumber(laporan, "ikm"))

# %% tags=["remove_input"]
ikm_ringkasan = laporan.gambar_3_1_ringkasan
if ikm_ringkasan is not None:
    nb.show(ikm_ringkasan, nomor.tabel("3.1", "Nilai IKM Unit"), source=sumber(laporan, "ikm"))

# %% tags=["remove_input"]
if ikm_unsur is not None:
    nb.show(report.fig_ikm(laporan), nomor.gambar("3", "Nilai per Unsur Pelayanan dan Batas Mutu Pelayanan"),
            source=sumber(laporan, "ikm"))

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "layanan_sesuai_standar_pct"))

# %% tags=["remove_input"]
paten = laporan.gambar_3_2
# on paper two tables of the same rows (Jan-Jun, Jul-Des with the totals): no figure under 8 pt
if paten is not None:
    nb.show(SplitTable(paten, nomor.tabel("3.1", f"Laporan PATEN Tahun {year}"), source=sumber(laporan, "paten"),
                       note=table_sums.catatan_paten(laporan) or None,
                       keep=PATEN_ROW_NAMES, groups=gambar_3_2_bagian_cetak(paten)))

# %% tags=["remove_input"]
if paten is not None:
    nb.show(report.fig_paten_layanan(laporan), nomor.gambar("3", "Jumlah Pelayanan PATEN per Jenis Layanan"),
            source=sumber(laporan, "paten"))

# %% tags=["remove_input"]
if paten is not None:
    nb.show(report.fig_paten_bulan(laporan), nomor.gambar("3", "Jumlah Pelayanan PATEN per Bulan"),
            source=sumber(laporan, "paten"))

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "koordinasi_ditindaklanjuti_pct"))

# %% tags=["remove_input"]
rekap_koordinasi = (report.koordinasi_rincian(laporan.dataset("koordinasi"))
                    if narrative.iku_for(laporan, "koordinasi_ditindaklanjuti_pct") is not None else None)
if rekap_koordinasi is not None:
    nb.show(rekap_koordinasi, nomor.tabel("3.1", "Rekapitulasi Fasilitasi, Rekomendasi dan Koordinasi"),
            source=sumber(laporan, "koordinasi"))

# %% tags=["remove_input"]
koordinasi_seksi = laporan.gambar_3_4
if koordinasi_seksi is not None:
    nb.show(koordinasi_seksi, nomor.tabel("3.1", "Rekapitulasi Laporan Seksi-Seksi"),
            source=sumber(laporan, "koordinasi"))

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "sakip"))

# %% tags=["remove_input"]
predikat_sakip = report.predikat_sakip()
if narrative.iku_for(laporan, "sakip") is not None:
    nb.show(predikat_sakip, nomor.tabel("3.1", "Predikat Nilai SAKIP"), source=report.SAKIP_REGULATION)

# %% tags=["remove_input"]
sakip_komponen = laporan.gambar_3_5
if sakip_komponen is not None:
    nb.show(sakip_komponen, nomor.tabel("3.1", f"Nilai SAKIP Tahun {year}"), source=sumber(laporan, "sakip"),
            formats=formats(sakip_komponen))

# %% tags=["remove_input"]
sakip_subkomponen = laporan.gambar_3_5_subkomponen
if sakip_subkomponen is not None:
    nb.show(sakip_subkomponen, nomor.tabel("3.1", "Nilai SAKIP per Sub Komponen"), source=sumber(laporan, "sakip"))

# %% tags=["remove_input"]
if sakip_komponen is not None:
    nb.show(report.fig_sakip(laporan), nomor.gambar("3", "Nilai SAKIP per Komponen terhadap Bobot"),
            source=sumber(laporan, "sakip"))

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "realisasi_anggaran_pct"))

# %% tags=["remove_input"]
lra = laporan.gambar_3_6
if lra is not None and narrative.iku_for(laporan, "realisasi_anggaran_pct") is not None:
    nb.show(lra, nomor.tabel("3.1", f"Laporan Realisasi Anggaran Tahun {year}"), source=sumber(laporan, "lra"),
            note=table_sums.catatan_lra(laporan) or None)

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "ip_asn"))

# %% tags=["remove_input"]
ipasn_pegawai = laporan.gambar_3_7
if ipasn_pegawai is not None:
    nb.show(ipasn_pegawai, nomor.tabel("3.1", f"IP ASN {laporan.unit.nama}"), source=sumber(laporan, "ipasn"),
            formats=formats(ipasn_pegawai))

# %% tags=["remove_input"]
if ipasn_pegawai is not None:
    nb.show(report.fig_ipasn(laporan), nomor.gambar("3", "Jumlah ASN per Kategori IP ASN"),
            source=sumber(laporan, "ipasn"))

# %% tags=["remove_input"]
nb.show(narrative.iku_section(laporan, "jumlah_inovasi"))

# %% tags=["remove_input"]
daftar_inovasi = laporan.inovasi
if daftar_inovasi is not None and len(daftar_inovasi):
    nb.show(daftar_inovasi, nomor.tabel("3.1", "Daftar Inovasi Aktif"), source=sumber(laporan, "inovasi"))

# %% tags=["remove_input"]
# The unit's own IKU (indikator.csv): one section each, after those of the built-in calculations.
for bagian_iku in narrative.own_iku_sections(laporan):
    nb.show(bagian_iku)

# %% [markdown]
# ### 6. Analisis atas efisiensi penggunaan sumber daya

# %% tags=["remove_input"]
nb.show(teks("efisiensi_sumber_daya", narrative.efisiensi_sumber_daya))

# %% [markdown]
# ### 7. Analisis program dan kegiatan yang menunjang keberhasilan pencapaian kinerja

# %% tags=["remove_input"]
nb.show(teks("program_pendukung", narrative.program_pendukung))

# %% tags=["remove_input"]
nb.show(judul.bagian("Realisasi Anggaran"))

# %% [markdown]
# Sumber dana pelaksanaan kegiatan untuk mencapai tujuan dan sasaran adalah APBD, dengan rincian
# sebagai berikut.

# %% tags=["remove_input"]
tabel_3_2_1 = laporan.tabel_3_2_1
if tabel_3_2_1 is not None:
    nb.show(tabel_3_2_1, nomor.tabel("3.2", "Anggaran dan Realisasi per Jenis Belanja"), source=sumber(laporan, "lra"),
            note=table_sums.catatan_jenis_belanja(laporan) or None)

# %% tags=["remove_input"]
tabel_3_2_2 = laporan.tabel_3_2_2
nb.show(tabel_3_2_2, nomor.tabel("3.2", "Alokasi Anggaran per Indikator Kinerja"), source=sumber(laporan, "anggaran"))

# %% tags=["remove_input"]
nb.show(narrative.realisasi_anggaran(laporan))

# %% tags=["remove_input"]
tabel_3_2_3 = laporan.tabel_3_2_3
nb.show(tabel_3_2_3, nomor.tabel("3.2", "Pencapaian Kinerja dan Anggaran"), source=sumber(laporan, "anggaran_lra"),
        formats=formats(tabel_3_2_3))

# %% tags=["remove_input"]
tabel_3_2_4 = laporan.tabel_3_2_4
nb.show(tabel_3_2_4, nomor.tabel("3.2", "Efisiensi Penggunaan Sumber Daya"), source=sumber(laporan, "anggaran_lra"))

# %% tags=["remove_input"]
nb.show(narrative.efisiensi(laporan))

# %% tags=["remove_input"]
tabel_3_2_5 = laporan.tabel_3_2_5
if tabel_3_2_5 is not None:
    nb.show(tabel_3_2_5, nomor.tabel("3.2", "Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan"),
            source=sumber(laporan, "anggaran"),
            note=" ".join(filter(None, (narrative.selisih_sub_kegiatan(laporan), table_sums.catatan_program(laporan))))
            or None)

# %% tags=["remove_input"]
if laporan.anggaran_program is not None:
    nb.show(report.fig_anggaran(laporan), nomor.gambar("3", "Penyerapan Anggaran per Program"),
            source=sumber(laporan, "anggaran"))

# %% tags=["remove_input"]
nb.show(judul.bagian("Tindak Lanjut Hasil Evaluasi", ada(tindak_lanjut)))

# %% tags=["remove_input"]
nb.show(narrative.lampiran.tindak_lanjut(laporan, tindak_lanjut, final))

# %% tags=["remove_input"]
if not report.is_absent(tindak_lanjut):
    nb.show(narrative.lampiran.tindak_lanjut_tabel(tindak_lanjut), nomor.tabel("3.3", "Tindak Lanjut Hasil Evaluasi"),
            source=f"{laporan.unit.nama}")

# %% [markdown]
# # BAB IV PENUTUP

# %% tags=["remove_input"]
judul.bab()
nb.show(judul.bagian("Kesimpulan"))

# %% tags=["remove_input"]
nb.show(narrative.kesimpulan_bab4(laporan))

# %% tags=["remove_input"]
nb.show(judul.bagian("Saran"))

# %% tags=["remove_input"]
nb.show(teks("saran", narrative.saran))

# %% tags=["remove_input"]
nb.show(narrative.tanda_tangan(laporan, tanda_tangan))

# %% [markdown]
# # LAMPIRAN

# %% tags=["remove_input"]
nb.show(judul.lampiran("Perjanjian Kinerja dan Perjanjian Kinerja Perubahan", ada(pk)))

# %% tags=["remove_input"]
nb.show(narrative.lampiran.pk_dokumen(laporan, pk) or narrative.profil.absent_line(pk, final))

# %% tags=["remove_input"]
if not report.is_absent(pk):
    nb.show(narrative.lampiran.tanda_tangan_dokumen(pk.penandatanganan))

# %% tags=["remove_input"]
nb.show(narrative.lampiran.pk_dokumen(laporan, pk_perubahan))

# %% tags=["remove_input"]
if not report.is_absent(pk_perubahan):
    nb.show(narrative.lampiran.tanda_tangan_dokumen(pk_perubahan.penandatanganan))

# %% tags=["remove_input"]
nb.show(judul.lampiran("Berita Acara Pengukuran Kinerja", ada(berita_acara)))

# %% tags=["remove_input"]
nb.show(narrative.lampiran.berita_acara(laporan, berita_acara, final))

# %% tags=["remove_input"]
nb.show(narrative.lampiran.berita_acara_tim(berita_acara))

# %% tags=["remove_input"]
if not report.is_absent(berita_acara):
    nb.show(narrative.lampiran.tanda_tangan_dokumen(berita_acara.penandatanganan, ("mengetahui",)))

# %% tags=["remove_input"]
nb.show(judul.lampiran("Hasil Pengukuran Kinerja Pejabat", ada(laporan_pejabat)))

# %% tags=["remove_input"]
from lkjip.document.pejabat_figure import fig_capaian_pejabat
if report.is_absent(laporan_pejabat):
    nb.show(narrative.profil.absent_line(laporan_pejabat, final))
else:
    for pejabat in laporan_pejabat:
        nb.show(f"### {narrative.md_text(pejabat.jabatan)}\n\n" + narrative.profil.join_nonempty(
            narrative.lampiran.pejabat_identitas(pejabat), narrative.lampiran.pejabat_tugas(pejabat)))
        nb.show(narrative.lampiran.pejabat_tabel_pk(pejabat), nomor.tabel("L", f"Perjanjian Kinerja {pejabat.jabatan}"),
                source=f"Perjanjian Kinerja {pejabat.jabatan} Tahun {year}")
        nb.show(narrative.lampiran.pejabat_tabel_capaian(pejabat),
                nomor.tabel("L", f"Capaian Kinerja {pejabat.jabatan}"),
                source=f"Laporan Kinerja {pejabat.jabatan} Tahun {year}",
                note=narrative.lampiran.capaian_note(pejabat))
        gambar_pejabat = fig_capaian_pejabat(pejabat)  # capaian as printed, against 100 %
        if gambar_pejabat is not None:
            nb.show(gambar_pejabat, nomor.gambar("L", f"Capaian Kinerja {pejabat.jabatan}"),
                    source=f"Laporan Kinerja {pejabat.jabatan} Tahun {year}")
        nb.show(narrative.lampiran.pejabat_evaluasi(pejabat, final))
if not final:  # NIPs that disagree inside the data: flagged for the analyst, never corrected
    for catatan in report.nip_notes(laporan):
        nb.show(narrative.profil.analyst_note(catatan))

# %% tags=["remove_input"]
nb.show(judul.lampiran("Prestasi", ada(*prestasi.values())))

# %% tags=["remove_input"]
nb.show(narrative.profil.join_nonempty(*[narrative.lampiran.prestasi(laporan, y, prestasi[y], final)
                                         for y in sorted(prestasi, reverse=True)]))

# %% tags=["remove_input"]
nb.show(judul.lampiran("Pemeriksaan Data"))

# %% tags=["remove_input"]
validasi, validasi_teks = report.validation_summary(ctx.report_dir)
nb.show(validasi_teks)

# %% tags=["remove_input"]
if validasi is not None:
    nb.show(validasi, nomor.tabel("L", "Hasil Pemeriksaan Data"), source="Laporan validasi data")

# %% tags=["remove_input"]
audit, audit_teks = report.audit_summary(ctx.processed_dir, ctx.unit, ctx.year)
nb.show(audit_teks)

# %% tags=["remove_input"]
if audit is not None:
    nb.show(audit, nomor.tabel("L", "Hasil Audit Angka"), source="Laporan audit angka")

# %% tags=["remove_cell"]
# Catatan teknis untuk auditor (hanya di salinan lengkap): catatan perhitungan dan asal-usul data,
# yaitu sidik SHA-256 dan jumlah baris setiap berkas masukan, parameter, versi paket dan commit kode.
catatan_perhitungan = report.catatan_perhitungan(laporan)
asal_usul = report.report_provenance(laporan, dict(unit=unit, year=year, ikm_weight=ikm_weight, final=final),
                                     run_started)
ringkasan_asal_usul, parameter, berkas, versi = report.provenance_tables(asal_usul)
nb.show(catatan_perhitungan)
for frame, judul in ((ringkasan_asal_usul, "Ringkasan asal-usul"), (parameter, "Parameter proses"),
                     (berkas, "Berkas masukan"), (versi, "Versi paket")):
    nb.show(frame, judul)
