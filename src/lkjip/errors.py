"""Typed errors. Every problem a user can fix names where it is.

The CLI prints these on stderr and maps them to exit codes, so a caller can
tell bad input from a bad invocation, an output it cannot write and a bug.
Every exit code of ``lkjip``:

====  ==================  ====================================================
code  name                meaning
====  ==================  ====================================================
0                         success
1     :data:`EXIT_BUG`    a bug: an error the program did not foresee (the
                          traceback is shown with ``--debug``)
2     :data:`EXIT_DATA`   bad input data: a file that cannot be read, or a
                          rule it breaks (the message names file, row, column
                          and rule); also a run that stopped on its data
64    :data:`EXIT_USAGE`  a wrong parameter (unknown unit, year without data,
                          bad year text, empty range, unknown option, a
                          unit-year already being run by another process,
                          an output folder that is a published one); an
                          environment problem (a missing notebook, a broken
                          kernel spec, an unreachable ``--scheduler``)
73    :data:`EXIT_CANTCREAT`  an output cannot be written (a read-only
                          ``reports/`` or ``data/processed/``, a full disk)
130                       interrupted (Ctrl-C)
143                       stopped by SIGTERM (:mod:`lkjip.run.signals`)
====  ==================  ====================================================

The numbers 64 and 73 are the BSD ``sysexits.h`` codes ``EX_USAGE`` and
``EX_CANTCREAT``, which shells and schedulers already know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EXIT_BUG = 1
EXIT_DATA = 2
EXIT_USAGE = 64
EXIT_CANTCREAT = 73


class LkjipError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = EXIT_BUG


class ConfigError(LkjipError):
    """A wrong parameter: unknown unit, year without data, bad option."""

    exit_code = EXIT_USAGE


class OutputError(LkjipError):
    """An output (report, processed data, scratch folder) cannot be written.

    >>> str(OutputError("reports/gedeg/2023", "izin ditolak"))
    'tidak dapat menulis reports/gedeg/2023: izin ditolak'
    """

    exit_code = EXIT_CANTCREAT

    def __init__(self, path: Path | str, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"tidak dapat menulis {path}: {reason}")

    def __reduce__(self):  # rebuilt from its fields when it crosses from a worker process
        return type(self), (self.path, self.reason)

    @classmethod
    def from_os_error(cls, exc: OSError) -> "OutputError":
        """The message of an ``OSError`` met while writing, in words (no traceback)."""
        import errno

        reasons = {errno.EACCES: "izin ditolak (folder hanya-baca?)", errno.EPERM: "izin ditolak",
                   errno.EROFS: "sistem berkas hanya-baca", errno.ENOSPC: "disk penuh",
                   errno.EDQUOT: "kuota disk habis"}
        reason = reasons.get(exc.errno, exc.strerror or type(exc).__name__)
        where = exc.filename if exc.filename is not None else "berkas keluaran"
        advice = ("kosongkan ruang disk folder itu lalu jalankan ulang" if exc.errno in (errno.ENOSPC, errno.EDQUOT)
                  else "periksa izin tulis folder itu lalu jalankan ulang")
        return cls(display_path(where) if where != "berkas keluaran" else where, f"{reason}; {advice}")


@dataclass
class DataError(LkjipError):
    """One broken rule in one place of one input file.

    ``row`` is the row number as the spreadsheet shows it (the header is
    row 1, the first data row is row 2); ``None`` when the rule concerns the
    whole file (a missing column, an unknown file).

    >>> str(DataError("ikm_survei.csv", 5, "u3", "nilai harus bilangan bulat 1..4", "5"))
    "ikm_survei.csv, baris 5, kolom 'u3': nilai harus bilangan bulat 1..4 (isi: '5')"
    """

    file: str
    row: int | None
    column: str | None
    rule: str
    value: object = None

    exit_code = EXIT_DATA

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __reduce__(self):  # rebuilt from its fields when it crosses from a worker process
        return type(self), (self.file, self.row, self.column, self.rule, self.value)

    def __str__(self) -> str:  # pragma: no branch - formatting only
        # file names, columns and cells are untrusted: control characters escaped (shown)
        parts = [shown(self.file)]
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column is not None:
            parts.append(f"kolom '{shown(self.column)}'")
        text = ", ".join(parts) + f": {shown(self.rule)}"
        if self.value is not None and str(self.value) != "":
            text += f" (isi: '{shown(self.value)}')"
        return text

    def as_dict(self) -> dict:
        return {
            "file": str(self.file),
            "row": self.row,
            "column": self.column,
            "rule": self.rule,
            "value": None if self.value is None else str(self.value),
        }


class DataErrors(LkjipError):
    """Several :class:`DataError` found in one pass, reported together.

    Reporting every bad cell at once spares the analyst a fix-rerun loop.
    """

    exit_code = EXIT_DATA

    def __init__(self, errors: list[DataError], limit: int = 50):
        self.errors = list(errors)
        self.limit = limit
        super().__init__(str(self))

    def __reduce__(self):  # rebuilt from its fields when it crosses from a worker process
        return type(self), (self.errors, self.limit)

    def __str__(self) -> str:
        shown = [f"- {e}" for e in self.errors[: self.limit]]
        more = len(self.errors) - self.limit
        if more > 0:
            shown.append(f"- ... dan {more} kesalahan lain")
        return f"{len(self.errors)} kesalahan data:\n" + "\n".join(shown)


def display_path(path: Path | str) -> str:
    """A path as short as it can be while still findable (relative to cwd)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


# --------------------------------------------------------------------------- untrusted text on a terminal
# A file name or a cell may hold ANSI escape sequences (\x1b[2J clears the screen), a carriage return, or a
# right-to-left override: printed as they are, they could hide a message or fake a line such as
# "SEMUA LOLOS". Every such character is shown as its escape instead (here, beside the errors that print
# them, so that this module stays the bottom of the package).

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
    """``text`` with every control character escaped; newlines (and tabs) kept when ``keep_newlines``.

    >>> shown("ok\\x1b[2J\\rSEMUA LOLOS")
    'ok\\\\x1b[2J\\\\rSEMUA LOLOS'
    >>> shown("baris 1\\nbaris 2", keep_newlines=True)
    'baris 1\\nbaris 2'
    """
    return (_CONTROL_BUT_LINES if keep_newlines else _CONTROL).sub(_escape, str(text))


class InstallError(LkjipError):
    """The installed package lacks a file it ships (notebooks, expectation suites): exit 1, reinstall.

    Neither bad data (2) nor a wrong parameter (64) nor an unwritable output (73): nothing the user
    did, and nothing the user's files can fix (:mod:`lkjip.inputs.project`).
    """

    exit_code = EXIT_BUG
