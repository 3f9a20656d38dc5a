"""A run reruns only the steps whose inputs changed (issue "One home for each document part"): editing
narasi.md reruns the validation and the LKjIP, and keeps what ingest, indicators and audit published."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lkjip.cli import main
from lkjip.inputs.chain import NARASI


def test_editing_narasi_md_reruns_only_the_validation_and_the_lkjip(tmp_path, raw_dir, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(raw_dir / "gedeg", raw / "gedeg", ignore=shutil.ignore_patterns("2022", "2023"))
    folders = ["--data-dir", str(raw), "--processed-dir", str(tmp_path / "processed"),
               "--reports-dir", str(tmp_path / "reports")]
    assert main(["run", "--unit", "gedeg", "--year", "2021", "--no-pdf", *folders]) == 0
    report = tmp_path / "reports" / "gedeg" / "2021"
    processed = tmp_path / "processed" / "gedeg" / "2021"
    first = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert first["steps_reused"] == [] and sorted(first["step_fingerprints"]) == first["steps"]
    kept = {p.relative_to(processed): p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    audit_nb = (report / "notebooks" / "04_audit.ipynb").read_bytes()

    (raw / "gedeg" / "2021" / NARASI).write_text(
        "## kata_pengantar\n\nPuji syukur: laporan ini disusun ulang setelah kata pengantar ditulis.\n",
        encoding="utf-8")
    capsys.readouterr()
    assert main(["run", "--unit", "gedeg", "--year", "2021", "--no-pdf", *folders]) == 0
    said = capsys.readouterr().err
    second = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert second["steps_reused"] == ["01_ingest.ipynb", "03_indikator.ipynb", "04_audit.ipynb"]
    assert set(second["timings_s"]) >= {"02_validasi.ipynb", "05_lkjip.ipynb"}
    assert not {"01_ingest.ipynb", "03_indikator.ipynb", "04_audit.ipynb"} & set(second["timings_s"])
    assert "Audit Angka yang Dipublikasikan (masukan tidak berubah, hasil terbitan dipakai)" in said
    # what the kept steps published is byte for byte the same; the LKjIP says the new words
    now = {p.relative_to(processed): p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    assert now == kept
    assert (report / "notebooks" / "04_audit.ipynb").read_bytes() == audit_nb
    html = next(Path(report).glob("lkjip_gedeg_2021.html")).read_text(encoding="utf-8")
    assert "disusun ulang setelah kata pengantar ditulis" in html
