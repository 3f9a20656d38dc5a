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
ikm_weight: str = "exact"  # bobot NRR IKM: "exact" (1/9) atau "rounded" (0,111)

# %% tags=["remove_cell"]
from lkjip.render import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir, final=final,
               tanggal_tanda_tangan=tanggal_tanda_tangan, tempat=tempat,
               published_processed_dir=published_processed_dir, published_reports_dir=published_reports_dir)

# %% tags=["remove_cell"]
import pandas as pd
from lkjip import charts
from lkjip.document import bab3a as tables
from lkjip.run.steps import (calculations_used, indicator_count_words, indicator_notes, indicator_overview,
                             indicator_step, innovation_table, not_used_note, sample_table)

masukan, hasil = indicator_step(ctx, ikm_weight)
data = masukan.datasets          # dataset -> DataFrame, mis. data["ikm_survei"]
indikator = hasil.tabel          # IKU unit (tanpa indikator.csv: tujuh IKU kecamatan): target, realisasi, capaian
dipakai = calculations_used(hasil)  # perhitungan bawaan yang dipakai IKU unit; bagian lain tidak berlaku

# %% tags=["remove_input"]
nb.show(f"## Ringkasan {indicator_count_words(hasil)} indikator")

# %% tags=["remove_input"]
ringkasan = indicator_overview(hasil)
nb.show(ringkasan, "Target, realisasi dan capaian", source="dihitung dari data mentah")

# %% tags=["remove_input"]
nb.show(charts.target_vs_realisasi(indikator, title=None, sumber="dihitung dari data mentah"),
        "Capaian indikator kinerja utama terhadap target")

# %% tags=["remove_input"]
catatan = indicator_notes(hasil)
nb.show("**Catatan perhitungan**\n\n" + catatan if catatan else "Tidak ada catatan perhitungan.")

# %% [markdown]
# ## Indeks Kepuasan Masyarakat
#
# Nilai rata-rata per unsur (NRR) = jumlah nilai jawaban / jumlah jawaban unsur itu (jawaban kosong
# tidak dihitung); NRR tertimbang = NRR × bobot; IKM = jumlah NRR tertimbang × 25.

# %% tags=["remove_input"]
ikm = hasil.ikm
ikm_unsur = tables.gambar_3_1(ikm) if "ikm" in dipakai else None
if ikm_unsur is not None:
    nb.show(ikm_unsur, "NRR per unsur", source="ikm_survei")
else:
    nb.show(not_used_note("ikm"))

# %% tags=["remove_input"]
if ikm_unsur is not None:
    nb.show(charts.ikm_per_unsur(pd.Series(ikm.unsur["nrr_x25"].values, index=ikm.unsur["unsur"].values),
                                 ikm=ikm.ikm_x25, title=None, sumber="ikm_survei"),
            "Nilai per unsur pelayanan dan batas mutu pelayanan")

# %% tags=["remove_input"]
if ikm_unsur is not None:
    nb.show(tables.gambar_3_1_ringkasan(ikm), "IKM", source="ikm_survei")

# %% tags=["remove_input"]
sampel = sample_table(hasil)
if ikm_unsur is not None:
    nb.show(sampel, "Kecukupan sampel (Krejcie & Morgan)", source="ikm_survei dan paten_layanan")

# %% tags=["remove_input"]
ikm_rincian = hasil.ikm_rincian  # karakteristik responden -> IKM per kelompok
for judul, rincian in ikm_rincian.items():
    nb.show(rincian, f"IKM menurut {nb.label(judul).lower()}", source="ikm_survei")

# %% [markdown]
# ## Pelayanan sesuai standar (PATEN)

# %% tags=["remove_input"]
layanan = tables.gambar_3_2_bulanan(data["paten_layanan"]) if "layanan_sesuai_standar_pct" in dipakai else None
if layanan is not None:
    nb.show(layanan, "Layanan per bulan", source="paten_layanan")
else:
    nb.show(not_used_note("layanan_sesuai_standar_pct"))

# %% [markdown]
# ## Koordinasi yang ditindaklanjuti

# %% tags=["remove_input"]
koordinasi = tables.gambar_3_4(data["koordinasi"]) if "koordinasi_ditindaklanjuti_pct" in dipakai else None
if koordinasi is not None:
    nb.show(koordinasi, "Fasilitasi dan tindak lanjut per seksi", source="koordinasi")
else:
    nb.show(not_used_note("koordinasi_ditindaklanjuti_pct"))

# %% [markdown]
# ## Nilai SAKIP

# %% tags=["remove_input"]
sakip = tables.gambar_3_5(data["sakip_evaluasi"]) if "sakip" in dipakai else None
if sakip is not None:
    nb.show(sakip, "Komponen SAKIP", source="sakip_evaluasi")
else:
    nb.show(not_used_note("sakip"))

# %% [markdown]
# ## Realisasi anggaran

# %% tags=["remove_input"]
anggaran = tables.gambar_3_6(data["lra"], ctx.year) if data.get("lra") is not None else None  # every unit hands in its LRA
if anggaran is not None:
    nb.show(anggaran, "Laporan Realisasi Anggaran", source="lra")
else:
    nb.show(not_used_note("realisasi_anggaran_pct"))

# %% [markdown]
# ## Indeks Profesionalitas ASN

# %% tags=["remove_input"]
ipasn = hasil.ipasn if "ip_asn" in dipakai else None
if ipasn is not None:
    nb.show(ipasn.distribusi, "Sebaran kategori IP ASN", source="pegawai")
else:
    nb.show(not_used_note("ip_asn"))

# %% tags=["remove_input"]
if ipasn is not None:
    nb.show(ipasn.rata_dimensi, "Rata-rata per dimensi", source="pegawai")

# %% [markdown]
# ## Inovasi

# %% tags=["remove_input"]
inovasi = innovation_table(hasil) if "jumlah_inovasi" in dipakai else None
if inovasi is not None:
    nb.show(inovasi, "Inovasi aktif tahun ini", source="inovasi")
else:
    nb.show(not_used_note("jumlah_inovasi"))
