"""Benchmarks of the main job against the goals of the speed issue; writes results.md and results.json.

Goals (each measured here, on this machine, and marked met or missed with its factor):

  1. one unit-year end to end with its PDFs, whole process from the CLI
     (``lkjip run --unit gedeg --year 2023 --force``): <= 10 s wall;
  2. 18 synthetic units x 3 years with ``--jobs 2``: <= 240 s;
  3. 1.000.000 survey responses, ingest + validate + IKM: <= 10 s and <= 2 GB;
  4. the first ``make report`` on a fresh clone: no year slower than twice a warm run;
  5. an unchanged rerun (the skip path), whole process: well under 1,5 s;
  6. ``make test``: under 90 s;

plus the naive chain on the same unit-year (papermill CLI per notebook, nbconvert CLI per
output) measured in the same run, and the ratio of (1) to it.

Usage: python benchmarks/run.py [--repeat 3] [--only 1,2,3,4,5,6,naive]
Case 4 clones the repository into a temporary folder and sets up its own .venv
(about a minute with pip's cache); case 6 runs the whole test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
LKJIP = str(BIN / "lkjip")
#: goal id -> (description, limit in seconds, how the limit is read)
GOALS = {
    "1": ("satu unit-tahun lengkap dengan PDF, seluruh proses dari CLI (gedeg 2023)", 10.0, "≤ 10 s"),
    "2": ("18 unit × 3 tahun, --jobs 2", 240.0, "≤ 240 s"),
    "3": ("1.000.000 responden: ingest + validasi + IKM", 10.0, "≤ 10 s, ≤ 2 GB"),
    "4": ("`make report` pertama pada klon baru: tiap tahun ≤ 2× proses hangat", 2.0, "rasio ≤ 2"),
    "5": ("jalankan ulang tanpa perubahan (dilewati), seluruh proses", 1.5, "≤ 1,5 s"),
    "6": ("`make test`", 90.0, "< 90 s"),
    "7": ("jalankan ulang setelah hanya narasi.md diubah, terhadap satu unit-tahun lengkap (gedeg 2023)", 0.40,
          "rasio ≤ 0,40"),
}
#: bumped when the goals or the fields of results.json change
RESULTS_FORMAT = 2
_DONE = re.compile(r"\] (\S+) (\d{4}): (selesai|dilewati[^(]*) \(([\d.]+) dtk\)")


def _env() -> dict:
    return {**os.environ, "GX_ANALYTICS_ENABLED": "false", "PYTHONUNBUFFERED": "1"}


def timed(cmd: list[str], cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
    elapsed = time.perf_counter() - t0
    if proc.returncode:
        # pytest reports its failures on stdout, the other commands on stderr
        raise RuntimeError(f"{' '.join(cmd)} exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return elapsed, proc


def per_year_seconds(stderr: str) -> dict[str, float]:
    """``{"gedeg 2023": seconds}`` from the CLI's progress lines."""
    return {f"{m[1]} {m[2]}": float(m[4]) for m in _DONE.finditer(stderr)}


def case_one_and_skip(work: Path, repeat: int) -> dict:
    args = ["run", "--unit", "gedeg", "--year", "2023", "--processed-dir", str(work / "p1"),
            "--reports-dir", str(work / "r1")]
    runs, stages = [], []
    for _ in range(repeat):
        elapsed, _ = timed([LKJIP, *args, "--force"])
        runs.append(elapsed)
        record = json.loads((work / "r1" / "gedeg" / "2023" / "run.json").read_text())
        stages.append(record.get("timings_s", {}))
    skips = [timed([LKJIP, *args])[0] for _ in range(max(repeat, 5))]
    stage_median = {k: statistics.median(s[k] for s in stages if k in s) for k in stages[-1]}
    return {"1": {"median_s": statistics.median(runs), "runs_s": runs, "stages_s": stage_median},
            "5": {"median_s": statistics.median(skips), "runs_s": skips}}


def case_narasi(work: Path, repeat: int) -> dict:
    """A full unit-year, then the same after only narasi.md changed: a sentence added to a section that only the
    LKjIP prints, so the steps that do not read it are reused and the LKjIP is laid out anew."""
    data = work / "raw-narasi"
    shutil.copytree(ROOT / "data" / "raw" / "gedeg", data / "gedeg")
    args = ["run", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data),
            "--processed-dir", str(work / "p7"), "--reports-dir", str(work / "r7")]
    narasi = data / "gedeg" / "2023" / "narasi.md"
    full, edited, reused = [], [], []
    for k in range(repeat):
        full.append(timed([LKJIP, *args, "--force"])[0])
        # a printed edit (a sentence in Bab I, under its Isu Strategis), not a comment: the LKjIP's text and layout change
        text = narasi.read_text(encoding="utf-8")
        at = text.index("\n## isu_strategis.eksternal")
        narasi.write_text(text[:at] + f" Kalimat tambahan ke-{k + 1} untuk pengukuran.\n" + text[at:], encoding="utf-8")
        edited.append(timed([LKJIP, *args])[0])
        record = json.loads((work / "r7" / "gedeg" / "2023" / "run.json").read_text())
        reused.append(record.get("steps_reused", []))
    return {"median_s": statistics.median(edited) / statistics.median(full), "full_s": full, "narasi_s": edited,
            "steps_reused": reused[-1]}


def case_many(work: Path) -> dict:
    from lkjip.synth import make_units

    data = work / "synth"
    make_units(data, units=18, years=[2021, 2022, 2023], respondents=500, seed=1)
    elapsed, proc = timed([LKJIP, "run", "--all", "--jobs", "2", "--force", "--data-dir", str(data),
                           "--processed-dir", str(work / "p18"), "--reports-dir", str(work / "r18")])
    return {"median_s": elapsed, "unit_years": 54, "per_unit_year_s": elapsed / 54,
            "stderr_tail": proc.stderr.strip().splitlines()[-2:]}


BIG_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
t = {}
t0 = time.perf_counter()
from lkjip.inputs.ingest import read_dataset
from lkjip.validation import validate_frame
from lkjip.indicators.ikm import compute_ikm
t["import_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); df = read_dataset(Path(sys.argv[1]), "ikm_survei"); t["ingest_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); findings = validate_frame("ikm_survei", df, 2023); t["validate_s"] = time.perf_counter() - t0
t0 = time.perf_counter(); ikm = compute_ikm(df); t["ikm_s"] = time.perf_counter() - t0
t["rows"] = len(df); t["ikm_x25"] = ikm.ikm_x25
t["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(t))
"""


def case_big(work: Path, repeat: int) -> dict:
    from lkjip.synth import make_survey

    path = make_survey(work / "big" / "ikm_survei.csv", 1_000_000, 2023, seed=3)
    runs = [json.loads(timed([sys.executable, "-c", BIG_SCRIPT, str(path)])[1].stdout.strip().splitlines()[-1])
            for _ in range(repeat)]
    keys = ("import_s", "ingest_s", "validate_s", "ikm_s", "peak_rss_mb")
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    med["median_s"] = med["ingest_s"] + med["validate_s"] + med["ikm_s"]
    med["file_mb"] = path.stat().st_size / 1e6
    med["rows"] = runs[0]["rows"]
    return med


def case_fresh_clone(work: Path) -> dict:
    """Clone, set up, then the first ``make report`` against a warm rerun, year by year."""
    clone = work / "klon"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    setup_s, _ = timed(["make", "setup"], cwd=clone)
    first_s, first = timed(["make", "report"], cwd=clone)
    warm_s, warm = timed([str(clone / ".venv" / "bin" / "lkjip"), "run", "--unit", "gedeg", "--jobs", "2",
                          "--force"], cwd=clone)
    cold_years, warm_years = per_year_seconds(first.stderr), per_year_seconds(warm.stderr)
    ratios = {k: cold_years[k] / warm_years[k] for k in cold_years if warm_years.get(k)}
    return {"setup_s": setup_s, "first_report_s": first_s, "warm_report_s": warm_s,
            "first_years_s": cold_years, "warm_years_s": warm_years, "ratios": ratios,
            "median_s": max(ratios.values()) if ratios else float("nan")}


def case_tests() -> dict:
    elapsed, proc = timed(["make", "test"])
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    return {"median_s": elapsed, "summary": summary}


def case_naive(work: Path) -> dict:
    """papermill CLI per notebook (a kernel each), then nbconvert CLI per output, same unit-year."""
    from lkjip.run.pipeline import steps_for

    nbdir = ROOT / "notebooks"
    out = work / "naive"
    (out / "nb").mkdir(parents=True)
    params = ["-p", "unit", "gedeg", "-p", "year", "2023", "-p", "processed_dir", str(out / "p"),
              "-p", "report_dir", str(out / "r")]
    steps = steps_for("gedeg", 2023, ROOT / "data" / "raw")
    t0 = time.perf_counter()
    for step in steps:
        timed([str(BIN / "papermill"), str(nbdir / step.notebook), str(out / "nb" / step.notebook),
               "--cwd", str(nbdir), "-k", "python3", *params])
    executed = time.perf_counter() - t0
    for step in steps:
        if not step.report:
            continue
        nb = out / "nb" / step.notebook
        timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb),
               "--output", f"{step.report}.html"])
        timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(nb), "--output", f"{step.report}_lengkap.html"])
        if step.pdf:
            # nbconvert has no LaTeX-free PDF here; the package's PDF renderer stands in for it.
            timed([sys.executable, "-c",
                   "import sys; from pathlib import Path; from lkjip.render.export import print_pdf; "
                   "print_pdf(Path(sys.argv[1]), Path(sys.argv[2]), title='x', cover={'unit': 'x', 'year': 2023})",
                   str(out / "nb" / f"{step.report}.html"), str(out / f"{step.report}.pdf")])
    return {"median_s": time.perf_counter() - t0, "execute_s": executed}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(), "date": time.strftime("%Y-%m-%d")}


def verdict(goal: str, value: float) -> tuple[bool, str]:
    limit = GOALS[goal][1]
    met = value <= limit if goal != "6" else value < limit
    return met, ("tercapai" if met else f"TIDAK tercapai (×{value / limit:.2f})")


def fmt_s(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def write_results(res: dict) -> None:
    c = res["cases"]
    for goal in GOALS:
        if goal in c:
            met, text = verdict(goal, c[goal]["median_s"])
            if goal == "3":
                met = met and c[goal]["peak_rss_mb"] <= 2048
                text = text if c[goal]["peak_rss_mb"] <= 2048 else text + "; memori TIDAK tercapai"
            c[goal]["met"], c[goal]["verdict"] = met, text
    (OUT / "results.json").write_text(json.dumps(res, indent=2, sort_keys=True, default=str) + "\n")
    m = res["machine"]
    lines = ["# Benchmark results", "",
             f"Machine: {m['cpus']} cores, {m['processor']}, Python {m['python']}, {m['platform']}; {m['date']}.",
             f"Medians of {res['repeat']} runs where a case repeats. Remake with `make bench` "
             "(`python benchmarks/run.py`).", "",
             "| goal | what | limit | result | verdict |", "|---|---|---|---|---|"]
    for goal, (what, _, limit) in GOALS.items():
        if goal not in c:
            lines.append(f"| {goal} | {what} | {limit} | not measured | – |")
            continue
        r = c[goal]
        if goal == "3":
            shown = f"{fmt_s(r['median_s'])}, {r['peak_rss_mb']:.0f} MB"
        elif goal == "4":
            shown = f"largest ratio {r['median_s']:.2f}".replace(".", ",")
        elif goal == "5":
            shown = f"{r['median_s']:.2f} s".replace(".", ",")
        elif goal == "7":
            shown = (f"ratio {r['median_s']:.2f} ({statistics.median(r['narasi_s']):.1f} s against "
                     f"{statistics.median(r['full_s']):.1f} s)").replace(".", ",")
        else:
            shown = fmt_s(r["median_s"])
        lines.append(f"| {goal} | {what} | {limit} | {shown} | {r['verdict']} |")
    if "naive" in c and "1" in c:
        ratio = c["naive"]["median_s"] / c["1"]["median_s"]
        lines += ["", f"Naive chain on the same unit-year (papermill CLI per notebook, nbconvert CLI per output, "
                      f"same run): {fmt_s(c['naive']['median_s'])}; goal 1 is **{ratio:.1f}× faster**."
                  .replace(".", ",", 1)]
    if "1" in c:
        lines += ["", "## Where the time of goal 1 goes (run.json, median)", "", "| stage | s |", "|---|---|"]
        lines += [f"| {k} | {v:.2f} |" for k, v in c["1"]["stages_s"].items()]
    if "4" in c:
        r = c["4"]
        lines += ["", "## Goal 4 in detail", "",
                  f"`make setup` {fmt_s(r['setup_s'])}; first `make report` {fmt_s(r['first_report_s'])}; "
                  f"warm rerun {fmt_s(r['warm_report_s'])}.", "", "| unit-year | first s | warm s | ratio |",
                  "|---|---|---|---|"]
        for k, v in r["first_years_s"].items():
            w = r["warm_years_s"].get(k)
            lines.append(f"| {k} | {v:.1f} | {w:.1f} | {v / w:.2f} |" if w else f"| {k} | {v:.1f} | – | – |")
    if "3" in c:
        r = c["3"]
        lines += ["", "## Goal 3 in detail", "",
                  f"{r['rows']:,} rows, file {r['file_mb']:.0f} MB. Import {r['import_s']:.1f} s (not counted), "
                  f"ingest {r['ingest_s']:.1f} s, validate {r['validate_s']:.1f} s, IKM {r['ikm_s']:.2f} s; "
                  f"peak resident memory {r['peak_rss_mb']:.0f} MB."]
    if res.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in res["notes"]]
    (OUT / "results.md").write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="1,2,3,4,5,6,7,naive", help="comma-separated goals (and 'naive')")
    args = parser.parse_args()
    only = set(args.only.split(","))
    previous = json.loads((OUT / "results.json").read_text()) if (OUT / "results.json").exists() else {}
    # results of an earlier layout of this file (other goal numbers) are never mixed in
    keep = ({k: v for k, v in previous.get("cases", {}).items() if k in set(GOALS) | {"naive"}}
            if previous.get("format") == RESULTS_FORMAT else {})
    notes_file = OUT / "notes.md"
    res = {"format": RESULTS_FORMAT, "machine": machine(), "repeat": args.repeat, "cases": keep,
           "notes": [ln[2:] for ln in notes_file.read_text().splitlines() if ln.startswith("- ")]
           if notes_file.exists() else []}
    work = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    steps = [("1", "5"), ("7",), ("naive",), ("3",), ("2",), ("4",), ("6",)]
    try:
        for group in steps:
            if not only & set(group):
                continue
            print(f"goal {'+'.join(group)} ...", file=sys.stderr, flush=True)
            if group == ("1", "5"):
                res["cases"].update(case_one_and_skip(work, args.repeat))
            elif group == ("7",):
                res["cases"]["7"] = case_narasi(work, args.repeat)
            elif group == ("naive",):
                res["cases"]["naive"] = case_naive(work)
            elif group == ("3",):
                res["cases"]["3"] = case_big(work, args.repeat)
            elif group == ("2",):
                res["cases"]["2"] = case_many(work)
            elif group == ("4",):
                res["cases"]["4"] = case_fresh_clone(work)
            elif group == ("6",):
                res["cases"]["6"] = case_tests()
            write_results(res)
        print((OUT / "results.md").read_text())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
