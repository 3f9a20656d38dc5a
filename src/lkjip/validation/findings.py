"""GX validation results translated into :class:`~lkjip.validation.results.Finding`: rows, values, wording.
"""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd

from lkjip.validation.results import ERROR, ROW_LIMIT, VALUE_LIMIT, Finding

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
            missing = in_rule_order(((res.get("details") or {}).get("mismatched") or {}).get("missing") or [],
                                    kwargs.get("column_set") or [])
            values = missing
            base["column"] = ", ".join(missing) or base["column"]
            detail = "kolom tidak ada: " + ", ".join(missing)
        elif t.endswith("_to_contain_set"):
            if res.get("partial_missing_list") is not None:
                missing = in_rule_order(res["partial_missing_list"], kwargs.get("value_set") or [])
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


def in_rule_order(values, listed) -> list[str]:
    """``values`` (what GX found missing, gathered in a set: its order changes with the interpreter's
    hash seed) in the order the rule lists them, any others after them sorted: the same data give the
    same finding text in every run.

    >>> in_rule_order({"Mar", "Jan", "Des"}, ["Jan", "Feb", "Mar"])
    ['Jan', 'Mar', 'Des']
    """
    found = {str(v) for v in values}
    listed = [str(v) for v in listed]
    return [v for v in dict.fromkeys(listed) if v in found] + sorted(found - set(listed))


def _skipped(e: dict, name: str, file: str, missing: list[str]) -> Finding:
    meta = e["meta"]
    return Finding(dataset=name, file=file, rule=meta["aturan"], severity=meta["tingkat"], column=meta.get("kolom"),
                   rows=[], values=[], expectation_type=e["type"], success=None, rule_id=meta["id"],
                   detail="tidak diperiksa: kolom tidak ada: " + ", ".join(missing))


def _absent(name: str, file: str, what: str) -> Finding:
    return Finding(dataset=name, file=file, rule=f"Berkas {what} wajib ada", severity=ERROR, column=None,
                   rows=[], values=[], expectation_type="lkjip.dataset_present", success=False,
                   rule_id=f"{name}.berkas.ada", detail="berkas tidak ditemukan atau tidak terbaca")
