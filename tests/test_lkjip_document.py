"""The officials' LKjIP of every bundled year, read as the Camat, the Bagian Organisasi and the
Inspektorat read it: consistent with itself, in Bahasa Indonesia without the words of software,
numbered like the published LKjIP and laid out for print.

One run of every bundled year per session (``bundled_reports``); the text checks read the
officials' HTML, the 2023 PDF once; the layout checks measure the print layout of every year.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from lkjip.contract.pages import text_of
from lkjip.contract.rules import INDICATOR_IDS, get_indicator

pytestmark = pytest.mark.slow

from lkjip.document.narrative import ANALYST_NOTE  # noqa: E402
_NOT_TEXT = re.compile(r"<(style|script)\b.*?</\1>|<head>.*?</head>", re.S | re.I)


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|tr|td|th|div|caption)>", re.I)


def _lines(html: str) -> list[str]:
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "⟦⟧", _NOT_TEXT.sub("", html))
    return [line for line in (line.strip() for line in text_of(marked).split("⟦⟧")) if line]


def analyst_notes(html: str) -> list[str]:
    """The draft's lines for the analyst (a section left out, naming the file that would fill it)."""
    return [line for line in _lines(html) if line.startswith(ANALYST_NOTE)]


def officials_text(html: str) -> str:
    """The text an official reads, one block (paragraph, list item, table cell) per line; the
    draft's lines for the analyst are left out (they are not printed in the final version)."""
    return "\n".join(line for line in _lines(html) if not line.startswith(ANALYST_NOTE))


def _html(folder, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def _number(text: str) -> float:
    """``94,37%`` / ``2.720.088.927`` / ``2 inovasi`` -> float."""
    t = text.strip().rstrip("%").replace(" inovasi", "").replace(".", "").replace(",", ".")
    return float(t)


def _sentences(text: str) -> list[str]:
    # a list item or a sentence; "Rp 2.720.088.927" and "94,37%" keep their marks
    parts = re.split(r"(?<=[.;:])\s+(?=[A-Z0-9(])|\n", text)
    return [p.strip() for p in parts if p.strip()]


# --------------------------------------------------------------------------- self-contradiction

CONTRADICTIONS = [
    (re.compile(r"\b0,00\b[^.]{0,40}\b(di bawah|di atas) target"), "a gap of 0,00 called a miss"),
    (re.compile(r"masih 0,00\b"), "a gap of 0,00 called a miss"),
    (re.compile(r"\b(naik|turun) 0,00\b"), "a change of 0,00"),
    (re.compile(r"\(([\d.]+(?:,\d+)?%?) menjadi \1\)"), "a change between equal printed values"),
    (re.compile(r"\bkategori (nan|None|–|-)\b"), "a missing category"),
    (re.compile(r"\bkategori (Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah)\b"),
     "a category without its name (kategori capaian / kategori IP ASN)"),
    (re.compile(r"\bGrafik\b"), "a chart called Grafik (figures are Gambar)"),
]


def contradictions(text: str) -> list[str]:
    """Every self-contradiction pattern found in ``text`` (empty = consistent)."""
    found = [f"{why}: {m.group(0)!r}" for rx, why in CONTRADICTIONS for m in rx.finditer(text)]
    for s in text.splitlines():
        # met or missed must follow from the printed realisasi and target (per paragraph)
        m = re.search(r"terealisasi (\d[\d.]*(?:,\d+)?%?(?: inovasi)?) dari target "
                      r"(\d[\d.]*(?:,\d+)?%?(?: inovasi)?)", s)
        if m:
            r, t = _number(m.group(1)), _number(m.group(2))
            if "belum tercapai" in s and r >= t:
                found.append(f"missed with realisasi >= target: {s!r}")
            if "Target tercapai" in s and r != t:
                found.append(f"'tercapai' with realisasi != target: {s!r}")
            if "terlampaui" in s and r <= t:
                found.append(f"'terlampaui' with realisasi <= target: {s!r}")
        for m in re.finditer(r"\(realisasi (\d[\d.]*(?:,\d+)?%?) dari target (\d[\d.]*(?:,\d+)?%?)", s):
            if "belum mencapai target" in s and _number(m.group(1)) >= _number(m.group(2)):
                found.append(f"missed with realisasi >= target: {s!r}")
    for s in _sentences(text):
        # one indicator, one category of each kind per sentence
        for kind in ("capaian", "IP ASN"):
            values = set(re.findall(rf"kategori {kind} (Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah)", s))
            if len(values) > 1:
                found.append(f"two kategori {kind} in one sentence: {s!r}")
    found += _figures_with_two_values(text)
    return found


def _names(ind: str) -> list[str]:
    info = get_indicator(ind)
    return [n for n in (info.nama, info.nama_pendek) if n]


def _figures_with_two_values(text: str) -> list[str]:
    """A named figure (an indicator's realisasi, the budget absorption) printed with two values.

    Sentences that give a reason for a second value (a printed figure of another document, the
    sub-activity total, another year) are left out.
    """
    reasons = ("tercetak", "sub kegiatan pada tabel ini", "Dibandingkan tahun", "tahun sebelum")
    values: dict[str, set[float]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for s in _sentences(text):
        if any(r in s for r in reasons):
            continue
        named = [i for i in INDICATOR_IDS if any(n in s for n in _names(i))]
        if len(named) == 1:
            m = re.search(r"\b(?:ter)?realisasi (\d[\d.]*(?:,\d+)?%?)", s)
            if m:
                values[named[0]].add(_number(m.group(1)))
                where[named[0]].append(s)
        # the unit's budget absorption (an official's budget in Lampiran 4 is "anggaran yang tersedia")
        if re.search(r"(?i)penyerapan anggaran|pagu anggaran|anggaran belanja", s) and \
                not re.search(r"(?i)program|kegiatan|\bseksi\b|tersedia", s):
            for m in re.finditer(r"(?:(?i:penyerapan anggaran)[^.%]*?|\batau )(\d{1,3},\d{2})%", s):
                values["penyerapan"].add(_number(m.group(1)))
                where["penyerapan"].append(s)
    return [f"{k} printed as {sorted(v)}: {where[k]}" for k, v in values.items() if len(v) > 1]


def test_the_contradiction_patterns_catch_what_the_issue_saw():
    seen = ("Indikator Persentase Realisasi Anggaran Perangkat Daerah tahun 2022 terealisasi 90,00% dari "
            "target 90%, sehingga capaiannya 100,00% (kategori capaian Sangat Tinggi). Target belum tercapai; "
            "realisasi masih 0,00 di bawah target. Dibandingkan tahun 2021 (90,00%), realisasi turun 0,00 poin "
            "persentase.\n6. Indeks Profesionalitas ASN: realisasi 56,00 dari target 57, capaian 98,25% "
            "(kategori Sangat Tinggi); kategori Sangat Rendah.\nPenyerapan anggaran mencapai 94,37% "
            "(Rp 1 dari Rp 2).\nDari pagu anggaran unit, realisasi sebesar Rp 3 atau 94,38%.")
    found = "\n".join(contradictions(seen))
    for what in ("missed with realisasi >= target", "a gap of 0,00", "a change of 0,00",
                 "a category without its name", "penyerapan printed as [94.37, 94.38]"):
        assert what in found, what
    assert contradictions("Indikator Nilai SAKIP Perangkat Daerah tahun 2023 terealisasi 86,13 dari target "
                          "87,5, sehingga capaiannya 98,43% (kategori capaian Sangat Tinggi). Target belum "
                          "tercapai; realisasi masih 1,37 poin di bawah target.") == []


def test_no_self_contradiction_in_any_year(bundled_reports):
    for year, folder in sorted(bundled_reports.items()):
        text = officials_text(_html(folder, f"lkjip_gedeg_{year}.html"))
        assert contradictions(text) == [], year


def test_no_self_contradiction_in_the_pdf(bundled_reports):
    from pypdf import PdfReader

    year = max(bundled_reports)
    reader = PdfReader(bundled_reports[year] / f"lkjip_gedeg_{year}.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"(?<=\w)-\n(?=\w)", "", text)  # words hyphenated at line ends
    assert "Daftar Tabel" in text and "Daftar Gambar" in text
    assert [c for c in contradictions(text) if "printed as" not in c] == []


# --------------------------------------------------------------------------- words of software

FORBIDDEN = [
    (re.compile(r"(?i)tingkat error|\berror\b"), "English error levels"),
    (re.compile(r"`"), "backticked names"),
    (re.compile(r"data/(raw|processed)|reports/"), "paths"),
    (re.compile(r"(?i)\b[\w-]+\.(csv|xlsx|json|parquet|yaml|yml|ipynb|py)\b"), "file names"),
    (re.compile(r"(?i)\bnotebook\b"), "notebook"),
    (re.compile(r"(?i)sha-?256|\b[0-9a-f]{40}\b|\b[0-9a-f]{64}\b"), "hashes"),
    (re.compile(r"(?i)\bcommit\b|\bgit\b"), "git"),
    (re.compile(r"(?i)\b(pandas|numpy|papermill|nbconvert|weasyprint|matplotlib|pyarrow|openpyxl|jupyter|"
                r"ipykernel|great.expectations|python)\b"), "package names"),
    (re.compile(r"(?i)versi paket"), "package versions"),
    (re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"), "Python names"),
    (re.compile(r"\b(None|NaN|nan|True|False|Traceback|DataFrame)\b|lkjip\."), "Python values"),
]


def forbidden(text: str) -> list[str]:
    return [f"{why}: {m.group(0)!r}" for rx, why in FORBIDDEN for m in rx.finditer(text)]


def test_the_forbidden_words_are_recognised():
    found = "\n".join(forbidden("Gagal tingkat error; Kode Anggaran `kode`; data/raw/gedeg/2023/lra.csv; "
                                "Notebook ini; SHA-256 a3f9; commit 353dcb8eb8ee54afc0ff986582fcf15a2b0e397f; "
                                "pandas 3.1.1; realisasi_anggaran_pct; nan"))
    for what in ("English error levels", "backticked", "paths", "file names", "notebook", "hashes", "git",
                 "package names", "Python names", "Python values"):
        assert what in found, what
    assert forbidden("Laporan Realisasi Anggaran Kecamatan Gedeg tahun 2023: 94,37% dari Rp 2.720.088.927.") == []


def _officials_documents(folder, year):
    names = [f"lkjip_gedeg_{year}.html", f"analisis_sakip_gedeg_{year}.html"]
    return [folder / n for n in names if (folder / n).exists()]


def test_officials_documents_speak_bahasa_indonesia_only(bundled_reports):
    for year, folder in sorted(bundled_reports.items()):
        for path in _officials_documents(folder, year):
            html = path.read_text(encoding="utf-8")
            assert forbidden(officials_text(html)) == [], path.name
            assert not re.search(r"<td[^>]*>\s*total\s*</td>", html), path.name  # "Kode Anggaran: total"


def test_officials_pdfs_speak_bahasa_indonesia_only(bundled_reports):
    from pypdf import PdfReader

    year = max(bundled_reports)
    for name in (f"lkjip_gedeg_{year}.pdf", f"analisis_sakip_gedeg_{year}.pdf"):
        path = bundled_reports[year] / name
        text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
        text = " ".join(re.sub(r"(?<=\w)-\n(?=\w)", "", text).split())
        # the draft's lines naming a missing input file are for the analyst (not in the final version)
        html = (path.with_suffix(".html")).read_text(encoding="utf-8")
        for line in analyst_notes(html):  # the PDF may break a line anywhere, even after a slash
            chars = [re.escape(c) for c in "".join(line.split())]
            text = re.sub(r"\s*".join(chars), "", text)
        assert forbidden(text) == [], name


def test_provenance_stays_in_the_auditors_copy(bundled_reports):
    year = max(bundled_reports)
    full = text_of(_html(bundled_reports[year], f"lkjip_gedeg_{year}_lengkap.html"))
    assert "SHA-256" in full and "gedeg/2023/lra.csv" in full and re.search(r"\b[0-9a-f]{40}", full)


# --------------------------------------------------------------------------- numbering and print layout

def _print_html(folder, year):
    from lkjip.render.export import build_print_html
    from lkjip.inputs.unit import load_unit

    info = load_unit(folder.parents[2] / "raw", "gedeg")
    cover = {"unit": info.nama, "kabupaten": info.kabupaten, "year": year, "head_name": info.pimpinan.get("nama"),
             "head_position": info.pimpinan.get("jabatan"), "head_nip": info.pimpinan.get("nip")}
    return build_print_html(_html(folder, f"lkjip_gedeg_{year}.html"), title="LKjIP", cover=cover)


def test_every_table_and_figure_is_numbered_without_gaps_and_listed(bundled_reports):
    from lkjip.render.export import caption_entries

    for year, folder in sorted(bundled_reports.items()):
        html = _html(folder, f"lkjip_gedeg_{year}.html")
        entries = caption_entries(html)
        tables = [e for e in entries if e[0] == "tabel"]
        figures = [e for e in entries if e[0] == "gambar"]
        # every table of the document has a numbered caption
        assert len(re.findall(r'<table class="[^"]*lkjip-table', html)) == len(tables) > 20, year
        assert len(figures) >= 8, year
        series = defaultdict(list)
        for kind, _, text in entries:
            label = text.split(" ", 2)[:2]
            assert label[0] == {"tabel": "Tabel", "gambar": "Gambar"}[kind], text
            prefix, _, n = label[1].rpartition(".")
            series[(kind, prefix)].append(int(n))
        for key, numbers in series.items():
            assert numbers == list(range(1, len(numbers) + 1)), (year, key, numbers)
        printed = _print_html(folder, year)
        for _, hid, text in entries:
            assert printed.count(f'href="#{hid}"') == 1, (year, text)
        assert '<nav class="toc toc-tabel">' in printed and '<nav class="toc toc-gambar">' in printed


def test_print_layout_of_every_year(bundled_reports):
    """Every PDF of every year is clean, as the run measured it on the boxes it drew the PDF from
    (run.json ``tata_letak_pdf``; the rules themselves are tested in test_printcheck.py)."""
    from pypdf import PdfReader

    for year, folder in sorted(bundled_reports.items()):
        layouts = json.loads((folder / "run.json").read_text(encoding="utf-8"))["tata_letak_pdf"]
        assert sorted(layouts) == sorted(p.name for p in folder.glob("*.pdf")) and len(layouts) >= 2, year
        for name, layout in layouts.items():
            # no word past the margin, no near-empty page, no heading or caption alone at a page foot
            assert {k: v for k, v in layout.items() if k != "halaman"} == {
                "melewati_tepi": [], "hampir_kosong": [], "judul_di_kaki": []}, (year, name)
            assert len(PdfReader(folder / name).pages) == layout["halaman"] > 5, (year, name)


# --------------------------------------------------------------------------- draft and final

def test_draft_by_default_final_on_request(bundled_reports, tmp_path):
    """The draft carries one notice and the DRAF running header; the final version (the
    notebook's ``final`` parameter) carries neither and prints the signing place and date."""
    import nbformat

    from lkjip.render.export import notebook_to_html
    from lkjip.run.kernels import KernelSession
    from lkjip.document.narrative import DRAFT_MARK
    from lkjip.run.pipeline import notebooks_dir

    year = max(bundled_reports)
    draft = _html(bundled_reports[year], f"lkjip_gedeg_{year}.html")
    assert draft.count(DRAFT_MARK) == 1 and draft.count('content: "DRAF"') == 1
    assert "Mojokerto, Januari 2024" in officials_text(draft)  # the date as the unit's data print it

    raw = bundled_reports[year].parents[2] / "raw"
    out = tmp_path / "05_lkjip.ipynb"
    with KernelSession(tmp_path) as session:
        session.execute(notebooks_dir() / "05_lkjip.ipynb", out,
                        {"unit": "gedeg", "year": year, "data_dir": str(raw), "report_dir": str(tmp_path),
                         "processed_dir": str(raw.parent / "processed"),
                         "final": True, "tempat": "Mojokerto", "tanggal_tanda_tangan": "2024-01-10"})
    final = notebook_to_html(nbformat.read(out, as_version=4), include_code=False, title="LKjIP")
    text = officials_text(final)
    assert DRAFT_MARK not in final and 'content: "DRAF"' not in final and "DRAF." not in text
    assert text.count("Mojokerto, 10 Januari 2024") == 2  # Kata Pengantar and Bab IV
    assert "................" not in text
    assert contradictions(text) == [] and forbidden(text) == []
