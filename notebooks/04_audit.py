# %% [markdown]
# # Audit Angka yang Dipublikasikan
#
# Dokumen resmi diketik tangan; totalnya tidak selalu sama dengan baris-barisnya, dengan dokumen lain,
# atau dengan data mentah. Audit ini menghitung ulang semuanya dan menampilkan setiap selisih beserta
# sumbernya. Data tidak pernah diubah. Tiga kelompok pemeriksaan:
#
# 1. **Total dalam dataset** — setiap total yang tercetak (kolom `jumlah`, baris JUMLAH, rekening atau
#    program induk) dibandingkan dengan jumlah baris-barisnya;
# 2. **Antar dataset** — misalnya realisasi anggaran per sub kegiatan dibandingkan dengan LRA,
#    jumlah ASN yang diukur IP ASN dengan ASN yang menjabat, responden survei dengan sampel minimum;
# 3. **Publikasi vs hitungan** — setiap angka di `published.csv` dibandingkan dengan nilai yang
#    dihitung dari data mentah, dengan toleransi pembulatan sesuai jumlah desimal angka yang
#    dipublikasikan (0,005 untuk dua desimal, 0,05 untuk satu desimal, 0,5 untuk bilangan bulat).
#
# Selisih = dipublikasikan − dihitung. Hasil lengkap tersimpan di `audit.csv`.

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

# %% tags=["remove_cell"]
from lkjip import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat)

# %% tags=["remove_cell"]
from lkjip.steps import audit_step, audit_counts, audit_sections
hasil = audit_step(ctx)

# %% [markdown]
# ## Ringkasan

# %% tags=["remove_input"]
nb.table(audit_counts(hasil), "Jumlah pemeriksaan per kelompok", source="audit.csv")

# %% [markdown]
# ## Selisih yang ditemukan

# %% tags=["remove_input"]
bagian = audit_sections(hasil)
if not bagian:
    nb.md("Tidak ada selisih: semua angka yang diperiksa sesuai.")
for judul, tabel in bagian:
    nb.md(f"### {judul}")
    nb.table(tabel, source="data mentah dan published.csv; baris = nomor baris di lembar kerja")

# %% [markdown]
# ## Yang tidak dapat diperiksa

# %% tags=["remove_input"]
from lkjip.markup import md_text
nb.md("\n".join(f"- {md_text(c)}" for c in hasil.catatan) if hasil.catatan else "Semua pemeriksaan dapat dijalankan.")
