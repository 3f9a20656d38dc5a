"""Export (HTML without/with code, PDF) and provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from lkjip.render import export
from lkjip.inputs import provenance

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "laporan_kecil.ipynb"
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
    assert '<td class="num">4.061</td>' in report  # numbers right-aligned


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


@pytest.mark.slow
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


# -- provenance --------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path) -> dict[str, Path]:
    data = tmp_path / "data"
    data.mkdir()
    csv_path = data / "paten.csv"
    csv_path.write_text("layanan;jan;feb\nKK;332;317\nKTP;250;273\n\nAkte;91;66\n", encoding="utf-8")
    yaml_path = data / "target.yaml"
    yaml_path.write_bytes(b"abc")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["nip", "nama", "total"])
    for i in range(5):
        ws.append([f"1977{i}", f"ASN {i}", 90 + i])
    wb.create_sheet("lain").append(["x"])
    xlsx_path = data / "ipasn.xlsx"
    wb.save(xlsx_path)
    return {"csv": csv_path, "yaml": yaml_path, "xlsx": xlsx_path, "root": tmp_path}


def test_sha256_of_known_content(inputs):
    expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # sha256("abc")
    assert provenance.sha256_file(inputs["yaml"]) == expected


def test_sha256_reads_large_files_in_chunks(tmp_path):
    # larger than the 1 MiB read size, with a different last byte than its twin
    big, twin = tmp_path / "besar.bin", tmp_path / "kembar.bin"
    body = bytes(range(256)) * 8193
    big.write_bytes(body + b"a")
    twin.write_bytes(body + b"b")
    assert provenance.sha256_file(big) == hashlib.sha256(body + b"a").hexdigest()
    assert provenance.sha256_file(big) != provenance.sha256_file(twin)


def test_row_counts(inputs):
    assert provenance.count_rows(inputs["csv"]) == 3  # header and blank line not counted
    assert provenance.count_rows(inputs["xlsx"]) == 5  # first sheet only
    assert provenance.count_rows(inputs["yaml"]) is None


def test_collect_provenance(inputs, monkeypatch):
    monkeypatch.setattr(provenance, "git_state", lambda root: None)
    started = dt.datetime(2024, 1, 31, 9, 0, 0)
    prov = provenance.collect_provenance(
        [inputs["xlsx"], inputs["csv"], inputs["yaml"]], {"tahun": 2023},
        root=inputs["root"], started_at=started, finished_at=started + dt.timedelta(seconds=12.5),
        validation_summary={"ok": True},
    )
    assert prov["parameters"] == {"tahun": 2023}
    assert [f["path"] for f in prov["inputs"]] == ["data/ipasn.xlsx", "data/paten.csv",
                                                   "data/target.yaml"]
    assert [f["rows"] for f in prov["inputs"]] == [5, 3, None]
    assert prov["git"] is None
    assert prov["duration_s"] == 12.5
    assert prov["started_at"] == "2024-01-31T09:00:00"
    assert prov["validation"] == {"ok": True}
    versions = prov["versions"]
    assert versions["python"] and versions["pandas"] and versions["matplotlib"]
    assert set(provenance.PACKAGES) <= set(versions)

    frame = provenance.provenance_frame(prov)
    assert list(frame.columns[:3]) == ["Berkas masukan", "SHA-256", "Jumlah baris"]
    assert frame["Jumlah baris"].tolist()[:2] == [5, 3]
    block = provenance.provenance_html(prov)
    assert "<th>Berkas masukan</th>" in block and "data/paten.csv" in block
    assert "bukan repositori git" in block


def test_hash_inputs_order_independent_and_sensitive(inputs):
    paths = [inputs["csv"], inputs["yaml"], inputs["xlsx"]]
    root = inputs["root"]
    first = provenance.hash_inputs(paths, root=root)
    assert first == provenance.hash_inputs(list(reversed(paths)), root=root)
    # default root is the common parent, so the digest does not depend on where the files live
    assert provenance.hash_inputs(paths) == provenance.hash_inputs(paths, root=root / "data")
    inputs["yaml"].write_bytes(b"abd")
    assert provenance.hash_inputs(paths, root=root) != first


def test_git_state_without_running_git(monkeypatch, tmp_path):
    calls = []

    def fake_run(cmd, **kwargs):
        calls.append(cmd)
        if cmd[:2] == ["git", "rev-parse"]:
            return subprocess.CompletedProcess(cmd, 0, stdout="abc123\n", stderr="")
        return subprocess.CompletedProcess(cmd, 0, stdout=" M src/x.py\n", stderr="")

    monkeypatch.setattr(provenance.subprocess, "run", fake_run)
    assert provenance.git_state(tmp_path) == {"commit": "abc123", "dirty": True}

    def not_a_repo(cmd, **kwargs):
        return subprocess.CompletedProcess(cmd, 128, stdout="", stderr="fatal: not a git repository")

    monkeypatch.setattr(provenance.subprocess, "run", not_a_repo)
    assert provenance.git_state(tmp_path) is None

    def no_git(cmd, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(provenance.subprocess, "run", no_git)
    assert provenance.git_state(tmp_path) is None
