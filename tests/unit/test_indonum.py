import pytest

from lkjip.contract.indonum import NumberFormatError, parse_integer, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.234,5", 1234.5),
        ("Rp 2.720.088.927,00", 2720088927.0),
        ("Rp. 2.720.088.927,00", 2720088927.0),
        ("Rp2.720.088.927", 2720088927.0),
        ("2.720.088.927", 2720088927.0),
        ("2720088927", 2720088927.0),
        ("94,37%", 94.37),
        ("94,37 %", 94.37),
        ("100 %", 100.0),
        ("(1.000,00)", -1000.0),
        ("-1.000,00", -1000.0),
        ("94.37", 94.37),
        ("0,111", 0.111),
        ("0.125", 0.125),
        (" 12 ", 12.0),
        ("1\u00a0234,5", 1234.5),
        (57, 57.0),
        (89.5, 89.5),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("blank", ["", "  ", None, float("nan"), "-"])
def test_blank_is_none(blank):
    assert parse_number(blank) is None


@pytest.mark.parametrize("text", ["abc", "12a", "1,2,3", "1.23.4", "1.100", "--5", "Rp", "(5", "1.2345,0"])
def test_refused_forms(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


def test_counts_settle_the_thousands_ambiguity():
    assert parse_integer("1.100") == 1100
    assert parse_integer("11.119") == 11119
    assert parse_integer("3,00") == 3
    with pytest.raises(NumberFormatError):
        parse_integer("3,5")
    with pytest.raises(NumberFormatError):
        parse_integer("tiga")
