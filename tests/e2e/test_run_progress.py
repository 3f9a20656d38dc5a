"""`lkjip run --jobs 2` shows each unit-year's steps as they happen, on stderr, as plain lines when stderr
is not a terminal (issue 27, item 3: before, one line per unit-year appeared only at its end).

Runs the tiny chain (tests/helpers/tiny_chain.py): the machinery, not the report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.tiny_chain import env, workspace


def test_jobs_2_prints_each_unit_years_steps_on_stderr_before_its_end(tmp_path):
    ws = workspace(tmp_path)
    args = ["run", "--unit", "gedeg", "--force", "--no-pdf", "--jobs", "2", "--data-dir", str(ws["raw"]),
            "--processed-dir", str(ws["processed"]), "--reports-dir", str(ws["reports"])]
    done = subprocess.run([str(Path(sys.executable).with_name("lkjip")), *args], env=env(ws), text=True,
                          capture_output=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    err = done.stderr.splitlines()
    # stdout: the published folders only, nothing of the progress
    assert done.stdout.splitlines() == [str(ws["reports"].resolve() / "gedeg" / str(y)) for y in (2021, 2022, 2023)]
    assert "3 unit-tahun, 2 bersamaan" in err
    for index, year in enumerate((2021, 2022, 2023), start=1):
        prefix = f"[{index}/3] gedeg {year}: "
        steps = [line[len(prefix):] for line in err if line.startswith(prefix)]
        # the worker's step lines, in the chain's order, then the end (the parent's count of ends)
        assert steps[:5] == ["Pembacaan Data", "Validasi Data", "Indikator Kinerja Utama",
                             "Audit Angka yang Dipublikasikan", "Laporan Kinerja Instansi Pemerintah"], err
        ends = [i for i, line in enumerate(err) if f"] gedeg {year}: selesai (" in line]
        first = err.index(prefix + "Pembacaan Data")
        assert len(ends) == 1 and first < ends[0]
    # not a terminal: no control sequences of a live display
    assert "\x1b[" not in done.stderr
