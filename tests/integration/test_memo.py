"""Results kept for the process (lkjip.inputs.cache): a hit only for the same content, never a shared object."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lkjip.inputs import ingest, cache as memo
from lkjip.errors import DataError, DataErrors
from lkjip.indicators.iku import compute_all
from lkjip.inputs.ingest import read_dataset, read_year
from lkjip.inputs.year import load_inputs

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"


@pytest.fixture(autouse=True)
def _fresh():
    memo.clear_all()
    yield
    memo.clear_all()


def test_a_file_read_again_is_a_copy_of_the_first_reading(tmp_path):
    path = tmp_path / "sakip_evaluasi.csv"
    shutil.copy(RAW / "gedeg" / "2022" / "sakip_evaluasi.csv", path)
    first = read_dataset(path, "sakip_evaluasi")
    first.loc[0, "nilai"] = -1.0
    first.attrs["kolom_diabaikan"].append("x")
    second = read_dataset(path, "sakip_evaluasi")
    assert ingest._READS.hits == 1
    assert second.loc[0, "nilai"] != -1.0 and "x" not in second.attrs["kolom_diabaikan"]
    memo.clear_all()
    pd.testing.assert_frame_equal(second, read_dataset(path, "sakip_evaluasi"), check_exact=True)


def test_an_edited_file_is_read_anew(tmp_path):
    path = tmp_path / "sakip_evaluasi.csv"
    shutil.copy(RAW / "gedeg" / "2022" / "sakip_evaluasi.csv", path)
    before = read_dataset(path, "sakip_evaluasi")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    col = lines[0].rstrip("\n").split(",").index("nilai")
    cells = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join(cells[:col] + ["1.5"] + cells[col + 1:]) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    after = read_dataset(path, "sakip_evaluasi")
    assert after.loc[0, "nilai"] == 1.5 != before.loc[0, "nilai"]


def test_a_file_with_errors_reports_them_every_time(tmp_path):
    path = tmp_path / "sakip_evaluasi.csv"
    text = (RAW / "gedeg" / "2022" / "sakip_evaluasi.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    col = lines[0].rstrip("\n").split(",").index("nilai")
    cells = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join(cells[:col] + ["banyak"] + cells[col + 1:]) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    for _ in range(2):
        with pytest.raises((DataError, DataErrors)) as exc:
            read_dataset(path, "sakip_evaluasi")
        assert "nilai" in str(exc.value)
        collected = []
        frame = read_dataset(path, "sakip_evaluasi", collect=collected)
        assert [e.column for e in collected] == ["nilai"] and pd.isna(frame.loc[0, "nilai"])
    assert len(ingest._READS) == 0


def test_indicators_of_the_same_inputs_are_computed_once_and_handed_out_as_copies():
    frames, _ = read_year(RAW, "gedeg", 2022)
    inputs = load_inputs(RAW, "gedeg", 2022)
    from lkjip.indicators import iku as indicators

    first = compute_all(frames, inputs.targets, inputs.unit.as_dict(), 2022)
    first.tabel.loc[0, "realisasi"] = -5.0
    first.ikm_rincian.clear()
    # equal content read again (another copy of the frames) is a hit; no breakdowns served from the full result
    again, _ = read_year(RAW, "gedeg", 2022)
    lean = compute_all(again, inputs.targets, inputs.unit.as_dict(), 2022, breakdowns=False)
    full = compute_all(again, inputs.targets, inputs.unit.as_dict(), 2022)
    assert indicators._RESULTS.hits == 2 and indicators._RESULTS.misses == 1
    assert lean.ikm_rincian == {} and set(full.ikm_rincian) >= {"bulan", "layanan"}
    assert full.tabel.loc[0, "realisasi"] != -5.0
    memo.clear_all()
    pd.testing.assert_frame_equal(full.tabel, compute_all(frames, inputs.targets, inputs.unit.as_dict(),
                                                          2022).tabel, check_exact=True)


def test_different_content_is_never_a_hit():
    frames, _ = read_year(RAW, "gedeg", 2022)
    inputs = load_inputs(RAW, "gedeg", 2022)
    base = compute_all(frames, inputs.targets, inputs.unit.as_dict(), 2022).tabel.set_index("indikator")
    changed = {k: v.copy() for k, v in frames.items()}
    survey = changed["ikm_survei"]
    survey.loc[0, "u1"] = 1 if survey.loc[0, "u1"] != 1 else 4
    other = compute_all(changed, inputs.targets, inputs.unit.as_dict(), 2022).tabel.set_index("indikator")
    assert other.loc["ikm", "realisasi"] != base.loc["ikm", "realisasi"]
    assert other.loc["sakip", "realisasi"] == base.loc["sakip", "realisasi"]
    assert compute_all(frames, inputs.targets, inputs.unit.as_dict(), 2022, ikm_weight="0.111").tabel.set_index(
        "indikator").loc["ikm", "realisasi"] != base.loc["ikm", "realisasi"]


def test_content_keys_see_values_types_and_masks_not_layout():
    a = pd.DataFrame({"x": pd.array([1, None, 3], dtype="Int64"), "s": ["1", "b", None]})
    b = pd.concat([a[["x"]], a[["s"]]], axis=1)  # same content, other blocks
    assert memo.content_key(a) == memo.content_key(b)
    assert memo.content_key(a) != memo.content_key(a.assign(s=[1, "b", None]))  # 1 is not "1"
    assert memo.content_key(a) != memo.content_key(a.assign(x=pd.array([1, 2, 3], dtype="Int64")))
    assert memo.content_key(a) != memo.content_key(a.astype({"x": "float64"}))
    assert memo.content_key(pd.DataFrame({"f": [0.0]})) != memo.content_key(pd.DataFrame({"f": [-0.0]}))
    big = pd.DataFrame({"x": np.zeros(memo.MAX_ROWS + 1)})
    assert memo.content_key(big) is None


def test_findings_of_the_same_frame_are_computed_once_name_the_caller_s_file_and_are_copies(tmp_path):
    from lkjip.validation import run as validation

    frame = read_dataset(RAW / "gedeg" / "2023" / "inovasi.csv", "inovasi")
    first = validation.validate_frame("inovasi", frame, 2023, "a/inovasi.csv")
    assert validation._FINDINGS.misses == 1 and validation._FINDINGS.hits == 0
    first[0].rows.append(999)
    second = validation.validate_frame("inovasi", frame.copy(), 2023, "b/inovasi.csv")
    assert validation._FINDINGS.hits == 1
    assert {f.file for f in first} == {"a/inovasi.csv"} and {f.file for f in second} == {"b/inovasi.csv"}
    assert 999 not in second[0].rows
    memo.clear_all()
    fresh = validation.validate_frame("inovasi", frame, 2023, "b/inovasi.csv")
    assert [f.as_dict() for f in fresh] == [f.as_dict() for f in second]
    # another frame, another year, another suite: computed, never the kept findings
    blank = frame.copy()
    blank.loc[0, "nama"] = pd.NA
    failed = {f.rule_id for f in validation.validate_frame("inovasi", blank, 2023) if f.failed}
    assert "inovasi.nama.terisi" in failed and not any(f.failed for f in fresh)
    validation.validate_frame("inovasi", frame, 2024)
    import json

    from lkjip.validation import default_expectations_dir

    suite = json.loads((default_expectations_dir() / "inovasi.json").read_text(encoding="utf-8"))
    suite["expectations"] = [e for e in suite["expectations"] if e["meta"]["id"] == "inovasi.nama.terisi"]
    (tmp_path / "inovasi.json").write_text(json.dumps(suite), encoding="utf-8")
    own = validation.validate_frame("inovasi", frame, 2023, expectations_dir=tmp_path)
    assert [f.rule_id for f in own] == ["inovasi.nama.terisi"]
    assert validation._FINDINGS.hits == 0 and validation._FINDINGS.misses == 4
