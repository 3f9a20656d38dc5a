"""Every rule that is data, in one home: bands, indicators, regulation constants, tolerances.

A regulation constant (a weight, a band edge, an indicator's dataset, a
tolerance) is defined once, in this package, and imported everywhere else:
validation, audit, synthetic data, the expectation suites
(``scripts/build_expectations.py``), charts and tests. A test
(``tests/test_rules.py``) greps the repository for copies of the SAKIP weights
and the IKM band edges outside it.

- :mod:`lkjip.contract.rules.bands`: category bands and how a value is put in one;
- :mod:`lkjip.contract.rules.indicators`: the seven key indicators;
- :mod:`lkjip.contract.rules.regulation`: IKM unsur, Krejcie-Morgan, SAKIP weights, IP ASN
  dimensions, target documents;
- :mod:`lkjip.contract.rules.printed`: a printed figure against the value it should equal, the
  float tolerance :data:`EPS`, whether a capaian meets its target (:func:`target_met`), whether a
  figure rose or fell (:func:`direction`).
"""

from lkjip.contract.rules.bands import (
    BAND_TABLES,
    CAPAIAN_KATEGORI,
    EPS,
    IKM_MUTU,
    IPASN_KATEGORI,
    SAKIP_PREDIKAT,
    Band,
    BandTable,
    capaian_bands,
)
from lkjip.contract.rules.indicators import (
    INDICATOR_DATASETS,
    INDICATOR_IDS,
    INDICATORS,
    Indicator,
    get_indicator,
    polarity_of,
)
from lkjip.contract.rules.regulation import (
    ASN_STATUSES,
    DOCUMENT_LABELS,
    IKM_UNSUR_NAMES,
    IKM_SCALE,
    IKM_UNSUR_SHORT,
    IPASN_DIMENSION_NAMES,
    IPASN_DIMENSIONS,
    KREJCIE_MORGAN,
    SAKIP_COMPONENT_NAMES,
    SAKIP_COMPONENT_WEIGHTS,
    SAKIP_COMPONENTS,
    SAKIP_SCORE_DECIMALS,
    SAKIP_SUBCOMPONENT_NAMES,
    SAKIP_SUBCOMPONENT_SHARES,
    SAKIP_SUBCOMPONENTS,
    STAFF_STATUSES,
    TARGET_DOCUMENTS,
    TARGET_PRECEDENCE,
)
from lkjip.contract.rules.printed import (
    TARGET_PCT,
    TotalCheck,
    check_total,
    decimals_of,
    decimals_of_text,
    direction,
    matches,
    target_met,
    tolerance,
)

__all__ = [
    "ASN_STATUSES", "BAND_TABLES", "Band", "BandTable", "CAPAIAN_KATEGORI", "DOCUMENT_LABELS", "EPS",
    "IKM_MUTU", "IKM_SCALE", "IKM_UNSUR_NAMES", "IKM_UNSUR_SHORT", "INDICATORS", "INDICATOR_DATASETS",
    "INDICATOR_IDS", "IPASN_DIMENSIONS", "IPASN_DIMENSION_NAMES", "IPASN_KATEGORI", "Indicator",
    "KREJCIE_MORGAN", "SAKIP_COMPONENTS", "SAKIP_COMPONENT_NAMES", "SAKIP_COMPONENT_WEIGHTS",
    "SAKIP_PREDIKAT", "SAKIP_SCORE_DECIMALS", "SAKIP_SUBCOMPONENTS", "SAKIP_SUBCOMPONENT_NAMES", "SAKIP_SUBCOMPONENT_SHARES",
    "STAFF_STATUSES", "TARGET_DOCUMENTS", "TARGET_PRECEDENCE", "get_indicator", "polarity_of",
    "TARGET_PCT", "TotalCheck", "capaian_bands", "check_total", "decimals_of", "decimals_of_text", "direction",
    "matches", "target_met", "tolerance",
]
