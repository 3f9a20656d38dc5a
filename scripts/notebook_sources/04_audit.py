from nbtools import code, md, parameters, setup

CELLS = [
    md("""
# Audit Angka yang Dipublikasikan

Dokumen resmi diketik tangan; totalnya tidak selalu sama dengan baris-barisnya, dengan dokumen lain,
atau dengan data mentah. Audit ini menghitung ulang semuanya dan menampilkan setiap selisih beserta
sumbernya. Data tidak pernah diubah. Tiga kelompok pemeriksaan:

1. **Total dalam dataset** — setiap total yang tercetak (kolom `jumlah`, baris JUMLAH, rekening atau
   program induk) dibandingkan dengan jumlah baris-barisnya;
2. **Antar dataset** — misalnya realisasi anggaran per sub kegiatan dibandingkan dengan LRA,
   jumlah ASN yang diukur IP ASN dengan ASN yang menjabat, responden survei dengan sampel minimum;
3. **Publikasi vs hitungan** — setiap angka di `published.csv` dibandingkan dengan nilai yang
   dihitung dari data mentah, dengan toleransi pembulatan sesuai jumlah desimal angka yang
   dipublikasikan (0,005 untuk dua desimal, 0,05 untuk satu desimal, 0,5 untuk bilangan bulat).

Selisih = dipublikasikan − dihitung. Hasil lengkap tersimpan di `audit.csv`.
"""),
    parameters(),
    setup(),
    code('''from lkjip.steps import audit_step, audit_counts, audit_sections
hasil = audit_step(ctx)''', "remove_cell"),
    md("## Ringkasan"),
    code('''nb.table(audit_counts(hasil), "Jumlah pemeriksaan per kelompok", source="audit.csv")''', "remove_input"),
    md("## Selisih yang ditemukan"),
    code('''bagian = audit_sections(hasil)
if not bagian:
    nb.md("Tidak ada selisih: semua angka yang diperiksa sesuai.")
for judul, tabel in bagian:
    nb.md(f"### {judul}")
    nb.table(tabel, source="data mentah dan published.csv; baris = nomor baris di lembar kerja")''',
         "remove_input"),
    md("## Yang tidak dapat diperiksa"),
    code('''nb.md("\\n".join(f"- {c}" for c in hasil.catatan) if hasil.catatan else "Semua pemeriksaan dapat dijalankan.")''',
         "remove_input"),
]
