"""`make setup` says what it does (issue 27, item 3: it was silent for minutes, pip ran `--quiet`): one
line per phase, and pip's own progress when the output is a terminal (quiet in a log or CI)."""

from __future__ import annotations

import shutil
import subprocess

import pytest


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_setup_prints_its_phases_and_lets_pip_show_progress_on_a_terminal(root):
    # a dry run (-n) as if pyproject.toml had changed (-W): the commands, nothing executed
    done = subprocess.run(["make", "-n", "-W", "pyproject.toml", "setup"], cwd=root, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    phases = [line for line in lines if line.startswith('echo "setup ')]
    assert [p.split(":")[0] for p in phases] == ['echo "setup 1/4', 'echo "setup 2/4', 'echo "setup 3/4',
                                                 'echo "setup 4/4']
    [pip] = [line for line in lines if " -m pip install " in line]
    # --quiet only when stdout is not a terminal
    assert "$( [ -t 1 ] || echo --quiet )" in pip
    assert " --quiet " not in pip.replace("echo --quiet", "")
    # the shell gives it: nothing on a terminal, --quiet elsewhere
    flag = "sh -c '[ -t 1 ] || echo --quiet'"
    assert subprocess.run(flag, shell=True, capture_output=True, text=True).stdout.strip() == "--quiet"
