"""A table too wide for portrait is printed in column groups (issue 24 item 9: Tabel 3.1.7 PATEN, twelve
months beside the totals, was set in about 6 pt): whole on screen, two tables of the same rows on paper,
every figure printed once; and a figure is scaled to the room left on a page rather than leave more than a
third of it empty."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lkjip.document.bab3a import MONTHS, PATEN_ROW_NAMES, gambar_3_2, gambar_3_2_bagian_cetak
from lkjip.document.numbering import Numbering
from lkjip.render.figure_fit import EMPTY_TOLERANCE_PX, MAX_EMPTY, MIN_SCALE, scale_needed
from lkjip.render.print_split import SplitTable, column_parts
from lkjip.render.screen import PRINT_ONLY
from lkjip.render.export import _SCREEN_ONLY


def _paten() -> pd.DataFrame:
    # two services of the bundled PATEN report (2023), printed totals as the source prints them
    rows = {"layanan": ["Pindah Datang", "Pindah Keluar"],
            **{m: [v1, v2] for m, v1, v2 in zip(MONTHS, [51, 44, 55, 32, 68, 81, 84, 84, 67, 70, 82, 76],
                                               [63, 71, 40, 21, 79, 81, 121, 79, 94, 91, 105, 96])},
            "jumlah": [754, 641]}
    return pd.DataFrame(rows)


def _split() -> tuple[SplitTable, pd.DataFrame]:
    table = gambar_3_2(_paten())
    caption = Numbering().tabel("3.1", "Laporan PATEN Tahun 2023")
    return SplitTable(table, caption, source="Laporan PATEN", note="Catatan jumlah.", keep=PATEN_ROW_NAMES,
                      groups=gambar_3_2_bagian_cetak(table)), table


def _tables(html: str) -> list[list[str]]:
    """The header cells of each table."""
    return [re.findall(r"<th(?: [^>]*)?>(.*?)</th>", t) for t in re.findall(r"<table.*?</table>", html, re.S)]


def test_paper_has_two_tables_of_at_most_eleven_columns_with_every_figure_once():
    split, table = _split()
    html = split._repr_html_()
    paper = _SCREEN_ONLY.sub("", html)
    heads = _tables(paper)
    assert heads == [["No", "Layanan", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun"],
                     ["No", "Layanan", "Jul", "Agu", "Sep", "Okt", "Nov", "Des", "Jumlah", "Jumlah Tercetak",
                      "Selisih"]]
    # no table of 16 columns or more (print class lkjip-wide-xl): none needs small type
    assert "lkjip-wide-xl" not in paper
    # the totals, once each, in the second table: months 331 + 463 = 794 (source prints 754), 355 + 586 = 941 (641)
    second = re.findall(r"<table.*?</table>", paper, re.S)[1]
    cells = re.findall(r"<tr><td[^>]*>\d*</td><td[^>]*>([^<]*)</td>((?:<td[^>]*>[^<]*</td>)*)</tr>", second)
    rows = {name: re.findall(r">([^<]*)</td>", rest) for name, rest in cells}
    assert rows["Pindah Datang"][-3:] == ["794", "754", "-40"]
    assert rows["Pindah Keluar"][-3:] == ["941", "641", "-300"]
    assert rows["JUMLAH"][-3:] == ["1.735", "1.395", "-340"]
    assert rows["Pindah Datang"][:6] == ["84", "84", "67", "70", "82", "76"]
    first = re.findall(r"<table.*?</table>", paper, re.S)[0]
    assert ">JUMLAH</td>" in first and ">114</td>" in first  # January: 51 + 63
    # the caption: its number and id once (the Daftar Tabel lists it once), then "(lanjutan)" without an id
    assert paper.count('id="tabel-3-1-1"') == 1
    assert "Tabel 3.1.1 Laporan PATEN Tahun 2023 (lanjutan)" in paper
    assert paper.count("Sumber: Laporan PATEN") == 2 and paper.count("Catatan jumlah.") == 1
    assert paper.index("Catatan jumlah.") > paper.index("(lanjutan)")


def test_screen_keeps_the_one_table():
    split, table = _split()
    screen = PRINT_ONLY.sub("", split._repr_html_())
    heads = _tables(screen)
    assert len(heads) == 1 and len(heads[0]) == 17 and "(lanjutan)" not in screen
    assert split.frame is table


def test_column_groups_must_cover_the_table_exactly():
    table = gambar_3_2(_paten())
    with pytest.raises(ValueError, match="kolom bagian cetak"):
        column_parts(table, PATEN_ROW_NAMES, [["Jan"], ["Feb"]])


def test_a_figure_is_scaled_into_the_room_left_when_it_keeps_seventy_percent():
    # a page of 1000 px with 400 px left; the figure block is 450 px of which 380 the drawing
    assert scale_needed(400, 1000, 450, 380) == 326.0
    # 300 px left: the drawing would keep 380 - 150 = 230 px, under 70 %: left as it is
    assert scale_needed(300, 1000, 450, 380) is None and 380 * MIN_SCALE > 230
    # a third or less of the page empty (with the tolerance for a reading of the PDF's words): nothing to do
    assert scale_needed(MAX_EMPTY * 1000 - EMPTY_TOLERANCE_PX, 1000, 450, 420) is None
    # just under a third by the line boxes, more than a third by the words: scaled
    assert scale_needed(MAX_EMPTY * 1000 - EMPTY_TOLERANCE_PX / 2, 1000, 450, 420) is not None
    # the collapsed margins between the last line and the block count as taken room
    assert scale_needed(400, 1000, 390, 380, gap=12) == 374.0
