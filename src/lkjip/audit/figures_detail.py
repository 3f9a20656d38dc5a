"""Family 3's detailed figures: PATEN cells, coordination lines, the survey's
per-unsur figures, IP ASN per employee, SAKIP weights, staff per post, the
targets printed in the planning documents (Renstra, PK, TC-27), progress
towards the Renstra end target, and the officials' realisations.

Each function takes a year's :class:`~lkjip.audit.context._Context` and the
argument of the id (the part after the family) and returns a
:class:`~lkjip.audit.context.Computed`. See docs/published-ids.md.
"""

from __future__ import annotations

import math

import pandas as pd

from lkjip.audit.context import NAN, Computed, Figure, _Context
from lkjip.audit.frames import _col_sum, _in_post, _norm, _status, _text
from lkjip.contract.rules import ASN_STATUSES, IPASN_DIMENSIONS, TARGET_PRECEDENCE, target_met
from lkjip.contract.schema import MONTHS
from lkjip.indicators.targets import tingkat_kemajuan

_NOT_IN_TARGETS = "bukan IKU unit (indikator.csv): targets.csv hanya memuat target IKU unit"


def _no(dataset: str) -> Computed:
    return Computed(NAN, f"data {dataset} tidak ada")


# --- PATEN, coordination --------------------------------------------------------

def _layanan_bulan(ctx: _Context, arg: str) -> Computed:
    # a service name may hold ":" itself: the month is after the last one
    nama, _, bulan = arg.rpartition(":")
    if bulan not in MONTHS:
        return Computed(NAN, "angka tidak dikenal oleh audit")
    if ctx.paten_body is None:
        return _no("paten_layanan")
    cells = ctx.paten_cells.get(nama.strip().lower())
    if cells is None:
        return Computed(NAN, f"layanan '{nama}' tidak ada di paten_layanan")
    return Computed(cells.get(bulan, NAN), None, ctx.ref("paten_layanan", ctx.paten_by_name[nama.strip().lower()]))


def _layanan_per_bulan(ctx: _Context, bulan: str) -> Computed:
    body = ctx.paten_body
    if body is None:
        return _no("paten_layanan")
    if bulan not in body.columns:
        return Computed(NAN, "angka tidak dikenal oleh audit")
    return Computed(float(body[bulan].fillna(0).sum()), None, ctx.ref("paten_layanan", body))


def _koordinasi_baris(col: str):
    def compute(ctx: _Context, uraian: str) -> Computed:
        if ctx.koordinasi_body is None:
            return _no("koordinasi")
        row = ctx.koordinasi_by_uraian.get(uraian.strip().lower())
        if row is None:
            return Computed(NAN, f"uraian '{uraian}' tidak ada di koordinasi")
        v = row.get(col)
        return Computed(NAN if v is None or pd.isna(v) else float(v), None, ctx.ref("koordinasi", row))
    return compute


def _jumlah_jenis_fasilitasi(ctx: _Context, _arg: str) -> Computed:
    body = ctx.koordinasi_body
    if body is None:
        return _no("koordinasi")
    return Computed(float(len(body)), None, ctx.ref("koordinasi", body))


# --- survey --------------------------------------------------------------------

def _unsur(column: str, weight: float = 1.0):
    def compute(ctx: _Context, unsur: str) -> Computed:
        table = ctx.survey_table
        if table is None:
            return _no("ikm_survei")
        u = unsur.strip().lower()
        if u not in table.index:
            return Computed(NAN, f"unsur '{unsur}' tidak dikenal")
        return Computed(float(table.loc[u, column]) * weight, None, ctx.ref("ikm_survei", ctx.d["ikm_survei"]))
    return compute


def _nrr_tertimbang_jumlah(ctx: _Context, _arg: str) -> Computed:
    table = ctx.survey_table
    if table is None:
        return _no("ikm_survei")
    return Computed(float(table["nrr"].sum(skipna=False)) / 9.0, None, ctx.ref("ikm_survei", ctx.d["ikm_survei"]))


# --- staff, IP ASN, SAKIP ----------------------------------------------------------

#: Bab I B groups of posts: a group name -> the rule on ``jabatan`` (lower case).
_JABATAN_RULES = {
    "camat": lambda j: j == "camat" or j.startswith("camat "),
    "sekretaris_kecamatan": lambda j: j.startswith("sekretaris"),
    "kepala_seksi": lambda j: j.startswith("kepala seksi"),
    "kepala_sub_bagian": lambda j: j.startswith(("kepala sub bagian", "kepala subbagian", "kasubag")),
    "pelaksana": lambda j: j.startswith("pelaksana"),
}


def _jumlah_jabatan(ctx: _Context, jabatan: str) -> Computed:
    peg = ctx.d.get("pegawai")
    if peg is None:
        return _no("pegawai")
    rule = _JABATAN_RULES.get(jabatan)
    if rule is None:
        return Computed(NAN, f"kelompok jabatan '{jabatan}' tidak dikenal")
    here = _in_post(peg, ctx.year) & _status(peg).isin(ASN_STATUSES)
    jab = peg["jabatan"].map(lambda s: _text(s).lower()) if "jabatan" in peg.columns else pd.Series("", index=peg.index)
    mask = here & jab.map(rule)
    return Computed(float(mask.sum()), None, ctx.ref("pegawai", peg[mask]))


def _ipasn_pegawai(ctx: _Context, arg: str) -> Computed:
    nip, _, dim = arg.partition(":")
    if ctx.d.get("pegawai") is None:
        return _no("pegawai")
    key = nip.replace(" ", "")
    scores = ctx.ipasn_by_nip.get(key)
    if scores is None:
        return Computed(NAN, "NIP tidak ada di data pegawai")
    dims = list(IPASN_DIMENSIONS) if dim == "total" else [dim]
    if any(d not in IPASN_DIMENSIONS for d in dims):
        return Computed(NAN, f"dimensi '{dim}' tidak dikenal")
    if any(d not in scores for d in dims):
        return Computed(NAN, "dimensi IP ASN pegawai ini kosong")
    return Computed(sum(scores[d] for d in dims), None, ctx.ref("pegawai", ctx.pegawai_by_nip[key]))


def _ipasn_rata(ctx: _Context, dim: str) -> Computed:
    sel = ctx.pegawai_measured
    if sel is None:
        return _no("pegawai")
    if dim not in IPASN_DIMENSIONS:
        return Computed(NAN, f"dimensi '{dim}' tidak dikenal")
    if not len(sel):
        return Computed(NAN, "tidak ada ASN dengan keempat dimensi IP ASN")
    return Computed(float(pd.to_numeric(sel[dim], errors="coerce").mean()), None, ctx.ref("pegawai", sel))


def _sakip_bobot(ctx: _Context, komponen: str) -> Computed:
    rows = ctx.sakip_rows(komponen, subs=False)
    if rows is None:
        return _no("sakip_evaluasi")
    if not len(rows):
        return Computed(NAN, f"komponen '{komponen}' tidak ada")
    return Computed(_col_sum(rows, "bobot"), None, ctx.ref("sakip_evaluasi", rows))


def _sakip_bobot_total(ctx: _Context, _arg: str) -> Computed:
    rows = ctx.sakip_rows("", subs=False)
    if rows is None:
        return _no("sakip_evaluasi")
    return Computed(_col_sum(rows, "bobot"), None, ctx.ref("sakip_evaluasi", rows))


# --- targets and progress -------------------------------------------------------------

def target_row(ctx: _Context, ind: str, doc: str | None, year: int) -> Computed:
    """The target of ``ind`` in ``doc`` for ``year`` from targets.csv (``doc`` None: the effective one)."""
    ind = ctx.iku_code(ind)
    if ind is None:
        return Computed(NAN, _NOT_IN_TARGETS)
    if ctx.targets is None or not len(ctx.targets):
        return Computed(NAN, "targets.csv tidak ada")
    index = ctx.target_index
    for d in ([doc] if doc else TARGET_PRECEDENCE):
        hit = index.get((ind, d, int(year)))
        if hit is not None:
            value, baris = hit
            name = ctx.file_label("targets")
            return Computed(value, None, f"{name} baris {baris}" if baris is not None else name)
    where = f"dokumen {doc}" if doc else "dokumen mana pun"
    return Computed(NAN, f"target {where} tahun {year} tidak ada di targets.csv")


def _doc_target(doc: str | None):
    def compute(ctx: _Context, ind: str) -> Computed:
        return target_row(ctx, ind, doc, ctx.year)
    return compute


def _capaian(ctx: _Context, ind: str) -> Computed:
    ind = ctx.iku_code(ind)
    if ind is None:
        return Computed(NAN, _NOT_IN_TARGETS)
    if not ctx.d:
        return Computed(NAN, f"data tahun {ctx.year} tidak ada")
    return Computed(ctx.indicator(ind, "capaian_pct"), None, ctx.indicator_source(ind))


def _end_target(ctx: _Context, ind: str):
    return ctx.end_target(ind)


def kemajuan_value(ctx: _Context, ind: str) -> float:
    """Realisasi of ``ctx``'s year over the Renstra end target, in % (lkjip.indicators.targets.tingkat_kemajuan)."""
    end = _end_target(ctx, ind)
    return tingkat_kemajuan(ctx.indicator(ind, "realisasi"), end.target, ctx.polarity(ind))


def _kemajuan(ctx: _Context, ind: str) -> Computed:
    ind = ctx.iku_code(ind)
    if ind is None:
        return Computed(NAN, _NOT_IN_TARGETS)
    if not ctx.d:
        return Computed(NAN, f"data tahun {ctx.year} tidak ada")
    end = _end_target(ctx, ind)
    if pd.isna(end.target):
        return Computed(NAN, "target akhir Renstra tidak ada di targets.csv")
    src = "; ".join(x for x in (ctx.indicator_source(ind), ctx.file_label("targets")) if x)
    return Computed(kemajuan_value(ctx, ind), None, src)


def _capai_target_akhir(ctx: _Context, _arg: str) -> Computed:
    if not ctx.d:
        return Computed(NAN, f"data tahun {ctx.year} tidak ada")
    values = [kemajuan_value(ctx, i) for i, iku in ctx.iku.items() if iku.in_force(ctx.year)]
    return Computed(float(sum(1 for v in values if target_met(v))), None,
                    ctx.file_label("targets"))


def _renstra_years(ctx: _Context) -> list[int]:
    t = ctx.targets
    if t is None or not len(t):
        return []
    docs = t["dokumen"].map(lambda s: _text(s).lower())
    return sorted({int(y) for y in pd.to_numeric(t.loc[docs == "renstra", "tahun"], errors="coerce").dropna()})


def _renstra_year(what: str):
    def compute(ctx: _Context, _arg: str) -> Computed:
        years = _renstra_years(ctx)
        if not years:
            return Computed(NAN, "target Renstra tidak ada di targets.csv")
        value = ctx.year - years[0] + 1 if what == "ke" else len(years)
        return Computed(float(value), None, ctx.file_label("targets"))
    return compute


def _inovasi_kumulatif(ctx: _Context, _arg: str) -> Computed:
    years = _renstra_years(ctx)
    first = years[0] if years else ctx.year
    if ctx.years is None:
        return Computed(NAN, "data tahun sebelumnya tidak tersedia")
    total, srcs = 0.0, []
    for y in range(first, ctx.year + 1):
        other = ctx.years.get(y)
        v = other.indicator("jumlah_inovasi", "realisasi")
        if math.isnan(v):
            return Computed(NAN, f"jumlah inovasi tahun {y} tidak dapat dihitung (data tahun itu tidak ada)")
        total += v
        srcs.append(other.ref("inovasi"))
    return Computed(total, None, "; ".join(srcs))


#: TC-27 rows that are not budget codes, and the unit.yaml ``pembiayaan`` value that finances them.
_TC27_WORD_KEYS = {"tujuan": "total"}


def tc27_indicator(ctx: _Context, key: str) -> str | None:
    """The indicator a TC-27 row measures: ``key`` is ``<kode>`` or ``<kode>:<indikator>``.

    A row names its indicator explicitly or through unit.yaml ``pembiayaan``
    (the code that finances an indicator is the row that measures it; the
    ``tujuan`` row is the indicator financed by the whole budget).
    """
    code, _, explicit = key.partition(":")
    if explicit:
        return ctx.iku_code(explicit)
    mapping = dict(ctx.unit.get("pembiayaan") or {})
    wanted = _TC27_WORD_KEYS.get(code, code)
    for ind, financed_by in mapping.items():
        if financed_by is not None and str(financed_by).strip().lower() == wanted.lower() \
                and ctx.iku_code(ind) is not None:
            return ctx.iku_code(ind)
    return None


#: Words by which a printed row label names one of the seven indicators (labels are often cut short).
INDICATOR_WORDS = {
    "ikm": ("kepuasan masyarakat", "ikm"),
    "layanan_sesuai_standar_pct": ("terlayani sesu", "sesuai standar"),
    "koordinasi_ditindaklanjuti_pct": ("koordinasi yang ditindaklanjut",),
    "sakip": ("sakip",),
    "realisasi_anggaran_pct": ("realisasi anggaran",),
    "ip_asn": ("ip asn", "profesionalitas"),
    "jumlah_inovasi": ("inovasi",),
}


def tc27_row_measures(ctx: _Context, key: str, label: str) -> str | None:
    """The indicator of a TC-27 row when its printed label agrees (None when it measures something else).

    The code of a row says which indicator finances it (:func:`tc27_indicator`);
    a proposed change may still measure another thing under the same code
    (T-C.27 "Jumlah laporan keuangan" under 7.01.01.2.02), so the label must
    name the indicator too.
    """
    ind = tc27_indicator(ctx, key)
    if ind is None or ":" in key:
        return ind
    text = label.lower()
    return ind if any(w in text for w in INDICATOR_WORDS.get(ind, ())) else None


def _tc27_target(doc: str):
    def compute(ctx: _Context, key: str) -> Computed:
        ind = tc27_indicator(ctx, key)
        if ind is None:
            return Computed(NAN, "target program/kegiatan/sub kegiatan Renstra ini bukan data masukan "
                            "(targets.csv hanya memuat target IKU unit)")
        return target_row(ctx, ind, doc, ctx.year)
    return compute


# --- officials -------------------------------------------------------------------

_PEJABAT_UNIT = {"sakip", "realisasi_anggaran_pct", "ip_asn"}


def _pejabat_realisasi(ctx: _Context, arg: str) -> Computed:
    jabatan, _, ind = arg.partition(":")
    if not ctx.d:
        return Computed(NAN, f"data tahun {ctx.year} tidak ada")
    if ind in _PEJABAT_UNIT:
        return Computed(ctx.indicator(ind, "realisasi"), None, ctx.indicator_source(ind))
    if ind == "jumlah_layanan_sesuai_standar":
        body = ctx.paten_body
        if body is None:
            return _no("paten_layanan")
        miss = _col_sum(body, "tidak_sesuai_standar")
        return Computed(ctx.paten_total() - (0.0 if pd.isna(miss) else miss), None, ctx.ref("paten_layanan", body))
    if ind == "jumlah_penerima_gaji":
        peg = ctx.d.get("pegawai")
        if peg is None:
            return _no("pegawai")
        mask = _in_post(peg, ctx.year) & _status(peg).isin(ASN_STATUSES)
        return Computed(float(mask.sum()), None, ctx.ref("pegawai", peg[mask]))
    if ind == "koordinasi_ditindaklanjuti_bidang_pct":
        body = ctx.koordinasi_body
        if body is None or "seksi" not in body.columns:
            return _no("koordinasi")
        seksi = "seksi_" + jabatan.removeprefix("kasi_")
        rows = body[body["seksi"].map(_norm) == seksi]
        if not len(rows):
            return Computed(NAN, "seksi pejabat ini tidak ada di data koordinasi")
        f, t = _col_sum(rows, "fasilitasi"), _col_sum(rows, "tindak_lanjut")
        return Computed(t / f * 100.0 if f else NAN, None, ctx.ref("koordinasi", rows))
    return Computed(NAN, "keluaran kegiatan pejabat bukan data masukan")


MORE_FIGURES: dict[str, Figure] = {
    "layanan_bulan": Figure(_layanan_bulan, "required"),
    "jumlah_layanan_bulan": Figure(_layanan_per_bulan, "required"),
    "fasilitasi": Figure(_koordinasi_baris("fasilitasi"), "required"),
    "tindak_lanjut": Figure(_koordinasi_baris("tindak_lanjut"), "required"),
    "jumlah_jenis_fasilitasi": Figure(_jumlah_jenis_fasilitasi),
    "ikm_unsur_total": Figure(_unsur("jumlah_nilai"), "required"),
    "nrr": Figure(_unsur("nrr"), "required"),
    "nrr_x25": Figure(_unsur("nrr_x25"), "required"),
    # PermenPAN-RB 14/2017: each of the nine unsur weighs 1/9 (the printed 0,11 is tried as a cause)
    "nrr_tertimbang": Figure(_unsur("nrr", 1.0 / 9.0), "required"),
    "nrr_tertimbang_jumlah": Figure(_nrr_tertimbang_jumlah),
    "jumlah_pegawai_jabatan": Figure(_jumlah_jabatan, "required"),
    "ipasn_pegawai": Figure(_ipasn_pegawai, "required"),
    "ipasn_rata": Figure(_ipasn_rata, "required"),
    "sakip_bobot": Figure(_sakip_bobot, "required"),
    "sakip_bobot_total": Figure(_sakip_bobot_total),
    "renstra_target": Figure(_doc_target("renstra"), "required"),
    "pk_target": Figure(_doc_target("pk"), "required"),
    "pk_perubahan_target": Figure(_doc_target("pk_perubahan"), "required"),
    "target": Figure(_doc_target(None), "required"),
    "capaian": Figure(_capaian, "required"),
    "kemajuan": Figure(_kemajuan, "required"),
    "jumlah_indikator_capai_target_akhir": Figure(_capai_target_akhir),
    "renstra_tahun_ke": Figure(_renstra_year("ke")),
    "renstra_jumlah_tahun": Figure(_renstra_year("jumlah")),
    "jumlah_inovasi_kumulatif": Figure(_inovasi_kumulatif),
    "tc27_target": Figure(_tc27_target("renstra"), "required"),
    "tc27_target_akhir": Figure(_tc27_target("renstra"), "required"),
    "tc27_usulan_target": Figure(_tc27_target("renstra_perubahan"), "required"),
    "tc27_usulan_target_akhir": Figure(_tc27_target("renstra_perubahan"), "required"),
    "pejabat_realisasi": Figure(_pejabat_realisasi, "required"),
}
