from nbtools import code, md, parameters, setup

CELLS = [
    md("""
# Pembacaan Data Mentah

Notebook ini membaca berkas data mentah unit untuk satu tahun (CSV atau XLSX, lembar pertama),
mengubah setiap sel menjadi angka, tanggal atau teks menurut kontrak data, membuang kolom data
pribadi responden, lalu menyimpan tabel rapi sebagai Parquet di `data/processed/<unit>/<tahun>/`.
Setiap baris membawa nomor barisnya di lembar kerja (`baris`), sehingga setiap temuan dapat
ditelusuri kembali ke selnya.
"""),
    parameters(),
    setup(),
    code('''from lkjip.ingest_report import ingest_with_summary
summary = ingest_with_summary(ctx)
nb.table(summary, "Berkas yang dibaca", source=f"data/raw/{ctx.unit}/{ctx.year}/")'''),
    md("""
Kolom yang tidak termasuk kontrak data (misalnya nama, NIK atau nomor telepon responden) tidak
dibaca: hanya namanya yang dicatat di atas, isinya tidak pernah disimpan.
"""),
]
