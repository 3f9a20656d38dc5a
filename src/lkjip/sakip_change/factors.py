"""Possible drivers next to the component they may drive (association, not proof).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

from lkjip.sakip_change.score_change import Decomposition, _has_sakip, decomposition, sakip_years
from lkjip.sakip_change.stake import next_predicate
from lkjip.sakip_change.vacancy import Vacancy, vacancy_by_month
from lkjip.contract.fmt import fmt_number, fmt_pct, fmt_rupiah, fmt_rupiah_short, fmt_signed, is_missing
from lkjip.contract.rules import DOCUMENT_LABELS, SAKIP_COMPONENT_NAMES, SAKIP_PREDIKAT, SAKIP_SCORE_DECIMALS, tolerance
from lkjip.indicators.sakip import sakip_predicate, sakip_score
from lkjip.indicators.budget import budget_hierarchy, is_descendant
from lkjip.indicators.ipasn import ipasn_summary
from lkjip.indicators.targets import multi_year

#: The activity that finances planning and performance evaluation
#: (Permendagri 90/2019 nomenclature): "Perencanaan, Penganggaran, dan
#: Evaluasi Kinerja Perangkat Daerah" and its sub-activities.
PLANNING_ACTIVITY = "7.01.01.2.01"


#: Which SAKIP components a driver may plausibly act on. This is an analytic
#: assumption stated openly (the published LKjIP 2023 calls the Kasubag Penyusunan
#: Program dan Keuangan the driver of AKIP work: planning and internal
#: evaluation); it links a driver to a component, it proves nothing.
DRIVER_COMPONENTS: dict[str, tuple[str, ...]] = {
    "jabatan": ("perencanaan", "evaluasi_internal"),
    "ipasn": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
    "anggaran": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
    "target": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
}


#: A sub-activity of :data:`PLANNING_ACTIVITY` is linked to components by a
#: word of its name (first match wins).
SUBACTIVITY_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("perencanaan", ("perencanaan",)),
    ("evaluasi", ("pelaporan", "evaluasi_internal")),
    ("laporan", ("pelaporan",)),
    ("pengukuran", ("pengukuran",)),
)


# --------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------


CAUTION = (
    "**Perhatian:** faktor pendorong hanya menunjukkan keterkaitan (asosiasi) "
    "antara suatu keadaan dan komponen SAKIP yang mungkin dipengaruhinya, bukan bukti "
    "sebab-akibat. Hanya dua tahun yang dibandingkan dan banyak hal berubah bersamaan "
    "(termasuk cara penilaian); gunakan sebagai bahan pemeriksaan, bukan kesimpulan."
)


@dataclass(frozen=True)
class Drivers:
    """Possible drivers of the change, each next to the component(s) it may drive.

    ``kaitan``: faktor, temuan, komponen_terkait, perubahan_komponen (text),
    arah (:func:`direction_label`: did the factor move with the linked score?);
    ``kekosongan``: :class:`Vacancy` per year analysed; ``ipasn``: per year
    the IP ASN mean, category and dimension means; ``anggaran``: the planning
    and evaluation activity and its sub-activities per year; ``target``:
    SAKIP against its effective target and the predicate bands over every
    year with data; ``peringatan``: the association-not-proof caution.
    """

    tahun_awal: int
    tahun_akhir: int
    kaitan: pd.DataFrame
    kekosongan: dict[int, Vacancy]
    ipasn: pd.DataFrame
    anggaran: pd.DataFrame
    target: pd.DataFrame
    catatan: list[str] = field(default_factory=list)
    peringatan: str = CAUTION


def _components_text(keys: Iterable[str]) -> str:
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return "Semua komponen (nilai total)"
    return "; ".join(SAKIP_COMPONENT_NAMES.get(k, k) for k in keys)


def _changes_text(dec: Decomposition | None, keys: Iterable[str]) -> str:
    if dec is None:
        return ""
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return f"total {fmt_signed(dec.perubahan)}"
    k = dec.komponen.set_index("komponen")
    return "; ".join(f"{SAKIP_COMPONENT_NAMES.get(c, c)} {fmt_signed(k.loc[c, 'perubahan'])}"
                     for c in keys if c in k.index)


def _linked_change(dec: Decomposition | None, keys: Iterable[str]) -> float:
    if dec is None:
        return math.nan
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return dec.perubahan
    k = dec.komponen.set_index("komponen")
    vals = [k.loc[c, "perubahan"] for c in keys if c in k.index]
    return math.fsum(vals) if vals else math.nan


def direction_label(improvement: float, linked_change: float) -> str:
    """``"sejalan"`` when a factor improved where the linked score rose (or
    worsened where it fell), ``"berlawanan"`` otherwise; '' when unknown.

    >>> direction_label(2.0, -0.5), direction_label(-1.0, -0.5), direction_label(0.0, -0.5)
    ('berlawanan', 'sejalan', 'faktor tidak berubah')
    """
    if is_missing(improvement) or is_missing(linked_change):
        return ""
    if abs(improvement) < tolerance(2):
        return "faktor tidak berubah"
    if abs(linked_change) < tolerance(SAKIP_SCORE_DECIMALS):
        return "nilai komponen tidak berubah"
    return "sejalan" if improvement * linked_change > 0 else "berlawanan"


def ipasn_by_year(pegawai_by_year: Mapping[int, pd.DataFrame | None],
                  years: Iterable[int]) -> pd.DataFrame:
    """IP ASN mean, category, number measured and dimension means per year."""
    rows = []
    for y in years:
        p = pegawai_by_year.get(y)
        if p is None or not len(p):
            continue
        try:
            r = ipasn_summary(p, int(y))
        except ValueError:  # a file mixing assessment years: validation names the rows
            r = ipasn_summary(p)
        row = {"tahun": int(y), "tahun_penilaian": getattr(r, "tahun_penilaian", None),
               "nilai": r.nilai, "kategori": r.kategori,
               "jumlah_diukur": r.jumlah_diukur, "tidak_diukur": len(r.tidak_diukur)}
        for _, d in r.rata_dimensi.iterrows():
            row[f"rata_{d['dimensi']}"] = d["rata_rata"]
        rows.append(row)
    return pd.DataFrame(rows)


def planning_budget(anggaran_by_year: Mapping[int, pd.DataFrame | None], years: Iterable[int],
                    code: str = PLANNING_ACTIVITY) -> pd.DataFrame:
    """The activity ``code`` and its sub-activities per year (budget hierarchy rows)."""
    parts = []
    for y in years:
        a = anggaran_by_year.get(y)
        if a is None or not len(a):
            continue
        h = budget_hierarchy(a)
        sel = h[[(k == code) or is_descendant(k, code) for k in h["kode"]]].copy()
        if len(sel):
            sel.insert(0, "tahun", int(y))
            parts.append(sel[["tahun", "kode", "uraian", "tingkat", "pagu", "realisasi", "persen"]])
    cols = ["tahun", "kode", "uraian", "tingkat", "pagu", "realisasi", "persen"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def target_history(sakip_by_year: Mapping[int, pd.DataFrame | None],
                   targets: pd.DataFrame | None) -> pd.DataFrame:
    """SAKIP against its effective target and the predicate bands, every year with data.

    Columns: tahun, nilai, predikat, target, dokumen, capaian_pct,
    selisih_target, batas_bawah (lower edge of its predicate, exclusive),
    jarak_batas_bawah, predikat_berikutnya, kebutuhan_berikutnya.
    """
    years = sakip_years(sakip_by_year)
    real = {y: sakip_score(sakip_by_year[y]).nilai for y in years}
    t = multi_year(targets if targets is not None else pd.DataFrame(), "sakip", real, years=years)
    bands = {b.label: b.lower for b in SAKIP_PREDIKAT.bands}
    t["predikat"] = [sakip_predicate(v) for v in t["realisasi"]]
    t["selisih_target"] = t["realisasi"] - t["target"]
    t["batas_bawah"] = [max(bands.get(p, math.nan), 0.0) if p else math.nan for p in t["predikat"]]
    t["jarak_batas_bawah"] = t["realisasi"] - t["batas_bawah"]
    nxt = [next_predicate(v) for v in t["realisasi"]]
    t["predikat_berikutnya"] = [n.predikat for n in nxt]
    t["kebutuhan_berikutnya"] = [n.kebutuhan for n in nxt]
    return t.rename(columns={"realisasi": "nilai"})[
        ["tahun", "nilai", "predikat", "target", "dokumen", "capaian_pct", "selisih_target",
         "batas_bawah", "jarak_batas_bawah", "predikat_berikutnya", "kebutuhan_berikutnya"]]


def drivers(before_year: int, after_year: int, *,
            sakip: Mapping[int, pd.DataFrame | None],
            pegawai: Mapping[int, pd.DataFrame | None] | None = None,
            anggaran: Mapping[int, pd.DataFrame | None] | None = None,
            targets: pd.DataFrame | None = None,
            activity: str = PLANNING_ACTIVITY) -> Drivers:
    """Possible drivers of the change between ``before_year`` and ``after_year``.

    ``sakip``, ``pegawai`` and ``anggaran`` map a year to its frame (years
    may be missing; what cannot be computed is said in ``catatan``).
    """
    y0, y1 = int(before_year), int(after_year)
    pegawai = pegawai or {}
    anggaran = anggaran or {}
    notes: list[str] = []
    dec = None
    if _has_sakip(sakip.get(y0)) and _has_sakip(sakip.get(y1)):
        dec = decomposition(sakip[y0], sakip[y1], y0, y1)
    kaitan = []

    # structural positions
    vac: dict[int, Vacancy] = {}
    for y in (y0, y1):
        if pegawai.get(y) is not None:
            vac[y] = vacancy_by_month(pegawai[y], y, pegawai.get(y - 1))
        else:
            notes.append(f"Data pegawai tahun {y} tidak ada: kekosongan jabatan dan IP ASN tahun itu "
                         "tidak dapat dihitung.")
    if vac:
        parts = []
        for y, v in vac.items():
            vacant = v.per_jabatan[v.per_jabatan["bulan_kosong"] > 0]
            if len(vacant):
                parts.append(f"{y}: {v.bulan_kosong} bulan-jabatan kosong ("
                             + "; ".join(f"{j} {t}" for j, t in
                                         zip(vacant["jabatan"], vacant["bulan_kosong_teks"])) + ")")
            else:
                parts.append(f"{y}: tidak ada jabatan struktural yang kosong menurut data pegawai")
            for _, c in v.pergantian.iterrows():
                what = ("tidak ada pejabat" if int(c["pejabat_tahun_ini"]) == 0
                        else "pergantian pejabat")
                parts.append(f"{y}: {what} {c['jabatan']} ({c['keterangan']})")
        keys = DRIVER_COMPONENTS["jabatan"]
        better = (vac[y0].bulan_kosong - vac[y1].bulan_kosong) if (y0 in vac and y1 in vac) else math.nan
        kaitan.append({"faktor": "Kekosongan dan pergantian jabatan struktural",
                       "temuan": "; ".join(parts), "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(better, _linked_change(dec, keys))})

    # IP ASN
    ip = ipasn_by_year(pegawai, (y0, y1))
    if len(ip):
        got = {int(r["tahun"]): r for _, r in ip.iterrows()}
        d = math.nan
        off = {y: int(got[y]["tahun_penilaian"]) for y in got
               if not is_missing(got[y].get("tahun_penilaian")) and int(got[y]["tahun_penilaian"]) != y}
        if off:
            notes.append("IP ASN tidak dibandingkan dengan perubahan nilai SAKIP karena tahun "
                         "pengukurannya tidak sama dengan tahun data: "
                         + "; ".join(f"data {y} memuat hasil pengukuran {m}" for y, m in sorted(off.items()))
                         + ".")
            got = {}
    if len(ip) and got:
        if y0 in got and y1 in got:
            d = got[y1]["nilai"] - got[y0]["nilai"]
            text = (f"rata-rata IP ASN {fmt_number(got[y0]['nilai'])} ({got[y0]['kategori']}, {y0}) "
                    f"menjadi {fmt_number(got[y1]['nilai'])} ({got[y1]['kategori']}, {y1}), "
                    f"perubahan {fmt_signed(d)}")
        else:
            y = next(iter(got))
            text = (f"hanya tahun {y}: rata-rata IP ASN {fmt_number(got[y]['nilai'])} "
                    f"({got[y]['kategori']})")
        keys = DRIVER_COMPONENTS["ipasn"]
        kaitan.append({"faktor": "Indeks Profesionalitas ASN", "temuan": text,
                       "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(d, _linked_change(dec, keys))})

    # planning and evaluation budget
    bud = planning_budget(anggaran, (y0, y1), activity)
    for y in (y0, y1):
        if anggaran.get(y) is None:
            notes.append(f"Data anggaran tahun {y} tidak ada.")
        elif not (bud["tahun"] == y).any():
            notes.append(f"Kegiatan {activity} tidak ada pada data anggaran tahun {y}.")
    if len(bud):
        act = bud[bud["kode"] == activity]
        text = budget_level_text(act, y0, y1)
        name = act["uraian"].dropna().iloc[0] if act["uraian"].notna().any() else activity
        keys = DRIVER_COMPONENTS["anggaran"]
        kaitan.append({"faktor": f"Anggaran kegiatan {activity} {name}", "temuan": text,
                       "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(_pagu_change(act, y0, y1),
                                               _linked_change(dec, keys))})
        subs = bud[bud["kode"] != activity]
        for code, g in subs.groupby("kode", sort=False):
            uraian = g["uraian"].dropna().iloc[0] if g["uraian"].notna().any() else code
            keys = next((c for w, c in SUBACTIVITY_KEYWORDS if w in str(uraian).lower()),
                        DRIVER_COMPONENTS["anggaran"])
            text = budget_level_text(g, y0, y1)
            kaitan.append({"faktor": f"Sub kegiatan {code} {uraian}", "temuan": text,
                           "komponen_terkait": _components_text(keys),
                           "perubahan_komponen": _changes_text(dec, keys),
                           "arah": direction_label(_pagu_change(g, y0, y1),
                                                   _linked_change(dec, keys))})

    # target and predicate bands
    tgt = target_history(sakip, targets)
    row = tgt[tgt["tahun"] == y1]
    if len(row) and pd.notna(row["target"].iloc[0]):
        r = row.iloc[0]
        text = (f"{y1}: nilai {fmt_number(r['nilai'])} terhadap target {fmt_number(r['target'])} "
                f"({_doc_label(r['dokumen'])}), capaian {fmt_pct(r['capaian_pct'])}, "
                f"selisih {fmt_signed(r['selisih_target'])}")
        prev = tgt[tgt["tahun"] == y0]
        if len(prev) and pd.notna(prev["target"].iloc[0]):
            p = prev.iloc[0]
            text += (f"; {y0}: nilai {fmt_number(p['nilai'])} terhadap target "
                     f"{fmt_number(p['target'])}, selisih {fmt_signed(p['selisih_target'])}")
        # a target is context (what was aimed at), not a cause of the score: not in ``kaitan``
    elif targets is None or not len(targets):
        notes.append("Data target tidak ada: nilai SAKIP tidak dapat dibandingkan dengan targetnya.")
    else:
        notes.append(f"Target nilai SAKIP tahun {y1} tidak ada pada data target.")
    for v in vac.values():
        notes.extend(v.catatan)
    kt = pd.DataFrame(kaitan, columns=["faktor", "temuan", "komponen_terkait", "perubahan_komponen",
                                       "arah"])
    return Drivers(y0, y1, kt, vac, ip, bud, tgt, list(dict.fromkeys(notes)))


def _pagu_change(rows: pd.DataFrame, y0: int, y1: int) -> float:
    by = {int(t): p for t, p in zip(rows["tahun"], rows["pagu"])}
    return by[y1] - by[y0] if (y0 in by and y1 in by) else math.nan


def budget_level_text(rows: pd.DataFrame, y0: int, y1: int) -> str:
    """The budget as a level and its change, then its absorption (one activity's rows by year).

    >>> r = pd.DataFrame({"tahun": [2022, 2023], "pagu": [11_370_000.0, 9_700_000.0],
    ...                   "realisasi": [10_582_300.0, 9_660_000.0], "persen": [93.07, 99.59]})
    >>> budget_level_text(r, 2022, 2023)
    'pagu Rp 11,37 jt (2022) menjadi Rp 9,70 jt (2023), berubah -14,7%; penyerapan 93,07% (2022) dan 99,59% (2023)'
    """
    by = {int(r["tahun"]): r for _, r in rows.iterrows()}
    if y0 in by and y1 in by:
        a, b = float(by[y0]["pagu"]), float(by[y1]["pagu"])
        ch = (b - a) / a * 100.0 if a else math.nan
        return (f"pagu {fmt_rupiah_short(a)} ({y0}) menjadi {fmt_rupiah_short(b)} ({y1}), berubah "
                f"{fmt_signed(ch, 1)}%; penyerapan {fmt_pct(by[y0]['persen'])} ({y0}) dan "
                f"{fmt_pct(by[y1]['persen'])} ({y1})")
    return "; ".join(f"{y}: pagu {fmt_rupiah(r['pagu'])}, penyerapan {fmt_pct(r['persen'])}"
                     for y, r in sorted(by.items()))


def _absorption_change(rows: pd.DataFrame, y0: int, y1: int) -> float:
    by = {int(t): p for t, p in zip(rows["tahun"], rows["persen"])}
    return by[y1] - by[y0] if (y0 in by and y1 in by) else math.nan


def _doc_label(doc: object) -> str:
    return DOCUMENT_LABELS.get(str(doc), str(doc)) if not is_missing(doc) else "–"
