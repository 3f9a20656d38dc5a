"""Audit a unit-year: from frames (:func:`audit_year`) or from its raw files (:func:`audit_unit_year`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from lkjip.audit.cross import _cross_checks
from lkjip.audit.figures import _Context
from lkjip.audit.frames import _text
from lkjip.audit.internal import _check_koordinasi, _check_paten, _check_sakip, _check_tree
from lkjip.audit.published import _published_checks
from lkjip.audit.result import AuditResult, _Rows
from lkjip.rules import INDICATOR_IDS
from lkjip.rules.printed import decimals_of_text

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

    return AuditResult(out.frame(), year=year, unit=unit.get("kode"), catatan=out.notes)


def _published_decimals(path: Path, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``decimals`` column counted from the file's own text."""
    from lkjip.ingest import normalise_header, read_cells
    from lkjip.schema import DATASETS

    header, cells = read_cells(path, DATASETS["published"])  # the same header row and sheet as the reader
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
    from lkjip.ingest import read_unit_table, read_year
    from lkjip.layout import list_years, processed_year_dir, unit_file
    from lkjip.unit import load_unit

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
