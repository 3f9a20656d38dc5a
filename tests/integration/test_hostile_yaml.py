"""Issue 28, item 9: unit.yaml read with a size limit, without tags, with aliases bounded, parsed once.

`validate` gets a hostile unit.yaml and exits 2 naming unit.yaml and the limit, never MemoryError,
in well under a second; the published stand-ins stay byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lkjip.contract import limits
from lkjip.inputs import unit_yaml
from lkjip.cli import main
from lkjip.errors import DataError
from lkjip.inputs.unit import load_unit
from lkjip.inputs.unit_yaml import parse_yaml

YEAR = "2023"


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}


@pytest.fixture
def ws(tmp_path, raw_dir, root, monkeypatch):
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path))
    # every step's notebook must exist for a run to start (the project's own, beside the scratch root)
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(root / "notebooks"))
    raw = tmp_path / "data" / "raw"
    shutil.copytree(raw_dir / "gedeg", raw / "gedeg")
    for path in (raw / "gedeg" / YEAR).iterdir():  # unit.yaml is read before any dataset: one is enough
        if path.stem != "inovasi" and path.suffix in (".csv", ".xlsx"):
            path.unlink()
    reports = tmp_path / "reports" / "gedeg" / YEAR
    reports.mkdir(parents=True)
    (reports / "run.json").write_text("terbitan sebelumnya\n")

    class W:
        unit_yaml = raw / "gedeg" / "unit.yaml"
        data = raw

        @staticmethod
        def validate(capsys) -> tuple[int, str]:
            before = tree_digest(tmp_path / "reports")
            started = time.perf_counter()
            code = main(["validate", "--unit", "gedeg", "--year", YEAR, "--data-dir", str(raw),
                         "--processed-dir", str(tmp_path / "data" / "processed")])
            seconds = time.perf_counter() - started
            err = capsys.readouterr().err
            assert "Traceback" not in err and "MemoryError" not in err and "GALAT PROGRAM" not in err
            assert tree_digest(tmp_path / "reports") == before
            assert seconds < 10
            return code, err

    return W


def billion_laughs(levels: int, fanout: int) -> str:
    lines = ["kode: gedeg", "nama: Kecamatan Gedeg", "kabupaten: Kabupaten Mojokerto",
             "pimpinan: {nama: A, jabatan: Camat}", "a0: &a0 [lol]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fanout) + "]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_unit_yaml_exits_2_naming_the_limit(ws, capsys):
    ws.unit_yaml.write_text(billion_laughs(9, 9))  # 9**9 = 387 million strings once expanded
    code, err = ws.validate(capsys)
    assert code == 2
    assert "unit.yaml, baris 10" in err  # a5: the first alias past the limit (9**5 + ...)
    assert "alias YAML (&/*) mengembang melebihi batas UNIT_YAML_MAX_NODES 100000 nilai" in err


def test_a_unit_yaml_past_the_size_limit_is_refused_before_it_is_read(ws, capsys, monkeypatch):
    monkeypatch.setattr(limits, "UNIT_YAML_MAX_BYTES", 2000)
    text = ws.unit_yaml.read_text()
    ws.unit_yaml.write_text(text + "#" * 2000 + "\n")
    size = ws.unit_yaml.stat().st_size

    def never(*args, **kwargs):
        raise AssertionError("unit.yaml was parsed although past its size limit")

    monkeypatch.setattr(unit_yaml, "parse_yaml", never)
    code, err = ws.validate(capsys)
    assert code == 2
    assert f"unit.yaml: unit.yaml terlalu besar: {size} bita, batas UNIT_YAML_MAX_BYTES 2000 bita" in err


@pytest.mark.parametrize("value, shown", [
    ("!!python/object/apply:os.system ['echo DIJALANKAN']", "tag YAML 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("!!str Kecamatan Gedeg", "tag YAML 'tag:yaml.org,2002:str' tidak diizinkan"),
    ("!lokal Kecamatan Gedeg", "tag YAML '!lokal' tidak diizinkan"),
])
def test_a_tag_in_unit_yaml_is_refused(ws, capsys, value, shown):
    text = ws.unit_yaml.read_text()
    ws.unit_yaml.write_text(text.replace("nama: Kecamatan Gedeg", f"nama: {value}", 1))
    assert f"nama: {value}" in ws.unit_yaml.read_text()
    code, err = ws.validate(capsys)
    assert code == 2
    assert "unit.yaml, baris" in err and shown in err
    assert "DIJALANKAN" not in err.replace("echo DIJALANKAN", "")


def test_an_alias_that_refers_to_itself_is_refused():
    with pytest.raises(DataError, match=r"unit\.yaml, baris 1: alias YAML merujuk dirinya sendiri"):
        parse_yaml("a: &a [1, *a]\n", "unit.yaml")


def test_deep_nesting_is_refused_not_a_recursion_error():
    with pytest.raises(DataError, match="batas UNIT_YAML_MAX_DEPTH 50 tingkat"):
        parse_yaml("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "unit.yaml")


def test_a_fifo_unit_yaml_is_refused(ws, capsys):
    import os

    import threading

    ws.unit_yaml.unlink()
    os.mkfifo(ws.unit_yaml)
    got: list = []

    def load():
        try:
            load_unit(ws.data, "gedeg")
        except DataError as exc:
            got.append(str(exc))

    thread = threading.Thread(target=load, daemon=True)  # a reader blocked on the FIFO fails, not hangs
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "unit.yaml as a FIFO was opened (blocked)"
    assert len(got) == 1 and got[0].endswith("unit.yaml: bukan berkas data: ini sebuah pipa (FIFO); "
                                             "simpan datanya sebagai berkas .csv/.xlsx biasa")


def test_unit_yaml_is_parsed_once_per_content(ws, monkeypatch):
    calls = []
    real = unit_yaml.parse_yaml
    monkeypatch.setattr(unit_yaml, "parse_yaml", lambda text, name: calls.append(name) or real(text, name))
    text = ws.unit_yaml.read_text() + f"# {time.time_ns()}\n"  # content no other test parsed
    ws.unit_yaml.write_text(text)
    first = load_unit(ws.data, "gedeg")
    first.raw["nama"] = "diubah oleh pemanggil"
    for _ in range(6):
        again = load_unit(ws.data, "gedeg")
    assert len(calls) == 1
    assert again.nama == "Kecamatan Gedeg" and again.raw["nama"] == "Kecamatan Gedeg"
    ws.unit_yaml.write_text(text.replace("nama: Kecamatan Gedeg", "nama: Kecamatan Baru", 1))
    assert load_unit(ws.data, "gedeg").nama == "Kecamatan Baru"
    assert len(calls) == 2


@settings(max_examples=40, deadline=2000)
@given(levels=st.integers(1, 12), fanout=st.integers(1, 12))
def test_aliases_parse_when_small_and_are_refused_past_the_limit(levels, fanout):
    text = billion_laughs(levels, fanout)
    # nodes of the expanded document: the root mapping, 3 plain keys and values, pimpinan (key, mapping, 4)
    expanded = 1 + 2 * 3 + 6
    sizes = [2]  # a0: a sequence holding one string
    for _ in range(levels):
        sizes.append(1 + fanout * sizes[-1])
    expanded += sum(1 + s for s in sizes)
    if expanded <= limits.UNIT_YAML_MAX_NODES:
        data = parse_yaml(text, "unit.yaml")
        assert len(data[f"a{levels}"]) == fanout
    else:
        with pytest.raises(DataError, match="batas UNIT_YAML_MAX_NODES"):
            parse_yaml(text, "unit.yaml")


def test_run_with_a_billion_laughs_unit_yaml_exits_2_before_any_kernel(ws, capsys, monkeypatch, tmp_path):
    import lkjip.run.pipeline as pipeline

    def never(*args, **kwargs):
        raise AssertionError("a unit-year was run although unit.yaml is refused")

    monkeypatch.setattr(pipeline, "run_many", never)
    ws.unit_yaml.write_text(billion_laughs(9, 9))
    before = tree_digest(tmp_path / "reports")
    started = time.perf_counter()
    code = main(["run", "--unit", "gedeg", "--year", YEAR, "--data-dir", str(ws.data),
                 "--processed-dir", str(tmp_path / "data" / "processed"), "--reports-dir", str(tmp_path / "reports")])
    err = capsys.readouterr().err
    assert time.perf_counter() - started < 10
    assert code == 2
    assert "1 dari 1 unit-tahun GAGAL" in err and "unit.yaml, baris 10: alias YAML (&/*) mengembang melebihi batas " \
        "UNIT_YAML_MAX_NODES 100000 nilai" in err
    assert "Traceback" not in err and "MemoryError" not in err
    assert tree_digest(tmp_path / "reports") == before
