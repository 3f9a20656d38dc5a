"""The printed LKjIP and audit of the bundled run, read on paper (issue 24 item 9, issue 25 audit PDF).

No text under 8 pt (the shared small-type check), an amount never separated from its "Rp", a Roman
numeral never broken, a total row never alone at a page top, and no long table that leaves more than
a third of the page before it empty.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SMALL_TEXT = Path("/work/shared/tools/small_text.py")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is needed")

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def _pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(body)]
            for body in re.findall(r"<page [^>]*>(.*?)</page>", xml, re.S)]


def _small_share(pdf: Path, height: float = 9.2) -> float:
    """The share of words whose box is under ``height`` pt (a word box is about 1,16 x its type: 8 pt type
    is a 9,3 pt box), running heads and footers left out."""
    words = [w for page in _pages(pdf) for w in page if 70 < w[1] < 770]
    return sum(1 for w in words if w[3] - w[1] < height) / max(1, len(words))


@pytest.mark.parametrize("name", ["lkjip_gedeg_2023.pdf", "audit_gedeg_2023.pdf"])
def test_no_text_under_8_pt(bundled_reports, name):
    pdf = bundled_reports[2023] / name
    assert _small_share(pdf) < 0.01, f"{name}: {_small_share(pdf):.1%} of words under 8 pt"
    if SMALL_TEXT.is_file():
        run = subprocess.run(["python3", str(SMALL_TEXT), str(pdf)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout


@pytest.mark.parametrize("name", ["lkjip_gedeg_2023.pdf", "audit_gedeg_2023.pdf"])
def test_rp_is_never_broken_from_its_amount(bundled_reports, name):
    broken = []
    for number, page in enumerate(_pages(bundled_reports[2023] / name), 1):
        for (x0, y0, x1, y1, w), nxt in zip(page, page[1:] + [None]):
            # an amount whose "Rp" ends one line and whose digits open the next ("periode (2026) Rp" is a unit)
            if w in ("Rp", "-Rp", "(Rp") and nxt is not None and nxt[4][:1].isdigit() and abs(nxt[1] - y0) > 2:
                broken.append(number)
    assert not broken, f"{name}: 'Rp' ends a line on pages {broken[:10]}"


def test_roman_numerals_are_never_broken(bundled_reports):
    """A numeral split over two lines ("VII" / "I") is two numerals in a row on different lines."""
    numeral = re.compile(r"[IVX]{1,4}")
    for year, folder in bundled_reports.items():
        for number, page in enumerate(_pages(folder / f"lkjip_gedeg_{year}.pdf"), 1):
            for a, b in zip(page, page[1:]):
                # the second part on the very next line, at the same left edge (not the next row's numeral)
                next_line = 2 < b[1] - a[1] < 1.6 * (a[3] - a[1]) and abs(a[0] - b[0]) < 2
                split = numeral.fullmatch(a[4]) and numeral.fullmatch(b[4]) and next_line
                assert not split, f"{year} p.{number}: {a[4]} / {b[4]}"


#: The text block of an A4 page (pt from the top): below the running head, above the footer.
TOP, BOTTOM = 62.0, 782.0


def _lines(page) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of each line of the text block of a page, top to bottom."""
    lines: dict[int, list] = {}
    for x0, y0, x1, y1, w in page:
        if TOP < y0 < BOTTOM:
            lines.setdefault(round(y0), []).append((x0, y1, w))
    return [(y, max(b for _, b, _ in ws), " ".join(w for _, _, w in sorted(ws))) for y, ws in sorted(lines.items())]


def test_a_total_row_never_stands_alone_at_a_page_top(bundled_reports):
    """A JUMLAH row in the first lines of a page (below a repeated header) follows at least one row of
    its table (a line opening with a number), never the header alone."""
    for year, folder in bundled_reports.items():
        for number, page in enumerate(_pages(folder / f"lkjip_gedeg_{year}.pdf")[1:], 2):
            texts = [t for _, _, t in _lines(page)]
            for i, text in enumerate(texts[:4]):
                if text.startswith("JUMLAH"):
                    assert any(re.match(r"\d", t) for t in texts[:i]), f"{year} p.{number}: {texts[:i + 1]}"


def test_no_table_leaves_a_third_of_the_page_before_it_empty(bundled_reports):
    """A page followed by a page that opens with a table's caption is at least two thirds full."""
    for year, folder in bundled_reports.items():
        pages = _pages(folder / f"lkjip_gedeg_{year}.pdf")
        for number in range(2, len(pages)):
            before, after = _lines(pages[number - 1]), _lines(pages[number])
            if not before or not after or not re.match(r"Tabel \d", after[0][2]):
                continue
            if any(re.match(r"Tabel [\dL]", t) and ". . ." in t for _, _, t in before):
                continue  # the Daftar Tabel, not a table
            filled = (before[-1][1] - TOP) / (BOTTOM - TOP)
            assert filled > 2 / 3, f"{year} p.{number}: {filled:.0%} full before {after[0][2][:40]!r}"
