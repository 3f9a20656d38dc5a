"""The published state of a unit-year: one state, checked, repaired, carried over.

``data/processed/<unit>/<year>`` and ``reports/<unit>/<year>`` are published
together (:func:`lkjip.inputs.files.publish` with a journal), so they always describe
the same run. This module holds what the pipeline needs around that swap:

- :func:`repair`: under the unit-year's lock, before anything else, finish or
  undo a publish that a crash interrupted (the journal
  ``reports/<unit>/.<year>.publish.json``) and remove folders an interrupted
  run left (``.<year>-old-*``, staging);
- :func:`published_digest`: SHA-256 of every published file of both folders;
  ``run.json`` records it, and a run is skipped only when the fingerprint of
  its inputs *and* this digest of what is actually published are unchanged, so
  any change to the published files (an old ``lkjip ingest`` writing Parquet
  into them, a half-finished copy, a deleted PDF) makes the next run rerun;
- :func:`carry_pdfs`: ``run --no-pdf`` keeps the published set consistent:
  the earlier PDFs are carried into the new publish when the inputs are
  unchanged, and left out (and named) when they no longer describe the data.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.inputs.catalog import RUN_RECORD
from lkjip.inputs.files import recover, remove_leftovers



def journal_path(final_report: Path) -> Path:
    """Where the publish journal of a unit-year lives (beside its lock)."""
    return Path(final_report).parent / f".{Path(final_report).name}.publish.json"


def repair(final_report: Path, final_processed: Path) -> list[str]:
    """Recover an interrupted publish and remove stray folders; what was done, in words."""
    final_report, final_processed = Path(final_report), Path(final_processed)
    year = final_report.name
    notes = []
    phase = recover(journal_path(final_report))
    if phase == "swapping":
        notes.append("penerbitan sebelumnya terputus di tengah: keadaan lama dipulihkan utuh")
    elif phase == "done":
        notes.append("penerbitan sebelumnya terputus saat membersihkan: keadaan baru dipertahankan")
    elif phase == "rusak":
        notes.append("jurnal penerbitan yang terpotong dibuang (belum ada folder yang dipindah)")
    removed = remove_leftovers(final_report.parent, year) + remove_leftovers(final_processed.parent, year)
    if removed:
        notes.append("folder sisa proses yang terputus dihapus: " + ", ".join(p.name for p in removed))
    return notes


def published_digest(report_dir: Path, processed_dir: Path) -> dict[str, str]:
    """``{"report/<file>": sha256, "processed/<file>": sha256}`` of every file (``run.json`` excluded)."""
    out: dict[str, str] = {}
    for prefix, folder in (("report", Path(report_dir)), ("processed", Path(processed_dir))):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not (prefix == "report" and path.relative_to(folder).as_posix() == RUN_RECORD):
                out[f"{prefix}/{path.relative_to(folder).as_posix()}"] = _sha256(path)
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_record(report_dir: Path) -> dict | None:
    """The ``run.json`` of a published report folder, or None."""
    try:
        record = json.loads((Path(report_dir) / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def layout_records(record: dict | None) -> dict:
    """The layout records of a run record's PDFs (``tata_letak_pdf``: ``{PDF file name: record}``); empty
    when it has none, or one of another shape (an older run, a hand edit): no memory then, never an error.

    >>> layout_records({"tata_letak_pdf": {"a.pdf": {"halaman": 3}}}), layout_records({"tata_letak_pdf": [1]})
    ({'a.pdf': {'halaman': 3}}, {})
    """
    layouts = (record or {}).get("tata_letak_pdf")
    return layouts if isinstance(layouts, dict) else {}


def up_to_date(final_report: Path, final_processed: Path, digest: str) -> bool:
    """True when the published run has fingerprint ``digest`` and its files are exactly as recorded."""
    record = read_record(final_report)
    if not record or record.get("fingerprint") != digest or not Path(final_processed).is_dir():
        return False
    recorded = record.get("published")
    return isinstance(recorded, dict) and recorded == published_digest(final_report, final_processed)


def reusable_steps(final_report: Path, final_processed: Path, fingerprints: dict[str, str]) -> set[str]:
    """The steps whose published outputs a run may keep: the published run recorded the same chain
    and, for each of these steps, the fingerprint it has now, and its files are exactly as recorded
    (a hand-edited or half-copied folder is never reused)."""
    record = read_record(final_report)
    if not record or not isinstance(record.get("step_fingerprints"), dict) or not Path(final_processed).is_dir():
        return set()
    if record.get("steps") != list(fingerprints):
        return set()
    recorded = record.get("published")
    if not isinstance(recorded, dict) or recorded != published_digest(final_report, final_processed):
        return set()
    old = record["step_fingerprints"]
    return {step for step, value in fingerprints.items() if old.get(step) == value}


@dataclass
class PdfCarry:
    """What ``--no-pdf`` did with the PDFs published before."""

    carried: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: the layout records (run.json ``tata_letak_pdf``) of the carried PDFs, from the run that made them
    layouts: dict[str, dict] = field(default_factory=dict)

    def notes(self, unit: str, year: int) -> list[str]:
        out = []
        if self.carried:
            out.append(f"{unit} {year}: --no-pdf: masukan tidak berubah, PDF terbitan sebelumnya dibawa: "
                       + ", ".join(self.carried))
        if self.removed:
            out.append(f"{unit} {year}: --no-pdf: data berubah sejak PDF terakhir dibuat, PDF lama tidak diterbitkan "
                       f"lagi: {', '.join(self.removed)}; buat ulang dengan `lkjip run --unit {unit} --year {year}` "
                       "(tanpa --no-pdf)")
        return out


def carry_pdfs(final_report: Path, stage_report: Path, inputs_digest: str) -> PdfCarry:
    """Copy the published PDFs into ``stage_report`` when they still describe the inputs.

    They do when the earlier run's input fingerprint (without the PDF flag)
    equals ``inputs_digest`` and each PDF is byte-identical to what that run
    recorded; otherwise they are left out and named in :attr:`PdfCarry.removed`.
    """
    final_report = Path(final_report)
    result = PdfCarry()
    if not final_report.is_dir():
        return result
    pdfs = sorted(p.name for p in final_report.glob("*.pdf") if p.is_file())
    if not pdfs:
        return result
    record = read_record(final_report) or {}
    # a record of another shape (an older run, a hand edit) vouches for nothing and holds no layout
    recorded = record.get("published") if isinstance(record.get("published"), dict) else {}
    layouts = layout_records(record)
    same_inputs = record.get("fingerprint_masukan") == inputs_digest
    for name in pdfs:
        if same_inputs and recorded.get(f"report/{name}") == _sha256(final_report / name) \
                and not (Path(stage_report) / name).exists():
            shutil.copy2(final_report / name, Path(stage_report) / name)
            result.carried.append(name)
            if isinstance(layouts.get(name), dict):
                result.layouts[name] = layouts[name]
        else:
            result.removed.append(name)
    return result


# ------------------------------------------------------------------ earlier years, as published

@dataclass(frozen=True)
class Published:
    """Where a run's unit-years are published: ``processed`` root and ``reports`` root."""

    processed: Path
    reports: Path

