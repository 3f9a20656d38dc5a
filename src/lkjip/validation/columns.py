"""Helper columns derived before validating (listed in a suite's ``meta.kolom_bantu``).

For example ``jumlah_jawaban`` (answered survey items), ``total_tidak_cocok``
(a typed JUMLAH row that differs from its rows, by the rule of
:mod:`lkjip.contract.rules.printed`), ``bobot_baku`` (the SAKIP weight of
:mod:`lkjip.contract.rules`). The frame is sorted by ``baris`` and every optional
column of the contract is added.
"""

from __future__ import annotations

import math
import re
from typing import Iterable

import pandas as pd

from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.inputs.ingest import natural_key
from lkjip.indicators.ipasn import in_post_at_year_end
from lkjip.contract.rules import ASN_STATUSES, SAKIP_COMPONENT_WEIGHTS, SAKIP_SCORE_DECIMALS, SAKIP_SUBCOMPONENT_SHARES
from lkjip.contract.rules.printed import matches
from lkjip.contract.schema import DATASETS, KIND_DTYPES, MONTHS, UNSUR

# --------------------------------------------------------------------------- helper columns


def _num(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df:
        return pd.Series(float("nan"), index=df.index, dtype="float64")
    return pd.to_numeric(df[col], errors="coerce").astype("float64")


def _fmt_number(x: float) -> str:
    """A figure in a finding: whole numbers without decimals, others with two (lkjip.contract.fmt)."""
    if is_missing(x):
        return "(kosong)"
    return fmt_number(x, 0 if float(x).is_integer() else 2)


def _text_series(values: dict, index) -> pd.Series:
    return pd.Series([values.get(i, pd.NA) for i in index], index=index, dtype="string")


def _not_integer(df: pd.DataFrame, cols: Iterable[str]) -> pd.Series:
    """Per row: the count columns holding a fraction (NA when none)."""
    found: dict = {}
    for c in cols:
        s = _num(df, c)
        bad = s.notna() & (s % 1 != 0)
        for i in s.index[bad]:
            found.setdefault(i, []).append(c)
    return _text_series({i: ", ".join(v) for i, v in found.items()}, df.index)


def _total_mismatch(df: pd.DataFrame, cols: Iterable[str], countable: pd.Series) -> pd.Series:
    """Per typed JUMLAH row: where it differs from the sum of the rows it totals
    (by the rule of :mod:`lkjip.contract.rules.printed`).

    A JUMLAH row totals the countable rows above it since the previous JUMLAH
    row (a subtotal), or all countable rows above it (a grand total); a JUMLAH
    row with no row above it totals the rows below it up to the next one.
    """
    is_total = df["adalah_total"].to_numpy()
    if not is_total.any():
        return _text_series({}, df.index)
    nums = {c: _num(df, c).to_numpy() for c in cols if c in df}
    ok = countable.to_numpy()
    n = len(df)
    totals = [p for p in range(n) if is_total[p]]
    found = {}
    start = 0
    for k, pos in enumerate(totals):
        segment = [p for p in range(start, pos) if ok[p]]
        above = [p for p in range(0, pos) if ok[p]]
        if not above:
            end = totals[k + 1] if k + 1 < len(totals) else n
            segment = above = [p for p in range(pos + 1, end) if ok[p]]
        parts = []
        for c, v in nums.items():
            printed = v[pos]
            if math.isnan(printed):
                continue
            seg_sum = float(pd.Series(v[segment]).sum())
            all_sum = float(pd.Series(v[above]).sum())
            if matches(printed, seg_sum) or matches(printed, all_sum):
                continue
            parts.append(f"{c}: tercetak {_fmt_number(printed)}, jumlah baris {_fmt_number(seg_sum)}")
        if parts:
            found[df.index[pos]] = "; ".join(parts)
        start = pos + 1
    return _text_series(found, df.index)


_CODE = re.compile(r"^\d+(\.\d+)*$")


def _code_tree(codes: pd.Series, valid: pd.Series) -> tuple[dict, pd.Series]:
    """Children (nearest level present) of every unique code, and which rows are roots."""
    entries = {}
    counts = codes[valid].value_counts()
    for i in codes.index[valid]:
        c = str(codes[i]).strip()
        if _CODE.match(c) and counts.get(codes[i], 0) == 1:
            entries[i] = c
    children: dict = {}
    roots = pd.Series(False, index=codes.index)
    for i, c in entries.items():
        desc = [(j, d) for j, d in entries.items() if d.startswith(c + ".")]
        if desc:
            level = min(d.count(".") for _, d in desc)
            children[i] = [j for j, d in desc if d.count(".") == level]
        if not any(c.startswith(d + ".") for d in entries.values()):
            roots[i] = True
    return children, roots


def _children_mismatch(df: pd.DataFrame, children: dict, cols: Iterable[str]) -> pd.Series:
    nums = {c: _num(df, c) for c in cols if c in df}
    found = {}
    for i, kids in children.items():
        parts = []
        for c, v in nums.items():
            if pd.isna(v[i]):
                continue
            total = float(v[kids].sum())
            if not matches(v[i], total):
                parts.append(f"{c}: tercetak {_fmt_number(v[i])}, jumlah {len(kids)} baris di bawahnya {_fmt_number(total)}")
        if parts:
            found[i] = "; ".join(parts)
    return _text_series(found, df.index)


def _base(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A sorted copy with ``baris``, ``adalah_total`` and every optional column present."""
    spec = DATASETS[name]
    out = df.copy()
    if "baris" not in out:
        out["baris"] = range(2, len(out) + 2)
    out = out.sort_values("baris", kind="stable").reset_index(drop=True)
    for col in spec.columns:
        if col.name in out:
            s = out[col.name]
            if col.kind == "text" and isinstance(s.dtype, pd.StringDtype) and s.dtype.na_value is not pd.NA:
                out[col.name] = s.astype("string")  # pandas 3 default "str" -> nullable "string"
        elif not col.required:
            out[col.name] = pd.Series([None] * len(out), dtype=KIND_DTYPES[col.kind], index=out.index)
    if spec.label_column is not None:
        if "adalah_total" in out:
            out["adalah_total"] = out["adalah_total"].fillna(False).astype(bool)
        else:
            out["adalah_total"] = False
    return out


def _prepare_ikm_survei(df: pd.DataFrame, year: int) -> pd.DataFrame:
    present = [u for u in UNSUR if u in df]
    df["jumlah_jawaban"] = df[present].notna().sum(axis=1).astype("int64") if present else 0
    if "tanggal" in df:
        df["tahun_tanggal"] = pd.to_datetime(df["tanggal"], errors="coerce").dt.year.astype("Int64")
    return df


def _prepare_paten_layanan(df: pd.DataFrame, year: int) -> pd.DataFrame:
    counts = [*MONTHS, "jumlah", "tidak_sesuai_standar"]
    months = pd.concat([_num(df, m) for m in MONTHS], axis=1)
    df["total_bulan"] = months.sum(axis=1, min_count=1)
    df["kolom_bukan_bulat"] = _not_integer(df, counts)
    blank: dict = {}
    for m in MONTHS:
        if m in df:
            for i in df.index[df[m].isna() & ~df["adalah_total"]]:
                blank.setdefault(i, []).append(m)
    df["bulan_kosong"] = _text_series({i: ", ".join(v) for i, v in blank.items()}, df.index)
    printed = _num(df, "jumlah")
    bad = printed.notna() & ~pd.Series([matches(p, t) for p, t in zip(printed, df["total_bulan"].fillna(0))],
                                        index=df.index, dtype=bool)
    df["jumlah_tidak_cocok"] = _text_series(
        {i: f"tercetak {_fmt_number(printed[i])}, jumlah jan..des {_fmt_number(df['total_bulan'].fillna(0)[i])}"
         for i in df.index[bad]}, df.index)
    df["total_tidak_cocok"] = _total_mismatch(df, counts, ~df["adalah_total"])
    return df


def _prepare_hierarchy(df: pd.DataFrame, code: str, cols: tuple[str, ...]) -> pd.DataFrame:
    valid = ~df["adalah_total"] & (df[code].notna() if code in df else False)
    if code in df:
        children, roots = _code_tree(df[code], valid)
    else:
        children, roots = {}, pd.Series(False, index=df.index)
    df["anak_tidak_cocok"] = _children_mismatch(df, children, cols)
    # a JUMLAH row totals the top-level rows (rows without a parent present)
    countable = ~df["adalah_total"] & (roots | ~valid)
    df["total_tidak_cocok"] = _total_mismatch(df, cols, countable)
    return df


def _prepare_anggaran(df: pd.DataFrame, year: int) -> pd.DataFrame:
    return _prepare_hierarchy(df, "kode", ("pagu", "realisasi"))


def _prepare_lra(df: pd.DataFrame, year: int) -> pd.DataFrame:
    if "kode_rekening" in df:
        df["akun_belanja"] = df["kode_rekening"].astype("string").str.strip().str.startswith("5").fillna(False).astype(bool)
    else:
        df["akun_belanja"] = False
    return _prepare_hierarchy(df, "kode_rekening", ("anggaran", "realisasi", "realisasi_tahun_lalu"))


def _prepare_pegawai(df: pd.DataFrame, year: int) -> pd.DataFrame:
    status = df["status"].astype("string") if "status" in df else pd.Series(pd.NA, index=df.index, dtype="string")
    asn = status.isin(ASN_STATUSES).fillna(False).astype(bool)
    df["asn_aktif_akhir_tahun"] = (asn & in_post_at_year_end(df, year)).astype(bool)
    return df


def _prepare_sakip_evaluasi(df: pd.DataFrame, year: int) -> pd.DataFrame:
    komp = df["komponen"].astype("string") if "komponen" in df else pd.Series(pd.NA, index=df.index, dtype="string")
    sub = df["subkomponen"].astype("string")
    df["subkomponen_atau_komponen"] = sub.fillna("-")
    weight = komp.map(SAKIP_COMPONENT_WEIGHTS).astype("float64")
    share = sub.map(SAKIP_SUBCOMPONENT_SHARES).astype("float64").where(sub.notna(), 1.0)
    df["bobot_baku"] = (weight * share).round(6)
    nilai = _num(df, "nilai")
    found = {}
    for i in df.index[sub.isna() & komp.notna()]:
        rows = (komp == komp[i]).fillna(False) & sub.notna()
        if rows.any() and pd.notna(nilai[i]):
            total = float(nilai[rows].sum())
            if not matches(nilai[i], total, decimals=SAKIP_SCORE_DECIMALS):
                found[i] = f"nilai komponen {_fmt_number(nilai[i])}, jumlah subkomponen {_fmt_number(total)}"
    df["subkomponen_tidak_cocok"] = _text_series(found, df.index)
    return df


def _prepare_koordinasi(df: pd.DataFrame, year: int) -> pd.DataFrame:
    counts = ("fasilitasi", "tindak_lanjut")
    df["kolom_bukan_bulat"] = _not_integer(df, counts)
    df["total_tidak_cocok"] = _total_mismatch(df, counts, ~df["adalah_total"])
    return df


def _prepare_inovasi(df: pd.DataFrame, year: int) -> pd.DataFrame:
    if "tanggal_sk" in df:
        df["tahun_sk"] = pd.to_datetime(df["tanggal_sk"], errors="coerce").dt.year.astype("Int64")
    return df


PREPARE = {
    "ikm_survei": _prepare_ikm_survei,
    "paten_layanan": _prepare_paten_layanan,
    "anggaran": _prepare_anggaran,
    "lra": _prepare_lra,
    "pegawai": _prepare_pegawai,
    "sakip_evaluasi": _prepare_sakip_evaluasi,
    "koordinasi": _prepare_koordinasi,
    "inovasi": _prepare_inovasi,
    # which IKU need a target follows from the unit's declaration (lkjip.validation.iku), not a helper column
    "targets": lambda df, year: df,
}


def prepare_frame(name: str, df: pd.DataFrame, year: int) -> pd.DataFrame:
    """The frame as validated: sorted by ``baris``, optional columns added, helper columns derived."""
    frame = PREPARE[name](_base(df, name), year)
    if DATASETS[name].key_columns:
        # the natural key, as the reader compares it (one rule, two places that apply it)
        frame["kunci"] = natural_key(frame, DATASETS[name])
    return frame
