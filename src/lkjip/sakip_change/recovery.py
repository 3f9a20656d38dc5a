"""Recommendations with their points: what a realistic recovery of each component gives back.

Per component that fell or trails its peers: the points back to its own previous level, the points
to the best level of an OPD of its peer group (``sakip_opd.csv`` with components), and the Saran of
the unit's LKjIP (narasi.md ``saran``, one per list item) that speak to it
(:data:`~lkjip.contract.rules.sakip_context.SARAN_COMPONENT_WORDS`). Never "to the maximum": no unit
reaches 100% of a component.

>>> split_saran("Perlu:\\n\\n1. Tambah aparatur\\n2. Hemat anggaran\\n")
['Tambah aparatur', 'Hemat anggaran']
"""

from __future__ import annotations

import math
import re

import pandas as pd

from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.contract.markup import md_text
from lkjip.contract.rules import EPS, SAKIP_COMPONENT_NAMES
from lkjip.contract.rules.sakip_context import SARAN_COMPONENT_WORDS
from lkjip.sakip_change.peer import PeerContext, opd_key
from lkjip.sakip_change.score_change import Decomposition

_ITEM = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+(.*)$")
COLUMNS = ("komponen", "nama_komponen", "nilai_akhir", "ke_tingkat_awal", "ke_terbaik_kelompok",
           "terbaik_kelompok", "saran")


def split_saran(text: str | None) -> list[str]:
    """The list items of the Saran section (its paragraphs when it has no list)."""
    lines = str(text or "").splitlines()
    items = [m.group(1).strip() for m in map(_ITEM.match, lines) if m]
    if items:
        return items
    return [p.strip() for p in re.split(r"\n\s*\n", str(text or "")) if p.strip()]


def recovery(dec: Decomposition, peer: PeerContext | None = None, saran: str | None = None,
             sakip_opd: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per component with points to win back (see the module docstring); ``saran`` holds the
    numbers of the Saran items that speak to the component (``"1, 3"``), '' when none."""
    items = split_saran(saran)
    comp = dec.komponen.set_index("komponen")
    best: dict[str, tuple[float, str]] = {}
    if peer is not None and peer.ada and sakip_opd is not None and len(sakip_opd):
        jenis = (peer.unit_akhir or peer.unit_awal or {}).get("jenis")
        own = {opd_key((peer.unit_akhir or peer.unit_awal or {}).get("opd", ""))}
        f = sakip_opd[(sakip_opd["tahun"].astype(int) == peer.tahun_akhir)
                      & ~sakip_opd["opd"].map(opd_key).isin(own)]
        if jenis:
            f = f[f["jenis"].map(lambda j: opd_key(j) if isinstance(j, str) else "") == opd_key(jenis)]
        for k in SAKIP_COMPONENT_NAMES:
            if k in f.columns and f[k].notna().any():
                i = f[k].astype(float).idxmax()
                best[k] = (float(f.loc[i, k]), str(f.loc[i, "opd"]))
    rows = []
    for k in SAKIP_COMPONENT_NAMES:
        if k not in comp.index:
            continue
        now = float(comp.loc[k, "nilai_akhir"])
        before = comp.loc[k, "nilai_awal"]
        back = max(float(before) - now, 0.0) if not is_missing(before) else math.nan
        top, who = best.get(k, (math.nan, ""))
        to_best = max(top - now, 0.0) if not math.isnan(top) else math.nan
        words = SARAN_COMPONENT_WORDS.get(k, ())
        tied = [str(i) for i, s in enumerate(items, start=1) if any(w in s.casefold() for w in words)]
        if (math.isnan(back) or back <= EPS) and (math.isnan(to_best) or to_best <= EPS):
            continue
        rows.append({"komponen": k, "nama_komponen": SAKIP_COMPONENT_NAMES[k], "nilai_akhir": now,
                     "ke_tingkat_awal": back, "ke_terbaik_kelompok": to_best,
                     "terbaik_kelompok": who if to_best > EPS else "", "saran": ", ".join(tied)})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def recovery_md(table: pd.DataFrame, year0: int) -> str:
    """The recoveries as a Markdown list (escaping is the caller's job for OPD names: done here)."""
    if not len(table):
        return ""
    lines = []
    for _, r in table.iterrows():
        parts = []
        if not is_missing(r["ke_tingkat_awal"]) and r["ke_tingkat_awal"] > EPS:
            parts.append(f"kembali ke tingkat {year0} memberi +{fmt_number(r['ke_tingkat_awal'])} poin")
        if not is_missing(r["ke_terbaik_kelompok"]) and r["ke_terbaik_kelompok"] > EPS:
            parts.append(f"setingkat OPD terbaik kelompoknya ({md_text(r['terbaik_kelompok'])}) memberi "
                         f"+{fmt_number(r['ke_terbaik_kelompok'])} poin")
        s = f"- **{r['nama_komponen']}**: " + "; ".join(parts)
        s += (f" (terkait Saran LKjIP nomor {r['saran']})." if r["saran"]
              else " (tidak ada Saran LKjIP yang menyentuhnya).")
        lines.append(s)
    return "\n".join(lines)
