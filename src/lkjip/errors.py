"""Typed errors. Every problem a user can fix names where it is.

The CLI prints these on stderr and maps them to exit codes, so a caller can
tell bad input (2) from a bad invocation (64) and from a bug (1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_BUG = 1
EXIT_DATA = 2
EXIT_USAGE = 64


class LkjipError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = EXIT_BUG


class ConfigError(LkjipError):
    """A wrong parameter: unknown unit, year without data, bad option."""

    exit_code = EXIT_USAGE


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

    def __str__(self) -> str:  # pragma: no branch - formatting only
        parts = [str(self.file)]
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column is not None:
            parts.append(f"kolom '{self.column}'")
        text = ", ".join(parts) + f": {self.rule}"
        if self.value is not None and str(self.value) != "":
            text += f" (isi: '{self.value}')"
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
