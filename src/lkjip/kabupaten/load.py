"""Read the published processed data of every unit of a kabupaten for one year.

Only what ``lkjip run`` publishes under ``<processed_dir>/<unit>/<year>/`` is
read, never a raw file (the kabupaten view compares what the units
published):

- year Y: ``indicators.csv``, ``audit.csv``, ``sakip_evaluasi.parquet``,
  ``ikm_survei.parquet``, ``anggaran.parquet``, ``lra.parquet``,
  ``pegawai.parquet``;
- year Y-1: ``sakip_evaluasi.parquet`` (the SAKIP change) and
  ``pegawai.parquet`` (vacancies need last year's positions, IP ASN its
  change).

Each file is read at most once. A unit is included when it has a folder for
Y and for Y-1 holding at least one of these files; every other unit found is
listed in :attr:`KabupatenData.dikecualikan` with the reason. A file that is
missing is a note (``catatan``), not an error: the analyses say what they
could not compute. A file that is present but unreadable, or lacks a column
the kabupaten view relies on, is a :class:`lkjip.errors.DataError` naming
the file and the column.

With ``reports_dir`` (``lkjip kabupaten`` always gives it) every file is read
only when its SHA-256 is the one the unit-year's ``run.json`` lists
(:mod:`lkjip.kabupaten.published`): a file edited after its run, or a
published file that is gone, is a :class:`lkjip.errors.DataError` naming it.

The readers' frames come back exactly as written (``baris``,
``adalah_total`` ...); nothing is corrected here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkjip.audit import AUDIT_COLUMNS
from lkjip.errors import ConfigError, DataError, display_path
from lkjip.indicators.iku import INDICATOR_COLUMNS
from lkjip.inputs.catalog import AUDIT_CSV, INDICATORS_CSV, UNIT_CODE, YEAR_DIR, default_processed_dir, processed_year_dir
from lkjip.kabupaten.published import Recorded

#: Parquet datasets read for the report year, and the columns relied on.
CURRENT_DATASETS: dict[str, tuple[str, ...]] = {
    "sakip_evaluasi": ("komponen", "bobot", "nilai"),
    "ikm_survei": tuple(f"u{i}" for i in range(1, 10)),
    "anggaran": ("kode", "uraian", "pagu", "realisasi"),
    "lra": ("kode_rekening", "uraian", "anggaran", "realisasi"),
    "pegawai": ("nip", "nama", "jabatan", "status"),
}
#: Parquet datasets read for the previous year.
PREVIOUS_DATASETS: dict[str, tuple[str, ...]] = {
    "sakip_evaluasi": CURRENT_DATASETS["sakip_evaluasi"],
    "pegawai": CURRENT_DATASETS["pegawai"],
}

#: What a missing file means for the kabupaten view (reader-facing notes).
_MISSING = {
    "sakip_evaluasi": "data evaluasi SAKIP",
    "ikm_survei": "data survei IKM",
    "anggaran": "data anggaran program/kegiatan",
    "lra": "data LRA",
    "pegawai": "data pegawai",
    INDICATORS_CSV: f"{INDICATORS_CSV} (indikator kinerja utama)",
    AUDIT_CSV: f"{AUDIT_CSV} (hasil audit angka yang dipublikasikan)",
}


@dataclass(frozen=True)
class UnitData:
    """What one unit published for the report year and the year before.

    ``data``: dataset -> frame of year ``tahun`` (only the files present);
    ``sebelumnya``: the same for ``tahun - 1`` (``sakip_evaluasi``,
    ``pegawai``); ``indikator``: indicators.csv (``None`` when absent);
    ``audit``: audit.csv (``None`` when absent); ``berkas``: every file read;
    ``catatan``: what is missing, in Bahasa Indonesia.
    """

    unit: str
    tahun: int
    data: dict[str, pd.DataFrame]
    sebelumnya: dict[str, pd.DataFrame]
    indikator: pd.DataFrame | None
    audit: pd.DataFrame | None
    berkas: tuple[Path, ...] = ()
    catatan: tuple[str, ...] = ()


@dataclass(frozen=True)
class KabupatenData:
    """The units of one report year.

    ``units``: included units by code, sorted; ``dikecualikan``: a frame
    ``unit, alasan`` of the units found but left out; ``catatan``: every
    unit's notes, prefixed with the unit code.
    """

    tahun: int
    processed_dir: Path
    units: dict[str, UnitData]
    dikecualikan: pd.DataFrame
    catatan: list[str] = field(default_factory=list)

    def current(self, dataset: str) -> dict[str, pd.DataFrame | None]:
        """Unit -> the report year's frame of ``dataset`` (``None`` when absent)."""
        return {u: d.data.get(dataset) for u, d in self.units.items()}

    def previous(self, dataset: str) -> dict[str, pd.DataFrame | None]:
        """Unit -> the previous year's frame of ``dataset`` (``None`` when absent)."""
        return {u: d.sebelumnya.get(dataset) for u, d in self.units.items()}

    def indicators(self) -> dict[str, pd.DataFrame | None]:
        """Unit -> its indicators.csv frame."""
        return {u: d.indikator for u, d in self.units.items()}

    def audits(self) -> dict[str, pd.DataFrame | None]:
        """Unit -> its audit.csv frame."""
        return {u: d.audit for u, d in self.units.items()}


def _read_parquet(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def _read_csv(path: Path) -> pd.DataFrame:
    # keep_default_na=False then explicit blanks: a text cell "NA" stays text
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _require(frame: pd.DataFrame, columns: Iterable[str], path: Path) -> None:
    for c in columns:
        if c not in frame.columns:
            raise DataError(display_path(path), None, c,
                            "kolom yang dipakai tampilan kabupaten tidak ada")


def _read(path: Path, reader: Callable[[Path], pd.DataFrame], columns: Iterable[str],
          content: bytes | None = None) -> pd.DataFrame:
    """``reader`` on ``path``, or on ``content`` (the file's bytes, already checked) when given."""
    try:
        frame = reader(path if content is None else io.BytesIO(content))
    except Exception as exc:  # noqa: BLE001 - any reader failure is a bad file
        raise DataError(display_path(path), None, None,
                        f"berkas tidak terbaca ({type(exc).__name__}: {exc})") from None
    _require(frame, columns, path)
    return frame


def _has_data(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    names = {f"{d}.parquet" for d in CURRENT_DATASETS} | {INDICATORS_CSV, AUDIT_CSV}
    return any((folder / n).is_file() for n in names)


def _years(unit_dir: Path) -> list[int]:
    return sorted(int(p.name) for p in unit_dir.iterdir()
                  if p.is_dir() and YEAR_DIR.match(p.name) and _has_data(p))


def list_processed_units(processed_dir: Path | str) -> dict[str, list[int]]:
    """Unit code -> years with published processed data, for every unit folder.

    Hidden and staging folders (``.2023-old``, ``_gagal``) are not units.
    """
    root = Path(processed_dir)
    if not root.is_dir():
        return {}
    out = {}
    for p in sorted(root.iterdir()):
        if p.is_dir() and UNIT_CODE.match(p.name):
            out[p.name] = _years(p)
    return out


def unit_files(processed_dir: Path | str, unit: str, year: int) -> list[tuple[Path, int]]:
    """Every file :func:`load_unit` reads when present, with its year."""
    year = int(year)
    cur_dir = processed_year_dir(Path(processed_dir), unit, year)
    prev_dir = processed_year_dir(Path(processed_dir), unit, year - 1)
    return ([(cur_dir / f"{n}.parquet", year) for n in CURRENT_DATASETS]
            + [(prev_dir / f"{n}.parquet", year - 1) for n in PREVIOUS_DATASETS]
            + [(cur_dir / n, year) for n in (INDICATORS_CSV, AUDIT_CSV)])


def check_published(processed_dir: Path | str, reports_dir: Path | str, units: Iterable[str], year: int) -> None:
    """Before the view runs: every file :func:`load_unit` will read of each unit (``year`` and
    ``year - 1``) has the hash its ``run.json`` lists; a :class:`DataError` naming the first that has not."""
    for unit in units:
        records = {y: Recorded(processed_dir, reports_dir, unit, y) for y in (int(year), int(year) - 1)}
        for path, y in unit_files(processed_dir, unit, year):
            if path.is_file():
                records[y].read(path)
            else:
                records[y].check_absent(path)


def load_unit(processed_dir: Path | str, unit: str, year: int,
              reports_dir: Path | str | None = None) -> UnitData:
    """Read one unit's files of ``year`` and ``year - 1`` (each file once); with
    ``reports_dir``, only files whose hash its ``run.json`` lists (see the module docstring)."""
    year = int(year)
    cur_dir = processed_year_dir(Path(processed_dir), unit, year)
    prev_dir = processed_year_dir(Path(processed_dir), unit, year - 1)
    files: list[Path] = []
    missing: dict[str, list[int]] = {}  # what is absent, with its years: one note per unit, not one per file
    records = ({y: Recorded(processed_dir, reports_dir, unit, y) for y in (year, year - 1)}
               if reports_dir is not None else {})

    def content(path: Path, y: int) -> bytes | None:
        """The checked bytes of ``path`` (None without ``reports_dir``: the reader opens it)."""
        return records[y].read(path) if records else None

    def absent(path: Path, y: int) -> None:
        if records:
            records[y].check_absent(path)

    def parquet(folder: Path, name: str, columns: tuple[str, ...], y: int) -> pd.DataFrame | None:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            absent(path, y)
            missing.setdefault(f"{name}.parquet", []).append(y)
            return None
        files.append(path)
        return _read(path, _read_parquet, columns, content(path, y))

    data = {n: f for n, c in CURRENT_DATASETS.items()
            if (f := parquet(cur_dir, n, c, year)) is not None}
    previous = {n: f for n, c in PREVIOUS_DATASETS.items()
                if (f := parquet(prev_dir, n, c, year - 1)) is not None}
    tables: dict[str, pd.DataFrame | None] = {}
    for name, columns in ((INDICATORS_CSV, INDICATOR_COLUMNS), (AUDIT_CSV, AUDIT_COLUMNS)):
        path = cur_dir / name
        if path.is_file():
            files.append(path)
            tables[name] = _read(path, _read_csv, columns, content(path, year))
        else:
            absent(path, year)
            missing.setdefault(name, []).append(year)
            tables[name] = None
    return UnitData(unit, year, data, previous, tables[INDICATORS_CSV], tables[AUDIT_CSV],
                    tuple(files), missing_note(missing))


def missing_note(missing: dict[str, list[int]]) -> tuple[str, ...]:
    """One note naming every file a unit lacks, with its years (empty when nothing is missing).

    >>> missing_note({"sakip_evaluasi.parquet": [2023, 2022], "pegawai.parquet": [2022]})
    ('tidak ada: data evaluasi SAKIP tahun 2022 dan 2023 (sakip_evaluasi.parquet); data pegawai tahun 2022 (pegawai.parquet)',)
    """
    if not missing:
        return ()
    parts = []
    for name, years in missing.items():
        stem = name.removesuffix(".parquet")
        when = " dan ".join(str(y) for y in sorted(set(years)))
        parts.append(f"{_MISSING[stem]} tahun {when}" + (f" ({name})" if name.endswith(".parquet") else ""))
    return ("tidak ada: " + "; ".join(parts),)


def load_kabupaten(year: int, processed_dir: Path | str | None = None,
                   units: Iterable[str] | None = None, *,
                   reports_dir: Path | str | None = None) -> KabupatenData:
    """Every unit under ``processed_dir`` (default ``data/processed``) with
    data for ``year`` and ``year - 1``.

    ``reports_dir`` (the published ``reports``): read each file only when its
    hash is the one its unit-year's ``run.json`` lists (a
    :class:`lkjip.errors.DataError` naming the file otherwise). Without it the
    files are read unchecked (folders built by hand, tests).

    ``units`` restricts the view to those codes; a code without any
    processed folder is a :class:`lkjip.errors.ConfigError` listing the units
    that exist. A missing ``processed_dir`` is a ``ConfigError`` too.
    """
    year = int(year)
    root = Path(processed_dir) if processed_dir is not None else default_processed_dir()
    if not root.is_dir():
        raise ConfigError(f"Folder data olahan {display_path(root)} tidak ada; jalankan dulu "
                          "`lkjip run` untuk setiap unit.")
    found = list_processed_units(root)
    if units is not None:
        wanted = [u.strip() for u in units if str(u).strip()]
        unknown = [u for u in wanted if u not in found]
        if unknown:
            known = ", ".join(found) or "(tidak ada)"
            raise ConfigError(f"Unit {', '.join(unknown)} tidak ada di {display_path(root)}. "
                              f"Unit yang ada: {known}")
        found = {u: found[u] for u in sorted(set(wanted))}
    loaded: dict[str, UnitData] = {}
    excluded = []
    for unit, years in found.items():
        have = ", ".join(map(str, years)) or "tidak ada"
        if year not in years:
            excluded.append({"unit": unit, "alasan": f"tidak ada data olahan tahun {year} "
                                                     f"(tahun yang ada: {have})"})
        elif year - 1 not in years:
            excluded.append({"unit": unit, "alasan": f"tidak ada data olahan tahun {year - 1} "
                                                     f"untuk pembanding (tahun yang ada: {have})"})
        else:
            loaded[unit] = load_unit(root, unit, year, reports_dir)
    notes = [f"{u}: {n}" for u, d in loaded.items() for n in d.catatan]
    return KabupatenData(year, root, loaded,
                         pd.DataFrame(excluded, columns=["unit", "alasan"]), notes)

