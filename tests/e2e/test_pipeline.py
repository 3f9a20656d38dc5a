"""The main job end to end: papermill runs the whole chain for one bundled year.

The run is the session's one read-only run of every bundled year (``bundled_run`` in conftest,
with PDFs). The tests that rerun, corrupt or repair a run take their own copy of it
(``own_bundled_run``), so any order passes. The failing run proves that a bad input leaves the
good report intact.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lkjip.run.pipeline import run_unit_year, steps_for
from helpers.notebook_outputs import stray_outputs

YEAR = 2023


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def shared(bundled_run):
    """The shared run's folders of 2023 (read-only)."""
    base = bundled_run["run"]
    return {"data_dir": base / "raw", "processed": base / "processed" / "gedeg" / str(YEAR),
            "report": base / "reports" / "gedeg" / str(YEAR)}


@pytest.fixture
def workspace(own_bundled_run):
    """This test's own copy of the bundled run, found up to date (the run skipped) before the test changes it."""
    result = run_unit_year("gedeg", YEAR, **own_bundled_run, pdf=True, force=False)
    assert result.ok and result.skipped, result.message
    own_bundled_run["report"] = result.report_dir
    return own_bundled_run


def _dirs(workspace) -> dict:
    return {k: workspace[k] for k in ("data_dir", "processed_dir", "reports_dir")}


def test_every_step_ran_and_is_kept(shared):
    folder = shared["report"]
    names = sorted(p.name for p in (folder / "notebooks").glob("*.ipynb"))
    assert names == sorted(s.notebook for s in steps_for("gedeg", YEAR, shared["data_dir"]))
    assert "05_lkjip.ipynb" in names and "06_analisis_sakip.ipynb" in names
    for report in ("lkjip", "audit", "analisis_sakip"):
        for suffix in (".html", "_lengkap.html", ".pdf"):
            path = folder / f"{report}_gedeg_{YEAR}{suffix}"
            assert path.exists() and path.stat().st_size > 1000, path.name
    assert (folder / "validation" / "validasi.html").exists()
    # one page links every output of the year
    index = (folder / "index.html").read_text(encoding="utf-8")
    docs = folder / "validation" / "data_docs"  # Great Expectations' Data Docs: linked by their own index page
    outputs = {p.relative_to(folder).as_posix() for p in folder.rglob("*")
               if p.is_file() and p.suffix in (".html", ".pdf", ".ipynb") and p.name != "index.html"
               and docs not in p.parents}
    assert (docs / "index.html").is_file()
    assert set(re.findall(r'href="([^"]+)"', index)) == outputs | {"validation/data_docs/index.html"}


def test_executed_notebooks_are_clean_documents(shared):
    """No warnings, no debug prints: a report shows tables, charts and text only."""
    notebooks = sorted((shared["report"] / "notebooks").glob("*.ipynb"))
    assert len(notebooks) == 6
    assert [line for path in notebooks for line in stray_outputs(path)] == []


def test_pdf_holds_the_key_figures(shared):
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(shared["report"] / f"lkjip_gedeg_{YEAR}.pdf").pages)
    # 97,33: the official IKM printed; 98,31: its recomputation, stated under Tabel 3.1.1
    for needle in ("Indeks Kepuasan Masyarakat", "86,13", "97,33", "98,31", "Daftar Isi"):
        assert needle in text, needle


def test_html_reads_offline(shared):
    html = (shared["report"] / f"lkjip_gedeg_{YEAR}.html").read_text(encoding="utf-8")
    assert "cdn" not in html.lower()
    assert "<script src=\"http" not in html and "<link href=\"http" not in html
    from lkjip.contract.pages import text_of

    full = (shared["report"] / f"lkjip_gedeg_{YEAR}_lengkap.html").read_text(encoding="utf-8")
    assert "report.build_report(" in text_of(full)  # the auditors' copy shows the code ...
    assert "report.build_report(" not in text_of(html)  # ... the officials' copy does not


def test_processed_outputs(shared):
    folder = shared["processed"]
    lines = (folder / "indicators.csv").read_text().splitlines()
    assert lines[0] == "indikator,nama,satuan,target,realisasi,capaian_pct,kategori,realisasi_resmi,sumber_resmi"
    assert len(lines) == 8
    sakip = next(line for line in lines if line.startswith("sakip,"))
    assert ",86.13," in sakip
    assert (folder / "audit.csv").exists()
    assert (folder / "ikm_survei.parquet").exists()


def test_same_inputs_give_the_same_outputs(workspace):
    def body(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        return text.split("Asal-usul Data")[0]  # the run time lives only in the provenance section

    report = workspace["report"] / f"lkjip_gedeg_{YEAR}.html"
    first_html = body(report)
    first_csv = (workspace["processed_dir"] / "gedeg" / str(YEAR) / "indicators.csv").read_bytes()
    first_audit = (workspace["processed_dir"] / "gedeg" / str(YEAR) / "audit.csv").read_bytes()
    pdfs = {p.name: p.read_bytes() for p in workspace["report"].glob("*.pdf")}
    first_layouts = json.loads((workspace["report"] / "run.json").read_text())["tata_letak_pdf"]
    again = run_unit_year("gedeg", YEAR, **_dirs(workspace), pdf=False, force=True)
    assert again.ok, again.message
    # --no-pdf with unchanged inputs: the earlier PDFs still describe the data and stay published, said so
    assert {p.name: p.read_bytes() for p in workspace["report"].glob("*.pdf")} == pdfs and len(pdfs) == 3
    record = json.loads((workspace["report"] / "run.json").read_text())
    assert record["pdf"] is False and record["pdf_dibawa"] == sorted(pdfs) and record["pdf_tidak_diterbitkan"] == []
    # the carried PDFs keep the layout record of the run that drew them
    assert sorted(record["tata_letak_pdf"]) == sorted(pdfs) and record["tata_letak_pdf"] == first_layouts
    assert any("PDF terbitan sebelumnya dibawa" in n for n in again.notes)
    assert "processed/indicators.csv" in record["published"] and "report/lkjip_gedeg_2023.pdf" in record["published"]
    assert (workspace["processed_dir"] / "gedeg" / str(YEAR) / "indicators.csv").read_bytes() == first_csv
    assert (workspace["processed_dir"] / "gedeg" / str(YEAR) / "audit.csv").read_bytes() == first_audit
    assert body(report) == first_html
    # an unchanged unit-year is skipped unless forced
    assert run_unit_year("gedeg", YEAR, **_dirs(workspace), pdf=False, force=False).skipped


def test_corrupted_survey_fails_and_keeps_the_earlier_report(workspace):
    before = tree_digest(workspace["report"])
    processed_before = tree_digest(workspace["processed_dir"] / "gedeg" / str(YEAR))
    survey = workspace["data_dir"] / "gedeg" / str(YEAR) / "ikm_survei.csv"
    original = survey.read_text(encoding="utf-8")
    lines = original.splitlines()
    cells = lines[5].split(",")
    cells[4] = "5"  # u3 of spreadsheet row 6
    lines[5] = ",".join(cells)
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "lkjip.cli", "run", "--unit", "gedeg", "--year", str(YEAR),
             "--data-dir", str(workspace["data_dir"]), "--processed-dir", str(workspace["processed_dir"]),
             "--reports-dir", str(workspace["reports_dir"])],
            capture_output=True, text=True, timeout=600,
        )
    finally:
        survey.write_text(original, encoding="utf-8")
    assert proc.returncode == 2
    assert "ikm_survei.csv" in proc.stderr and "baris 6" in proc.stderr and "u3" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert tree_digest(workspace["report"]) == before
    assert tree_digest(workspace["processed_dir"] / "gedeg" / str(YEAR)) == processed_before
    failed = workspace["reports_dir"] / "gedeg" / "_gagal" / str(YEAR) / "notebooks" / "02_validasi.ipynb"
    assert failed.exists()
    assert "papermill-error-cell" in failed.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- one published state (issue 11)


def _published(workspace) -> tuple[dict, dict]:
    return (tree_digest(workspace["reports_dir"] / "gedeg" / str(YEAR)),
            tree_digest(workspace["processed_dir"] / "gedeg" / str(YEAR)))


_CRASH_AFTER_TWO_RENAMES = r"""
import os, sys
from pathlib import Path
import lkjip.inputs.files as files
real, calls = files._rename, [0]
def rename(src, dst):
    if calls[0] == 2:
        os._exit(9)  # processed data swapped, the report not yet: the state kill -9 used to leave
    calls[0] += 1
    real(src, dst)
files._rename = rename
report, processed, stage_r, stage_p = map(Path, sys.argv[1:5])
files.publish([(stage_p, processed), (stage_r, report)], journal=report.parent / f".{report.name}.publish.json")
"""


def test_a_publish_killed_half_way_is_rolled_back_by_the_next_run(workspace):
    report = workspace["reports_dir"] / "gedeg" / str(YEAR)
    processed = workspace["processed_dir"] / "gedeg" / str(YEAR)
    before = _published(workspace)
    stage_r, stage_p = report.parent / f".{YEAR}-staging-x", processed.parent / f".{YEAR}-staging-x"
    shutil.copytree(report, stage_r)
    shutil.copytree(processed, stage_p)
    (stage_p / "indicators.csv").write_text("indikator\nbaru\n")
    (stage_r / "lkjip_gedeg_2023.html").write_text("<html>baru</html>\n")
    proc = subprocess.run([sys.executable, "-c", _CRASH_AFTER_TWO_RENAMES, str(report), str(processed),
                           str(stage_r), str(stage_p)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert (processed / "indicators.csv").read_text() == "indikator\nbaru\n"  # half published ...
    assert (report.parent / f".{YEAR}.publish.json").exists()
    # the copy was published with its PDFs: the same run again is up to date
    result = run_unit_year("gedeg", YEAR, **_dirs(workspace), pdf=True, force=False)
    assert result.ok and result.skipped  # ... repaired to the whole old state, which is up to date
    assert any("keadaan lama dipulihkan utuh" in n for n in result.notes)
    assert _published(workspace) == before
    for parent in (report.parent, processed.parent):
        assert not [p.name for p in parent.iterdir() if p.name.startswith(f".{YEAR}") and p.suffix != ".lock"]


def test_published_files_that_differ_from_run_json_always_rerun_and_stale_pdfs_go(workspace):
    from lkjip.inputs import published_state as publishing
    from lkjip.run.pipeline import fingerprint

    report = workspace["reports_dir"] / "gedeg" / str(YEAR)
    processed = workspace["processed_dir"] / "gedeg" / str(YEAR)
    steps = steps_for("gedeg", YEAR, workspace["data_dir"])
    digest = fingerprint(workspace["data_dir"], "gedeg", YEAR, steps, pdf=True)  # the shared run drew its PDFs
    assert publishing.up_to_date(report, processed, digest)
    # what an old `lkjip ingest` did: new Parquet beside the old report
    good = (processed / "ikm_survei.parquet").read_bytes()
    (processed / "ikm_survei.parquet").write_bytes(good[:-10] + b"0123456789")
    assert not publishing.up_to_date(report, processed, digest)
    (processed / "ikm_survei.parquet").write_bytes(good)
    (report / "lkjip_gedeg_2023.pdf").unlink()  # a published file gone
    assert not publishing.up_to_date(report, processed, digest)
    # the inputs change (a note in the unit's folder is an input too): the PDFs no longer describe them
    readme = workspace["data_dir"] / "gedeg" / "README.md"
    original = readme.read_text(encoding="utf-8")
    readme.write_text(original + "\nCatatan tambahan.\n", encoding="utf-8")
    try:
        result = run_unit_year("gedeg", YEAR, **_dirs(workspace), pdf=False, force=False)
    finally:
        readme.write_text(original, encoding="utf-8")
    assert result.ok and not result.skipped, result.message
    assert sorted(report.glob("*.pdf")) == []
    note = next(n for n in result.notes if "PDF lama tidak diterbitkan" in n)
    assert "audit_gedeg_2023.pdf" in note and "lkjip run --unit gedeg --year 2023` (tanpa --no-pdf)" in note
    record = json.loads((report / "run.json").read_text())
    assert record["pdf_tidak_diterbitkan"] == ["analisis_sakip_gedeg_2023.pdf", "audit_gedeg_2023.pdf"]
    assert record["tata_letak_pdf"] == {}
    assert (processed / "ikm_survei.parquet").read_bytes() == good
    assert publishing.up_to_date(report, processed, record["fingerprint"])
