"""Indonesian display formats and the half-up rounding rule."""

import math

import pandas as pd
import pytest

from lkjip.contract.fmt import (
    fmt_int,
    fmt_number,
    fmt_pct,
    fmt_rupiah,
    mask_nip,
    round_half_up,
    round_number,
    style_table,
)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (86.13, 2, "86,13"),
        (2.675, 2, "2,68"),  # binary 2.67499999... still rounds up
        (0.125, 2, "0,13"),
        (1.005, 2, "1,01"),
        (98.3145, 2, "98,31"),
        (86.13 / 88 * 100, 2, "97,88"),  # float noise 97.87499999999999
        (1234567.891, 2, "1.234.567,89"),
        (100, 0, "100"),
        (99.5, 0, "100"),
        (0.5, 0, "1"),
        (-2.675, 2, "-2,68"),
        (-1234.5, 1, "-1.234,5"),
        (-0.001, 2, "0,00"),  # no negative zero
        (94.366, 1, "94,4"),
    ],
)
def test_fmt_number(value, decimals, expected):
    assert fmt_number(value, decimals) == expected


def test_missing_values_show_blank():
    for v in (None, float("nan"), pd.NA, pd.NaT):
        assert fmt_number(v) == "–"
        assert fmt_pct(v) == "–"
        assert fmt_rupiah(v) == "–"
    assert fmt_number(None, blank="") == ""
    assert fmt_int(math.nan, blank="") == ""


def test_rupiah_pct_int():
    assert fmt_rupiah(2720088927) == "Rp 2.720.088.927"
    assert fmt_rupiah(2720088927.0) == "Rp 2.720.088.927"
    assert fmt_rupiah(152941779.5) == "Rp 152.941.780"
    assert fmt_rupiah(1500.5, 2) == "Rp 1.500,50"
    assert fmt_rupiah(-2720088927, parens=True) == "(Rp 2.720.088.927)"
    assert fmt_rupiah(-1000) == "-Rp 1.000"
    assert fmt_pct(94.366) == "94,37%"
    assert fmt_pct(100, 0) == "100%"
    assert fmt_pct(94.366, space=True) == "94,37 %"
    assert fmt_int(11119) == "11.119"
    assert fmt_int(451.5) == "452"


def test_round_half_up_decimal_and_float():
    assert str(round_half_up(2.675, 2)) == "2.68"
    assert str(round_half_up(-0.5, 0)) == "-1"
    assert round_number(98.3145, 2) == 98.31
    assert round_number(0.125, 2) == 0.13
    assert math.isnan(round_number(None))


def test_mask_nip():
    assert mask_nip("197702211995111001") == "1977***********001"
    assert mask_nip("197702211 995111001") == "1977***********001"
    assert mask_nip("19770221 199511 1 001") == "1977***********001"
    assert mask_nip("12345") == "*****"
    assert mask_nip(None) == ""


def test_style_table_returns_formatted_copy():
    df = pd.DataFrame({"Uraian": ["Belanja", "Jumlah"], "Pagu": [2720088927.0, float("nan")],
                       "%": [94.366, 100.0], "N": [11119, 2]})
    out = style_table(df, {"Pagu": "rupiah", "%": "pct:1", "N": "int"})
    assert out["Pagu"].tolist() == ["Rp 2.720.088.927", "–"]
    assert out["%"].tolist() == ["94,4%", "100,0%"]
    assert out["N"].tolist() == ["11.119", "2"]
    assert out["Uraian"].tolist() == ["Belanja", "Jumlah"]
    # the input is untouched
    assert df["Pagu"].iloc[0] == 2720088927.0
    default = style_table(df, {"Uraian": "text"}, default="number:1", blank="")
    assert default["%"].tolist() == ["94,4", "100,0"]
    assert default["Pagu"].tolist() == ["2.720.088.927,0", ""]
    assert style_table(df, {"%": lambda v: f"<{v:.0f}>"})["%"].tolist() == ["<94>", "<100>"]
    with pytest.raises(ValueError):
        style_table(df, {"%": "percent"})
