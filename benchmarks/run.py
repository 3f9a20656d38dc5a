"""Benchmarks of the main job; writes benchmarks/results.md (committed) and results.json.

Cases (see issue "Scale"):
  1. one unit-year end to end (gedeg 2023), with the time of each stage;
  2. the same again, unchanged (the skip path);
  3. 18 synthetic units x 3 years with --jobs 2;
  4. ingest, validate and IKM of a 1.000.000-response survey: time and peak memory;
  5. the naive chain on the same unit-year (papermill CLI per notebook, nbconvert CLI per output);
  plus validating all datasets of one unit-year, and all three bundled years end to end.

Usage: python benchmarks/run.py [--repeat 3] [--skip-many] [--only 1,2,4]
Medians of ``--repeat`` runs; the machine is noted in the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks"
BIN = Path(sys.executable).parent
GOALS = {"1": 10.0, "2": 1.5, "3": 240.0, "4": 10.0}


def median_of(fn, repeat: int) -> tuple[float, list[float], object]:
    times, last = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        last = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, last


def case_one(work: Path, repeat: int) -> dict:
    from lkjip.pipeline import run_unit_year

    paths = {"data_dir": ROOT / "data" / "raw", "processed_dir": work / "p1", "reports_dir": work / "r1"}
    stage_runs = []

    def once():
        result = run_unit_year("gedeg", 2023, force=True, **paths)
        assert result.ok, result.message
        stage_runs.append(result.timings)
        return result

    med, times, _ = median_of(once, repeat)
    stages = {k: statistics.median(r[k] for r in stage_runs if k in r) for k in stage_runs[0]}
    skip_med, skip_times, res = median_of(
        lambda: run_unit_year("gedeg", 2023, force=False, **paths), max(repeat, 5))
    assert res.skipped
    return {"1": {"median_s": med, "runs_s": times, "stages_s": stages},
            "2": {"median_s": skip_med, "runs_s": skip_times}}


def case_three_years(work: Path) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "lkjip"), "run", "--unit", "gedeg", "--jobs", "2", "--force",
                           "--processed-dir", str(work / "p3y"), "--reports-dir", str(work / "r3y")],
                          capture_output=True, text=True)
    return {"median_s": time.perf_counter() - t0, "exit": proc.returncode}


def case_many(work: Path) -> dict:
    from lkjip.synth import make_units

    data = work / "synth"
    make_units(data, units=18, years=[2021, 2022, 2023], respondents=500, seed=1)
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "lkjip"), "run", "--all", "--jobs", "2", "--force", "--data-dir", str(data),
                           "--processed-dir", str(work / "p18"), "--reports-dir", str(work / "r18")],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    return {"median_s": elapsed, "exit": proc.returncode, "unit_years": 54,
            "per_unit_year_s": elapsed / 54, "stderr_tail": proc.stderr.strip().splitlines()[-3:]}


BIG_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
t = {}
t0 = time.perf_counter()
from lkjip.ingest import read_dataset
from lkjip.validation import validate_frame
from lkjip.ikm import compute_ikm
t["import_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); df = read_dataset(Path(sys.argv[1]), "ikm_survei"); t["ingest_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); findings = validate_frame("ikm_survei", df, 2023); t["validate_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); ikm = compute_ikm(df); t["ikm_s"] = time.perf_counter() - t0
t["rows"] = len(df); t["ikm_x25"] = ikm.ikm_x25
t["errors"] = sum(1 for f in findings if f.success is False and f.severity == "error")
t["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(t))
"""


def case_big(work: Path, repeat: int) -> dict:
    from lkjip.synth import make_survey

    path = make_survey(work / "big" / "ikm_survei.csv", 1_000_000, 2023, seed=3)
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(path)], capture_output=True, text=True,
                              env={**os.environ, "GX_ANALYTICS_ENABLED": "false"})
        if proc.returncode:
            raise RuntimeError(proc.stderr)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    keys = ("import_s", "ingest_s", "validate_s", "ikm_s", "peak_rss_mb")
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    med["work_s"] = med["ingest_s"] + med["validate_s"] + med["ikm_s"]
    med["file_mb"] = path.stat().st_size / 1e6
    med["errors"] = runs[0]["errors"]
    return med


def case_validate(repeat: int) -> dict:
    from lkjip.steps import load_inputs, validate_inputs

    inputs = load_inputs(ROOT / "data" / "raw", "gedeg", 2023)
    t0 = time.perf_counter()
    validate_inputs(inputs)
    first = time.perf_counter() - t0
    med, times, _ = median_of(lambda: validate_inputs(inputs), repeat)
    return {"first_call_s": first, "median_s": med, "runs_s": times}


def case_naive(work: Path) -> dict:
    """papermill CLI per notebook (a kernel each), then nbconvert CLI per output."""
    from lkjip.pipeline import steps_for

    nbdir = ROOT / "notebooks"
    out = work / "naive"
    (out / "nb").mkdir(parents=True)
    params = ["-p", "unit", "gedeg", "-p", "year", "2023", "-p", "processed_dir", str(out / "p"),
              "-p", "report_dir", str(out / "r")]
    t0 = time.perf_counter()
    for step in steps_for("gedeg", 2023, ROOT / "data" / "raw"):
        subprocess.run([str(BIN / "papermill"), str(nbdir / step.notebook), str(out / "nb" / step.notebook),
                        "--cwd", str(nbdir), "-k", "python3", *params], check=True, capture_output=True)
    executed = time.perf_counter() - t0
    for step in steps_for("gedeg", 2023, ROOT / "data" / "raw"):
        if not step.report:
            continue
        nb = out / "nb" / step.notebook
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb),
                        "--output", f"{step.report}.html"], check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(nb),
                        "--output", f"{step.report}_lengkap.html"], check=True, capture_output=True)
        if step.pdf:
            from lkjip.export import export_pdf

            # nbconvert has no LaTeX-free PDF here; the same WeasyPrint export stands in for it.
            subprocess.run([sys.executable, "-c",
                            "import sys; from pathlib import Path; from lkjip.export import export_pdf; "
                            "export_pdf(Path(sys.argv[1]), Path(sys.argv[2]), title='x', cover={'unit': 'x', 'year': 2023})",
                            str(out / "nb" / f"{step.report}.html"), str(out / f"{step.report}.pdf")],
                           check=True, capture_output=True)
    return {"median_s": time.perf_counter() - t0, "execute_s": executed}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "date": time.strftime("%Y-%m-%d")}


def verdict(value: float, goal: float) -> str:
    return "tercapai" if value <= goal else f"TIDAK tercapai (×{value / goal:.1f})"


def write_results(res: dict) -> None:
    (OUT / "results.json").write_text(json.dumps(res, indent=2, sort_keys=True, default=str) + "\n")
    m = res["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {m['cpus']} cores, {m['processor']}, Python {m['python']}, {m['platform']}; {m['date']}.",
        f"Medians of {res['repeat']} runs unless noted. Remake with `make bench` "
        "(`python benchmarks/run.py`).",
        "",
        "| case | goal | result | verdict |",
        "|---|---|---|---|",
    ]
    c = res["cases"]
    if "1" in c:
        lines.append(f"| (1) one unit-year end to end (gedeg 2023, 6 notebooks, 3 PDFs) | ≤ 10 s | "
                     f"{c['1']['median_s']:.1f} s | {verdict(c['1']['median_s'], 10)} |")
        lines.append(f"| (2) same, unchanged (skip) | ≤ 1,5 s | {c['2']['median_s']:.2f} s | "
                     f"{verdict(c['2']['median_s'], 1.5)} |")
    if "3" in c:
        lines.append(f"| (3) 18 units × 3 years, --jobs 2 (1 run) | ≤ 240 s | {c['3']['median_s']:.0f} s "
                     f"({c['3']['per_unit_year_s']:.1f} s per unit-year) | {verdict(c['3']['median_s'], 240)} |")
    if "4" in c:
        lines.append(f"| (4) ingest + validate + IKM, 1.000.000 responses | ≤ 10 s, ≤ 2 GB | "
                     f"{c['4']['work_s']:.1f} s, {c['4']['peak_rss_mb']:.0f} MB peak | "
                     f"{verdict(c['4']['work_s'], 10)}; memory {'tercapai' if c['4']['peak_rss_mb'] <= 2048 else 'TIDAK'} |")
    if "5" in c and "1" in c:
        ratio = c["5"]["median_s"] / c["1"]["median_s"]
        lines.append(f"| (5) naive chain (papermill CLI + nbconvert CLI), 1 run | (1) ≥ 2× faster | "
                     f"{c['5']['median_s']:.1f} s; (1) is {ratio:.1f}× faster | "
                     f"{'tercapai' if ratio >= 2 else 'TIDAK tercapai'} |")
    if "validate" in c:
        lines.append(f"| validate all datasets of one unit-year | – | {c['validate']['median_s']:.2f} s "
                     f"(first call in a process {c['validate']['first_call_s']:.1f} s, GX import included) | – |")
    if "3y" in c:
        lines.append(f"| all three bundled years, --jobs 2 (1 run) | – | {c['3y']['median_s']:.1f} s | – |")
    if "1" in c:
        lines += ["", "## Where the time of (1) goes", "", "| stage | median s |", "|---|---|"]
        for k, v in c["1"]["stages_s"].items():
            lines.append(f"| {k} | {v:.2f} |")
        lines.append("")
        lines.append("Notebooks run one after another on one kernel; exports (nbconvert, WeasyPrint) run in a "
                     "second thread while the next notebook executes, so the stage times overlap and add up "
                     "to more than the wall time.")
    if "4" in c:
        b = c["4"]
        lines += ["", "## (4) in detail", "",
                  f"File {b['file_mb']:.0f} MB. Import {b['import_s']:.1f} s (not counted), ingest {b['ingest_s']:.1f} s, "
                  f"validate {b['validate_s']:.1f} s, IKM {b['ikm_s']:.2f} s; peak resident memory {b['peak_rss_mb']:.0f} MB."]
    if res.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in res["notes"]]
    (OUT / "results.md").write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="1,2,3,3y,4,5,validate")
    parser.add_argument("--skip-many", action="store_true", help="skip case 3 (about 15 minutes here)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if args.skip_many:
        only.discard("3")
    previous = json.loads((OUT / "results.json").read_text()) if (OUT / "results.json").exists() else {}
    res = {"machine": machine(), "repeat": args.repeat, "cases": dict(previous.get("cases", {})),
           "notes": previous.get("notes", [])}
    work = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    try:
        if "validate" in only:
            print("validate ...", file=sys.stderr)
            res["cases"]["validate"] = case_validate(args.repeat)
        if "4" in only:
            print("(4) 1M survey ...", file=sys.stderr)
            res["cases"]["4"] = case_big(work, args.repeat)
        if only & {"1", "2"}:
            print("(1)+(2) one unit-year ...", file=sys.stderr)
            res["cases"].update(case_one(work, args.repeat))
        if "5" in only:
            print("(5) naive chain ...", file=sys.stderr)
            res["cases"]["5"] = case_naive(work)
        if "3y" in only:
            print("three bundled years ...", file=sys.stderr)
            res["cases"]["3y"] = case_three_years(work)
        if "3" in only:
            print("(3) 18 units x 3 years ...", file=sys.stderr)
            res["cases"]["3"] = case_many(work)
        write_results(res)
        print((OUT / "results.md").read_text())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
