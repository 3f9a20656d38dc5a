"""Readers: the analysts' CSV/XLSX files in, typed tidy frames out.

One generic reader, driven by :data:`lkjip.contract.schema.DATASETS`, serves every
dataset, so each rule (header matching, number forms, personal data, row
numbers) is written once:

- headers are matched case-, space- and underscore-insensitively
  (``Tidak Sesuai Standar`` is ``tidak_sesuai_standar``);
- numbers go through :func:`lkjip.contract.indonum.parse_number`;
- only the contract's columns are kept, so a personal-data column (``nama``,
  ``nik``, ``telepon`` ... in the survey) never leaves the reader;
- every row keeps ``baris``, its row number as the spreadsheet shows it;
- files are read by :mod:`lkjip.inputs.cells` (encodings, field counts, the header
  row and sheet of a workbook);
- two rows with the same natural key (:attr:`lkjip.contract.schema.Dataset.key`) are
  an error naming both rows: a repeated row would be counted twice;
- every bad cell of the file, and every repeated key, is reported at once, as
  :class:`DataErrors`; a file that cannot be read at all (encoding, a row
  with too many fields, permissions, a damaged workbook) is one
  :class:`DataError` naming the file and, where there is one, the row.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pandas as pd

from lkjip.inputs.cells import _add, _is_blank, normalise_header, read_cells
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs import cache as memo
from lkjip.inputs.files import staging_dir, swap_into_place
from lkjip.inputs.catalog import processed_year_dir, unit_file, year_files
from lkjip.contract import limits
from lkjip.contract.indonum import NumberFormatError, parse_integer, parse_number
from lkjip.contract.schema import DATASETS, KIND_DTYPES, TOTAL_LABELS, OPTIONAL_UNIT_DATASETS, Dataset
from lkjip.inputs.file_checks import check_input
from lkjip.inputs.provenance import sha256_file

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


# ---------------------------------------------------------------- typed frame

#: Files read without error in this process, by content (:mod:`lkjip.inputs.cache`): the notebooks of a
#: unit-year (and a warm worker's next unit-years) read the same unit and year files again.
_READS = memo.Memo(256)
#: Files larger than this are read every time (a large survey is read once per run anyway).
_MEMO_MAX_BYTES = 16 << 20


def read_dataset(path: Path, dataset: str | Dataset, *, source_name: str | None = None,
                 collect: list[DataError] | None = None) -> pd.DataFrame:
    """Read one dataset file into its typed, tidy frame.

    ``source_name`` is how errors name the file (defaults to a path relative
    to the working directory). Raises :class:`DataError`/:class:`DataErrors`.
    With ``collect`` (a list), the errors of single cells and repeated keys
    are appended to it instead and the frame is returned with those cells
    blank, so that the expectation suites can report the file's other
    problems in the same pass (:func:`lkjip.validation.check_files`); a file
    that cannot be read at all still raises.

    A file read without any error is kept for the process, keyed by its bytes
    and the dataset's contract: reading the same bytes again returns a copy
    of that frame (an edited file is read anew). Files with errors are always
    read, so every error is reported every time.
    """
    spec = DATASETS[dataset] if isinstance(dataset, str) else dataset
    check_input(path)  # hashing the bytes below would block on a FIFO: refused before anything opens it
    key = _read_key(path, spec)
    got = _READS.get(key)
    if got is not memo.MISSING:
        return got
    found: list[DataError] = []
    out = _read_dataset(path, spec, source_name=source_name, collect=found if collect is not None else None)
    if collect is not None:
        collect.extend(found)
    # kept only when the bytes did not change while they were read
    if not found and key is not None and _read_key(path, spec) == key:
        _READS.put(key, out)
    return out


def _read_key(path: Path, spec: Dataset) -> str | None:
    try:
        path = Path(path)
        if path.stat().st_size > _MEMO_MAX_BYTES:
            return None

        # not the path: a frame read without error is made of the bytes alone (the path only names
        # the file in errors, and a file with errors is never kept), read as CSV or as a workbook,
        # under the limits that would refuse it (lkjip.contract.limits)
        bounds = (limits.CSV_FIELD_MAX_CHARS, limits.XLSX_MAX_UNCOMPRESSED_BYTES, limits.XLSX_MAX_CELLS)
        return f"{path.suffix.lower()}|{bounds}|{sha256_file(path)}|{spec!r}"
    except OSError:
        return None


def _read_dataset(path: Path, spec: Dataset, *, source_name: str | None,
                  collect: list[DataError] | None) -> pd.DataFrame:
    name = source_name or display_path(path)
    header, cells = read_cells(path, spec)
    if cells.attrs.get("lembar_ke", 1) > 1:
        name = f"{name} (lembar '{cells.attrs['lembar']}')"
    header_row = int(cells.attrs.get("baris_judul", 1))
    columns = _match_columns(header, spec, name, header_row)
    if cells.empty and not spec.may_be_empty:
        raise DataError(name, None, None,
                        f"berkas tidak berisi satu baris data pun (hanya judul kolom): {spec.title} tanpa "
                        f"{spec.one_row_per} sama dengan berkas yang tidak ada")
    errors: list[DataError] = []
    all_text = bool(cells.attrs.get("all_text"))
    out = pd.DataFrame({"baris": cells["baris"].astype("int64")})
    for column in spec.columns:
        if column.name in columns:
            values = cells[columns[column.name]]
            out[column.name] = _convert(values, column.kind, cells["baris"], name, column.name, errors, all_text)
        else:
            out[column.name] = pd.Series([None] * len(cells), dtype=KIND_DTYPES[column.kind])
    if spec.label_column:
        labels = out[spec.label_column].fillna("").str.strip().str.lower()
        out["adalah_total"] = labels.isin(TOTAL_LABELS).astype(bool)
    out = out.reset_index(drop=True)
    errors += duplicate_key_errors(out, spec, name, skip_rows={e.row for e in errors})
    if errors:
        if collect is None:
            raise errors[0] if len(errors) == 1 else DataErrors(errors)
        collect.extend(errors)
    # Only the names of ignored columns are kept (never their values): the
    # survey's name/phone columns end here.
    known = {normalise_header(c.name) for c in spec.columns}
    out.attrs["kolom_diabaikan"] = [h for h in header if normalise_header(h) and normalise_header(h) not in known]
    for key in ("lembar", "baris_judul"):
        if key in cells.attrs:
            out.attrs[key] = cells.attrs[key]
    return out


def natural_key(frame: pd.DataFrame, spec: Dataset) -> pd.Series:
    """Each row's natural key as one comparable text, ``<NA>`` for rows outside the key.

    Text is compared without case and with single spaces; printed totals and
    rows whose key cells are all blank are outside the key.

    >>> df = pd.DataFrame({"nama": ["Mantap", "MANTAP ", None], "nomor_sk": ["1/2023", "1/2023", None]})
    >>> natural_key(df, DATASETS["inovasi"]).tolist()
    ['mantap | 1/2023', 'mantap | 1/2023', <NA>]
    """
    columns = [c for c in spec.key_columns if c in frame.columns]
    if not columns or frame.empty or all(frame[c].isna().all() for c in columns):
        # no key cell filled (a survey without respondent ids): nothing to compare, at no cost
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    parts, blank = [], pd.Series(True, index=frame.index)
    for column in columns:
        values = frame[column]
        if spec.column(column).kind == "date":
            text = values.dt.strftime("%Y-%m-%d").astype("string")
        elif spec.column(column).kind in ("integer", "number"):
            text = values.map(lambda v: None if pd.isna(v) else repr(float(v))).astype("string")
        else:
            text = values.astype("string").str.split().str.join(" ").str.casefold()
        text = text.mask(text == "")
        blank &= text.isna()
        parts.append(text.fillna(""))
    key = parts[0]
    for part in parts[1:]:
        key = key + " | " + part
    outside = blank
    if "adalah_total" in frame.columns:
        outside = outside | frame["adalah_total"].fillna(False).astype(bool)
    return key.astype("string").mask(outside)


def duplicate_key_errors(frame: pd.DataFrame, spec: Dataset, file: str, *,
                         skip_rows: set | frozenset = frozenset()) -> list[DataError]:
    """One error per row whose natural key repeats an earlier row's (both rows named).

    Rows in ``skip_rows`` (a cell of them could not be read) are left out, so a
    blanked bad cell never looks like a repetition.
    """
    key = natural_key(frame, spec)
    if key.isna().all():
        return []
    if skip_rows:
        key = key.mask(frame["baris"].isin(list(skip_rows)))
    dup = key.notna() & key.duplicated(keep=False)
    if not dup.any():
        return []
    columns = spec.key_columns
    first_row: dict[str, int] = {}
    errors: list[DataError] = []
    for index in frame.index[dup]:
        k, row = key[index], int(frame.at[index, "baris"])
        if k not in first_row:
            first_row[k] = row
            continue
        shown = ", ".join(f"{c}={frame.at[index, c]}" for c in columns if not _is_blank_value(frame.at[index, c]))
        _add(errors, DataError(
            file, row, ", ".join(columns),
            f"baris ini mengulang baris {first_row[k]} (kunci {' + '.join(columns)} sama): setiap "
            f"{spec.one_row_per} hanya boleh tercatat sekali, kalau tidak terhitung dua kali; "
            f"hapus salah satu baris {first_row[k]} atau {row}", shown))
    return errors


def _is_blank_value(value: object) -> bool:
    try:
        return bool(pd.isna(value)) or (isinstance(value, str) and not value.strip())
    except (TypeError, ValueError):
        return False


def _match_columns(header: list[str], spec: Dataset, name: str, header_row: int = 1) -> dict[str, int]:
    by_key: dict[str, int] = {}
    for index, title in enumerate(header):
        key = normalise_header(title)
        if not key:
            continue
        if key in by_key:
            raise DataError(name, header_row, title, "nama kolom muncul dua kali")
        by_key[key] = index
    wanted = {normalise_header(c.name): c.name for c in spec.columns}
    missing = [c.name for c in spec.columns if c.required and normalise_header(c.name) not in by_key]
    if missing:
        found = ", ".join(h for h in header if normalise_header(h)) or "(tidak ada)"
        where = f" (judul kolom dibaca di baris {header_row})" if header_row != 1 else ""
        errors = [DataError(name, header_row, m,
                            f"kolom wajib '{m}' tidak ada; kolom wajib {spec.name}: {', '.join(spec.required)}; "
                            f"kolom yang ada{where}: {found}")
                  for m in missing]
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
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
            reason = str(exc)
            # "harus bilangan bulat" once, not "harus bilangan bulat: harus bilangan bulat"
            rule = reason if reason.startswith("harus") else f"harus {what}: {reason}"
            _add(errors, DataError(file, int(rows[index]), column, rule, value))
            continue
        if number is not None:
            result[index] = number
    if kind == "integer":
        return result.astype("Int64")
    return result.astype(dtype)


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

def read_year(data_dir: Path, unit: str, year: int, *, collect: list[DataError] | None = None
              ) -> tuple[dict[str, pd.DataFrame], dict[str, Path]]:
    """Read every dataset file of a year; errors of all files are reported together.

    With ``collect``, cell and key errors go there (see :func:`read_dataset`)
    and unreadable files are appended too (they are then absent from the frames).
    """
    files = year_files(data_dir, unit, year)
    frames: dict[str, pd.DataFrame] = {}
    errors: list[DataError] = []
    for name, path in files.items():
        try:
            frames[name] = read_dataset(path, name, collect=errors)
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if errors:
        if collect is not None:
            collect.extend(errors)
            return frames, files
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return frames, files


def read_unit_table(data_dir: Path, unit: str, name: str, year: int | None = None) -> pd.DataFrame | None:
    """A unit-level table (``targets``, ``published``, the v2 period files), or None when absent.

    With ``year``, a period file (:attr:`~lkjip.contract.schema.Dataset.period`) keeps
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


def read_unit_tables(data_dir: Path, unit: str, year: int) -> tuple[dict[str, pd.DataFrame], dict[str, Path]]:
    """The contract-v2 unit-level files present, each with the rows valid in ``year``, and their paths.

    Errors of all files are reported together, as for a year folder.
    """
    frames: dict[str, pd.DataFrame] = {}
    files: dict[str, Path] = {}
    errors: list[DataError] = []
    for name in OPTIONAL_UNIT_DATASETS:
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
