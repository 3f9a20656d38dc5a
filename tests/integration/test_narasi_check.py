"""narasi.md is checked by the LKjIP step, not the validation step (issue 22, goal 7): editing only the
narrative reruns the LKjIP and its export; the check's outcome still lands in the run's validation report,
and a broken narrative still stops the run with file, line and rule."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from lkjip.errors import DataErrors
from lkjip.run.narasi_check import check_narasi
from lkjip.run.steps import VALIDATION_DIR
from lkjip.validation.optional_columns import narasi_findings
from lkjip.validation.report import render_validation_report
from lkjip.validation.results import ERROR, WARNING, Finding, ValidationResult
from lkjip.validation.stored import read_result


def _result() -> ValidationResult:
    """What the validation step writes, without the narrative: one passed rule, one warning with rows."""
    return ValidationResult(2023, [
        Finding("anggaran", "data/raw/gedeg/2023/anggaran.csv", "pagu tidak boleh negatif", ERROR, "pagu", [], [],
                "expect_column_values_to_be_between", True, rule_id="anggaran.pagu.min"),
        Finding("pegawai", "data/raw/gedeg/2023/pegawai.xlsx", "total sama dengan jumlah baris", WARNING, "jumlah",
                [5, 9], ["12", "7"], "lkjip.lintas_berkas", False, rule_id="pegawai.total", rows_total=2,
                detail="selisih 1"),
        Finding("layanan", "layanan.csv", "kolom bulan ada", ERROR, None, [], [], "expect_column_to_exist", None),
    ], sources={"anggaran": "data/raw/gedeg/2023/anggaran.csv"})


def test_validasi_json_reads_back_as_the_result_that_wrote_it(tmp_path):
    result = _result()
    path = result.to_json(tmp_path / "validasi.json")
    again = read_result(path)
    assert again.as_dict() == result.as_dict()
    assert render_validation_report(again, "Kecamatan Gedeg", 2023) == render_validation_report(
        result, "Kecamatan Gedeg", 2023)


def _unit_year(tmp_path, raw_dir, narasi_edit=None):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "raw" / "gedeg")
    narasi = tmp_path / "raw" / "gedeg" / "2023" / "narasi.md"
    if narasi_edit:
        narasi.write_text(narasi_edit(narasi.read_text(encoding="utf-8")), encoding="utf-8")
    report = tmp_path / "report"
    _result().to_json(report / VALIDATION_DIR / "validasi.json")
    return SimpleNamespace(data_dir=tmp_path / "raw", unit="gedeg", year=2023, report_dir=report), report


def test_the_lkjip_step_adds_the_narratives_finding_to_the_runs_validation_report(tmp_path, raw_dir):
    ctx, report = _unit_year(tmp_path, raw_dir)
    check_narasi(ctx)
    stored = json.loads((report / VALIDATION_DIR / "validasi.json").read_text(encoding="utf-8"))
    assert [f["dataset"] for f in stored["temuan"]] == ["anggaran", "pegawai", "layanan", "narasi"]
    assert stored["temuan"][-1]["status"] == "lulus" and stored["ringkasan"]["aturan"] == 4
    # the same report the validation step wrote when it checked the narrative itself
    before = ValidationResult(2023, _result().findings + narasi_findings(ctx.data_dir, "gedeg", 2023),
                              sources=_result().sources)
    assert stored == json.loads(json.dumps(before.as_dict()))
    html = (report / VALIDATION_DIR / "validasi.html").read_text(encoding="utf-8")
    assert html == render_validation_report(before, "Kecamatan Gedeg", 2023)
    check_narasi(ctx)  # a rerun replaces the finding, never adds a second one
    again = json.loads((report / VALIDATION_DIR / "validasi.json").read_text(encoding="utf-8"))
    assert again == stored


def test_a_broken_narrative_stops_the_lkjip_step_with_file_line_and_rule(tmp_path, raw_dir):
    ctx, report = _unit_year(tmp_path, raw_dir, lambda text: text.replace("## saran", "## sarann"))
    with pytest.raises(DataErrors) as caught:
        check_narasi(ctx)
    [error] = caught.value.errors
    assert error.file.endswith("gedeg/2023/narasi.md") and error.row is not None
    assert "kunci bagian tidak dikenal: 'sarann'" in str(error)
    stored = json.loads((report / VALIDATION_DIR / "validasi.json").read_text(encoding="utf-8"))
    failed = [f for f in stored["temuan"] if f["dataset"] == "narasi"]
    assert len(failed) == 1 and failed[0]["status"] == "gagal" and stored["ok"] is False
    assert "kunci bagian tidak dikenal: 'sarann'" in failed[0]["contoh_nilai"][0]


def test_a_hand_run_without_a_validation_report_only_checks(tmp_path, raw_dir):
    ctx, report = _unit_year(tmp_path, raw_dir)
    shutil.rmtree(report)
    check_narasi(ctx)
    assert not report.exists()
