"""The synthetic kabupaten's SAKIP of every OPD: ``<out>/_kabupaten/sakip_opd.csv``.

What a kabupaten's Inspektorat publishes after its evaluation: every unit's score, predicate, rank
among all units (``peringkat``, ``jumlah_opd``), rank within its kind (``peringkat_jenis``) and the
four component scores, per year. Written from the units' own ``sakip_evaluasi`` files, so the
unit's analysis and ``lkjip kabupaten`` compare the same figures the units' reports print. The
story (:mod:`lkjip.synth.story`) gives it both findings: the stricter evaluasi internal falls in
most units (kabupaten-wide), a lost planning officer costs one unit its perencanaan (local).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from lkjip.contract.fmt import round_number
from lkjip.contract.rules import SAKIP_COMPONENTS, SAKIP_SCORE_DECIMALS
from lkjip.indicators.sakip import sakip_score
from lkjip.inputs.ingest import read_dataset
from lkjip.inputs.sakip_opd import COLUMNS, sakip_opd_path


def _frame(path: Path) -> pd.DataFrame:
    return read_dataset(path, "sakip_evaluasi")


def sakip_opd_frame(folders: list[Path], years: list[int], kinds: dict[str, str]) -> pd.DataFrame:
    """One row per unit folder and year with a ``sakip_evaluasi`` file; ranks per year."""
    rows = []
    for folder in folders:
        meta = yaml.safe_load((folder / "unit.yaml").read_text(encoding="utf-8")) or {}
        name = meta.get("nama") or folder.name
        for y in years:
            found = [p for p in (folder / str(y)).glob("sakip_evaluasi.*")]
            if not found:
                continue
            r = sakip_score(_frame(found[0]))
            comp = dict(zip(r.komponen["komponen"], r.komponen["nilai"]))
            rows.append({"opd": name, "jenis": kinds.get(folder.name, "kecamatan"), "tahun": int(y),
                         "nilai": round_number(r.nilai, SAKIP_SCORE_DECIMALS), "predikat": r.predikat,
                         **{k: round_number(float(comp[k]), SAKIP_SCORE_DECIMALS) for k in SAKIP_COMPONENTS
                            if k in comp}})
    out = pd.DataFrame(rows)
    if not len(out):
        return pd.DataFrame(columns=list(COLUMNS))
    out["peringkat"] = out.groupby("tahun")["nilai"].rank(method="min", ascending=False).astype(int)
    out["jumlah_opd"] = out.groupby("tahun")["nilai"].transform("size").astype(int)
    out["peringkat_jenis"] = out.groupby(["tahun", "jenis"])["nilai"].rank(
        method="min", ascending=False).astype(int)
    return out.reindex(columns=list(COLUMNS)).sort_values(["tahun", "peringkat", "opd"],
                                                          kind="stable").reset_index(drop=True)


def write_sakip_opd(out_dir: Path, folders: list[Path], years: list[int],
                    kinds: dict[str, str] | None = None) -> Path:
    """Write the file (plain numbers, two decimals) and return its path."""
    frame = sakip_opd_frame(folders, years, kinds or {})
    path = sakip_opd_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", float_format="%.2f")
    return path
