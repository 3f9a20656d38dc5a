"""A unit's own key indicators (IKU), declared as data in ``indikator.csv``.

Without that file a unit has the seven kecamatan IKU of :mod:`lkjip.contract.rules.indicators`
(:func:`default_declaration`), so a unit set up for an earlier contract keeps its report. With it,
each row declares one IKU: ``kode``, ``nama``, ``satuan``, ``polaritas`` (``naik``: higher is
better, ``turun``: lower is better), ``desimal``, ``rumus`` (:mod:`lkjip.indicators.formula`) and
optionally ``sumber``, ``definisi`` and the years the row is in force.

Codes are matched without case everywhere (``IKM`` is ``ikm``) and kept in lower case.

>>> [i.kode for i in default_declaration()][:3]
['ikm', 'layanan_sesuai_standar_pct', 'koordinasi_ditindaklanjuti_pct']
>>> datasets_needed(default_declaration()[:1])
('ikm_survei',)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from lkjip.contract.fmt import is_missing
from lkjip.contract.indonum import NumberFormatError, parse_number
from lkjip.contract.rules import INDICATORS
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import unit_file
from lkjip.inputs.ingest import read_dataset
from lkjip.indicators.formula import Formula, FormulaError, parse_formula

#: The built-in calculations a rumus may name: the seven kecamatan IKU, each from its dataset.
BUILTIN_CALCULATIONS: dict[str, str] = {i.id: i.source for i in INDICATORS}
#: Polarity words of the contract and the polarity names of :func:`lkjip.indicators.targets.capaian`.
POLARITIES = {"naik": "higher", "turun": "lower"}
#: A value not yet released (``realisasi.csv``): written ``n/a``; read as "belum tersedia".
NOT_AVAILABLE = {"n/a", "na", "belum tersedia"}
_CODE = re.compile(r"^[a-z0-9_]+$")
#: The dataset of the declaration and of the reported figures, as the contract names them.
DECLARATION_FILE = "indikator"
REPORTED_FILE = "realisasi"


@dataclass(frozen=True)
class Iku:
    """One declared key indicator."""

    kode: str
    nama: str
    satuan: str
    polaritas: str
    desimal: int
    formula: Formula
    sumber: str = ""
    definisi: str = ""
    berlaku_mulai: int | None = None
    berlaku_sampai: int | None = None
    #: spreadsheet row of the declaration (None for the built-in default)
    baris: int | None = field(default=None, compare=False)

    @property
    def polarity(self) -> str:
        """``higher`` or ``lower``, as the target rules name it."""
        return POLARITIES[self.polaritas]

    @property
    def builtin(self) -> str | None:
        """The built-in calculation when the rumus is exactly one, else None."""
        return self.formula.text if self.formula.text in BUILTIN_CALCULATIONS else None

    def in_force(self, year: int) -> bool:
        return ((self.berlaku_mulai is None or self.berlaku_mulai <= year)
                and (self.berlaku_sampai is None or year <= self.berlaku_sampai))


def default_declaration() -> tuple[Iku, ...]:
    """The seven kecamatan IKU, as a unit without ``indikator.csv`` has them."""
    return tuple(Iku(i.id, i.nama, i.satuan, "naik" if i.polarity == "higher" else "turun", i.decimals,
                     parse_formula(i.id), i.source_label, i.formula) for i in INDICATORS)


def normalise_code(value: object) -> str:
    """A code as every file is matched on it: trimmed, lower case.

    >>> normalise_code("  IKM ")
    'ikm'
    """
    return str(value).strip().lower() if value is not None and not is_missing(value) else ""


def declaration_from_frame(frame: pd.DataFrame, file: str) -> tuple[Iku, ...]:
    """The declared IKU of an ``indikator.csv`` frame (as the contract reader returns it).

    Every bad cell is reported at once (:class:`DataErrors`, naming file, row, column and rule):
    a code that is not letters/digits/``_``, a code declared twice for overlapping years, an
    unknown polarity, a negative or non-whole number of decimals, a rumus that does not parse.
    """
    errors: list[DataError] = []
    out: list[Iku] = []

    def bad(row: int | None, column: str, rule: str) -> None:
        errors.append(DataError(file, row, column, rule))

    for _, r in frame.iterrows():
        row = int(r["baris"]) if "baris" in r and not is_missing(r["baris"]) else None
        kode = normalise_code(r.get("kode"))
        if not kode:
            bad(row, "kode", "kode wajib diisi")
            continue
        if not _CODE.match(kode):
            bad(row, "kode", f"kode '{kode}' hanya boleh berisi huruf, angka dan garis bawah (_)")
        nama = _text(r.get("nama"))
        if not nama:
            bad(row, "nama", "nama indikator wajib diisi")
        satuan = _text(r.get("satuan"))
        if not satuan:
            bad(row, "satuan", "satuan wajib diisi (mis. indeks, persen, nilai, jumlah)")
        polaritas = _text(r.get("polaritas")).lower()
        if polaritas not in POLARITIES:
            bad(row, "polaritas", f"polaritas '{polaritas}' harus 'naik' (makin tinggi makin baik) "
                                  "atau 'turun' (makin rendah makin baik)")
        desimal = _whole(r.get("desimal"))
        if desimal is None or not 0 <= desimal <= 6:
            bad(row, "desimal", "desimal harus bilangan bulat 0 sampai 6")
        try:
            formula = parse_formula(_text(r.get("rumus")))
        except FormulaError as exc:
            bad(row, "rumus", str(exc))
            formula = None
        first, last = _whole(r.get("berlaku_mulai")), _whole(r.get("berlaku_sampai"))
        if first is not None and last is not None and last < first:
            bad(row, "berlaku_sampai", f"berlaku_sampai {last} sebelum berlaku_mulai {first}")
        if formula is not None and polaritas in POLARITIES and desimal is not None and nama and satuan:
            out.append(Iku(kode, nama, satuan, polaritas, desimal, formula, _text(r.get("sumber")),
                           _text(r.get("definisi")), first, last, row))
    errors += _overlaps(out, file)
    errors += _unknown_names(out, file)
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return tuple(out)


def _overlaps(declared: list[Iku], file: str) -> list[DataError]:
    out = []
    for i, a in enumerate(declared):
        for b in declared[:i]:
            if a.kode == b.kode and _years_overlap(a, b):
                out.append(DataError(file, a.baris, "kode", f"kode '{a.kode}' sudah dinyatakan di baris {b.baris} "
                                                           "untuk tahun yang beririsan"))
    return out


def _years_overlap(a: Iku, b: Iku) -> bool:
    lo = max(a.berlaku_mulai or -math.inf, b.berlaku_mulai or -math.inf)
    hi = min(a.berlaku_sampai or math.inf, b.berlaku_sampai or math.inf)
    return lo <= hi


def _unknown_names(declared: list[Iku], file: str) -> list[DataError]:
    """A rumus may name built-in calculations and reported quantities, not another IKU's code
    (an IKU is not a quantity: its value is computed, and a cycle would have no value)."""
    own = {i.kode for i in declared}
    out = []
    for i in declared:
        for name in i.formula.names:
            if name in own and name != i.builtin and name not in BUILTIN_CALCULATIONS:
                out.append(DataError(file, i.baris, "rumus", f"rumus memakai kode IKU '{name}'; "
                                                            "tulis besaran dari realisasi.csv atau perhitungan bawaan"))
    return out


def read_declaration(data_dir, unit: str) -> tuple[Iku, ...]:
    """The unit's declared IKU (every row, all years), or the seven kecamatan IKU when the unit has no
    ``indikator.csv``/``.xlsx``."""
    path = unit_file(data_dir, unit, DECLARATION_FILE)
    if path is None:
        return default_declaration()
    return declaration_from_frame(read_dataset(path, DECLARATION_FILE), display_path(path))


def in_force(declaration: tuple[Iku, ...], year: int) -> tuple[Iku, ...]:
    """The IKU in force in ``year``, in declaration order."""
    return tuple(i for i in declaration if i.in_force(int(year)))


def datasets_needed(declaration) -> tuple[str, ...]:
    """The datasets the declared IKU compute from, in the contract's order of the built-ins."""
    used = {name for i in declaration for name in i.formula.names if name in BUILTIN_CALCULATIONS}
    return tuple(dict.fromkeys(BUILTIN_CALCULATIONS[n] for n in BUILTIN_CALCULATIONS if n in used))


def quantities_needed(declaration) -> tuple[str, ...]:
    """Names the declared IKU read from ``realisasi.csv``: every non-built-in name of a rumus, and
    the code of each ``dilaporkan`` IKU; sorted, so messages list them in a stable order."""
    names = set()
    for i in declaration:
        if i.formula.is_reported:
            names.add(i.kode)
        names.update(n for n in i.formula.names if n not in BUILTIN_CALCULATIONS)
    return tuple(sorted(names))


@dataclass(frozen=True)
class ReportedValues:
    """The rows of a year's ``realisasi.csv`` by quantity: values (NaN for ``n/a``) and sources."""

    values: dict[str, list[float]]
    sources: dict[str, list[str]]
    not_available: frozenset[str]

    @classmethod
    def empty(cls) -> "ReportedValues":
        return cls({}, {}, frozenset())


def reported_values(frame: pd.DataFrame | None, file: str) -> ReportedValues:
    """Read a ``realisasi.csv`` frame; a ``nilai`` that is neither a number nor ``n/a`` is an error
    naming file, row and column."""
    if frame is None or not len(frame):
        return ReportedValues.empty()
    values: dict[str, list[float]] = {}
    sources: dict[str, list[str]] = {}
    na: set[str] = set()
    errors = []
    for _, r in frame.iterrows():
        row = int(r["baris"]) if "baris" in r and not is_missing(r["baris"]) else None
        name = normalise_code(r.get("besaran"))
        raw = _text(r.get("nilai"))
        if raw.lower() in NOT_AVAILABLE:
            value = math.nan
            na.add(name)
        else:
            try:
                value = parse_number(raw)
                why = "" if value is not None else "kosong"
            except NumberFormatError as exc:
                value, why = None, str(exc)
            if value is None:
                errors.append(DataError(file, row, "nilai", f"nilai '{raw}' harus angka atau 'n/a' (belum "
                                                            f"tersedia): {why}"))
                continue
        values.setdefault(name, []).append(float(value))
        sources.setdefault(name, []).append(_text(r.get("sumber")))
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return ReportedValues(values, sources, frozenset(na))


def _text(value: object) -> str:
    return "" if value is None or is_missing(value) else str(value).strip()


def _whole(value: object) -> int | None:
    if value is None or is_missing(value) or str(value).strip() == "":
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return -1
    return int(number) if number.is_integer() else -1
