"""Budget: programme/activity/sub-activity realisation and the LRA.

``anggaran`` rows carry a ``kode`` whose number of segments gives the level:
3 = program (``7.01.01``), 5 = kegiatan (``7.01.01.2.01``), 6 = sub kegiatan
(``7.01.01.2.01.0001``). Totals come from the *leaves*, the rows with no
descendant present (the lowest level present on every branch); a parent row
that has children is only compared with them (the audit, :mod:`lkjip.audit.internal`).

The indicator "Persentase Realisasi Anggaran" comes from the LRA: account
``5`` (Belanja Daerah) realisasi / anggaran x 100, or, when account 5 is
absent, the sum of the top-level accounts present.

>>> import pandas as pd
>>> a = pd.DataFrame({"kode": ["7.01.01", "7.01.01.2.01.0001", "7.01.01.2.01.0007"],
...                   "uraian": ["P", "S1", "S2"], "pagu": [10.0, 3.0, 6.7],
...                   "realisasi": [9.0, 2.99, 6.67]})
>>> t = budget_totals(a)
>>> round(t.pagu, 2), round(t.realisasi, 2), t.sumber
(9.7, 9.66, 'sub_kegiatan')
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.frames import drop_totals, require_columns, safe_pct

LEVEL_NAMES = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
LEVEL_LABELS = {3: "Program", 5: "Kegiatan", 6: "Sub Kegiatan"}


@dataclass(frozen=True)
class BudgetAmount:
    """Pagu and realisasi of a code (or of the whole budget)."""

    kode: str | None
    pagu: float
    realisasi: float
    persen: float
    ditemukan: bool
    sumber: str = ""


@dataclass(frozen=True)
class Absorption:
    """Budget absorption from the LRA (the % realisasi anggaran indicator)."""

    anggaran: float
    realisasi: float
    persen: float
    sumber: str


def clean_code(kode: object) -> str:
    """A code without spaces and stray dots.

    >>> clean_code(" 7.01.01.2.01. ")
    '7.01.01.2.01'
    """
    return ".".join(p for p in str(kode).replace(" ", "").split(".") if p != "")


def code_level(kode: object) -> int:
    """Number of segments of a code.

    >>> code_level("7.01.01"), code_level("7.01.01.2.01"), code_level("7.01.01.2.01.0001")
    (3, 5, 6)
    """
    c = clean_code(kode)
    return 0 if c == "" else c.count(".") + 1


def code_sort_key(kode: str) -> tuple:
    """Numeric sort key (``7.01.01.2.10`` after ``7.01.01.2.9``)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in clean_code(kode).split("."))


def is_descendant(child: str, parent: str) -> bool:
    """``child`` lies under ``parent`` (strictly).

    >>> is_descendant("7.01.01.2.01", "7.01.01"), is_descendant("7.01.011", "7.01.01")
    (True, False)
    """
    return child.startswith(parent + ".")


def _with_levels(df: pd.DataFrame, code_col: str, amount_cols: tuple[str, ...]) -> pd.DataFrame:
    rows = drop_totals(df)
    out = pd.DataFrame({code_col: [clean_code(k) for k in rows[code_col]]}, index=rows.index)
    out["uraian"] = rows["uraian"].astype("string") if "uraian" in rows.columns else pd.NA
    for c in amount_cols:
        if c in rows.columns:
            out[c] = pd.to_numeric(rows[c], errors="coerce").astype(float)
    if "baris" in rows.columns:
        out["baris"] = rows["baris"]
    out["level"] = [code_level(k) for k in out[code_col]]
    codes = list(out[code_col])
    out["punya_anak"] = [any(is_descendant(o, c) for o in codes) for c in codes]
    return out.reset_index(drop=True)


def anggaran_levels(anggaran: pd.DataFrame) -> pd.DataFrame:
    """The budget rows with ``level``, ``tingkat`` (program/kegiatan/sub_kegiatan)
    and ``punya_anak`` (a descendant row is present)."""
    require_columns(anggaran, ["kode", "uraian", "pagu", "realisasi"], "anggaran")
    out = _with_levels(anggaran, "kode", ("pagu", "realisasi"))
    out["tingkat"] = out["level"].map(LEVEL_NAMES).fillna("lainnya")
    return out


def budget_leaves(anggaran: pd.DataFrame) -> pd.DataFrame:
    """The rows totals are computed from (no descendant present)."""
    lv = anggaran_levels(anggaran)
    return lv[~lv["punya_anak"]].reset_index(drop=True)


def _amount(leaves: pd.DataFrame, code: str | None, source: str) -> BudgetAmount:
    if code is None:
        sel = leaves
    else:
        sel = leaves[[(k == code) or is_descendant(k, code) for k in leaves["kode"]]]
    found = len(sel) > 0
    pagu = float(sel["pagu"].sum()) if found else float("nan")
    real = float(sel["realisasi"].sum()) if found else float("nan")
    return BudgetAmount(code, pagu, real, safe_pct(real, pagu), found, source)


def budget_totals(anggaran: pd.DataFrame) -> BudgetAmount:
    """Whole-budget pagu and realisasi from the leaves; ``sumber`` names the
    level(s) used (``"sub_kegiatan"``, or ``"campuran"`` for mixed leaves)."""
    leaves = budget_leaves(anggaran)
    tiers = sorted(set(leaves["tingkat"]))
    source = tiers[0] if len(tiers) == 1 else "campuran"
    return _amount(leaves, None, source)


def budget_of(anggaran: pd.DataFrame, code: str | None) -> BudgetAmount:
    """Budget of a programme/activity code, ``"total"`` for the whole budget.

    ``None`` (an indicator no budget finances) gives 0 / 0 and NaN %;
    a code not in the data gives NaN and ``ditemukan=False``.
    """
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return BudgetAmount(None, 0.0, 0.0, float("nan"), False, "tidak dibiayai")
    if str(code).strip().lower() == "total":
        t = budget_totals(anggaran)
        return BudgetAmount("total", t.pagu, t.realisasi, t.persen, True, "total")
    leaves = budget_leaves(anggaran)
    return _amount(leaves, clean_code(code), "kode")


def budget_hierarchy(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Programme > kegiatan > sub kegiatan, in code order, amounts from the leaves.

    Columns: ``kode, uraian, level, tingkat, pagu, realisasi, persen,
    pagu_tercetak, realisasi_tercetak, ada_di_data``. A programme or activity
    missing from the data but implied by its children is added with a blank
    ``uraian`` and ``ada_di_data=False``; the ``*_tercetak`` columns hold a
    present parent's own figures (NaN for leaves and added rows).
    """
    lv = anggaran_levels(anggaran)
    leaves = lv[~lv["punya_anak"]]
    nodes: dict[str, dict] = {}
    for code, g in lv.groupby("kode", sort=False):
        nodes[code] = {"uraian": g["uraian"].iloc[0], "ada": True,
                       "pagu_t": float(g["pagu"].sum()), "real_t": float(g["realisasi"].sum()),
                       "parent": bool(g["punya_anak"].any())}
    for k in list(leaves["kode"]):
        parts = k.split(".")
        for depth in (3, 5):
            if len(parts) > depth:
                anc = ".".join(parts[:depth])
                nodes.setdefault(anc, {"uraian": pd.NA, "ada": False, "pagu_t": float("nan"),
                                       "real_t": float("nan"), "parent": True})
    rows = []
    for code in sorted(nodes, key=code_sort_key):
        n = nodes[code]
        amt = _amount(leaves, code, "")
        level = code_level(code)
        rows.append({
            "kode": code,
            "uraian": n["uraian"],
            "level": level,
            "tingkat": LEVEL_NAMES.get(level, "lainnya"),
            "pagu": amt.pagu,
            "realisasi": amt.realisasi,
            "persen": amt.persen,
            "pagu_tercetak": n["pagu_t"] if (n["ada"] and n["parent"]) else float("nan"),
            "realisasi_tercetak": n["real_t"] if (n["ada"] and n["parent"]) else float("nan"),
            "ada_di_data": n["ada"],
        })
    return pd.DataFrame(rows, columns=["kode", "uraian", "level", "tingkat", "pagu", "realisasi",
                                       "persen", "pagu_tercetak", "realisasi_tercetak",
                                       "ada_di_data"])


# --- LRA --------------------------------------------------------------------
def lra_tree(lra: pd.DataFrame) -> pd.DataFrame:
    """The LRA accounts in code order with ``level``, ``persen`` (realisasi /
    anggaran x 100) and, when present, ``realisasi_tahun_lalu`` and
    ``perubahan_pct`` (change on last year)."""
    require_columns(lra, ["kode_rekening", "uraian", "anggaran", "realisasi"], "lra")
    out = _with_levels(lra, "kode_rekening", ("anggaran", "realisasi", "realisasi_tahun_lalu"))
    out["persen"] = [safe_pct(r, a) for r, a in zip(out["realisasi"], out["anggaran"])]
    if "realisasi_tahun_lalu" in out.columns:
        out["perubahan_pct"] = [safe_pct(r - p, p) for r, p in
                                zip(out["realisasi"], out["realisasi_tahun_lalu"])]
    out = out.iloc[sorted(range(len(out)), key=lambda i: code_sort_key(out["kode_rekening"].iloc[i]))]
    return out.reset_index(drop=True)


def _spending_rows(tree: pd.DataFrame) -> pd.DataFrame:
    belanja = tree[[k == "5" or k.startswith("5.") for k in tree["kode_rekening"]]]
    return belanja if len(belanja) else tree


def _top_level(rows: pd.DataFrame) -> pd.DataFrame:
    codes = list(rows["kode_rekening"])
    top = [not any(is_descendant(k, o) for o in codes) for k in codes]
    return rows[top]


def realisasi_anggaran(lra: pd.DataFrame) -> Absorption:
    """% realisasi anggaran from the LRA.

    >>> import pandas as pd
    >>> l = pd.DataFrame({"kode_rekening": ["5", "5.1"], "uraian": ["BELANJA DAERAH", "OP"],
    ...                   "anggaran": [2720088927.0, 1.0], "realisasi": [2566829648.0, 1.0]})
    >>> round(realisasi_anggaran(l).persen, 4)
    94.3657
    """
    tree = lra_tree(lra)
    five = tree[tree["kode_rekening"] == "5"]
    if len(five):
        a, r = float(five["anggaran"].sum()), float(five["realisasi"].sum())
        return Absorption(a, r, safe_pct(r, a), "rekening 5 (Belanja Daerah)")
    top = _top_level(_spending_rows(tree))
    a, r = float(top["anggaran"].sum()), float(top["realisasi"].sum())
    codes = ", ".join(top["kode_rekening"])
    return Absorption(a, r, safe_pct(r, a), f"jumlah rekening tingkat atas: {codes}")


def spending_by_type(lra: pd.DataFrame, max_level: int = 3) -> pd.DataFrame:
    """Spending by type (Belanja Operasi, Pegawai, Barang dan Jasa, Modal ...):
    the accounts under 5 of levels 2..``max_level`` in code order
    (``kode_rekening, uraian, level, anggaran, realisasi, persen``)."""
    tree = _spending_rows(lra_tree(lra))
    sel = tree[(tree["level"] >= 2) & (tree["level"] <= max_level)]
    if not len(sel):  # only top-level accounts present
        sel = _top_level(tree)
    return sel[["kode_rekening", "uraian", "level", "anggaran", "realisasi", "persen"]].reset_index(drop=True)
