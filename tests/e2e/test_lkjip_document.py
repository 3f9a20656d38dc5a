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


from helpers.document_text import analyst_notes, contradictions, forbidden, officials_text
from lkjip.contract.pages import text_of


def _html(folder, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


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
    """The print HTML as the run builds it: from the executed notebook's no-code HTML (the screen HTML
    lacks the blocks for print only, e.g. the PATEN table in two halves)."""
    from lkjip.render.export import build_print_html, notebook_to_html
    from lkjip.inputs.unit import load_unit

    info = load_unit(folder.parents[2] / "raw", "gedeg")
    cover = {"unit": info.nama, "kabupaten": info.kabupaten, "year": year, "head_name": info.pimpinan.get("nama"),
             "head_position": info.pimpinan.get("jabatan"), "head_nip": info.pimpinan.get("nip")}
    report = notebook_to_html(folder / "notebooks" / "05_lkjip.ipynb", include_code=False, title="LKjIP")
    return build_print_html(report, title="LKjIP", cover=cover)


def test_every_table_and_figure_is_numbered_without_gaps_and_listed(bundled_reports):
    from lkjip.render.contents import caption_entries

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
            assert {k: v for k, v in layout.items() if k not in ("halaman", "bab", "bab_diingat")} == {
                "melewati_tepi": [], "hampir_kosong": [], "judul_di_kaki": []}, (year, name)
            assert len(PdfReader(folder / name).pages) == layout["halaman"] > 5, (year, name)
            # what the next run remembers (lkjip.render.layout_memory): every page in one chapter's record
            chapters = layout["bab"]
            assert len(chapters) > 2 and sum(len(c["halaman"]) for c in chapters) == layout["halaman"], (year, name)


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
