"""The check of ``narasi.md``, done by the LKjIP step (the only step that prints it).

The validation step (02) does not read ``narasi.md`` (:data:`lkjip.inputs.chain.STEPS`): editing only the
narrative then reruns the LKjIP step and its export, and reuses the validation with every other step.
The LKjIP step checks the narrative first (:func:`check_narasi`) and puts that finding into the run's
validation report (``validation/validasi.json`` and ``validasi.html``: written by 02 in this run, or
the published ones kept), in the place the validation step gave it before; a narrative that breaks
its rules stops the run with file, line and rule (exit 2), as it did in the validation.
"""

from __future__ import annotations

from pathlib import Path

from lkjip.errors import DataErrors
from lkjip.inputs.unit import load_unit
from lkjip.run.steps import VALIDATION_DIR
from lkjip.validation.optional_columns import narasi_findings
from lkjip.validation.report import write_validation_report
from lkjip.validation.results import ValidationResult
from lkjip.validation.stored import read_result

#: The dataset name of the narrative's finding in the validation report.
NARASI_DATASET = "narasi"


def check_narasi(ctx) -> None:
    """Check the unit-year's ``narasi.md``, record the outcome in the run's validation report (when there
    is one: a hand run of the LKjIP notebook alone has none) and raise :class:`DataErrors` on a broken one."""
    findings = narasi_findings(ctx.data_dir, ctx.unit, ctx.year)
    folder = Path(ctx.report_dir) / VALIDATION_DIR
    stored = folder / "validasi.json"
    if stored.is_file():
        result = read_result(stored)
        result.findings = [f for f in result.findings if f.dataset != NARASI_DATASET] + findings
        write_validation_report(result, folder / "validasi.html", load_unit(ctx.data_dir, ctx.unit).nama, ctx.year)
        result.to_json(stored)
    errors = ValidationResult(int(ctx.year), findings).data_errors()  # the messages the validation gave
    if errors:
        raise DataErrors(errors)
