"""The appendix (lampiran): validation and audit summaries read from the run's files, provenance.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pandas as pd

from lkjip.contract.fmt import fmt_int
from lkjip.inputs.catalog import (
    AUDIT_CSV,
    list_years,
    processed_year_dir,
    project_root,
    unit_dir,
    unit_file,
    year_files,
)
from lkjip.document.data import ReportData
from lkjip.document.audit_sentence import audit_counts, audit_sentence, audit_table
from lkjip.inputs.provenance import collect_provenance, provenance_frame

#: The audit's check families in readers' words (codes of ``audit.csv``'s ``pemeriksaan``).
AUDIT_CHECK_LABELS = {
    "total dalam dataset": "Jumlah di dalam satu berkas data",
    "antar dataset": "Kesesuaian antarberkas data",
    "publikasi vs hitungan": "Angka terbit dibanding hitung ulang",
}

# --------------------------------------------------------------------------- lampiran

def validation_summary(report_dir) -> tuple[pd.DataFrame | None, str]:
    """The validation counts from ``<report_dir>/validation/validasi.json``.

    Returns ``(table or None, sentence)``; the sentence says when validation
    was not run (no JSON).
    """
    path = Path(report_dir) / "validation" / "validasi.json" if report_dir else None
    if path is None or not path.exists():
        return None, ("Pemeriksaan data tidak dijalankan pada proses ini; angka laporan dihitung dari "
                      "data yang belum diperiksa aturan validasi.")
    data = json.loads(path.read_text(encoding="utf-8"))
    s = data.get("ringkasan") or {}
    labels = (("aturan", "Aturan diperiksa"), ("lulus", "Terpenuhi"), ("error", "Kesalahan"),
              ("peringatan", "Peringatan"), ("dilewati", "Tidak diperiksa (isian tidak ada)"))
    table = pd.DataFrame([{"Uraian": label, "Jumlah": int(s.get(k, 0) or 0)} for k, label in labels])
    ok = data.get("ok", True)
    n_warn = int(s.get("peringatan", 0) or 0)
    if not ok:
        text = "Pemeriksaan data menemukan kesalahan; laporan ini tidak boleh dipakai sebelum datanya diperbaiki."
    elif n_warn:
        text = (f"Data lulus pemeriksaan tanpa kesalahan, dengan {fmt_int(n_warn)} peringatan yang dirinci "
                "dalam laporan validasi data.")
    else:
        text = "Data lulus pemeriksaan: semua aturan terpenuhi."
    return table, text


def audit_summary(processed_dir, unit: str, year: int) -> tuple[pd.DataFrame | None, str]:
    """The audit's coverage of printed figures (printed, checked, equal, different; the audit report's counts)."""
    path = processed_year_dir(Path(processed_dir), unit, int(year)) / AUDIT_CSV if processed_dir else None
    if path is None or not path.exists():
        return None, "Audit angka yang dipublikasikan tidak dijalankan pada proses ini."

    counts = audit_counts(path)
    if counts is None:
        return None, "Audit tidak memuat pemeriksaan."
    # the audit's own counts of printed figures, as in the first table of the audit report
    return audit_table(counts), audit_sentence(counts)


def report_inputs(rep: ReportData) -> list[Path]:
    """Every input file behind the report: the year's datasets, other years' raw
    files used in the multi-year tables, unit.yaml, targets, published, nasional."""
    files = {Path(p) for p in rep.inputs.files.values()}
    if rep.inputs.data_dir is not None:
        files |= set(unit_year_inputs(rep.inputs.data_dir, rep.inputs.code, rep.year,
                                      [y for y in rep.per_year_results if y != rep.year]))
    return sorted(files)


def unit_year_inputs(data_dir, unit: str, year: int, other_years=None) -> list[Path]:
    """The input files of a unit-year: its datasets, those of ``other_years`` (default: every
    earlier year), unit.yaml, targets, published and nasional (those that exist)."""
    data_dir = Path(data_dir)
    files: set[Path] = set()
    years = [int(year)] + list(other_years if other_years is not None
                               else [y for y in list_years(data_dir, unit) if y < int(year)])
    for y in years:
        try:
            files |= {Path(p) for p in year_files(data_dir, unit, y).values()}
        except Exception:  # a year that cannot be listed has no files to record
            pass
    yaml_path = unit_dir(data_dir, unit) / "unit.yaml"
    if yaml_path.exists():
        files.add(yaml_path)
    for name in ("targets", "published", "nasional"):
        p = unit_file(data_dir, unit, name)
        if p is not None:
            files.add(p)
    return sorted(files)


def catatan_teknis(data_dir, unit: str, year: int, parameters: dict, run_started: str | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The "Catatan teknis" of the audit report: the run's provenance in full (summary with the
    code commit and the combined input fingerprint, parameters, every input file with its
    SHA-256 and row count, package versions), without a :class:`ReportData`.

    The officials' LKjIP carries none of this; its auditors' copy (``*_lengkap.html``) and the
    audit report do.
    """
    os.environ.setdefault("GIT_OPTIONAL_LOCKS", "0")  # reading the commit never takes git's lock
    started = run_started or dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    prov = collect_provenance(unit_year_inputs(data_dir, unit, year), parameters, root=project_root(),
                              started_at=started)
    return provenance_tables(prov)


def report_provenance(rep: ReportData, parameters: dict, run_started: str | None = None) -> dict:
    """Provenance of the report (collected with :func:`lkjip.inputs.provenance.collect_provenance`).

    ``run_started`` is the run's start time (the ``run_started`` parameter);
    when absent (a notebook run by hand) the current time is used, here only.
    """
    os.environ.setdefault("GIT_OPTIONAL_LOCKS", "0")  # reading the commit never takes git's lock
    started = run_started or dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return collect_provenance(report_inputs(rep), parameters, root=project_root(), started_at=started)


def provenance_tables(prov: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(summary, parameters, input files, package versions) with Indonesian headings."""
    git = prov.get("git")
    if git:
        commit = git.get("commit", "") + (" (ada perubahan belum di-commit)" if git.get("dirty") else "")
    else:
        commit = "bukan repositori git"
    summary = pd.DataFrame([
        {"Keterangan": "Waktu mulai proses", "Nilai": str(prov.get("started_at") or "-")},
        {"Keterangan": "Commit kode", "Nilai": commit},
        {"Keterangan": "Sidik gabungan masukan (SHA-256)", "Nilai": str(prov.get("inputs_digest", ""))},
    ])
    params = pd.DataFrame([{"Parameter": str(k), "Nilai": "" if v is None else str(v)}
                           for k, v in (prov.get("parameters") or {}).items()],
                          columns=["Parameter", "Nilai"])
    files = provenance_frame(prov)[["Berkas masukan", "SHA-256", "Jumlah baris"]]
    # packages by their distribution names (great-expectations), not as Python identifiers
    versions = pd.DataFrame([{"Paket": k.replace("_", "-"), "Versi": v or "tidak terpasang"}
                             for k, v in (prov.get("versions") or {}).items()],
                            columns=["Paket", "Versi"])
    return summary, params, files, versions
