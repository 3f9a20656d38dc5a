"""Audit: recompute every published total and figure and show each difference.

Official documents are typed by hand; their totals do not always agree with
their own rows, with each other, or with the raw data. :func:`audit_year`
recomputes them all and returns one row per comparison, never changing the
data (input frames are copied, never written to).

Check families (column ``pemeriksaan``):

1. ``total dalam dataset`` (:data:`FAMILY_INTERNAL`): every total typed in a
   dataset against the sum of its rows. PATEN row ``jumlah`` against its 12
   months; the PATEN JUMLAH row (month totals, grand total) against the column
   sums; ``anggaran`` programme/activity rows against the sum of their
   *direct* children (the nearest rows below them), pagu and realisasi, and
   the JUMLAH row against the top-level rows; ``lra`` parent accounts against
   their direct children (anggaran, realisasi, realisasi_tahun_lalu) and a
   JUMLAH row against the top-level accounts; the ``koordinasi`` JUMLAH row
   (fasilitasi, tindak_lanjut) against the sum; a ``sakip_evaluasi``
   component row against its sub-components (bobot, nilai).
2. ``antar dataset`` (:data:`FAMILY_CROSS`): anggaran total (lowest level)
   against LRA account 5 (pagu vs anggaran, realisasi vs realisasi); the
   IP ASN population (ASN with all four dimensions) against the ASN in post
   at 31 December; survey respondents against the Krejcie-Morgan minimum for
   the year's PATEN services (status ``sesuai`` when respondents >= minimum),
   and a published survey population (``populasi_ikm``) against the PATEN
   total; PK programme budgets in ``targets`` (ids ``pagu_program:<kode>``,
   the effective document only: PK Perubahan, else PK, else Renstra) against
   the anggaran programme pagu; LRA ``realisasi_tahun_lalu`` against the
   previous year's LRA ``realisasi`` (when ``previous_datasets`` is given).
   Codes of ``unit['pembiayaan']`` missing from the anggaran are listed in
   :attr:`AuditResult.catatan`.
3. ``publikasi vs hitungan`` (:data:`FAMILY_PUBLISHED`): each ``published``
   row of the year against the value recomputed from raw data. The seven
   indicator ids take ``realisasi``/``capaian_pct``/``target`` of the
   indicator frame according to ``ukuran``. Extra ids (see
   :data:`EXTRA_IDS`): ``pagu_anggaran``, ``realisasi_anggaran_rp`` (LRA
   account 5 when there is an LRA, as for the % indicator, else anggaran),
   ``pagu:<kode>``, ``realisasi:<kode>``, ``penyerapan_pct:<kode>`` (also
   spelled ``pagu_program:<kode>``, ``realisasi_kegiatan:<kode>`` ...; from the
   lowest budget level under the code), ``lra_anggaran:<kode>``,
   ``lra_realisasi:<kode>``, ``lra_realisasi_tahun_lalu:<kode>``,
   ``lra_persen:<kode>``, ``anggaran_indikator:<id>``,
   ``realisasi_anggaran_indikator:<id>``, ``penyerapan_indikator:<id>``,
   ``persen_anggaran_indikator:<id>`` (share of the total pagu),
   ``tingkat_efisiensi:<id>`` (capaian - penyerapan; budget codes from
   ``unit['pembiayaan']``), ``jumlah_layanan`` (and ``jumlah_layanan:<nama>``),
   ``jumlah_layanan_sesuai_standar``, ``jumlah_fasilitasi``,
   ``jumlah_tindak_lanjut``, ``responden_ikm``, ``populasi_ikm`` (the PATEN
   total), ``jumlah_pegawai`` (``jumlah_pegawai:<status>``, in post at 31
   December), ``jumlah_asn``, ``jumlah_asn_diukur``, ``sakip_komponen:<komponen>``.
   An id the audit cannot compute is listed in ``catatan``, not guessed.

Tolerance: the one rule of :mod:`lkjip.rules.printed`. A typed figure
carries only the decimals it was printed with, so ``selisih`` is compared
with half a unit of its last decimal: 0,005 for a two-decimal figure, 0,05
for one decimal, 0,5 for an integer; ``sesuai`` when ``|selisih| <=
toleransi`` (plus a 1e-9 float guard). The decimals are
taken from a ``decimals`` column when the frame has one (not blank); else
from the float's shortest representation (``97.33`` -> 2, ``87.4`` -> 1,
``100.0`` -> 0). A float cannot remember a trailing zero (``87,40`` arrives as
``87.4``), so :func:`audit_unit_year` reads the decimals of ``published``
from the file's own text and passes them as ``decimals``. The same rule
applies to the printed totals of families 1 and 2 (figures already read as
floats, so the shortest representation); the sample check is ``>=``.

``selisih = dipublikasikan - dihitung`` everywhere. In family 2 the first
named dataset plays "dipublikasikan" (e.g. anggaran 2.567.147.148 vs LRA
2.566.829.648 gives selisih 317.500).
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .rules import ASN_STATUSES, INDICATOR_IDS, IPASN_DIMENSIONS, SAKIP_COMPONENTS, TARGET_PRECEDENCE
from .rules.printed import check_total, decimals_of, decimals_of_text, tolerance  # noqa: F401 (audit API)
from .schema import MONTH_NAMES, MONTHS, UNSUR

FAMILY_INTERNAL = "total dalam dataset"
FAMILY_CROSS = "antar dataset"
FAMILY_PUBLISHED = "publikasi vs hitungan"
FAMILIES = (FAMILY_INTERNAL, FAMILY_CROSS, FAMILY_PUBLISHED)

#: Columns of ``audit.csv`` (and the first columns of :attr:`AuditResult.frame`).
AUDIT_COLUMNS = ("pemeriksaan", "dataset", "item", "dipublikasikan", "dihitung", "selisih", "status")
#: Source columns that follow in :attr:`AuditResult.frame`.
SOURCE_COLUMNS = ("berkas", "baris", "sumber", "toleransi")

SESUAI = "sesuai"
SELISIH = "selisih"

MEASURE_COLUMNS = {"realisasi": "realisasi", "capaian": "capaian_pct", "target": "target"}

#: Extra published ids (besides the seven indicators) the audit can recompute.
EXTRA_IDS = (
    "pagu_anggaran", "realisasi_anggaran_rp", "pagu:<kode>", "realisasi:<kode>",
    "penyerapan_pct:<kode>", "lra_anggaran:<kode>", "lra_realisasi:<kode>",
    "lra_realisasi_tahun_lalu:<kode>", "lra_persen:<kode>", "anggaran_indikator:<id>",
    "realisasi_anggaran_indikator:<id>", "penyerapan_indikator:<id>",
    "persen_anggaran_indikator:<id>", "tingkat_efisiensi:<id>", "jumlah_layanan",
    "jumlah_layanan:<nama>", "jumlah_layanan_sesuai_standar", "jumlah_fasilitasi",
    "jumlah_tindak_lanjut", "responden_ikm", "populasi_ikm", "jumlah_pegawai",
    "jumlah_pegawai:<status>", "jumlah_asn", "jumlah_asn_diukur", "sakip_komponen:<komponen>",
)

_LEVEL_SUFFIX = re.compile(r"_(program|kegiatan|sub_kegiatan|subkegiatan)(?=(_pct)?$)")


# ---------------------------------------------------------------- numbers

def minimum_sample(population: int) -> int:
    """Krejcie-Morgan minimum sample (rounded up): the rule lives in :mod:`lkjip.ikm`.

    >>> minimum_sample(11119)
    372
    """
    from .ikm import minimum_sample as _minimum_sample

    return _minimum_sample(int(population)) if int(population) > 0 else 0


def _num(value: object) -> float:
    try:
        if value is None or pd.isna(value):
            return float("nan")
    except (TypeError, ValueError):
        return float("nan")
    return float(value)


def _plain(value: object) -> str:
    """A number as a plain decimal (dot mark, no thousands, no exponent)."""
    v = _num(value)
    if math.isnan(v):
        return ""
    text = np.format_float_positional(round(v, 10), trim="-")
    return "0" if text in ("-0", "-0.") else text


# ---------------------------------------------------------------- result

@dataclass
class AuditResult:
    """The audit of one unit-year.

    ``frame``: one row per comparison, columns :data:`AUDIT_COLUMNS` then
    :data:`SOURCE_COLUMNS`, in a deterministic order (family, then dataset
    order, then row order). ``catatan``: what could not be checked and why.
    """

    frame: pd.DataFrame
    tahun: int | None = None
    unit: str | None = None
    catatan: list[str] = field(default_factory=list)

    def counts(self) -> pd.DataFrame:
        """Per family: ``diperiksa``, ``sesuai``, ``selisih`` (every family listed)."""
        rows = []
        for fam in FAMILIES:
            sel = self.frame[self.frame["pemeriksaan"] == fam]
            rows.append({"pemeriksaan": fam, "diperiksa": int(len(sel)),
                         "sesuai": int((sel["status"] == SESUAI).sum()),
                         "selisih": int((sel["status"] == SELISIH).sum())})
        return pd.DataFrame(rows).set_index("pemeriksaan")

    def differences(self) -> pd.DataFrame:
        """Only the rows with status ``selisih``."""
        return self.frame[self.frame["status"] == SELISIH].reset_index(drop=True)

    def csv_frame(self) -> pd.DataFrame:
        """The seven audit columns with numbers as plain decimal text."""
        out = self.frame[list(AUDIT_COLUMNS)].copy()
        for c in ("dipublikasikan", "dihitung", "selisih"):
            out[c] = [_plain(v) for v in out[c]]
        return out

    def write_csv(self, path: Path | str) -> Path:
        """Write ``audit.csv`` (columns :data:`AUDIT_COLUMNS`) atomically.

        ``path`` is the file, or a folder (any path not ending in ``.csv``)
        that receives ``audit.csv``, e.g. ``data/processed/<unit>/<year>``.
        """
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path / "audit.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".audit-", suffix=".csv", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                self.csv_frame().to_csv(fh, index=False, lineterminator="\n")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path


class _Rows:
    """Collects comparison rows."""

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
            decimals: int | None = None, status: str | None = None) -> None:
        check = check_total(published, computed, decimals=decimals)
        pub, comp, diff, tol = check.printed, check.computed, check.difference, check.tolerance
        if status is None:
            status = SESUAI if check.ok else SELISIH
        row_no = None if baris is None or pd.isna(baris) else int(baris)
        self.rows.append({"pemeriksaan": family, "dataset": dataset, "item": item,
                          "dipublikasikan": pub, "dihitung": comp, "selisih": diff,
                          "status": status, "berkas": berkas, "baris": row_no,
                          "sumber": sumber, "toleransi": tol})

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows, columns=[*AUDIT_COLUMNS, *SOURCE_COLUMNS])
        for c in ("dipublikasikan", "dihitung", "selisih", "toleransi"):
            df[c] = df[c].astype("float64")
        df["baris"] = df["baris"].astype("Int64")
        order = {f: i for i, f in enumerate(FAMILIES)}
        df["_f"] = df["pemeriksaan"].map(order)
        df = df.sort_values("_f", kind="stable").drop(columns="_f")
        return df.reset_index(drop=True)


# ---------------------------------------------------------------- frame helpers

def _frame(datasets: Mapping[str, Any] | None, name: str) -> pd.DataFrame | None:
    df = (datasets or {}).get(name)
    return df.copy() if isinstance(df, pd.DataFrame) else None


def _is_total(df: pd.DataFrame) -> pd.Series:
    if "adalah_total" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["adalah_total"].fillna(False).astype(bool)


def _body(df: pd.DataFrame) -> pd.DataFrame:
    return df[~_is_total(df)]


def _totals(df: pd.DataFrame) -> pd.DataFrame:
    return df[_is_total(df)]


def _baris(row: pd.Series) -> object:
    return row["baris"] if "baris" in row.index else None


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def _clean_code(kode: object) -> str:
    return ".".join(p for p in _text(kode).replace(" ", "").split(".") if p != "")


def _col_sum(df: pd.DataFrame, col: str) -> float:
    """Sum of a column; NaN when every value is blank."""
    if col not in df.columns:
        return float("nan")
    return float(pd.to_numeric(df[col], errors="coerce").astype("float64").sum(min_count=1))


class _Tree:
    """Rows of a coded dataset (anggaran, lra) with their nearest present parent."""

    def __init__(self, df: pd.DataFrame, code_col: str):
        body = _body(df).copy()
        body["_kode"] = [_clean_code(k) for k in body[code_col]]
        body = body[body["_kode"] != ""]
        self.rows = body
        codes = list(body["_kode"])
        present = set(codes)
        self.parent: list[str | None] = []
        for c in codes:
            parts = c.split(".")
            anc = None
            for depth in range(len(parts) - 1, 0, -1):
                cand = ".".join(parts[:depth])
                if cand in present:
                    anc = cand
                    break
            self.parent.append(anc)
        body["_induk"] = self.parent
        self.has_children = set(p for p in self.parent if p is not None)

    def children(self, code: str) -> pd.DataFrame:
        return self.rows[self.rows["_induk"] == code]

    def top(self) -> pd.DataFrame:
        return self.rows[self.rows["_induk"].isna()]

    def leaves(self) -> pd.DataFrame:
        return self.rows[~self.rows["_kode"].isin(self.has_children)]

    def under(self, code: str) -> pd.DataFrame:
        """Leaves at or under ``code``."""
        lv = self.leaves()
        return lv[[(k == code) or k.startswith(code + ".") for k in lv["_kode"]]]


# ---------------------------------------------------------------- family 1

def _check_paten(df: pd.DataFrame, out: _Rows) -> None:
    berkas = out.berkas("paten_layanan")
    months = [m for m in MONTHS if m in df.columns]
    if not months:
        return
    num = df[months].apply(pd.to_numeric, errors="coerce").astype("float64")
    row_sum = num.sum(axis=1, min_count=1)
    body_mask = ~_is_total(df)
    for idx, r in df.iterrows():
        if "jumlah" in df.columns and pd.notna(r["jumlah"]):
            label = _text(r.get("layanan")) or f"baris {_baris(r)}"
            what = "jumlah setahun" if body_mask[idx] else "jumlah setahun terhadap jumlah bulan tercetak"
            out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: {what}", r["jumlah"], row_sum[idx],
                    berkas=berkas, baris=_baris(r))
    if body_mask.all():
        return
    col_sums = num[body_mask].sum(axis=0)
    grand = float(col_sums.sum())
    for idx, r in df[~body_mask].iterrows():
        label = _text(r.get("layanan")) or "JUMLAH"
        for m in months:
            if pd.notna(r[m]):
                out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: {MONTH_NAMES[MONTHS.index(m)]}",
                        r[m], col_sums[m], berkas=berkas, baris=_baris(r))
        if "jumlah" in df.columns and pd.notna(r["jumlah"]):
            out.add(FAMILY_INTERNAL, "paten_layanan", f"{label}: jumlah setahun (semua layanan)",
                    r["jumlah"], grand, berkas=berkas, baris=_baris(r))


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
                    r[c], computed, berkas=berkas, baris=_baris(r))
    top = tree.top()
    for _, r in _totals(df).iterrows():
        label = _text(r.get("uraian")) or "JUMLAH"
        for c in cols:
            computed = _col_sum(top, c)
            if pd.isna(r[c]) or math.isnan(computed):
                continue
            out.add(FAMILY_INTERNAL, name, f"{label}: {c} (jumlah {len(top)} baris tingkat atas)",
                    r[c], computed, berkas=berkas, baris=_baris(r))


def _check_koordinasi(df: pd.DataFrame, out: _Rows) -> None:
    body = _body(df)
    for _, r in _totals(df).iterrows():
        label = _text(r.get("uraian")) or "JUMLAH"
        for c in ("fasilitasi", "tindak_lanjut"):
            if c in df.columns and pd.notna(r[c]):
                out.add(FAMILY_INTERNAL, "koordinasi", f"{label}: {c}", r[c], _col_sum(body, c),
                        berkas=out.berkas("koordinasi"), baris=_baris(r))


def _norm(value: object) -> str:
    return re.sub(r"[\s\-]+", "_", _text(value).lower())


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
                            berkas=out.berkas("sakip_evaluasi"), baris=_baris(r))


# ---------------------------------------------------------------- computed figures

def _lra_account5(lra: pd.DataFrame) -> tuple[float, float, str] | None:
    """Belanja Daerah from the LRA, by the indicator's own rule (:func:`lkjip.budget.realisasi_anggaran`)."""
    from .budget import realisasi_anggaran

    body = lra[~_is_total(lra)] if "adalah_total" in lra.columns else lra
    if not len(body):
        return None
    absorption = realisasi_anggaran(body)
    if not absorption.anggaran and not absorption.realisasi:
        return None
    return absorption.anggaran, absorption.realisasi, f"LRA {absorption.sumber}"


def _in_post(peg: pd.DataFrame, year: int) -> pd.Series:
    """Staff in post on 31 December of ``year`` (rule: :func:`lkjip.ipasn.in_post_at_year_end`)."""
    from .ipasn import in_post_at_year_end

    return in_post_at_year_end(peg, year)


def _status(peg: pd.DataFrame) -> pd.Series:
    return peg["status"].map(lambda s: _text(s).upper()) if "status" in peg.columns \
        else pd.Series("", index=peg.index)


def _asn_measured(peg: pd.DataFrame) -> pd.Series:
    asn = _status(peg).isin(ASN_STATUSES)
    dims = [d for d in IPASN_DIMENSIONS if d in peg.columns]
    if len(dims) < len(IPASN_DIMENSIONS):
        return pd.Series(False, index=peg.index)
    return asn & peg[dims].notna().all(axis=1)


def _respondents(survey: pd.DataFrame) -> int:
    cols = [u for u in UNSUR if u in survey.columns]
    if not cols:
        return int(len(survey))
    return int(survey[cols].notna().any(axis=1).sum())


class _Context:
    """Everything family 3 may recompute a figure from."""

    def __init__(self, datasets, indicators, unit, year):
        self.d = datasets
        self.ind = indicators.set_index("indikator") if indicators is not None else None
        self.unit = unit
        self.year = year
        self.anggaran = datasets.get("anggaran")
        self.lra = datasets.get("lra")
        self.atree = _Tree(self.anggaran, "kode") if self.anggaran is not None else None
        self.ltree = _Tree(self.lra, "kode_rekening") if self.lra is not None else None

    def paten_total(self) -> float:
        paten = self.d.get("paten_layanan")
        if paten is None:
            return float("nan")
        body = _body(paten)
        return float(body[[m for m in MONTHS if m in body.columns]]
                     .apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy().sum())

    def budget(self, code: str) -> tuple[float, float]:
        if self.atree is None:
            return float("nan"), float("nan")
        sel = self.atree.leaves() if code == "total" else self.atree.under(_clean_code(code))
        if not len(sel):
            return float("nan"), float("nan")
        return _col_sum(sel, "pagu"), _col_sum(sel, "realisasi")

    def lra_value(self, code: str, col: str) -> float:
        if self.ltree is None:
            return float("nan")
        sel = self.ltree.under(_clean_code(code))
        return _col_sum(sel, col) if len(sel) else float("nan")

    def financing(self, ind: str) -> tuple[float, float] | None:
        mapping = dict((self.unit or {}).get("pembiayaan") or {})
        if ind not in mapping:
            return None
        code = mapping[ind]
        if code is None or (isinstance(code, float) and math.isnan(code)):
            return 0.0, 0.0
        return self.budget("total" if str(code).strip().lower() == "total" else str(code))

    def value(self, ind: str, ukuran: str) -> tuple[float, str | None]:
        """(computed value, reason when it cannot be computed)."""
        nan = float("nan")
        if ind in INDICATOR_IDS:
            if self.ind is None:
                return nan, "indikator belum dihitung"
            col = MEASURE_COLUMNS.get(ukuran)
            if col is None:
                return nan, f"ukuran '{ukuran}' tidak dikenal"
            if ind not in self.ind.index:
                return nan, "indikator tidak ada di hasil hitungan"
            return _num(self.ind.loc[ind, col]), None
        if ukuran != "realisasi":
            return nan, f"ukuran '{ukuran}' hanya untuk tujuh indikator utama"
        name, _, arg = ind.partition(":")
        name = _LEVEL_SUFFIX.sub("", name)
        arg = arg.strip()
        lra5 = _lra_account5(self.lra) if self.lra is not None else None
        if name == "pagu_anggaran" and not arg:
            return (lra5[0], None) if lra5 else (self.budget("total")[0], None)
        if name == "realisasi_anggaran_rp" and not arg:
            return (lra5[1], None) if lra5 else (self.budget("total")[1], None)
        if name in ("pagu", "anggaran", "realisasi", "penyerapan_pct", "penyerapan", "persen") and arg:
            p, r = self.budget(arg)
            if name in ("pagu", "anggaran"):
                return p, None
            if name == "realisasi":
                return r, None
            return (r / p * 100.0 if p else nan), None
        if name.startswith("lra_") and arg:
            col = name[4:]
            if col == "persen":
                a, r = self.lra_value(arg, "anggaran"), self.lra_value(arg, "realisasi")
                return (r / a * 100.0 if a else nan), None
            if col in ("anggaran", "realisasi", "realisasi_tahun_lalu"):
                return self.lra_value(arg, col), None
        if name in ("anggaran_indikator", "pagu_indikator", "realisasi_anggaran_indikator",
                    "penyerapan_indikator", "persen_anggaran_indikator", "tingkat_efisiensi") and arg:
            fin = self.financing(arg)
            if fin is None:
                return nan, f"pembiayaan '{arg}' belum dipetakan di unit.yaml"
            p, r = fin
            if name in ("anggaran_indikator", "pagu_indikator"):
                return p, None
            if name == "realisasi_anggaran_indikator":
                return r, None
            pen = r / p * 100.0 if p else nan
            if name == "penyerapan_indikator":
                return pen, None
            if name == "persen_anggaran_indikator":
                total = self.budget("total")[0]
                return (p / total * 100.0 if total else nan), None
            cap = _num(self.ind.loc[arg, "capaian_pct"]) if (self.ind is not None and arg in self.ind.index) \
                else nan
            return cap - (0.0 if (p == 0 and r == 0) else pen), None
        if name == "jumlah_layanan":
            paten = self.d.get("paten_layanan")
            if paten is None:
                return nan, "data paten_layanan tidak ada"
            if not arg:
                return self.paten_total(), None
            body = _body(paten)
            sel = body[body["layanan"].map(_text).str.lower() == arg.lower()]
            if not len(sel):
                return nan, f"layanan '{arg}' tidak ada di paten_layanan"
            return float(sel[list(MONTHS)].apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy().sum()), None
        if name == "jumlah_layanan_sesuai_standar" and not arg:
            paten = self.d.get("paten_layanan")
            if paten is None:
                return nan, "data paten_layanan tidak ada"
            miss = _col_sum(_body(paten), "tidak_sesuai_standar")
            return self.paten_total() - (0.0 if math.isnan(miss) else miss), None
        if name in ("jumlah_fasilitasi", "jumlah_tindak_lanjut") and not arg:
            k = self.d.get("koordinasi")
            if k is None:
                return nan, "data koordinasi tidak ada"
            return _col_sum(_body(k), "fasilitasi" if name == "jumlah_fasilitasi" else "tindak_lanjut"), None
        if name in ("responden_ikm", "populasi_ikm") and not arg:
            if name == "populasi_ikm":
                return self.paten_total(), None
            s = self.d.get("ikm_survei")
            return (float(_respondents(s)), None) if s is not None else (nan, "data ikm_survei tidak ada")
        if name in ("jumlah_pegawai", "jumlah_asn", "jumlah_asn_diukur"):
            peg = self.d.get("pegawai")
            if peg is None:
                return nan, "data pegawai tidak ada"
            if name == "jumlah_asn_diukur":
                return float(_asn_measured(peg).sum()), None
            here = _in_post(peg, self.year)
            st = _status(peg)
            if name == "jumlah_asn":
                return float((here & st.isin(ASN_STATUSES)).sum()), None
            if arg:
                return float((here & (st == arg.upper())).sum()), None
            return float(here.sum()), None
        if name == "sakip_komponen" and arg:
            sk = self.d.get("sakip_evaluasi")
            if sk is None:
                return nan, "data sakip_evaluasi tidak ada"
            komp = sk["komponen"].map(_norm)
            sub = sk["subkomponen"].map(_text) if "subkomponen" in sk.columns else pd.Series("", index=sk.index)
            rows = sk[(komp == _norm(arg)) & (sub != "")]
            if not len(rows):
                rows = sk[(komp == _norm(arg)) & (sub == "")]
            return (_col_sum(rows, "nilai"), None) if len(rows) else (nan, f"komponen '{arg}' tidak ada")
        return nan, "angka tidak dikenal oleh audit"


# ---------------------------------------------------------------- family 2

def _cross_checks(d: Mapping[str, pd.DataFrame], ctx: _Context, out: _Rows, *, year: int,
                  published: pd.DataFrame | None, targets: pd.DataFrame | None,
                  unit: Mapping[str, Any] | None,
                  previous: Mapping[str, pd.DataFrame] | None) -> None:
    anggaran, lra = d.get("anggaran"), d.get("lra")
    if anggaran is not None and lra is not None:
        lra5 = _lra_account5(lra)
        if lra5 is not None:
            pagu, real = ctx.budget("total")
            label = "sub kegiatan" if len(ctx.atree.leaves()) and all(
                k.count(".") == 5 for k in ctx.atree.leaves()["_kode"]) else "tingkat terendah"
            for what, a, b in (("pagu", pagu, lra5[0]), ("realisasi", real, lra5[1])):
                lra_col = "anggaran" if what == "pagu" else "realisasi"
                out.add(FAMILY_CROSS, "anggaran/lra",
                        f"Total {what} anggaran (jumlah {label}) terhadap {lra5[2]} {lra_col}", a, b,
                        berkas=out.berkas("anggaran", "lra"))

    peg = d.get("pegawai")
    if peg is not None and "status" in peg.columns:
        measured = int(_asn_measured(peg).sum())
        asn_post = int((_in_post(peg, year) & _status(peg).isin(ASN_STATUSES)).sum())
        if measured or asn_post:
            out.add(FAMILY_CROSS, "pegawai",
                    f"ASN yang diukur IP ASN terhadap ASN (PNS+PPPK) menjabat per 31 Desember {year}",
                    measured, asn_post, berkas=out.berkas("pegawai"), decimals=0,
                    status=SESUAI if measured == asn_post else SELISIH)

    paten, survey = d.get("paten_layanan"), d.get("ikm_survei")
    if paten is not None and survey is not None:
        n = int(round(ctx.paten_total()))
        resp = _respondents(survey)
        minimum = minimum_sample(n)
        out.add(FAMILY_CROSS, "ikm_survei/paten_layanan",
                f"Responden IKM terhadap sampel minimum Krejcie-Morgan (N = {n} layanan PATEN; "
                f"cukup bila responden >= minimum)", resp, minimum,
                berkas=out.berkas("ikm_survei", "paten_layanan"), decimals=0,
                status=SESUAI if resp >= minimum else SELISIH)
    if paten is not None and published is not None and len(published):
        pops = published[published["indikator"].map(_text) == "populasi_ikm"]
        for _, r in pops.iterrows():
            if pd.notna(r.get("tahun")) and int(r["tahun"]) == year and pd.notna(r.get("nilai")):
                out.add(FAMILY_CROSS, "published/paten_layanan",
                        f"Populasi survei IKM ({_text(r.get('sumber'))}) terhadap jumlah layanan PATEN setahun",
                        r["nilai"], ctx.paten_total(), berkas=out.berkas("published", "paten_layanan"),
                        baris=_baris(r), sumber=_text(r.get("sumber")) or None, decimals=_row_decimals(r))

    if targets is not None and len(targets) and anggaran is not None:
        t = targets.copy()
        t["_id"] = t["indikator"].map(_text)
        t["_doc"] = t["dokumen"].map(lambda s: _text(s).lower())
        t = t[t["_id"].str.startswith(("pagu_program:", "anggaran_program:", "pagu:"))]
        t = t[pd.to_numeric(t["tahun"], errors="coerce") == year]
        for ind in sorted(set(t["_id"]), key=lambda s: s):
            rows = t[t["_id"] == ind]
            rank = {doc: i for i, doc in enumerate(TARGET_PRECEDENCE)}
            rows = rows.assign(_r=rows["_doc"].map(lambda x: rank.get(x, 99))).sort_values("_r", kind="stable")
            r = rows.iloc[0]
            code = ind.split(":", 1)[1].strip()
            pagu = ctx.budget(code)[0]
            if math.isnan(pagu):
                out.notes.append(f"targets {ind}: kode {code} tidak ada di data anggaran")
                continue
            out.add(FAMILY_CROSS, "targets/anggaran",
                    f"Anggaran {code} di {r['_doc']} terhadap pagu anggaran program", r["target"], pagu,
                    berkas=out.berkas("targets", "anggaran"), baris=_baris(r))

    mapping = dict((unit or {}).get("pembiayaan") or {})
    if mapping and anggaran is not None:
        for ind, code in mapping.items():
            if code is None or str(code).strip().lower() == "total":
                continue
            if math.isnan(ctx.budget(str(code))[0]):
                out.notes.append(f"pembiayaan {ind}: kode {code} tidak ada di data anggaran")

    prev = (previous or {}).get("lra")
    if lra is not None and prev is not None and "realisasi_tahun_lalu" in lra.columns:
        prev_tree = _Tree(prev, "kode_rekening")
        prev_real = {k: v for k, v in zip(prev_tree.rows["_kode"], prev_tree.rows["realisasi"])}
        cur = _Tree(lra, "kode_rekening").rows
        for _, r in cur.iterrows():
            if pd.isna(r["realisasi_tahun_lalu"]) or r["_kode"] not in prev_real:
                continue
            out.add(FAMILY_CROSS, "lra/lra tahun lalu",
                    f"{r['_kode']} {_text(r.get('uraian'))}: realisasi tahun lalu terhadap LRA {year - 1}",
                    r["realisasi_tahun_lalu"], prev_real[r["_kode"]],
                    berkas=out.berkas("lra"), baris=_baris(r))


# ---------------------------------------------------------------- family 3

def _row_decimals(r: pd.Series) -> int | None:
    if "decimals" in r.index and pd.notna(r["decimals"]):
        return int(r["decimals"])
    return None


def _published_checks(published: pd.DataFrame, ctx: _Context, out: _Rows, year: int) -> None:
    tahun = pd.to_numeric(published["tahun"], errors="coerce")
    rows = published[tahun == year]
    for _, r in rows.iterrows():
        ind = _text(r["indikator"])
        ukuran = _text(r.get("ukuran")).lower() or "realisasi"
        sumber = _text(r.get("sumber")) or None
        if pd.isna(r["nilai"]):
            out.notes.append(f"published baris {_baris(r)} ({ind}): nilai kosong, tidak diperiksa")
            continue
        value, why = ctx.value(ind, ukuran)
        if why is not None:
            out.notes.append(f"published baris {_baris(r)} ({ind}, {ukuran}): {why}; tidak diperiksa")
            continue
        item = f"{ind} ({ukuran})" + (f" - {sumber}" if sumber else "")
        out.add(FAMILY_PUBLISHED, "published", item, r["nilai"], value, berkas=out.berkas("published"),
                baris=_baris(r), sumber=sumber, decimals=_row_decimals(r))


# ---------------------------------------------------------------- entry points

def _unit_dict(unit: Any) -> dict:
    if unit is None:
        return {}
    if hasattr(unit, "as_dict"):
        return unit.as_dict()
    return dict(unit)


def audit_year(datasets: Mapping[str, pd.DataFrame], *, year: int,
               indicators: pd.DataFrame | None = None, published: pd.DataFrame | None = None,
               targets: pd.DataFrame | None = None, unit: Any = None,
               sources: Mapping[str, Any] | None = None,
               previous_datasets: Mapping[str, pd.DataFrame] | None = None) -> AuditResult:
    """Audit one unit-year (see the module docstring for the checks).

    ``datasets`` maps dataset names to the reader's frames; ``indicators`` is
    the year's indicator frame (computed with :mod:`lkjip.indicators` when
    omitted and published indicator figures need it); ``published``,
    ``targets`` the unit-level frames; ``unit`` the unit.yaml mapping (or a
    :class:`lkjip.unit.Unit`); ``sources`` maps dataset names to their files
    (for ``berkas``); ``previous_datasets`` the previous year's frames.
    No input frame is modified.
    """
    year = int(year)
    unit = _unit_dict(unit)
    d = {k: v.copy() for k, v in (datasets or {}).items() if isinstance(v, pd.DataFrame)}
    published = published.copy() if isinstance(published, pd.DataFrame) else None
    targets = targets.copy() if isinstance(targets, pd.DataFrame) else None
    indicators = indicators.copy() if isinstance(indicators, pd.DataFrame) else None
    previous = {k: v.copy() for k, v in (previous_datasets or {}).items() if isinstance(v, pd.DataFrame)}
    out = _Rows(sources)

    # family 1
    if "paten_layanan" in d:
        _check_paten(d["paten_layanan"], out)
    if "anggaran" in d and "kode" in d["anggaran"].columns:
        _check_tree(d["anggaran"], "anggaran", "kode", ("pagu", "realisasi"), out)
    if "lra" in d and "kode_rekening" in d["lra"].columns:
        _check_tree(d["lra"], "lra", "kode_rekening", ("anggaran", "realisasi", "realisasi_tahun_lalu"), out)
    if "koordinasi" in d:
        _check_koordinasi(d["koordinasi"], out)
    if "sakip_evaluasi" in d:
        _check_sakip(d["sakip_evaluasi"], out)

    # indicators for family 3 (only when a published indicator figure needs them)
    wants_ind = published is not None and len(published) and published["indikator"].map(_text).isin(
        INDICATOR_IDS + tuple(f"tingkat_efisiensi:{i}" for i in INDICATOR_IDS)).any()
    if indicators is None and wants_ind:
        try:
            from lkjip.indicators import compute_indicators
            indicators = compute_indicators(d, targets, unit, year)
        except Exception as exc:  # noqa: BLE001 - reported, the rest of the audit still runs
            out.notes.append(f"indikator tidak dapat dihitung ({type(exc).__name__}: {exc}); "
                             "angka indikator yang dipublikasikan tidak diperiksa")
    ctx = _Context(d, indicators, unit, year)

    # family 2
    _cross_checks(d, ctx, out, year=year, published=published, targets=targets, unit=unit,
                  previous=previous)

    # family 3
    if published is not None and len(published):
        _published_checks(published, ctx, out, year)

    return AuditResult(out.frame(), tahun=year, unit=unit.get("kode"), catatan=out.notes)


def _published_decimals(path: Path, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``decimals`` column counted from the file's own text."""
    from .ingest import normalise_header, read_cells

    header, cells = read_cells(path)
    keys = [normalise_header(h) for h in header]
    if "nilai" not in keys:
        return frame
    col = keys.index("nilai")
    by_row = {int(b): decimals_of_text(v) for b, v in zip(cells["baris"], cells[col])}
    out = frame.copy()
    out["decimals"] = pd.array([by_row.get(int(b)) for b in out["baris"]], dtype="Int64")
    return out


def audit_unit_year(data_dir: Path | str, unit: str, year: int,
                    processed_dir: Path | str | None = None) -> AuditResult:
    """Read a unit-year's raw data, compute its indicators, audit it.

    Writes ``<processed_dir>/<unit>/<year>/audit.csv`` when ``processed_dir``
    is given. Raw files are only read.
    """
    from .ingest import read_unit_table, read_year
    from .layout import list_years, processed_year_dir, unit_file
    from .unit import load_unit

    data_dir = Path(data_dir)
    year = int(year)
    frames, files = read_year(data_dir, unit, year)
    sources: dict[str, Any] = dict(files)
    targets = read_unit_table(data_dir, unit, "targets")
    published = read_unit_table(data_dir, unit, "published")
    pub_path = unit_file(data_dir, unit, "published")
    if published is not None and pub_path is not None:
        published = _published_decimals(pub_path, published)
        sources["published"] = pub_path
    tpath = unit_file(data_dir, unit, "targets")
    if tpath is not None:
        sources["targets"] = tpath
    unit_map = load_unit(data_dir, unit).as_dict()
    notes: list[str] = []
    previous = None
    if year - 1 in list_years(data_dir, unit):
        try:
            previous, _ = read_year(data_dir, unit, year - 1)
        except Exception as exc:  # noqa: BLE001
            notes.append(f"data tahun {year - 1} tidak terbaca ({exc}); realisasi tahun lalu tidak dibandingkan")
    indicators = None
    try:
        from lkjip.indicators import compute_indicators
    except ImportError:
        notes.append("modul lkjip.indicators tidak ada; angka indikator yang dipublikasikan tidak diperiksa")
    else:
        try:
            indicators = compute_indicators(frames, targets, unit_map, year)
        except Exception as exc:  # noqa: BLE001 - the totals are still worth auditing
            notes.append(f"indikator tidak dapat dihitung ({type(exc).__name__}: {exc}); "
                         "angka indikator yang dipublikasikan tidak diperiksa")
    result = audit_year(frames, year=year, indicators=indicators, published=published, targets=targets,
                        unit=unit_map, sources=sources, previous_datasets=previous)
    result.unit = unit
    result.catatan = notes + result.catatan
    if processed_dir is not None:
        result.write_csv(processed_year_dir(Path(processed_dir), unit, year))
    return result
