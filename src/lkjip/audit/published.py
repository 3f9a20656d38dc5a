"""Family 3, ``publikasi vs hitungan``: each published figure against the value recomputed from raw data.
"""

from __future__ import annotations

import pandas as pd

from lkjip.audit.figures import _Context
from lkjip.audit.frames import _baris, _text
from lkjip.audit.result import FAMILY_PUBLISHED, _Rows

# ---------------------------------------------------------------- family 3

def _row_decimals(r: pd.Series) -> int | None:
    if "decimals" in r.index and pd.notna(r["decimals"]):
        return int(r["decimals"])
    return None


def _published_checks(published: pd.DataFrame, ctx: _Context, out: _Rows, year: int) -> None:
    tahun = pd.to_numeric(published["tahun"], errors="coerce")
    rows = published[tahun == year]
    for _, r in rows.iterrows():
        ind = _text(r["indikator"])
        ukuran = _text(r.get("ukuran")).lower() or "realisasi"
        sumber = _text(r.get("sumber")) or None
        if pd.isna(r["nilai"]):
            out.notes.append(f"published baris {_baris(r)} ({ind}): nilai kosong, tidak diperiksa")
            continue
        value, why = ctx.value(ind, ukuran)
        if why is not None:
            out.notes.append(f"published baris {_baris(r)} ({ind}, {ukuran}): {why}; tidak diperiksa")
            continue
        item = f"{ind} ({ukuran})" + (f" - {sumber}" if sumber else "")
        out.add(FAMILY_PUBLISHED, "published", item, r["nilai"], value, berkas=out.berkas("published"),
                baris=_baris(r), sumber=sumber, decimals=_row_decimals(r))
