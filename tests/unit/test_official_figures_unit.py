"""lkjip.indicators.official on hand-made results: what is printed, what is kept, the sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.indicators.iku import IndicatorResults
from lkjip.indicators.official import differences, main_figures, sentence


def _results(ikm=98.3138, target=94.5):
    tabel = pd.DataFrame({"indikator": ["ikm", "sakip"], "nama": ["Nilai IKM", "Nilai SAKIP"],
                          "satuan": ["indeks", "nilai"], "target": [target, 87.5], "realisasi": [ikm, 86.13],
                          "capaian_pct": [ikm / target * 100, 86.13 / 87.5 * 100],
                          "kategori": ["Sangat Tinggi", "Sangat Tinggi"]})
    akhir = pd.DataFrame({"indikator": ["ikm", "sakip"], "target_akhir": [97.5, 88.0], "tahun_akhir": [2026, 2026],
                          "dokumen": ["renstra", "renstra"], "realisasi": [ikm, 86.13],
                          "tingkat_kemajuan": [ikm / 97.5 * 100, 86.13 / 88 * 100]})
    biaya = pd.DataFrame({"indikator": ["ikm", "sakip"], "kode_anggaran": ["total", "7.01.01"],
                          "pagu": [100.0, 50.0], "realisasi": [94.0, 45.0], "penyerapan_pct": [94.0, 90.0],
                          "persen_dari_total": [100.0, 50.0], "capaian_pct": tabel["capaian_pct"].tolist(),
                          "tingkat_efisiensi": [ikm / target * 100 - 94.0, 86.13 / 87.5 * 100 - 90.0],
                          "keterangan": ["", ""]})
    from lkjip.indicators.declared import default_declaration

    iku = tuple(i for i in default_declaration() if i.kode in ("ikm", "sakip"))
    return IndicatorResults(2023, tabel, pd.DataFrame(), akhir, biaya, {"ikm": "A", "sakip": "A"}, {}, iku=iku)


OFFICIAL = {"ikm": (97.33, "E-Sukma", "")}


def test_resmi_prints_the_official_figure_and_its_capaian_kemajuan_efisiensi_follow():
    computed = _results()
    shown = main_figures(computed, OFFICIAL, {})
    t = shown.tabel.set_index("indikator")
    assert t.loc["ikm", "realisasi"] == 97.33
    assert t.loc["ikm", "capaian_pct"] == pytest.approx(97.33 / 94.5 * 100)  # 102,995
    assert shown.renstra_akhir.set_index("indikator").loc["ikm", "tingkat_kemajuan"] == pytest.approx(97.33 / 97.5 * 100)
    assert shown.pembiayaan.set_index("indikator").loc["ikm", "tingkat_efisiensi"] == pytest.approx(
        97.33 / 94.5 * 100 - 94.0)
    # the sakip row and the computed results are untouched
    pd.testing.assert_series_equal(t.loc["sakip"], computed.tabel.set_index("indikator").loc["sakip"])
    assert computed.tabel.set_index("indikator").loc["ikm", "realisasi"] == 98.3138


def test_hitung_ulang_and_no_official_figure_leave_the_results_as_computed():
    computed = _results()
    assert main_figures(computed, OFFICIAL, {"angka_utama": "hitung_ulang"}) is computed
    assert main_figures(computed, {}, {}) is computed


def test_the_class_follows_the_printed_figure():
    shown = main_figures(_results(ikm=90.0), {"ikm": (80.0, "E-Sukma", "")}, {})
    assert shown.kelas["ikm"] == "B"  # 80,00 is mutu B; the recomputed 90,00 is A (rules.IKM_MUTU)


def test_sentence_without_a_known_cause_says_so():
    (f,) = differences(_results(), OFFICIAL, {})
    assert f.berbeda and f.sebab == ()
    assert sentence(f, 2023) == ("Nilai IKM (Indeks Kepuasan Masyarakat) tahun 2023 dicetak 97,33, angka resmi "
                                 "menurut E-Sukma; hitung ulang dari data memberi 98,31, selisih 0,98, penyebab "
                                 "selisihnya belum diketahui.")


def test_equal_figures_are_not_a_difference():
    (f,) = differences(_results(ikm=97.3312), OFFICIAL, {})
    assert not f.berbeda
