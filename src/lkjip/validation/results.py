"""The outcome of validation: one :class:`Finding` per rule and dataset, a :class:`ValidationResult` per unit-year.

- ``error``: the run stops before anything of that year is written
  (:meth:`ValidationResult.raise_for_errors`);
- ``peringatan``: the finding goes into the report (totals that disagree with
  their rows, for instance: the raw data are never "fixed").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkjip.errors import DataError, DataErrors

ERROR = "error"


WARNING = "peringatan"


#: Rows kept per finding (the count of all failing rows is kept in ``rows_total``).
ROW_LIMIT = 200


#: Example values kept per finding.
VALUE_LIMIT = 5


STATUS_TEXT = {True: "lulus", False: "gagal", None: "dilewati"}


# --------------------------------------------------------------------------- results


@dataclass
class Finding:
    """The outcome of one rule on one dataset.

    ``success``: True (passed), False (failed) or None (skipped: a column the
    rule needs is missing, which another rule already reports). ``rows`` are
    spreadsheet row numbers, sorted, at most :data:`ROW_LIMIT` of
    ``rows_total``.
    """

    dataset: str
    file: str
    rule: str
    severity: str
    column: str | None
    rows: list[int]
    values: list[str]
    expectation_type: str
    success: bool | None
    rule_id: str = ""
    rows_total: int = 0
    detail: str | None = None
    #: value per failing row (for the DataError messages); not serialised
    row_values: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def status(self) -> str:
        return STATUS_TEXT[self.success]

    @property
    def failed(self) -> bool:
        return self.success is False

    def rows_text(self, limit: int = 20) -> str:
        """``"5, 9, 12"``; with ``... (+N baris lain)`` when longer than ``limit``."""
        shown = ", ".join(str(r) for r in self.rows[:limit])
        more = max(self.rows_total, len(self.rows)) - min(limit, len(self.rows))
        if more > 0:
            shown += f", ... (+{more} baris lain)"
        return shown

    def as_dict(self) -> dict:
        return {
            "dataset": self.dataset,
            "berkas": self.file,
            "id": self.rule_id,
            "aturan": self.rule,
            "tingkat": self.severity,
            "status": self.status,
            "kolom": self.column,
            "baris": list(self.rows),
            "jumlah_baris": self.rows_total,
            "contoh_nilai": list(self.values),
            "jenis_expectation": self.expectation_type,
            "keterangan": self.detail,
        }


@dataclass
class ValidationResult:
    """All findings of one unit-year. ``ok`` is True when no ``error`` rule failed."""

    year: int
    findings: list[Finding]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.failed and f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.failed and f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def datasets(self) -> list[str]:
        seen: list[str] = []
        for f in self.findings:
            if f.dataset not in seen:
                seen.append(f.dataset)
        return seen

    def summary(self) -> dict[str, int]:
        """Counts: rules checked, passed, failed, skipped, failed errors and warnings."""
        return {
            "aturan": len(self.findings),
            "lulus": sum(f.success is True for f in self.findings),
            "gagal": sum(f.success is False for f in self.findings),
            "dilewati": sum(f.success is None for f in self.findings),
            "error": len(self.errors),
            "peringatan": len(self.warnings),
            "baris_error": sum(max(f.rows_total, len(f.rows)) for f in self.errors),
            "baris_peringatan": sum(max(f.rows_total, len(f.rows)) for f in self.warnings),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per rule, Indonesian column names, for tables and notebooks."""
        rows = [
            {
                "dataset": f.dataset,
                "berkas": f.file,
                "aturan": f.rule,
                "tingkat": f.severity,
                "status": f.status,
                "kolom": f.column or "",
                "baris": f.rows_text(),
                "contoh nilai": ", ".join(f.values),
                "keterangan": f.detail or "",
            }
            for f in self.findings
        ]
        columns = ["dataset", "berkas", "aturan", "tingkat", "status", "kolom", "baris", "contoh nilai", "keterangan"]
        return pd.DataFrame(rows, columns=columns)

    def data_errors(self, limit: int = 500) -> list[DataError]:
        """One :class:`DataError` per failing row of every failed ``error`` rule (at most ``limit``)."""
        out: list[DataError] = []
        for f in self.errors:
            if f.rows:
                for r in f.rows:
                    out.append(DataError(f.file, r, f.column, f.rule, f.row_values.get(r)))
            else:
                value = ", ".join(f.values) if f.values else None
                out.append(DataError(f.file, None, f.column, f.rule + (f" ({f.detail})" if f.detail else ""), value))
            if len(out) >= limit:
                return out[:limit]
        return out

    def raise_for_errors(self, limit: int = 500) -> None:
        """Raise :class:`lkjip.errors.DataErrors` naming file, row, column and rule of every error."""
        errors = self.data_errors(limit)
        if errors:
            raise DataErrors(errors)

    def as_dict(self, generated_at: str | None = None) -> dict:
        out = {
            "tahun": self.year,
            "ok": self.ok,
            "ringkasan": self.summary(),
            "berkas": dict(sorted(self.sources.items())),
            "temuan": [f.as_dict() for f in self.findings],
        }
        if generated_at is not None:
            out["dibuat"] = generated_at
        return out

    def to_json(self, path: Path | str, generated_at: str | None = None) -> Path:
        """Write the findings as JSON (sorted keys; no timestamp unless ``generated_at`` is given)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.as_dict(generated_at), indent=2, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        return path
