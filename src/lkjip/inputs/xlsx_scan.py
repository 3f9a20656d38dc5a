"""What an .xlsx holds, read from its zip before openpyxl loads it (zip bombs).

A workbook of a few megabytes can expand to gigabytes; openpyxl would read
it for many minutes. :func:`scan_workbook` checks the declared uncompressed
size of every zip member against :data:`lkjip.contract.limits.XLSX_MAX_UNCOMPRESSED_BYTES`
(Python's ``zipfile`` never yields more than a member declares), then streams
each sheet's XML once, counting its cells against
:data:`lkjip.contract.limits.XLSX_MAX_CELLS` and noting whether it holds a formula whose
value was not saved (then, and only then, the sheet's formulas are read too:
:func:`lkjip.inputs.cell_checks.formulas_without_value`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lkjip.contract import limits
from lkjip.errors import DataError

_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (x:c)
# a formula cell whose value was not saved: <f>..</f> or <f .../>, then no <v> or an empty one, then </c>
_UNSAVED = re.compile(rb"(?:</" + _P + rb"f>|<" + _P + rb"f\b[^>]*/>)\s*(?:<" + _P + rb"v\s*/>|<" + _P
                      + rb"v>\s*</" + _P + rb"v>)?\s*</" + _P + rb"c>")
_CHUNK = 1 << 20
_CARRY = 256


@dataclass(frozen=True)
class WorkbookScan:
    """Cells over all sheets, and whether any sheet holds a formula whose value was not saved."""

    cells: int
    unsaved_formulas: bool


def scan_workbook(path: Path, name: str) -> WorkbookScan:
    """Check a workbook's size and cell count before it is loaded; a :class:`DataError` past a limit.

    A file that is not a zip is left to openpyxl, whose error says so.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return WorkbookScan(0, False)
    with archive:
        members = archive.infolist()
        total = sum(info.file_size for info in members)
        if total > limits.XLSX_MAX_UNCOMPRESSED_BYTES:
            raise DataError(name, None, None,
                            f"berkas .xlsx terlalu besar setelah diekstrak: {_n(total)} bita, batas XLSX_MAX_UNCOMPRESSED_BYTES "
                            f"{_n(limits.XLSX_MAX_UNCOMPRESSED_BYTES)} bita (bom zip?); simpan datanya "
                            "sebagai CSV atau bagi berkasnya")
        cells, unsaved = 0, False
        for info in members:
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            try:
                counted, has_unsaved = _scan_sheet(archive, info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
                return WorkbookScan(cells, True)  # a damaged member: openpyxl says what is wrong
            cells += counted
            unsaved |= has_unsaved
            if cells > limits.XLSX_MAX_CELLS:
                raise DataError(name, None, None,
                                f"berkas .xlsx berisi lebih dari {_n(limits.XLSX_MAX_CELLS)} sel, batas XLSX_MAX_CELLS "
                                f"{_n(limits.XLSX_MAX_CELLS)} sel; simpan datanya sebagai CSV atau bagi berkasnya")
    return WorkbookScan(cells, unsaved)


def _n(value: int) -> str:
    """An integer with Indonesian thousands dots: 1.048.576."""
    return f"{value:,}".replace(",", ".")


def _scan_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, bool]:
    """(cells, holds a formula without saved value) of one sheet's XML, streamed (a tag cut by a chunk's
    end is counted once)."""
    cells, unsaved = 0, False
    carry = b""
    with archive.open(info) as fh:
        while True:
            block = fh.read(_CHUNK)
            if not block:
                break
            text = carry + block
            # the carry's own tags were counted with the block before; a tag cut by that block's end was not
            cells += len(_CELL.findall(text)) - len(_CELL.findall(carry))
            unsaved = unsaved or _UNSAVED.search(text) is not None
            carry = text[-_CARRY:]
            if cells > limits.XLSX_MAX_CELLS:
                break
    return cells, unsaved
