"""A run reruns only the steps whose inputs changed (issue "One home for each document part"): editing
narasi.md reruns the LKjIP and its export only, and keeps what ingest, validation, indicators, audit
and analysis published, their PDFs included; the narrative's check is still in the validation report
(the LKjIP step puts it there). The case is the benchmark's goal 7, on a copy of the shared run."""

from __future__ import annotations

import json

from lkjip.cli import main
from lkjip.inputs.chain import NARASI

YEAR = 2021  # no narasi.md yet in the bundled unit: the edit adds one


def test_editing_narasi_md_reruns_only_the_lkjip_and_its_pdf(own_bundled_run, capsys):
    raw, processed_dir, reports_dir = (own_bundled_run[k] for k in ("data_dir", "processed_dir", "reports_dir"))
    folders = ["--data-dir", str(raw), "--processed-dir", str(processed_dir), "--reports-dir", str(reports_dir)]
    report = reports_dir / "gedeg" / str(YEAR)
    processed = processed_dir / "gedeg" / str(YEAR)
    first = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert first["steps_reused"] == [] and sorted(first["step_fingerprints"]) == first["steps"]
    kept = {p.relative_to(processed): p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    audit_nb = (report / "notebooks" / "04_audit.ipynb").read_bytes()
    audit_pdf = (report / f"audit_gedeg_{YEAR}.pdf").read_bytes()
    lkjip_pdf = (report / f"lkjip_gedeg_{YEAR}.pdf").read_bytes()
    checked = json.loads((report / "validation" / "validasi.json").read_text(encoding="utf-8"))["temuan"]
    assert not (raw / "gedeg" / str(YEAR) / NARASI).exists()
    assert [f for f in checked if f["dataset"] == "narasi"] == []

    (raw / "gedeg" / str(YEAR) / NARASI).write_text(
        "## kata_pengantar\n\nPuji syukur: laporan ini disusun ulang setelah kata pengantar ditulis.\n",
        encoding="utf-8")
    capsys.readouterr()
    assert main(["run", "--unit", "gedeg", "--year", str(YEAR), *folders]) == 0
    said = capsys.readouterr().err
    second = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert second["steps_reused"] == ["01_ingest.ipynb", "02_validasi.ipynb", "03_indikator.ipynb",
                                      "04_audit.ipynb"]  # no 06: 2021 has no earlier year
    assert [k for k in second["timings_s"] if k.endswith(".ipynb")] == ["05_lkjip.ipynb"]
    assert [k for k in second["timings_s"] if k.startswith("ekspor")] == ["ekspor lkjip"]
    assert "Validasi Data (masukan tidak berubah, hasil terbitan dipakai)" in said
    assert "Audit Angka yang Dipublikasikan (masukan tidak berubah, hasil terbitan dipakai)" in said
    # what the kept steps published is byte for byte the same, their PDFs and layout records too
    now = {p.relative_to(processed): p.read_bytes() for p in processed.rglob("*") if p.is_file()}
    assert now == kept
    assert (report / "notebooks" / "04_audit.ipynb").read_bytes() == audit_nb
    assert (report / f"audit_gedeg_{YEAR}.pdf").read_bytes() == audit_pdf
    assert sorted(second["tata_letak_pdf"]) == sorted(first["tata_letak_pdf"])
    assert second["tata_letak_pdf"][f"audit_gedeg_{YEAR}.pdf"] == first["tata_letak_pdf"][f"audit_gedeg_{YEAR}.pdf"]
    # the LKjIP is printed anew, with the new words
    assert (report / f"lkjip_gedeg_{YEAR}.pdf").read_bytes() != lkjip_pdf
    printed = second["tata_letak_pdf"][f"lkjip_gedeg_{YEAR}.pdf"]
    assert printed["melewati_tepi"] == []
    # its unchanged chapters kept the last print's page decisions (lkjip.render.layout_memory); the edited
    # Kata Pengantar was balanced anew
    assert first["tata_letak_pdf"][f"lkjip_gedeg_{YEAR}.pdf"]["bab_diingat"] == 0
    assert 0 < printed["bab_diingat"] < len(printed["bab"])
    # the validation was reused, and the LKjIP step added the new narrative's check to its report
    now_checked = json.loads((report / "validation" / "validasi.json").read_text(encoding="utf-8"))["temuan"]
    assert now_checked[:-1] == checked
    assert (now_checked[-1]["dataset"], now_checked[-1]["status"]) == ("narasi", "lulus")
    assert "narasi.md" in (report / "validation" / "validasi.html").read_text(encoding="utf-8")
    html = (report / f"lkjip_gedeg_{YEAR}.html").read_text(encoding="utf-8")
    assert "disusun ulang setelah kata pengantar ditulis" in html
