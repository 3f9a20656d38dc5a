"""Each year with the targets in force that year (issue 24, item 8): the Usulan Perubahan Target Renstra,
first proposed in 2023 (``targets.csv`` ``berlaku_mulai`` 2023), is not a 2021 or 2022 target."""

from __future__ import annotations

import pytest

from lkjip import document as rp
from lkjip.document.narrative.capaian import tabel_3_1_3_text


@pytest.fixture(scope="module")
def reports(raw_dir, gedeg_report):
    out = {y: rp.build_report(raw_dir, "gedeg", y) for y in (2021, 2022)}
    out[2023] = gedeg_report
    return out


def _end(rep, ind):
    t = rep.results.renstra_akhir.set_index("indikator")
    return float(t.loc[ind, "target_akhir"]), t.loc[ind, "dokumen"]


def test_2021_uses_the_renstra_end_targets_then_in_force(reports):
    rep = reports[2021]
    assert _end(rep, "ikm") == (88.0, "renstra")
    assert _end(rep, "realisasi_anggaran_pct") == (90.0, "renstra")
    text = tabel_3_1_3_text(rep)
    # IKM 91,07 already passed the end target in force in 2021 (88), the budget 90,00 % its 90
    assert "2 indikator telah mencapai target akhir Renstra" in text and "5 indikator belum" in text
    assert "7 indikator belum" not in text


def test_2022_end_targets_and_no_usulan_table(reports):
    assert _end(reports[2022], "ikm") == (88.0, "renstra")
    assert reports[2021].tabel_2_1_perubahan is None and reports[2022].tabel_2_1_perubahan is None


def test_2023_uses_the_usulan_proposed_that_year(reports):
    rep = reports[2023]
    assert _end(rep, "ikm") == (97.5, "renstra_perubahan")  # Tabel 3.1.3 of the published LKjIP 2023
    assert rep.tabel_2_1_perubahan is not None


def test_future_targets_of_a_report_come_from_documents_adopted_by_then(reports):
    from lkjip.document import bab3a

    def target(rep, year):
        h = rep.history
        return float(h[(h["indikator"] == "ikm") & (h["tahun"] == year)]["target"].iloc[0])

    # the 2022 report's multi-year targets: the Renstra's 88 for 2026, not the usulan's 97,5 of 2023
    assert target(reports[2022], 2026) == 88.0 and target(reports[2021], 2024) == 86.0
    assert target(reports[2023], 2026) == 97.5
    rep = reports[2022]
    t = bab3a.tabel_3_1_2(rep.per_year, rep.inputs.targets, until=2022)
    assert t.loc["ikm", ["Target 2022", "Target 2026"]].tolist() == [84.0, 88.0]
