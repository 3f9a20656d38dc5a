"""PATEN services (Gambar 3.2 of the seed)."""

import math

import pandas as pd
import pytest

from lkjip.schema import MONTHS
from lkjip.services import service_summary, services_by_layanan, services_by_month

#: Gambar 3.2, 2023: service, 12 months, printed JUMLAH
PATEN_2023 = [
    ("Pindah Datang", [51, 44, 55, 32, 68, 81, 84, 84, 67, 70, 82, 76], 754),
    ("Pindah Keluar", [63, 71, 40, 21, 79, 81, 121, 79, 94, 91, 105, 96], 641),
    ("Akte Kelahiran", [91, 66, 105, 69, 142, 61, 120, 104, 117, 149, 105, 132], 1263),
    ("Akte Kematian", [72, 86, 47, 27, 53, 44, 56, 53, 67, 69, 74, 72], 730),
    ("Kartu Keluarga", [332, 317, 288, 212, 373, 215, 330, 277, 365, 423, 479, 450], 4057),
    ("Kartu Tanda Penduduk (KTP)", [250, 273, 212, 145, 174, 187, 227, 347, 79, 29, 30, 28], 1881),
    ("Kartu Identitas Anak (KIA)", [39, 26, 32, 6, 37, 0, 0, 0, 1, 0, 1, 1], 143),
    ("KTP Digital", [96, 84, 145, 110, 72, 51, 46, 70, 56, 44, 21, 20], 815),
    ("Legalisasi Surat", [4, 6, 2, 15, 7, 6, 2, 6, 0, 0, 0, 0], 48),
    ("Ijin Keramaian", [0] * 12, 0),
    ("Surat Keterangan Tidak Mampu", [0, 8, 12, 2, 6, 5, 10, 13, 19, 12, 12, 8], 107),
    ("Dispensasi Nikah", [3, 3, 0, 3, 1, 0, 6, 0, 1, 0, 1, 2], 23),
    ("Rekomendasi pembelian BBM tertentu", [0, 2, 4, 2, 3, 4, 4, 4, 6, 7, 3, 2], 41),
    ("Surat Keterangan waris", [7, 14, 19, 3, 7, 11, 7, 16, 14, 10, 6, 11], 124),
    ("Evaluasi Rancangan Peraturan Desa", [None] * 12, None),
    ("Anggaran Pendapatan Belanja Desa", [0] * 11 + [14], 14),
    ("Perubahan APBDes", [0] * 8 + [14, 14, 0, 14], 42),
    ("Pertanggungjawaban APBDes", [11] + [0] * 11, 11),
    ("Ijin Cuti Kepala Desa", [0] * 12, 0),
    ("Pelantikan Kepala Desa antar waktu", [0] * 12, 0),
    ("Pembinaan pengelolaan sampah", [1, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1], 15),
    ("JUMLAH", [1020, 1005, 961, 647, 1020, 758, 1027, 1039, 901, 923, 921, 900], 11119),
]


def paten_2023(tidak_sesuai=None) -> pd.DataFrame:
    data = {"baris": list(range(2, len(PATEN_2023) + 2)),
            "layanan": pd.array([r[0] for r in PATEN_2023], dtype="string")}
    for i, m in enumerate(MONTHS):
        data[m] = pd.array([r[1][i] for r in PATEN_2023], dtype="Int64")
    data["jumlah"] = pd.array([r[2] for r in PATEN_2023], dtype="Int64")
    data["tidak_sesuai_standar"] = pd.array(tidak_sesuai or [None] * len(PATEN_2023), dtype="Int64")
    data["adalah_total"] = [r[0] == "JUMLAH" for r in PATEN_2023]
    return pd.DataFrame(data)


def test_seed_2023_total_from_months_and_100_pct():
    # The seed's Gambar 3.2 does not add up: its cells sum to 11.139, its printed
    # month totals to 11.122, its printed row totals to 10.709, and it states 11.119.
    # The product counts the cells and reports the printed figures as differences.
    r = service_summary(paten_2023())
    assert r.total == 11139
    assert r.tidak_sesuai == 0 and r.sesuai == 11139
    assert r.persen_sesuai == 100.0
    assert r.per_bulan["jumlah"].tolist() == [1020, 1002, 963, 648, 1023, 748, 1014, 1054, 901,
                                              919, 920, 927]
    assert r.per_bulan["jumlah_tercetak"].sum() == 11122
    assert r.per_bulan["selisih"].tolist()[:4] == [0, 3, -2, -1]
    assert r.per_layanan["jumlah_tercetak"].sum() == 10709


def test_total_comes_from_months_not_printed_jumlah():
    df = paten_2023()
    df.loc[0, "jumlah"] = 999  # Pindah Datang printed wrong; months add to 794
    per = services_by_layanan(df)
    row = per[per["layanan"] == "Pindah Datang"].iloc[0]
    assert row["jumlah_hitung"] == 794
    assert row["selisih"] == 999 - 794
    assert service_summary(df).total == 11139
    # the seed's own printed row total for Pindah Datang (754) disagrees with its months (794)
    seed_row = services_by_layanan(paten_2023()).iloc[0]
    assert (seed_row["jumlah_hitung"], seed_row["jumlah_tercetak"]) == (794, 754)


def test_not_meeting_standard():
    bad = [None] * len(PATEN_2023)
    bad[4], bad[5] = 100, 19  # Kartu Keluarga, KTP
    r = service_summary(paten_2023(bad))
    assert r.tidak_sesuai == 119
    assert r.persen_sesuai == pytest.approx((11139 - 119) / 11139 * 100)


def test_absent_optional_columns_and_zero_services():
    df = paten_2023().drop(columns=["jumlah", "tidak_sesuai_standar"])
    r = service_summary(df)
    assert r.total == 11139 and r.tidak_sesuai == 0
    assert r.per_layanan["jumlah_tercetak"].isna().all()
    zero = df[df["layanan"] == "Ijin Keramaian"]
    assert math.isnan(service_summary(zero).persen_sesuai)
    assert "jumlah_tercetak" not in services_by_month(zero).columns
