"""PATEN services (Gambar 3.2 of the published LKjIP 2023)."""

import math

import pytest
from helpers.lkjip_2023 import PATEN_2023, paten_2023

from lkjip.indicators.services import service_summary, services_by_layanan, services_by_month


def test_lkjip_2023_2023_total_from_months_and_100_pct():
    # The published Gambar 3.2 does not add up: its cells sum to 11.139, its printed
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
    # the published LKjIP's own printed row total for Pindah Datang (754) disagrees with its months (794)
    printed_row = services_by_layanan(paten_2023()).iloc[0]
    assert (printed_row["jumlah_hitung"], printed_row["jumlah_tercetak"]) == (794, 754)


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
