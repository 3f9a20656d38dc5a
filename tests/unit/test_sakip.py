"""SAKIP (PermenPAN-RB 88/2021): total, predicate and component tables."""

import pandas as pd
import pytest
from helpers.lkjip_2023 import sakip_2023

from lkjip.contract.fmt import fmt_number
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_SUBCOMPONENT_SHARES
from lkjip.indicators.sakip import sakip_predicate, sakip_score


def with_subcomponents(include_components: bool) -> pd.DataFrame:
    # perencanaan 6 + 8.5 + 12.53 = 27.03 ; others split the same way
    subs = {
        "perencanaan": (6.0, 8.5, 12.53), "pengukuran": (5.5, 8.0, 12.24),
        "pelaporan": (3.0, 4.0, 5.65), "evaluasi_internal": (5.0, 6.0, 9.71),
    }
    weights = SAKIP_COMPONENT_WEIGHTS
    rows = []
    for k, vals in subs.items():
        if include_components:
            rows.append((k, None, float(weights[k]), 99.0))  # published figure, deliberately off
        for (s, share), v in zip(SAKIP_SUBCOMPONENT_SHARES.items(), vals):
            rows.append((k, s, weights[k] * share, v))
    return pd.DataFrame({
        "komponen": pd.array([r[0] for r in rows], dtype="string"),
        "subkomponen": pd.array([r[1] for r in rows], dtype="string"),
        "bobot": [r[2] for r in rows], "nilai": [r[3] for r in rows],
    })


def test_lkjip_2023_2023_total_86_13_predicate_a():
    r = sakip_score(sakip_2023())
    assert r.nilai == pytest.approx(86.13, abs=1e-9)
    assert (r.predikat, r.keterangan, r.sumber) == ("A", "Memuaskan", "komponen")
    assert r.subkomponen is None
    k = r.komponen
    assert k["nama_komponen"].tolist() == ["Perencanaan Kinerja", "Pengukuran Kinerja",
                                           "Pelaporan Kinerja",
                                           "Evaluasi Akuntabilitas Kinerja Internal"]
    assert [fmt_number(v) for v in k["persen_maks"]] == ["90,10", "85,80", "84,33", "82,84"]
    # capaian against the PK Perubahan target 87,5
    assert fmt_number(r.nilai / 87.5 * 100) == "98,43"


def test_subcomponents_only_and_both():
    only = sakip_score(with_subcomponents(False))
    assert only.sumber == "subkomponen"
    assert only.nilai == pytest.approx(86.13, abs=1e-9)
    assert only.komponen["nilai"].round(2).tolist() == [27.03, 25.74, 12.65, 20.71]
    # the sub-components' weights add up to the component weights of PermenPAN-RB 88/2021
    assert only.komponen["bobot"].tolist() == list(SAKIP_COMPONENT_WEIGHTS.values())
    assert len(only.subkomponen) == 12
    assert only.subkomponen["nama_subkomponen"].tolist()[:3] == ["Keberadaan", "Kualitas", "Pemanfaatan"]
    both = sakip_score(with_subcomponents(True))
    # computed from the subs; the component rows are kept only as published figures
    assert both.nilai == pytest.approx(86.13, abs=1e-9)
    assert both.komponen["nilai_tercetak"].tolist() == [99.0] * 4


def test_row_order_does_not_matter():
    df = sakip_2023().iloc[::-1]
    assert sakip_score(df).komponen["komponen"].tolist() == ["perencanaan", "pengukuran", "pelaporan",
                                                                "evaluasi_internal"]


@pytest.mark.parametrize("value, predicate", [
    (100, "AA"), (90.01, "AA"), (90.0, "A"), (80.01, "A"), (80.0, "BB"), (70.0, "B"),
    (60.0, "CC"), (50.0, "C"), (30.01, "C"), (30.0, "D"), (0.0, "D"),
    (27.03 + 25.74 + 12.65 + 14.58, "BB"),  # sums to 80 with float noise
])
def test_predicate_edges(value, predicate):
    assert sakip_predicate(value) == predicate
