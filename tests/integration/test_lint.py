"""ruff (syntax errors and pyflakes) over the package, the tests, the scripts and the notebook sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_finds_nothing():
    notebooks = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.py"))
    assert notebooks, "no notebook sources found"
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "scripts",
                          *notebooks], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
