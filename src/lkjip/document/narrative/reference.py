"""A text that opens by referring back to a sentence before it ("Hal ini karena ...").

The analyst's narasi.md is cut from a signed report whose computed sentences the package drafts
anew. A section that opens with such a reference must follow the drafted sentence it refers to,
never stand alone (a dangling "Hal ini" that a Camat would not sign).
"""

from __future__ import annotations

import re

_OPENERS = re.compile(
    r"^\s*(?:hal\s+(?:ini|itu|tersebut)|ini\s+(?:karena|disebabkan|dikarenakan)|oleh\s+karena\s+itu"
    r"|karena\s+itu|dengan\s+demikian|sehingga|akibatnya)\b",
    re.IGNORECASE)


def opens_with_reference(text: str | None) -> bool:
    """Whether ``text`` opens by referring to a sentence before it.

    >>> opens_with_reference("Hal ini karena adanya pegawai yang pindah"), opens_with_reference("Pelayanan baik")
    (True, False)
    >>> opens_with_reference("  sehingga penyerapan tidak maksimal"), opens_with_reference(None)
    (True, False)
    """
    return bool(text) and _OPENERS.match(text) is not None
