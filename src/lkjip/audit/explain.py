"""The evidence behind a published figure's difference: what else it may have been.

For a figure of family 3 that differs from its recomputed value,
:class:`Explainer` gathers (per figure family, from the data and from the
document itself):

- **stated alternatives** (cause ``pembulatan``): the IKM with the other
  weights in use (0,111 and the regulation's own rounding 0,11 of 1/9); a
  capaian, efficiency or progress computed from the figures printed next to
  it (the document's own rounded intermediates); the difference of two
  figures each rounded first;
- **other sources** (cause ``beda_sumber``): the same figure in the other
  years of the data, the budget by sub-activity instead of the LRA, the
  indicator's targets, a cumulative count printed beside it, the number of
  programmes/activities in the Renstra tables the document also prints;
- **the same figure printed elsewhere** (a digit slip against it);
- **the parts** of a printed total (a service's twelve months, a budget
  code's children);
- **periods** named in the figure's own description that are not its year.

:func:`lkjip.audit.causes.classify` then decides. Nothing here changes a
figure or a status.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from lkjip.audit.causes import BEDA_SUMBER, BEDA_TARGET, PEMBULATAN, TURUNAN, Candidate, Part
from lkjip.audit.context import Computed, Years, _Context
from lkjip.audit.figures import evaluate, family_of
from lkjip.audit.figures_detail import target_row, tc27_indicator
from lkjip.audit.frames import _text, _year
from lkjip.audit.labels import unit_of
from lkjip.audit.result import Evidence
from lkjip.contract.fmt import fmt_compact, round_number
from lkjip.contract.rules import DOCUMENT_LABELS, EPS, target_met
from lkjip.contract.rules.printed import decimals_of, tolerance
from lkjip.contract.schema import MONTH_NAMES, MONTHS
from lkjip.indicators.ikm import compute_ikm
from lkjip.indicators.targets import capaian

_DATE = re.compile(r"(?<!\d)(\d{1,2}/\d{1,2}/(\d{4}))(?!\d)")


def periods_in(text: object, year: int) -> tuple[str, ...]:
    """The period a description names when it is not ``year`` (``"01/01/2024 s.d. 30/01/2024"``).

    >>> periods_in("Nilai IKM 2023 (layar difilter 01/01/2024 s.d. 30/01/2024)", 2023)
    ('01/01/2024 s.d. 30/01/2024',)
    >>> periods_in("Nilai IKM 2023 (01/03/2023)", 2023)
    ()
    """
    dates = _DATE.findall(_text(text))
    if not dates or all(int(y) == int(year) for _, y in dates):
        return ()
    return (" s.d. ".join(d for d, _ in dates),)


def _num(v: object) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _key(r: dict) -> tuple[str, int, str]:
    return (_text(r["indikator"]), _year(r["tahun"]), _text(r.get("ukuran")).lower() or "realisasi")


class Explainer:
    """Evidence for the differences of one document's published figures (rows: plain dicts)."""

    def __init__(self, rows: list[dict], years: Years):
        self.years = years
        self._same: dict[tuple, list[dict]] = {}
        self._place: dict[tuple, list[dict]] = {}
        codes: set[str] = set()
        self._tc27_years: set[int] = set()
        self._kemajuan_printed: dict[int, tuple[str, list[float]]] = {}
        for r in rows:
            if _year(r.get("tahun")) is None:
                continue
            self._same.setdefault(_key(r), []).append(r)
            self._place.setdefault((_text(r.get("lokasi")), _text(r.get("baris_label"))), []).append(r)
            ind = _text(r["indikator"])
            if ind.startswith("tc27_pagu:"):
                codes.add(ind.split(":")[1])
                self._tc27_years.add(_year(r["tahun"]))
            if ind.startswith("kemajuan:") and not pd.isna(r.get("nilai")):
                lokasi, values = self._kemajuan_printed.setdefault(_year(r["tahun"]), (_text(r.get("lokasi")), []))
                values.append(_num(r["nilai"]))
        self._tc27_levels: dict[int, int] = {}
        for k in codes:
            if k[:1].isdigit():
                self._tc27_levels[k.count(".") + 1] = self._tc27_levels.get(k.count(".") + 1, 0) + 1
        self._ikm_alt: dict[int, list[tuple[float, str]]] = {}

    # -- helpers
    def _siblings(self, r: dict) -> list[dict]:
        if not _text(r.get("lokasi")):
            return []
        return self._place.get((_text(r.get("lokasi")), _text(r.get("baris_label"))), [])

    def _sibling(self, r: dict, ind: str, uk: str = "realisasi") -> float:
        """The figure ``ind`` (``uk``) printed in the same row of the same table, for the same year."""
        year = _year(r.get("tahun"))
        for s in self._siblings(r):
            if _text(s["indikator"]) == ind and (_text(s.get("ukuran")).lower() or "realisasi") == uk \
                    and _year(s.get("tahun")) == year:
                return _num(s["nilai"])
        return math.nan

    def _elsewhere(self, r: dict) -> tuple[Candidate, ...]:
        out, seen = [], {_num(r["nilai"])}
        for s in self._same.get(_key(r), []):
            v = _num(s["nilai"])
            if s is r or v in seen or math.isnan(v):
                continue
            seen.add(v)
            out.append(Candidate(BEDA_SUMBER, f"angka yang sama di {_text(s.get('lokasi')) or 'tempat lain'}", v))
        return tuple(out)

    def _other_years(self, ind: str, uk: str, tahun: int, computed: float) -> list[Candidate]:
        out = []
        for y in sorted(self.years.data_years(), key=lambda y: abs(y - tahun)):
            if y == tahun:
                continue
            v = evaluate(self.years.get(y), ind, uk)
            # a value every year shares (a count of Renstra years) tells nothing about this one
            if v.why is None and not math.isnan(v.value) and not _close(v.value, computed):
                out.append(Candidate(BEDA_SUMBER, f"nilai tahun {y} menurut data", v.value))
        return out

    def _targets(self, ctx: _Context, ind: str, tahun: int) -> list[Candidate]:
        """The indicator's targets: the year's effective one, the Renstra end target, then the rest by year."""
        ind = ctx.iku_code(ind)
        if ind is None:
            return []
        out = []
        eff = target_row(ctx, ind, None, tahun)
        if eff.why is None:
            out.append(Candidate(BEDA_SUMBER, f"target tahun {tahun}", eff.value))
        end = ctx.end_target(ind)
        if not pd.isna(end.target):
            out.append(Candidate(BEDA_SUMBER, f"target akhir Renstra ({end.tahun})", float(end.target)))
        hits = [(k, v) for k, v in ctx.target_index.items() if k[0] == ind]
        hits.sort(key=lambda kv: abs(kv[0][2] - tahun))
        out += [Candidate(BEDA_SUMBER, f"target {DOCUMENT_LABELS.get(doc, doc)} {y}", v)
                for (_, doc, y), (v, _) in hits]
        return out

    def _ikm_alternatives(self, ctx: _Context) -> list[tuple[float, str]]:
        # the IKM of the year's survey with the other weights in use; computed once per year
        if ctx.year not in self._ikm_alt:
            survey = ctx.d.get("ikm_survei")
            self._ikm_alt[ctx.year] = [] if survey is None else [
                (compute_ikm(survey, 0.111).ikm_x25, "hasil bobot unsur 0,111"),
                (compute_ikm(survey, 0.11).ikm_x25, "hasil bobot unsur 0,11 (1/9 dibulatkan dua desimal, seperti "
                                                    "NRR tertimbang di layar E-Sukma)")]
        return self._ikm_alt[ctx.year]

    # -- the evidence of one figure
    def __call__(self, r: dict, computed: Computed, ctx: _Context) -> Evidence:
        ind = _text(r["indikator"])
        uk = _text(r.get("ukuran")).lower() or "realisasi"
        tahun = _year(r["tahun"])
        fam = family_of(ind)
        arg = ind.partition(":")[2]
        stated: list[Candidate] = []
        sources: list[Candidate] = []
        parts: tuple[Part, ...] = ()

        code = ctx.iku_code(ind)
        if code is not None:
            stated, sources = self._indicator(r, ctx, code, uk, tahun)
        elif fam == "tingkat_efisiensi":
            cap, pen = self._sibling(r, arg, "capaian"), self._sibling(r, f"penyerapan_indikator:{arg}")
            c_cap = ctx.indicator(arg, "capaian_pct")
            fin = ctx.financing(arg)
            if not (math.isnan(cap) or math.isnan(pen)):
                pen_c = fin[1] / fin[0] * 100.0 if fin and fin[0] else math.nan
                stated.append(derived(f"capaian tercetak {_fmt(cap)} dikurangi penyerapan tercetak {_fmt(pen)}",
                                      cap - pen, [("capaian", cap, c_cap), ("penyerapan", pen, pen_c)]))
            if fin and fin[0] and not math.isnan(c_cap):
                pen_c = fin[1] / fin[0] * 100.0
                stated.append(Candidate(PEMBULATAN, "selisih capaian dan penyerapan yang masing-masing sudah "
                                        "dibulatkan dua desimal", round_number(c_cap, 2) - round_number(pen_c, 2)))
        elif fam == "kemajuan":
            stated, sources = self._kemajuan(r, arg)
        elif fam in ("nrr_tertimbang", "nrr_tertimbang_jumlah"):
            base = computed.value * 9.0
            for w, label in ((0.11, "bobot unsur 0,11 (1/9 dibulatkan dua desimal)"), (0.111, "bobot unsur 0,111")):
                stated.append(Candidate(PEMBULATAN, f"hasil {label}", base * w))
        elif fam in ("pagu_anggaran", "realisasi_anggaran_rp", "sisa_anggaran_rp") and ctx.lra is not None:
            p, rz = ctx.budget("total")
            alt = {"pagu_anggaran": p, "realisasi_anggaran_rp": rz, "sisa_anggaran_rp": p - rz}[fam]
            sources.append(Candidate(BEDA_SUMBER, "angka menurut data anggaran per sub kegiatan", alt))
        elif fam in ("lra_anggaran", "lra_realisasi", "lra_realisasi_tahun_lalu", "lra_persen") \
                and ctx.ltree is not None and arg in ctx.ltree.has_children:
            # compared with the parent row; the children's sum is the other figure it may come from
            if fam == "lra_persen":
                a, rz = ctx.lra_value(arg, "anggaran"), ctx.lra_value(arg, "realisasi")
                alt = rz / a * 100.0 if a else math.nan
            else:
                alt = ctx.lra_value(arg, fam.removeprefix("lra_"))
            if not _close(alt, computed.value):
                sources.append(Candidate(BEDA_SUMBER, f"angka dari jumlah rincian rekening {arg} (baris induknya "
                                         "di LRA tidak sama dengan jumlah rinciannya)", alt))
        elif fam in ("jumlah_program", "jumlah_kegiatan", "jumlah_sub_kegiatan"):
            level = {"jumlah_program": 3, "jumlah_kegiatan": 5, "jumlah_sub_kegiatan": 6}[fam]
            if level in self._tc27_levels:
                what = {3: "program", 5: "kegiatan", 6: "sub kegiatan"}[level]
                sources.append(Candidate(BEDA_SUMBER, f"jumlah {what} di tabel Renstra (TC-27) dokumen yang sama",
                                         float(self._tc27_levels[level])))
        elif fam in ("renstra_target", "pk_target", "pk_perubahan_target", "target") or fam.startswith("tc27_"):
            target_of = tc27_indicator(ctx, arg) if fam.startswith("tc27_") else arg
            if target_of:
                sources = [c for c in self._targets(ctx, target_of, tahun) if not _close(c.value, computed.value)]
        elif fam == "jumlah_layanan" and arg:
            row = ctx.paten_by_name.get(arg.lower())
            if row is not None:
                parts = tuple(Part(f"bulan {MONTH_NAMES[i]}", float(row[m])) for i, m in enumerate(MONTHS)
                              if m in row.index and pd.notna(row[m]))
        elif fam == "jumlah_layanan_bulan" and ctx.paten_body is not None and arg in ctx.paten_body.columns:
            body = ctx.paten_body
            parts = tuple(Part(_text(n), float(v)) for n, v in zip(body["layanan"], body[arg]) if pd.notna(v))
        elif fam in ("pagu", "realisasi") and ctx.atree is not None:
            col = "pagu" if fam == "pagu" else "realisasi"
            sel = ctx.atree.under(arg)
            parts = tuple(Part(f"{k} {_text(u)}", float(v)) for k, u, v in
                          zip(sel["_kode"], sel["uraian"], sel[col]) if pd.notna(v))

        elif fam == "renstra_jumlah_tahun" and self._tc27_years:
            sources.append(Candidate(BEDA_SUMBER, "jumlah tahun pendanaan di tabel Renstra (TC-27) dokumen yang "
                                     "sama", float(len(self._tc27_years))))
        elif fam == "jumlah_indikator_capai_target_akhir" and self._kemajuan_printed.get(tahun):
            lokasi, values = self._kemajuan_printed[tahun]
            sources.append(Candidate(BEDA_SUMBER, f"jumlah tingkat kemajuan tercetak yang mencapai 100% di {lokasi}",
                                     float(sum(1 for v in values if target_met(v)))))

        if code is None and fam not in ("renstra_target", "pk_target", "pk_perubahan_target") \
                and not fam.startswith("tc27_"):
            sources += self._other_years(ind, uk, tahun, computed.value)
        elsewhere = self._elsewhere(r)
        label = "hasil hitung ulang"
        if ind == "ikm" and uk == "realisasi" or fam in ("nrr_tertimbang", "nrr_tertimbang_jumlah"):
            label = "hasil hitung ulang dengan bobot 1/9 (PermenPAN-RB 14/2017)"
        return Evidence(parts=parts, candidates=tuple(stated + sources), elsewhere=elsewhere,
                        periods=self._periods(r, tahun), unit=_unit_of(ctx, code, ind), computed_label=label)

    def _periods(self, r: dict, tahun: int) -> tuple[str, ...]:
        """Periods named by the figure's own description or by a place printing the same value
        (Tabel 3.1.1's 97,33 is the E-Sukma screen's 97,33, whose filter names January 2024)."""
        found = list(periods_in(r.get("makna"), tahun))
        value = _num(r["nilai"])
        for s in self._same.get(_key(r), []):
            if s is not r and _close(_num(s["nilai"]), value):
                found += [p for p in periods_in(s.get("makna"), tahun) if p not in found]
        return tuple(found)

    def _indicator(self, r, ctx, ind, uk, tahun):
        stated: list[Candidate] = []
        sources: list[Candidate] = []
        weights = self._ikm_alternatives(ctx) if ind == "ikm" else []
        target = ctx.indicator(ind, "target")
        if uk == "realisasi":
            stated += [Candidate(PEMBULATAN, label, v) for v, label in weights]
            if ind == "realisasi_anggaran_pct" and ctx.lra is not None:
                p, rz = ctx.budget("total")
                if p:
                    sources.append(Candidate(BEDA_SUMBER, "persentase menurut data anggaran per sub kegiatan",
                                             rz / p * 100.0))
            sources += self._other_years(ind, uk, tahun, math.nan)
            sources += self._targets(ctx, ind, tahun)
        elif uk == "target":
            real = ctx.indicator(ind, "realisasi")
            if not math.isnan(real):
                sources.append(Candidate(BEDA_SUMBER, f"realisasi {tahun} menurut data", real))
            sources += [c for c in self._targets(ctx, ind, tahun) if c.label != f"target tahun {tahun}"]
        elif uk == "capaian" and not math.isnan(target) and target:
            real = self._sibling(r, ind, "realisasi")
            t_printed = self._sibling(r, ind, "target")
            t_use = t_printed if not math.isnan(t_printed) else target
            if not math.isnan(real):
                # by the indicator's polarity, as the unit computed it (lower is better: unit.yaml capaian_turun)
                polarity = ctx.polarity(ind)
                how = (f"realisasi tercetak {_fmt(real)} dibagi target {_fmt(t_use)}" if polarity == "higher" else
                       f"target {_fmt(t_use)} dibagi realisasi tercetak {_fmt(real)} (makin rendah makin baik)"
                       if ctx.lower_rule == "rasio" else
                       f"(2 x target {_fmt(t_use)} - realisasi tercetak {_fmt(real)}) dibagi target "
                       "(makin rendah makin baik)")
                value = capaian(real, t_use, polarity, ctx.lower_rule)
                # another target, not the year's printed with fewer decimals (84 for 84,1 is a rounding)
                if not math.isnan(t_printed) and abs(t_printed - target) > tolerance(decimals_of(t_printed)) + EPS:
                    stated.append(Candidate(BEDA_TARGET, f"{how}; target {_fmt(t_printed)} yang tercetak di tempat "
                                            f"yang sama bukan target tahun {tahun} ({_fmt(target)}), sehingga "
                                            "capaiannya dihitung terhadap target lain", value))
                else:
                    stated.append(derived(how, value, [("realisasi", real, ctx.indicator(ind, "realisasi"))]))
            stated += [Candidate(PEMBULATAN, f"capaian dari Nilai IKM {label[6:]}", v / target * 100.0)
                       for v, label in weights]
            if ind == "realisasi_anggaran_pct" and ctx.lra is not None:
                p, rz = ctx.budget("total")
                if p:
                    sources.append(Candidate(BEDA_SUMBER, "capaian dari persentase menurut data anggaran per sub "
                                             "kegiatan", rz / p * 100.0 / target * 100.0))
            sources += self._other_years(ind, uk, tahun, math.nan)
        return stated, sources

    def _kemajuan(self, r, ind):
        stated: list[Candidate] = []
        sources: list[Candidate] = []
        sib = [s for s in self._siblings(r) if s is not r]
        ids = [(_text(s["indikator"]), _text(s.get("ukuran")).lower() or "realisasi", s) for s in sib]
        reals = [(i, s) for i, u, s in ids if u == "realisasi" and not i.startswith(("kemajuan:", "target:"))]
        targets = [s for i, u, s in ids if u == "target" or i.startswith("target:")]
        if reals and targets:
            real_id, real = reals[0][0], _num(reals[0][1]["nilai"])
            target = _num(targets[0]["nilai"])
            if target and not math.isnan(real):
                same_measure = real_id == ind
                cand = Candidate(PEMBULATAN if same_measure else BEDA_SUMBER,
                                 f"realisasi tercetak {_fmt(real)} dibagi target akhir tercetak {_fmt(target)}"
                                 + ("" if same_measure else " (angka kumulatif, bukan realisasi tahun ini)"),
                                 real / target * 100.0)
                (stated if same_measure else sources).append(cand)
        return stated, sources


def derived(how: str, value: float, inputs: list[tuple[str, float, float]]) -> Candidate:
    """A value computed from printed figures (``inputs``: name, printed, recomputed): a ``turunan``
    candidate naming the printed inputs that themselves differ from their recomputed values (the
    difference is carried through, not made here), else a ``pembulatan`` one (rounded intermediates).

    >>> derived("capaian tercetak 102,99 dikurangi penyerapan tercetak 94,37", 8.62,
    ...         [("capaian", 102.99, 102.7513), ("penyerapan", 94.37, 94.3742)]).cause
    'turunan'
    >>> derived("x", 8.6, [("capaian", 102.75, 102.7513)]).cause
    'pembulatan'
    """
    off = [(name, printed, comp) for name, printed, comp in inputs
           if not (math.isnan(printed) or math.isnan(comp)) and abs(printed - round_number(comp, 2)) > tolerance(2) + EPS]
    if not off:
        return Candidate(PEMBULATAN, how, value)
    carried = "; ".join(f"{name} tercetak {_fmt(p)} sendiri berbeda dari hasil hitung ulang {_fmt(c)}"
                        for name, p, c in off)
    return Candidate(TURUNAN, f"{how}; selisihnya terbawa dari angka tercetak lain: {carried}", value)


def _unit_of(ctx: _Context, code: str | None, ind: str) -> str:
    """How the figure is written in a sentence; a unit's own IKU in ``persen`` takes ``%``."""
    own = ctx.iku.get(code) if code is not None else None
    if own is not None and own.builtin is None:
        return "%" if own.satuan.strip().lower() in ("persen", "%") else ""
    return unit_of(ind)


def _close(a: float, b: float) -> bool:
    return not (math.isnan(a) or math.isnan(b)) and abs(a - b) < EPS


def _fmt(v: float) -> str:
    return fmt_compact(v, 2)
