"""A unit's published processed files, read only when they are what its run recorded.

``lkjip run`` records in ``<reports>/<unit>/<year>/run.json`` the SHA-256 of every
file it published (``"published": {"processed/<file>": sha256, ...}``,
:func:`lkjip.inputs.published_state.published_digest`). The kabupaten view reads a unit's
processed file only through :meth:`Recorded.read`: the bytes are read once,
hashed, compared with that record and parsed from the same bytes (no window
between the check and the read). A file edited by hand after its run, a file
the run did not publish, a file the run published but that is gone, a unit-year
without ``run.json`` or whose ``run.json`` lists no hashes: each is a
:class:`lkjip.errors.DataError` naming the file, and the whole view fails
(exit 2; the earlier view stays as it was). The view is never built from a part
of the units without saying so: leave a unit out with ``--units`` or publish it
again with ``lkjip run``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lkjip.errors import DataError, display_path
from lkjip.inputs.catalog import processed_year_dir, reports_year_dir
from lkjip.inputs.published_state import RUN_RECORD

#: The rule named in every message of this module.
RULE = "hash SHA-256 harus sama dengan yang dicatat run.json terbitan `lkjip run`"


class Recorded:
    """The processed files of one published unit-year and the hashes its ``run.json`` lists."""

    def __init__(self, processed_dir: Path | str, reports_dir: Path | str, unit: str, year: int):
        self.unit, self.year = unit, int(year)
        self.folder = processed_year_dir(Path(processed_dir), unit, self.year)
        self.record_path = reports_year_dir(Path(reports_dir), unit, self.year) / RUN_RECORD
        self._digests: dict[str, str] | None = None

    def _again(self) -> str:
        return (f"terbitkan ulang dengan `lkjip run --unit {self.unit} --year {self.year}`, "
                f"atau jalankan tanpa unit ini (--units dengan unit-unit lainnya)")

    @property
    def digests(self) -> dict[str, str]:
        """``{"processed/<file>": sha256}`` from ``run.json`` (read once)."""
        if self._digests is None:
            try:
                record = json.loads(self.record_path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise DataError(display_path(self.record_path), None, None,
                                f"tidak ada: data olahan {self.unit} {self.year} tidak dapat diperiksa "
                                f"({RULE}); {self._again()}") from None
            except (OSError, ValueError) as exc:
                raise DataError(display_path(self.record_path), None, None,
                                f"tidak terbaca ({type(exc).__name__}); {self._again()}") from None
            published = record.get("published") if isinstance(record, dict) else None
            if not isinstance(published, dict):
                raise DataError(display_path(self.record_path), None, None,
                                f"tidak mencatat hash berkas terbitan (kunci 'published'); {self._again()}")
            self._digests = {k: str(v) for k, v in published.items() if str(k).startswith("processed/")}
        return self._digests

    def _key(self, path: Path) -> str:
        return "processed/" + Path(path).relative_to(self.folder).as_posix()

    def read(self, path: Path) -> bytes:
        """The bytes of ``path`` (a file of this unit-year) when their hash is the recorded one."""
        path = Path(path)
        expected = self.digests.get(self._key(path))
        if expected is None:
            raise DataError(display_path(path), None, None,
                            f"tidak tercatat di {display_path(self.record_path)} (bukan terbitan `lkjip run`; "
                            f"{RULE}); {self._again()}")
        data = path.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            raise DataError(display_path(path), None, None,
                            f"isi berkas berubah setelah diterbitkan: SHA-256 {actual[:12]}…, "
                            f"{display_path(self.record_path)} mencatat {expected[:12]}… ({RULE}); "
                            f"{self._again()}")
        return data

    def check_absent(self, path: Path) -> None:
        """A file the view would read is missing: an error when the run published it."""
        if self._key(path) in self.digests:
            raise DataError(display_path(path), None, None,
                            f"tidak ada, padahal {display_path(self.record_path)} mencatatnya sebagai terbitan "
                            f"(dihapus setelah diterbitkan?); {self._again()}")

