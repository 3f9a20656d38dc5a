"""Family 1, ``total dalam dataset``: every total typed in a dataset against the sum of its rows.
"""

from __future__ import annotations

import math

import pandas as pd

from lkjip.audit.causes import Part
from lkjip.audit.frames import _baris, _body, _col_sum, _is_total, _norm, _text, _totals, _Tree
from lkjip.audit.result import FAMILY_INTERNAL, Evidence, _Rows
from lkjip.contract.rules import SAKIP_COMPONENTS
from lkjip.contract.schema import MONTH_NAMES, MONTHS

# ---------------------------------------------------------------- family 1

def _check_paten(df: pd.DataFrame, out: _Rows) -> None:
    berkas = out.berkas("paten_layanan")
    months = [m for m in MONTHS if m in df.columns]
    if not months:
        return
    num = df[months].apply(pd.to_numeric, errors="coerce").astype("float64")
    row_sum = num.sum(axis=1, min_count=1)
    body_mask = ~_is_total(df)
    month_name = {m: MONTH_NAMES[MONTHS.index(m)] for m in months}
    names = [_text(n) or f"baris {b}" for n, b in zip(df.get("layanan", pd.Series("", index=df.index)),
                                                       df.get("baris", pd.Series(None, index=df.index)))]
    for pos, (idx, r) in enumerate(df.iterrows()):
        if "jumlah" in df.columns and pd.notna(r["jumlah"]):
            label = names[pos]
            what = "jumlah setahun" if body_mask[idx] else "jumlah setahun terhadap jumlah bulan tercetak"
            out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: {what}", r["jumlah"], row_sum[idx],
                    berkas=berkas, baris=_baris(r),
                    evidence=lambda r=r: Evidence(tuple(Part(f"bulan {month_name[m]}", float(r[m]))
                                                        for m in months if pd.notna(r[m])),
                                                  computed_label="jumlah 12 bulannya"))
    if body_mask.all():
        return
    col_sums = num[body_mask].sum(axis=0)
    grand = float(col_sums.sum())
    body_names = [n for n, b in zip(names, body_mask) if b]
    for idx, r in df[~body_mask].iterrows():
        label = _text(r.get("layanan")) or "JUMLAH"
        for m in months:
            if pd.notna(r[m]):
                out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: {month_name[m]}",
                        r[m], col_sums[m], berkas=berkas, baris=_baris(r),
                        evidence=lambda m=m: Evidence(tuple(Part(n, float(v)) for n, v in
                                                            zip(body_names, num.loc[body_mask, m]) if pd.notna(v)),
                                                      computed_label="jumlah kolom bulan itu"))
        if "jumlah" in df.columns and pd.notna(r["jumlah"]):
            out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: jumlah setahun (semua layanan)",
                    r["jumlah"], grand, berkas=berkas, baris=_baris(r),
                    evidence=lambda: Evidence(tuple(Part(n, float(v)) for n, v in
                                                    zip(body_names, row_sum[body_mask]) if pd.notna(v)),
                                              computed_label="jumlah semua sel bulanan"))


def _check_tree(df: pd.DataFrame, name: str, code_col: str, cols: tuple[str, ...], out: _Rows) -> None:
    berkas = out.berkas(name)
    cols = tuple(c for c in cols if c in df.columns)
    tree = _Tree(df, code_col)
    for _, r in tree.rows.iterrows():
        code = r["_kode"]
        if code not in tree.has_children:
            continue
        kids = tree.children(code)
        for c in cols:
            computed = _col_sum(kids, c)
            if pd.isna(r[c]) or math.isnan(computed):
                continue
            out.add(FAMILY_INTERNAL, name,
                    f"{code} {_text(r.get('uraian'))}: {c} (jumlah {len(kids)} rincian)".replace("  ", " "),
                    r[c], computed, berkas=berkas, baris=_baris(r),
                    evidence=lambda kids=kids, c=c: _parts(kids, c))
    top = tree.top()
    for _, r in _totals(df).iterrows():
        label = _text(r.get("uraian")) or "JUMLAH"
        for c in cols:
            computed = _col_sum(top, c)
            if pd.isna(r[c]) or math.isnan(computed):
                continue
            out.add(FAMILY_INTERNAL, name, f"{label}: {c} (jumlah {len(top)} baris tingkat atas)",
                    r[c], computed, berkas=berkas, baris=_baris(r), evidence=lambda c=c: _parts(top, c))


def _parts(rows: pd.DataFrame, col: str) -> Evidence:
    """The rows under a budget total, as parts that a slip may have missed or repeated."""
    parts = tuple(Part(f"{k} {_text(u)}".strip(), float(v)) for k, u, v in
                  zip(rows["_kode"], rows.get("uraian", pd.Series("", index=rows.index)), rows[col])
                  if pd.notna(v))
    return Evidence(parts, unit="Rp", computed_label="jumlah rinciannya")


def _check_koordinasi(df: pd.DataFrame, out: _Rows) -> None:
    body = _body(df)
    for _, r in _totals(df).iterrows():
        label = _text(r.get("uraian")) or "JUMLAH"
        for c in ("fasilitasi", "tindak_lanjut"):
            if c in df.columns and pd.notna(r[c]):
                out.add(FAMILY_INTERNAL, "koordinasi", f"{label}: {c}", r[c], _col_sum(body, c),
                        berkas=out.berkas("koordinasi"), baris=_baris(r),
                        evidence=lambda c=c: Evidence(tuple(Part(_text(u), float(v)) for u, v in
                                                            zip(body["uraian"], body[c]) if pd.notna(v)),
                                                      computed_label="jumlah barisnya"))


def _check_sakip(df: pd.DataFrame, out: _Rows) -> None:
    if "komponen" not in df.columns:
        return
    komp = df["komponen"].map(_norm)
    sub = df["subkomponen"].map(_text) if "subkomponen" in df.columns else pd.Series("", index=df.index)
    is_comp = sub == ""
    order = {k: i for i, k in enumerate(SAKIP_COMPONENTS)}
    for k in sorted(set(komp[is_comp]), key=lambda k: (order.get(k, 99), k)):
        subs = df[(komp == k) & ~is_comp]
        if not len(subs):
            continue
        for _, r in df[(komp == k) & is_comp].iterrows():
            for c in ("bobot", "nilai"):
                computed = _col_sum(subs, c)
                if c in df.columns and pd.notna(r[c]) and not math.isnan(computed):
                    out.add(FAMILY_INTERNAL, "sakip_evaluasi",
                            f"{k}: {c} (jumlah {len(subs)} sub komponen)", r[c], computed,
                            berkas=out.berkas("sakip_evaluasi"), baris=_baris(r),
                            evidence=lambda subs=subs, c=c: Evidence(
                                tuple(Part(_text(s), float(v)) for s, v in zip(subs["subkomponen"], subs[c])
                                      if pd.notna(v)), computed_label="jumlah sub komponennya"))
