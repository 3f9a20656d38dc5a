# %% [markdown]
# # Analisis Perubahan Nilai SAKIP
#
# Analisis ini menjawab lebih dahulu pertanyaan pokoknya: berapa nilai SAKIP berubah, sebab apa
# yang disebut unit sendiri dalam LKjIP-nya, dan apakah data mendukung setiap sebab itu. Sesudahnya:
# kedudukan unit di antara OPD kabupaten, perubahan per komponen, poin yang dapat dipulihkan, dan
# keadaan lain (jabatan, anggaran perencanaan dan evaluasi, IP ASN) yang berjalan bersamaan dengan
# perubahan itu. Semua angka dihitung ulang dari data evaluasi SAKIP.

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
compare_year: Optional[int] = None  # bawaan: tahun sebelumnya yang punya data SAKIP

# %% tags=["remove_cell"]
from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)

# %% tags=["remove_cell"]
from lkjip import sakip_change as analysis
from lkjip.sakip_change import figures as grafik
from lkjip.inputs import earlier_years as earlier, ingest, catalog as layout
from lkjip.inputs.year import load_inputs
from lkjip.inputs.unit import load_unit

data_per_tahun, pesan_baca = analysis.collect_inputs(
    layout.list_years(ctx.data_dir, ctx.unit), ctx.year,
    read_current=lambda y: load_inputs(ctx.data_dir, ctx.unit, y, ctx.processed_dir).datasets,
    read_other=lambda y: earlier.read_earlier_year(ctx.data_dir, ctx.unit, y, ctx.published).frames)
from lkjip.inputs.narasi import read_narasi
from lkjip.inputs.riwayat_jabatan import read_riwayat_jabatan
from lkjip.inputs.sakip_lke import read_sakip_lke
from lkjip.inputs.sakip_opd import read_sakip_opd

targets = ingest.read_unit_table(ctx.data_dir, ctx.unit, "targets")
riwayat = read_riwayat_jabatan(ctx.data_dir, ctx.unit)
narasi_unit = read_narasi(ctx.data_dir, ctx.unit, ctx.year)
perubahan = analysis.analyse(data_per_tahun, targets, ctx.year, compare_year, messages=pesan_baca,
                             unit_name=load_unit(ctx.data_dir, ctx.unit).nama, unit_code=ctx.unit,
                             stated_causes=narasi_unit.get(analysis.NARASI_SECTION),
                             sakip_opd=read_sakip_opd(ctx.data_dir),
                             riwayat_jabatan=riwayat,
                             sakip_lke=read_sakip_lke(ctx.data_dir, ctx.unit),
                             saran=narasi_unit.get("saran"))
# Angka (bukan teks tampilan) untuk ditelusuri: None bila tahun-tahunnya tidak dapat dibandingkan.
dekomposisi, poin, pendorong = perubahan.dekomposisi, perubahan.poin, perubahan.pendorong
sumber = "Hasil evaluasi SAKIP tiap tahun, dihitung ulang"
sumber_pegawai = "Data pegawai tiap tahun"

# %% [markdown]
# ## Jawaban: sebab menurut unit dan pengujiannya

# %% tags=["remove_input"]
nb.show(perubahan.jawaban if perubahan.ok else perubahan.pesan)

# %% [markdown]
# ## Kedudukan di antara OPD kabupaten

# %% tags=["remove_input"]
nb.show(analysis.konteks_md(perubahan))

# %% [markdown]
# ## Ringkasan angka

# %% tags=["remove_input"]
ringkasan = analysis.tabel_ringkasan(perubahan) if perubahan.ok else None
nb.show(ringkasan, "Nilai SAKIP, predikat dan target", source=sumber)

# %% tags=["remove_input"]
nb.show(analysis.catatan_md(perubahan))

# %% [markdown]
# ## Dekomposisi per komponen
#
# Perubahan nilai total adalah jumlah perubahan keempat komponen. Kolom "% maks" menunjukkan nilai
# komponen sebagai persentase dari bobotnya (nilai maksimalnya), sehingga komponen dengan bobot
# berbeda dapat dibandingkan. Tabel diurutkan dari penurunan terbesar.

# %% tags=["remove_input"]
if perubahan.ok:
    nb.show(analysis.waterfall_figure(dekomposisi),
            f"Perubahan nilai SAKIP {perubahan.tahun_awal}–{perubahan.tahun_akhir} per komponen")

# %% tags=["remove_input"]
komponen = analysis.tabel_komponen(dekomposisi) if perubahan.ok else None
nb.show(komponen, f"Nilai komponen SAKIP {perubahan.tahun_awal} dan {perubahan.tahun_akhir}", source=sumber)

# %% tags=["remove_input"]
subkomponen = analysis.tabel_subkomponen(dekomposisi) if perubahan.ok else None
nb.show(subkomponen, "Perubahan per sub komponen", source=sumber,
        empty="Rincian sub komponen tidak tersedia pada salah satu atau kedua tahun yang dibandingkan; "
              "lihat catatan di Ringkasan." if perubahan.ok else None)

# %% [markdown]
# ## Per kriteria evaluasi: cara penilaian atau kinerja
#
# Bila lembar kerja evaluasi kedua tahun tersedia, perubahan dipisah menjadi bagian karena cara
# penilaian berubah (kriteria baru, dihapus, atau bobotnya berubah) dan bagian karena nilai kriteria
# yang sama berubah. Kedua bagian berjumlah tepat perubahan total.

# %% tags=["remove_input"]
nb.show(analysis.lke_md(perubahan))

# %% tags=["remove_input"]
nb.show(analysis.tabel_lke(perubahan), "Perubahan per kriteria evaluasi", source="Lembar kerja evaluasi SAKIP",
        wide=True)

# %% [markdown]
# ## Poin yang dapat diraih
#
# Celah setiap komponen terhadap nilai maksimalnya dan terhadap tingkatnya pada tahun pembanding,
# serta skenario pemulihan yang realistis: satu komponen, atau semua komponen yang turun, kembali ke
# tingkat tahun pembanding. Predikat dihitung dengan aturan PermenPAN-RB 88/2021 (AA hanya bila nilai
# melebihi 90,00).

# %% tags=["remove_input"]
nb.show(analysis.pemulihan_md(perubahan))

# %% tags=["remove_input"]
celah = analysis.tabel_celah(poin) if perubahan.ok else None
nb.show(celah, f"Celah nilai komponen {perubahan.tahun_akhir}", source=sumber)

# %% tags=["remove_input"]
gambar_skenario = grafik.gambar_skenario(poin) if perubahan.ok else None
if gambar_skenario is not None:
    nb.show(gambar_skenario, f"Nilai SAKIP {perubahan.tahun_akhir} menurut skenario, terhadap batas predikat")

# %% tags=["remove_input"]
skenario = analysis.tabel_skenario(poin) if perubahan.ok else None
nb.show(skenario, "Skenario, diurutkan menurut poin yang dapat diraih", source=sumber)

# %% [markdown]
# ## Faktor pendorong
#
# Setiap faktor ditempatkan di samping komponen SAKIP yang mungkin dipengaruhinya. Kolom "Arah
# terhadap nilai" menyatakan apakah faktor bergerak sejalan dengan perubahan nilai komponen itu.
# Anggaran dibaca dari pagunya dan perubahannya, bukan hanya penyerapannya. Target nilai SAKIP adalah
# konteks (apa yang dituju), bukan sebab, dan ditampilkan terpisah.

# %% tags=["remove_input"]
if perubahan.ok:
    nb.show(pendorong.peringatan)

# %% tags=["remove_input"]
kaitan = analysis.tabel_kaitan(pendorong) if perubahan.ok else None
nb.show(kaitan, "Faktor dan komponen yang mungkin dipengaruhinya",
        source="Data pegawai, data anggaran, target kinerja dan hasil evaluasi SAKIP")

# %% tags=["remove_input"]
gambar_jabatan = grafik.gambar_jabatan(pendorong, riwayat) if perubahan.ok else None
if gambar_jabatan is not None:
    nb.show(gambar_jabatan, f"Jabatan struktural per bulan, {perubahan.tahun_akhir}: terisi, Plt, kosong")

# %% tags=["remove_input"]
kekosongan = analysis.tabel_kekosongan(pendorong) if perubahan.ok else None
nb.show(kekosongan, "Jabatan struktural: bulan terisi dan kosong", source=sumber_pegawai, wide=True)

# %% tags=["remove_input"]
kekosongan_bulanan = analysis.tabel_kekosongan_bulanan(pendorong) if perubahan.ok else None
# the chart above shows the months; the count per month stays one click away
if kekosongan_bulanan is not None and len(kekosongan_bulanan):
    nb.show(nb.folded(nb.Table(kekosongan_bulanan, f"Jabatan struktural per bulan, {perubahan.tahun_akhir}",
                               source=sumber_pegawai),
                      "Jumlah jabatan terisi dan kosong per bulan (tabel)"))

# %% tags=["remove_input"]
pergantian = analysis.tabel_pergantian(pendorong) if perubahan.ok else None
nb.show(pergantian, "Perubahan pemegang jabatan struktural", source=sumber_pegawai)

# %% tags=["remove_input"]
ipasn = analysis.tabel_ipasn(pendorong) if perubahan.ok else None
nb.show(ipasn, "Indeks Profesionalitas ASN", source=sumber_pegawai)

# %% tags=["remove_input"]
anggaran = analysis.tabel_anggaran(pendorong) if perubahan.ok else None
nb.show(anggaran, "Anggaran kegiatan perencanaan dan evaluasi kinerja",
        source="Data anggaran tiap tahun")

# %% tags=["remove_input"]
gambar_nilai = grafik.gambar_nilai_per_tahun(pendorong) if perubahan.ok else None
if gambar_nilai is not None:
    nb.show(gambar_nilai, "Nilai SAKIP per tahun, target dan rentang predikat")

# %% tags=["remove_input"]
target = analysis.tabel_target(pendorong) if perubahan.ok else None
nb.show(target, "Nilai SAKIP terhadap target dan batas predikat (konteks, bukan sebab)",
        source="Target kinerja dan hasil evaluasi SAKIP")

# %% [markdown]
# ## Draf narasi
#
# Draf berikut disusun otomatis dari angka di atas (tanpa model bahasa): kalimatnya dipilih menurut
# angka. Analis memeriksa, melengkapi dan menyuntingnya sebelum dipakai dalam laporan.

# %% tags=["remove_input"]
nb.show(perubahan.narasi)

# %% tags=["remove_input"]
# Catatan analis: hanya pada draf (data yang dapat dilengkapi); versi final tidak memuatnya.
if not ctx.final:
    nb.show(analysis.catatan_analis_md(perubahan))
