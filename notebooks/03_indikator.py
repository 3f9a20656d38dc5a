# %% [markdown]
# # Indikator Kinerja Utama
#
# Ketujuh indikator kinerja utama dihitung ulang dari data mentah yang lolos validasi, dengan rumus
# peraturannya (IKM: PermenPAN-RB 14/2017; SAKIP: PermenPAN-RB 88/2021; IP ASN: PermenPAN-RB 38/2018;
# kategori capaian: Permendagri 86/2017). Target yang dipakai adalah target efektif tahun ini:
# Perjanjian Kinerja Perubahan bila ada, lalu Perjanjian Kinerja, lalu Renstra. Angka dihitung
# dengan presisi penuh dan hanya dibulatkan saat ditampilkan (setengah ke atas, dua desimal).
# Hasilnya juga disimpan sebagai `indicators.csv`.

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
ikm_weight = "exact"  # bobot NRR: "exact" (1/9) atau "0.111"

# %% tags=["remove_cell"]
from lkjip import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat)

# %% tags=["remove_cell"]
from lkjip.steps import indicator_step, indicator_overview, indicator_notes
from lkjip import tables
inputs, hasil = indicator_step(ctx, ikm_weight)

# %% [markdown]
# ## Ringkasan tujuh indikator

# %% tags=["remove_input"]
nb.table(indicator_overview(hasil), "Target, realisasi dan capaian", source="dihitung dari data mentah")

# %% tags=["remove_input"]
catatan = indicator_notes(hasil)
nb.md("**Catatan perhitungan**\n\n" + catatan if catatan else "Tidak ada catatan perhitungan.")

# %% [markdown]
# ## Indeks Kepuasan Masyarakat
#
# Nilai rata-rata per unsur (NRR) = jumlah nilai jawaban / jumlah jawaban unsur itu (jawaban kosong
# tidak dihitung); NRR tertimbang = NRR × bobot; IKM = jumlah NRR tertimbang × 25.

# %% tags=["remove_input"]
nb.table(tables.gambar_3_1(hasil.ikm), "NRR per unsur", source="ikm_survei")
nb.table(tables.gambar_3_1_ringkasan(hasil.ikm), "IKM", source="ikm_survei")

# %% tags=["remove_input"]
from lkjip.steps import sample_table
nb.table(sample_table(hasil), "Kecukupan sampel (Krejcie & Morgan)", source="ikm_survei dan paten_layanan")

# %% tags=["remove_input"]
for judul, rincian in hasil.ikm_rincian.items():
    nb.table(rincian, f"IKM menurut {nb.label(judul).lower()}", source="ikm_survei")

# %% [markdown]
# ## Pelayanan sesuai standar (PATEN)

# %% tags=["remove_input"]
nb.table(tables.gambar_3_2_bulanan(inputs.datasets["paten_layanan"]), "Layanan per bulan", source="paten_layanan")

# %% [markdown]
# ## Koordinasi yang ditindaklanjuti

# %% tags=["remove_input"]
nb.table(tables.gambar_3_4(inputs.datasets["koordinasi"]), "Fasilitasi dan tindak lanjut per seksi", source="koordinasi")

# %% [markdown]
# ## Nilai SAKIP

# %% tags=["remove_input"]
nb.table(tables.gambar_3_5(inputs.datasets["sakip_evaluasi"]), "Komponen SAKIP", source="sakip_evaluasi")

# %% [markdown]
# ## Realisasi anggaran

# %% tags=["remove_input"]
nb.table(tables.gambar_3_6(inputs.datasets["lra"], ctx.year), "Laporan Realisasi Anggaran", source="lra")

# %% [markdown]
# ## Indeks Profesionalitas ASN

# %% tags=["remove_input"]
nb.table(hasil.ipasn.distribusi, "Sebaran kategori IP ASN", source="pegawai")
nb.table(hasil.ipasn.rata_dimensi, "Rata-rata per dimensi", source="pegawai")

# %% [markdown]
# ## Inovasi

# %% tags=["remove_input"]
from lkjip.steps import innovation_table
nb.table(innovation_table(hasil), "Inovasi aktif tahun ini", source="inovasi")
