"""Earlier years for the multi-year tables: the published frames when fresh, the raw files otherwise.

A published year is used only when its run.json records the input fingerprint
the raw files, code and versions give now, and every Parquet file is the one
that run published; anything else (stale, edited, extra, missing) reads the
raw files, and the figures are the same either way.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip.inputs import cache as memo, published_state as publishing
from lkjip.indicators.iku import compute_all
from lkjip.inputs.ingest import read_year, write_processed
from lkjip.inputs.catalog import processed_year_dir, reports_year_dir
from lkjip.run.pipeline import fingerprints, steps_for
from lkjip.inputs.earlier_years import read_earlier_year
from lkjip.inputs.published_state import Published
from lkjip.inputs.year import load_inputs

ROOT = Path(__file__).resolve().parents[2]
UNIT, YEAR = "gedeg", 2022


@pytest.fixture()
def world(tmp_path):
    """A copy of the bundled unit's raw data and a published 2022 as the pipeline leaves it."""
    data = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw" / UNIT, data / UNIT)
    published = Published(tmp_path / "processed", tmp_path / "reports")
    _publish(data, published, YEAR)
    memo.clear_all()
    return data, published


def _publish(data: Path, published: Published, year: int) -> None:
    frames, _ = read_year(data, UNIT, year)
    folder = processed_year_dir(published.processed, UNIT, year)
    write_processed(frames, folder)
    report = reports_year_dir(published.reports, UNIT, year)
    report.mkdir(parents=True)
    _record(data, published, year)


def _record(data: Path, published: Published, year: int, **changes) -> None:
    report = reports_year_dir(published.reports, UNIT, year)
    record = {"unit": UNIT, "year": year, "parameters": {"final": False},
              "fingerprint_masukan": fingerprints(data, UNIT, year, steps_for(UNIT, year, data), pdf=False)[1],
              "published": publishing.published_digest(report, processed_year_dir(published.processed, UNIT, year))}
    record.update(changes)
    (report / "run.json").write_text(json.dumps(record), encoding="utf-8")


def _parquet(published: Published, name: str) -> Path:
    return processed_year_dir(published.processed, UNIT, YEAR) / f"{name}.parquet"


def _assert_same_frames(a: dict, b: dict) -> None:
    assert sorted(a) == sorted(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True)
        assert a[name].attrs == b[name].attrs


def test_a_fresh_published_year_is_read_from_its_parquet_with_the_frames_the_raw_files_give(world):
    data, published = world
    got = read_earlier_year(data, UNIT, YEAR, published)
    assert got.origin == "terbitan" and got.reason == ""
    raw, files = read_year(data, UNIT, YEAR)
    _assert_same_frames(got.frames, raw)
    assert got.files == dict(files)
    # and the seven indicators computed from either are the same, to the last bit
    inputs = load_inputs(data, UNIT, YEAR)
    memo.clear_all()
    from_published = compute_all(got.frames, inputs.targets, inputs.unit.as_dict(), YEAR).tabel
    memo.clear_all()
    from_raw = compute_all(raw, inputs.targets, inputs.unit.as_dict(), YEAR).tabel
    pd.testing.assert_frame_equal(from_published, from_raw, check_exact=True)
    assert from_raw.set_index("indikator").loc["ikm", "realisasi"] > 0


def test_the_published_parquet_is_what_is_read_when_fresh(world):
    data, published = world
    # a published frame that differs from the raw file, recorded as published: it is the one read
    path = _parquet(published, "sakip_evaluasi")
    frame = pd.read_parquet(path)
    frame.loc[0, "nilai"] = 1.25
    frame.to_parquet(path, index=False)
    _record(data, published, YEAR)
    got = read_earlier_year(data, UNIT, YEAR, published)
    assert got.origin == "terbitan"
    assert got.frames["sakip_evaluasi"].loc[0, "nilai"] == 1.25


def test_a_year_whose_raw_file_changed_since_it_was_published_is_read_from_the_raw_files(world):
    data, published = world
    path = data / UNIT / str(YEAR) / "sakip_evaluasi.csv"
    before = read_year(data, UNIT, YEAR)[0]["sakip_evaluasi"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    col = lines[0].rstrip("\n").split(",").index("nilai")
    cells = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join(cells[:col] + ["1.5"] + cells[col + 1:]) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    got = read_earlier_year(data, UNIT, YEAR, published)
    assert got.origin == "mentah" and "usang" in got.reason
    assert got.frames["sakip_evaluasi"].loc[0, "nilai"] == 1.5 != before.loc[0, "nilai"]
    _assert_same_frames(got.frames, read_year(data, UNIT, YEAR)[0])


def test_a_stale_record_is_never_used_even_when_the_files_match_it(world):
    data, published = world
    _record(data, published, YEAR, fingerprint_masukan="0" * 64)
    got = read_earlier_year(data, UNIT, YEAR, published)
    assert got.origin == "mentah" and "usang" in got.reason


@pytest.mark.parametrize("damage", ["edited", "extra", "missing", "no_record"])
def test_a_published_folder_that_is_not_what_was_recorded_is_not_used(world, damage):
    data, published = world
    if damage == "edited":
        path = _parquet(published, "sakip_evaluasi")
        frame = pd.read_parquet(path)
        frame.loc[0, "nilai"] = 1.25
        frame.to_parquet(path, index=False)
    elif damage == "extra":
        shutil.copy(_parquet(published, "lra"), _parquet(published, "lra_salinan"))
    elif damage == "missing":
        _parquet(published, "lra").unlink()
    else:
        (reports_year_dir(published.reports, UNIT, YEAR) / "run.json").unlink()
    got = read_earlier_year(data, UNIT, YEAR, published)
    assert got.origin == "mentah" and got.reason
    _assert_same_frames(got.frames, read_year(data, UNIT, YEAR)[0])


def test_the_report_of_the_next_year_is_the_same_from_published_or_raw_earlier_years(world):
    from lkjip.document import build_report

    data, published = world
    _publish(data, published, 2021)
    memo.clear_all()
    fast = build_report(data, UNIT, 2023, published=published)
    memo.clear_all()
    slow = build_report(data, UNIT, 2023)
    assert sorted(fast.per_year_results) == sorted(slow.per_year_results) == [2021, 2022, 2023]
    for y in (2021, 2022):
        pd.testing.assert_frame_equal(fast.per_year[y], slow.per_year[y], check_exact=True)
    for name in ("history", "tabel_3_1_2", "tabel_3_1_3", "tabel_3_1_4", "capaian"):
        pd.testing.assert_frame_equal(getattr(fast, name), getattr(slow, name), check_exact=True)
    assert fast.catatan == slow.catatan
