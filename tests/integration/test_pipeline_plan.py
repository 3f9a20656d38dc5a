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


def test_all_units_with_years_runs_only_those_years(raw_dir):
    # `lkjip run --all --year 2022-2023` once ran every year of every unit (2021 too)
    assert plan(raw_dir, None, [2022, 2023], True) == [
        ("dinkes_contoh", 2022), ("dinkes_contoh", 2023), ("gedeg", 2022), ("gedeg", 2023)]
    assert plan(raw_dir, None, [2021], True) == [("gedeg", 2021)]
    with pytest.raises(ConfigError, match="tidak ada unit dengan data tahun 2019"):
        plan(raw_dir, None, [2019], True)
