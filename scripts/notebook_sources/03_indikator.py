from nbtools import code, md, parameters, setup

CELLS = [
    md("""
# Indikator Kinerja Utama

Ketujuh indikator kinerja utama dihitung ulang dari data mentah yang lolos validasi, dengan rumus
peraturannya (IKM: PermenPAN-RB 14/2017; SAKIP: PermenPAN-RB 88/2021; IP ASN: PermenPAN-RB 38/2018;
kategori capaian: Permendagri 86/2017). Target yang dipakai adalah target efektif tahun ini:
Perjanjian Kinerja Perubahan bila ada, lalu Perjanjian Kinerja, lalu Renstra. Angka dihitung
dengan presisi penuh dan hanya dibulatkan saat ditampilkan (setengah ke atas, dua desimal).
Hasilnya juga disimpan sebagai `indicators.csv`.
"""),
    parameters(extra='ikm_weight = "exact"  # bobot NRR: "exact" (1/9) atau "0.111"'),
    setup(),
    code('''from lkjip.steps import indicator_step, indicator_overview, indicator_notes
from lkjip import tables
inputs, hasil = indicator_step(ctx, ikm_weight)''', "remove_cell"),
    md("## Ringkasan tujuh indikator"),
    code('''nb.table(indicator_overview(hasil), "Target, realisasi dan capaian", source="dihitung dari data mentah")''',
         "remove_input"),
    code('''catatan = indicator_notes(hasil)
nb.md("**Catatan perhitungan**\\n\\n" + catatan if catatan else "Tidak ada catatan perhitungan.")''', "remove_input"),
    md("""
## Indeks Kepuasan Masyarakat

Nilai rata-rata per unsur (NRR) = jumlah nilai jawaban / jumlah jawaban unsur itu (jawaban kosong
tidak dihitung); NRR tertimbang = NRR × bobot; IKM = jumlah NRR tertimbang × 25.
"""),
    code('''nb.table(tables.gambar_3_1(hasil.ikm), "NRR per unsur", source="ikm_survei")
nb.table(tables.gambar_3_1_ringkasan(hasil.ikm), "IKM", source="ikm_survei")''', "remove_input"),
    code('''from lkjip.steps import sample_table
nb.table(sample_table(hasil), "Kecukupan sampel (Krejcie & Morgan)", source="ikm_survei dan paten_layanan")''',
         "remove_input"),
    code('''for judul, rincian in hasil.ikm_rincian.items():
    nb.table(rincian, f"IKM menurut {nb.label(judul).lower()}", source="ikm_survei")''', "remove_input"),
    md("## Pelayanan sesuai standar (PATEN)"),
    code('''nb.table(tables.gambar_3_2_bulanan(inputs.datasets["paten_layanan"]), "Layanan per bulan", source="paten_layanan")''',
         "remove_input"),
    md("## Koordinasi yang ditindaklanjuti"),
    code('''nb.table(tables.gambar_3_4(inputs.datasets["koordinasi"]), "Fasilitasi dan tindak lanjut per seksi", source="koordinasi")''',
         "remove_input"),
    md("## Nilai SAKIP"),
    code('''nb.table(tables.gambar_3_5(inputs.datasets["sakip_evaluasi"]), "Komponen SAKIP", source="sakip_evaluasi")''',
         "remove_input"),
    md("## Realisasi anggaran"),
    code('''nb.table(tables.gambar_3_6(inputs.datasets["lra"], ctx.year), "Laporan Realisasi Anggaran", source="lra")''',
         "remove_input"),
    md("## Indeks Profesionalitas ASN"),
    code('''nb.table(hasil.ipasn.distribusi, "Sebaran kategori IP ASN", source="pegawai")
nb.table(hasil.ipasn.rata_dimensi, "Rata-rata per dimensi", source="pegawai")''', "remove_input"),
    md("## Inovasi"),
    code('''from lkjip.steps import innovation_table
nb.table(innovation_table(hasil), "Inovasi aktif tahun ini", source="inovasi")''', "remove_input"),
]
