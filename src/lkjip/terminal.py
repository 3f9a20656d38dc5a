"""Untrusted text shown on a terminal: control characters made visible.

A file name or a cell may hold ANSI escape sequences (``\\x1b[2J`` clears the
screen), a carriage return, or a right-to-left override: printed as they are,
they could hide a message or fake a line such as "SEMUA LOLOS". Every such
character is shown as its escape (``\\x1b``, ``\\r``, ``\\u202e``) instead.

>>> shown("ok\\x1b[2J\\rSEMUA LOLOS")
'ok\\\\x1b[2J\\\\rSEMUA LOLOS'
>>> shown("baris 1\\nbaris 2", keep_newlines=True)
'baris 1\\nbaris 2'
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidirectional controls
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character escaped; newlines (and tabs) kept when ``keep_newlines``."""
    return (_CONTROL_BUT_LINES if keep_newlines else _CONTROL).sub(_escape, str(text))
