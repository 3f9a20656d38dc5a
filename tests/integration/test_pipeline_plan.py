"""The plan of a run: which unit-years, and clear words for a unit or a year that is not there."""

from __future__ import annotations

import pytest

from lkjip.errors import ConfigError
from lkjip.run.pipeline import plan


def test_unknown_unit_and_missing_year_are_clear(raw_dir):
    with pytest.raises(ConfigError, match="Unit yang ada: dinkes_contoh, gedeg"):
        plan(raw_dir, "mojosari", None, False)
    with pytest.raises(ConfigError, match="Tahun yang ada: 2021, 2022, 2023"):
        plan(raw_dir, "gedeg", [2019], False)
