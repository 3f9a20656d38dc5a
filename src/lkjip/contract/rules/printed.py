"""One rule for a printed figure against the value it should equal.

A figure typed into a document (a JUMLAH row, a parent budget line, a
component score, a published indicator) carries only the decimals it was
printed with. It *matches* the value it should equal (the sum of its parts,
or the value recomputed from raw data) when they differ by at most **half a
unit of its last printed decimal**: 0,005 for a two-decimal figure, 0,05 for
one decimal, 0,5 for a whole number (plus :data:`EPS` for binary noise).

The printed decimals are those of the figure *as typed* when they are known
(the cell's own text, :func:`decimals_of_text`, or a contract that fixes
them, e.g. SAKIP scores to two decimals); otherwise those of the float's
shortest representation (:func:`decimals_of`), which cannot remember a
trailing zero (``87,40`` arrives as ``87.4``, one decimal).

Whole-number counts and rupiah amounts therefore match only when equal; a
two-decimal score matches a sum that rounds to it.

>>> check_total(2483372550.0, 2483372550.0).ok, check_total(27.03, 27.034).ok, check_total(27.03, 27.04).ok
(True, True, False)
>>> check_total(97.875, 97.88, decimals=2).ok
True

The same module holds the two comparisons every reader-facing sentence makes on
figures as printed: whether a capaian meets its target (:func:`target_met`) and
whether a figure rose, fell or stayed (:func:`direction`), both within :data:`EPS`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Tolerance for binary floating-point noise.
EPS = 1e-9

#: A percentage of a target (capaian, tingkat kemajuan, penyerapan) that meets it.
TARGET_PCT = 100.0


def decimals_of(value: object) -> int:
    """Decimals of a figure as its shortest float representation shows them.

    >>> decimals_of(97.33), decimals_of(87.4), decimals_of(100.0), decimals_of(2720088927.0)
    (2, 1, 0, 0)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = np.format_float_positional(float(value), trim="-")
    return len(text.split(".", 1)[1]) if "." in text else 0


def decimals_of_text(text: object) -> int | None:
    """Decimals of a figure as typed (``"87,40"`` -> 2, ``"2.720.088.927"`` -> 0,
    ``"94.37"`` -> 2, ``"100%"`` -> 0); ``None`` for a blank or a non-text cell.

    >>> decimals_of_text("87,40"), decimals_of_text("Rp 2.720.088.927"), decimals_of_text("94.37%")
    (2, 0, 2)
    """
    if not isinstance(text, str) or not text.strip():
        return None
    t = re.sub(r"[^0-9.,]", "", re.sub(r"(?i)rp\.?|idr", "", text))
    if "," in t:
        return len(t.rsplit(",", 1)[1])
    if t.count(".") == 1:
        return len(t.split(".", 1)[1])
    return 0


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def target_met(capaian_pct: object) -> bool | None:
    """Whether a percentage of its target (capaian, kemajuan, penyerapan) reaches
    :data:`TARGET_PCT` (within :data:`EPS`); ``None`` when it cannot be judged.

    >>> target_met(100.0), target_met(99.99), target_met(100 - 1e-12), target_met(float("nan"))
    (True, False, True, None)
    """
    if _missing(capaian_pct):
        return None
    return float(capaian_pct) >= TARGET_PCT - EPS


def direction(new: object, old: object) -> int:
    """``1`` when ``new`` is above ``old``, ``-1`` below, ``0`` within :data:`EPS`.

    >>> direction(98.43, 94.01), direction(94.01, 98.43), direction(0.1 + 0.2, 0.3)
    (1, -1, 0)
    """
    d = float(new) - float(old)
    return 0 if abs(d) < EPS else (1 if d > 0 else -1)


def tolerance(decimals: int) -> float:
    """Half a unit of the last printed decimal.

    >>> tolerance(2), tolerance(1), tolerance(0)
    (0.005, 0.05, 0.5)
    """
    return 0.5 * 10.0 ** (-int(decimals))


@dataclass(frozen=True)
class TotalCheck:
    """A printed figure against the value it should equal.

    ``difference = printed - computed`` (NaN when either is missing, and then
    ``ok`` is False); ``tolerance`` is the one of :func:`tolerance`.
    """

    printed: float
    computed: float
    difference: float
    tolerance: float
    ok: bool


def _float(value: object) -> float:
    try:
        return float("nan") if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return float("nan")


def check_total(printed: object, computed: object, *, decimals: int | None = None) -> TotalCheck:
    """Compare ``printed`` with ``computed`` by the rule of this module.

    ``decimals`` is the number of decimals ``printed`` was typed with when
    known; by default the float's shortest representation decides.
    """
    p, c = _float(printed), _float(computed)
    tol = tolerance(decimals_of(p) if decimals is None else decimals)
    diff = p - c
    return TotalCheck(p, c, diff, tol, bool(not math.isnan(diff) and abs(diff) <= tol + EPS))


def matches(printed: object, computed: object, *, decimals: int | None = None) -> bool:
    """``check_total(...).ok``."""
    return check_total(printed, computed, decimals=decimals).ok
