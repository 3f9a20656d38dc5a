# %% tags=["parameters", "remove_cell"]
from typing import Optional  # untuk anotasi tipe yang dibaca `papermill --help-notebook`
year: int = 2023  # tahun laporan; dibandingkan dengan tahun sebelumnya
units: Optional[str] = None  # bawaan: semua unit dengan data tahun ini dan tahun lalu; mis. "gedeg,synth01"
data_dir: Optional[str] = None  # bawaan: data/raw (hanya unit.yaml, untuk nama unit)
processed_dir: Optional[str] = None  # bawaan: data/processed (data terbitan unit-unit, hanya dibaca)
output_dir: Optional[str] = None  # bawaan: data/processed/_kabupaten/<year>
report_dir: Optional[str] = None  # bawaan: reports/_kabupaten/<year>
run_started: Optional[str] = None  # waktu mulai (ISO 8601); diisi oleh `lkjip kabupaten`
names: Optional[dict] = None  # kode unit -> nama; bawaan: dibaca dari unit.yaml setiap unit
kabupaten_name: Optional[str] = None  # bawaan: kabupaten yang disebut unit.yaml semua unit
published_reports_dir: Optional[str] = None  # bawaan: reports (run.json tiap unit: hash setiap berkas yang dibaca)

# %% tags=["remove_cell"]
from lkjip.render import notebook as nb
ctx = nb.setup_kabupaten(year, units, data_dir, processed_dir, output_dir, report_dir)

# %% tags=["remove_cell"]
from lkjip import kabupaten
from lkjip.kabupaten import charts as grafik, display as tampil
from lkjip.inputs.catalog import default_reports_dir
from lkjip.contract.markup import md_text

# hanya berkas yang hash SHA-256-nya sama dengan yang dicatat run.json unit itu
data = kabupaten.load_kabupaten(ctx.year, ctx.processed_dir, ctx.units,
                                reports_dir=published_reports_dir or default_reports_dir())
analisis = kabupaten.analyse(data)
if names is None:  # `lkjip kabupaten` passes them, so that each unit.yaml is read once
    names, kabupaten_name = tampil.unit_names(ctx.data_dir, [*data.units, *data.dikecualikan["unit"]])
ringkasan = analisis.ringkasan            # satu baris per unit; juga ringkasan.csv
sakip = analisis.sakip                    # nilai SAKIP dua tahun dan perubahan tiap komponen
anggaran = analisis.anggaran              # pagu, realisasi dan penyerapan per unit
pegawai = analisis.pegawai                # pegawai, kekosongan jabatan, IP ASN per unit
faktor = analisis.faktor                  # perubahan SAKIP di samping setiap faktor
kabupaten.write_ringkasan(ringkasan, ctx.output_dir / "ringkasan.csv")
tahun, lalu = ctx.year, ctx.year - 1
sumber = f"data olahan terbitan tiap unit, {lalu} dan {tahun}"

# %% tags=["remove_input"]
nb.show(f"# Kinerja Perangkat Daerah {md_text(kabupaten_name or 'se-Kabupaten')} Tahun {tahun}")

# %% [markdown]
# Tinjauan ini menempatkan semua unit berdampingan untuk menjawab pertanyaan Bagian Organisasi:
# unit mana yang nilai SAKIP-nya turun tahun ini, komponen mana yang mendorong penurunan itu di
# banyak unit, dan apakah unit yang penyerapan anggarannya rendah atau kehilangan pegawai adalah
# unit yang turun. Semua angka unit berasal dari data olahan yang telah diterbitkan setiap unit
# (`lkjip run`); tidak ada data mentah unit yang dibaca ulang. Satu-satunya data kabupaten yang dibaca
# adalah nilai SAKIP semua OPD yang diumumkan kabupaten, bila ada.

# %% [markdown]
# ## Ringkasan

# %% tags=["remove_input"]
nb.show("\n\n".join([*tampil.summary_sentences(sakip, names), analisis.pendorong_teks]))

# %% tags=["remove_input"]
dikecualikan = analisis.dikecualikan
nb.show(dikecualikan.assign(unit=[names.get(u, u) for u in dikecualikan["unit"]])
        .rename(columns={"unit": "Unit", "alasan": "Alasan"}),
        "Unit yang tidak dibandingkan", source=sumber)

# %% [markdown]
# ## A. Nilai SAKIP per Unit
#
# Nilai SAKIP kedua tahun dihitung ulang dari data evaluasi setiap unit (PermenPAN-RB 88/2021);
# perubahan total sama dengan jumlah perubahan keempat komponen. Tabel diurutkan dari penurunan
# terbesar.

# %% tags=["remove_input"]
nb.show(tampil.tabel_sakip(sakip, tahun, names), f"Nilai SAKIP {lalu} dan {tahun} per unit", source=sumber,
        wide=True)

# %% tags=["remove_input"]
nb.show(grafik.sakip_change_chart(sakip, names=names, title=None, sumber=sumber),
        f"Perubahan nilai SAKIP {lalu}–{tahun} per unit")

# %% [markdown]
# ## B. Komponen yang Mendorong Penurunan
#
# Dihitung atas unit yang nilai SAKIP-nya turun: jumlah dan rata-rata perubahan setiap komponen,
# porsinya dari seluruh penurunan (porsi negatif: komponen itu justru naik), dan di berapa unit
# komponen itu turun atau naik. Bila satu komponen turun di banyak unit sekaligus, sebabnya lebih
# mungkin bersama (misalnya perubahan cara penilaian) daripada keadaan masing-masing unit.

# %% tags=["remove_input"]
pendorong = analisis.pendorong
nb.show(tampil.tabel_pendorong(pendorong), "Komponen SAKIP di unit yang nilainya turun", source=sumber)

# %% tags=["remove_input"]
nb.show(grafik.component_heatmap(sakip, names=names, title=None, sumber=sumber),
        "Perubahan nilai komponen SAKIP per unit (poin)")

# %% [markdown]
# Untuk setiap unit yang turun: apakah komponen yang paling banyak turun di unit itu juga turun di
# sebagian besar OPD lain (perubahan penilaian tingkat kabupaten) atau tidak (sebab di unit sendiri).
# OPD lain diambil dari nilai SAKIP OPD yang diterbitkan kabupaten bila ada, ditambah unit-unit di atas;
# kesimpulan ini sama dengan yang dicetak analisis SAKIP setiap unit.

# %% tags=["remove_input"]
from lkjip.inputs.sakip_opd import read_sakip_opd
from lkjip.kabupaten import sakip_context as konteks_sakip

kesimpulan_sakip = konteks_sakip.sakip_conclusions(sakip, read_sakip_opd(ctx.data_dir), tahun, names)
nb.show(konteks_sakip.conclusions_text(kesimpulan_sakip))

# %% tags=["remove_input"]
nb.show(konteks_sakip.tabel_kesimpulan(kesimpulan_sakip, names),
        "Penurunan SAKIP: tingkat kabupaten atau unit sendiri", source=f"{sumber}; nilai SAKIP OPD kabupaten")

# %% [markdown]
# ## C. Indikator Kinerja Utama per Unit
#
# Setiap unit punya IKU-nya sendiri (`indikator.csv`; tanpa berkas itu tujuh IKU kecamatan). Angka di
# bawah adalah yang dihitung dan diterbitkan unit itu sendiri (`indicators.csv`). Capaian kinerja
# unit adalah rata-rata capaian IKU unit yang punya capaian; IKU tanpa realisasi (belum tersedia),
# tanpa target atau bertarget 0 tidak dihitung dan disebut.

# %% tags=["remove_input"]
indikator = analisis.indikator
kinerja = analisis.kinerja
nb.show(tampil.tabel_kinerja_unit(kinerja, names), f"Capaian kinerja unit {tahun}",
        source=f"indicators.csv tiap unit, {tahun}")

# %% [markdown]
# IKU yang dimiliki beberapa unit ditampilkan berdampingan: realisasi dengan kategori capaiannya
# terhadap target unit masing-masing.

# %% tags=["remove_input"]
nb.show(tampil.tabel_iku_bersama(indikator, names), f"IKU bersama: realisasi dan kategori capaian {tahun}",
        source=f"indicators.csv tiap unit, {tahun}", wide=True)

# %% tags=["remove_input"]
nb.show(tampil.kategori_legend())

# %% tags=["remove_input"]
nb.show(tampil.tabel_iku_sendiri(indikator, names), f"IKU sendiri setiap unit {tahun}",
        source=f"indicators.csv tiap unit, {tahun}", wide=True)

# %% tags=["remove_input"]
nb.show(tampil.tabel_kategori(kabupaten.kategori_counts(indikator)),
        "Jumlah unit per kategori capaian", source=f"indicators.csv tiap unit, {tahun}")

# %% [markdown]
# ## D. Indeks Kepuasan Masyarakat Gabungan
#
# PermenPAN-RB 14/2017 menghitung IKM dari jawaban responden. IKM gabungan menghimpun seluruh
# responden semua unit dalam satu survei, sehingga unit dengan lebih banyak responden berbobot
# lebih besar. Banyak laporan mencetak rata-rata IKM unit (setiap unit berbobot sama); keduanya
# ditampilkan dengan cara hitungnya.

# %% tags=["remove_input"]
ikm = analisis.ikm
nb.show(tampil.tabel_ikm(ikm), f"IKM gabungan dan rata-rata IKM unit {tahun}", source=f"ikm_survei tiap unit, {tahun}")

# %% tags=["remove_input"]
nb.show(ikm.selisih_text())

# %% tags=["remove_input"]
nb.show(tampil.tabel_ikm_unit(ikm.per_unit, names), f"IKM per unit {tahun}", source=f"ikm_survei tiap unit, {tahun}")

# %% [markdown]
# ## E. Anggaran, Pegawai dan Perubahan Nilai SAKIP
#
# Penyerapan anggaran dihitung dari LRA (Belanja Daerah) setiap unit. Dari data pegawai: *Pegawai*
# yang menjabat pada 31 Desember, yang *keluar* dan *masuk* selama tahun, *jabatan kosong*
# (jabatan struktural yang kosong sedikitnya sebulan) dan *bulan kosong* (jumlah bulan-jabatan
# tanpa pejabat).

# %% tags=["remove_input"]
nb.show(tampil.tabel_anggaran(anggaran, analisis.anggaran_total, names),
        f"Anggaran dan realisasi belanja {tahun}", source=f"lra tiap unit, {tahun}")

# %% tags=["remove_input"]
nb.show(tampil.tabel_pegawai(pegawai, tahun, names), f"Pegawai dan IP ASN {tahun}",
        source=f"pegawai tiap unit, {lalu} dan {tahun}", wide=True)

# %% tags=["remove_input"]
nb.show(grafik.factor_scatters(faktor, names=names, title=None, sumber=sumber, caution=False),
        "Perubahan nilai SAKIP terhadap penyerapan anggaran, kekosongan jabatan, pegawai keluar dan IP ASN")

# %% tags=["remove_input"]
korelasi = analisis.korelasi
nb.show(tampil.tabel_korelasi(korelasi), "Korelasi setiap faktor dengan perubahan nilai SAKIP", source=sumber)

# %% tags=["remove_input"]
nb.show(f"**Catatan:** {analisis.peringatan}")

# %% [markdown]
# ## F. Angka Terbitan yang Berbeda dari Hitungan Ulang
#
# Audit setiap unit membandingkan angka yang diterbitkan unit dengan nilai yang
# dihitung ulang dari datanya. Tabel pertama merangkum semua pemeriksaan per unit: *selisih total*
# (total tercetak dalam satu dataset yang tidak sama dengan baris-barisnya), *selisih
# antardataset* dan *terbitan berbeda* (angka yang dicetak dalam LKjIP unit tidak sama
# dengan hitungan ulang). Tabel kedua mendaftar angka terbitan yang berbeda itu, dengan kemungkinan
# penyebabnya menurut audit unit.

# %% tags=["remove_input"]
nb.show(tampil.tabel_audit(analisis.audit, names), f"Hasil audit per unit {tahun}",
        source=f"hasil audit tiap unit, {tahun}")

# %% tags=["remove_input"]
selisih_terbitan = tampil.published_differences(data.audits())
nb.show(tampil.tabel_selisih_terbitan(selisih_terbitan, names), "Angka terbitan yang berbeda dari hitungan ulang",
        source=f"hasil audit tiap unit, {tahun}",
        empty="Semua angka terbitan yang diperiksa sama dengan hitungan ulang.")

# %% [markdown]
# ## Catatan Data

# %% tags=["remove_input"]
nb.show("\n".join(f"- {md_text(c)}" for c in analisis.catatan) if analisis.catatan
        else "Semua berkas yang dibutuhkan tersedia untuk setiap unit.")

# %% tags=["remove_input"]
berkas = sum(len(u.berkas) for u in data.units.values())
nb.show(f"Dibaca {berkas} berkas data olahan terbitan dari {len(data.units)} unit, masing-masing sekali. "
        f"Ringkasan per unit juga disimpan sebagai `ringkasan.csv`.")
