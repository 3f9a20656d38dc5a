"""Draft or final, and where and when the LKjIP is signed.

``lkjip run`` makes a draft by default; ``lkjip run --final`` makes the version
for signature. The place and date of signing come, in this order, from the
run's parameters (``--tempat``, ``--tanggal-tanda-tangan``), from the year's
``dokumen.csv`` row ``lkjip`` (``tempat``; ``tanggal_tercetak`` as printed, or
``tanggal``), and for the place from ``unit.yaml`` ``kota_penetapan``. The
signer is the ``penandatangan.csv`` row of ``lkjip``, else ``unit.yaml``
``pimpinan``. A final version without a signing date is refused (exit 64)
before anything runs: a document for signature must say when it is signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from lkjip.errors import ConfigError
from lkjip.contract.fmt import BULAN, fmt_date_id, is_missing
from lkjip.inputs.catalog import unit_dir
from lkjip.inputs.ingest import parse_date, read_dataset
from lkjip.inputs.unit import load_unit

DOCUMENT = "lkjip"
_MONTH_YEAR = re.compile(r"^(" + "|".join(BULAN) + r")\s+(\d{4})$", re.IGNORECASE)


@dataclass(frozen=True)
class TandaTangan:
    """The signing of a unit-year's LKjIP as the report shows it.

    ``tanggal``: the date as the document prints it ("15 Januari 2024", or
    "Januari 2024" when the data give only the month), "" when unknown;
    ``sumber_tanggal``/``sumber_tempat``: ``parameter``, ``dokumen.csv``,
    ``unit.yaml`` or "" (unknown). ``penandatangan``: nama, jabatan, pangkat, nip
    (NIP as in the data; mask it unless ``tampilkan_nip``).
    """

    final: bool
    tempat: str
    tanggal: str
    tanggal_iso: pd.Timestamp | None
    sumber_tempat: str
    sumber_tanggal: str
    penandatangan: dict = field(default_factory=dict)

    @property
    def baris(self) -> str:
        """``"Mojokerto, Januari 2024"`` (only the parts that are known)."""
        return ", ".join(p for p in (self.tempat, self.tanggal) if p)


def parse_signing_date(text: str) -> tuple[str, pd.Timestamp | None]:
    """A ``--tanggal-tanda-tangan`` value: a date (as the data contract writes dates) or "Bulan YYYY".

    >>> parse_signing_date("2024-01-15")
    ('15 Januari 2024', Timestamp('2024-01-15 00:00:00'))
    >>> parse_signing_date("januari 2024")
    ('Januari 2024', None)
    """
    value = str(text).strip()
    month = _MONTH_YEAR.match(value)
    if month:
        return f"{month.group(1).capitalize()} {month.group(2)}", None
    try:
        date = parse_date(value)
    except ValueError:
        date = None
    if date is None:
        raise ConfigError(f"tanggal tanda tangan tidak dikenali: {value!r} (contoh: 2024-01-15, 15 Januari 2024 "
                          "atau Januari 2024)")
    return fmt_date_id(date), date


def _document_rows(data_dir, unit: str, year: int) -> tuple[pd.Series | None, pd.DataFrame | None]:
    folder = unit_dir(data_dir, unit) / str(int(year))
    frames = {}
    for name in ("dokumen", "penandatangan"):
        for suffix in (".csv", ".xlsx"):
            path = folder / f"{name}{suffix}"
            if path.exists():
                frames[name] = read_dataset(path, name)
                break
    doc = frames.get("dokumen")
    row = None
    if doc is not None:
        rows = doc[doc["dokumen"].astype("string").str.strip() == DOCUMENT]
        row = rows.iloc[0] if len(rows) else None
    people = frames.get("penandatangan")
    if people is not None:
        people = people[(people["dokumen"].astype("string").str.strip() == DOCUMENT)
                        & (people["peran"].astype("string").str.strip() == "penandatangan")]
    return row, people


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def resolve_signing(data_dir, unit: str, year: int, *, final: bool = False, tanggal: str | None = None,
                    tempat: str | None = None) -> TandaTangan:
    """Where, when and by whom the LKjIP of ``unit`` ``year`` is signed (see module docstring).

    Raises :class:`~lkjip.errors.ConfigError` when ``final`` and no date is known.
    """
    info = load_unit(data_dir, unit)
    row, people = _document_rows(data_dir, unit, year)
    date_text, date, date_source = "", None, ""
    if tanggal:
        (date_text, date), date_source = parse_signing_date(tanggal), "parameter"
    elif row is not None and (_text(row["tanggal_tercetak"]) or pd.notna(row["tanggal"])):
        date = row["tanggal"] if pd.notna(row["tanggal"]) else None
        date_text, date_source = _text(row["tanggal_tercetak"]) or fmt_date_id(date), "dokumen.csv"
    place, place_source = "", ""
    if tempat:
        place, place_source = str(tempat).strip(), "parameter"
    elif row is not None and _text(row["tempat"]):
        place, place_source = _text(row["tempat"]), "dokumen.csv"
    elif info.kota_penetapan:
        place, place_source = info.kota_penetapan, "unit.yaml"
    if final and not date_text:
        raise ConfigError(
            f"{unit} {year}: versi final memerlukan tanggal tanda tangan. Isi baris 'lkjip' (kolom tanggal atau "
            f"tanggal_tercetak) di data/raw/{unit}/{year}/dokumen.csv, atau beri --tanggal-tanda-tangan "
            "(mis. 2024-01-15 atau 'Januari 2024').")
    signer = {k: _text(info.pimpinan.get(k)) for k in ("nama", "jabatan", "pangkat", "nip")}
    if people is not None and len(people):
        p = people.iloc[0]
        signer = {k: _text(p[k]) or signer.get(k, "") for k in ("nama", "jabatan", "pangkat", "nip")}
    return TandaTangan(bool(final), place, date_text, date, place_source, date_source, signer)
