"""The kabupaten view on a real multi-unit case.

Figures copied as printed from the "Laporan Kinerja Instansi Pemerintah Kota
Administrasi Jakarta Barat Tahun 2021" (public copy in the GitHub repository
hidekyx/web-jakarta-barat, public/assets/docs/LKIP_WalikotaJB_2021-KKPP-TTD_Walikota_Fix.pdf);
see tests/fixtures/kabupaten/jakarta-barat-2021/README.md.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from lkjip.contract.fmt import round_half_up
from lkjip.indicators.frames import safe_pct
from lkjip.contract.indonum import parse_number
from lkjip.kabupaten.audit import aggregate_table, check_aggregate
from lkjip.kabupaten.budget import budget_consolidated
from lkjip.kabupaten.ikm import ikm_mean_of_units

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "kabupaten" / "jakarta-barat-2021"


def rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def ukpd() -> list[dict[str, str]]:
    return rows("realisasi_anggaran_ukpd_2021.csv")


@pytest.fixture(scope="module")
def kecamatan() -> list[dict[str, str]]:
    return rows("ikm_kecamatan_2021.csv")


def budget_frame(ukpd) -> pd.DataFrame:
    return pd.DataFrame({"unit": [r["ukpd"] for r in ukpd],
                         "pagu": [parse_number(r["anggaran"]) for r in ukpd],
                         "realisasi": [parse_number(r["realisasi"]) for r in ukpd]})


def test_the_65_ukpd_are_the_city_8_kecamatan_and_56_kelurahan(ukpd):
    kinds = pd.Series([r["ukpd"].split()[0] for r in ukpd]).value_counts().to_dict()
    assert kinds == {"KELURAHAN": 56, "KECAMATAN": 8, "KOTA": 1}


def test_consolidated_budget_equals_the_printed_tabel_33_total(ukpd):
    total = budget_consolidated(budget_frame(ukpd))
    assert total.jumlah_unit == 65
    assert total.pagu == 922_131_601_245
    assert total.realisasi == 886_543_531_266
    checks = [check_aggregate("pagu", "922.131.601.245", total.pagu),
              check_aggregate("realisasi", "886.543.531.266", total.realisasi),
              check_aggregate("persen", "96,14", total.persen)]
    assert [c.status for c in checks] == ["sesuai"] * 3
    assert abs(total.persen - 96.1407) < 1e-4
    # the check can fail: one rupiah off, or the percentage off by 0,01
    assert check_aggregate("pagu", "922.131.601.246", total.pagu).status == "selisih"
    assert check_aggregate("persen", "96,15", total.persen).status == "selisih"
    table = aggregate_table(checks)
    assert list(table["status"]) == ["sesuai"] * 3 and list(table["toleransi"]) == [0.5, 0.5, 0.005]


def test_every_printed_unit_percentage_recomputes(ukpd):
    checks = [check_aggregate(r["ukpd"], r["persen_anggaran"],
                              safe_pct(parse_number(r["realisasi"]), parse_number(r["anggaran"])))
              for r in ukpd]
    assert len(checks) == 65
    assert [c.item for c in checks if not c.sesuai] == []
    first = checks[0]  # KOTA ADMINISTRASI JAKARTA BARAT: 342.324.909.126 / 355.362.146.612
    assert first.dipublikasikan == 96.33 and abs(first.dihitung - 96.3313) < 1e-4


def test_printed_kecamatan_totals_are_the_rounded_means_of_the_two_services(kecamatan):
    for r in kecamatan:
        mean = (parse_number(r["ikm_ppsu"]) + parse_number(r["ikm_ketertiban_umum"])) / 2
        assert float(round_half_up(mean, 2)) == parse_number(r["ikm_total_dicetak"]), r["kecamatan"]


def test_city_ikm_is_the_mean_of_the_8_kecamatan_and_tabel_32_is_flagged(kecamatan):
    printed = [parse_number(r["ikm_total_dicetak"]) for r in kecamatan]
    unrounded = [(parse_number(r["ikm_ppsu"]) + parse_number(r["ikm_ketertiban_umum"])) / 2
                 for r in kecamatan]
    assert len(printed) == 8
    # the README's point: the printed totals sum to 724,97 (724,95 unrounded), not the printed 724,96
    assert round(math.fsum(printed), 2) == 724.97
    assert round(math.fsum(unrounded), 2) == 724.95
    assert check_aggregate("jumlah IKM kecamatan", "724,96", math.fsum(printed)).status == "selisih"
    city = ikm_mean_of_units(printed)
    assert abs(city - 90.62125) < 1e-9
    assert abs(ikm_mean_of_units(unrounded) - 90.61875) < 1e-9
    ok = check_aggregate("IKM kota (narasi)", "90,62", city)
    tabel_32 = check_aggregate("IKM kota (Tabel 32)", "90,67", city)
    assert ok.status == "sesuai" and ok.toleransi == 0.005
    assert tabel_32.status == "selisih" and abs(tabel_32.selisih - 0.04875) < 1e-9
    assert check_aggregate("IKM kota", "90,62", ikm_mean_of_units(unrounded)).status == "sesuai"
