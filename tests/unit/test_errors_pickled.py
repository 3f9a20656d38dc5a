"""Typed errors cross process boundaries whole (exports run in worker processes)."""

from __future__ import annotations

import pytest


def _errors():
    from lkjip.errors import DataError, DataErrors, OutputError

    return [OutputError("reports/gedeg/2023", "disk penuh"),
            DataError("ikm_survei.csv", 5, "u3", "nilai harus bilangan bulat 1..4", "5"),
            DataErrors([DataError("lra.csv", 3, "realisasi", "harus angka", "x"),
                        DataError("lra.csv", None, None, "kosong")])]


@pytest.mark.parametrize("raised", _errors(), ids=lambda e: type(e).__name__)
def test_an_export_s_error_reaches_the_run_as_it_was_raised(raised):
    """Exports run in worker processes: an error raised there is pickled back and must keep
    its class, its message (file, row, column, rule) and its exit code."""
    import pickle

    back = pickle.loads(pickle.dumps(raised))
    assert type(back) is type(raised) and str(back) == str(raised) and back.exit_code == raised.exit_code
