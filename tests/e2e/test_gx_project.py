"""Issue 27, "a real GX project": plain Great Expectations validates a published unit-year with the project's
checkpoints and gets lkjip's results; the run publishes the Data Docs beside lkjip's summary.

Before: no ``gx/`` (``.gitignore`` listed it), and 57 expectations checked helper columns that existed only
inside lkjip, so plain GX could not run the suites on the data.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Plain GX, nothing of lkjip: the project's file context, one checkpoint per file of data/processed/<unit>/<year>/gx.
PLAIN_GX = r"""
import json, sys
from pathlib import Path
import great_expectations as gx
import pandas as pd

project, frames, year = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
context = gx.get_context(mode="file", project_root_dir=str(project))
outcome = {}
for parquet in sorted(frames.glob("*.parquet")):
    result = context.checkpoints.get(parquet.stem).run(
        batch_parameters={"dataframe": pd.read_parquet(parquet)}, expectation_parameters={"tahun": year})
    for suite_result in result.run_results.values():
        for r in suite_result.results:
            outcome[r.expectation_config.meta["id"]] = bool(r.success)
print(json.dumps(outcome))
"""


def test_plain_gx_validates_the_published_unit_year_with_lkjips_results(bundled_run, tmp_path):
    run = bundled_run["run"]
    frames = run / "processed" / "gedeg" / "2023" / "gx"
    ours = json.loads((run / "reports" / "gedeg" / "2023" / "validation" / "validasi.json").read_text(encoding="utf-8"))
    assert (ROOT / "gx" / "great_expectations.yml").is_file() and "/gx/\n" not in (ROOT / ".gitignore").read_text()
    shutil.copytree(ROOT / "gx", tmp_path / "gx", ignore=shutil.ignore_patterns("uncommitted"))
    done = subprocess.run([sys.executable, "-c", PLAIN_GX, str(tmp_path), str(frames), "2023"],
                          capture_output=True, text=True, timeout=900,
                          env={"GX_ANALYTICS_ENABLED": "false", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    plain = json.loads(done.stdout.strip().splitlines()[-1])
    lkjip = {f["id"]: f["status"] for f in ours["temuan"] if f["id"] in plain}
    # every GX rule lkjip ran (the others are lkjip's own, across files): 418 since the angka_resmi suite
    assert len(plain) == len(lkjip) >= 409
    assert {i: ("lulus" if ok else "gagal") for i, ok in plain.items()} == lkjip
    assert sorted(i for i, ok in plain.items() if not ok) == [
        "lra.induk.sama_dengan_anak", "paten_layanan.jumlah.sama_dengan_bulan",
        "paten_layanan.total_tercetak.cocok", "penduduk.total_tercetak.cocok"]
    # the helper columns travel in the Parquet (ikm_survei's three, the typed JUMLAH check of the PATEN table)
    import pandas as pd

    assert {"jumlah_jawaban", "tahun_tanggal", "kunci"} <= set(pd.read_parquet(frames / "ikm_survei.parquet").columns)
    assert "total_tidak_cocok" in pd.read_parquet(frames / "paten_layanan.parquet").columns
    # plain GX's own Data Docs were built by the checkpoints' action
    assert (tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").is_file()


def test_the_run_publishes_data_docs_beside_lkjips_summary(bundled_run, bundled_reports):
    validation = bundled_reports[2023] / "validation"
    frames = sorted(p.stem for p in (bundled_run["run"] / "processed" / "gedeg" / "2023" / "gx").glob("*.parquet"))
    index = (validation / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert (validation / "validasi.html").is_file()
    suites = sorted(p.stem for p in (validation / "data_docs" / "expectations").glob("*.html"))
    assert "ikm_survei" in frames and "targets" in frames and suites == frames  # one suite page per dataset
    assert "ikm_survei" in index
    # published, so no cell of the data: the failing rows' values are in lkjip's escaped validasi.html only
    found = json.loads((validation / "validasi.json").read_text(encoding="utf-8"))["temuan"]
    values = [v for f in found if f["status"] == "gagal" for v in f["contoh_nilai"] if len(v) > 6]
    assert values  # the four warnings of 2023 name their values
    pages = [p.read_text(encoding="utf-8") for p in (validation / "data_docs").rglob("*.html")]
    assert not [v for v in values if any(v in page for page in pages)]
    assert not [p for p in pages if re.search(r"<img\b[^>]*src=\"https?:", p)]  # no remote (time-stamped) logo
    listed = (bundled_reports[2023] / "index.html").read_text(encoding="utf-8")
    assert 'href="validation/data_docs/index.html"' in listed and "dimuat dari internet" in listed
