# %% [markdown]
# # Pembacaan Data Mentah
#
# Notebook ini membaca berkas data mentah unit untuk satu tahun (CSV atau XLSX, lembar pertama),
# mengubah setiap sel menjadi angka, tanggal atau teks menurut kontrak data, membuang kolom data
# pribadi responden, lalu menyimpan tabel rapi sebagai Parquet di `data/processed/<unit>/<tahun>/`.
# Setiap baris membawa nomor barisnya di lembar kerja (`baris`), sehingga setiap temuan dapat
# ditelusuri kembali ke selnya.

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
# ## Berkas yang dibaca

# %%
from lkjip.inputs import ingest
from lkjip.run.ingest_summary import ingest_with_summary

berkas = ingest_with_summary(ctx)
nb.show(berkas, "Berkas yang dibaca", source=f"data/raw/{ctx.unit}/{ctx.year}/")

# %% [markdown]
# Kolom yang tidak termasuk kontrak data (misalnya nama, NIK atau nomor telepon responden) tidak
# dibaca: hanya namanya yang dicatat di atas, isinya tidak pernah disimpan.
#
# ## Data olahan
#
# Setiap dataset dibaca kembali dari Parquet yang baru ditulis dan tersedia sebagai DataFrame di
# `data` (misalnya `data["ikm_survei"]` atau `data["anggaran"]`) untuk ditelusuri lebih lanjut.

# %%
import pandas as pd

data = ingest.read_processed(ctx.processed_dir, ctx.unit, ctx.year)
kolom = pd.DataFrame([{"Dataset": nama, "Baris": len(frame), "Kolom": ", ".join(map(str, frame.columns))}
                      for nama, frame in data.items()])
nb.show(kolom, "Dataset olahan dan kolomnya", source=f"data/processed/{ctx.unit}/{ctx.year}/*.parquet")
