from nbtools import code, md, parameters, setup

CELLS = [
    md("""
# Validasi Data

Setiap dataset diperiksa dengan aturan tertulis (*expectation suite* Great Expectations) yang
disimpan di folder `expectations/` dan diberi versi bersama kode. Ada dua tingkat:

- **error** — data tidak dapat dipakai; proses berhenti sebelum laporan tahun ini ditulis;
- **peringatan** — data dipakai, tetapi temuan dicatat di laporan (misalnya total yang diketik
  tidak sama dengan jumlah baris-barisnya; audit merinci selisihnya).

Nomor baris merujuk ke nomor baris di lembar kerja (baris judul = 1).
"""),
    parameters(),
    setup(),
    code('''from lkjip.steps import validation_step, raise_for_errors, validation_tables
result, inputs = validation_step(ctx)
summary, failed, rules = validation_tables(result)
nb.table(summary, "Ringkasan validasi")'''),
    md("## Aturan yang tidak terpenuhi"),
    code('''nb.table(failed, "Temuan validasi (error dan peringatan)") if len(failed) else nb.md("Semua aturan terpenuhi.")'''),
    md("## Seluruh aturan yang diperiksa"),
    code('''nb.table(rules, "Aturan per dataset", source="expectations/*.json")'''),
    md("""
Bila ada temuan tingkat **error**, sel berikut menghentikan proses dan menyebut berkas, baris,
kolom dan aturan yang dilanggar.
"""),
    code('''raise_for_errors(result)''', "remove_cell"),
]
