"""IKM (PermenPAN-RB 14/2017): hand-worked golden survey and the survey behind the published LKjIP 2023."""

from fractions import Fraction

import pandas as pd
import pytest
from helpers.lkjip_2023 import UNSUR_TOTALS_2023, survey_2023

from lkjip.errors import DataError
from lkjip.contract.fmt import fmt_number
from lkjip.indicators.ikm import (
    compute_ikm,
    ikm_breakdowns,
    ikm_by,
    ikm_by_month,
    minimum_sample,
    nrr_per_unsur,
    sample_adequacy,
)
from lkjip.contract.schema import UNSUR


def small_survey() -> pd.DataFrame:
    rows = [
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [3, 3, None, 4, 3, 3, 3, 3, 3],
        [2, None, 3, 4, None, 3, 4, 4, 3],
        [4, 3, 3, 4, 4, 2, 3, 4, None],
    ]
    df = pd.DataFrame({u: pd.array([r[i] for r in rows], dtype="Int64") for i, u in enumerate(UNSUR)})
    df.insert(0, "tanggal", pd.to_datetime(["2023-01-03", "2023-01-20", "2023-02-01", "2023-02-10"]))
    df.insert(0, "baris", [2, 3, 4, 5])
    df["umur"] = pd.array([19, 25, 37, None], dtype="Int64")
    df["pendidikan"] = pd.array(["SMA", "SMA", "S1", None], dtype="string")
    return df


def test_golden_small_survey_with_blanks():
    # By hand (blanks left out per unsur):
    # u1 (4+3+2+4)/4 = 13/4   u2 (4+3+3)/3 = 10/3   u3 (4+3+3)/3 = 10/3
    # u4 16/4 = 4            u5 (4+3+4)/3 = 11/3   u6 (4+3+3+2)/4 = 3
    # u7 14/4 = 7/2          u8 15/4               u9 (4+3+3)/3 = 10/3
    # sum NRR = 17.5 + 41/3 = 187/6; IKM = 187/54 = 3.46296...; x 25 = 4675/54 = 86.574...
    r = compute_ikm(small_survey())
    expected_nrr = [Fraction(13, 4), Fraction(10, 3), Fraction(10, 3), Fraction(4), Fraction(11, 3),
                    Fraction(3), Fraction(7, 2), Fraction(15, 4), Fraction(10, 3)]
    assert r.unsur["jumlah_jawaban"].tolist() == [4, 3, 3, 4, 3, 4, 4, 4, 3]
    assert r.unsur["jumlah_nilai"].tolist() == [13, 10, 10, 16, 11, 12, 14, 15, 10]
    for got, exp in zip(r.unsur["nrr"], expected_nrr):
        assert got == pytest.approx(float(exp), abs=1e-12)
    assert r.ikm == pytest.approx(float(Fraction(187, 54)), abs=1e-12)
    assert r.ikm_x25 == pytest.approx(float(Fraction(4675, 54)), abs=1e-12)
    assert r.responden == 4
    assert r.mutu == "B" and r.kinerja == "Baik"
    assert r.bobot_label == "1/9 (eksak)"
    # the rounded weight: 187/6 x 0.111 x 25 = 86.4875
    r2 = compute_ikm(small_survey(), weight="0.111")
    assert r2.ikm_x25 == pytest.approx(86.4875, abs=1e-9)
    assert r2.bobot == 0.111 and r2.bobot_label == "0,111 (dibulatkan)"


def test_lkjip_2023_2023_nrr_and_ikm():
    s = survey_2023()
    table = nrr_per_unsur(s)
    assert table["jumlah_nilai"].tolist() == list(UNSUR_TOTALS_2023)
    assert [fmt_number(v) for v in table["nrr"]] == [
        "3,93", "3,93", "3,90", "4,00", "3,93", "3,86", "3,91", "3,96", "3,98"]
    r = compute_ikm(s)
    assert r.responden == 654
    assert fmt_number(r.ikm_x25) == "98,31"
    assert r.ikm_x25 == pytest.approx(sum(UNSUR_TOTALS_2023) / 654 / 9 * 25, rel=1e-12)
    assert r.mutu == "A" and r.kinerja == "Sangat Baik"
    assert fmt_number(compute_ikm(s, weight="0.111").ikm_x25) == "98,22"
    # capaian against the PK Perubahan target 94,5: 98,31 / 94,5 = 104,03 from the
    # rounded value, but the full-precision IKM (98,3141...) gives 104,0358 -> 104,04
    assert fmt_number(98.31 / 94.5 * 100) == "104,03"
    assert r.ikm_x25 / 94.5 * 100 == pytest.approx(104.0358, abs=1e-4)


def test_respondent_without_any_answer_is_an_error():
    s = small_survey()
    for u in UNSUR:
        s.loc[2, u] = pd.NA
    with pytest.raises(DataError) as e:
        compute_ikm(s)
    assert e.value.row == 4
    assert "tidak menjawab" in e.value.rule


def test_answer_out_of_range_is_an_error():
    s = small_survey()
    s.loc[1, "u5"] = 5
    with pytest.raises(DataError) as e:
        compute_ikm(s)
    assert (e.value.row, e.value.column) == (3, "u5")


def test_unknown_weight_rejected():
    with pytest.raises(ValueError):
        compute_ikm(small_survey(), weight="kira-kira")


@pytest.mark.parametrize("population, minimum", [
    (11119, 372), (1000, 278), (100, 80), (10, 10), (1, 1), (0, 0)])
def test_krejcie_morgan(population, minimum):
    assert minimum_sample(population) == minimum


def test_sample_adequacy():
    ok = sample_adequacy(11119, 654)
    assert (ok.populasi, ok.minimum, ok.responden, ok.cukup) == (11119, 372, 654, True)
    assert sample_adequacy(11119, 371).cukup is False


def test_breakdowns_by_month_and_demographics():
    s = small_survey()
    months = ikm_by_month(s)
    assert months["nama_bulan"].tolist() == ["Januari", "Februari"]
    assert months["responden"].tolist() == [2, 2]
    # January: R1 all 4, R2 3s with u3 blank -> u3 NRR 4, u4 NRR 4, others 3.5
    assert months["ikm"].iloc[0] == pytest.approx((7 * 3.5 + 4 + 4) / 9, abs=1e-12)
    b = ikm_breakdowns(s)
    assert set(b) == {"bulan", "kelompok_umur", "pendidikan"}
    assert b["pendidikan"]["pendidikan"].tolist() == ["(tidak diisi)", "S1", "SMA"]
    assert b["pendidikan"]["responden"].tolist() == [1, 1, 2]
    assert b["kelompok_umur"]["kelompok_umur"].tolist() == ["(tidak diisi)", "20 - 29", "30 - 39", "< 20"]
    by_sex = ikm_by(survey_2023(), "jenis_kelamin")
    assert by_sex["responden"].sum() == 654
