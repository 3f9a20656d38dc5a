"""Readers: the analysts' CSV/XLSX files in, typed tidy frames out.

One generic reader, driven by :data:`lkjip.schema.DATASETS`, serves every
dataset, so each rule (header matching, number forms, personal data, row
numbers) is written once:

- headers are matched case-, space- and underscore-insensitively
  (``Tidak Sesuai Standar`` is ``tidak_sesuai_standar``);
- numbers go through :func:`lkjip.indonum.parse_number`;
- only the contract's columns are kept, so a personal-data column (``nama``,
  ``nik``, ``telepon`` ... in the survey) never leaves the reader;
- every row keeps ``baris``, its row number as the spreadsheet shows it;
- every bad cell of the file is reported at once, as :class:`DataErrors`.

>>> from lkjip.ingest import normalise_header
>>> normalise_header(" Tidak Sesuai  Standar ")
'tidaksesuaistandar'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pandas as pd

from .errors import DataError, DataErrors, display_path
from .files import staging_dir, swap_into_place
from .layout import processed_year_dir, unit_file, year_files
from .indonum import NumberFormatError, parse_integer, parse_number
from .schema import DATASETS, KIND_DTYPES, TOTAL_LABELS, UNIT_DATASETS_V2, Dataset

_HEADER_NOISE = re.compile(r"[\s_\-\.]+")
_PLAIN_INT = r"-?\d+"
_MONTHS_ID = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "agust": 8, "september": 9, "sep": 9, "okt": 10, "oktober": 10,
    "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}
_DATE_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_TEXT = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
MAX_ERRORS = 200


def normalise_header(name: object) -> str:
    """Header key used for matching: lower case, no spaces, underscores, dots or dashes."""
    return _HEADER_NOISE.sub("", str(name or "").strip().lower())


# ---------------------------------------------------------------- raw cells

def read_cells(path: Path) -> tuple[list[str], pd.DataFrame]:
    """The file's header and its data cells (object dtype), with ``baris``.

    Fully blank rows are dropped, but the row numbers of the others stay as
    the spreadsheet shows them.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header, frame = _read_csv(path)
    elif suffix == ".xlsx":
        header, frame = _read_xlsx(path)
    else:
        raise DataError(display_path(path), None, None, "format berkas harus .csv atau .xlsx")
    if frame.empty:
        return header, frame
    cells = frame.drop(columns="baris")
    if frame.attrs.get("all_text"):
        # CSV cells are all strings: compare whole columns at once (a million rows in well under a second).
        blank = pd.Series(True, index=frame.index)
        for column in cells.columns:
            col = cells[column]
            blank &= (col == "") | (col.str.strip() == "")
    else:
        blank = cells.apply(lambda col: col.map(_is_blank)).all(axis=1)
    kept = frame.loc[~blank].reset_index(drop=True)
    kept.attrs.update(frame.attrs)
    return header, kept


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and value.strip() == "")


def _read_csv(path: Path) -> tuple[list[str], pd.DataFrame]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets saved on Windows often use cp1252; say so rather than guess silently.
        raise DataError(display_path(path), None, None, "berkas CSV harus berenkode UTF-8 (simpan ulang sebagai 'CSV UTF-8')")
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    if not first_line.strip():
        raise DataError(display_path(path), 1, None, "baris 1 harus berisi nama kolom")
    # Arrow-backed strings keep the vectorised string operations below fast
    # (a million-row survey reads in seconds, not minutes).
    frame = pd.read_csv(
        io.StringIO(text), sep=delimiter, dtype="string[pyarrow]", keep_default_na=False,
        skip_blank_lines=False, header=0, quoting=csv.QUOTE_MINIMAL, engine="c",
    )
    header = [str(c) for c in frame.columns]
    frame.columns = range(len(header))
    frame = frame.fillna("")
    frame["baris"] = range(2, len(frame) + 2)
    frame.attrs["all_text"] = True
    return header, frame


def _read_xlsx(path: Path) -> tuple[list[str], pd.DataFrame]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise DataError(display_path(path), None, None, f"berkas .xlsx tidak dapat dibuka: {exc}") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            raise DataError(display_path(path), 1, None, "lembar pertama kosong: baris 1 harus berisi nama kolom")
        width = len(header_row)
        while width and _is_blank(header_row[width - 1]):
            width -= 1
        header = ["" if h is None else str(h) for h in header_row[:width]]
        data = []
        for number, row in enumerate(rows, start=2):
            cells = list(row[:width]) + [None] * max(0, width - len(row))
            data.append(cells + [number])
    finally:
        book.close()
    frame = pd.DataFrame(data, columns=[*range(len(header)), "baris"], dtype=object)
    return header, frame


# ---------------------------------------------------------------- typed frame

def read_dataset(path: Path, dataset: str | Dataset, *, source_name: str | None = None) -> pd.DataFrame:
    """Read one dataset file into its typed, tidy frame.

    ``source_name`` is how errors name the file (defaults to a path relative
    to the working directory). Raises :class:`DataError`/:class:`DataErrors`.
    """
    spec = DATASETS[dataset] if isinstance(dataset, str) else dataset
    name = source_name or display_path(path)
    header, cells = read_cells(path)
    columns = _match_columns(header, spec, name)
    errors: list[DataError] = []
    all_text = bool(cells.attrs.get("all_text"))
    out = pd.DataFrame({"baris": cells["baris"].astype("int64")})
    for column in spec.columns:
        if column.name in columns:
            values = cells[columns[column.name]]
            out[column.name] = _convert(values, column.kind, cells["baris"], name, column.name, errors, all_text)
        else:
            out[column.name] = pd.Series([None] * len(cells), dtype=KIND_DTYPES[column.kind])
    if errors:
        if len(errors) == 1:
            raise errors[0]
        raise DataErrors(errors)
    if spec.label_column:
        labels = out[spec.label_column].fillna("").str.strip().str.lower()
        out["adalah_total"] = labels.isin(TOTAL_LABELS).astype(bool)
    out = out.reset_index(drop=True)
    # Only the names of ignored columns are kept (never their values): the
    # survey's name/phone columns end here.
    known = {normalise_header(c.name) for c in spec.columns}
    out.attrs["kolom_diabaikan"] = [h for h in header if normalise_header(h) and normalise_header(h) not in known]
    return out


def _match_columns(header: list[str], spec: Dataset, name: str) -> dict[str, int]:
    by_key: dict[str, int] = {}
    for index, title in enumerate(header):
        key = normalise_header(title)
        if not key:
            continue
        if key in by_key:
            raise DataError(name, 1, title, "nama kolom muncul dua kali")
        by_key[key] = index
    wanted = {normalise_header(c.name): c.name for c in spec.columns}
    missing = [c.name for c in spec.columns if c.required and normalise_header(c.name) not in by_key]
    if missing:
        raise DataErrors([
            DataError(name, 1, m, f"kolom wajib '{m}' tidak ada; kolom wajib {spec.name}: {', '.join(spec.required)}")
            for m in missing
        ]) if len(missing) > 1 else DataError(
            name, 1, missing[0], f"kolom wajib '{missing[0]}' tidak ada; kolom wajib {spec.name}: {', '.join(spec.required)}"
        )
    return {wanted[key]: index for key, index in by_key.items() if key in wanted}


def _convert(values: pd.Series, kind: str, rows: pd.Series, file: str, column: str,
             errors: list[DataError], all_text: bool = False) -> pd.Series:
    if kind == "text":
        if all_text:
            return _clean_text(values)
        as_text = values.map(lambda v: None if _is_blank(v) else _text(v))
        return as_text.astype("string")
    if kind in ("integer", "number"):
        return _convert_numbers(values, kind, rows, file, column, errors, all_text)
    if kind == "date":
        return _convert_dates(values, rows, file, column, errors, all_text)
    raise ValueError(f"unknown column kind {kind!r}")


def _clean_text(values: pd.Series) -> pd.Series:
    """Collapse runs of white space and trim, in Arrow (vectorised); blank -> <NA>."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(values.astype("string[pyarrow]"), type=pa.large_string(), from_pandas=True)
    array = pc.utf8_trim_whitespace(pc.replace_substring_regex(array, r"\s+", " "))
    text = pd.Series(array.to_pandas(), index=values.index).astype("string")
    return text.mask(text == "")


def _convert_dates(values, rows, file, column, errors, all_text) -> pd.Series:
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    pending = values.index
    if all_text:
        # ISO dates, the common case, in one vectorised pass; the rest cell by cell.
        text = values.str.strip()
        iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        result[iso.notna()] = iso[iso.notna()].astype("datetime64[ns]")
        pending = values.index[iso.isna() & (text != "")]
    for index in pending:
        value = values[index]
        try:
            parsed = parse_date(value)
        except ValueError as exc:
            _add(errors, DataError(file, int(rows[index]), column, str(exc), value))
            continue
        if parsed is not None:
            result[index] = parsed
    return result


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an xlsx cell typed as number, e.g. a NIP
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return re.sub(r"\s+", " ", str(value)).strip()


def _convert_numbers(values, kind, rows, file, column, errors, all_text=False) -> pd.Series:
    dtype = KIND_DTYPES[kind]
    as_str = values if all_text else values.map(lambda v: v if isinstance(v, str) else None)
    # Fast path for the common case (plain integers, e.g. survey answers of a
    # million respondents); everything else goes through the one parser.
    fast = as_str.notna() & as_str.fillna("").str.strip().str.fullmatch(_PLAIN_INT)
    result = pd.Series(float("nan"), index=values.index, dtype="float64")
    if fast.any():
        result[fast] = as_str[fast].str.strip().astype("int64").astype("float64")
    parse = parse_integer if kind == "integer" else parse_number
    pending = values.index[~fast]
    if all_text:
        pending = values.index[~fast & (as_str.str.strip() != "")]
    for index in pending:
        value = values[index]
        try:
            number = parse(value)
        except NumberFormatError as exc:
            what = "bilangan bulat" if kind == "integer" else "angka"
            _add(errors, DataError(file, int(rows[index]), column, f"harus {what}: {exc}", value))
            continue
        if number is not None:
            result[index] = number
    if kind == "integer":
        return result.astype("Int64")
    return result.astype(dtype)


def _add(errors: list[DataError], error: DataError) -> None:
    if len(errors) < MAX_ERRORS:
        errors.append(error)


def parse_date(value: object) -> pd.Timestamp | None:
    """A date cell: xlsx date, ISO ``2023-01-31``, ``31/01/2023`` or ``31 Januari 2023``.

    >>> parse_date("31/01/2023")
    Timestamp('2023-01-31 00:00:00')
    >>> parse_date("5 Agustus 2023")
    Timestamp('2023-08-05 00:00:00')
    """
    if _is_blank(value):
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return pd.Timestamp(value).normalize()
    text = str(value).strip()
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_DMY, "dmy")):
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, map(int, m.groups()[:3])))
            return _make_date(parts["y"], parts["m"], parts["d"])
    m = _DATE_TEXT.match(text)
    if m and m.group(2).lower() in _MONTHS_ID:
        return _make_date(int(m.group(3)), _MONTHS_ID[m.group(2).lower()], int(m.group(1)))
    raise ValueError("harus tanggal, mis. 2023-01-31, 31/01/2023 atau 31 Januari 2023")


def _make_date(year: int, month: int, day: int) -> pd.Timestamp:
    try:
        return pd.Timestamp(dt.date(year, month, day))
    except ValueError:
        raise ValueError(f"tanggal tidak ada di kalender: {day}/{month}/{year}") from None


# ---------------------------------------------------------------- a unit-year

def read_year(data_dir: Path, unit: str, year: int) -> tuple[dict[str, pd.DataFrame], dict[str, Path]]:
    """Read every dataset file of a year; errors of all files are reported together."""
    files = year_files(data_dir, unit, year)
    frames: dict[str, pd.DataFrame] = {}
    errors: list[DataError] = []
    for name, path in files.items():
        try:
            frames[name] = read_dataset(path, name)
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return frames, files


def read_unit_table(data_dir: Path, unit: str, name: str, year: int | None = None) -> pd.DataFrame | None:
    """A unit-level table (``targets``, ``published``, the v2 period files), or None when absent.

    With ``year``, a period file (:attr:`~lkjip.schema.Dataset.period`) keeps
    only the rows valid in that year (:func:`rows_for_year`).
    """
    path = unit_file(data_dir, unit, name)
    if path is None:
        return None
    frame = read_dataset(path, name)
    return frame if year is None else rows_for_year(frame, name, year)


def rows_for_year(frame: pd.DataFrame, dataset: str | Dataset, year: int) -> pd.DataFrame:
    """The rows of a period file valid in ``year``: first <= year <= last, a blank bound is open.

    Datasets without period columns are returned whole.

    >>> df = pd.DataFrame({"uraian": ["lama", "baru", "selalu"],
    ...                    "berlaku_mulai": pd.array([2016, 2022, None], dtype="Int64"),
    ...                    "berlaku_sampai": pd.array([2021, None, None], dtype="Int64")})
    >>> rows_for_year(df, "organisasi", 2023)["uraian"].tolist()
    ['baru', 'selalu']
    """
    spec = DATASETS[dataset] if isinstance(dataset, str) else dataset
    if not spec.period:
        return frame
    first, last = spec.period
    keep = pd.Series(True, index=frame.index)
    if first in frame:
        start = pd.to_numeric(frame[first], errors="coerce")
        keep &= start.isna() | (start <= int(year))
    if last in frame:
        end = pd.to_numeric(frame[last], errors="coerce")
        keep &= end.isna() | (end >= int(year))
    return frame[keep.astype(bool)].reset_index(drop=True)


def read_unit_tables_v2(data_dir: Path, unit: str, year: int) -> tuple[dict[str, pd.DataFrame], dict[str, Path]]:
    """The contract-v2 unit-level files present, each with the rows valid in ``year``, and their paths.

    Errors of all files are reported together, as for a year folder.
    """
    frames: dict[str, pd.DataFrame] = {}
    files: dict[str, Path] = {}
    errors: list[DataError] = []
    for name in UNIT_DATASETS_V2:
        path = unit_file(data_dir, unit, name)
        if path is None:
            continue
        try:
            frames[name] = rows_for_year(read_dataset(path, name), name, year)
            files[name] = path
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return frames, files


def write_processed(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write frames as Parquet, replacing the folder's datasets in one move.

    The new files are written beside the target first, so a failure leaves
    what an earlier run wrote as it was.
    """
    out_dir = Path(out_dir)
    staging = staging_dir(out_dir)
    try:
        if out_dir.exists():
            for old in out_dir.iterdir():
                if old.is_file() and old.suffix != ".parquet":
                    shutil.copy2(old, staging / old.name)
        written = []
        for name in sorted(frames):
            target = staging / f"{name}.parquet"
            frames[name].to_parquet(target, index=False)
            written.append(out_dir / target.name)
        swap_into_place(staging, out_dir)
        return written
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def read_processed(processed_dir: Path, unit: str, year: int) -> dict[str, pd.DataFrame]:
    """The Parquet frames an ingest wrote for a unit-year."""
    folder = processed_year_dir(processed_dir, unit, year)
    return {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}


def ingest_year(data_dir: Path, unit: str, year: int, processed_dir: Path) -> dict[str, pd.DataFrame]:
    """Read a unit-year's raw files and write their Parquet; return the frames."""
    frames, _ = read_year(data_dir, unit, year)
    write_processed(frames, processed_year_dir(processed_dir, unit, year))
    return frames
