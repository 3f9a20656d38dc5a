"""Validate a unit-year's typed frames with Great Expectations (GX 1.x).

The rules live in ``expectations/<dataset>.json`` (one GX expectation suite per
dataset, plus ``targets``), written by ``scripts/build_expectations.py`` and
committed. Every expectation carries ``meta``: ``id``, ``aturan`` (the rule in
Bahasa Indonesia), ``tingkat`` (``error`` or ``peringatan``) and ``kolom``.
Failures are reported by ``baris``, the row number as the spreadsheet shows it.

- :mod:`~lkjip.validation.results`: findings and the result of a unit-year;
- :mod:`~lkjip.validation.suites`: the suites and the GX context (GX is imported
  only when a suite runs);
- :mod:`~lkjip.validation.columns`: helper columns derived before validating;
- :mod:`~lkjip.validation.findings`: GX results translated into findings;
- :mod:`~lkjip.validation.run`: :func:`validate_frame`, :func:`validate_year`;
- :mod:`~lkjip.validation.report`: the auditors' HTML page.
"""

from lkjip.validation.columns import prepare_frame
from lkjip.validation.report import render_validation_report, write_validation_report
from lkjip.validation.results import ERROR, WARNING, Finding, ValidationResult
from lkjip.validation.run import validate_frame, validate_year
from lkjip.validation.suites import default_expectations_dir

__all__ = [
    "ERROR",
    "WARNING",
    "Finding",
    "ValidationResult",
    "default_expectations_dir",
    "prepare_frame",
    "render_validation_report",
    "validate_frame",
    "validate_year",
    "write_validation_report",
]
