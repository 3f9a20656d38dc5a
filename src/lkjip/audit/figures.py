"""Family 3's figures: how each published figure id is recomputed from the raw data.

:data:`FIGURES` maps a figure id (the part before ``:``) to the function that
recomputes it; the seven indicator ids take ``realisasi``/``capaian_pct``/
``target`` of the indicator frame according to ``ukuran``. An id the audit
cannot compute is reported, not guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from lkjip.audit.frames import (
    _asn_measured,
    _body,
    _clean_code,
    _col_sum,
    _in_post,
    _lra_account5,
    _norm,
    _respondents,
    _status,
    _text,
    _Tree,
)
from lkjip.audit.result import _num
from lkjip.rules import ASN_STATUSES, INDICATOR_IDS
from lkjip.schema import MONTHS

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
        figure = FIGURES.get(_LEVEL_SUFFIX.sub("", name))
        arg = arg.strip()
        if figure is None or (figure.argument == "required" and not arg) or (figure.argument == "none" and arg):
            return nan, "angka tidak dikenal oleh audit"
        return figure.compute(self, arg)


# --- the published figures the audit can recompute ---------------------------
# Each takes the context and the part of the id after ":" (a code, an indicator
# id, a service, a status or a component) and returns (value, reason when the
# value cannot be computed).

_NAN = float("nan")


def _no(dataset: str) -> tuple[float, str]:
    return _NAN, f"data {dataset} tidak ada"


def _lra_or_budget(ctx: _Context, position: int) -> tuple[float, str | None]:
    # as for the % indicator: LRA account 5 when there is an LRA, else the anggaran
    lra5 = _lra_account5(ctx.lra) if ctx.lra is not None else None
    return (lra5[position], None) if lra5 else (ctx.budget("total")[position], None)


def _budget_figure(what: str):
    def compute(ctx: _Context, code: str) -> tuple[float, str | None]:
        p, r = ctx.budget(code)
        if what == "pagu":
            return p, None
        if what == "realisasi":
            return r, None
        return (r / p * 100.0 if p else _NAN), None
    return compute


def _lra_figure(col: str):
    def compute(ctx: _Context, code: str) -> tuple[float, str | None]:
        if col == "persen":
            a, r = ctx.lra_value(code, "anggaran"), ctx.lra_value(code, "realisasi")
            return (r / a * 100.0 if a else _NAN), None
        return ctx.lra_value(code, col), None
    return compute


def _financing_figure(what: str):
    def compute(ctx: _Context, ind: str) -> tuple[float, str | None]:
        fin = ctx.financing(ind)
        if fin is None:
            return _NAN, f"pembiayaan '{ind}' belum dipetakan di unit.yaml"
        p, r = fin
        if what == "pagu":
            return p, None
        if what == "realisasi":
            return r, None
        pen = r / p * 100.0 if p else _NAN
        if what == "penyerapan":
            return pen, None
        if what == "persen_dari_total":
            total = ctx.budget("total")[0]
            return (p / total * 100.0 if total else _NAN), None
        cap = _num(ctx.ind.loc[ind, "capaian_pct"]) if (ctx.ind is not None and ind in ctx.ind.index) else _NAN
        return cap - (0.0 if (p == 0 and r == 0) else pen), None
    return compute


def _jumlah_layanan(ctx: _Context, nama: str) -> tuple[float, str | None]:
    paten = ctx.d.get("paten_layanan")
    if paten is None:
        return _no("paten_layanan")
    if not nama:
        return ctx.paten_total(), None
    body = _body(paten)
    sel = body[body["layanan"].map(_text).str.lower() == nama.lower()]
    if not len(sel):
        return _NAN, f"layanan '{nama}' tidak ada di paten_layanan"
    return float(sel[list(MONTHS)].apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy().sum()), None


def _layanan_sesuai(ctx: _Context, _arg: str) -> tuple[float, str | None]:
    paten = ctx.d.get("paten_layanan")
    if paten is None:
        return _no("paten_layanan")
    miss = _col_sum(_body(paten), "tidak_sesuai_standar")
    return ctx.paten_total() - (0.0 if math.isnan(miss) else miss), None


def _koordinasi_figure(col: str):
    def compute(ctx: _Context, _arg: str) -> tuple[float, str | None]:
        k = ctx.d.get("koordinasi")
        return (_col_sum(_body(k), col), None) if k is not None else _no("koordinasi")
    return compute


def _responden_ikm(ctx: _Context, _arg: str) -> tuple[float, str | None]:
    s = ctx.d.get("ikm_survei")
    return (float(_respondents(s)), None) if s is not None else _no("ikm_survei")


def _populasi_ikm(ctx: _Context, _arg: str) -> tuple[float, str | None]:
    return ctx.paten_total(), None


def _pegawai_figure(what: str):
    def compute(ctx: _Context, status: str) -> tuple[float, str | None]:
        peg = ctx.d.get("pegawai")
        if peg is None:
            return _no("pegawai")
        if what == "diukur":
            return float(_asn_measured(peg).sum()), None
        here = _in_post(peg, ctx.year)
        st = _status(peg)
        if what == "asn":
            return float((here & st.isin(ASN_STATUSES)).sum()), None
        if status:
            return float((here & (st == status.upper())).sum()), None
        return float(here.sum()), None
    return compute


def _sakip_komponen(ctx: _Context, komponen: str) -> tuple[float, str | None]:
    sk = ctx.d.get("sakip_evaluasi")
    if sk is None:
        return _no("sakip_evaluasi")
    komp = sk["komponen"].map(_norm)
    sub = sk["subkomponen"].map(_text) if "subkomponen" in sk.columns else pd.Series("", index=sk.index)
    rows = sk[(komp == _norm(komponen)) & (sub != "")]
    if not len(rows):
        rows = sk[(komp == _norm(komponen)) & (sub == "")]
    return (_col_sum(rows, "nilai"), None) if len(rows) else (_NAN, f"komponen '{komponen}' tidak ada")


@dataclass(frozen=True)
class Figure:
    """How the audit recomputes a published figure id (the part before ``:``).

    ``argument``: what follows the ``:`` -- ``"none"`` (nothing may),
    ``"required"`` (a code, an indicator id, a component) or ``"optional"``.
    """

    compute: Callable[[_Context, str], tuple[float, str | None]]
    argument: str = "none"


#: Published figure id -> how it is recomputed (see :data:`EXTRA_IDS` for the spellings).
FIGURES: dict[str, Figure] = {
    "pagu_anggaran": Figure(lambda ctx, _arg: _lra_or_budget(ctx, 0)),
    "realisasi_anggaran_rp": Figure(lambda ctx, _arg: _lra_or_budget(ctx, 1)),
    **{name: Figure(_budget_figure(what), "required") for name, what in (
        ("pagu", "pagu"), ("anggaran", "pagu"), ("realisasi", "realisasi"),
        ("penyerapan_pct", "persen"), ("penyerapan", "persen"), ("persen", "persen"))},
    **{f"lra_{col}": Figure(_lra_figure(col), "required")
       for col in ("persen", "anggaran", "realisasi", "realisasi_tahun_lalu")},
    **{name: Figure(_financing_figure(what), "required") for name, what in (
        ("anggaran_indikator", "pagu"), ("pagu_indikator", "pagu"),
        ("realisasi_anggaran_indikator", "realisasi"), ("penyerapan_indikator", "penyerapan"),
        ("persen_anggaran_indikator", "persen_dari_total"), ("tingkat_efisiensi", "efisiensi"))},
    "jumlah_layanan": Figure(_jumlah_layanan, "optional"),
    "jumlah_layanan_sesuai_standar": Figure(_layanan_sesuai),
    "jumlah_fasilitasi": Figure(_koordinasi_figure("fasilitasi")),
    "jumlah_tindak_lanjut": Figure(_koordinasi_figure("tindak_lanjut")),
    "responden_ikm": Figure(_responden_ikm),
    "populasi_ikm": Figure(_populasi_ikm),
    "jumlah_pegawai": Figure(_pegawai_figure("menjabat"), "optional"),
    "jumlah_asn": Figure(_pegawai_figure("asn"), "optional"),
    "jumlah_asn_diukur": Figure(_pegawai_figure("diukur"), "optional"),
    "sakip_komponen": Figure(_sakip_komponen, "required"),
}
