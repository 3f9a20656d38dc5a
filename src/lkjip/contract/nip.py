"""NIP shown one way everywhere: four groups ``19770221 199511 1 001``; masked, the hidden digits
become ``*`` in the same groups, and two different people never look the same.

A NIP is 18 digits: birth date (8), appointment month (6), sex (1), sequence (3). Masked, the birth
year and the sequence are kept (``1977**** ****** * 001``). When two NIPs of the same document would
then look the same, more leading digits are kept for those NIPs, one at a time, until each masked form
is distinct.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lkjip.contract.fmt import is_missing

#: Digits of the four groups of an 18-digit NIP.
GROUPS = (8, 6, 1, 3)
KEEP_START, KEEP_END = 4, 3


def nip_digits(nip: object) -> str:
    """The NIP's characters without spaces ('' when missing).

    >>> nip_digits("19770221 199511 1 001"), nip_digits(None)
    ('197702211995111001', '')
    """
    return "" if is_missing(nip) else re.sub(r"\s+", "", str(nip))


def grouped(digits: str) -> str:
    """An 18-character NIP in its four groups; anything else as it is.

    >>> grouped("197702211995111001"), grouped("1977*************1")
    ('19770221 199511 1 001', '1977**** ****** * **1')
    >>> grouped("12345")
    '12345'
    """
    if len(digits) != sum(GROUPS):
        return digits
    out, i = [], 0
    for n in GROUPS:
        out.append(digits[i:i + n])
        i += n
    return " ".join(out)


def _masked(digits: str, keep_start: int) -> str:
    if len(digits) <= keep_start + KEEP_END:
        return "*" * len(digits)
    return digits[:keep_start] + "*" * (len(digits) - keep_start - KEEP_END) + digits[-KEEP_END:]


def nip_masks(nips: Iterable[object]) -> dict[str, str]:
    """Each distinct NIP (spaces removed) -> its masked, grouped form, distinct for distinct NIPs.

    >>> m = nip_masks(["197106242000101001", "197107022009011001", "19770221 199511 1 001"])
    >>> m["197106242000101001"], m["197107022009011001"], m["197702211995111001"]
    ('197106** ****** * 001', '197107** ****** * 001', '1977**** ****** * 001')
    """
    digits = sorted({d for d in (nip_digits(n) for n in nips) if d})
    keep = dict.fromkeys(digits, KEEP_START)
    while True:
        forms: dict[str, list[str]] = {}
        for d in digits:
            forms.setdefault(_masked(d, keep[d]), []).append(d)
        clashes = [ds for ds in forms.values() if len(ds) > 1]
        grown = False
        for ds in clashes:
            for d in ds:
                if keep[d] + KEEP_END < len(d):
                    keep[d] += 1
                    grown = True
        if not clashes or not grown:
            return {d: grouped(_masked(d, keep[d])) for d in digits}


def nip_shown(nip: object, *, show: bool, masks: dict[str, str] | None = None) -> str:
    """A NIP as the document prints it: grouped in full when ``show``, else masked (from ``masks``,
    the document's :func:`nip_masks`, so that two people never look the same).

    >>> nip_shown("197702211995111001", show=True), nip_shown("197702211995111001", show=False)
    ('19770221 199511 1 001', '1977**** ****** * 001')
    >>> nip_shown(None, show=False)
    ''
    """
    d = nip_digits(nip)
    if not d:
        return ""
    if show:
        return grouped(d)
    return (masks or {}).get(d) or grouped(_masked(d, KEEP_START))
