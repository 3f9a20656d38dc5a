"""Validate a unit-year's typed frames with Great Expectations (GX 1.x).

The rules live in ``expectations/<dataset>.json`` (one GX expectation suite per
dataset, plus ``targets``), written by ``scripts/build_expectations.py`` and
committed. Every expectation carries ``meta``: ``id``, ``aturan`` (the rule in
Bahasa Indonesia), ``tingkat`` (``error`` or ``peringatan``) and ``kolom``.

- ``error``: the run stops before anything of that year is written
  (:meth:`ValidationResult.raise_for_errors`);
- ``peringatan``: the finding goes into the report (totals that disagree with
  their rows, for instance: the raw data are never "fixed").

Before validating, each frame gets a few helper columns (listed in the suite's
``meta.kolom_bantu``): e.g. ``jumlah_jawaban`` (answered survey items),
``total_tidak_cocok`` (a typed JUMLAH row that differs from its rows). Every
failure is reported by ``baris``, the row number as the spreadsheet shows it.

GX is imported lazily (it costs seconds); the ephemeral, in-memory context is
built once per process, with analytics and progress bars off, and writes
nothing to disk.

>>> import pandas as pd
>>> df = pd.DataFrame({"baris": [2, 3], "tanggal": pd.to_datetime(["2023-01-05", "2023-02-01"]),
...                    **{f"u{i}": pd.array([4, 5 if i == 3 else 3], dtype="Int64") for i in range(1, 10)}})
>>> r = validate_year({"ikm_survei": df}, None, 2023, required=("ikm_survei",), check_targets=False)
>>> [(f.rule, f.rows) for f in r.errors]
[('Jawaban u3 harus 1, 2, 3 atau 4 (kosong boleh)', [3])]
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from lkjip.errors import ConfigError, DataError, DataErrors
from lkjip.fmt import fmt_number, is_missing
from lkjip.ipasn import in_post_at_year_end
from lkjip.rules import ASN_STATUSES, SAKIP_COMPONENT_WEIGHTS, SAKIP_SCORE_DECIMALS, SAKIP_SUBCOMPONENT_SHARES
from lkjip.rules.printed import matches
from lkjip.schema import DATASETS, KIND_DTYPES, MONTHS, UNSUR, YEAR_DATASETS

ERROR = "error"
WARNING = "peringatan"

#: Rows kept per finding (the count of all failing rows is kept in ``rows_total``).
ROW_LIMIT = 200
#: Example values kept per finding.
VALUE_LIMIT = 5

STATUS_TEXT = {True: "lulus", False: "gagal", None: "dilewati"}


#: Suites run for a unit-year, in report order; ``targets`` is unit-level.
SUITES = (*YEAR_DATASETS, "targets")


# --------------------------------------------------------------------------- results


@dataclass
class Finding:
    """The outcome of one rule on one dataset.

    ``success``: True (passed), False (failed) or None (skipped: a column the
    rule needs is missing, which another rule already reports). ``rows`` are
    spreadsheet row numbers, sorted, at most :data:`ROW_LIMIT` of
    ``rows_total``.
    """

    dataset: str
    file: str
    rule: str
    severity: str
    column: str | None
    rows: list[int]
    values: list[str]
    expectation_type: str
    success: bool | None
    rule_id: str = ""
    rows_total: int = 0
    detail: str | None = None
    #: value per failing row (for the DataError messages); not serialised
    row_values: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def status(self) -> str:
        return STATUS_TEXT[self.success]

    @property
    def failed(self) -> bool:
        return self.success is False

    def rows_text(self, limit: int = 20) -> str:
        """``"5, 9, 12"``; with ``... (+N baris lain)`` when longer than ``limit``."""
        shown = ", ".join(str(r) for r in self.rows[:limit])
        more = max(self.rows_total, len(self.rows)) - min(limit, len(self.rows))
        if more > 0:
            shown += f", ... (+{more} baris lain)"
        return shown

    def as_dict(self) -> dict:
        return {
            "dataset": self.dataset,
            "berkas": self.file,
            "id": self.rule_id,
            "aturan": self.rule,
            "tingkat": self.severity,
            "status": self.status,
            "kolom": self.column,
            "baris": list(self.rows),
            "jumlah_baris": self.rows_total,
            "contoh_nilai": list(self.values),
            "jenis_expectation": self.expectation_type,
            "keterangan": self.detail,
        }


@dataclass
class ValidationResult:
    """All findings of one unit-year. ``ok`` is True when no ``error`` rule failed."""

    year: int
    findings: list[Finding]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.failed and f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.failed and f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def datasets(self) -> list[str]:
        seen: list[str] = []
        for f in self.findings:
            if f.dataset not in seen:
                seen.append(f.dataset)
        return seen

    def summary(self) -> dict[str, int]:
        """Counts: rules checked, passed, failed, skipped, failed errors and warnings."""
        return {
            "aturan": len(self.findings),
            "lulus": sum(f.success is True for f in self.findings),
            "gagal": sum(f.success is False for f in self.findings),
            "dilewati": sum(f.success is None for f in self.findings),
            "error": len(self.errors),
            "peringatan": len(self.warnings),
            "baris_error": sum(max(f.rows_total, len(f.rows)) for f in self.errors),
            "baris_peringatan": sum(max(f.rows_total, len(f.rows)) for f in self.warnings),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per rule, Indonesian column names, for tables and notebooks."""
        rows = [
            {
                "dataset": f.dataset,
                "berkas": f.file,
                "aturan": f.rule,
                "tingkat": f.severity,
                "status": f.status,
                "kolom": f.column or "",
                "baris": f.rows_text(),
                "contoh nilai": ", ".join(f.values),
                "keterangan": f.detail or "",
            }
            for f in self.findings
        ]
        columns = ["dataset", "berkas", "aturan", "tingkat", "status", "kolom", "baris", "contoh nilai", "keterangan"]
        return pd.DataFrame(rows, columns=columns)

    def data_errors(self, limit: int = 500) -> list[DataError]:
        """One :class:`DataError` per failing row of every failed ``error`` rule (at most ``limit``)."""
        out: list[DataError] = []
        for f in self.errors:
            if f.rows:
                for r in f.rows:
                    out.append(DataError(f.file, r, f.column, f.rule, f.row_values.get(r)))
            else:
                value = ", ".join(f.values) if f.values else None
                out.append(DataError(f.file, None, f.column, f.rule + (f" ({f.detail})" if f.detail else ""), value))
            if len(out) >= limit:
                return out[:limit]
        return out

    def raise_for_errors(self, limit: int = 500) -> None:
        """Raise :class:`lkjip.errors.DataErrors` naming file, row, column and rule of every error."""
        errors = self.data_errors(limit)
        if errors:
            raise DataErrors(errors)

    def as_dict(self, generated_at: str | None = None) -> dict:
        out = {
            "tahun": self.year,
            "ok": self.ok,
            "ringkasan": self.summary(),
            "berkas": dict(sorted(self.sources.items())),
            "temuan": [f.as_dict() for f in self.findings],
        }
        if generated_at is not None:
            out["dibuat"] = generated_at
        return out

    def to_json(self, path: Path | str, generated_at: str | None = None) -> Path:
        """Write the findings as JSON (sorted keys; no timestamp unless ``generated_at`` is given)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.as_dict(generated_at), indent=2, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        return path


# --------------------------------------------------------------------------- suites


def default_expectations_dir() -> Path:
    """``expectations/`` of the project: the parent of ``src/`` (env ``LKJIP_EXPECTATIONS_DIR`` overrides)."""
    env = os.environ.get("LKJIP_EXPECTATIONS_DIR")
    if env:
        return Path(env)
    beside_src = Path(__file__).resolve().parents[2] / "expectations"
    if beside_src.is_dir() or not (Path.cwd() / "expectations").is_dir():
        return beside_src
    return Path.cwd() / "expectations"  # an installed (non-editable) package run from the project root


_SUITE_CACHE: dict[Path, dict] = {}


def load_suite_dict(name: str, expectations_dir: Path | str | None = None) -> dict:
    """The suite ``expectations/<name>.json`` as a plain dict (cached by path and mtime)."""
    path = Path(expectations_dir or default_expectations_dir()) / f"{name}.json"
    if not path.exists():
        raise ConfigError(f"suite Great Expectations tidak ditemukan: {path}")
    key = path.resolve()
    mtime = path.stat().st_mtime_ns
    cached = _SUITE_CACHE.get(key)
    if cached is None or cached["mtime"] != mtime:
        data = json.loads(path.read_text(encoding="utf-8"))
        for e in data.get("expectations", []):
            meta = e.setdefault("meta", {})
            missing = {"id", "aturan", "tingkat"} - set(meta)
            if missing or meta["tingkat"] not in (ERROR, WARNING):
                raise ConfigError(f"{path}: expectation {e.get('type')} tanpa meta id/aturan/tingkat yang sah")
        cached = {"mtime": mtime, "data": data, "suites": {}}
        _SUITE_CACHE[key] = cached
    return cached


def _gx_suite(cached: dict, keep: tuple[str, ...]):
    """A GX ExpectationSuite of the expectations whose ids are in ``keep`` (cached)."""
    suite = cached["suites"].get(keep)
    if suite is None:
        gx = _gx()["gx"]
        data = cached["data"]
        chosen = [json.loads(json.dumps(e)) for e in data["expectations"] if e["meta"]["id"] in keep]
        suite = gx.ExpectationSuite(name=data["name"], expectations=chosen, meta=dict(data.get("meta", {})))
        if len(suite.expectations) != len(chosen):  # GX drops an invalid expectation with a log line only
            raise ConfigError(f"suite {data['name']}: {len(chosen) - len(suite.expectations)} expectation tidak sah")
        cached["suites"][keep] = suite
    return suite


_GX_STATE: dict | None = None


def _gx() -> dict:
    """The process-wide ephemeral GX context (built on first use)."""
    global _GX_STATE
    if _GX_STATE is None:
        os.environ["GX_ANALYTICS_ENABLED"] = "false"
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        config = DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
            analytics_enabled=False,
            progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        )
        context = gx.get_context(project_config=config, mode="ephemeral")
        source = context.data_sources.add_pandas("lkjip")
        _GX_STATE = {"gx": gx, "context": context, "source": source, "batches": {}}
    return _GX_STATE


def _batch_definition(name: str):
    state = _gx()
    bd = state["batches"].get(name)
    if bd is None:
        asset = state["source"].add_dataframe_asset(name)
        bd = asset.add_batch_definition_whole_dataframe("semua")
        state["batches"][name] = bd
    return bd


# --------------------------------------------------------------------------- helper columns


def _num(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df:
        return pd.Series(float("nan"), index=df.index, dtype="float64")
    return pd.to_numeric(df[col], errors="coerce").astype("float64")


def _fmt_number(x: float) -> str:
    """A figure in a finding: whole numbers without decimals, others with two (lkjip.fmt)."""
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
    (by the rule of :mod:`lkjip.rules.printed`).

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


def _prepare_targets(df: pd.DataFrame, year: int) -> pd.DataFrame:
    if "indikator" in df and "tahun" in df:
        tahun = pd.to_numeric(df["tahun"], errors="coerce")
        df["indikator_tahun_laporan"] = df["indikator"].astype("string").where(tahun == year)
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
    "targets": _prepare_targets,
}


def prepare_frame(name: str, df: pd.DataFrame, year: int) -> pd.DataFrame:
    """The frame as validated: sorted by ``baris``, optional columns added, helper columns derived."""
    return PREPARE[name](_base(df, name), year)


# --------------------------------------------------------------------------- validation


def _columns_of(kwargs: dict) -> list[str]:
    cols = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
    cols += list(kwargs.get("column_list", []))
    cols += _condition_columns(kwargs.get("row_condition"))
    return cols


def _condition_columns(condition) -> list[str]:
    """Columns named by a serialised GX row condition (comparison, nullity, and/or)."""
    if not isinstance(condition, dict):
        return []
    out = []
    if isinstance(condition.get("column"), dict) and "name" in condition["column"]:
        out.append(condition["column"]["name"])
    for sub in condition.get("conditions", []) or []:
        out += _condition_columns(sub)
    return out


def _fmt_value(v: object) -> str:
    if v is None or v is pd.NA or v is pd.NaT:
        return "(kosong)"
    if isinstance(v, float) and math.isnan(v):
        return "(kosong)"
    if isinstance(v, (np.datetime64, datetime.datetime)):
        v = pd.Timestamp(v)
        if v is pd.NaT:
            return "(kosong)"
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d") if v == v.normalize() else v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    return str(v)


def _raised(exception_info: dict) -> str | None:
    if not exception_info:
        return None
    if "raised_exception" in exception_info:
        infos = [exception_info]
    else:
        infos = [v for v in exception_info.values() if isinstance(v, dict)]
    for info in infos:
        if info.get("raised_exception"):
            return str(info.get("exception_message") or "kesalahan tak dikenal")
    return None


def _partial_text(value: object, kwargs: dict) -> str:
    """One failing value as users read it; pairs and tuples name their columns."""
    if isinstance(value, (tuple, list)):
        names = ([kwargs["column_A"], kwargs["column_B"]] if "column_A" in kwargs
                 else list(kwargs.get("column_list") or []))
        if len(names) == len(value):
            return ", ".join(f"{k}={_fmt_value(v)}" for k, v in zip(names, value))
        return ", ".join(_fmt_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt_value(v)}" for k, v in value.items())
    return _fmt_value(value)


def _finding_from_result(er, name: str, file: str, frame: pd.DataFrame) -> Finding:
    cfg = er.expectation_config
    meta = cfg.meta or {}
    kwargs = cfg.kwargs
    res = er.result or {}
    base = dict(dataset=name, file=file, rule=meta["aturan"], severity=meta["tingkat"], column=meta.get("kolom"),
                expectation_type=cfg.type, rule_id=meta["id"])
    problem = _raised(er.exception_info)
    if problem is not None:
        return Finding(**base, rows=[], values=[], success=False, detail=f"aturan tidak dapat diperiksa: {problem}")
    rows: list[int] = []
    row_values: dict[int, str] = {}
    index_list = res.get("unexpected_index_list") or res.get("partial_unexpected_index_list") or []
    # show the user's column, not a helper column, when the rule names one
    shown_col = meta.get("kolom")
    lookup = None
    if (shown_col in frame.columns and shown_col not in _columns_of(kwargs)
            and cfg.type != "expect_column_values_to_be_null"):  # a null-rule on a helper: its text explains
        lookup = frame.set_index("baris")[shown_col]
    partial = res.get("partial_unexpected_list") or []
    for position, item in enumerate(index_list):
        if isinstance(item, dict):
            r = int(item.get("baris"))
            others = {k: v for k, v in item.items() if k != "baris"}
            if lookup is not None and r in lookup.index:
                text = _fmt_value(lookup.loc[r] if not isinstance(lookup.loc[r], pd.Series) else lookup.loc[r].iloc[0])
            elif len(others) == 1:
                text = _fmt_value(next(iter(others.values())))
            else:
                text = ", ".join(f"{k}={_fmt_value(v)}" for k, v in others.items())
        else:  # the frame is indexed by baris (see validate_frame): the index is the row number
            r = int(item)
            if lookup is not None and r in lookup.index:
                text = _fmt_value(lookup.loc[r] if not isinstance(lookup.loc[r], pd.Series) else lookup.loc[r].iloc[0])
            else:
                text = _partial_text(partial[position], kwargs) if position < len(partial) else ""
        if r not in row_values:
            rows.append(r)
            row_values[r] = text
    rows.sort()
    values: list[str] = []
    for r in rows:
        v = row_values[r]
        if v and v not in values:
            values.append(v)
        if len(values) >= VALUE_LIMIT:
            break
    detail = None
    success = bool(er.success)
    if not success and not rows:
        t = cfg.type
        observed = res.get("observed_value")
        if t == "expect_column_to_exist":
            detail = "kolom tidak ditemukan di berkas"
        elif t == "expect_table_columns_to_match_set":
            missing = list(((res.get("details") or {}).get("mismatched") or {}).get("missing") or [])
            values = missing
            base["column"] = ", ".join(missing) or base["column"]
            detail = "kolom tidak ada: " + ", ".join(missing)
        elif t.endswith("_to_contain_set"):
            if res.get("partial_missing_list") is not None:
                missing = [str(v) for v in res["partial_missing_list"]]
            else:
                have = {str(v) for v in (observed or [])}
                missing = [str(v) for v in kwargs.get("value_set", []) if str(v) not in have]
            values = missing[:10]
            detail = "tidak ada: " + ", ".join(missing)
        elif observed is not None:
            values = [_fmt_value(observed)]
            if t.endswith("type_list") or t.endswith("of_type"):
                detail = f"tipe kolom terbaca: {_fmt_value(observed)}"
    rows_total = int(res.get("unexpected_count") or len(rows)) if rows else 0
    kept = rows[:ROW_LIMIT]
    return Finding(**base, rows=kept, values=values, success=success, rows_total=max(rows_total, len(rows)),
                   detail=detail, row_values={r: row_values[r] for r in kept})


def _skipped(e: dict, name: str, file: str, missing: list[str]) -> Finding:
    meta = e["meta"]
    return Finding(dataset=name, file=file, rule=meta["aturan"], severity=meta["tingkat"], column=meta.get("kolom"),
                   rows=[], values=[], expectation_type=e["type"], success=None, rule_id=meta["id"],
                   detail="tidak diperiksa: kolom tidak ada: " + ", ".join(missing))


def validate_frame(name: str, df: pd.DataFrame, year: int, file: str | None = None,
                   expectations_dir: Path | str | None = None) -> list[Finding]:
    """Run the suite ``expectations/<name>.json`` on one frame; findings in suite order."""
    if name not in PREPARE:
        raise ConfigError(f"tidak ada aturan validasi untuk dataset '{name}'")
    file = file or f"{name}.csv"
    cached = load_suite_dict(name, expectations_dir)
    frame = prepare_frame(name, df, year)
    expectations = cached["data"]["expectations"]
    order = {e["meta"]["id"]: k for k, e in enumerate(expectations)}
    keep, findings = [], []
    for e in expectations:
        missing = [c for c in _columns_of(e["kwargs"]) if c not in frame.columns]
        if missing and e["type"] not in ("expect_column_to_exist", "expect_table_columns_to_match_set"):
            findings.append(_skipped(e, name, file, missing))
        else:
            keep.append(e["meta"]["id"])
    suite = _gx_suite(cached, tuple(keep))
    # Index the frame by its spreadsheet row numbers and ask for SUMMARY: GX then
    # reports failing rows from the index in one vectorised step (with
    # unexpected_index_column_names it looks every failing row up one by one,
    # minutes for a million-row survey), keeping the first ROW_LIMIT and the count.
    indexed = frame.set_axis(pd.Index(frame["baris"].to_numpy(), name=None), axis=0)
    batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": indexed})
    result = batch.validate(
        suite,
        expectation_parameters={"tahun": int(year)},
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": ROW_LIMIT,
                       "return_unexpected_index_query": False},
    )
    findings += [_finding_from_result(er, name, file, frame) for er in result.results]
    findings.sort(key=lambda f: order.get(f.rule_id, len(order)))
    return findings


def _absent(name: str, file: str, what: str) -> Finding:
    return Finding(dataset=name, file=file, rule=f"Berkas {what} wajib ada", severity=ERROR, column=None,
                   rows=[], values=[], expectation_type="lkjip.dataset_present", success=False,
                   rule_id=f"{name}.berkas.ada", detail="berkas tidak ditemukan atau tidak terbaca")


def validate_year(
    datasets: dict[str, pd.DataFrame],
    targets: pd.DataFrame | None,
    year: int,
    sources: dict[str, str] | None = None,
    *,
    expectations_dir: Path | str | None = None,
    required: Iterable[str] | None = None,
    check_targets: bool = True,
) -> ValidationResult:
    """Validate every dataset of a unit-year and the unit's targets.

    ``sources`` maps a dataset to the file name shown to users (default
    ``<dataset>.csv``). A dataset in ``required`` (default: every dataset of
    a year) that is missing is an error, and so is a missing ``targets``
    table unless ``check_targets`` is False. Datasets without a suite are
    ignored.
    """
    year = int(year)
    sources = dict(sources or {})
    if targets is None:
        targets = datasets.get("targets")
    required = tuple(YEAR_DATASETS if required is None else required)
    findings: list[Finding] = []
    used: dict[str, str] = {}
    for name in SUITES:
        file = sources.get(name, f"{name}.csv")
        if name == "targets":
            if not check_targets:
                continue
            frame = targets
        else:
            frame = datasets.get(name)
        if frame is None:
            if name in required or name == "targets":
                findings.append(_absent(name, file, "target kinerja" if name == "targets" else file))
                used[name] = file
            continue
        used[name] = file
        findings += validate_frame(name, frame, year, file, expectations_dir)
    return ValidationResult(year=year, findings=findings, sources=used)


def write_validation_report(result: ValidationResult, path: Path | str, unit_name: str, year: int) -> Path:
    """A self-contained HTML page of every rule and its outcome (see :mod:`lkjip.validation_report`)."""
    from lkjip.validation_report import write_validation_report as _write

    return _write(result, Path(path), unit_name, year)


__all__ = [
    "ERROR",
    "WARNING",
    "Finding",
    "ValidationResult",
    "default_expectations_dir",
    "prepare_frame",
    "validate_frame",
    "validate_year",
    "write_validation_report",
]
