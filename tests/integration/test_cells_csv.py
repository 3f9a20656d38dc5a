"""The CSV reader's two parsers give one result.

:func:`lkjip.inputs.cells.parse_csv` parses a plain rectangular CSV with pyarrow and
leaves everything else to pandas' C parser. The readers and their error
messages were built on the C parser's frames, so for any file the fast path
accepts it must give exactly the C parser's frame, and it must accept no file
the C parser refuses.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.inputs.cells import _parse_rectangle, parse_csv, read_cells
from lkjip.inputs.cells import parse_csv_c as _c_parser

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def _same_or_declined(text: str, delimiter: str) -> None:
    fast = _parse_rectangle(text.encode("utf-8"), text, delimiter)
    try:
        slow = _c_parser(text, delimiter)
    except (pd.errors.ParserError, csv.Error, ValueError):
        assert fast is None, "the fast path accepted a file the C parser refuses"
        return
    if fast is not None:
        pd.testing.assert_frame_equal(fast, slow, check_column_type=False)


@pytest.mark.parametrize("path", sorted(RAW.rglob("*.csv")), ids=lambda p: str(p.relative_to(RAW)))
def test_every_bundled_csv_reads_the_same_by_both_parsers(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    delimiter = max([",", ";", "\t"], key=text.split("\n", 1)[0].count)
    fast = _parse_rectangle(raw, text, delimiter)
    assert fast is not None, "a bundled file is a plain rectangle: the fast path should take it"
    pd.testing.assert_frame_equal(fast, _c_parser(text, delimiter), check_column_type=False)


cells = st.lists(st.sampled_from(list('ab ,;"\n\r\t-é1.') + ["3,5", '""', "\r\n"]), max_size=6).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=0, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_files_written_by_a_csv_writer_read_the_same(rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["nama", "nilai", "catatan"])
    writer.writerows(rows)
    _same_or_declined(out.getvalue(), delimiter)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(alphabet=st.sampled_from(list('ab,;"\n\r \t')), max_size=40),
       delimiter=st.sampled_from([",", ";"]))
def test_hand_typed_files_read_the_same_or_go_to_the_c_parser(body, delimiter):
    """Ragged rows, blank lines, stray quotes, a missing last newline: typed, not written by a program."""
    _same_or_declined(f"a{delimiter}b{delimiter}c\n" + body, delimiter)


@pytest.mark.parametrize("text", [
    "a,b\n1,2\n\n3,4\n",          # a blank line keeps its row number
    "a,b\n1,2\n3\n",              # a short row
    "a,a\n1,2\n",                 # a repeated header name
    ",b\n1,2\n",                  # an empty header name
    "a,b\n",                      # a header only
    '\ufeffa,b\n"x,y",2\n',       # a byte-order mark and a quoted delimiter
])
def test_irregular_files_give_the_c_parser_s_frame(text):
    raw = text.encode("utf-8")
    got = parse_csv(raw, text.lstrip("\ufeff"), ",")
    pd.testing.assert_frame_equal(got, _c_parser(text.lstrip("\ufeff"), ","), check_column_type=False)


def test_a_decimal_comma_still_names_its_row(tmp_path):
    from lkjip.errors import DataError

    path = tmp_path / "koordinasi.csv"
    path.write_text("bulan,kegiatan,nilai\nJanuari,rapat,3\nFebruari,rapat,3,5\n", encoding="utf-8")
    with pytest.raises(DataError, match="baris 3"):
        read_cells(path)
