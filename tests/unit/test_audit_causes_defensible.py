"""Causes an auditor can defend (issue 25, item 2), on hand-made figures: a capaian against another
target, a difference carried through from another printed figure, no digit slip between round
thousands, what was tried before "tidak diketahui", findings ranked by their share of a total."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.audit.causes import (
    BEDA_SUMBER,
    BEDA_TARGET,
    CAUSE_LABELS,
    PEMBULATAN,
    SALAH_KETIK,
    TIDAK_DIKETAHUI,
    TURUNAN,
    Candidate,
    Part,
    both_round_thousands,
    classify,
    digit_slip,
)
from lkjip.audit.explain import derived
from lkjip.audit.materiality import share_of_total
from lkjip.audit.report import CAUSE_INTROS


def test_a_capaian_against_another_target_is_beda_target_not_rounding():
    # Bab III A.5.f: IP ASN 89,5 against a printed target 89,5 (the year's target is 85) -> 100, not 105,29
    cand = Candidate(BEDA_TARGET, "realisasi tercetak 89,5 dibagi target 89,5; target 89,5 yang tercetak di tempat "
                                  "yang sama bukan target tahun 2023 (85)", 100.0)
    cause = classify(100, 89.5 / 85 * 100, decimals=0, candidates=[cand])
    assert cause.kode == BEDA_TARGET
    assert cause.penjelasan == ("Angka tercetak 100 tidak sama dengan hasil hitung ulang 105,29, tetapi sama dengan "
                                "realisasi tercetak 89,5 dibagi target 89,5 (100); target 89,5 yang tercetak di "
                                "tempat yang sama bukan target tahun 2023 (85).")


def test_a_difference_carried_through_is_turunan_and_names_its_figures():
    # efisiensi 8,62 = printed capaian 102,99 - printed penyerapan 94,37; the capaian itself differs (104,04)
    cand = derived("capaian tercetak 102,99 dikurangi penyerapan tercetak 94,37", 102.99 - 94.37,
                   [("capaian", 102.99, 104.0358), ("penyerapan", 94.37, 94.3774)])
    assert cand.cause == TURUNAN
    cause = classify(8.62, 104.0358 - 94.3774, decimals=2, unit="%", candidates=[cand])
    assert cause.kode == TURUNAN
    assert "sama dengan capaian tercetak 102,99 dikurangi penyerapan tercetak 94,37 (8,6200%)" in cause.penjelasan
    assert "capaian tercetak 102,99 sendiri berbeda dari hasil hitung ulang 104,04" in cause.penjelasan
    assert "penyerapan tercetak 94,37 sendiri berbeda dari hasil hitung ulang 94,38" in cause.penjelasan


def test_printed_inputs_that_agree_leave_a_rounding():
    cand = derived("capaian tercetak 104,04 dikurangi penyerapan tercetak 94,38", 104.04 - 94.38,
                   [("capaian", 104.04, 104.0358), ("penyerapan", 94.38, 94.3774)])
    assert cand.cause == PEMBULATAN
    assert classify(9.66, 9.6584, decimals=2, candidates=[cand]) is None  # and no finding at all when equal


@pytest.mark.parametrize("printed, other", [(360_000_000, 340_000_000), (40_000_000, 10_000_000),
                                            (2_150_000_000, 2_130_000_000)])
def test_no_digit_slip_between_two_round_thousands(printed, other):
    assert both_round_thousands(printed, other)
    assert digit_slip(printed, other, 0) is None
    cause = classify(printed, other, decimals=0, unit="Rp", parts=[Part("a", other)])
    assert cause.kode == TIDAK_DIKETAHUI


def test_a_digit_slip_stays_when_one_figure_is_not_round():
    assert not both_round_thousands(3_133_189_384, 3_133_109_384)
    assert classify(3_133_189_384, 3_133_109_384, decimals=0).kode == SALAH_KETIK
    assert classify(641, 941, decimals=0).kode == SALAH_KETIK


def test_every_unknown_cause_says_what_was_tried():
    cause = classify(116.3, 112.152, decimals=1,
                     candidates=[Candidate(PEMBULATAN, "realisasi tercetak 94,21 dibagi target 84", 112.15),
                                 Candidate(BEDA_SUMBER, "nilai tahun 2021 menurut data", 111.0)])
    assert cause.kode == TIDAK_DIKETAHUI
    assert ("Yang sudah dicoba: pembulatan, pemotongan dan salah ketik satu digit terhadap hasil hitung ulang; "
            "1 cara hitung lain (bobot, angka antara yang dibulatkan, angka tercetak di dekatnya); 1 angka lain "
            "(tahun lain, dokumen lain).") in cause.penjelasan


def test_the_new_causes_have_a_label_and_an_introduction():
    assert CAUSE_LABELS[TURUNAN] == "Turunan dari angka lain" and CAUSE_LABELS[BEDA_TARGET] == "Beda target"
    assert TURUNAN in CAUSE_INTROS and BEDA_TARGET in CAUSE_INTROS


def test_materiality_is_the_share_of_the_total_the_figure_belongs_to():
    frame = pd.DataFrame({
        "indikator": ["tc27_pagu:7", "tc27_pagu:7.01", "realisasi:5", "realisasi:5.1", "ikm"],
        "dataset": ["published"] * 5,
        "tahun": [2023] * 5,
        "dipublikasikan": [20_000_000_000.0, 2_150_000_000.0, 2_850_630_840.0, 2_850_630_840.0, 0.0],
        "dihitung": [20_000_000_000.0, 280_000_000.0, 2_566_829_648.0, 2_513_319_648.0, 94.0],
        "selisih": [0.0, 1_870_000_000.0, 283_801_192.0, 337_311_192.0, -94.0],
    })
    shares = share_of_total(frame, frame)
    # Rp 1,87 miliar of a Rp 20 miliar planning table weighs less than Rp 337 juta of a Rp 2,85 miliar budget
    assert shares[1] == pytest.approx(0.0935)
    assert shares[3] == pytest.approx(337_311_192 / 2_850_630_840)
    assert shares[3] > shares[1]
    assert shares[4] == pytest.approx(1.0)
