"""The one rule for a unit's code: the name of its folder under ``data/raw``.

A unit's folder name is its code everywhere: ``lkjip run`` publishes under it,
``lkjip kabupaten`` finds units by it (:data:`UNIT_CODE`), and every read of a
unit's files goes through its folder, never through the ``kode`` written in
``unit.yaml``, which must equal it (:func:`check_kode`).

>>> [is_unit_code(n) for n in ("gedeg", "gedeg-baru", "Gedeg Baru", "../x", "_lab", ".2023-old")]
[True, True, False, False, False, False]
"""

from __future__ import annotations

import re

from lkjip.errors import ConfigError, DataError

UNIT_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: The rule in words (messages and docs/data-contract.md).
RULE = "huruf kecil a-z, angka 0-9, '-' dan '_', diawali huruf kecil atau angka"


def is_unit_code(name: str) -> bool:
    """Whether ``name`` is a valid unit code (and so a folder ``lkjip kabupaten`` reads)."""
    return bool(UNIT_CODE.match(str(name)))


def is_reserved(name: str) -> bool:
    """Folders that are not units by convention: ``_lab``, ``_kabupaten``, hidden ones."""
    return str(name).startswith(("_", "."))


def suggestion(name: str) -> str:
    """A valid code close to ``name`` (``Gedeg Baru`` -> ``gedeg-baru``), or ``""``.

    >>> suggestion("Gedeg Baru"), suggestion("../x"), suggestion("***")
    ('gedeg-baru', 'x', '')
    """
    text = re.sub(r"[^a-z0-9_-]+", "-", str(name).lower()).strip("-_")
    return text if is_unit_code(text) else ""


def check_unit_code(name: str, where: str) -> None:
    """Refuse a unit folder name that is not a valid code (:class:`ConfigError`, exit 64).

    ``where`` is the data folder, for the message.
    """
    if is_unit_code(name):
        return
    better = suggestion(name)
    raise ConfigError(
        f"nama folder unit {name!r} di {where} tidak sah: kode unit (nama foldernya) hanya boleh {RULE}; "
        "unit dengan nama seperti ini tidak dibaca oleh `lkjip kabupaten`. Ganti nama foldernya"
        + (f", mis. {better}," if better else "") + " dan samakan 'kode' di unit.yaml")


def check_kode(kode: object, folder: str, source: str) -> None:
    """``kode`` of unit.yaml must equal the unit's folder name (:class:`DataError`, exit 2)."""
    if str(kode) != str(folder):
        raise DataError(source, None, "kode",
                        f"kode unit harus sama dengan nama foldernya '{folder}' (nama folder adalah kode unit "
                        f"di mana-mana); tulis kode: {folder}", _shown(kode))


def _shown(value: object) -> str:
    r"""``value`` with control characters escaped (it is printed on a terminal).

    >>> _shown("gedeg\x1b[2J")
    'gedeg\\x1b[2J'
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(value))
