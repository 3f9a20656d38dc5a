"""Innovations: the year's active ones."""

import pandas as pd
from helpers.lkjip_2023 import inovasi_2023

from lkjip.indicators.innovation import innovation_summary
from lkjip.indicators.targets import capaian


def test_lkjip_2023_2023_two_of_two():
    r = innovation_summary(inovasi_2023(), 2023)
    assert r.jumlah == 2
    assert r.aktif["nama"].tolist() == ["GAMIS JUBAH", "MANTAP BERDASI"]
    assert len(r.tidak_dihitung) == 0
    # capaian against the PK target of 2 (Tabel 3.1.1: 100,00 %), and against 3 for contrast
    assert capaian(r.jumlah, 2.0, "higher") == 100.0
    assert round(capaian(r.jumlah, 3.0, "higher"), 2) == 66.67


def test_inactive_and_later_decrees_not_counted():
    df = pd.concat([inovasi_2023(), pd.DataFrame({
        "baris": [4, 5, 6],
        "nama": pd.array(["LAMA", "BARU", "AKTIF LAGI"], dtype="string"),
        "nomor_sk": pd.array(["1", "2", "3"], dtype="string"),
        "tanggal_sk": pd.to_datetime(["2021-02-01", "2024-01-15", "2022-06-01"]),
        "status": pd.array(["Nonaktif", " AKTIF ", " Aktif"], dtype="string"),
    })], ignore_index=True)
    r = innovation_summary(df, 2023)
    assert r.jumlah == 3
    assert r.tidak_dihitung["nama"].tolist() == ["LAMA", "BARU"]
    assert r.tidak_dihitung["keterangan"].tolist() == ["status: Nonaktif", "SK terbit setelah tahun 2023"]
    assert innovation_summary(df).jumlah == 4  # no year: the 2024 decree counts


def test_status_column_absent_means_active():
    df = inovasi_2023().drop(columns="status")
    assert innovation_summary(df, 2023).jumlah == 2
