"""The likely cause of a difference, one class at a time, on hand-made figures."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.audit import FAMILY_INTERNAL, audit_year
from lkjip.audit.causes import (
    BEDA_PERIODE,
    BEDA_SUMBER,
    CAUSE_LABELS,
    CAUSES,
    PEMBULATAN,
    PENJUMLAHAN,
    SALAH_KETIK,
    TIDAK_DIKETAHUI,
    Candidate,
    Part,
    classify,
    digit_slip,
    part_slip,
    rounding_of,
)
from lkjip.contract.fmt import truncate_number as truncated
from lkjip.audit.explain import periods_in
from lkjip.contract.schema import MONTHS


# ---------------------------------------------------------------- each class

def test_a_digit_typo():
    c = classify(641, 941, decimals=0, computed_label="jumlah 12 bulannya")
    assert c.kode == SALAH_KETIK
    assert c.penjelasan == ("Angka tercetak 641 dan jumlah 12 bulannya 941 hanya berbeda karena satu digit "
                            "berbeda; kemungkinan salah ketik.")


def test_two_adjacent_digits_swapped():
    c = classify(3_689_238_648, 3_689_238_684, decimals=0, unit="Rp")
    assert c.kode == SALAH_KETIK
    assert "dua digit bersebelahan tertukar" in c.penjelasan and "Rp 3.689.238.648" in c.penjelasan


def test_a_missing_part_is_named():
    parts = [Part("5.1.01 Belanja Pegawai", 2_149_981_250), Part("5.1.02 Belanja Barang dan Jasa", 511_092_677),
             Part("5.1.05 Belanja Hibah", 600_000)]
    total = sum(p.value for p in parts)
    c = classify(total - 600_000, total, decimals=0, unit="Rp", parts=parts, computed_label="jumlah rinciannya")
    assert c.kode == PENJUMLAHAN
    assert "5.1.05 Belanja Hibah (Rp 600.000)" in c.penjelasan and "tidak ikut dijumlahkan" in c.penjelasan


def test_a_repeated_part_is_named():
    parts = [Part("Januari", 630), Part("Februari", 370)]
    c = classify(1_370, 1_000, decimals=0, parts=parts)
    assert c.kode == PENJUMLAHAN
    assert "Februari (370)" in c.penjelasan and "terhitung dua kali" in c.penjelasan


def test_a_stated_alternative_within_its_rounding():
    weights = [Candidate(PEMBULATAN, "hasil bobot unsur 0,111", 98.2155),
               Candidate(PEMBULATAN, "hasil bobot unsur 0,11", 97.3307)]
    c = classify(97.33, 98.3138, decimals=2, candidates=weights,
                 computed_label="hasil hitung ulang dengan bobot 1/9")
    assert c.kode == PEMBULATAN
    # says which alternatives do not explain it, and which one does
    assert "98,3138" in c.penjelasan and "0,111 (98,22)" in c.penjelasan and "0,11 (97,3307)" in c.penjelasan


def test_rounded_to_fewer_decimals():
    c = classify(93.70, 93.675, decimals=2, unit="%")
    assert c.kode == PEMBULATAN and "dibulatkan ke 1 desimal" in c.penjelasan


def test_a_truncation():
    c = classify(91.29, 91.2975, decimals=2, unit="%")
    assert c.kode == PEMBULATAN and "dipotong" in c.penjelasan
    # a one-digit difference that a cut explains is a rounding, not a typo
    assert classify(4.42, 4.428, decimals=2).kode == PEMBULATAN


def test_a_rounded_intermediate():
    # capaian 98,434 and penyerapan 94,006 give 4,43; rounded first they give 98,43 - 94,01 = 4,42
    cand = Candidate(PEMBULATAN, "selisih dua angka yang sudah dibulatkan", 98.43 - 94.01)
    c = classify(4.42, 98.434 - 94.006 + 0.0021, decimals=2, candidates=[cand])
    assert c.kode == PEMBULATAN and "selisih dua angka yang sudah dibulatkan" in c.penjelasan


def test_a_value_from_another_year():
    cands = [Candidate(BEDA_SUMBER, "nilai tahun 2021 menurut data", 56.8),
             Candidate(BEDA_SUMBER, "nilai tahun 2023 menurut data", 89.5)]
    c = classify(89.50, 56.0, decimals=2, candidates=cands)
    assert c.kode == BEDA_SUMBER and "nilai tahun 2023 menurut data (89,50)" in c.penjelasan


def test_another_document_beats_a_one_digit_look_alike():
    # 94,38 differs from the LRA's 94,37 by one digit, but it is exactly the budget-by-activity figure
    cand = Candidate(BEDA_SUMBER, "persentase menurut data anggaran per sub kegiatan", 94.3773)
    assert classify(94.38, 94.3657, decimals=2, candidates=[cand]).kode == BEDA_SUMBER
    assert classify(94.38, 94.3657, decimals=2).kode == SALAH_KETIK


def test_a_different_period():
    c = classify(97.33, 98.31, decimals=2, periods=("01/01/2024 s.d. 30/01/2024",))
    assert c.kode == BEDA_PERIODE and "01/01/2024 s.d. 30/01/2024" in c.penjelasan
    # the period is still named when another cause explains the figure
    c = classify(97.33, 98.31, decimals=2, candidates=[Candidate(PEMBULATAN, "bobot 0,11", 97.3307)],
                 periods=("01/01/2024 s.d. 30/01/2024",))
    assert c.kode == PEMBULATAN and "01/01/2024" in c.penjelasan


def test_a_slip_against_the_same_figure_printed_elsewhere():
    c = classify(97.13, 98.31, decimals=2, elsewhere=[Candidate(BEDA_SUMBER, "angka yang sama di Tabel 3.1.1", 97.33)])
    assert c.kode == SALAH_KETIK and "Tabel 3.1.1 (97,33)" in c.penjelasan


def test_nothing_explains_it():
    c = classify(1.64, 1.0635, decimals=2, unit="%", candidates=[Candidate(BEDA_SUMBER, "nilai tahun 2022", 0.91)])
    assert c.kode == TIDAK_DIKETAHUI
    assert c.penjelasan.endswith("Mohon dijelaskan dasar angka ini.") and "nilai tahun 2022 (0,91%)" in c.penjelasan


def test_a_clean_case_has_no_cause():
    assert classify(100, 100, decimals=0) is None
    assert classify(97.33, 97.334, decimals=2) is None          # within half a unit of the last decimal
    assert classify(87.4, 87.43, decimals=1) is None


def test_every_cause_has_a_label():
    assert set(CAUSE_LABELS) == set(CAUSES)
    assert len(CAUSES) == 8


# ---------------------------------------------------------------- the small pieces

@pytest.mark.parametrize("printed, other, decimals, expected", [
    (754, 794, 0, "satu digit berbeda"),
    (1881, 1981, 0, "satu digit berbeda"),
    (4_624_595_589, 4_624_595_869, 0, None),      # three digits changed
    (8, 9, 0, None),                              # a one-digit figure: any difference is "one digit"
    (100, 1000, 0, None),                         # different length
    (-641, 941, 0, None),                         # different sign
    (85.3, 85.5, 1, "satu digit berbeda"),
])
def test_digit_slip(printed, other, decimals, expected):
    assert digit_slip(printed, other, decimals) == expected


def test_rounding_and_truncation():
    assert truncated(99.8256, 2) == 99.82 and truncated(55.5556, 2) == 55.55
    assert rounding_of(99.82, 99.8256, 2) == "dipotong"
    assert rounding_of(104.86, 104.8556, 2) == "dibulatkan"
    assert rounding_of(100.0, 99.96, 2) == "dibulatkan ke 1 desimal"
    assert rounding_of(1.64, 1.0635, 2) is None


def test_part_slip_ignores_zero_parts():
    assert part_slip(0.0, [Part("a", 0)], 0) is None
    assert part_slip(-5.0, [Part("nol", 0), Part("lima", 5)], 0) == (Part("lima", 5), "tidak ikut dijumlahkan")


def test_periods_named_in_a_description():
    assert periods_in("layar difilter Tanggal Mulai 01/01/2024 s.d. Tanggal Akhir 30/01/2024", 2023) == \
        ("01/01/2024 s.d. 30/01/2024",)
    assert periods_in("periode 01/01/2023 s.d. 31/12/2023", 2023) == ()
    assert periods_in(None, 2023) == ()


# ---------------------------------------------------------------- through the audit

def _lra(rows):
    df = pd.DataFrame(rows, columns=["kode_rekening", "uraian", "anggaran", "realisasi"])
    df.insert(0, "baris", range(2, len(df) + 2))
    df["adalah_total"] = False
    return df


def test_an_lra_parent_that_misses_a_child_names_it():
    lra = _lra([("5", "BELANJA DAERAH", 2_720_088_927.0, 100.0),
                ("5.1", "BELANJA OPERASI", 2_660_473_927.0, 100.0),
                ("5.1.01", "Belanja Pegawai", 2_149_981_250.0, 60.0),
                ("5.1.02", "Belanja Barang dan Jasa", 510_492_677.0, 40.0),
                ("5.1.05", "Belanja Hibah", 600_000.0, 0.0),
                ("5.2", "BELANJA MODAL", 59_615_000.0, 0.0)])
    r = audit_year({"lra": lra}, year=2023)
    row = r.frame[(r.frame["pemeriksaan"] == FAMILY_INTERNAL) & r.frame["item"].str.startswith("5.1 BELANJA")
                  & r.frame["item"].str.contains("anggaran")].iloc[0]
    assert row["status"] == "selisih" and row["selisih"] == -600_000.0
    assert row["kemungkinan_penyebab"] == PENJUMLAHAN
    assert "5.1.05 Belanja Hibah" in row["penjelasan"]


def test_a_paten_row_total_with_a_typed_digit():
    keluar = [77, 70, 82, 80, 87, 68, 79, 71, 65, 91, 79, 92]           # 941, printed 641
    df = pd.DataFrame([{"layanan": "Pindah Keluar", **dict(zip(MONTHS, keluar)), "jumlah": 641,
                        "adalah_total": False}])
    df.insert(0, "baris", [2])
    r = audit_year({"paten_layanan": df}, year=2023)
    row = r.differences().iloc[0]
    assert (row["dipublikasikan"], row["dihitung"], row["kemungkinan_penyebab"]) == (641, 941, SALAH_KETIK)
    assert row["penjelasan"].startswith("Angka tercetak 641 dan jumlah 12 bulannya 941")
