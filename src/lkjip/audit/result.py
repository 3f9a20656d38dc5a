"""The audit's result: one row per comparison (``audit.csv``), counts per family, coverage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

import pandas as pd

from lkjip.audit.causes import TIDAK_DIKETAHUI, Candidate, Part, classify
from lkjip.audit.names import (  # noqa: F401 - re-exported: the names are the result's vocabulary
    FAMILIES,
    FAMILY_CROSS,
    FAMILY_DOCUMENT,
    FAMILY_INTERNAL,
    FAMILY_PLACES,
    FAMILY_PUBLISHED,
    SELISIH,
    SESUAI,
    STATUSES,
    TIDAK_DIPERIKSA,
)
from lkjip.inputs.catalog import AUDIT_CSV
from lkjip.inputs.files import atomic_write
from lkjip.contract.fmt import fmt_plain
from lkjip.contract.markup import csv_cell
from lkjip.contract.rules.printed import check_total, decimals_of
from lkjip.audit.coverage import coverage

#: Columns of ``audit.csv`` (and of :attr:`AuditResult.frame`, in this order).
#: The first seven are the comparison; then the likely cause of a difference,
#: what the figure is (its name in words, id, year, measure), where the document prints it
#: (chapter, place, row and column label, page, text as printed, source), where
#: the compared value comes from (file and spreadsheet row of the printed value,
#: raw rows of the recomputed one), why a figure could not be checked, and the
#: tolerance of the comparison.
AUDIT_COLUMNS = (
    "pemeriksaan", "dataset", "item", "dipublikasikan", "dihitung", "selisih", "status",
    "kemungkinan_penyebab", "penjelasan", "uraian",
    "indikator", "tahun", "ukuran",
    "bab", "lokasi", "baris_label", "kolom_label", "halaman", "teks", "sumber",
    "berkas", "baris", "sumber_hitungan", "keterangan", "toleransi",
)


#: Columns of the frame kept for callers of the earlier layout (all are in :data:`AUDIT_COLUMNS` now).
SOURCE_COLUMNS = ("berkas", "baris", "sumber", "toleransi")


_NUMBERS = ("dipublikasikan", "dihitung", "selisih", "toleransi")


def _num(value: object) -> float:
    try:
        if value is None or pd.isna(value):
            return float("nan")
    except (TypeError, ValueError):
        return float("nan")
    return float(value)


def _cell(value: object) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return csv_cell(str(value))


# ---------------------------------------------------------------- result

@dataclass
class AuditResult:
    """The audit of one unit-year.

    ``frame``: one row per comparison, columns :data:`AUDIT_COLUMNS`, in a
    deterministic order (family, then dataset order, then row order); a
    published figure that cannot be recomputed has one row with status
    :data:`TIDAK_DIPERIKSA` and the reason in ``keterangan``. ``catatan``:
    what could not be checked at all and why.
    """

    frame: pd.DataFrame
    year: int | None = None
    unit: str | None = None
    catatan: list[str] = field(default_factory=list)

    def counts(self) -> pd.DataFrame:
        """Per family: ``diperiksa`` (compared), ``sesuai``, ``selisih`` (every family listed)."""
        rows = []
        status = self.frame["status"]
        for fam in FAMILIES:
            m = self.frame["pemeriksaan"] == fam
            rows.append({"pemeriksaan": fam,
                         "diperiksa": int((m & status.isin((SESUAI, SELISIH))).sum()),
                         "sesuai": int((m & (status == SESUAI)).sum()),
                         "selisih": int((m & (status == SELISIH)).sum())})
        return pd.DataFrame(rows).set_index("pemeriksaan")

    def differences(self) -> pd.DataFrame:
        """Only the rows with status ``selisih``."""
        return self.frame[self.frame["status"] == SELISIH].reset_index(drop=True)

    def coverage(self, by: str | None = None) -> pd.DataFrame:
        """Printed figures: printed, checked, equal, different, not checkable (see :mod:`lkjip.audit.coverage`)."""
        return coverage(self.frame, by=by)

    def csv_frame(self) -> pd.DataFrame:
        """Every column of :data:`AUDIT_COLUMNS`: numbers as plain decimal text, text cells formula-safe."""
        out = self.frame.reindex(columns=list(AUDIT_COLUMNS)).copy()
        for c in _NUMBERS:
            out[c] = [fmt_plain(_num(v)) for v in out[c]]
        for c in ("tahun", "baris"):
            out[c] = ["" if pd.isna(v) else str(int(v)) for v in out[c]]
        for c in AUDIT_COLUMNS:
            if c not in _NUMBERS and c not in ("tahun", "baris"):
                out[c] = [_cell(v) for v in out[c]]
        return out

    def write_csv(self, path: Path | str) -> Path:
        """Write ``audit.csv`` (columns :data:`AUDIT_COLUMNS`) atomically.

        ``path`` is the file, or a folder (any path not ending in ``.csv``)
        that receives ``audit.csv``, e.g. ``data/processed/<unit>/<year>``.
        """
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path / AUDIT_CSV
        # csv_frame: text cells a spreadsheet would evaluate (=, +, -, @ ...) neutralised, numbers stay numbers
        with atomic_write(path, newline="") as fh:
            self.csv_frame().to_csv(fh, index=False, lineterminator="\n")
        return path


@dataclass
class Evidence:
    """What may explain a difference (see :func:`lkjip.audit.causes.classify`)."""

    parts: tuple[Part, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    elsewhere: tuple[Candidate, ...] = ()
    periods: tuple[str, ...] = ()
    unit: str = ""
    computed_label: str = "hasil hitung ulang"


class _Rows:
    """Collects comparison rows; a difference gets its likely cause as it is added."""

    def __init__(self, sources: Mapping[str, Any] | None):
        self.rows: list[dict] = []
        self.notes: list[str] = []
        self.sources = dict(sources or {})

    def berkas(self, *datasets: str) -> str:
        names = []
        for d in datasets:
            src = self.sources.get(d)
            names.append(Path(src).name if src is not None else d)
        return "; ".join(names)

    def add(self, family: str, dataset: str, item: str, published: object, computed: object, *,
            berkas: str, baris: object = None, sumber: str | None = None,
            decimals: int | None = None, status: str | None = None,
            evidence: Evidence | Callable[[], Evidence] | None = None, **detail: Any) -> dict:
        """One comparison; ``detail`` fills the other columns of :data:`AUDIT_COLUMNS`."""
        check = check_total(published, computed, decimals=decimals)
        pub, comp, diff, tol = check.printed, check.computed, check.difference, check.tolerance
        if status is None:
            status = SESUAI if check.ok else SELISIH
        row_no = None if baris is None or pd.isna(baris) else int(baris)
        row = {"pemeriksaan": family, "dataset": dataset, "item": item,
               "dipublikasikan": pub, "dihitung": comp, "selisih": diff,
               "status": status, "berkas": berkas, "baris": row_no,
               "sumber": sumber, "toleransi": tol, **detail}
        if status == SELISIH and not row.get("kemungkinan_penyebab"):
            ev = evidence() if callable(evidence) else (evidence or Evidence())
            dec = decimals if decimals is not None else _decimals(pub)
            cause = classify(pub, comp, decimals=dec, unit=ev.unit, parts=ev.parts, candidates=ev.candidates,
                             elsewhere=ev.elsewhere, periods=ev.periods, computed_label=ev.computed_label)
            if cause is None:
                # an inequality the rule of lkjip.contract.rules.printed calls a difference (e.g. a sample
                # below its minimum): it is not a slip of the pen

                row["kemungkinan_penyebab"] = TIDAK_DIKETAHUI
                row["penjelasan"] = "Perbandingan ini bukan soal angka tercetak; lihat keterangan."
            else:
                row["kemungkinan_penyebab"], row["penjelasan"] = cause.kode, cause.penjelasan
        self.rows.append(row)
        return row

    def skip(self, family: str, dataset: str, item: str, published: object, reason: str, *,
             berkas: str, baris: object = None, sumber: str | None = None, **detail: Any) -> dict:
        """A figure that cannot be compared: status :data:`TIDAK_DIPERIKSA`, ``keterangan`` = reason."""
        row = {"pemeriksaan": family, "dataset": dataset, "item": item,
               "dipublikasikan": _num(published), "dihitung": float("nan"), "selisih": float("nan"),
               "status": TIDAK_DIPERIKSA, "berkas": berkas,
               "baris": None if baris is None or pd.isna(baris) else int(baris),
               "sumber": sumber, "toleransi": float("nan"), "keterangan": reason, **detail}
        self.rows.append(row)
        return row

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows).reindex(columns=list(AUDIT_COLUMNS))
        for c in _NUMBERS:
            df[c] = df[c].astype("float64")
        df["baris"] = pd.array([None if pd.isna(v) else int(v) for v in df["baris"]], dtype="Int64")
        df["tahun"] = pd.array([None if pd.isna(v) else int(v) for v in df["tahun"]], dtype="Int64")
        for c in AUDIT_COLUMNS:
            if c not in _NUMBERS and c not in ("baris", "tahun"):
                df[c] = df[c].astype(object).where(df[c].notna(), None)
        order = {f: i for i, f in enumerate(FAMILIES)}
        df["_f"] = df["pemeriksaan"].map(order)
        df = df.sort_values("_f", kind="stable").drop(columns="_f")
        return df.reset_index(drop=True)


def _decimals(value: float) -> int:
    return decimals_of(value)
