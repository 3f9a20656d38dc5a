"""The executed notebooks and the HTML of a run read as a record (issue 25 item 3, issue 27 item 5).

Every executed notebook of the session's bundled run counts its cells from ``In [1]``, shows in its
parameters cell the folders the reports are published in (never the staging folder the run wrote
into), and every screen HTML opens with a table of contents whose links all land, describes no other
version of itself, puts the validation failures and the audit's differences first, and fits its column
in a browser at A4 width and at 1400 px.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

STAGING = re.compile(r"\.\d{4}-staging")


def _notebooks(bundled_reports):
    return [(year, nb) for year, folder in sorted(bundled_reports.items())
            for nb in sorted((folder / "notebooks").glob("*.ipynb"))]


def _screen_htmls(bundled_reports):
    """Every report HTML of the run (the year's index.html is itself a table of contents)."""
    return [p for folder in bundled_reports.values()
            for p in [*sorted(folder.glob("*.html")), folder / "validation" / "validasi.html"]
            if p.name != "index.html" and p.exists()]


def test_every_executed_notebook_counts_its_cells_from_one(bundled_reports):
    seen = 0
    for year, path in _notebooks(bundled_reports):
        book = nbformat.read(path, as_version=4)
        counts = [c.execution_count for c in book.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), f"{year} {path.name}: {counts[:5]}…"
        for cell in book.cells:
            for out in cell.get("outputs", []):
                if out.get("output_type") == "execute_result":
                    assert out["execution_count"] == cell.execution_count
        seen += 1
    assert seen >= 3 * 5  # five or six notebooks a year (the SAKIP analysis needs a year before), every year


def test_the_lengkap_html_shows_in_1_onwards(bundled_reports):
    html = (bundled_reports[2023] / "lkjip_gedeg_2023_lengkap.html").read_text(encoding="utf-8")
    prompts = [int(n) for n in re.findall(r'jp-InputPrompt[^>]*>In\s*\[(\d+)\]:', html)]
    assert prompts[:3] == [1, 2, 3] and max(prompts) == len(prompts)


def test_parameters_cell_shows_the_published_folders_never_staging(bundled_run, bundled_reports):
    run = bundled_run["run"]
    for year, path in _notebooks(bundled_reports):
        text = path.read_text(encoding="utf-8")
        assert not STAGING.search(text), f"{year} {path.name}: {STAGING.search(text).group(0)}"
        book = nbformat.read(path, as_version=4)
        injected = [c for c in book.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1
        source = injected[0].source
        assert 'unit = "gedeg"' in source and f"year = {year}" in source
        assert f'report_dir = "{run / "reports" / "gedeg" / str(year)}"' in source
        assert f'processed_dir = "{run / "processed"}"' in source
    for path in _screen_htmls(bundled_reports):
        assert not STAGING.search(path.read_text(encoding="utf-8")), path.name


class _Page(HTMLParser):
    """Ids, the links of the screen table of contents, and where things are on the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.toc_links: list[str] = []
        self.toc_at: int | None = None
        self.h1_at: list[int] = []
        self.events = 0
        self._in_toc = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.events += 1
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "nav" and "lkjip-daftar-layar" in (a.get("class") or ""):
            self._in_toc, self.toc_at = 1, self.events
        elif self._in_toc and tag == "a":
            self.toc_links.append(a.get("href", ""))
        if tag == "h1":
            self.h1_at.append(self.events)

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_toc = 0


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_html_opens_with_a_table_of_contents_whose_links_land(bundled_reports):
    for path in _screen_htmls(bundled_reports):
        page = _page(path)
        assert page.toc_at is not None, f"{path.name}: no table of contents"
        assert len(page.toc_links) >= 2, path.name
        missing = [h for h in page.toc_links if h[1:] not in page.ids]
        assert not missing, f"{path.name}: {missing[:3]}"
        # at the opening: before the second chapter heading (the LKjIP: after its Kata Pengantar)
        assert len(page.h1_at) < 2 or page.toc_at < page.h1_at[1], path.name
    lkjip = (bundled_reports[2023] / "lkjip_gedeg_2023.html").read_text(encoding="utf-8")
    toc = lkjip[lkjip.index('<nav class="lkjip-daftar-layar"'):lkjip.index("</nav>")]
    for entry in ("BAB I PENDAHULUAN", "Daftar Tabel", "Daftar Gambar", "Tabel 3.1.7"):
        assert entry in toc, entry


def test_no_screen_html_describes_another_version_of_itself(bundled_reports):
    for path in _screen_htmls(bundled_reports):
        text = path.read_text(encoding="utf-8")
        for sentence in ("tidak dicetak", "versi layar", "disisipkan di sini pada PDF", "pada PDF"):
            assert sentence not in text, f"{path.name}: {sentence!r}"
    # the PDF still says where the unprinted list is
    from pypdf import PdfReader

    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(
        bundled_reports[2023] / "audit_gedeg_2023.pdf").pages).split())
    assert "Daftar ini tidak dicetak" in pdf


def test_validation_page_puts_failures_first_and_folds_passed_rules(bundled_reports):
    html = (bundled_reports[2023] / "validation" / "validasi.html").read_text(encoding="utf-8")
    first_details = html.index("<details")
    failing = re.findall(r'<tr class="gagal-(?:error|peringatan)">', html)
    assert failing and all(m.start() < first_details
                           for m in re.finditer(r'<tr class="gagal-(?:error|peringatan)">', html))
    assert html.index("Aturan yang tidak terpenuhi") < first_details
    # every passed rule is inside a <details> block
    outside = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert '<td class="lulus">' not in outside
    assert html.count('<td class="lulus">') > 300
    # the validation notebook's page: the failed rules first, every rule folded below them
    page = (bundled_reports[2023] / "validasi_gedeg_2023.html").read_text(encoding="utf-8")
    folded = page.index('<details class="lkjip-lipat">')
    assert page.index("Temuan validasi (error dan peringatan)") < folded < page.index("Aturan per dataset")
    assert not re.search(r"<td[^>]*>lulus</td>", re.sub(r"<details.*?</details>", "", page, flags=re.S))


def test_audit_html_shows_differences_first_and_folds_equal_figures(bundled_reports):
    html = (bundled_reports[2023] / "audit_gedeg_2023.html").read_text(encoding="utf-8")
    full = html[html.index('id="daftar-lengkap"'):]
    full = full[:full.index("<h2", 10)] if "<h2" in full[10:] else full
    outside = re.sub(r"<details.*?</details>", "", full, flags=re.S)
    assert not re.search(r"<td[^>]*>Sesuai</td>", outside)
    assert re.search(r"<td[^>]*>Selisih</td>", outside)
    assert len(re.findall(r"<td[^>]*>Sesuai</td>", full)) > 1000


def test_audit_pdf_folds_long_place_lists_and_keeps_them_on_screen(bundled_reports):
    from pypdf import PdfReader

    folder = bundled_reports[2023]
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(folder / "audit_gedeg_2023.pdf").pages).split())
    folded = re.findall(r"dan (\d+) tempat lain", pdf)
    assert folded, "no long place list folded"
    html = (folder / "audit_gedeg_2023.html").read_text(encoding="utf-8")
    assert not re.search(r"dan \d+ tempat lain", html)  # on screen every place stays in its cell


# ------------------------------------------------------------------ tables that fit (headless browser)

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
#: Reports a table wider than its column: each table's right edge against its parent's.
_PROBE = """<script>
addEventListener('load', () => {
  const wide = [];
  for (const t of document.querySelectorAll('table')) {
    if (!t.offsetParent) continue;             // folded (<details>) or hidden
    const p = t.parentElement.getBoundingClientRect(), r = t.getBoundingClientRect();
    if (r.right > p.right + 1)
      wide.push(Math.round(r.width) + '>' + Math.round(p.width) + ':' + (t.closest('[id]')||{}).id);
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
    wide.push('page ' + document.documentElement.scrollWidth + '>' + document.documentElement.clientWidth);
  document.body.setAttribute('data-lebar', wide.length ? wide.slice(0, 5).join(' | ') : 'ok');
});
</script>"""


def _too_wide(path: Path, width: int, tmp_path: Path) -> str:
    probe = tmp_path / f"{path.stem}_{width}.html"
    probe.write_text(path.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>", 1), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000",
                          "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<body[^>]*data-lebar="([^"]*)"', dom)
    assert found, f"{path.name}: the probe did not run"
    return found.group(1)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [794, 1400])   # A4 at 96 dpi, a wide screen
def test_no_table_is_wider_than_its_column(bundled_reports, tmp_path, width):
    folder = bundled_reports[2023]
    for name in ("lkjip_gedeg_2023.html", "audit_gedeg_2023.html", "validasi_gedeg_2023.html",
                 "validation/validasi.html", "lkjip_gedeg_2023_lengkap.html"):
        assert _too_wide(folder / name, width, tmp_path) == "ok", f"{name} at {width} px"
