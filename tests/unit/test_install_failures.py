"""An export that cannot find nbconvert's templates is an incomplete install (exit 1), not bad data (issue 27).

Seen while installing the wheel beside another environment's dependencies: `lkjip run` exited 2
"GAGAL: ValueError: No template sub-directory with name 'lab' found in the following paths: ...".
"""

from __future__ import annotations

from lkjip.run.step_failures import explain


def test_missing_nbconvert_templates_are_an_install_problem_exit_1():
    exc = ValueError("No template sub-directory with name 'lab' found in the following paths:\n\t/venv/share/jupyter")
    reason, code = explain(exc)
    assert code == 1
    assert reason == ("instalasi tidak lengkap: templat ekspor nbconvert tidak ditemukan (No template sub-directory "
                      "with name 'lab'); pasang ulang nbconvert di lingkungan lkjip (pip install --force-reinstall "
                      "nbconvert)")


def test_another_value_error_is_left_to_the_step():
    assert explain(ValueError("kolom tidak dikenal")) is None
