"""Synthetic units: contract-valid raw data of any size, for tests, demos and benchmarks.

:func:`make_units` writes whole units (``unit.yaml``, ``targets.csv``,
``published.csv`` and the eight datasets of every year) that pass every rule
of the data contract; :func:`make_survey` writes one (possibly huge) IKM
survey file; :func:`synth_main` is what ``lkjip synth`` calls.

Every number comes from :func:`numpy.random.default_rng` seeded with
``[seed, unit index, year, dataset]``, so

- the same arguments give byte-identical files (CSV, and XLSX whose zip
  timestamps and document properties are pinned);
- each unit and each dataset of a year is independent of the others: units
  can be generated in any order or in parallel, and changing the number of
  respondents changes the survey only.

The survey is generated and written column-wise (numpy + ``pyarrow.csv``):
a million respondents take a few seconds. Names in the survey (``nama``) and
the staff list are synthetic, built from common Indonesian given names; the
reader drops the survey's ``nama`` column as personal data.

Modules: :mod:`~lkjip.synth.units` (whole units), :mod:`~lkjip.synth.survey`,
:mod:`~lkjip.synth.datasets` (one generator per dataset),
:mod:`~lkjip.synth.vocabulary` and :mod:`~lkjip.synth.common`.
"""

from lkjip.synth.common import parse_years, unit_code
from lkjip.synth.survey import make_survey
from lkjip.synth.units import make_unit, make_units, synth_main

__all__ = ["make_units", "make_unit", "make_survey", "synth_main", "parse_years", "unit_code"]
