"""The kabupaten view: every unit of a kabupaten side by side for one year.

The Bagian Organisasi asks which units' SAKIP scores dropped, which
components drove the drops, and whether the units that absorbed less budget
or lost staff are the ones that fell. The modules:

- :mod:`~lkjip.kabupaten.load`: read the units' published processed data
  (:func:`load_kabupaten`), never a raw file;
- :mod:`~lkjip.kabupaten.sakip`: SAKIP both years and the component changes
  per unit (:func:`sakip_table`), the drivers of the drops
  (:func:`component_drivers`);
- :mod:`~lkjip.kabupaten.indicators`: each unit's declared IKU (from its indicators.csv), capaian
  kinerja unit per unit, the IKU several units share side by side and each unit's own IKU;
- :mod:`~lkjip.kabupaten.ikm`: the pooled IKM and the mean of the units' IKM;
- :mod:`~lkjip.kabupaten.budget`: budget sums, staff, vacancies, IP ASN,
  their correlation with the SAKIP change and the caution that goes with it;
- :mod:`~lkjip.kabupaten.audit`: the units' audit findings and the check of a
  printed aggregate against its units;
- :mod:`~lkjip.kabupaten.summary`: the ``ringkasan`` and its CSV;
- :mod:`~lkjip.kabupaten.charts`: the figures.

Everything except the loader is pure (frames in, frames/figures out).
:func:`analyse` runs them all on a loaded :class:`KabupatenData`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lkjip.kabupaten.audit import (
    AggregateCheck,
    aggregate_table,
    audit_overview,
    check_aggregate,
    largest_differences,
)
from lkjip.kabupaten.budget import (
    BudgetTotal,
    budget_consolidated,
    budget_per_unit,
    caution_text,
    correlations,
    factors_table,
    staff_per_unit,
)
from lkjip.kabupaten.ikm import (
    IkmConsolidated,
    ikm_consolidated,
    ikm_mean_of_units,
    ikm_per_unit,
)
from lkjip.kabupaten.indicators import (
    indicators_long,
    kategori_counts,
    own_long,
    shared_codes,
    shared_long,
    unit_achievement,
)
from lkjip.kabupaten.load import KabupatenData, UnitData, load_kabupaten, load_unit
from lkjip.kabupaten.sakip import component_drivers, drivers_text, sakip_table
from lkjip.kabupaten.summary import (
    RINGKASAN_COLUMNS,
    csv_text,
    ringkasan,
    write_ringkasan,
)

__all__ = [
    "RINGKASAN_COLUMNS",
    "AggregateCheck",
    "BudgetTotal",
    "IkmConsolidated",
    "KabupatenAnalysis",
    "KabupatenData",
    "UnitData",
    "aggregate_table",
    "analyse",
    "audit_overview",
    "budget_consolidated",
    "budget_per_unit",
    "caution_text",
    "check_aggregate",
    "component_drivers",
    "correlations",
    "csv_text",
    "drivers_text",
    "factors_table",
    "ikm_consolidated",
    "ikm_mean_of_units",
    "ikm_per_unit",
    "indicators_long",
    "kategori_counts",
    "largest_differences",
    "own_long",
    "shared_codes",
    "shared_long",
    "unit_achievement",
    "load_kabupaten",
    "load_unit",
    "ringkasan",
    "sakip_table",
    "staff_per_unit",
    "write_ringkasan",
]


@dataclass(frozen=True)
class KabupatenAnalysis:
    """Every result of the kabupaten view for one year (see :func:`analyse`)."""

    tahun: int
    units: list[str]
    dikecualikan: pd.DataFrame
    sakip: pd.DataFrame
    pendorong: pd.DataFrame
    pendorong_teks: str
    indikator: pd.DataFrame
    ikm: IkmConsolidated
    anggaran: pd.DataFrame
    anggaran_total: BudgetTotal
    pegawai: pd.DataFrame
    faktor: pd.DataFrame
    korelasi: pd.DataFrame
    peringatan: str
    audit: pd.DataFrame
    selisih_terbesar: pd.DataFrame
    ringkasan: pd.DataFrame
    catatan: list[str] = field(default_factory=list)
    #: capaian kinerja unit of every unit (:func:`unit_achievement`)
    kinerja: pd.DataFrame = field(default_factory=pd.DataFrame)


def analyse(data: KabupatenData, ikm_weight: str | float = "exact",
            differences_per_unit: int = 3) -> KabupatenAnalysis:
    """All the kabupaten tables of a loaded year. Excluded units are in
    ``dikecualikan`` and in none of the figures (said in ``catatan``)."""
    y = data.tahun
    sakip = sakip_table(data.current("sakip_evaluasi"), data.previous("sakip_evaluasi"), y)
    drivers = component_drivers(sakip)
    ikm = ikm_consolidated(data.current("ikm_survei"), ikm_weight)
    budget = budget_per_unit(data.current("lra"), data.current("anggaran"))
    staff = staff_per_unit(data.current("pegawai"), data.previous("pegawai"), y)
    factors = factors_table(sakip, budget, staff)
    total = budget_consolidated(budget)
    notes = list(data.catatan)
    if len(data.dikecualikan):
        notes.insert(0, f"{len(data.dikecualikan)} unit tidak dibandingkan dan tidak termasuk dalam "
                        "angka gabungan: " + "; ".join(f"{u} ({a})" for u, a in
                                                        zip(data.dikecualikan["unit"],
                                                            data.dikecualikan["alasan"])))
    notes += ikm.catatan + total.catatan
    long = indicators_long(data.indicators())
    kinerja = unit_achievement(long, data.units)
    return KabupatenAnalysis(
        tahun=y, units=list(data.units), dikecualikan=data.dikecualikan, sakip=sakip,
        pendorong=drivers, pendorong_teks=drivers_text(sakip, drivers),
        indikator=long, ikm=ikm, anggaran=budget,
        anggaran_total=total, pegawai=staff, faktor=factors, korelasi=correlations(factors),
        peringatan=caution_text(int(factors["perubahan_sakip"].notna().sum())),
        audit=audit_overview(data.audits()),
        selisih_terbesar=largest_differences(data.audits(), differences_per_unit),
        ringkasan=ringkasan(sakip, ikm.per_unit, budget, kinerja), catatan=notes, kinerja=kinerja)
