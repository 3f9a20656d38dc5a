"""Family 4, ``dalam dokumen``: a printed total or ratio against the printed figures it is made of.

For figures the raw data cannot recompute (the Renstra's funding tables,
the officials' targets; the population when penduduk.csv is absent), the
document can still be checked against itself, table by table (the same
``lokasi``); a figure family 3 recomputed is not checked again here:

- population: each village's L + P = its total, each column's JUMLAH = the
  sum of the villages, the table's L + P = its total;
- Renstra funding (TC-27, T-C.27: ``tc27_pagu``, ``tc27_usulan_pagu``):
  a programme or activity = the sum of its printed activities or
  sub-activities (only when every one of them is printed for that year),
  the ``tujuan`` row = the sum of the programmes, the end-of-period column
  = the sum of the yearly columns;
- ratios: a non-contract indicator's capaian = realisasi / target x 100
  (``capaian:<id>``); an official's capaian = realisasi / target x 100, the
  official's mean capaian, the official's budget absorption.

The printed figure is ``dipublikasikan``, the sum or ratio of the printed
parts is ``dihitung``; the tolerance is the rule of
:mod:`lkjip.contract.rules.printed`, and a difference gets its likely cause like
every other.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from lkjip.audit.causes import Part
from lkjip.audit.frames import _text, _year
from lkjip.audit.labels import chapter_of, unit_of
from lkjip.audit.published import PLACE_COLUMNS, _row_decimals, hider, uraian_of
from lkjip.audit.result import FAMILY_DOCUMENT, FAMILY_PUBLISHED, TIDAK_DIPERIKSA, Evidence, _Rows


class _Table:
    """The printed figures of one place of the document, by (id, year)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.show_nip = False
        self.compared: set = set()
        self.by: dict[tuple[str, int], dict] = {}
        for r in rows:
            self.by.setdefault((_text(r["indikator"]), int(r["tahun"])), r)

    def value(self, ind: str, tahun: int) -> float | None:
        r = self.by.get((ind, tahun))
        if r is None or pd.isna(r["nilai"]):
            return None
        return float(r["nilai"])

    def ids(self, prefix: str) -> list[tuple[str, int]]:
        return [k for k in self.by if k[0].startswith(prefix)]


def _add(out: _Rows, table: _Table, subject: tuple[str, int], parts: list[tuple[str, float]], what: str,
         computed: float | None = None, label: str = "jumlah rinciannya") -> None:
    r = table.by[subject]
    if r.get("baris") in table.compared:
        return  # recomputed from data already (family 3): its own parts would only repeat that finding
    hide = hider(table.show_nip, r)
    total = sum(v for _, v in parts) if computed is None else computed
    ind = subject[0]
    lokasi = _text(r.get("lokasi")) or None
    detail = {c: (hide(_text(r.get(c))) or None) for c in PLACE_COLUMNS}
    ukuran = _text(r.get("ukuran")).lower() or "realisasi"
    detail.update(indikator=hide(ind), tahun=int(r["tahun"]), ukuran=ukuran, bab=chapter_of(lokasi) or None,
                  uraian=hide(f"{uraian_of(r)} terhadap {what}"))
    sumber = _text(r.get("sumber")) or None
    out.add(FAMILY_DOCUMENT, "published", hide(f"{ind} ({ukuran}) - {lokasi or sumber}: {what}"), r["nilai"], total,
            berkas=out.berkas("published"), baris=r.get("baris"), sumber=sumber, decimals=_row_decimals(r),
            evidence=lambda: Evidence(tuple(Part(p, v) for p, v in parts) if computed is None else (),
                                      unit=unit_of(ind), computed_label=label),
            sumber_hitungan=f"angka tercetak di {lokasi}" if lokasi else None, **detail)


def _population(out: _Rows, t: _Table) -> None:
    cells = t.ids("penduduk:")
    years = sorted({y for _, y in cells})
    for y in years:
        desa = sorted({i.split(":")[1] for i, yy in cells if yy == y})
        for d in desa:
            lk, pr = t.value(f"penduduk:{d}:laki_laki", y), t.value(f"penduduk:{d}:perempuan", y)
            if (f"penduduk:{d}:jumlah", y) in t.by and lk is not None and pr is not None:
                _add(out, t, (f"penduduk:{d}:jumlah", y), [("laki-laki", lk), ("perempuan", pr)],
                     "laki-laki + perempuan")
        for k, total_id in (("laki_laki", "jumlah_penduduk:laki_laki"), ("perempuan", "jumlah_penduduk:perempuan"),
                            ("jumlah", "jumlah_penduduk")):
            values = [(d.replace("_", " ").title(), t.value(f"penduduk:{d}:{k}", y)) for d in desa]
            if (total_id, y) in t.by and values and all(v is not None for _, v in values):
                _add(out, t, (total_id, y), values, "jumlah baris desa")


def _children(keys: Iterable[str], key: str) -> list[str]:
    want = {3: 5, 5: 6}.get(key.count(".") + 1)
    return [k for k in keys if k.startswith(key + ".") and k.count(".") + 1 == want]


def _renstra(out: _Rows, t: _Table) -> None:
    for fam in ("tc27_pagu", "tc27_usulan_pagu"):
        cells = t.ids(fam + ":")
        if not cells:
            continue
        keys = sorted({i.split(":", 1)[1] for i, _ in cells})
        # every row printed in the table is a child, also one whose yearly cells are merged
        all_keys = sorted({_text(r["indikator"]).split(":")[1] for r in t.rows
                           if _text(r["indikator"]).startswith("tc27_")})
        codes = [k for k in all_keys if k[:1].isdigit()]
        years = sorted({y for _, y in cells})
        programmes = [k for k in codes if k.count(".") == 2]
        for y in years:
            for k in [*codes, "tujuan"]:
                kids = programmes if k == "tujuan" else _children(codes, k)
                if not kids or (f"{fam}:{k}", y) not in t.by:
                    continue
                values = [(c, t.value(f"{fam}:{c}", y)) for c in kids]
                if all(v is not None for _, v in values):
                    _add(out, t, (f"{fam}:{k}", y), values, f"jumlah {'program' if k == 'tujuan' else 'rincian'} "
                                                            f"tahun {y}")
        for k in keys:
            akhir = [kk for kk in t.by if kk[0] == f"{fam}_akhir:{k}"]
            if not akhir:
                continue
            values = [(f"tahun {y}", t.value(f"{fam}:{k}", y)) for y in years]
            if all(v is not None for _, v in values):
                _add(out, t, akhir[0], values, f"jumlah tahun {years[0]}-{years[-1]}")


def _ratio_parts(num: float | None, den: float | None) -> float | None:
    if num is None or den is None or den == 0:
        return None
    return num / den * 100.0


def _ratios(out: _Rows, t: _Table) -> None:
    for ind, y in t.ids("capaian:"):
        base = ind.split(":", 1)[1]
        val = _ratio_parts(t.value(base, y), t.value(f"target:{base}", y))
        if val is not None:
            _add(out, t, (ind, y), [], "realisasi dibagi target yang tercetak", computed=val,
                 label="realisasi tercetak dibagi target tercetak")
    caps: dict[tuple[str, int], list[float]] = {}
    for ind, y in t.ids("pejabat_capaian:"):
        _, jab, what = ind.split(":", 2)
        val = _ratio_parts(t.value(f"pejabat_realisasi:{jab}:{what}", y), t.value(f"pejabat_target:{jab}:{what}", y))
        if t.value(ind, y) is not None:
            caps.setdefault((jab, y), []).append(t.value(ind, y))
        if val is not None:
            _add(out, t, (ind, y), [], "realisasi dibagi target yang tercetak", computed=val,
                 label="realisasi tercetak dibagi target tercetak")
    for (jab, y), values in caps.items():
        if (f"pejabat_rata_capaian:{jab}", y) in t.by and values:
            _add(out, t, (f"pejabat_rata_capaian:{jab}", y), [], "rata-rata capaian yang tercetak",
                 computed=sum(values) / len(values), label=f"rata-rata {len(values)} capaian tercetak")
    for ind, y in t.ids("pejabat_penyerapan:"):
        jab = ind.split(":", 1)[1]
        val = _ratio_parts(t.value(f"pejabat_realisasi_anggaran:{jab}", y), t.value(f"pejabat_anggaran:{jab}", y))
        if val is not None:
            _add(out, t, (ind, y), [], "realisasi anggaran dibagi anggaran yang tercetak", computed=val,
                 label="realisasi anggaran tercetak dibagi anggaran tercetak")


def _document_checks(rows: list[dict], out: _Rows, show_nip: bool = False) -> None:
    """Add family 4's rows for the audit's published rows (:func:`lkjip.audit.published.records`),
    for the figures that family 3 could not recompute."""
    compared = {row["baris"] for row in out.rows
                if row["pemeriksaan"] == FAMILY_PUBLISHED and row["status"] != TIDAK_DIPERIKSA}
    places: dict[str, list[dict]] = {}
    for r in rows:
        lokasi = _text(r.get("lokasi"))
        tahun = _year(r.get("tahun"))
        if lokasi and tahun is not None:
            places.setdefault(lokasi, []).append({**r, "tahun": tahun})
    for group in places.values():
        t = _Table(group)
        t.show_nip, t.compared = show_nip, compared
        _population(out, t)
        _renstra(out, t)
        _ratios(out, t)
