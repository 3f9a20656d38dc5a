"""Export of a small notebook: HTML without/with code, print HTML, PDF (nbconvert, WeasyPrint)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lkjip.render import export

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "export" / "laporan_kecil.ipynb"
CODE_MARKER = "kode_rahasia_42"  # appears only in an input cell of the fixture
COVER = {
    "unit": "Kecamatan Contoh",
    "year": 2023,
    "kabupaten": "Mojokerto",
    "head_name": "NAMA KEPALA, S.STP., M.M.",
    "head_position": "CAMAT CONTOH",
    "head_rank": "Pembina Tingkat I",
    "head_nip": "19770221 199511 1 001",
}


@pytest.fixture(scope="module")
def html_pair(tmp_path_factory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("html")
    report = export.export_html(FIXTURE, out / "laporan.html", include_code=False, title="LKjIP Uji")
    full = export.export_html(FIXTURE, out / "lengkap.html", include_code=True, title="LKjIP Uji")
    return report.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")


def _network_refs(text: str) -> list[str]:
    tags = re.findall(r"<(?:script|link|iframe)\b[^>]*>", text, flags=re.I)
    bad = [t for t in tags if re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", t, re.I)
           or re.search(r"cdn", t, re.I)]
    bad += re.findall(r"@import[^;]*(?:https?:)?//[^;]*;", text)
    bad += re.findall(r"url\(\s*[\"']?(?:https?:)?//[^)]*\)", text)
    return bad


def test_html_is_offline(html_pair):
    for text in html_pair:
        assert _network_refs(text) == []
        assert "require.js" not in text and "mathjax" not in text.lower()
        assert re.search(r"<img[^>]+src=\"data:image/svg\+xml;base64,", text)
        assert "<table" in text


def test_no_code_html_hides_inputs_and_tags(html_pair):
    report, full = html_pair
    assert CODE_MARKER not in report
    assert 'class="jp-InputPrompt' not in report and not re.search(r"In(\xa0|&nbsp;| )\[", report)
    assert "pesan stdout untuk auditor" not in report  # stderr dropped for officials
    assert "catatan kerja" not in report and "catatan kerja" in full  # remove_cell: officials only
    assert "Bab I Pendahuluan" in report and "Bab II Akuntabilitas Kinerja" in report
    # a frame pandas printed keeps its cells; the stylesheet aligns them as JupyterLab does
    assert "<td>4.061</td>" in report and "table.dataframe td { text-align: right;" in report


def test_full_html_has_code(html_pair):
    _, full = html_pair
    assert CODE_MARKER in full
    assert re.search(r"In(\xa0|&nbsp;| )\[1\]:", full)
    assert "pesan stdout untuk auditor" in full
    assert "paten_per_bulan" in full  # remove_input ignored for auditors


def test_html_is_deterministic(tmp_path, html_pair):
    again = export.export_html(FIXTURE, tmp_path / "lagi.html", include_code=False,
                               title="LKjIP Uji").read_text(encoding="utf-8")
    assert again == html_pair[0]


def test_print_html_has_cover_and_toc(html_pair):
    printable = export.build_print_html(html_pair[0], title="LKjIP Uji", cover=COVER,
                                        created=dt.datetime(2024, 1, 31, 9, 0))
    assert printable.count('class="toc-h1"') == 2 and printable.count('class="toc-h2"') == 3
    assert '<meta name="dcterms.created" content="2024-01-31T09:00:00Z"/>' in printable
    assert "KABUPATEN MOJOKERTO" in printable and "NIP. 19770221 199511 1 001" in printable
    assert _network_refs(printable) == []


def test_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    created = dt.datetime(2024, 1, 31, 9, 0)
    pdf = export.print_pdf(FIXTURE, tmp_path / "laporan.pdf", title="LKjIP Uji", cover=COVER,
                           created=created).path
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bab I Pendahuluan" in text
    assert "KECAMATAN CONTOH" in text
    assert "Daftar Isi" in text
    assert "LAPORAN KINERJA" in text
    assert f"Halaman 2 dari {len(reader.pages)}" in text
    assert CODE_MARKER not in text
    # the TOC gives the page where each chapter starts
    toc = reader.pages[1].extract_text()
    bab2_page = next(i for i, p in enumerate(reader.pages, start=1)
                     if i > 2 and "Bab II Akuntabilitas Kinerja" in p.extract_text())
    assert re.search(rf"Bab II Akuntabilitas Kinerja[ .]*{bab2_page}\b", toc)
    assert reader.metadata.get("/CreationDate", "").startswith("D:20240131090000")
    assert reader.metadata.title == "LKjIP Uji"
    # same input, same bytes
    again = export.print_pdf(FIXTURE, tmp_path / "lagi.pdf", title="LKjIP Uji", cover=COVER,
                             created=created).path
    assert again.read_bytes() == pdf.read_bytes()
