"""The unit's SAKIP change against the kabupaten: rank, all OPD's changes, its peer group.

Input: the kabupaten's ``sakip_opd`` frame (:mod:`lkjip.inputs.sakip_opd`; rank-only rows allowed).
Output: :class:`PeerContext` with plain sentences and a conclusion:

- ``"kabupaten"``: more than :data:`~lkjip.contract.rules.sakip_context.KABUPATEN_WIDE_SHARE` of the
  other OPD compared fell on the component the unit lost most on (on the total when components are
  not known): a kabupaten-wide change of assessment rather than a local cause;
- ``"lokal"``: the unit fell while most other OPD did not;
- ``""``: not concluded (too few OPD with both years, or ranks only), with the evidence that would decide.

>>> import pandas as pd
>>> f = pd.DataFrame({"opd": ["A", "A", "B", "B", "C", "C", "D", "D"], "jenis": ["kecamatan"] * 8,
...                   "tahun": [1, 2] * 4, "nilai": [80, 79, 70, 69, 60, 59.5, 50, 51]})
>>> c = peer_context(f, ("a",), 1, 2)
>>> c.kesimpulan, c.jumlah_turun_lain, c.jumlah_lain
('kabupaten', 2, 3)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from lkjip.contract.fmt import fmt_int, fmt_signed, is_missing
from lkjip.contract.markup import md_text
from lkjip.contract.rules import EPS, SAKIP_COMPONENT_NAMES, SAKIP_COMPONENTS
from lkjip.contract.rules.sakip_context import KABUPATEN_MIN_UNITS, KABUPATEN_WIDE_SHARE

KABUPATEN = "kabupaten"
LOKAL = "lokal"


@dataclass(frozen=True)
class PeerContext:
    """The unit among the kabupaten's OPD in two years (see the module docstring)."""

    ada: bool
    tahun_awal: int
    tahun_akhir: int
    unit_awal: dict | None = None
    unit_akhir: dict | None = None
    perubahan: pd.DataFrame = field(default_factory=pd.DataFrame)
    komponen: str | None = None
    jumlah_lain: int = 0
    jumlah_turun_lain: int = 0
    kesimpulan: str = ""
    kalimat: list[str] = field(default_factory=list)
    bukti_penentu: str = ""


def opd_key(text: object) -> str:
    """An OPD name or unit code for matching: spacing and case ignored."""
    return " ".join(str(text).split()).casefold()


def _row(frame: pd.DataFrame, names: set[str], year: int) -> dict | None:
    hit = frame[[(opd_key(o) in names) and int(t) == year for o, t in zip(frame["opd"], frame["tahun"])]]
    return None if not len(hit) else hit.iloc[0].to_dict()


def _val(row: dict | None, col: str) -> float:
    if row is None or col not in row or is_missing(row[col]):
        return math.nan
    return float(row[col])


def changes(frame: pd.DataFrame, y0: int, y1: int) -> pd.DataFrame:
    """One row per OPD with a value both years: opd, jenis, nilai_awal, nilai_akhir, perubahan and
    ``perubahan_<komponen>`` (NaN when a component is not known both years)."""
    rows = []
    for _, g in frame.groupby(frame["opd"].map(opd_key), sort=True):
        a = g[g["tahun"].astype(int) == y0]
        b = g[g["tahun"].astype(int) == y1]
        if not len(a) or not len(b):
            continue
        a, b = a.iloc[0], b.iloc[0]
        if is_missing(a.get("nilai")) or is_missing(b.get("nilai")):
            continue
        r = {"opd": b["opd"], "jenis": b.get("jenis") or a.get("jenis"),
             "nilai_awal": float(a["nilai"]), "nilai_akhir": float(b["nilai"]),
             "perubahan": float(b["nilai"]) - float(a["nilai"])}
        for k in SAKIP_COMPONENTS:
            va, vb = a.get(k), b.get(k)
            r[f"perubahan_{k}"] = math.nan if is_missing(va) or is_missing(vb) else float(vb) - float(va)
        rows.append(r)
    cols = ["opd", "jenis", "nilai_awal", "nilai_akhir", "perubahan",
            *(f"perubahan_{k}" for k in SAKIP_COMPONENTS)]
    return pd.DataFrame(rows, columns=cols)


def _rank_text(row: dict | None, year: int) -> str:
    if row is None or is_missing(row.get("peringkat")):
        return ""
    s = f"peringkat {fmt_int(row['peringkat'])}"
    if not is_missing(row.get("jumlah_opd")):
        s += f" dari {fmt_int(row['jumlah_opd'])} OPD"
    s += f" ({year})"
    return s


def peer_context(frame: pd.DataFrame | None, names: Iterable[str], y0: int, y1: int,
                 unit_changes: dict[str, float] | None = None) -> PeerContext:
    """The unit (any of ``names``: code or name) among the kabupaten's OPD between ``y0`` and ``y1``.

    ``unit_changes``: the unit's own component changes (from its evaluation data) when the
    kabupaten file does not give its components.
    """
    y0, y1 = int(y0), int(y1)
    decide = (f"nilai SAKIP (dan bila ada nilai per komponen) semua OPD kabupaten tahun {y0} dan {y1}, "
              "dari laporan hasil evaluasi (LHE) SAKIP kabupaten")
    if frame is None or not len(frame):
        return PeerContext(False, y0, y1, bukti_penentu=decide)
    keys = {opd_key(n) for n in names if n}
    ua, ub = _row(frame, keys, y0), _row(frame, keys, y1)
    if ua is None and ub is None:
        return PeerContext(False, y0, y1, kalimat=[
            "Unit ini tidak tercantum dalam data nilai SAKIP OPD kabupaten."], bukti_penentu=decide)
    said: list[str] = []
    ra, rb = _rank_text(ua, y0), _rank_text(ub, y1)
    jenis = (ub or ua or {}).get("jenis")
    if ra and rb:
        said.append(f"Di tingkat kabupaten, unit ini turun dari {ra} ke {rb}"
                    if int(ub["peringkat"]) > int(ua["peringkat"]) else
                    f"Di tingkat kabupaten, unit ini naik dari {ra} ke {rb}"
                    if int(ub["peringkat"]) < int(ua["peringkat"]) else
                    f"Di tingkat kabupaten, peringkat unit ini tetap: {ra} dan {rb}")
    elif ra or rb:
        said.append(f"Di tingkat kabupaten, unit ini berada pada {ra or rb}")
    for row, y in ((ua, y0), (ub, y1)):
        if row is not None and not is_missing(row.get("peringkat_jenis")) and jenis:
            pj = int(row["peringkat_jenis"])
            said.append(f"pada {y} " + (f"tertinggi di tingkat {jenis}" if pj == 1
                                        else f"peringkat {pj} di tingkat {jenis}"))
    if said:
        said = [said[0] + ("; " + "; ".join(said[1:]) if len(said) > 1 else "") + "."]
    ch = changes(frame, y0, y1)
    own = ch[ch["opd"].map(opd_key).isin(keys)]
    others = ch[~ch["opd"].map(opd_key).isin(keys)]
    unit_total = float(own["perubahan"].iloc[0]) if len(own) else \
        (_val(ub, "nilai") - _val(ua, "nilai"))
    comp_changes = {k: float(own[f"perubahan_{k}"].iloc[0]) for k in SAKIP_COMPONENTS
                    if len(own) and not is_missing(own[f"perubahan_{k}"].iloc[0])}
    if not comp_changes and unit_changes:
        comp_changes = {k: float(v) for k, v in unit_changes.items() if not is_missing(v)}
    if len(others):
        fell = int((others["perubahan"] < -EPS).sum())
        below = int((others["perubahan"] < unit_total - EPS).sum()) if not math.isnan(unit_total) else 0
        med = float(others["perubahan"].median())
        s = (f"Dari {len(others)} OPD lain yang nilainya diketahui pada kedua tahun, {fell} turun; "
             f"median perubahannya {fmt_signed(med)} poin")
        if not math.isnan(unit_total):
            s += (f", sedangkan unit ini {fmt_signed(unit_total)} poin ({below} OPD lain berubah "
                  "lebih buruk)")
        said.append(s + ".")
        if jenis:
            peers = others[others["jenis"].map(opd_key) == opd_key(jenis)]
            if len(peers):
                said.append(f"Rata-rata perubahan {len(peers)} OPD lain di kelompok {jenis}: "
                            f"{fmt_signed(peers['perubahan'].mean())} poin.")
    comp = None
    if comp_changes and min(comp_changes.values()) < -EPS:
        comp = min(comp_changes, key=lambda k: comp_changes[k])
    col = f"perubahan_{comp}" if comp else "perubahan"
    basis = others[others[col].notna()] if len(others) else others
    n, k_fell = len(basis), int((basis[col] < -EPS).sum()) if len(basis) else 0
    verdict = ""
    what = f"komponen {SAKIP_COMPONENT_NAMES[comp]}" if comp and comp != "perubahan" else "nilai total"
    if comp and not len(basis) and len(others):
        basis, col, what = others, "perubahan", "nilai total"
        n, k_fell = len(basis), int((basis[col] < -EPS).sum())
    if n >= KABUPATEN_MIN_UNITS and not math.isnan(unit_total) and unit_total < -EPS:
        if k_fell > KABUPATEN_WIDE_SHARE * n:
            verdict = KABUPATEN
            said.append(f"Kesimpulan: {what} turun pada {k_fell} dari {n} OPD lain, jadi penurunan ini "
                        "terjadi di sebagian besar kabupaten: lebih mungkin perubahan cara penilaian "
                        "tingkat kabupaten daripada sebab di unit ini saja.")
        else:
            verdict = LOKAL
            said.append(f"Kesimpulan: {what} hanya turun pada {k_fell} dari {n} OPD lain, jadi "
                        "penurunan ini khas unit ini: sebabnya lebih mungkin di unit sendiri daripada "
                        "perubahan cara penilaian tingkat kabupaten.")
    elif n < KABUPATEN_MIN_UNITS:
        said.append("Nilai OPD lain pada kedua tahun tidak cukup tersedia, sehingga belum dapat "
                    "disimpulkan apakah penurunan ini terjadi di seluruh kabupaten atau khas unit ini.")
    return PeerContext(True, y0, y1, ua, ub, ch, comp, n, k_fell, verdict, said,
                       "" if verdict else decide)


def peer_sentences(ctx: PeerContext) -> str:
    """The context as one Markdown paragraph (escaped: OPD kinds are data)."""
    return md_text(" ".join(ctx.kalimat))


def unit_names(code: str, name: str | None) -> tuple[str, ...]:
    """The names a unit is matched by in the kabupaten file: its code and its unit.yaml name."""
    return tuple(n for n in (code, name) if n)
