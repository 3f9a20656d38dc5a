"""The audit PDF of 2023 as ``lkjip run`` writes it: no identifier an auditor cannot read, A4, its pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

LAYOUT_TOOL = Path("/work/shared/tools/pdf_layout.py")
#: A snake_case identifier (``realisasi_anggaran_pct``) that is not a file name (``paten_layanan.csv``).
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b(?!\.(?:csv|xlsx|parquet))")
#: A figure id with its argument (``pagu:7.01.01``, ``tc27_pagu:<kode>``).
COLON_ID = re.compile(r"\b[a-z][a-z0-9_]*:[<a-z0-9]")


def raw_identifiers(text: str) -> list[str]:
    return sorted(set(SNAKE.findall(text)) | set(m.group(0) for m in COLON_ID.finditer(text)))


@pytest.fixture(scope="module")
def audit_pdf(bundled_reports):
    """The audit PDF of 2023 as ``lkjip run`` writes it (04_audit executed, exported with its PDF),
    from the session's one run of the bundled unit."""
    return bundled_reports[2023] / "audit_gedeg_2023.pdf"


def test_the_audit_pdf_has_no_identifier_and_fits_its_pages(audit_pdf):
    from pypdf import PdfReader

    reader = PdfReader(audit_pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert raw_identifiers(text) == []
    for needle in ("Cakupan per bab", "Salah ketik digit", "Pindah Keluar", "Daftar lengkap angka yang diperiksa",
                   "Angka yang tidak dapat diperiksa", "01/01/2024 s.d. 30/01/2024",
                   "Angka yang diperiksa per tempat di LKjIP", "Angka yang tidak dapat diperiksa, per alasan",
                   "laporan audit ini versi layar"):
        assert needle in " ".join(text.split()), needle
    # every difference is printed with its explanation; the figures found equal only as counts per place
    flat = " ".join(text.split())
    assert flat.count("Angka tercetak 641 dan hasil hitung ulang 941") == 1
    assert "targets.csv baris 2" not in flat          # a row of the full list (equal figure): screen only
    html = (audit_pdf.parent / "audit_gedeg_2023.html").read_text(encoding="utf-8")
    assert "targets.csv baris 2<" in html and html.count("<h3>") > 40   # the HTML keeps every row
    # A4 landscape throughout (the auditor's working paper: findings with both documents' places, three
    # amounts and an explanation per row), one orientation so that the print checks learn one text width
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(842, 595)}
    # no amount broken inside its figure ("Rp 30.000." on one line, "000" on the next)
    assert re.findall(r"Rp -?[0-9.]*\.$", text, re.M) == []
    # 49 pages in 2023: each finding names its place in both LKjIPs, and the generated LKjIP's own findings
    # have their section, tables in 8 pt (issue 25)
    assert len(reader.pages) < 75  # 68 in 2023 (issue 25 closing note: a shorter print version is open)
    if LAYOUT_TOOL.is_file() and shutil.which("pdftotext"):
        run = subprocess.run(["python3", str(LAYOUT_TOOL), str(audit_pdf)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout
