"""Checks that follow from the unit's declared key indicators (IKU) across its files.

Every file that names an IKU code (``targets``, ``perjanjian_kinerja``, ``renstra``,
``renstra_target``, ``unit.yaml: pembiayaan``) may name only a declared one, matched without case;
every IKU in force in the report year needs a target for that year; every quantity a rumus reads
(and every ``dilaporkan`` IKU) needs its row in the year's ``realisasi.csv``. Messages list codes
sorted, so the same data give the same message.
"""

from __future__ import annotations

import pandas as pd

from lkjip.errors import DataError, DataErrors
from lkjip.indicators.declared import (BUILTIN_CALCULATIONS, DECLARATION_FILE, Iku, in_force, normalise_code,
                                      quantities_needed, read_declaration)
from lkjip.validation.optional_columns import cross_finding, row_numbers
from lkjip.validation.results import ERROR, WARNING, Finding

#: Files whose column names IKU codes: dataset -> column.
CODE_COLUMNS = {"targets": "indikator", "perjanjian_kinerja": "kode_indikator", "renstra": "kode_indikator",
                "renstra_target": "kode_indikator", "angka_resmi": "indikator"}


def checked_declaration(data_dir, unit: str) -> tuple[tuple[Iku, ...] | None, list[Finding]]:
    """The unit's declared IKU, or ``None`` and one finding per bad cell of ``indikator.csv``."""
    try:
        return read_declaration(data_dir, unit), []
    except (DataError, DataErrors) as exc:
        errors = exc.errors if isinstance(exc, DataErrors) else [exc]
        return None, [Finding(dataset=DECLARATION_FILE, file=str(e.file), rule=e.rule, severity=ERROR,
                              column=e.column, rows=[] if e.row is None else [int(e.row)], values=[],
                              expectation_type="lkjip.iku", success=False,
                              rule_id=f"{DECLARATION_FILE}.{e.column or 'berkas'}.pernyataan",
                              rows_total=0 if e.row is None else 1) for e in errors]


def iku_findings(declaration: tuple[Iku, ...], frames: dict[str, pd.DataFrame], targets: pd.DataFrame | None,
                 year: int, sources: dict[str, str], unit: dict | None = None,
                 unit_source: str = "unit.yaml") -> list[Finding]:
    """Findings of the rules above (passed rules included, as the suites report them)."""
    year = int(year)
    declared = {i.kode for i in declaration}
    out: list[Finding] = []

    def src(name: str) -> str:
        return sources.get(name, f"{name}.csv")

    tables = {**frames, "targets": targets}
    for name, column in CODE_COLUMNS.items():
        frame = tables.get(name)
        if not isinstance(frame, pd.DataFrame) or column not in frame:
            continue
        bad = {}
        for row, value in zip(row_numbers(frame), frame[column]):
            code = normalise_code(value)
            if code and code not in declared:
                bad[int(row)] = str(value).strip()
        out.append(cross_finding(name, src(name), f"{name}.{column}.iku_dinyatakan",
                            "Kode indikator harus salah satu IKU unit (indikator.csv, tanpa membedakan huruf "
                            "besar/kecil): " + ", ".join(sorted(declared)), ERROR, column, bad))
    if isinstance(targets, pd.DataFrame) and {"indikator", "tahun"} <= set(targets.columns):
        years = pd.to_numeric(targets["tahun"], errors="coerce")
        have = {normalise_code(v) for v, y in zip(targets["indikator"], years) if y == year}
        lacking = sorted(i.kode for i in in_force(declaration, year) if i.kode not in have)
        out.append(Finding(dataset="targets", file=src("targets"), column="indikator, tahun",
                           rule="Setiap IKU unit harus punya target untuk tahun laporan (dokumen apa pun): "
                                + ", ".join(i.kode for i in in_force(declaration, year)),
                           severity=ERROR, rows=[], values=lacking[:10], expectation_type="lkjip.iku",
                           success=not lacking, rule_id="targets.indikator.tahun_laporan_lengkap",
                           detail=("tidak ada: " + ", ".join(lacking)) if lacking else None))
    financing = (unit or {}).get("pembiayaan") or {}
    if isinstance(financing, dict) and financing:
        unknown = sorted(str(k) for k in financing if normalise_code(k) not in declared)
        out.append(Finding(dataset="unit", file=unit_source, column="pembiayaan",
                           rule="Kunci pembiayaan harus kode IKU unit", severity=ERROR, rows=[], values=unknown[:10],
                           expectation_type="lkjip.iku", success=not unknown, rule_id="unit.pembiayaan.iku_dinyatakan",
                           detail=("tidak dikenal: " + ", ".join(unknown)) if unknown else None))
    out += _reported_findings(in_force(declaration, year), frames.get("realisasi"), src("realisasi"))
    return out


def _reported_findings(iku: tuple[Iku, ...], frame: pd.DataFrame | None, file: str) -> list[Finding]:
    needed = quantities_needed(iku)
    if not needed and frame is None:
        return []
    given = {}
    if isinstance(frame, pd.DataFrame) and "besaran" in frame:
        for row, value in zip(row_numbers(frame), frame["besaran"]):
            given.setdefault(normalise_code(value), int(row))
    lacking = [n for n in needed if n not in given]
    out = [Finding(dataset="realisasi", file=file, column="besaran",
                   rule="Setiap besaran yang dipakai rumus IKU (dan setiap IKU 'dilaporkan') harus ada di "
                        "realisasi.csv; tulis n/a bila angkanya belum dirilis",
                   severity=ERROR, rows=[], values=lacking[:10], expectation_type="lkjip.iku", success=not lacking,
                   rule_id="realisasi.besaran.lengkap", detail=("tidak ada: " + ", ".join(lacking)) if lacking else None)]
    unused = {r: n for n, r in given.items() if n and n not in needed and n not in BUILTIN_CALCULATIONS}
    out.append(cross_finding("realisasi", file, "realisasi.besaran.dipakai",
                        "Besaran tidak dipakai oleh rumus IKU mana pun (salah ketik nama besaran?)", WARNING,
                        "besaran", unused))
    reported = {i.kode for i in iku if i.formula.is_reported}
    repeated = {}
    if isinstance(frame, pd.DataFrame) and "besaran" in frame:
        seen: dict[str, int] = {}
        for row, value in zip(row_numbers(frame), frame["besaran"]):
            code = normalise_code(value)
            if code in reported and code in seen:
                repeated[int(row)] = code
            seen.setdefault(code, int(row))
    out.append(cross_finding("realisasi", file, "realisasi.besaran.satu_nilai_iku",
                        "IKU 'dilaporkan' punya satu nilai: satu baris per kode (untuk nilai per sub unit, "
                        "pakai rumus rata_rata() atau jumlah() atas sebuah besaran)", ERROR, "besaran", repeated))
    return out
