"""Numbers as Indonesian spreadsheets write them.

One function, :func:`parse_number`, is the only place that turns a cell into
a number. It accepts what the data contract lists and refuses the rest with a
reason, because a guessed number in an accountability report is worse than a
stopped run.

Accepted forms (the decimal mark is a comma, the thousands mark a dot; a
plain number with a dot decimal is accepted too):

>>> parse_number("2.720.088.927,00")
2720088927.0
>>> parse_number("Rp 2.720.088.927")
2720088927.0
>>> parse_number("Rp. 2.720.088.927,00")
2720088927.0
>>> parse_number("1.234,5")
1234.5
>>> parse_number("94,37%")
94.37
>>> parse_number("100 %")
100.0
>>> parse_number("(1.000,00)")
-1000.0
>>> parse_number("94.37")
94.37
>>> parse_number("") is None
True
"""

from __future__ import annotations

import math
import re

_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN_INT = re.compile(r"^\d+$")
_PLAIN_DEC = re.compile(r"^\d*\.\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class NumberFormatError(ValueError):
    """The text is not a number in any accepted form; the message says why."""


def parse_number(value: object, *, whole: bool = False) -> float | None:
    """Parse one cell into a float; ``None`` for a blank cell.

    ``whole=True`` says the column holds counts, which settles the one
    ambiguous form (``1.100`` is then one thousand one hundred).

    Raises :class:`NumberFormatError` for anything else, including the
    ambiguous ``1.100`` (one dot and three digits: thousands in Indonesian
    use, a decimal in English use), which must be written ``1100`` or
    ``1.100,00``.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NumberFormatError("bukan angka (nilai benar/salah)")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return float(value)
    text = _SPACES.sub(" ", str(value)).strip()
    if text == "" or text == "-":
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith("-"):
        if negative:
            raise NumberFormatError("tanda negatif ganda")
        negative, text = True, text[1:].strip()
    text = _CURRENCY.sub("", text)
    if text.endswith("%"):
        text = text[:-1].strip()
    if text.startswith("-") and not negative:
        negative, text = True, text[1:].strip()
    text = text.replace(" ", "")
    number = _parse_unsigned(text, whole)
    return -number if negative else number


def _parse_unsigned(text: str, whole_only: bool = False) -> float:
    if text == "":
        raise NumberFormatError("tidak ada angka")
    if "," in text:
        if text.count(",") > 1:
            raise NumberFormatError("lebih dari satu koma desimal")
        whole, frac = text.split(",")
        if not frac.isdigit():
            raise NumberFormatError("bagian desimal bukan angka")
        if whole == "":
            whole = "0"
        if "." in whole and not _GROUPED.match(whole):
            raise NumberFormatError("pemisah ribuan harus per tiga angka, mis. 1.234.567,89")
        whole = whole.replace(".", "")
        if not whole.isdigit():
            raise NumberFormatError("bukan angka")
        return float(f"{whole}.{frac}")
    if _PLAIN_INT.match(text):
        return float(text)
    if text.count(".") > 1 or (whole_only and "." in text):
        if _GROUPED.match(text):
            return float(text.replace(".", ""))
        raise NumberFormatError("pemisah ribuan harus per tiga angka, mis. 2.720.088.927")
    if _PLAIN_DEC.match(text):
        whole, frac = text.split(".")
        if len(frac) == 3 and whole not in ("", "0"):
            raise NumberFormatError(
                "ambigu: tulis 1100 atau 1.100,00 untuk seribu seratus, 1,1 untuk satu koma satu"
            )
        return float(text)
    raise NumberFormatError("bukan angka")


def parse_integer(value: object) -> int | None:
    """Parse a count: like :func:`parse_number`, but the result must be whole.

    >>> parse_integer("1.020")
    1020
    >>> parse_integer("3,00")
    3
    """
    number = parse_number(value, whole=True)
    if number is None:
        return None
    if not float(number).is_integer():
        raise NumberFormatError("harus bilangan bulat")
    return int(number)
