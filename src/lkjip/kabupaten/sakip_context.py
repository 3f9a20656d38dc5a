"""Each falling unit's SAKIP drop: kabupaten-wide or local? (the file the unit's analysis uses).

For every unit of the view whose SAKIP fell, :func:`lkjip.sakip_change.peer.peer_context` over the
kabupaten's published SAKIP of every OPD (optional ``data/raw/_kabupaten/sakip_opd.csv``), with the
units of the view added from their own evaluation data when the file does not list them. The
conclusion is the one the unit's own SAKIP analysis prints, so the two documents agree.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lkjip.contract.fmt import fmt_signed, is_missing, style_table
from lkjip.contract.rules import SAKIP_COMPONENT_NAMES
from lkjip.kabupaten.sakip import CHANGE_COLUMNS
from lkjip.sakip_change.peer import KABUPATEN, LOKAL, opd_key, peer_context

CONCLUSION_TEXT = {KABUPATEN: "perubahan penilaian tingkat kabupaten", LOKAL: "sebab di unit sendiri",
                   "": "belum dapat disimpulkan"}
COLUMNS = ("unit", "perubahan_sakip", "komponen", "opd_dibandingkan", "opd_turun", "kesimpulan")


def _with_units(sakip_opd: pd.DataFrame | None, table: pd.DataFrame, year: int,
                names: Mapping[str, str]) -> pd.DataFrame:
    frame = sakip_opd.copy() if sakip_opd is not None else pd.DataFrame(columns=["opd", "tahun", "nilai"])
    listed = {(opd_key(o), int(t)) for o, t in zip(frame["opd"], frame["tahun"])}
    extra = []
    for _, r in table.iterrows():
        keys = {opd_key(r["unit"]), opd_key(names.get(r["unit"], r["unit"]))}
        for y, col in ((year - 1, "sakip_tahun_lalu"), (year, "sakip")):
            if any((k, y) in listed for k in keys) or is_missing(r[col]):
                continue
            extra.append({"opd": r["unit"], "tahun": y, "nilai": float(r[col])})
    if extra:
        frame = pd.concat([frame, pd.DataFrame(extra)], ignore_index=True)
    return frame


def sakip_conclusions(table: pd.DataFrame, sakip_opd: pd.DataFrame | None, year: int,
                      names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per unit whose SAKIP fell: its change, the component it lost most on, the OPD
    compared, how many fell on it, and ``kesimpulan`` (``kabupaten``, ``lokal`` or '')."""
    names = names or {}
    frame = _with_units(sakip_opd, table, int(year), names)
    rows = []
    for _, r in table[table["turun"].astype(bool)].iterrows():
        own = {k: float(r[c]) for k, c in CHANGE_COLUMNS.items() if not is_missing(r[c])}
        ctx = peer_context(frame, (r["unit"], names.get(r["unit"], "")), int(year) - 1, int(year), own)
        rows.append({"unit": r["unit"], "perubahan_sakip": float(r["perubahan_sakip"]),
                     "komponen": ctx.komponen or "", "opd_dibandingkan": ctx.jumlah_lain,
                     "opd_turun": ctx.jumlah_turun_lain, "kesimpulan": ctx.kesimpulan})
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    return out.sort_values("perubahan_sakip", kind="stable").reset_index(drop=True)


def tabel_kesimpulan(conclusions: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The conclusions for readers (Indonesian headers, unit names, component names)."""
    names = names or {}
    c = conclusions
    out = pd.DataFrame({
        "Unit": [names.get(u, u) for u in c["unit"]],
        "Perubahan SAKIP": c["perubahan_sakip"],
        "Komponen penurunan terbesar": [SAKIP_COMPONENT_NAMES.get(k, "nilai total") if k else "nilai total"
                                        for k in c["komponen"]],
        "OPD lain dibandingkan": c["opd_dibandingkan"],
        "OPD lain yang turun pada komponen itu": c["opd_turun"],
        "Kesimpulan": [CONCLUSION_TEXT.get(k, k) for k in c["kesimpulan"]],
    })
    return style_table(out, {"Perubahan SAKIP": fmt_signed, "OPD lain dibandingkan": "int",
                             "OPD lain yang turun pada komponen itu": "int"})


def conclusions_text(conclusions: pd.DataFrame) -> str:
    """One sentence: how many falling units fell kabupaten-wide and how many for a local cause."""
    n = len(conclusions)
    if not n:
        return ""
    k = int((conclusions["kesimpulan"] == KABUPATEN).sum())
    loc = int((conclusions["kesimpulan"] == LOKAL).sum())
    return (f"Dari {n} unit yang nilai SAKIP-nya turun, penurunan {k} unit terjadi bersama sebagian besar "
            f"OPD lain (perubahan penilaian tingkat kabupaten) dan {loc} unit khas unit itu sendiri "
            "(sebab di unit sendiri)" + ("" if k + loc == n else
                                         f"; {n - k - loc} unit belum dapat disimpulkan") + ".")
