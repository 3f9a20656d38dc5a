"""The validation report: one self-contained HTML page in Bahasa Indonesia for auditors.

Rendered from ``assets/validasi.html.j2`` (autoescape on). Inline CSS only: no
script, no external stylesheet, font or image, so the page opens offline and
can be archived with the run. (GX Data Docs are not used: they fetch assets
from a CDN.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip.contract.pages import render
from lkjip.contract.schema import DATASETS
from lkjip.inputs.files import write_text_atomic

if TYPE_CHECKING:  # pragma: no cover
    from lkjip.validation.results import Finding, ValidationResult

TEMPLATE = "validasi.html.j2"


@dataclass(frozen=True)
class _Section:
    title: str
    files: str
    findings: list["Finding"]
    errors: int
    warnings: int


def render_validation_report(result: "ValidationResult", unit_name: str, year: int) -> str:
    """The HTML text of the report."""
    s = result.summary()
    counts = [
        ("Aturan diperiksa", s["aturan"]),
        ("Lulus", s["lulus"]),
        ("Gagal (error)", s["error"]),
        ("Gagal (peringatan)", s["peringatan"]),
        ("Dilewati (kolom tidak ada)", s["dilewati"]),
        ("Baris dengan error", s["baris_error"]),
    ]
    sections = []
    for name in result.datasets():
        findings = [f for f in result.findings if f.dataset == name]
        sections.append(_Section(
            title=DATASETS[name].title if name in DATASETS else name,
            files=", ".join(sorted({f.file for f in findings})),
            findings=findings,
            errors=sum(f.failed and f.severity == "error" for f in findings),
            warnings=sum(f.failed and f.severity == "peringatan" for f in findings),
        ))
    return render(TEMPLATE, unit_name=unit_name, year=int(year), ok=result.ok, counts=counts, sections=sections)


def write_validation_report(result: "ValidationResult", path: Path, unit_name: str, year: int) -> Path:
    """Write :func:`render_validation_report` to ``path`` (parents created) and return it."""
    return write_text_atomic(Path(path), render_validation_report(result, unit_name, year))
