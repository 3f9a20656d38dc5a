# %% [markdown]
# # Validasi Data
#
# Setiap dataset diperiksa dengan aturan tertulis (*expectation suite* Great Expectations) yang
# disimpan di folder `expectations/` dan diberi versi bersama kode. Ada dua tingkat:
#
# - **error** — data tidak dapat dipakai; proses berhenti sebelum laporan tahun ini ditulis;
# - **peringatan** — data dipakai, tetapi temuan dicatat di laporan (misalnya total yang diketik
#   tidak sama dengan jumlah baris-barisnya; audit merinci selisihnya).
#
# Nomor baris merujuk ke nomor baris di lembar kerja (baris judul = 1).

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

# %% [markdown]
# ## Ringkasan

# %%
from lkjip.run.steps import validation_step, raise_for_errors, validation_tables

validasi, masukan = validation_step(ctx)
data = masukan.datasets
ringkasan, temuan, aturan = validation_tables(validasi)
nb.show(ringkasan, "Ringkasan validasi")

# %% [markdown]
# ## Aturan yang tidak terpenuhi

# %%
if len(temuan):
    nb.show(temuan, "Temuan validasi (error dan peringatan)")
else:
    nb.show("Semua aturan terpenuhi.")

# %% [markdown]
# ## Seluruh aturan yang diperiksa

# %%
nb.show(nb.folded(nb.Table(aturan, "Aturan per dataset", source="expectations/*.json"),
                  f"{len(aturan)} aturan, yang terpenuhi dan yang tidak (klik untuk membuka)"))

# %% [markdown]
# Bila ada temuan tingkat **error**, sel berikut menghentikan proses dan menyebut berkas, baris,
# kolom dan aturan yang dilanggar.

# %% tags=["remove_cell"]
raise_for_errors(validasi)
