"""The appendix (lampiran): validation and audit summaries read from the run's files, provenance.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pandas as pd

from lkjip.layout import processed_year_dir, project_root, unit_file
from lkjip.report.data import ReportData

# --------------------------------------------------------------------------- lampiran

def validation_summary(report_dir) -> tuple[pd.DataFrame | None, str]:
    """The validation counts from ``<report_dir>/validation/validasi.json``.

    Returns ``(table or None, sentence)``; the sentence says when validation
    was not run (no JSON).
    """
    path = Path(report_dir) / "validation" / "validasi.json" if report_dir else None
    if path is None or not path.exists():
        return None, ("Validasi data tidak dijalankan pada proses ini (berkas "
                      "validation/validasi.json tidak ada); angka laporan dihitung dari data "
                      "yang belum diperiksa aturan validasi.")
    data = json.loads(path.read_text(encoding="utf-8"))
    s = data.get("ringkasan") or {}
    labels = (("aturan", "Aturan diperiksa"), ("lulus", "Lulus"), ("error", "Gagal tingkat error"),
              ("peringatan", "Gagal tingkat peringatan"), ("dilewati", "Dilewati (kolom tidak ada)"))
    table = pd.DataFrame([{"Ukuran": label, "Jumlah": int(s.get(k, 0) or 0)} for k, label in labels])
    ok = data.get("ok", True)
    n_warn = int(s.get("peringatan", 0) or 0)
    if not ok:
        text = "Validasi menemukan kesalahan tingkat error; laporan ini tidak boleh dipakai."
    elif n_warn:
        text = (f"Validasi lulus tanpa kesalahan tingkat error, dengan {n_warn} temuan tingkat "
                "peringatan (dirinci dalam laporan validasi terpisah).")
    else:
        text = "Validasi lulus: semua aturan terpenuhi."
    return table, text


def audit_summary(processed_dir, unit: str, year: int) -> tuple[pd.DataFrame | None, str]:
    """Counts of ``audit.csv`` by check and status (the audit report is separate)."""
    path = processed_year_dir(Path(processed_dir), unit, int(year)) / "audit.csv" if processed_dir else None
    if path is None or not path.exists():
        return None, "Audit angka yang dipublikasikan tidak dijalankan pada proses ini."
    a = pd.read_csv(path, dtype=str, keep_default_na=False)
    # figures the data cannot recompute are listed in audit.csv but were not compared
    a = a[a["status"].str.strip().str.lower().isin(("sesuai", "selisih"))]
    if not len(a):
        return None, "Audit tidak memuat pemeriksaan."
    status = a["status"].str.strip().str.lower()
    rows = []
    for p in sorted(a["pemeriksaan"].unique()):
        m = a["pemeriksaan"] == p
        rows.append({"Pemeriksaan": p, "Jumlah": int(m.sum()),
                     "Sesuai": int((m & (status == "sesuai")).sum()),
                     "Selisih": int((m & (status == "selisih")).sum())})
    rows.append({"Pemeriksaan": "Jumlah", "Jumlah": int(len(a)),
                 "Sesuai": int((status == "sesuai").sum()), "Selisih": int((status == "selisih").sum())})
    table = pd.DataFrame(rows, columns=["Pemeriksaan", "Jumlah", "Sesuai", "Selisih"])
    n = int((status == "selisih").sum())
    text = (f"Audit membandingkan {len(a)} angka yang dipublikasikan dengan hasil hitung ulang; "
            f"{n} di antaranya berselisih. Rincian ada di laporan audit terpisah.")
    return table, text


def report_inputs(rep: ReportData) -> list[Path]:
    """Every input file behind the report: the year's datasets, other years' raw
    files used in the multi-year tables, unit.yaml, targets, published, nasional."""
    from lkjip.layout import unit_dir, year_files

    files = {Path(p) for p in rep.inputs.files.values()}
    data_dir = rep.inputs.data_dir
    if data_dir is not None:
        for y in rep.per_year_results:
            if y != rep.year:
                try:
                    files |= set(year_files(data_dir, rep.unit.kode, y).values())
                except Exception:
                    pass
        yaml_path = unit_dir(data_dir, rep.unit.kode) / "unit.yaml"
        if yaml_path.exists():
            files.add(yaml_path)
        for name in ("targets", "published", "nasional"):
            p = unit_file(data_dir, rep.unit.kode, name)
            if p is not None:
                files.add(p)
    return sorted(files)


def report_provenance(rep: ReportData, parameters: dict, run_started: str | None = None) -> dict:
    """Provenance of the report (collected with :func:`lkjip.provenance.collect_provenance`).

    ``run_started`` is the run's start time (the ``run_started`` parameter);
    when absent (a notebook run by hand) the current time is used, here only.
    """
    from lkjip.provenance import collect_provenance

    os.environ.setdefault("GIT_OPTIONAL_LOCKS", "0")  # reading the commit never takes git's lock
    started = run_started or dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return collect_provenance(report_inputs(rep), parameters, root=project_root(), started_at=started)


def provenance_tables(prov: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(summary, parameters, input files, package versions) with Indonesian headings."""
    from lkjip.provenance import provenance_frame

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
    versions = pd.DataFrame([{"Paket": k, "Versi": v or "tidak terpasang"}
                             for k, v in (prov.get("versions") or {}).items()],
                            columns=["Paket", "Versi"])
    return summary, params, files, versions
