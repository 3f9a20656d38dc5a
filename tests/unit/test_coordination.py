"""Coordination recap (Gambar 3.4 of the published LKjIP 2023)."""

import math

import pandas as pd
import pytest
from helpers.lkjip_2023 import koordinasi_2023

from lkjip.indicators.coordination import coordination_by_seksi, coordination_summary


def test_lkjip_2023_2023_451_of_451():
    r = coordination_summary(koordinasi_2023())
    assert (r.fasilitasi, r.tindak_lanjut, r.persen) == (451, 451, 100.0)
    per = r.per_seksi.set_index("seksi")
    assert per.loc["Seksi Pemerintahan", "fasilitasi"] == 210
    assert per.loc["Seksi Pembangunan", "fasilitasi"] == 100
    assert per.loc["Seksi Trantib", "fasilitasi"] == 35
    assert per.loc["Seksi Kemasyarakatan", "fasilitasi"] == 106
    assert per["jumlah_uraian"].tolist() == [8, 5, 5, 6]


def test_partial_follow_up_by_seksi():
    df = koordinasi_2023()
    df.loc[0, "tindak_lanjut"] = 21  # ADD: 21 of 28
    df.loc[14, "tindak_lanjut"] = 0  # Penegakan Perda (Trantib): 0 of 2
    r = coordination_summary(df)
    assert r.tindak_lanjut == 451 - 7 - 2
    assert r.persen == pytest.approx(442 / 451 * 100)
    per = coordination_by_seksi(df).set_index("seksi")
    assert per.loc["Seksi Pemerintahan", "persen"] == pytest.approx(203 / 210 * 100)
    assert per.loc["Seksi Trantib", "persen"] == pytest.approx(33 / 35 * 100)


def test_no_facilitation_gives_nan():
    df = koordinasi_2023().iloc[:1].copy()
    df["fasilitasi"] = pd.array([0], dtype="Int64")
    df["tindak_lanjut"] = pd.array([0], dtype="Int64")
    assert math.isnan(coordination_summary(df).persen)
