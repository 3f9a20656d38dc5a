"""A step stopped by the machine names the input that most likely caused it."""

import errno

from lkjip.run.step_failures import explain, largest_input


def test_the_largest_input_of_the_unit_is_named(tmp_path):
    unit = tmp_path / "gedeg"
    (unit / "2023").mkdir(parents=True)
    (unit / "unit.yaml").write_text("nama: x\n")
    (unit / "2023" / "ikm_survei.csv").write_bytes(b"a" * 3_500_000)
    (unit / "2023" / "lra.csv").write_bytes(b"b" * 1_000)
    said = largest_input(unit)
    assert said.startswith("; berkas masukan terbesar: ") and said.endswith("ikm_survei.csv (4 MB)")
    assert largest_input(tmp_path / "tidak_ada") == ""


def test_memory_and_time_limits_name_the_limit_and_the_largest_input(tmp_path):
    (tmp_path / "survei.csv").write_bytes(b"x" * 2_000_000)
    reason, code = explain(MemoryError(), memory_mb=3000, inputs=tmp_path)
    assert code == 2
    assert reason.startswith("memori habis: langkah ini melebihi batas memori 3000 MB (--batas-memori)")
    assert reason.endswith("survei.csv (2 MB)")
    timeout = type("CellTimeoutError", (Exception,), {})()
    reason, code = explain(timeout, step_seconds=600, inputs=tmp_path)
    assert code == 2 and "batas waktu 600 detik" in reason and reason.endswith("survei.csv (2 MB)")
    full = OSError(errno.ENOSPC, "No space left on device")
    assert explain(full, home=tmp_path)[1] == 73
    assert explain(ValueError("data")) is None
