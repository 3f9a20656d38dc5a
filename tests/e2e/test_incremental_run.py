"""A run reruns only the steps whose inputs changed (issue "One home for each document part"): editing
narasi.md reruns the LKjIP and its export only, and keeps what ingest, validation, indicators and audit
published; the narrative's check is still in the validation report (the LKjIP step puts it there)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lkjip.cli import main
from lkjip.inputs.chain import NARASI


def test_editing_narasi_md_reruns_only_the_lkjip(tmp_path, raw_dir, capsys):
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
    checked = json.loads((report / "validation" / "validasi.json").read_text(encoding="utf-8"))["temuan"]
    assert [f for f in checked if f["dataset"] == "narasi"] == []  # 2021 has no narasi.md yet

    (raw / "gedeg" / "2021" / NARASI).write_text(
        "## kata_pengantar\n\nPuji syukur: laporan ini disusun ulang setelah kata pengantar ditulis.\n",
        encoding="utf-8")
    capsys.readouterr()
    assert main(["run", "--unit", "gedeg", "--year", "2021", "--no-pdf", *folders]) == 0
    said = capsys.readouterr().err
    second = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert second["steps_reused"] == ["01_ingest.ipynb", "02_validasi.ipynb", "03_indikator.ipynb",
                                      "04_audit.ipynb"]
    assert [k for k in second["timings_s"] if k.endswith(".ipynb")] == ["05_lkjip.ipynb"]
    assert "Validasi Data (masukan tidak berubah, hasil terbitan dipakai)" in said
    assert "Audit Angka yang Dipublikasikan (masukan tidak berubah, hasil terbitan dipakai)" in said
    # what the kept steps published is byte for byte the same; the LKjIP says the new words
    now = {p.relative_to(processed): p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    assert now == kept
    assert (report / "notebooks" / "04_audit.ipynb").read_bytes() == audit_nb
    # the validation was reused, and the LKjIP step added the new narrative's check to its report
    now_checked = json.loads((report / "validation" / "validasi.json").read_text(encoding="utf-8"))["temuan"]
    assert now_checked[:-1] == checked
    assert (now_checked[-1]["dataset"], now_checked[-1]["status"]) == ("narasi", "lulus")
    assert "narasi.md" in (report / "validation" / "validasi.html").read_text(encoding="utf-8")
    html = next(Path(report).glob("lkjip_gedeg_2021.html")).read_text(encoding="utf-8")
    assert "disusun ulang setelah kata pengantar ditulis" in html
