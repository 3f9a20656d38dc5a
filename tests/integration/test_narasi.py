"""narasi.md: named sections read into a mapping, errors with file and line, and `lkjip narasi`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip.cli import main
from lkjip.errors import DataError, DataErrors
from lkjip.inputs.narasi import NARASI_KEYS, parse_narasi, read_narasi

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_2023_narrative_reads(raw_dir):
    n = read_narasi(raw_dir, "gedeg", 2023)
    assert len(n) == 20 and not n.drafts and n.source.endswith("data/raw/gedeg/2023/narasi.md")
    assert n["kata_pengantar"].startswith("Puji syukur kehadiran Allah Tuhan Yang Maha Kuasa")
    assert n["kemajuan_renstra"].startswith("1. Pelayanan di Kecamatan Gedeg telah berjalan dengan baik")
    assert set(n) <= set(NARASI_KEYS)


def test_an_absent_file_is_an_empty_mapping(raw_dir):
    n = read_narasi(raw_dir, "gedeg", 2022)
    assert dict(n) == {} and n.source is None


def test_unknown_and_repeated_keys_name_file_and_line():
    text = "## saran\nSatu.\n\n## sarann\nDua.\n## saran\nTiga.\n"
    with pytest.raises(DataErrors) as caught:
        parse_narasi(text, "data/raw/x/2023/narasi.md")
    errors = caught.value.errors
    assert [(e.file, e.row) for e in errors] == [("data/raw/x/2023/narasi.md", 4), ("data/raw/x/2023/narasi.md", 6)]
    assert "kunci bagian tidak dikenal: 'sarann'" in errors[0].rule
    assert errors[1].rule == "bagian 'saran' sudah ada di baris 1"


@pytest.mark.parametrize("text, line, rule", [
    ("Pengantar tanpa judul.\n## saran\nx\n", 1, "teks sebelum judul bagian pertama"),
    ("## saran\n<b>tebal</b>\n", 2, "HTML tidak diperbolehkan"),
    ("## saran\n| a | b |\n", 2, "tabel tidak diperbolehkan"),
    ("## saran\n![peta](peta.png)\n", 2, "gambar tidak diperbolehkan"),
    ("## saran\n### Sub judul\n", 2, "judul selain"),
    ("## saran\nx <!-- tidak ditutup\n", None, "komentar '<!--' tidak ditutup"),
])
def test_what_the_format_refuses(text, line, rule):
    with pytest.raises(DataError) as caught:
        parse_narasi(text)
    assert caught.value.row == line and rule in caught.value.rule


def test_comments_empty_sections_lists_and_drafts():
    text = ("<!-- pembuka\n   beberapa baris -->\n\n## kesimpulan\n<!-- draf -->\nBaik.\n\n## saran\n\n"
            "## kemajuan_renstra\n1. Satu\n2. *Dua* dan **tiga** <!-- catatan analis -->\n")
    n = parse_narasi(text)
    assert dict(n) == {"kesimpulan": "Baik.", "kemajuan_renstra": "1. Satu\n2. *Dua* dan **tiga**"}
    assert n.is_draft("kesimpulan") and not n.is_draft("kemajuan_renstra")
    assert "saran" not in n and n.line("kemajuan_renstra") == 10


def test_lkjip_narasi_writes_a_skeleton_once(raw_dir, tmp_path, capsys):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    target = tmp_path / "gedeg" / "2022" / "narasi.md"
    assert main(["narasi", "--unit", "gedeg", "--year", "2022", "--data-dir", str(tmp_path)]) == 0
    text = target.read_text(encoding="utf-8")
    n = read_narasi(tmp_path, "gedeg", 2022)
    assert all(f"## {k}\n" in text for k in NARASI_KEYS)
    # the package's drafts are filled in and marked draft; the rest stays empty (absent)
    assert set(n) == {"efisiensi_sumber_daya", "kesimpulan", "saran"} and n.drafts == set(n)
    assert "Draf narasi" not in text
    target.write_text(text.replace("## saran\n", "## saran\nSaran analis.\n"), encoding="utf-8")
    edited = target.read_bytes()
    assert main(["narasi", "--unit", "gedeg", "--year", "2022", "--data-dir", str(tmp_path)]) == 64
    assert "sudah ada dan tidak ditimpa" in capsys.readouterr().err
    assert target.read_bytes() == edited
    out = tmp_path / "lain.md"
    assert main(["narasi", "--unit", "gedeg", "--year", "2022", "--data-dir", str(tmp_path), "--out", str(out),
                 "--tanpa-draf"]) == 0
    assert dict(parse_narasi(out.read_text(encoding="utf-8"))) == {}


def test_only_the_narasi_command_writes_the_file():
    users = [p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src" / "lkjip").rglob("*.py")
             if "write_skeleton" in p.read_text(encoding="utf-8")]
    assert sorted(users) == ["lkjip/cli.py", "lkjip/document/narasi_skeleton.py"]


def test_validation_reports_a_broken_narrative_and_the_report_carries_it(raw_dir, tmp_path, gedeg_report):
    from lkjip.run.steps import load_inputs, validate_inputs

    assert len(gedeg_report.narasi) == 20  # build_report(raw_dir, "gedeg", 2023), made once per session
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    path = tmp_path / "gedeg" / "2023" / "narasi.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## saran", "## sarann"), encoding="utf-8")
    result = validate_inputs(load_inputs(tmp_path, "gedeg", 2023))
    failed = [f for f in result.errors if f.dataset == "narasi"]
    assert len(failed) == 1 and failed[0].file.endswith("gedeg/2023/narasi.md")
    assert "kunci bagian tidak dikenal: 'sarann'" in failed[0].values[0]
    errors = [str(e) for e in result.data_errors() if "narasi.md" in e.file]
    assert len(errors) == 1 and ", baris " in errors[0]
