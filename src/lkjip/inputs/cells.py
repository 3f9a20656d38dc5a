"""Raw cells of an analyst's file: CSV or XLSX in, header and text/objects out, nothing typed yet.

Everything that can go wrong while merely *reading* a file is said here,
naming the file and, where there is one, the row: a file that is empty, not
UTF-8, unreadable (permissions), a CSV row with more fields than its header
(a decimal comma in a comma-separated file), a damaged or locked workbook.

In a workbook the header row is searched for: titles and blank rows often
stand above it, and a guide sheet (``Petunjuk``) often comes before the data.
The first :data:`HEADER_SCAN_ROWS` rows of every sheet are read and the row
that holds most of the contract's columns (required ones first) wins; when no
row holds any, the error lists what each sheet held.

>>> normalise_header(" Tidak Sesuai  Standar ")
'tidaksesuaistandar'
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from lkjip.inputs.cell_checks import csv_fields_too_long, formulas_without_value
from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.file_checks import check_input
from lkjip.contract.schema import Dataset
from lkjip.inputs.xlsx_scan import scan_workbook

_HEADER_NOISE = re.compile(r"[\s_\-\.]+")
MAX_ERRORS = 200


def normalise_header(name: object) -> str:
    """Header key used for matching: lower case, no spaces, underscores, dots or dashes."""
    return _HEADER_NOISE.sub("", str(name or "").strip().lower())


# ---------------------------------------------------------------- raw cells

def read_cells(path: Path, spec: Dataset | None = None) -> tuple[list[str], pd.DataFrame]:
    """The file's header and its data cells (object dtype), with ``baris``.

    Fully blank rows are dropped, but the row numbers of the others stay as
    the spreadsheet shows them. With ``spec``, an XLSX header is looked for
    (see the module docstring); a CSV's header is always its first line.
    """
    path = Path(path)
    check_input(path)  # a FIFO, a device or a folder is refused before it is opened
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header, frame = _read_csv(path)
    elif suffix == ".xlsx":
        wanted = None if spec is None else {normalise_header(c.name): (c.name, c.required) for c in spec.columns}
        header, frame = _read_xlsx(path, wanted)
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


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise DataError(display_path(path), None, None,
                        "berkas tidak dapat dibaca: izin ditolak (periksa izin baca berkas itu)") from None
    except IsADirectoryError:
        raise DataError(display_path(path), None, None, "berkas tidak dapat dibaca: ini sebuah folder") from None
    except OSError as exc:
        raise DataError(display_path(path), None, None,
                        f"berkas tidak dapat dibaca: {exc.strerror or type(exc).__name__}") from None


def _read_csv(path: Path) -> tuple[list[str], pd.DataFrame]:
    raw = _read_bytes(path)
    if not raw.strip():
        raise DataError(display_path(path), None, None, "berkas kosong: baris 1 harus berisi nama kolom")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Spreadsheets saved on Windows often use cp1252; say so rather than guess silently.
        row = raw[:exc.start].count(b"\n") + 1
        raise DataError(display_path(path), row, None,
                        "berkas CSV harus berenkode UTF-8 (simpan ulang sebagai 'CSV UTF-8'); "
                        f"karakter pertama yang bukan UTF-8 ada di baris {row}") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    if not first_line.strip():
        raise DataError(display_path(path), 1, None, "baris 1 harus berisi nama kolom")
    try:
        frame = parse_csv(raw, text, delimiter)
    except (pd.errors.ParserError, csv.Error, ValueError):
        raise _field_count_errors(path, text, delimiter) from None
    header = [str(c) for c in frame.columns]
    too_long = csv_fields_too_long(display_path(path), header, frame)
    if too_long:
        raise too_long[0] if len(too_long) == 1 else DataErrors(too_long)
    frame.columns = range(len(header))
    frame = frame.fillna("")
    frame["baris"] = range(2, len(frame) + 2)
    frame.attrs["all_text"] = True
    return header, frame


def parse_csv(raw: bytes, text: str, delimiter: str) -> pd.DataFrame:
    """A CSV's cells as Arrow-backed strings, named by the header (pandas' C parser's rules).

    Arrow-backed strings keep the vectorised string operations of the readers
    fast. A plain rectangle (every row as wide as the header, no blank line,
    distinct header names, quotes only around whole cells) is parsed by
    pyarrow's multithreaded reader, three times faster on a million-row survey;
    anything else (and every error) is left to pandas' C parser
    (:func:`parse_csv_c`), whose frames and errors the readers are built on.
    Both give the same frame for the same file (``tests/test_cells_csv.py``).
    """
    frame = _parse_rectangle(raw, text, delimiter)
    return frame if frame is not None else parse_csv_c(text, delimiter)


def parse_csv_c(text: str, delimiter: str) -> pd.DataFrame:
    """pandas' C parser on a CSV's text: every cell an Arrow-backed string, blank lines kept as rows."""
    return pd.read_csv(io.StringIO(text), sep=delimiter, dtype="string[pyarrow]", keep_default_na=False,
                       skip_blank_lines=False, header=0, quoting=csv.QUOTE_MINIMAL, engine="c")


def _parse_rectangle(raw: bytes, text: str, delimiter: str) -> pd.DataFrame | None:
    """pyarrow's parse of a plain rectangular CSV, or ``None`` when the file is not one."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    try:
        header = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    # pandas renames a repeated or empty header name ("a.1", "Unnamed: 0"): its rules decide
    if not header or len(set(header)) != len(header) or any(name == "" for name in header):
        return None
    if text.count('"') % 2:  # a quote left open (or a stray one): the C parser says where
        return None
    try:
        table = pacsv.read_csv(
            pa.py_buffer(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw),
            read_options=pacsv.ReadOptions(use_threads=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char='"', double_quote=True,
                                             escape_char=False, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={name: pa.string() for name in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowException:  # ragged rows, blank lines, an open quote: the C parser says where
        return None
    if table.column_names != header:
        return None
    # A quote inside a cell came from an irregular file (a stray quote in an unquoted field,
    # or a doubled quote): the two parsers may cut such a file differently, so the C parser decides.
    if any(pc.any(pc.match_substring(column, '"')).as_py() for column in table.columns):
        return None
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)


def _field_count_errors(path: Path, text: str, delimiter: str) -> DataError | DataErrors:
    """Every row of a CSV with more fields than its header, as the spreadsheet numbers it.

    The usual cause is a decimal comma typed in a comma-separated file (``3,5``
    becomes two cells); the message says how to write it instead.
    """
    name = display_path(path)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    errors: list[DataError] = []
    try:
        width = len(next(reader))
        for number, row in enumerate(reader, start=2):
            if len(row) > width:
                shown = delimiter.join(row)
                hint = ("; angka desimal berkoma (mis. 3,5) di berkas berpemisah koma harus diberi tanda kutip "
                        '("3,5"), atau simpan berkas dengan pemisah titik koma' if delimiter == "," else "")
                _add(errors, DataError(name, number, None,
                                       f"baris berisi {len(row)} sel, padahal judul kolom hanya {width}{hint}",
                                       shown if len(shown) <= 80 else shown[:77] + "..."))
    except csv.Error as exc:
        return DataError(name, reader.line_num or None, None, f"berkas CSV rusak: {exc}")
    if not errors:
        return DataError(name, None, None, "berkas CSV tidak dapat dibaca (tanda kutip tidak seimbang?)")
    return errors[0] if len(errors) == 1 else DataErrors(errors)


#: How many rows of each sheet are searched for the header (titles and blank rows may stand above it).
HEADER_SCAN_ROWS = 20


def _read_xlsx(path: Path, wanted: dict[str, tuple[str, bool]] | None = None) -> tuple[list[str], pd.DataFrame]:
    """The header and cells of the sheet whose header row holds most of the contract's columns.

    ``wanted`` maps each contract column's header key to (its name, whether it
    is required); without it the first row of the first sheet is the header.
    """
    from openpyxl import load_workbook

    name = display_path(path)
    if not _read_bytes(path):  # a permission problem is said as such, not as a damaged file
        raise DataError(name, None, None, "berkas kosong (0 bita): simpan ulang dari lembar kerjanya")
    scan = scan_workbook(path, name)  # sizes and cells before loading: a zip bomb stops here
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise DataError(name, None, None,
                        f"berkas .xlsx tidak dapat dibuka (rusak, terkunci atau bukan .xlsx): {exc}") from None
    try:
        # read_only trusts each sheet's <dimension> tag, which some exporters write wrong (A1:P10 over 654
        # rows): forget it, so that every sheet is read to its real last row and column
        for sheet in book.worksheets:
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
        if not book.worksheets:
            raise DataError(name, None, None, "berkas .xlsx tidak berisi lembar kerja")
        sheet_index, header_number = _find_header(book, wanted, name)
        sheet = book.worksheets[sheet_index]
        sheet_path = getattr(sheet, "_worksheet_path", None)  # its XML in the zip (formulas without value)
        rows = sheet.iter_rows(values_only=True)
        for _ in range(header_number - 1):
            next(rows, None)
        header_row = next(rows, None) or ()
        width = len(header_row)
        while width and _is_blank(header_row[width - 1]):
            width -= 1
        header = ["" if h is None else str(h) for h in header_row[:width]]
        data = []
        for number, row in enumerate(rows, start=header_number + 1):
            cells = list(row[:width]) + [None] * max(0, width - len(row))
            data.append(cells + [number])
        title = sheet.title
    except DataError:
        raise
    except Exception as exc:  # a damaged sheet may fail only while its rows are read
        raise DataError(name, None, None, f"berkas .xlsx rusak dan tidak dapat dibaca: {exc}") from None
    finally:
        book.close()
    if scan.unsaved_formulas:
        checked = None if not wanted else {i for i, h in enumerate(header) if normalise_header(h) in wanted}
        unsaved = formulas_without_value(path, sheet_path, name, header_number, header, checked)
        if unsaved:
            raise unsaved[0] if len(unsaved) == 1 else DataErrors(unsaved)
    frame = pd.DataFrame(data, columns=[*range(len(header)), "baris"], dtype=object)
    frame.attrs.update({"lembar": title, "lembar_ke": sheet_index + 1, "baris_judul": header_number})
    return header, frame


def _find_header(book, wanted: dict[str, tuple[str, bool]] | None, name: str) -> tuple[int, int]:
    """(sheet index, row number) of the header row; a :class:`DataError` saying what was read when none fits."""
    if not wanted:
        return 0, 1
    best = None  # (required matched, all matched, -sheet, -row)
    seen = []
    for index, sheet in enumerate(book.worksheets):
        found_here: list[str] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_row=HEADER_SCAN_ROWS), start=1):
            keys = {normalise_header(v) for v in row if not _is_blank(v)}
            matched = [k for k in wanted if k in keys]
            if len(matched) > len(found_here):
                found_here = [wanted[k][0] for k in matched]
            score = (sum(wanted[k][1] for k in matched), len(matched), -index, -number)
            if matched and (best is None or score > best):
                best = score
        seen.append((sheet.title, found_here))
    if best is not None and best[0] > 0:
        # the sheet and row with most of the contract; missing columns are then named one by one
        return -best[2], -best[3]
    sheets = "; ".join(f"lembar '{title}': " + (", ".join(found) if found else "tidak ada kolom kontrak")
                       for title, found in seen)
    raise DataError(name, None, None,
                    f"tidak ada baris judul kolom yang cocok dengan kontrak data di {HEADER_SCAN_ROWS} baris pertama "
                    f"setiap lembar ({sheets}); kolom wajib yang dicari: {', '.join(n for n, r in wanted.values() if r)}. "
                    "Letakkan nama kolom kontrak di satu baris (lihat templat)")


def _add(errors: list[DataError], error: DataError) -> None:
    if len(errors) < MAX_ERRORS:
        errors.append(error)
