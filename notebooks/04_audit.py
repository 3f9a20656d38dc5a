# %% [markdown]
# # Audit Angka yang Dipublikasikan
#
# Yang diperiksa adalah LKjIP yang diterbitkan (dokumen sumber, sebagaimana tercetak): setiap temuan
# menyebut tempatnya di dokumen itu, dan tempat angka yang sama di LKjIP yang dihasilkan dari data masukan bila
# LKjIP itu mencetaknya (nomor tabel di LKjIP yang dihasilkan berbeda; tautan membuka tabelnya).
# Tabel-tabel LKjIP yang dihasilkan juga diperiksa dengan cara yang sama, dalam bagiannya sendiri.
#
# Setiap angka yang tercetak di LKjIP dihitung ulang dari data masukan bila datanya ada, dan
# dibandingkan dengan rinciannya di tabel yang sama atau dengan angka yang sama di tempat lain.
# Setiap selisih diberi kemungkinan penyebabnya beserta kalimat penjelasan yang dapat dikutip dalam
# surat tindak lanjut. Data tidak pernah diubah. Angka tercetak cocok bila selisihnya tidak lebih
# dari setengah satuan desimal terakhir yang tercetak (0,005 untuk dua desimal, 0,5 untuk bilangan
# bulat). Selisih = angka tercetak − angka hasil hitung. Hasil lengkap, satu baris per
# perbandingan, tersimpan di berkas audit.csv.

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

# %% tags=["remove_cell"]
from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)

# %% tags=["remove_cell"]
from lkjip.run.steps import audit_step
from lkjip.audit import report as ar
hasil = audit_step(ctx)

# %% tags=["remove_cell"]
# the generated LKjIP (as notebook 05 builds it): where it prints each published place, and its own findings
from lkjip.document.audit_view import for_audit
from lkjip.audit.two_documents import place_links
lkjip_dihasilkan = for_audit(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir, final=ctx.final,
                             published=ctx.published)
tempat_lkjip = lkjip_dihasilkan.places

# %% [markdown]
# ## Ringkasan
#
# Cakupan audit: berapa angka yang tercetak, berapa yang dapat diperiksa, dan hasilnya, untuk seluruh
# dokumen dan per bab. Sebuah angka dihitung ulang dari data masukan bila datanya ada; bila tidak,
# angka itu diperiksa terhadap rinciannya di tabel yang sama (misalnya baris JUMLAH terhadap
# baris-barisnya) dan terhadap angka yang sama di tempat lain dokumen.

# %% tags=["remove_input"]
nb.show(ar.table_block(ar.ringkasan(hasil), "Cakupan angka yang tercetak di LKjIP yang diterbitkan",
                       source="published.csv dan data masukan"))
from lkjip.audit.summary_counts import per_bab_counts, per_pemeriksaan_counts
from lkjip.charts.status_bars import status_bertumpuk
nb.show(status_bertumpuk(per_bab_counts(hasil)), "Angka tercetak per bab: sesuai, berselisih, tidak dapat diperiksa")
nb.show(ar.table_block(ar.per_bab(hasil), "Cakupan per bab", source="published.csv dan data masukan"))
nb.show(status_bertumpuk(per_pemeriksaan_counts(hasil), xlabel="Jumlah perbandingan"),
        "Perbandingan per jenis pemeriksaan: sesuai, berselisih, tidak dapat diperiksa")
nb.show(ar.table_block(ar.per_pemeriksaan(hasil), "Perbandingan per jenis pemeriksaan", source="audit.csv"))

# %% tags=["remove_input"]
bagian = []
for jenis, judul_terbesar in (("rupiah", "Selisih paling material dalam rupiah"),
                              ("poin", "Selisih paling material dalam poin (indeks dan persen)")):
    terbesar = ar.terbesar(hasil, jenis, places=tempat_lkjip)
    bagian.append(ar.table_block(terbesar, judul_terbesar, small=True, widths=ar.WIDTHS["terbesar_dua"],
                                 source="audit.csv; angka yang sama di beberapa tempat dihitung sekali; "
                                        "urut menurut bagiannya dari jumlah tempat angka itu",
                                 links=place_links(tempat_lkjip, lkjip_dihasilkan.href))
                  if len(terbesar) else ar.paragraph("tidak ada selisih.", label=judul_terbesar))
nb.show(ar.section("Selisih paling material", "terbesar", bagian, level=3))

# %% tags=["remove_input"]
bagian = [ar.paragraph("Setiap temuan menyebut tempatnya di LKjIP yang diterbitkan (dokumen sumber) dan, bila "
                       "angka yang sama tercetak di LKjIP yang dihasilkan, tempatnya di sana; lalu angka "
                       "tercetak, angka hasil hitung, selisihnya, dan penjelasan yang dapat dikutip. Angka yang "
                       "sama tercetak berbeda di beberapa tempat menjadi satu temuan yang menyebut semua "
                       "tempatnya.")]
for judul, arti, tabel in ar.temuan_per_penyebab(hasil, places=tempat_lkjip):
    bagian += [ar.heading(judul), ar.paragraph(arti),
               ar.table_block(tabel, small=True, widths=ar.WIDTHS["temuan_dua"],
                              links=place_links(tempat_lkjip, lkjip_dihasilkan.href))]
if len(bagian) == 1:
    bagian.append(ar.paragraph("Tidak ada selisih: semua angka yang diperiksa sesuai."))
nb.show(ar.section("Temuan menurut kemungkinan penyebab", "temuan", bagian))

# %% tags=["remove_input"]
# the generated LKjIP's own tables: totals, parents, percentages, figures carried from a source as printed
sendiri = lkjip_dihasilkan.sendiri
bagian = [ar.paragraph("Tabel LKjIP yang dihasilkan diperiksa dengan cara yang sama: baris jumlah terhadap "
                       "baris-barisnya, baris induk terhadap rinciannya, kolom jumlah terhadap kolom-kolomnya, "
                       "persentase terhadap realisasi dibagi anggaran, dan angka yang dibawa dari dokumen sumber "
                       "sebagaimana tercetak terhadap angka hasil hitung di sebelahnya. Tabel yang menyalin "
                       "sumbernya (LRA) ikut membawa selisih sumber itu; angkanya tidak diubah.")]
bagian.append(ar.table_block(sendiri, "Temuan pada tabel LKjIP yang dihasilkan", small=True,
                             widths=ar.WIDTHS["lkjip_dihasilkan"], source="LKjIP yang dihasilkan",
                             links=place_links(lkjip_dihasilkan.sendiri_places, lkjip_dihasilkan.href))
              if len(sendiri) else ar.paragraph("Semua tabel LKjIP yang dihasilkan sesuai."))
nb.show(ar.section("Angka LKjIP yang dihasilkan", "lkjip-dihasilkan", bagian))

# %% tags=["remove_input"]
# facts that disagree inside the data: the draft's analyst notes, word for word, never corrected
berbeda = lkjip_dihasilkan.berbeda
bagian = [ar.paragraph("Fakta yang saling berbeda di dalam data masukan (dua dokumen atau dua berkas menyebut hal "
                       "yang sama secara berbeda). Draf LKjIP menandai masing-masing dengan catatan analis di "
                       "tempatnya; data tidak diubah dan tidak dipilih salah satunya. Bila LKjIP ditandatangani "
                       "sebelum perbedaan ini diselesaikan, tempat yang disebut memuat angka atau teks yang "
                       "perlu dikonfirmasi pada dokumen aslinya.")]
bagian.append(ar.table_block(berbeda, "Fakta yang saling berbeda di dalam data", small=True,
                             widths=ar.WIDTHS["data_berbeda"], source="data masukan; catatan analis draf LKjIP")
              if len(berbeda) else ar.paragraph("Tidak ada fakta yang saling berbeda di dalam data masukan."))
nb.show(ar.section("Data masukan yang saling berbeda", "data-berbeda", bagian))

# %% tags=["remove_input"]
# Printed: where the full list is and its summary per place; on screen (HTML) every checked figure too.
daftar = [ar.print_only(ar.paragraph(ar.daftar_lengkap_keterangan(hasil))),
          ar.table_block(ar.cakupan_per_tempat(hasil), "Angka yang diperiksa per tempat di LKjIP yang diterbitkan",
                         source="audit.csv", small=True)]
lengkap = [ar.paragraph("Satu baris per angka tercetak yang dapat diperiksa, per tempat di LKjIP, dengan "
                        "berkas data dan nomor baris lembar kerja tempat angka hasil hitung berasal.")]
from lkjip.audit.folded import differences_first  # selisih dulu, angka yang sesuai dilipat
for tempat, tabel in ar.daftar_per_tempat(hasil):
    lengkap += [ar.heading(tempat), differences_first(tabel, lambda t: ar.table_block(t, small=True))]
daftar.append(ar.screen_only("\n".join(lengkap)))
nb.show(ar.section("Daftar lengkap angka yang diperiksa", "daftar-lengkap", daftar))

# %% [markdown]
# ## Angka yang tidak dapat diperiksa
#
# Angka berikut tercetak di LKjIP tetapi datanya bukan bagian dari data masukan; alasannya
# disebutkan beserta tempatnya. Penjumlahan di dalam tabelnya tetap diperiksa bila ada.

# %% tags=["remove_input"]
nb.show(ar.print_only(ar.table_block(ar.tidak_diperiksa_per_alasan(hasil),
                                     "Angka yang tidak dapat diperiksa, per alasan", source="published.csv",
                                     small=True, widths=ar.WIDTHS["per_alasan"])))
nb.show(ar.screen_only(ar.table_block(ar.tidak_diperiksa(hasil),
                                      "Angka yang tidak dapat diperiksa, per alasan dan tempat",
                                      source="published.csv")))

# %% [markdown]
# ## Catatan

# %% tags=["remove_input"]
nb.show("\n".join(f"- {ar.md_text(c)}" for c in hasil.catatan) if hasil.catatan
        else "Semua pemeriksaan dapat dijalankan.")

# %% [markdown]
# ## Catatan teknis
#
# Asal-usul angka audit ini dan LKjIP tahun yang sama: setiap berkas masukan dengan sidik SHA-256 dan
# jumlah barisnya, parameter proses, versi paket dan commit kode, sehingga laporan dapat dibuat ulang
# dan diperiksa. LKjIP untuk pejabat tidak memuat catatan ini.

# %% tags=["remove_input"]
import pandas as pd

from lkjip.document import catatan_teknis
ringkasan_teknis, parameter_teknis, berkas_teknis, versi_teknis = catatan_teknis(
    ctx.data_dir, ctx.unit, ctx.year, dict(unit=unit, year=year), run_started)
nb.show(ringkasan_teknis, "Ringkasan asal-usul")
nb.show(pd.concat([parameter_teknis.set_axis(["Nama", "Nilai"], axis=1).assign(Jenis="parameter"),
                   versi_teknis.set_axis(["Nama", "Nilai"], axis=1).assign(Jenis="versi paket")],
                  ignore_index=True)[["Jenis", "Nama", "Nilai"]], "Parameter proses dan versi paket")
nb.show(berkas_teknis, "Berkas masukan")

# %% [markdown] tags=["remove_cell"]
# ### Meja kerja auditor
#
# Sel-sel berikut tidak ikut dicetak. Masing-masing berakhir dengan tabel yang dapat disaring dan
# diurutkan: `audit` (semua perbandingan), `selisih` (hanya selisih), `cakupan` (per tempat di LKjIP).

# %% tags=["remove_cell"]
audit = ar.audit_frame(hasil)
audit

# %% tags=["remove_cell"]
selisih = ar.selisih_frame(hasil)
selisih

# %% tags=["remove_cell"]
cakupan = ar.cakupan_frame(hasil)
cakupan
