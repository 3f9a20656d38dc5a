"""The files a unit-year's run depends on, hashed one by one.

The fingerprint of a run (:func:`lkjip.run.pipeline.fingerprints`) is made from a
:class:`Snapshot` of these files: the unit's raw files (every year), the
notebooks of its steps, the package's code and assets and the expectation
suites. The pipeline takes one snapshot when the run starts and another just
before publishing: a file edited, added or removed in between means the
reports would mix two states of the data, so the publish is refused
(:func:`changed_message`) and the earlier published state stays as it was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lkjip import ASSETS_DIR, PACKAGE_DIR
from lkjip.inputs.files import is_inside
from lkjip.inputs.project import project_files

#: The hash recorded for a file that does not exist (a notebook of the chain that is missing).
ABSENT = "-"


@dataclass(frozen=True)
class Snapshot:
    """``{path relative to "/": SHA-256}`` of every input file, in a fixed order."""

    hashes: dict[str, str]

    def digest(self) -> str:
        """One SHA-256 over the sorted (path, SHA-256) pairs (as :func:`lkjip.inputs.provenance.hash_inputs`)."""
        digest = hashlib.sha256()
        for name, file_hash in sorted(self.hashes.items()):
            digest.update(name.encode("utf-8") + b"\0" + file_hash.encode("ascii") + b"\n")
        return digest.hexdigest()

    def changes(self, later: "Snapshot") -> list[str]:
        """The files (absolute paths) edited, added or removed between ``self`` and ``later``, sorted."""
        names = set(self.hashes) | set(later.hashes)
        return sorted("/" + n.lstrip("/") for n in names if self.hashes.get(n) != later.hashes.get(n))


def input_files(data_dir: Path, unit: str, notebooks: list[Path]) -> list[Path]:
    """Every file a unit-year's reports depend on (see module docstring)."""
    files = [p for p in sorted((Path(data_dir) / unit).rglob("*")) if p.is_file()]
    kabupaten = Path(data_dir) / "_kabupaten" / "sakip_opd.csv"  # the SAKIP analysis compares OPD
    if kabupaten.is_file():
        files.append(kabupaten)
    files += list(notebooks)
    files += sorted(PACKAGE_DIR.rglob("*.py"))
    files += sorted(ASSETS_DIR.glob("*"))
    files += sorted(project_files("expectations").glob("*.json"))
    return files


def take(files: list[Path]) -> Snapshot:
    """Hash ``files``; a file that does not exist is recorded as :data:`ABSENT`.

    A file that exists but cannot be read raises its ``OSError`` (with the file name).
    """
    from lkjip.inputs.provenance import _rel, sha256_file  # deferred: imports pandas

    hashes = {}
    for path in files:
        path = Path(path)
        try:
            hashes[_rel(path, Path("/"))] = sha256_file(path)
        except FileNotFoundError:
            hashes[_rel(path, Path("/"))] = ABSENT
        except OSError as exc:  # a read error (EIO) carries no file name: give it one
            if exc.filename:
                raise
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    return Snapshot(hashes)


def changed_message(unit: str, year: int, changed: list[str], data_dir: Path) -> str:
    """Why a run whose inputs changed while it ran is not published, naming the files."""
    names = [shown(Path(p)) for p in changed[:10]]
    more = f" dan {len(changed) - 10} berkas lain" if len(changed) > 10 else ""
    in_data = any(is_inside(Path(p), Path(data_dir)) for p in changed)
    what = "data masukan" if in_data else "berkas program (notebook, kode atau aturan validasi)"
    return (f"{unit} {year}: GAGAL: {what} berubah selama proses berjalan: {', '.join(names)}{more}; "
            "laporan tidak diterbitkan (isinya akan mencampur dua keadaan data), terbitan sebelumnya tetap utuh. "
            "Jalankan ulang setelah berkas selesai diubah")


def shown(path: Path) -> str:
    """``path`` for a message: relative to the working directory when inside it, its last part
    (a symbolic link) not followed, control characters escaped."""
    path = Path(path)
    try:
        text = str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        text = str(path)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
