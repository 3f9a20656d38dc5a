"""Indonesian display formats: the only place that rounds numbers for readers.

Computations keep full precision; a number is rounded only when it is turned
into text here.

Rounding rule
-------------
Half-up on the decimal the reader sees, as people round by hand: the float's
shortest ``repr`` is read as a :class:`decimal.Decimal` and quantized with
``ROUND_HALF_UP`` (ties go away from zero). So ``2.675`` (stored in binary as
2.67499999...) still shows as ``2,68``, and ``0.125`` as ``0,13``; ``-2.675``
shows as ``-2,68``. A result that rounds to zero never shows a minus sign.

Before that, the value is cut to 15 significant digits, which removes the
noise of float arithmetic: 86,13 / 88 x 100 computes as 97.87499999999999,
whose exact value is 97,875, and shows as ``97,88`` as a hand calculation
would.

Marks: comma for decimals, dot for thousands. A missing value (``None``,
NaN, ``pd.NA``) shows as ``blank`` (default an en dash "–"). ``trim=True``
drops trailing zeros after rounding (targets as documents print them,
``94,5``; chart labels, ``2``); the rounding is the same.

Tables, narrative, charts (labels and axis ticks) and the validation report
all format numbers here, so a figure reads the same everywhere: 86,13 / 88 x
100 shows as ``97,88`` in a table and on a chart.

>>> fmt_number(86.13)
'86,13'
>>> fmt_number(2.675), fmt_number(0.125)
('2,68', '0,13')
>>> fmt_rupiah(2720088927)
'Rp 2.720.088.927'
>>> fmt_pct(94.366)
'94,37%'
>>> fmt_int(11119)
'11.119'
>>> fmt_number(float("nan"))
'–'
>>> fmt_number(-1234.5, 1)
'-1.234,5'
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from lkjip.contract.rules.printed import EPS

DASH = "–"


def is_missing(value: object) -> bool:
    """True for ``None``, NaN, ``pd.NA`` and ``NaT``."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decimal(value: float) -> Decimal:
    """The float as a hand calculation reads it: its shortest ``repr``, cut to 15 significant digits."""
    d = Decimal(repr(float(value))) if not isinstance(value, Decimal) else value
    if d != 0 and d.is_finite():
        # cut binary noise first: keep 15 significant digits
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - 14), rounding=ROUND_HALF_EVEN)
    return d


def is_blank(value: object) -> bool:
    """Missing (:func:`is_missing`) or text of only spaces: a cell with nothing to show.

    >>> is_blank(None), is_blank(float("nan")), is_blank("  "), is_blank("0"), is_blank(0)
    (True, True, True, False, False)
    """
    return is_missing(value) or (isinstance(value, str) and not value.strip())


def round_half_up(value: float, decimals: int = 2) -> Decimal:
    """``value`` rounded half-up (ties away from zero) to ``decimals``.

    >>> round_half_up(2.675, 2), round_half_up(0.125, 2), round_half_up(-0.5, 0)
    (Decimal('2.68'), Decimal('0.13'), Decimal('-1'))
    >>> round_half_up(86.13 / 88 * 100, 2)
    Decimal('97.88')
    """
    q = Decimal(1).scaleb(-decimals)
    out = _decimal(value).quantize(q, rounding=ROUND_HALF_UP)
    if out == 0:
        out = abs(out)
    return out


def round_number(value: float, decimals: int = 2) -> float:
    """Half-up rounding returned as a float (for a table that must hold numbers).

    >>> round_number(98.3145, 2), round_number(93.675, 1), round_number(None)
    (98.31, 93.7, nan)
    """
    if is_missing(value):
        return float("nan")
    return float(round_half_up(value, decimals))


def truncate_number(value: float, decimals: int = 2) -> float:
    """``value`` cut (not rounded) to ``decimals``, read as :func:`round_half_up` reads it;
    NaN when missing (the audit names a figure that was cut instead of rounded).

    >>> truncate_number(91.2975, 2), truncate_number(104.8556, 2), truncate_number(-4.428, 2)
    (91.29, 104.85, -4.42)
    """
    if is_missing(value):
        return float("nan")
    return float(_decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN))


def fmt_number(value: object, decimals: int = 2, *, blank: str = DASH,
               thousands: bool = True, trim: bool = False) -> str:
    """A number in Indonesian notation, ``decimals`` places, half-up
    (``trim``: without trailing zeros).

    >>> fmt_number(1234567.891)
    '1.234.567,89'
    >>> fmt_number(100, 0)
    '100'
    >>> fmt_number(None, blank="")
    ''
    >>> fmt_number(94.5, trim=True), fmt_number(2.0, trim=True), fmt_number(97.875, trim=True)
    ('94,5', '2', '97,88')
    """
    if is_missing(value):
        return blank
    d = round_half_up(value, decimals)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):.{decimals}f}" if decimals > 0 else f"{abs(d):.0f}"
    whole, _, frac = text.partition(".")
    if trim:
        frac = frac.rstrip("0")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + frac if frac else "")


def fmt_signed(value: object, decimals: int = 2, *, blank: str = DASH) -> str:
    """A change with its sign: ``+0,42``, ``-1,30``; a change that shows as zero has none (``0,00``).

    >>> fmt_signed(0.42), fmt_signed(-1.3), fmt_signed(0.0), fmt_signed(-0.001), fmt_signed(None)
    ('+0,42', '-1,30', '0,00', '0,00', '–')
    >>> fmt_signed(2.5, 1)
    '+2,5'
    """
    if is_missing(value):
        return blank
    text = fmt_number(value, decimals)
    return text if text.startswith("-") or round_half_up(value, decimals) == 0 else "+" + text


def fmt_plain(value: object) -> str:
    """A number for a CSV file: plain decimal with a dot, no thousands mark, no exponent,
    full precision to 10 decimals; '' when missing or infinite; booleans as ``true``/``false``.

    >>> fmt_plain(2720088927.0), fmt_plain(0.1 + 0.2), fmt_plain(-0.0), fmt_plain(3), fmt_plain(None)
    ('2720088927', '0.3', '0', '3', '')
    """
    if is_missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    v = float(value)
    if math.isinf(v):
        return ""
    text = np.format_float_positional(round(v, 10), trim="-")
    return "0" if text in ("-0", "0", "-0.") else text


def fmt_compact(value: object, decimals: int = 2, *, blank: str = DASH) -> str:
    """A figure as documents print targets: up to ``decimals`` decimals, no trailing zeros.

    >>> fmt_compact(94.5), fmt_compact(85.0), fmt_compact(87.85), fmt_compact(None)
    ('94,5', '85', '87,85', '–')
    """
    return fmt_number(value, decimals, blank=blank, trim=True)


def fmt_int(value: object, *, blank: str = DASH) -> str:
    """A count, no decimals, dot as thousands mark.

    >>> fmt_int(11119)
    '11.119'
    """
    return fmt_number(value, 0, blank=blank)


def fmt_pct(value: object, decimals: int = 2, *, blank: str = DASH, space: bool = False,
            trim: bool = False) -> str:
    """A percentage: ``94,37%`` (``space=True`` gives ``94,37 %``).

    >>> fmt_pct(100, 0), fmt_pct(50, trim=True)
    ('100%', '50%')
    """
    if is_missing(value):
        return blank
    return fmt_number(value, decimals, trim=trim) + (" %" if space else "%")


def fmt_rupiah(value: object, decimals: int = 0, *, blank: str = DASH,
               parens: bool = False) -> str:
    """An amount in rupiah: ``Rp 2.720.088.927``.

    A negative shows as ``-Rp 1.000`` or, with ``parens=True``, as the LRA
    writes it: ``(Rp 1.000)``.

    >>> fmt_rupiah(-1000), fmt_rupiah(-1000, parens=True), fmt_rupiah(1500.5, 2)
    ('-Rp 1.000', '(Rp 1.000)', 'Rp 1.500,50')
    """
    if is_missing(value):
        return blank
    d = round_half_up(value, decimals)
    body = "Rp " + fmt_number(abs(d), decimals)
    if d < 0:
        return f"({body})" if parens else "-" + body
    return body


def fmt_rupiah_short(value: object, *, blank: str = DASH) -> str:
    """A short amount for chart labels: ``Rp 2,72 M`` (rb, jt, M, T), two decimals.

    >>> fmt_rupiah_short(2_720_088_927), fmt_rupiah_short(53_510_000), fmt_rupiah_short(950)
    ('Rp 2,72 M', 'Rp 53,51 jt', 'Rp 950')
    """
    if is_missing(value):
        return blank
    x = float(value)
    for size, unit in ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")):
        if abs(x) >= size:
            return f"Rp {fmt_number(x / size, 2)} {unit}"
    return f"Rp {fmt_number(x, 0)}"


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def fmt_date_id(value: object, *, blank: str = "") -> str:
    """A date as Indonesian documents write it.

    >>> fmt_date_id(pd.Timestamp("2024-01-10")), fmt_date_id(None)
    ('10 Januari 2024', '')
    """
    if is_missing(value):
        return blank
    t = pd.Timestamp(value)
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def mask_nip(nip: object, keep_start: int = 4, keep_end: int = 3, *, blank: str = "") -> str:
    """A NIP with its middle digits hidden (spaces in the source ignored).

    >>> mask_nip("19770221 199511 1 001")
    '1977***********001'
    """
    if is_missing(nip):
        return blank
    digits = re.sub(r"\s+", "", str(nip))
    if len(digits) <= keep_start + keep_end:
        return "*" * len(digits)
    return digits[:keep_start] + "*" * (len(digits) - keep_start - keep_end) + digits[-keep_end:]


_Formatter = Callable[[object], str]


def _formatter(spec: str | _Formatter, blank: str) -> _Formatter:
    if callable(spec):
        return spec
    name, _, arg = str(spec).partition(":")
    dec = int(arg) if arg else None
    if name == "number":
        return lambda v: fmt_number(v, 2 if dec is None else dec, blank=blank)
    if name == "pct":
        return lambda v: fmt_pct(v, 2 if dec is None else dec, blank=blank)
    if name == "int":
        return lambda v: fmt_int(v, blank=blank)
    if name == "rupiah":
        return lambda v: fmt_rupiah(v, 0 if dec is None else dec, blank=blank)
    if name == "text":
        return lambda v: blank if is_missing(v) else str(v)
    raise ValueError(f"format tidak dikenal: {spec!r} (number[:n], pct[:n], int, rupiah[:n], text)")


def style_table(df: pd.DataFrame, formats: Mapping[str, str | _Formatter] | None = None, *,
                blank: str = DASH, default: str | _Formatter | None = None) -> pd.DataFrame:
    """A copy of ``df`` whose listed columns hold display strings.

    ``formats`` maps a column to ``"number"``, ``"number:1"``, ``"pct"``,
    ``"pct:0"``, ``"int"``, ``"rupiah"``, ``"text"`` or a callable. Columns
    not listed are left as they are, unless ``default`` is given, which then
    applies to every other numeric column. Missing cells show ``blank``.

    >>> t = pd.DataFrame({"Uraian": ["a"], "Pagu": [2720088927.0], "%": [94.366]})
    >>> style_table(t, {"Pagu": "rupiah", "%": "pct"}).iloc[0].tolist()
    ['a', 'Rp 2.720.088.927', '94,37%']
    """
    out = df.copy()
    formats = dict(formats or {})
    for col in out.columns:
        spec = formats.get(col)
        if spec is None and default is not None and pd.api.types.is_numeric_dtype(out[col]):
            spec = default
        if spec is None:
            continue
        f = _formatter(spec, blank)
        out[col] = pd.Series([f(v) for v in out[col]], index=out.index, dtype=object)
    return out


def auto_formats(df: pd.DataFrame, decimals: int = 2) -> dict[str, str]:
    """A display format for every numeric column, decided per column.

    A column whose values are all whole numbers shows as integers with
    thousands marks (``2.720.088.927``, ``23``); any other numeric column
    shows ``decimals`` decimals (``94,37``). The decision is per column, so
    a 100 among percentages still shows as ``100,00`` like its neighbours.

    >>> t = pd.DataFrame({"Pagu": [2720088927.0, 9700000.0], "%": [94.37, 100.0], "n": [3, 4]})
    >>> auto_formats(t)
    {'Pagu': 'int', '%': 'number:2', 'n': 'int'}
    """
    formats: dict[str, str] = {}
    for col in df.columns:
        series = df[col]
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        values = pd.to_numeric(series, errors="coerce").dropna()
        whole = bool(len(values)) and bool(((values - values.round()).abs() < EPS).all())
        formats[col] = "int" if whole else f"number:{decimals}"
    return formats


def display_frame(df: pd.DataFrame, formats: Mapping[str, str | _Formatter] | None = None, *,
                  blank: str = "") -> pd.DataFrame:
    """``df`` ready for readers: :func:`auto_formats`, overridden by ``formats``."""
    chosen = {**auto_formats(df), **dict(formats or {})}
    return style_table(df, chosen, blank=blank)
