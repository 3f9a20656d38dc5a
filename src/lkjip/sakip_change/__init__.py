"""Why did the SAKIP score change? Decomposition, points at stake, drivers, narrative.

The analysts' first question of the Gedeg report: the SAKIP score fell from
87,43 (2022) to 86,13 (2023) while the target rose to 87,5. The report gives
its own reasons (a changed assessment method, planning documents prepared for
completeness rather than quality, the transfer of the Kasubag Penyusunan
Program dan Keuangan). This module gives the figures that confirm, weigh or
contradict such reasons, for any unit and any pair of years with
``sakip_evaluasi`` data:

- :func:`default_years`: which two years to compare;
- :func:`decomposition`: the change by component (and sub-component where
  both years have them); the component changes add up to the total change;
- :func:`points_at_stake`: the gap of each component to its maximum and a
  what-if table ("component back to last year's level gives +x, total y,
  predicate z");
- :func:`vacancy_by_month` and :func:`drivers`: possible drivers next to the
  component they may drive (association, not proof);
- :func:`narrative`: a drafted narrative in Bahasa Indonesia, chosen by the
  numbers, for an analyst to edit;
- :func:`analyse`: all of the above for a notebook, with a clear message
  instead of an exception when a year cannot be analysed;
- ``tabel_*`` functions (:mod:`~lkjip.sakip_change.tables`): the same results as
  reader-facing tables (Indonesian labels, Indonesian number format).

Everything here is pure: frames in, frames/dataclasses out. The only reading
helper, :func:`collect_inputs`, takes the reader functions as arguments.

Scores and predicates come from :mod:`lkjip.indicators.sakip` (:func:`sakip_score`,
:func:`sakip_predicate`); the predicate bands from
:data:`lkjip.contract.rules.SAKIP_PREDIKAT`. No threshold is repeated here.

Modules: :mod:`~lkjip.sakip_change.score_change` (years, change by component),
:mod:`~lkjip.sakip_change.stake`, :mod:`~lkjip.sakip_change.vacancy`,
:mod:`~lkjip.sakip_change.factors`, :mod:`~lkjip.sakip_change.draft`,
:mod:`~lkjip.sakip_change.analyse` (:func:`analyse` for the notebook) and
:mod:`~lkjip.sakip_change.tables`. This package re-exports their public names.
"""

from lkjip.sakip_change.draft import (
    narrative,
)
from lkjip.sakip_change.factors import (
    CAUTION,
    PLANNING_ACTIVITY,
    Drivers,
    direction_label,
    drivers,
    ipasn_by_year,
    planning_budget,
    target_history,
)
from lkjip.sakip_change.analyse import (
    SakipChangeAnalysis,
    analyse,
    collect_inputs,
)
from lkjip.sakip_change.score_change import (
    Decomposition,
    SakipChangeError,
    decomposition,
    default_years,
    sakip_years,
    subcomponent_totals,
)
from lkjip.sakip_change.stake import (
    NextPredicate,
    PointsAtStake,
    next_predicate,
    points_at_stake,
)
from lkjip.sakip_change.explanation import (
    NARASI_SECTION,
    Explanation,
    StatedCause,
    explanation,
)
from lkjip.sakip_change.peer import (
    PeerContext,
    peer_context,
)
from lkjip.sakip_change.tables import (
    catatan_analis_md,
    catatan_md,
    konteks_md,
    lke_md,
    pemulihan_md,
    tabel_lke,
    tabel_anggaran,
    tabel_celah,
    tabel_ipasn,
    tabel_kaitan,
    tabel_kekosongan,
    tabel_kekosongan_bulanan,
    tabel_komponen,
    tabel_pergantian,
    tabel_ringkasan,
    tabel_skenario,
    tabel_subkomponen,
    tabel_target,
    waterfall_figure,
)
from lkjip.sakip_change.vacancy import (
    MONTH_SHORT,
    Vacancy,
    month_ranges,
    vacancy_by_month,
)

__all__ = [
    "CAUTION",
    "Explanation",
    "NARASI_SECTION",
    "PeerContext",
    "StatedCause",
    "catatan_analis_md",
    "explanation",
    "konteks_md",
    "lke_md",
    "pemulihan_md",
    "tabel_lke",
    "peer_context",
    "Decomposition",
    "Drivers",
    "MONTH_SHORT",
    "NextPredicate",
    "PLANNING_ACTIVITY",
    "PointsAtStake",
    "SakipChangeAnalysis",
    "SakipChangeError",
    "Vacancy",
    "analyse",
    "catatan_md",
    "collect_inputs",
    "decomposition",
    "default_years",
    "direction_label",
    "drivers",
    "ipasn_by_year",
    "month_ranges",
    "narrative",
    "next_predicate",
    "planning_budget",
    "points_at_stake",
    "sakip_years",
    "subcomponent_totals",
    "tabel_anggaran",
    "tabel_celah",
    "tabel_ipasn",
    "tabel_kaitan",
    "tabel_kekosongan",
    "tabel_kekosongan_bulanan",
    "tabel_komponen",
    "tabel_pergantian",
    "tabel_ringkasan",
    "tabel_skenario",
    "tabel_subkomponen",
    "tabel_target",
    "target_history",
    "vacancy_by_month",
    "waterfall_figure",
]
