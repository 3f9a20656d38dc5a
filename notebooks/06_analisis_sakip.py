# %% [markdown]
# # Analisis Perubahan Nilai SAKIP
#
# Notebook ini menguraikan perubahan nilai SAKIP unit antara dua tahun: komponen mana yang naik atau
# turun dan seberapa besar bagiannya dalam perubahan total, berapa poin yang masih dapat diraih, dan
# keadaan apa saja (kekosongan jabatan, IP ASN, penyerapan anggaran perencanaan dan evaluasi, target)
# yang berjalan bersamaan dengan perubahan itu. Semua angka dihitung ulang dari data evaluasi SAKIP;
# narasi di akhir adalah draf yang perlu disunting analis.

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
compare_year = None  # bawaan: tahun sebelumnya yang punya data SAKIP

# %% tags=["remove_cell"]
from lkjip import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat)

# %% tags=["remove_cell"]
from lkjip import ingest, layout
from lkjip import analysis as sc
from lkjip.unit import load_unit
frames, pesan_baca = sc.collect_inputs(
    layout.list_years(ctx.data_dir, ctx.unit), ctx.year,
    read_current=lambda y: ingest.read_processed(ctx.processed_dir, ctx.unit, y),
    read_other=lambda y: ingest.read_year(ctx.data_dir, ctx.unit, y)[0])
targets = ingest.read_unit_table(ctx.data_dir, ctx.unit, "targets")
an = sc.analyse(frames, targets, ctx.year, compare_year, messages=pesan_baca,
                unit_name=load_unit(ctx.data_dir, ctx.unit).nama)
sumber = f"data/raw/{ctx.unit}/<tahun>/sakip_evaluasi, dihitung ulang"

# %% [markdown]
# ## Ringkasan

# %% tags=["remove_input"]
nb.md(an.pesan)
if an.ok:
    nb.table(sc.tabel_ringkasan(an), "Nilai SAKIP, predikat dan target", source=sumber)
nb.md(sc.catatan_md(an))

# %% [markdown]
# ## Dekomposisi per komponen
#
# Perubahan nilai total adalah jumlah perubahan keempat komponen. Kolom "% maks" menunjukkan nilai
# komponen sebagai persentase dari bobotnya (nilai maksimalnya), sehingga komponen dengan bobot
# berbeda dapat dibandingkan. Tabel diurutkan dari penurunan terbesar.

# %% tags=["remove_input"]
if an.ok:
    nb.figure(sc.waterfall_figure(an.dekomposisi),
              f"Perubahan nilai SAKIP {an.tahun_awal}–{an.tahun_akhir} per komponen")

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_komponen(an.dekomposisi),
             f"Nilai komponen SAKIP {an.tahun_awal} dan {an.tahun_akhir}", source=sumber)

# %% tags=["remove_input"]
if an.ok and an.dekomposisi.subkomponen is not None:
    nb.table(sc.tabel_subkomponen(an.dekomposisi), "Perubahan per sub komponen", source=sumber)
elif an.ok:
    nb.md("Rincian sub komponen tidak tersedia pada salah satu atau kedua tahun yang "
          "dibandingkan; lihat catatan di Ringkasan.")

# %% [markdown]
# ## Poin yang dapat diraih
#
# Celah setiap komponen terhadap nilai maksimalnya dan terhadap tingkatnya pada tahun pembanding,
# serta skenario "bagaimana jika": satu komponen kembali ke tingkat tahun pembanding, atau mencapai
# nilai maksimalnya. Predikat dihitung dengan aturan PermenPAN-RB 88/2021 (AA hanya bila nilai
# melebihi 90,00).

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_celah(an.poin), f"Celah nilai komponen {an.tahun_akhir}", source=sumber)

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_skenario(an.poin), "Skenario, diurutkan menurut poin yang dapat diraih",
             source=sumber)

# %% [markdown]
# ## Faktor pendorong
#
# Setiap faktor ditempatkan di samping komponen SAKIP yang mungkin dipengaruhinya. Kolom "Arah
# terhadap nilai" menyatakan apakah faktor bergerak sejalan dengan perubahan nilai komponen itu.

# %% tags=["remove_input"]
if an.ok:
    nb.md(an.pendorong.peringatan)
    nb.table(sc.tabel_kaitan(an.pendorong), "Faktor dan komponen yang mungkin dipengaruhinya",
             source="pegawai, anggaran, targets dan sakip_evaluasi")

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_kekosongan_bulanan(an.pendorong),
             f"Jabatan struktural per bulan, {an.tahun_akhir}", source=f"data/raw/{ctx.unit}/<tahun>/pegawai")

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_kekosongan(an.pendorong), "Jabatan struktural: bulan terisi dan kosong",
             source=f"data/raw/{ctx.unit}/<tahun>/pegawai")

# %% tags=["remove_input"]
if an.ok and len(sc.tabel_pergantian(an.pendorong)):
    nb.table(sc.tabel_pergantian(an.pendorong), "Pergantian pejabat struktural",
             source=f"data/raw/{ctx.unit}/<tahun>/pegawai")

# %% tags=["remove_input"]
if an.ok and len(an.pendorong.ipasn):
    nb.table(sc.tabel_ipasn(an.pendorong), "Indeks Profesionalitas ASN", source=f"data/raw/{ctx.unit}/<tahun>/pegawai")

# %% tags=["remove_input"]
if an.ok and len(an.pendorong.anggaran):
    nb.table(sc.tabel_anggaran(an.pendorong), "Anggaran kegiatan perencanaan dan evaluasi kinerja",
             source=f"data/raw/{ctx.unit}/<tahun>/anggaran")

# %% tags=["remove_input"]
if an.ok:
    nb.table(sc.tabel_target(an.pendorong), "Nilai SAKIP terhadap target dan batas predikat",
             source=f"data/raw/{ctx.unit}/targets dan sakip_evaluasi")

# %% [markdown]
# ## Draf narasi
#
# Draf berikut disusun otomatis dari angka di atas (tanpa model bahasa): kalimatnya dipilih menurut
# angka. Analis memeriksa, melengkapi dan menyuntingnya sebelum dipakai dalam laporan.

# %% tags=["remove_input"]
if an.ok:
    nb.md(an.narasi)
