"""The fast paths of validation give exactly the findings of the plain path.

- rules are first checked pass/fail only, and the failed ones again with their rows;
- a large frame is validated column by column (``SPLIT_ROWS``), with range rules on
  nullable integers seeing float64;
- GX is imported without ``rfc3987_syntax`` and may be imported in a background thread.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import lkjip.validation.run as run
from lkjip.inputs.year import load_inputs
from lkjip.validation import default_expectations_dir, validate_frame

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2023


def dump(findings) -> list[dict]:
    return [{**f.as_dict(), "row_values": sorted(f.row_values.items())} for f in findings]


def spoil(df: pd.DataFrame) -> pd.DataFrame:
    """Break a frame in ways many rules see: a negative number, an odd text, a blank, a repeated row."""
    df = df.copy()
    if len(df) < 3:
        return df
    for col in df.columns:
        if col in ("baris", "adalah_total"):
            continue
        s = df[col]
        if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
            df.loc[df.index[0], col] = -5
        elif isinstance(s.dtype, pd.StringDtype):
            df.loc[df.index[1], col] = "??"
        df.loc[df.index[2], col] = None
    extra = df.iloc[[-1]].copy()
    if "baris" in extra:
        extra["baris"] = df["baris"].max() + 1
    return pd.concat([df, extra], ignore_index=True)


def big_survey(n: int = 3000) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    df = pd.DataFrame({"baris": np.arange(2, n + 2),
                       "tanggal": pd.Timestamp(f"{YEAR}-03-01") + pd.to_timedelta(rng.integers(0, 280, n), unit="D")})
    for i in range(1, 10):
        df[f"u{i}"] = pd.array(rng.integers(1, 5, n), dtype="Int64")
    df["layanan"] = pd.array(rng.choice(["KTP", "Kartu Keluarga"], n), dtype="string")
    df["umur"] = pd.array(rng.integers(15, 80, n), dtype="Int64")
    df.loc[[5, 77, 2000], "u3"] = 7
    df.loc[[9, 10], "u5"] = pd.NA
    df.loc[11, [f"u{i}" for i in range(1, 10)]] = pd.NA
    df.loc[[12, 13, 2999], "umur"] = 130
    df.loc[14, "umur"] = 5
    df.loc[15, "umur"] = pd.NA
    df.loc[[16, 300], "tanggal"] = pd.Timestamp(f"{YEAR - 1}-12-31")
    df.loc[17, "tanggal"] = pd.NaT
    df.loc[range(1000, 1400), "u7"] = 0  # more failing rows than a finding keeps
    return df


def both_ways(monkeypatch, name, df, **kw):
    monkeypatch.setattr(run, "SPLIT_ROWS", 10**12)
    whole = dump(validate_frame(name, df, YEAR, **kw))
    monkeypatch.setattr(run, "SPLIT_ROWS", 0)
    split = dump(validate_frame(name, df, YEAR, **kw))
    return whole, split


def test_split_survey_gives_the_same_findings_rows_and_values(monkeypatch):
    whole, split = both_ways(monkeypatch, "ikm_survei", big_survey())
    assert split == whole
    failed = {f["id"]: f for f in split if f["status"] == "gagal"}
    assert failed["ikm_survei.u3.nilai_1_4"]["baris"] == [7, 79, 2002]
    # umur is Int64: in the split path its range rule sees float64, and values print as integers
    assert failed["ikm_survei.umur.wajar"]["baris"] == [14, 15, 16, 3001]
    assert failed["ikm_survei.umur.wajar"]["contoh_nilai"] == ["130", "5"]
    assert failed["ikm_survei.tanggal.dalam_tahun"]["baris"] == [18, 302]
    assert failed["ikm_survei.tanggal.terisi"]["baris"] == [19]
    assert failed["ikm_survei.jumlah_jawaban.minimal_satu"]["baris"] == [13]
    u7 = failed["ikm_survei.u7.nilai_1_4"]
    assert (len(u7["baris"]), u7["jumlah_baris"], u7["baris"][0]) == (200, 400, 1002)
    assert all(f["status"] == "lulus" for f in split if f["id"] not in failed)


@pytest.fixture(scope="module")
def gedeg():
    inputs = load_inputs(ROOT / "data" / "raw", "gedeg", YEAR)
    frames = {**inputs.datasets, **inputs.unit_tables}
    if inputs.targets is not None:
        frames["targets"] = inputs.targets
    return frames


#: every kind of rule the suites use: pairs, row conditions, regex, sets, uniqueness, nulls
SPOILED = ("anggaran", "paten_layanan", "pegawai", "sakip_evaluasi", "renstra", "targets", "penandatangan")


def test_split_gives_the_same_findings_on_spoiled_gedeg_datasets(monkeypatch, gedeg):
    failed = 0
    for name in SPOILED:
        df = gedeg[name]
        whole, split = both_ways(monkeypatch, name, spoil(df))
        assert split == whole, name
        failed += sum(f["status"] == "gagal" for f in split)
    assert failed >= 25  # the spoiled frames break many rules, of many kinds


def test_rule_with_mostly_still_lists_its_failing_rows_when_it_passes(tmp_path):
    for path in default_expectations_dir().glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    suite = json.loads((tmp_path / "ikm_survei.json").read_text(encoding="utf-8"))
    for e in suite["expectations"]:
        if e["meta"]["id"] == "ikm_survei.u3.nilai_1_4":
            e["kwargs"]["mostly"] = 0.5
    (tmp_path / "ikm_survei.json").write_text(json.dumps(suite), encoding="utf-8")
    df = big_survey().iloc[:40]
    findings = {f.rule_id: f for f in validate_frame("ikm_survei", df, YEAR, expectations_dir=tmp_path)}
    u3 = findings["ikm_survei.u3.nilai_1_4"]
    assert u3.success is True  # 1 of 40 rows fails: within "mostly"
    assert (u3.rows, u3.values) == ([7], ["7"])


def test_gx_import_skips_rfc3987_syntax_and_prefetch_builds_the_context_once():
    code = """
import sys, threading
from lkjip.validation import suites
t = suites.prefetch()
assert suites.prefetch() is t
t.join()
state = suites._GX_STATE
assert state is not None and suites._gx() is state
assert "rfc3987_syntax" not in sys.modules and "great_expectations" in sys.modules
import importlib.util
# nothing left blocking it (its import, 1,7 s, is test_lean_imports' own test)
assert importlib.util.find_spec("rfc3987_syntax") is not None
import jsonschema
jsonschema.validate({"a": 1}, {"type": "object"})
from lkjip.validation import validate_frame
import pandas as pd
df = pd.DataFrame({"baris": [2], "tanggal": pd.to_datetime(["2023-01-05"]),
                   **{f"u{i}": pd.array([9 if i == 2 else 3], dtype="Int64") for i in range(1, 10)}})
print([f.rows for f in validate_frame("ikm_survei", df, 2023) if f.failed])
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**__import__("os").environ, "GX_ANALYTICS_ENABLED": "false"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[[2]]"
