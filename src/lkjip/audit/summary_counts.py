"""The audit's summaries per chapter and per check as counts (numbers, not display text), for the
stacked bars of notebook 04 (:func:`lkjip.charts.status_bars.status_bertumpuk`); the tables beside
them are :func:`lkjip.audit.report.per_bab` and :func:`~lkjip.audit.report.per_pemeriksaan`.
"""

from __future__ import annotations

import pandas as pd

from lkjip.audit.labels import CHAPTERS, FAMILY_LABELS
from lkjip.audit.names import FAMILIES, SELISIH, SESUAI, TIDAK_DIPERIKSA
from lkjip.audit.result import AuditResult

COLUMNS = ["sesuai", "selisih", "tidak_dapat_diperiksa"]


def per_bab_counts(result: AuditResult) -> pd.DataFrame:
    """Per chapter of the published LKjIP (the order of :func:`lkjip.audit.report.per_bab`, no
    ``Jumlah`` row): printed figures found equal, different, not checkable."""
    cov = result.coverage("bab").reset_index()
    cov = cov[cov["bab"] != "Jumlah"]
    cov["bab"] = cov["bab"].replace("", "Lainnya")
    order = {b: i for i, b in enumerate([*CHAPTERS, "Lainnya"])}
    cov = cov.sort_values("bab", key=lambda s: s.map(lambda b: order.get(b, 50)), kind="stable")
    return cov.set_index("bab")[COLUMNS].astype(int).rename_axis(None)


def per_pemeriksaan_counts(result: AuditResult) -> pd.DataFrame:
    """Per check family, in words: comparisons equal, different, and rows of that family that could
    not be compared."""
    f = result.frame
    rows = {}
    for fam in FAMILIES:
        st = f.loc[f["pemeriksaan"] == fam, "status"]
        rows[FAMILY_LABELS[fam]] = {"sesuai": int((st == SESUAI).sum()), "selisih": int((st == SELISIH).sum()),
                                    "tidak_dapat_diperiksa": int((st == TIDAK_DIPERIKSA).sum())}
    return pd.DataFrame.from_dict(rows, orient="index", columns=COLUMNS)
