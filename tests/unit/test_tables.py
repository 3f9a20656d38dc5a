"""Bab III tables and figure data from the hand-built frames of the published LKjIP 2023."""

import math

import pandas as pd
import pytest
from helpers.lkjip_2023 import UNIT, anggaran_2023, datasets_2023, koordinasi_2023, lra_2023, paten_2023, pegawai_2023, sakip_2023, survey_2023, targets_2023

from lkjip.document import bab3a as T
from lkjip.contract.fmt import fmt_number, style_table
from lkjip.indicators.ikm import compute_ikm
from lkjip.indicators.iku import compute_indicators


@pytest.fixture(scope="module")
def ind():
    return compute_indicators(datasets_2023(), targets_2023(), UNIT, 2023)


def test_tabel_3_1_1_grouped_by_sasaran(ind):
    t = T.tabel_3_1_1(ind, UNIT)
    assert list(t.columns) == ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan", "Target",
                               "Realisasi", "% Capaian", "Kategori"]
    assert t["No"].tolist() == [1, 2, 3, 4, 4, 4, 5]
    assert t.index.tolist()[3:6] == ["sakip", "realisasi_anggaran_pct", "ip_asn"]
    assert t.loc["sakip", "Sasaran"].startswith("Meningkatnya Tata Kelola")
    assert fmt_number(t.loc["ip_asn", "% Capaian"]) == "105,29"
    # without sasaran: the seven in order, no sasaran
    plain = T.tabel_3_1_1(ind)
    assert plain["No"].tolist() == [1, 2, 3, 4, 5, 6, 7] and plain["Sasaran"].isna().all()


def test_tabel_3_1_2_every_year(ind):
    published = pd.DataFrame({"tahun": [2021, 2022], "indikator": ["ikm", "ikm"],
                              "nilai": [91.07, 94.21], "sumber": ["LKjIP 2022"] * 2})
    t = T.tabel_3_1_2({2023: ind}, targets_2023(), published)
    assert [c for c in t.columns if c.startswith("Target")] == [f"Target {y}" for y in range(2021, 2027)]
    assert [c for c in t.columns if c.startswith("Realisasi")] == ["Realisasi 2021", "Realisasi 2022",
                                                                   "Realisasi 2023"]
    assert t.loc["ikm", ["Target 2021", "Target 2023", "Target 2026"]].tolist() == [82.0, 94.5, 97.5]
    assert t.loc["ikm", "Realisasi 2022"] == 94.21
    assert fmt_number(t.loc["ikm", "Capaian 2022 (%)"]) == "112,15"
    assert t.loc["ikm", "Sumber Realisasi"] == "angka dipublikasikan: 2021, 2022"
    assert math.isnan(t.loc["sakip", "Realisasi 2021"])


def test_tabel_3_1_3_and_3_1_4(ind):
    t = T.tabel_3_1_3(ind, targets_2023(), UNIT, 2023)
    assert t.loc["sakip", "Target Akhir Renstra"] == 88.0
    assert fmt_number(t.loc["sakip", "Tingkat Kemajuan (%)"]) == "97,88"
    assert fmt_number(t.loc["realisasi_anggaran_pct", "Tingkat Kemajuan (%)"]) == "99,33"
    assert fmt_number(t.loc["ip_asn", "Tingkat Kemajuan (%)"]) == "100,00"
    assert t.loc["jumlah_inovasi", "Tingkat Kemajuan (%)"] == pytest.approx(2 / 3 * 100)
    assert "Realisasi s.d. 2023" in t.columns
    blank = T.tabel_3_1_4(ind, None, UNIT, 2023)
    assert blank["Realisasi Nasional"].isna().all() and blank["Ket. (+/-)"].isna().all()
    nat = T.tabel_3_1_4(ind, pd.DataFrame({"indikator": ["ikm"], "nilai": [94.21]}), UNIT, 2023)
    assert fmt_number(nat.loc["ikm", "Ket. (+/-)"]) == "4,10"
    assert math.isnan(nat.loc["sakip", "Ket. (+/-)"])


def test_tabel_3_2_1_by_type():
    t = T.tabel_3_2_1(lra_2023())
    assert t["No"].tolist() == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", ""]
    assert t["Jenis Belanja"].tolist()[:3] == ["BELANJA OPERASI", "Belanja Pegawai", "Belanja Barang dan Jasa"]
    last = t.iloc[-1]
    assert (last["Anggaran (Rp)"], last["Realisasi (Rp)"]) == (2720088927.0, 2566829648.0)
    assert fmt_number(last["% Realisasi"]) == "94,37"


@pytest.mark.parametrize("parents", [True, False])
def test_tabel_3_2_5(parents):
    t = T.tabel_3_2_5(anggaran_2023(parents))
    prog = t[t["Tingkat"] == "Program"]
    assert prog["No"].tolist() == ["A", "B", "C"]
    assert prog["Anggaran (Rp)"].tolist() == [2483372550.0, 28928297.0, 207788080.0]
    assert prog["Realisasi (Rp)"].tolist() == [2334527848.0, 28533000.0, 204086300.0]
    keg = t[t["Tingkat"] == "Kegiatan"]
    assert keg["No"].tolist() == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    assert keg["Anggaran (Rp)"].tolist()[:4] == [9700000.0, 2122381250.0, 12400000.0, 163947500.0]
    sub = t[t["Tingkat"] == "Sub Kegiatan"]
    assert sub["No"].tolist() == [str(i) for i in range(1, 23)]
    last = t.iloc[-1]
    assert last["Program/Kegiatan/Sub Kegiatan"] == "JUMLAH"
    assert (last["Anggaran (Rp)"], last["Realisasi (Rp)"]) == (2720088927.0, 2567147148.0)
    assert fmt_number(prog["% Realisasi"].iloc[0]) == "94,01"
    shown = style_table(t, {"Anggaran (Rp)": "rupiah"})
    assert shown["Anggaran (Rp)"].iloc[-1] == "Rp 2.720.088.927"


def test_gambar_3_1():
    r = compute_ikm(survey_2023())
    g = T.gambar_3_1(r)
    assert g["Nilai/Unsur"].tolist() == [2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600]
    assert [fmt_number(v) for v in g["NRR/Unsur x 25"]] == [
        "98,24", "98,17", "97,59", "99,92", "98,28", "96,56", "97,74", "98,93", "99,39"]
    assert [fmt_number(v) for v in g["NRR Tertimbang/Unsur"]] == [
        "0,44", "0,44", "0,43", "0,44", "0,44", "0,43", "0,43", "0,44", "0,44"]
    s = T.gambar_3_1_ringkasan(r).iloc[0]
    assert s["Jumlah Responden"] == 654 and s["Mutu Pelayanan"] == "A"
    assert fmt_number(s["Jumlah NRR IKM Tertimbang"]) == "3,93"


def test_gambar_3_2_and_3_4():
    g = T.gambar_3_2(paten_2023())
    last = g.iloc[-1]
    assert last["Layanan"] == "JUMLAH" and last["Jumlah"] == 11139
    # the JUMLAH row adds its columns (10.709 printed per service); the source's own 11.119 is in the note
    assert last["Jumlah Tercetak"] == 10709 and last["Selisih"] == -430
    assert T.gambar_3_2_jumlah_tercetak(paten_2023())["Jumlah Tercetak"] == 11119
    assert last["Jan"] == 1020 and len(g) == 22
    assert T.gambar_3_2_bulanan(paten_2023())["Bulan"].tolist()[0] == "Januari"
    k = T.gambar_3_4(koordinasi_2023())
    assert k["Seksi"].tolist() == ["Seksi Pemerintahan", "Seksi Pembangunan", "Seksi Trantib",
                                   "Seksi Kemasyarakatan", "Jumlah"]
    assert k.iloc[-1]["Jumlah Tindak Lanjut"] == 451 and k.iloc[-1]["% Ditindaklanjuti"] == 100.0


def test_gambar_3_5_and_3_6():
    s = T.gambar_3_5(sakip_2023())
    assert s["Komponen"].iloc[0] == "Perencanaan Kinerja"
    last = s.iloc[-1]
    assert last["Bobot"] == 100.0 and fmt_number(last["Nilai Hasil Evaluasi"]) == "86,13"
    assert last["Predikat"] == "A (Memuaskan)"
    assert T.gambar_3_5_subkomponen(sakip_2023()) is None
    l = T.gambar_3_6(lra_2023(), 2023)
    assert list(l.columns) == ["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi 2023 (Rp)", "%",
                               "Realisasi 2022 (Rp)"]
    assert fmt_number(l["%"].iloc[0]) == "94,37"


def test_gambar_3_7_masks_by_default():
    g = T.gambar_3_7(pegawai_2023())
    assert "Nama" not in g.columns
    assert g["NIP"].iloc[0] == "1977***********001"
    assert len(g) == 19
    last = g.iloc[-1]
    assert last["NIP"] == "RATA-RATA" and last["Total"] == pytest.approx(89.5)
    assert last["Kategori"] == "Tinggi" and fmt_number(last["Kualifikasi"]) == "20,33"
    named = T.gambar_3_7(pegawai_2023(), show_names=True, mask=False)
    assert named["Nama"].iloc[0] == "PEGAWAI 1" and named["NIP"].iloc[0] == "197702211995111001"


def test_tabel_3_1_4_takes_the_national_figure_of_the_year():
    import pandas as pd

    from lkjip.document.bab3a import tabel_3_1_4

    indicators = pd.DataFrame({"indikator": ["ikm"], "nama": ["Nilai IKM"], "satuan": ["indeks"],
                               "target": [94.5], "realisasi": [98.31], "capaian_pct": [104.0],
                               "kategori": ["Sangat Tinggi"]})
    national = pd.DataFrame({"tahun": [2022, 2023], "indikator": ["ikm", "ikm"], "nilai": [80.0, 82.5]})
    table = tabel_3_1_4(indicators, national, None, 2023)
    row = table.iloc[0]
    assert row["Realisasi Nasional"] == 82.5
    assert round(row["Ket. (+/-)"], 2) == 15.81
