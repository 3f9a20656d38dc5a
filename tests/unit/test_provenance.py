"""Provenance: file hashes, row counts, git state, the record of a run's inputs (files in tmp only)."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from pathlib import Path

import pytest

from lkjip.inputs import provenance


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
