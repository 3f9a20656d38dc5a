"""IP ASN (PermenPAN-RB 38/2018): the 18 employees of Gambar 3.7."""

import math

import pytest
from helpers.lkjip_2023 import IPASN_2023, pegawai_2023

from lkjip.contract.fmt import fmt_number
from lkjip.indicators.ipasn import ipasn_category, ipasn_scores, ipasn_summary


def test_lkjip_2023_2023_mean_89_50_tinggi():
    r = ipasn_summary(pegawai_2023())
    assert r.jumlah_diukur == 18
    assert r.nilai == pytest.approx(89.5, abs=1e-12)
    assert r.kategori == "Tinggi"
    assert r.pegawai["total"].tolist() == [t[5] for t in IPASN_2023]
    assert r.pegawai["kategori"].tolist() == [t[6] for t in IPASN_2023]
    assert fmt_number(r.nilai / 85 * 100) == "105,29"
    dims = r.rata_dimensi.set_index("dimensi")["rata_rata"]
    assert [fmt_number(dims[d]) for d in ("kualifikasi", "kompetensi", "kinerja", "disiplin")] == [
        "20,33", "39,17", "25,00", "5,00"]
    dist = r.distribusi.set_index("kategori")["jumlah"]
    assert dist.to_dict() == {"Sangat Tinggi": 8, "Tinggi": 8, "Sedang": 2, "Rendah": 0,
                              "Sangat Rendah": 0}


def test_unmeasured_and_non_asn():
    r = ipasn_summary(pegawai_2023())
    # the honorer is not part of the index; the PNS who left is listed as not measured
    assert r.tidak_diukur["nama"].tolist() == ["PINDAH"]
    assert "keluar/pindah" in r.tidak_diukur["keterangan"].iloc[0]
    assert "kompetensi" in r.tidak_diukur["keterangan"].iloc[0]
    scores = ipasn_scores(pegawai_2023())
    assert len(scores) == 19 and scores["diukur"].sum() == 18
    assert math.isnan(scores["total"].iloc[-1])


def test_no_measured_staff():
    df = pegawai_2023().iloc[-2:]
    r = ipasn_summary(df)
    assert math.isnan(r.nilai) and r.kategori is None and r.jumlah_diukur == 0


@pytest.mark.parametrize("value, category", [
    (100, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.99, "Tinggi"), (90.5, "Tinggi"),
    (90, "Tinggi"), (81, "Tinggi"), (80.5, "Sedang"), (71, "Sedang"), (70, "Rendah"),
    (61, "Rendah"), (60.5, "Sangat Rendah"), (60, "Sangat Rendah"), (0, "Sangat Rendah")])
def test_category_edges(value, category):
    assert ipasn_category(value) == category
