"""What the audit covered: every printed figure, checked or not, and how it came out.

A printed figure (one row of ``published.csv`` in the audit) has one row of
family 3: compared with the value recomputed from raw data, or ``tidak
dapat diperiksa`` with the reason. Family 4 may still have compared it with
its printed parts, family 5 with the same figure printed elsewhere. Per
figure:

- **diperiksa** when family 3 or family 4 compared it;
- **selisih** when any of families 3, 4 and 5 found a difference for it;
- **sesuai** when it was compared and no difference was found;
- **tidak dapat diperiksa** otherwise.

:func:`coverage` counts them overall, per chapter (``bab``) or per place
(``lokasi``).
"""

from __future__ import annotations

import pandas as pd

from lkjip.audit.names import FAMILY_DOCUMENT, FAMILY_PLACES, FAMILY_PUBLISHED, SELISIH, SESUAI

#: Columns of :func:`coverage` after the grouping column.
COVERAGE_COLUMNS = ("dicetak", "diperiksa", "sesuai", "selisih", "tidak_dapat_diperiksa",
                    "dihitung_ulang", "diperiksa_dalam_tabel")


def figure_status(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per printed figure: ``baris`` (published.csv row), ``bab``, ``lokasi``, ``status``,
    ``dihitung_ulang`` (compared with raw data), ``dalam_tabel`` (compared with its printed parts)."""
    pub = frame[frame["pemeriksaan"] == FAMILY_PUBLISHED]
    pub = pub[pub["baris"].notna()]
    if not len(pub):
        return pd.DataFrame(columns=["baris", "bab", "lokasi", "status", "dihitung_ulang", "dalam_tabel"])
    base = pub.drop_duplicates("baris").set_index("baris")
    doc = frame[(frame["pemeriksaan"] == FAMILY_DOCUMENT) & frame["baris"].notna()]
    places = frame[(frame["pemeriksaan"] == FAMILY_PLACES) & frame["baris"].notna()]
    compared_raw = base["status"].isin((SESUAI, SELISIH))
    in_table = base.index.isin(doc["baris"])
    differs = (base["status"] == SELISIH) | base.index.isin(doc.loc[doc["status"] == SELISIH, "baris"]) \
        | base.index.isin(places.loc[places["status"] == SELISIH, "baris"])
    checked = compared_raw | in_table
    status = pd.Series("tidak_dapat_diperiksa", index=base.index)
    status[checked] = SESUAI
    status[differs] = SELISIH
    return pd.DataFrame({"baris": base.index, "bab": base["bab"].fillna("").to_numpy(),
                         "lokasi": base["lokasi"].fillna("").to_numpy(), "status": status.to_numpy(),
                         "dihitung_ulang": compared_raw.to_numpy(), "dalam_tabel": in_table})


def coverage(frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Counts of printed figures: ``dicetak``, ``diperiksa``, ``sesuai``, ``selisih``,
    ``tidak_dapat_diperiksa`` (and how they were checked), overall or per ``bab``/``lokasi``.

    ``by=None`` gives one row named ``Jumlah``; otherwise one row per group,
    in document order (first appearance), then ``Jumlah``.
    """
    figs = figure_status(frame)
    key = by or "_semua"
    if by is None:
        figs = figs.assign(_semua="Jumlah")
    col = by or "cakupan"
    rows = []
    groups = list(dict.fromkeys(figs[key])) if len(figs) else []
    for g in groups:
        rows.append(_counts(figs[figs[key] == g], g, col))
    if by is not None or not rows:
        rows.append(_counts(figs, "Jumlah", col))
    return pd.DataFrame(rows, columns=[col, *COVERAGE_COLUMNS]).set_index(col)


def _counts(figs: pd.DataFrame, name: str, col: str) -> dict:
    st = figs["status"]
    return {col: name, "dicetak": int(len(figs)), "diperiksa": int(st.isin((SESUAI, SELISIH)).sum()),
            "sesuai": int((st == SESUAI).sum()), "selisih": int((st == SELISIH).sum()),
            "tidak_dapat_diperiksa": int((st == "tidak_dapat_diperiksa").sum()),
            "dihitung_ulang": int(figs["dihitung_ulang"].sum()), "diperiksa_dalam_tabel": int(figs["dalam_tabel"].sum())}
