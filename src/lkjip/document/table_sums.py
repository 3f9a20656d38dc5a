"""Every table adds up or says why: a printed total against its printed parts, and the note under the table.

A table of the LKjIP either adds up (its total row and parent rows equal the sum of the rows under
them) or, when the difference comes from the source document (an LRA whose parent account disagrees
with its sub-accounts, a PATEN report whose JUMLAH row disagrees with its services), the note under
the table says which figure the table prints and that the source's parent disagrees with its
children. The source is never corrected silently: a parent printed by the source is shown as
printed; a total row the LKjIP itself makes (PATEN's JUMLAH) is the sum of the column, and the
source's own JUMLAH is quoted in the note. The notes are plain text: the table block escapes them
(:func:`lkjip.render.notebook.table_block`).

>>> t = pd.DataFrame({"Kode Rekening": ["5.1", "5.1.01", "5.1.02"], "Jenis Belanja": ["OP", "P", "B"],
...                   "Anggaran (Rp)": [10.0, 4.0, 5.0]})
>>> [(g.label, g.printed, g.parts) for g in tree_gaps(t, "Kode Rekening", "Jenis Belanja", ["Anggaran (Rp)"])]
[('OP (5.1)', 10.0, 9.0)]
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.contract.rules.printed import check_total
from lkjip.document.bab3a import MONTH_HEADERS, gambar_3_2_jumlah_tercetak
from lkjip.indicators.budget import clean_code, is_descendant

#: Labels of a total row made by the LKjIP itself (its code cell is blank).
TOTAL_LABELS = ("jumlah", "jumlah seluruh anggaran", "total")


@dataclass(frozen=True)
class Gap:
    """A printed figure (``printed``) that is not the sum of the printed rows under it (``parts``)."""

    label: str
    column: str
    printed: float
    parts: float
    total_row: bool = False  # a total row below its parts (``Jumlah``), not a parent above them


def _num(value: object) -> float:
    if is_missing(value):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _children(codes: list[str], i: int) -> list[int]:
    """Rows directly under row ``i`` (descendants with no shown row between)."""
    c = codes[i]
    if not c:
        return []
    under = [j for j, d in enumerate(codes) if d and is_descendant(d, c)]
    return [j for j in under if not any(is_descendant(codes[j], codes[k]) for k in under if k != j)]


def _sum(values: list[float]) -> float:
    known = [v for v in values if v == v]
    return float(sum(known)) if known else float("nan")


def tree_gaps(table: pd.DataFrame | None, code_col: str, label_col: str, amount_cols: list[str]) -> list[Gap]:
    """Every row of a code tree (LRA, budget) whose amounts are not the sum of the rows directly under
    it, and a total row (blank code, label ``Jumlah ...``) that is not the sum of the top rows."""
    if table is None or not len(table) or code_col not in table.columns:
        return []
    codes = ["" if is_missing(k) else clean_code(k) for k in table[code_col]]
    cols = [c for c in amount_cols if c in table.columns]
    gaps: list[Gap] = []
    top = [j for j, d in enumerate(codes) if d and not any(is_descendant(d, o) for o in codes if o)]
    for i, code in enumerate(codes):
        label = "" if is_missing(table[label_col].iloc[i]) else str(table[label_col].iloc[i]).strip()
        if code:
            parts, name, below = _children(codes, i), f"{label} ({code})", False
        elif label.lower() in TOTAL_LABELS:
            parts, name, below = top, f"baris {label}", True
        else:
            continue
        if not parts:
            continue
        for col in cols:
            printed = _num(table[col].iloc[i])
            total = _sum([_num(table[col].iloc[j]) for j in parts])
            if printed == printed and total == total and not check_total(printed, total, decimals=0).ok:
                gaps.append(Gap(name, col, printed, total, below))
    return gaps


def _amount(value: float) -> str:
    return fmt_number(value, 0)


def tree_note(table: pd.DataFrame | None, code_col: str, label_col: str, amount_cols: list[str],
              source: str) -> str:
    """The note under a code-tree table whose printed parents disagree with their children ("" when
    every parent adds up). ``source`` names the source document ("Laporan Realisasi Anggaran")."""
    gaps = tree_gaps(table, code_col, label_col, amount_cols)
    if not gaps:
        return ""
    items = [f"{g.label} kolom {g.column} tercetak {_amount(g.printed)}, sedangkan "
             f"{'baris-baris di atasnya' if g.total_row else 'rincian di bawahnya'} berjumlah "
             f"{_amount(g.parts)} (selisih {_amount(g.printed - g.parts)})" for g in gaps]
    return (f"Catatan: pada {source} yang menjadi sumber tabel ini, angka induk tidak sama dengan "
            f"jumlah rinciannya: {'; '.join(items)}. Tabel ini mencetak angka induk seperti tercetak dalam "
            "sumber, tanpa dikoreksi.")


def paten_note(table: pd.DataFrame | None, printed_total: pd.Series | None, months: list[str]) -> str:
    """The note under the PATEN table: the source's own JUMLAH row where it is not the sum of its
    services (``printed_total``: that row's values under the table's month headers and ``Jumlah
    Tercetak``). The table's JUMLAH row is the sum of each column."""
    if table is None or printed_total is None or not len(table):
        return ""
    body = table[table["Layanan"].astype("string").str.strip().str.upper() != "JUMLAH"]
    items = []
    for col in [*months, "Jumlah Tercetak"]:
        if col not in table.columns or col not in printed_total.index:
            continue
        printed, parts = _num(printed_total[col]), _sum([_num(v) for v in body[col]])
        if printed == printed and parts == parts and not check_total(printed, parts, decimals=0).ok:
            name = "kolom Jumlah" if col == "Jumlah Tercetak" else col
            items.append(f"{name} {_amount(printed)} (jumlah baris {_amount(parts)})")
    if not items:
        return ""
    return ("Catatan: baris JUMLAH pada Laporan PATEN sumber tidak sama dengan jumlah baris-baris layanannya: "
            + "; ".join(items) + ". Baris JUMLAH tabel ini adalah jumlah setiap kolom; angka baris JUMLAH sumber "
            "dicatat di sini tanpa diubah.")


# --- the notes of the report's tables (``rep``: a ReportData) ---------------------------------------
def _rupiah_columns(table: pd.DataFrame) -> list[str]:
    return [c for c in table.columns if str(c).endswith("(Rp)")]


def catatan_paten(rep) -> str:
    """Under the PATEN table (Laporan PATEN)."""
    paten = rep.inputs.datasets.get("paten_layanan")
    if rep.gambar_3_2 is None or paten is None:
        return ""
    return paten_note(rep.gambar_3_2, gambar_3_2_jumlah_tercetak(paten), list(MONTH_HEADERS))


def catatan_lra(rep) -> str:
    """Under the Laporan Realisasi Anggaran table of Bab III A."""
    t = rep.gambar_3_6
    if t is None:
        return ""
    return tree_note(t, "Kode Rekening", "Uraian", _rupiah_columns(t), "Laporan Realisasi Anggaran")


def catatan_jenis_belanja(rep) -> str:
    """Under the table of spending by type (Bab III B)."""
    t = rep.tabel_3_2_1
    if t is None:
        return ""
    return tree_note(t, "Kode Rekening", "Jenis Belanja", _rupiah_columns(t), "Laporan Realisasi Anggaran")


def catatan_program(rep) -> str:
    """Under the table of programmes, activities and sub-activities (Bab III B)."""
    t = rep.tabel_3_2_5
    if t is None:
        return ""
    return tree_note(t, "Kode", "Program/Kegiatan/Sub Kegiatan", _rupiah_columns(t), "Laporan Keuangan")
