"""Audit a unit-year: from frames (:func:`audit_year`) or from its raw files (:func:`audit_unit_year`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from lkjip.audit.context import Years, _Context
from lkjip.audit.cross import _cross_checks
from lkjip.audit.document import _document_checks
from lkjip.audit.one_judgement import PerDocument, document_years_needed
from lkjip.audit.frames import _text
from lkjip.audit.internal import _check_koordinasi, _check_paten, _check_sakip, _check_tree
from lkjip.audit.places import _places_checks
from lkjip.audit.published import _published_checks, records, rows_of_audit
from lkjip.audit.result import AuditResult, _Rows
from lkjip.contract.rules.printed import decimals_of_text
from lkjip.contract.schema import DATASETS
from lkjip.indicators.declared import read_declaration
from lkjip.indicators.iku import compute_indicators
from lkjip.inputs.catalog import list_years, processed_year_dir, unit_file
from lkjip.inputs.earlier_years import read_earlier_year
from lkjip.inputs.ingest import normalise_header, read_cells, read_unit_table, read_year
from lkjip.inputs.unit import load_unit

# ---------------------------------------------------------------- entry points

def _unit_dict(unit: Any) -> dict:
    if unit is None:
        return {}
    if hasattr(unit, "as_dict"):
        return unit.as_dict()
    return dict(unit)


def _indicators_of(datasets, targets, unit, year, notes: list[str], declaration=None) -> pd.DataFrame | None:
    try:
        return compute_indicators(datasets, targets, unit, year, declaration=declaration)
    except Exception as exc:  # noqa: BLE001 - reported, the rest of the audit still runs
        notes.append(f"indikator tahun {year} tidak dapat dihitung ({type(exc).__name__}: {exc}); "
                     "angka indikator yang dipublikasikan untuk tahun itu tidak diperiksa")
        return None


def years_needed(published: pd.DataFrame | None, year: int) -> list[int]:
    """The years whose data the audit of ``year`` recomputes figures of (the years its document prints)."""
    if published is None or not len(published):
        return []
    rows = rows_of_audit(published, year)
    own = {int(y) for y in pd.to_numeric(rows["tahun"], errors="coerce").dropna()}
    # and the years printed by the documents of its figures: one judgement per fact (lkjip.audit.one_judgement)
    return sorted(own | document_years_needed(published, year))


def audit_year(datasets: Mapping[str, pd.DataFrame], *, year: int,
               indicators: pd.DataFrame | None = None, published: pd.DataFrame | None = None,
               targets: pd.DataFrame | None = None, unit: Any = None,
               sources: Mapping[str, Any] | None = None,
               previous_datasets: Mapping[str, pd.DataFrame] | None = None,
               other_years: Mapping[int, Mapping[str, pd.DataFrame]] | None = None,
               other_sources: Mapping[int, Mapping[str, Any]] | None = None,
               declaration=None) -> AuditResult:
    """Audit one unit-year (see the package docstring for the checks).

    ``datasets`` maps dataset names to the reader's frames; ``indicators`` is
    the year's indicator frame (computed with :mod:`lkjip.indicators.iku` when
    omitted and published figures need it); ``published``, ``targets`` the
    unit-level frames; ``unit`` the unit.yaml mapping (or a
    :class:`lkjip.inputs.unit.Unit`); ``sources`` maps dataset names to their files
    (for ``berkas``); ``previous_datasets`` the previous year's frames;
    ``other_years`` the frames of other years whose figures the document
    prints (year -> datasets; the previous year defaults to
    ``previous_datasets``), ``other_sources`` their files. No input frame is
    modified. ``declaration`` is the unit's IKU (:func:`lkjip.indicators.declared.read_declaration`;
    default: the seven kecamatan IKU).
    """
    year = int(year)
    unit = _unit_dict(unit)
    d = {k: v.copy() for k, v in (datasets or {}).items() if isinstance(v, pd.DataFrame)}
    published = published.copy() if isinstance(published, pd.DataFrame) else None
    targets = targets.copy() if isinstance(targets, pd.DataFrame) else None
    indicators = indicators.copy() if isinstance(indicators, pd.DataFrame) else None
    previous = {k: v.copy() for k, v in (previous_datasets or {}).items() if isinstance(v, pd.DataFrame)}
    others = {int(y): {k: v for k, v in frames.items() if isinstance(v, pd.DataFrame)}
              for y, frames in (other_years or {}).items()}
    if previous and year - 1 not in others:
        others[year - 1] = previous
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

    # the years the document prints, each with its indicators (only when a published figure needs them)
    has_pub = published is not None and len(published)
    needed = years_needed(published, year) if has_pub else []
    if indicators is None and has_pub and d:
        indicators = _indicators_of(d, targets, unit, year, out.notes, declaration)
    contexts = {year: _Context(d, indicators, unit, year, targets=targets, files=sources, iku=declaration)}
    for y in needed:
        if y != year and others.get(y):
            frames = {k: v.copy() for k, v in others[y].items()}
            contexts[y] = _Context(frames, _indicators_of(frames, targets, unit, y, out.notes, declaration), unit, y,
                                   targets=targets, files=(other_sources or {}).get(y), iku=declaration)
    years = Years(contexts, targets, unit, files=sources, iku=declaration)
    ctx = contexts[year]

    # family 2
    _cross_checks(d, ctx, out, year=year, published=published, targets=targets, unit=unit, previous=previous)

    # families 3, 4, 5
    if has_pub:
        show_nip = bool(unit.get("tampilkan_nip", False))
        rows = records(published, year)
        explainer = PerDocument(published, rows, year, years)
        _published_checks(rows, years, out, explain=explainer, show_nip=show_nip)
        _document_checks(rows, out, show_nip=show_nip)
        _places_checks(rows, out, show_nip=show_nip)

    frame = out.frame()
    frame["uraian"] = [u if isinstance(u, str) and u else _text(i).replace("_", " ")
                       for u, i in zip(frame["uraian"], frame["item"])]
    return AuditResult(frame, year=year, unit=unit.get("kode"), catatan=out.notes)


def _published_decimals(path: Path, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``decimals`` column counted from the file's own text."""
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
                    processed_dir: Path | str | None = None, published_dirs=None) -> AuditResult:
    """Read a unit-year's raw data (and the other years its published document prints),
    compute their indicators, audit it.

    Writes ``<processed_dir>/<unit>/<year>/audit.csv`` when ``processed_dir``
    is given. Raw files are only read. The other years come from where they
    are published (``published_dirs``, a :class:`lkjip.inputs.published_state.Published`)
    when that is fresh, else from their raw files: the same frames either way
    (:func:`lkjip.inputs.earlier_years.read_earlier_year`).
    """
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
    available = set(list_years(data_dir, unit))
    wanted = (set(years_needed(published, year)) | {year - 1}) & available - {year}
    others: dict[int, dict] = {}
    other_sources: dict[int, dict] = {}
    for y in sorted(wanted):
        try:
            earlier = read_earlier_year(data_dir, unit, y, published_dirs)
            others[y], files_y = earlier.frames, earlier.files
            other_sources[y] = {**dict(files_y), **{k: sources[k] for k in ("targets", "published") if k in sources}}
        except Exception as exc:  # noqa: BLE001
            notes.append(f"data tahun {y} tidak terbaca ({exc}); angka tahun itu tidak dibandingkan")
    declaration = read_declaration(data_dir, unit)
    indicators = _indicators_of(frames, targets, unit_map, year, notes, declaration)
    result = audit_year(frames, year=year, indicators=indicators, published=published, targets=targets,
                        unit=unit_map, sources=sources, previous_datasets=others.get(year - 1),
                        other_years=others, other_sources=other_sources, declaration=declaration)
    result.unit = unit
    result.catatan = notes + result.catatan
    if processed_dir is not None:
        result.write_csv(processed_year_dir(Path(processed_dir), unit, year))
    return result
