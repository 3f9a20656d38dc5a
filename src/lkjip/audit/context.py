"""What family 3 recomputes a published figure from: one year's datasets, read once.

A :class:`_Context` holds one year's frames, its indicator frame and the
lookups the figure functions need (a service by name, an employee by NIP, a
budget code's leaves), each built once, so that checking 2.858 printed
figures costs a dictionary look-up per figure, not a frame filter.
:class:`Years` holds the contexts of every year a document prints (its own,
the years before it, and target-only years after it).

A figure function returns a :class:`Computed`: the value, or the reason it
cannot be computed, and the raw rows it was computed from (``sumber``:
``2023/paten_layanan.csv baris 5``) so that an auditor can retrace it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Mapping, NamedTuple

import pandas as pd

from lkjip.audit.frames import _asn_measured, _body, _clean_code, _lra_account5, _norm, _text, _Tree
from lkjip.contract.rules import INDICATOR_DATASETS, IPASN_DIMENSIONS
from lkjip.contract.schema import MONTHS
from lkjip.indicators.declared import default_declaration
from lkjip.indicators.ikm import nrr_per_unsur
from lkjip.indicators.targets import renstra_end_target


class Computed(NamedTuple):
    """A recomputed figure: ``value`` (NaN when ``why`` says why not) and where it comes from."""

    value: float
    why: str | None = None
    sumber: str | None = None


NAN = float("nan")


def rows_text(rows: object) -> str:
    """Spreadsheet rows as a reader wants them: ``2-4, 7``; long lists are cut.

    >>> rows_text([2, 3, 4, 7]), rows_text([]), rows_text(range(2, 40, 2))
    ('2-4, 7', '', '2, 4, 6, 8, 10, 12, ... (19 baris)')
    """
    nums = sorted({int(r) for r in rows if r is not None and not pd.isna(r)})
    if not nums:
        return ""
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs]
    if len(parts) > 6:
        return ", ".join(parts[:6]) + f", ... ({len(nums)} baris)"
    return ", ".join(parts)


@dataclass(frozen=True)
class Figure:
    """How the audit recomputes a published figure id (the part before ``:``).

    ``argument``: what follows the ``:`` -- ``"none"`` (nothing may),
    ``"required"`` (a code, an indicator id, a component) or ``"optional"``.
    """

    compute: Callable[["_Context", str], Computed | tuple]
    argument: str = "none"


class _Context:
    """One year's datasets and everything family 3 may recompute a figure from."""

    def __init__(self, datasets: Mapping[str, pd.DataFrame], indicators: pd.DataFrame | None,
                 unit: Mapping[str, Any] | None, year: int, *, targets: pd.DataFrame | None = None,
                 files: Mapping[str, Any] | None = None, years: "Years | None" = None,
                 iku: tuple | None = None):
        self.d = dict(datasets or {})
        self._iku = None if iku is None else tuple(iku)
        self.ind = indicators.set_index("indikator") if indicators is not None else None
        self.unit = dict(unit or {})
        self.year = int(year)
        self.targets = targets
        self.files = {k: Path(v) for k, v in (files or {}).items() if v is not None}
        self.years = years
        self.anggaran = self.d.get("anggaran")
        self.lra = self.d.get("lra")
        self.atree = _Tree(self.anggaran, "kode") if self.anggaran is not None else None
        self.ltree = _Tree(self.lra, "kode_rekening") if self.lra is not None else None
        self._budget: dict[str, tuple[float, float, str | None]] = {}
        self._lra: dict[tuple[str, str], tuple[float, str | None]] = {}
        self._end: dict[str, Any] = {}
        self.memo: dict[tuple[str, str], Computed] = {}
        self.cache: dict[str, Any] = {}   # look-ups of the figure modules, built once per year

    # -- where a value comes from
    def file_label(self, dataset: str) -> str:
        path = self.files.get(dataset)
        if path is None:
            return f"{self.year}/{dataset}" if dataset != "targets" else "targets"
        return path.name if dataset in ("targets", "published") else f"{path.parent.name}/{path.name}"

    def ref(self, dataset: str, rows: pd.DataFrame | pd.Series | None = None) -> str:
        """``2023/anggaran.csv baris 4-9`` (or the whole file when ``rows`` is None)."""
        name = self.file_label(dataset)
        if rows is None:
            return name
        if isinstance(rows, pd.Series):
            nums = [rows.get("baris")]
        else:
            nums = list(rows["baris"]) if "baris" in rows.columns else []
        text = rows_text(nums)
        return f"{name} baris {text}" if text else name

    # -- PATEN
    @cached_property
    def paten_body(self) -> pd.DataFrame | None:
        paten = self.d.get("paten_layanan")
        if paten is None:
            return None
        body = _body(paten).copy()
        months = [m for m in MONTHS if m in body.columns]
        body[months] = body[months].apply(pd.to_numeric, errors="coerce").astype("float64")
        return body

    @cached_property
    def paten_by_name(self) -> dict[str, pd.Series]:
        body = self.paten_body
        if body is None or "layanan" not in body.columns:
            return {}
        return {_text(n).lower(): r for n, (_, r) in zip(body["layanan"], body.iterrows())}

    @cached_property
    def paten_cells(self) -> dict[str, dict[str, float]]:
        """Service name (lower case) -> month -> count (blank cells left out)."""
        body = self.paten_body
        if body is None or "layanan" not in body.columns:
            return {}
        months = [m for m in MONTHS if m in body.columns]
        out = {}
        for name, values in zip(body["layanan"], body[months].to_numpy()):
            out[_text(name).lower()] = {m: float(v) for m, v in zip(months, values) if v == v}
        return out

    @cached_property
    def _paten_total(self) -> float:
        body = self.paten_body
        if body is None:
            return NAN
        return float(body[[m for m in MONTHS if m in body.columns]].fillna(0).to_numpy().sum())

    def paten_total(self) -> float:
        return self._paten_total

    # -- budget
    def budget(self, code: str) -> tuple[float, float]:
        p, r, _ = self.budget_ref(code)
        return p, r

    def budget_ref(self, code: str) -> tuple[float, float, str | None]:
        """Pagu and realisasi of the lowest level at or under ``code`` (``total``: all), with their rows."""
        if code in self._budget:
            return self._budget[code]
        if self.atree is None:
            out = (NAN, NAN, None)
        else:
            index = self._prefix_index("anggaran", self.atree, ("pagu", "realisasi"))
            hit = index.get("" if code == "total" else _clean_code(code))
            out = (NAN, NAN, None) if hit is None else (hit[0][0], hit[0][1], self._rows_ref("anggaran", hit[1]))
        self._budget[code] = out
        return out

    def _prefix_index(self, name: str, tree: _Tree, cols: tuple[str, ...]) -> dict:
        """Every code prefix ("" = all) -> (sums of ``cols`` over the leaves under it, their rows), built once:
        one pass over the leaves instead of one frame filter per printed figure."""
        key = f"prefix:{name}:{','.join(cols)}"
        if key not in self.cache:
            leaves = tree.leaves()
            values = {c: pd.to_numeric(leaves[c], errors="coerce").astype("float64").to_numpy()
                      if c in leaves.columns else None for c in cols}
            rows = leaves["baris"].tolist() if "baris" in leaves.columns else [None] * len(leaves)
            index: dict[str, list] = {}
            for i, code in enumerate(leaves["_kode"]):
                parts = code.split(".")
                for prefix in ["", *(".".join(parts[:n]) for n in range(1, len(parts) + 1))]:
                    entry = index.setdefault(prefix, [[NAN] * len(cols), []])
                    for j, c in enumerate(cols):
                        v = values[c][i] if values[c] is not None else NAN
                        if v == v:  # blank cells do not count, as sum(min_count=1)
                            entry[0][j] = v if entry[0][j] != entry[0][j] else entry[0][j] + v
                    entry[1].append(rows[i])
            self.cache[key] = index
        return self.cache[key]

    def _rows_ref(self, dataset: str, rows: list) -> str:
        text = rows_text(rows)
        return f"{self.file_label(dataset)} baris {text}" if text else self.file_label(dataset)

    def lra_value(self, code: str, col: str) -> float:
        return self.lra_ref(code, col)[0]

    def lra_ref(self, code: str, col: str) -> tuple[float, str | None]:
        key = (code, col)
        if key not in self._lra:
            if self.ltree is None:
                self._lra[key] = (NAN, None)
            else:
                index = self._prefix_index("lra", self.ltree, ("anggaran", "realisasi", "realisasi_tahun_lalu"))
                hit = index.get(_clean_code(code))
                cols = ("anggaran", "realisasi", "realisasi_tahun_lalu")
                self._lra[key] = (NAN, None) if hit is None or col not in cols else \
                    (hit[0][cols.index(col)], self._rows_ref("lra", hit[1]))
        return self._lra[key]

    @cached_property
    def lra5(self) -> tuple[float, float, str] | None:
        """Belanja Daerah of the LRA (anggaran, realisasi, which row), by the indicator's own rule."""
        return _lra_account5(self.lra) if self.lra is not None else None

    def end_target(self, ind: str):
        """The Renstra end target of ``ind`` (:func:`lkjip.indicators.targets.renstra_end_target`), once per indicator."""
        cache = self.years._end if (self.years is not None and self.years.targets is self.targets) else self._end
        if ind not in cache:
            cache[ind] = renstra_end_target(self.targets, ind)
        return cache[ind]

    def financing(self, ind: str) -> tuple[float, float] | None:
        mapping = dict(self.unit.get("pembiayaan") or {})
        if ind not in mapping:
            return None
        code = mapping[ind]
        if code is None or (isinstance(code, float) and math.isnan(code)):
            return 0.0, 0.0
        return self.budget("total" if str(code).strip().lower() == "total" else str(code))

    def financing_code(self, ind: str) -> str | None:
        code = dict(self.unit.get("pembiayaan") or {}).get(ind)
        return None if code is None or (isinstance(code, float) and math.isnan(code)) else str(code).strip()

    # -- coordination, staff, survey, SAKIP
    @cached_property
    def koordinasi_body(self) -> pd.DataFrame | None:
        k = self.d.get("koordinasi")
        return None if k is None else _body(k)

    @cached_property
    def koordinasi_by_uraian(self) -> dict[str, pd.Series]:
        body = self.koordinasi_body
        if body is None or "uraian" not in body.columns:
            return {}
        return {_text(u).lower(): r for u, (_, r) in zip(body["uraian"], body.iterrows())}

    @cached_property
    def pegawai_by_nip(self) -> dict[str, pd.Series]:
        peg = self.d.get("pegawai")
        if peg is None or "nip" not in peg.columns:
            return {}
        return {_text(n).replace(" ", ""): r for n, (_, r) in zip(peg["nip"], peg.iterrows()) if _text(n)}

    @cached_property
    def ipasn_by_nip(self) -> dict[str, dict[str, float]]:
        """NIP -> IP ASN dimension -> score (blank scores left out)."""
        out = {}
        for nip, row in self.pegawai_by_nip.items():
            out[nip] = {d: float(v) for d in IPASN_DIMENSIONS if d in row.index
                        for v in [pd.to_numeric(row[d], errors="coerce")] if not pd.isna(v)}
        return out

    @cached_property
    def pegawai_measured(self) -> pd.DataFrame | None:
        peg = self.d.get("pegawai")
        return None if peg is None else peg[_asn_measured(peg)]

    @cached_property
    def survey_table(self) -> pd.DataFrame | None:
        """Per unsur: ``jumlah_nilai``, ``jumlah_jawaban``, ``nrr``, ``nrr_x25`` (lkjip.indicators.ikm), by ``u1``..``u9``."""
        s = self.d.get("ikm_survei")
        if s is None:
            return None
        table = nrr_per_unsur(s)
        table.index = [u.lower() for u in table["unsur"]]
        return table

    def sakip_rows(self, komponen: str, subs: bool = True) -> pd.DataFrame | None:
        sk = self.d.get("sakip_evaluasi")
        if sk is None or "komponen" not in sk.columns:
            return None
        komp = sk["komponen"].map(_norm)
        sub = sk["subkomponen"].map(_text) if "subkomponen" in sk.columns else pd.Series("", index=sk.index)
        mask = komp == _norm(komponen) if komponen else pd.Series(True, index=sk.index)
        rows = sk[mask & (sub != "")] if subs else sk[mask & (sub == "")]
        return rows

    # -- targets
    @cached_property
    def target_index(self) -> dict[tuple[str, str, int], tuple[float, int | None]]:
        """``(indikator, dokumen, tahun) -> (target, spreadsheet row)`` of targets.csv (last row wins)."""
        if self.years is not None and self.years.targets is self.targets:
            return self.years.target_index
        return target_index(self.targets)

    # -- indicators
    @cached_property
    def _indicator_values(self) -> dict[tuple[str, str], float]:
        if self.ind is None:
            return {}
        out = {}
        for ind, row in self.ind.iterrows():
            for col in ("realisasi", "target", "capaian_pct"):
                v = row.get(col)
                out[(ind, col)] = NAN if v is None or pd.isna(v) else float(v)
        return out

    def indicator(self, ind: str, col: str) -> float:
        return self._indicator_values.get((ind, col), NAN)

    # -- the unit's declared IKU (indikator.csv; the seven kecamatan IKU without it)
    @cached_property
    def iku(self) -> dict:
        """Declared code (lower case) -> :class:`lkjip.indicators.declared.Iku`, every row of the declaration
        (the years a row is in force do not matter here: a figure's year picks its context)."""
        declared = self._iku if self._iku is not None else (self.years.iku if self.years is not None else None)
        if declared is None:
            declared = default_declaration()
        return {i.kode: i for i in declared}

    def iku_code(self, ind: object) -> str | None:
        """``ind`` as a declared IKU code (matched without case), None when it is not one."""
        code = _text(ind).lower()
        return code if code in self.iku else None

    def polarity(self, ind: str) -> str:
        """``higher``/``lower`` of a declared IKU (``higher`` for anything else)."""
        found = self.iku.get(ind)
        return found.polarity if found is not None else "higher"

    @property
    def lower_rule(self) -> str:
        """unit.yaml ``capaian_turun`` (``selisih`` by default, or ``rasio``)."""
        return str(self.unit.get("capaian_turun") or "selisih")

    def indicator_source(self, ind: str) -> str | None:
        dataset = INDICATOR_DATASETS.get(ind)
        found = self.iku.get(ind)
        if dataset is None and found is not None and found.builtin is None:
            dataset = "realisasi"  # a reported IKU, or a rumus over the year's realisasi.csv
        if dataset is None or dataset not in self.d:
            return None
        return self.ref(dataset)


def target_index(targets: pd.DataFrame | None) -> dict[tuple[str, str, int], tuple[float, int | None]]:
    """targets.csv as ``(indikator, dokumen, tahun) -> (target, spreadsheet row)``; blank targets left out."""
    if targets is None or not len(targets):
        return {}
    out = {}
    value = pd.to_numeric(targets["target"], errors="coerce")
    tahun = pd.to_numeric(targets["tahun"], errors="coerce")
    rows = targets["baris"] if "baris" in targets.columns else pd.Series(None, index=targets.index)
    for ind, doc, y, v, b in zip(targets["indikator"], targets["dokumen"], tahun, value, rows):
        if pd.isna(v) or pd.isna(y):
            continue
        # codes are matched without case, as in every other file
        out[(_text(ind).lower(), _text(doc).lower(), int(y))] = (float(v), None if pd.isna(b) else int(b))
    return out


class Years:
    """The contexts of every year a document prints: data years and target-only years."""

    def __init__(self, contexts: Mapping[int, _Context], targets: pd.DataFrame | None,
                 unit: Mapping[str, Any] | None, files: Mapping[str, Any] | None = None,
                 iku: tuple | None = None):
        self.contexts = dict(contexts)
        self.iku = None if iku is None else tuple(iku)
        self.targets = targets
        self.unit = dict(unit or {})
        self.files = dict(files or {})
        self._end: dict[str, Any] = {}
        for ctx in self.contexts.values():
            ctx.years = self

    @cached_property
    def target_index(self) -> dict[tuple[str, str, int], tuple[float, int | None]]:
        return target_index(self.targets)

    def get(self, year: int) -> _Context:
        """The context of ``year``; a year without data gets an empty one (targets only)."""
        year = int(year)
        if year not in self.contexts:
            self.contexts[year] = _Context({}, None, self.unit, year, targets=self.targets,
                                           files=self.files, years=self)
        return self.contexts[year]

    def data_years(self) -> list[int]:
        return sorted(y for y, c in self.contexts.items() if c.d)
