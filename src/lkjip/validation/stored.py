"""A unit-year's validation read back from the ``validasi.json`` it wrote
(:meth:`lkjip.validation.results.ValidationResult.to_json`).

The run's LKjIP step checks ``narasi.md`` itself and puts that finding into the validation report
of the run (:mod:`lkjip.run.narasi_check`), so that editing only the narrative does not validate
every dataset again. Every serialised field comes back as it was written; the per-row values of a
finding (``row_values``) are not serialised and come back empty.
"""

from __future__ import annotations

import json
from pathlib import Path

from lkjip.validation.results import STATUS_TEXT, Finding, ValidationResult

_SUCCESS = {text: success for success, text in STATUS_TEXT.items()}


def finding_from_dict(row: dict) -> Finding:
    """The :class:`Finding` of one entry of ``validasi.json``'s ``temuan`` (inverse of ``Finding.as_dict``)."""
    return Finding(dataset=row["dataset"], file=row["berkas"], rule=row["aturan"], severity=row["tingkat"],
                   column=row.get("kolom"), rows=list(row.get("baris") or []),
                   values=list(row.get("contoh_nilai") or []), expectation_type=row.get("jenis_expectation") or "",
                   success=_SUCCESS[row["status"]], rule_id=row.get("id") or "",
                   rows_total=int(row.get("jumlah_baris") or 0), detail=row.get("keterangan"))


def read_result(path: Path) -> ValidationResult:
    """The :class:`ValidationResult` written to ``path`` (``validasi.json``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return ValidationResult(year=int(data["tahun"]), findings=[finding_from_dict(f) for f in data["temuan"]],
                            sources=dict(data.get("berkas") or {}))
