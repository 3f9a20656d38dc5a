"""Family 3's figures: how each published figure id is recomputed from the raw data.

:data:`FIGURES` maps a figure id family (the part before ``:``) to the
function that recomputes it; the unit's declared IKU (``indikator.csv``, matched
without case; the seven kecamatan IKU without it) take ``realisasi``/
``capaian_pct`` of the year's indicator frame and their ``target`` from
``targets.csv`` (the effective target of the figure's year), according to
``ukuran``. Families that the raw data cannot recompute are listed in
:data:`lkjip.audit.reasons.NOT_CHECKABLE` with the reason, in Bahasa
Indonesia; an id in neither table is reported as unknown, never guessed.
This module holds the budget, count and indicator families;
:mod:`lkjip.audit.figures_detail` the detailed ones (PATEN cells, survey,
IP ASN per employee, targets of the planning documents, officials).
"""

from __future__ import annotations

import re

import pandas as pd

from lkjip.audit.context import NAN, Computed, Figure, Years, _Context
from lkjip.audit.figures_detail import MORE_FIGURES, target_row
from lkjip.audit.figures_unit import UNIT_FIGURES, pk_budget
from lkjip.audit.frames import _body, _col_sum, _in_post, _respondents, _status, _text
from lkjip.audit.labels import figure_label
from lkjip.audit.parent_rows import NOT_APPLICABLE, lra_parent_ref
from lkjip.audit.reasons import NOT_CHECKABLE
from lkjip.contract.rules import ASN_STATUSES

__all__ = ["EXTRA_IDS", "FIGURES", "MEASURE_COLUMNS", "Computed", "Figure", "Years", "_Context", "evaluate",
           "family_of"]

MEASURE_COLUMNS = {"realisasi": "realisasi", "capaian": "capaian_pct", "target": "target"}


#: Extra published ids (besides the seven indicators) the audit can recompute (the documented spellings;
#: docs/published-ids.md describes every family).
EXTRA_IDS = (
    "pagu_anggaran", "realisasi_anggaran_rp", "sisa_anggaran_rp", "pagu:<kode>", "realisasi:<kode>",
    "penyerapan_pct:<kode>", "lra_anggaran:<kode>", "lra_realisasi:<kode>",
    "lra_realisasi_tahun_lalu:<kode>", "lra_persen:<kode>", "surplus_defisit_anggaran",
    "surplus_defisit_realisasi", "surplus_defisit_persen", "sisa_lebih_pembiayaan_anggaran",
    "sisa_lebih_pembiayaan_realisasi", "sisa_lebih_pembiayaan_persen", "jumlah_program", "jumlah_kegiatan",
    "jumlah_sub_kegiatan", "pk_anggaran:<kode>", "pk_perubahan_anggaran:<kode>", "anggaran_indikator:<id>",
    "realisasi_anggaran_indikator:<id>", "penyerapan_indikator:<id>",
    "persen_anggaran_indikator:<id>", "tingkat_efisiensi:<id>", "jumlah_layanan",
    "jumlah_layanan:<nama>", "jumlah_layanan_sesuai_standar", "layanan_bulan:<nama>:<bulan>",
    "jumlah_layanan_bulan:<bulan>", "jumlah_fasilitasi", "jumlah_tindak_lanjut", "jumlah_jenis_fasilitasi",
    "fasilitasi:<uraian>", "tindak_lanjut:<uraian>", "responden_ikm", "populasi_ikm",
    "ikm_unsur_total:<unsur>", "nrr:<unsur>", "nrr_x25:<unsur>", "nrr_tertimbang:<unsur>",
    "nrr_tertimbang_jumlah", "jumlah_pegawai", "jumlah_pegawai:<status>", "jumlah_pegawai_jabatan:<jabatan>",
    "jumlah_asn", "jumlah_asn_diukur", "ipasn_pegawai:<nip>:<dimensi>", "ipasn_rata:<dimensi>",
    "sakip_komponen:<komponen>", "sakip_bobot:<komponen>", "sakip_bobot_total",
    "renstra_target:<id>", "pk_target:<id>", "pk_perubahan_target:<id>", "target:<id>", "kemajuan:<id>",
    "tc27_target:<kunci>", "tc27_target_akhir:<kunci>", "tc27_usulan_target:<kunci>",
    "tc27_usulan_target_akhir:<kunci>", "jumlah_inovasi_kumulatif", "jumlah_indikator_capai_target_akhir",
    "renstra_tahun_ke", "renstra_jumlah_tahun", "pejabat_realisasi:<jabatan>:<id>",
    "penduduk:<desa>:<kolom>", "jumlah_penduduk", "jumlah_penduduk:<kolom>", "jumlah_desa", "jumlah_dusun",
    "jumlah_rw", "jumlah_rt", "luas_wilayah_km2", "sarana:<uraian>", "sarana_keterangan:<uraian>",
)


_LEVEL_SUFFIX = re.compile(r"_(program|kegiatan|sub_kegiatan|subkegiatan)(?=(_pct)?$)")


def family_of(ind: str) -> str:
    """The family of a figure id: the part before the first ``:``, level suffixes dropped.

    >>> family_of("pagu_program:7.01.01"), family_of("layanan_bulan:kk: x:jan"), family_of("jumlah_program")
    ('pagu', 'layanan_bulan', 'jumlah_program')
    """
    name, sep, _ = _text(ind).partition(":")
    # "pagu_program:7.01.01" is "pagu:7.01.01"; "jumlah_program" (no argument) is itself
    return _LEVEL_SUFFIX.sub("", name) if sep else name


def _as_computed(out) -> Computed:
    return out if isinstance(out, Computed) else Computed(*out)


def evaluate(ctx: _Context, ind: str, ukuran: str) -> Computed:
    """The value of published figure ``ind`` (``ukuran``) in ``ctx``'s year, or why it has none.

    A figure printed in several places is computed once per year (``ctx.memo``).
    """
    key = (ind, ukuran)
    if key not in ctx.memo:
        ctx.memo[key] = _evaluate(ctx, ind, ukuran)
    return ctx.memo[key]


def _evaluate(ctx: _Context, ind: str, ukuran: str) -> Computed:
    code = ctx.iku_code(ind)
    if code is not None:
        return _indicator(ctx, code, ukuran)
    if ukuran != "realisasi":
        return Computed(NAN, f"ukuran '{ukuran}' hanya untuk IKU unit (indikator.csv); '{ind}' bukan IKU unit")
    name, _, arg = ind.partition(":")
    fam = family_of(ind)
    arg = arg.strip()
    figure = FIGURES.get(fam)
    if figure is None:
        reason = NOT_CHECKABLE.get(fam)
        return Computed(NAN, reason or "angka tidak dikenal oleh audit")
    if (figure.argument == "required" and not arg) or (figure.argument == "none" and arg):
        return Computed(NAN, "angka tidak dikenal oleh audit")
    return _as_computed(figure.compute(ctx, arg))


def _indicator(ctx: _Context, ind: str, ukuran: str) -> Computed:
    col = MEASURE_COLUMNS.get(ukuran)
    if col is None:
        return Computed(NAN, f"ukuran '{ukuran}' tidak dikenal")
    if ukuran == "target":
        found = target_row(ctx, ind, None, ctx.year)
        if found.why is not None and ctx.ind is not None and ind in ctx.ind.index:
            # no targets.csv given: the indicator frame's own (effective) target
            return Computed(ctx.indicator(ind, "target"), None, "indicators")
        return found
    if ctx.ind is None:
        return Computed(NAN, f"data tahun {ctx.year} tidak ada" if not ctx.d else "indikator belum dihitung")
    if ind not in ctx.ind.index:
        return Computed(NAN, "indikator tidak ada di hasil hitungan")
    return Computed(ctx.indicator(ind, col), None, ctx.indicator_source(ind))


# --- budget -------------------------------------------------------------------

def _no(dataset: str) -> Computed:
    return Computed(NAN, f"data {dataset} tidak ada")


def _lra_or_budget(ctx: _Context, position: int) -> Computed:
    # as for the % indicator: LRA account 5 when there is an LRA, else the anggaran
    lra5 = ctx.lra5
    if lra5:
        return Computed(lra5[position], None, ctx.ref("lra", _body(ctx.lra)))
    p, r, src = ctx.budget_ref("total")
    if src is None:
        return _no("anggaran")
    return Computed((p, r)[position], None, src)


def _sisa(ctx: _Context, _arg: str) -> Computed:
    p, r = _lra_or_budget(ctx, 0), _lra_or_budget(ctx, 1)
    return Computed(p.value - r.value, p.why or r.why, p.sumber)


def _budget_figure(what: str):
    def compute(ctx: _Context, code: str) -> Computed:
        p, r, src = ctx.budget_ref(code)
        if src is None:
            return Computed(NAN, "data anggaran tidak ada" if ctx.atree is None
                            else f"kode {code} tidak ada di data anggaran")
        if what == "pagu":
            return Computed(p, None, src)
        if what == "realisasi":
            return Computed(r, None, src)
        return Computed(r / p * 100.0 if p else (0.0 if r == 0 else NAN), None, src)
    return compute


def _lra_figure(col: str):
    # a parent account is compared with its own LRA row (the figure the LKjIP copies); when that row
    # disagrees with the sum of its children, the source says so and family 1 reports the parent
    def compute(ctx: _Context, code: str) -> Computed:
        if ctx.ltree is None:
            return _no("lra")
        if col == "persen":
            a, src = lra_parent_ref(ctx, code, "anggaran")
            r, _ = lra_parent_ref(ctx, code, "realisasi")
            # a printed 0 % on a zero budget is the LRA's convention for "nothing to absorb"
            return Computed(r / a * 100.0 if a else (0.0 if r == 0 else NAN), None if src else
                            f"rekening {code} tidak ada di LRA", src)
        v, src = lra_parent_ref(ctx, code, col)
        return Computed(v, None if src else f"rekening {code} tidak ada di LRA", src)
    return compute


def _lra_line(what: str):
    # SURPLUS/DEFISIT and SISA LEBIH: a kecamatan LRA has belanja accounts only, so both are -(account 5)
    def compute(ctx: _Context, _arg: str) -> Computed:
        if ctx.lra is None:
            return _no("lra")
        a, r = _lra_or_budget(ctx, 0), _lra_or_budget(ctx, 1)
        if what == "anggaran":
            return Computed(-a.value, None, a.sumber)
        if what == "realisasi":
            return Computed(-r.value, None, r.sumber)
        # the (%) column of these lines does not apply (a kecamatan has no pendapatan): the LRA prints 0 or
        # nothing there, which is no figure to compare; a not-applicable cell is not a finding
        return Computed(NAN, NOT_APPLICABLE)
    return compute


def _count_level(parts: int):
    def compute(ctx: _Context, _arg: str) -> Computed:
        if ctx.atree is None:
            return _no("anggaran")
        rows = ctx.atree.rows
        sel = rows[[k.count(".") + 1 == parts for k in rows["_kode"]]]
        return Computed(float(len(sel)), None, ctx.ref("anggaran", sel))
    return compute


def _pk_budget(doc: str):
    def compute(ctx: _Context, code: str) -> Computed:
        signed = pk_budget(ctx, doc, code)
        if signed is not None:
            return signed
        t = ctx.targets
        if t is not None and len(t):
            ids = t["indikator"].map(_text)
            docs = t["dokumen"].map(lambda s: _text(s).lower())
            sel = t[ids.isin([f"pagu_program:{code}", f"anggaran_program:{code}", f"pagu:{code}"])
                    & (docs == doc) & (pd.to_numeric(t["tahun"], errors="coerce") == ctx.year)]
            if len(sel):
                return Computed(float(sel["target"].iloc[-1]), None, ctx.ref("targets", sel.tail(1)))
        if doc == "pk_perubahan":
            # the PK Perubahan is signed on the final (P-APBD) budget, which the anggaran holds
            return _budget_figure("pagu")(ctx, code)
        return Computed(NAN, "anggaran program di PK murni tidak ada (perjanjian_kinerja_anggaran.csv)")
    return compute


def _financing_figure(what: str):
    def compute(ctx: _Context, ind: str) -> Computed:
        fin = ctx.financing(ind)
        if fin is None:
            return Computed(NAN, f"pembiayaan indikator {figure_label(ind).rsplit(' realisasi', 1)[0]} belum "
                            "dipetakan di unit.yaml")
        code = ctx.financing_code(ind)
        src = ctx.budget_ref("total" if code.lower() == "total" else code)[2] if code \
            else "unit.yaml (pembiayaan: indikator tanpa anggaran tersendiri)"
        p, r = fin
        if what == "pagu":
            return Computed(p, None, src)
        if what == "realisasi":
            return Computed(r, None, src)
        pen = r / p * 100.0 if p else (0.0 if r == 0 else NAN)
        if what == "penyerapan":
            return Computed(pen, None, src)
        if what == "persen_dari_total":
            total = ctx.budget("total")[0]
            return Computed(p / total * 100.0 if total else NAN, None, src)
        cap = ctx.indicator(ind, "capaian_pct")
        return Computed(cap - (0.0 if (p == 0 and r == 0) else pen), None,
                        "; ".join(x for x in (ctx.indicator_source(ind), src) if x) or None)
    return compute


# --- counts -------------------------------------------------------------------

def _jumlah_layanan(ctx: _Context, nama: str) -> Computed:
    body = ctx.paten_body
    if body is None:
        return _no("paten_layanan")
    if not nama:
        return Computed(ctx.paten_total(), None, ctx.ref("paten_layanan", body))
    cells = ctx.paten_cells.get(nama.lower())
    if cells is None:
        return Computed(NAN, f"layanan '{nama}' tidak ada di paten_layanan")
    return Computed(float(sum(cells.values())), None, ctx.ref("paten_layanan", ctx.paten_by_name[nama.lower()]))


def _layanan_sesuai(ctx: _Context, _arg: str) -> Computed:
    body = ctx.paten_body
    if body is None:
        return _no("paten_layanan")
    miss = _col_sum(body, "tidak_sesuai_standar")
    return Computed(ctx.paten_total() - (0.0 if pd.isna(miss) else miss), None, ctx.ref("paten_layanan", body))


def _koordinasi_figure(col: str):
    def compute(ctx: _Context, _arg: str) -> Computed:
        body = ctx.koordinasi_body
        return Computed(_col_sum(body, col), None, ctx.ref("koordinasi", body)) if body is not None \
            else _no("koordinasi")
    return compute


def _responden_ikm(ctx: _Context, _arg: str) -> Computed:
    s = ctx.d.get("ikm_survei")
    return Computed(float(_respondents(s)), None, ctx.ref("ikm_survei", s)) if s is not None else _no("ikm_survei")


def _populasi_ikm(ctx: _Context, _arg: str) -> Computed:
    return _jumlah_layanan(ctx, "")


def _pegawai_figure(what: str):
    def compute(ctx: _Context, status: str) -> Computed:
        peg = ctx.d.get("pegawai")
        if peg is None:
            return _no("pegawai")
        if what == "diukur":
            sel = ctx.pegawai_measured
            return Computed(float(len(sel)), None, ctx.ref("pegawai", sel))
        here = _in_post(peg, ctx.year)
        st = _status(peg)
        if what == "asn":
            mask = here & st.isin(ASN_STATUSES)
        elif status:
            mask = here & (st == status.upper())
        else:
            mask = here
        return Computed(float(mask.sum()), None, ctx.ref("pegawai", peg[mask]))
    return compute


def _sakip_komponen(ctx: _Context, komponen: str) -> Computed:
    rows = ctx.sakip_rows(komponen, subs=True)
    if rows is None:
        return _no("sakip_evaluasi")
    if not len(rows):
        rows = ctx.sakip_rows(komponen, subs=False)
    return Computed(_col_sum(rows, "nilai"), None, ctx.ref("sakip_evaluasi", rows)) if len(rows) \
        else Computed(NAN, f"komponen '{komponen}' tidak ada")


#: Published figure id family -> how it is recomputed (see :data:`EXTRA_IDS` for the spellings).
FIGURES: dict[str, Figure] = {
    "pagu_anggaran": Figure(lambda ctx, _arg: _lra_or_budget(ctx, 0)),
    "realisasi_anggaran_rp": Figure(lambda ctx, _arg: _lra_or_budget(ctx, 1)),
    "sisa_anggaran_rp": Figure(_sisa),
    **{name: Figure(_budget_figure(what), "required") for name, what in (
        ("pagu", "pagu"), ("anggaran", "pagu"), ("realisasi", "realisasi"),
        ("penyerapan_pct", "persen"), ("penyerapan", "persen"), ("persen", "persen"))},
    **{f"lra_{col}": Figure(_lra_figure(col), "required")
       for col in ("persen", "anggaran", "realisasi", "realisasi_tahun_lalu")},
    **{f"{line}_{what}": Figure(_lra_line(what)) for line in ("surplus_defisit", "sisa_lebih_pembiayaan")
       for what in ("anggaran", "realisasi", "persen")},
    "jumlah_program": Figure(_count_level(3)),
    "jumlah_kegiatan": Figure(_count_level(5)),
    "jumlah_sub_kegiatan": Figure(_count_level(6)),
    "pk_anggaran": Figure(_pk_budget("pk"), "required"),
    "pk_perubahan_anggaran": Figure(_pk_budget("pk_perubahan"), "required"),
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
    **MORE_FIGURES,
    **UNIT_FIGURES,
}

# a family is either recomputed or has a reason, never both
assert not set(FIGURES) & set(NOT_CHECKABLE), sorted(set(FIGURES) & set(NOT_CHECKABLE))
