"""A target document counts for a report only from the year it was adopted (``targets.berlaku_mulai``)."""

from __future__ import annotations

import pandas as pd

from lkjip.indicators.targets import effective_target, in_force, renstra_end_target


def _targets(rows):
    return pd.DataFrame(rows, columns=["indikator", "dokumen", "tahun", "target", "berlaku_mulai"])


ROWS = [("ikm", "renstra", 2021, 82.0, None), ("ikm", "renstra", 2026, 88.0, None),
        ("ikm", "renstra_perubahan", 2024, 97.5, 2023), ("ikm", "renstra_perubahan", 2026, 97.5, 2023)]


def test_the_renstra_end_target_of_2021_is_the_one_in_force_then():
    t = _targets(ROWS)
    end = renstra_end_target(t, "ikm", 2021)
    assert (end.target, end.tahun, end.dokumen) == (88.0, 2026, "renstra")
    assert renstra_end_target(t, "ikm", 2022).target == 88.0


def test_the_usulan_perubahan_counts_from_the_year_it_was_proposed():
    t = _targets(ROWS)
    end = renstra_end_target(t, "ikm", 2023)
    assert (end.target, end.dokumen) == (97.5, "renstra_perubahan")
    assert renstra_end_target(t, "ikm").target == 97.5  # no report year: every document (as before)


def test_effective_target_ignores_a_document_adopted_later():
    t = _targets([("ikm", "renstra", 2024, 86.0, None), ("ikm", "renstra_perubahan", 2024, 97.5, 2025)])
    assert (effective_target(t, "ikm", 2024).target, effective_target(t, "ikm", 2024).dokumen) == (86.0, "renstra")


def test_blank_or_absent_column_means_every_year():
    t = _targets(ROWS).drop(columns="berlaku_mulai")
    assert in_force(t, 2021) is t
    assert len(in_force(_targets(ROWS), 2021)) == 2 and len(in_force(_targets(ROWS), 2023)) == 4
