"""IP ASN (PermenPAN-RB 38/2018): the 18 employees of Gambar 3.7."""

import math

import pandas as pd
import pytest

from lkjip.fmt import fmt_number
from lkjip.ipasn import ipasn_category, ipasn_scores, ipasn_summary

#: Gambar 3.7: (NIP, kualifikasi, kompetensi, kinerja, disiplin, total, kategori)
IPASN_2023 = [
    ("197702211995111001", 23, 40, 25, 5, 93, "Sangat Tinggi"),
    ("197803062003121004", 23, 40, 25, 5, 93, "Sangat Tinggi"),
    ("198811142019031002", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("198505132003122003", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("198304292010011009", 22, 40, 25, 5, 92, "Sangat Tinggi"),
    ("196709011989032007", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("197112062001121003", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("198404112010011010", 21, 40, 25, 5, 91, "Sangat Tinggi"),
    ("197106242000101001", 20, 40, 25, 5, 90, "Tinggi"),
    ("197205102006041030", 20, 40, 25, 5, 90, "Tinggi"),
    ("197203312009011002", 20, 40, 25, 5, 90, "Tinggi"),
    ("197107022009011001", 20, 40, 25, 5, 90, "Tinggi"),
    ("196707162007012021", 20, 40, 25, 5, 90, "Tinggi"),
    ("196610012007012026", 20, 40, 25, 5, 90, "Tinggi"),
    ("198510272010011002", 20, 40, 25, 5, 90, "Tinggi"),
    ("197908242010011003", 20, 40, 25, 5, 90, "Tinggi"),
    ("197804202012121001", 10, 40, 25, 5, 80, "Sedang"),
    ("197601232001121005", 21, 25, 25, 5, 76, "Sedang"),
]


def pegawai_2023(extra: bool = True) -> pd.DataFrame:
    rows = [(nip, f"PEGAWAI {i + 1}", "Staf", "PNS", *dims[:4], pd.NaT)
            for i, (nip, *dims) in enumerate(IPASN_2023)]
    if extra:
        rows.append(("-", "TENAGA HONORER", "Petugas Kebersihan", "honorer", None, None, None, None, pd.NaT))
        rows.append(("198001012005011001", "PINDAH", "Kasubag", "PNS", 22, None, None, None,
                     pd.Timestamp("2023-03-01")))
    return pd.DataFrame({
        "baris": list(range(2, len(rows) + 2)),
        "nip": pd.array([r[0] for r in rows], dtype="string"),
        "nama": pd.array([r[1] for r in rows], dtype="string"),
        "jabatan": pd.array([r[2] for r in rows], dtype="string"),
        "status": pd.array([r[3] for r in rows], dtype="string"),
        "kualifikasi": [float("nan") if r[4] is None else float(r[4]) for r in rows],
        "kompetensi": [float("nan") if r[5] is None else float(r[5]) for r in rows],
        "kinerja": [float("nan") if r[6] is None else float(r[6]) for r in rows],
        "disiplin": [float("nan") if r[7] is None else float(r[7]) for r in rows],
        "selesai": pd.to_datetime([r[8] for r in rows]),
    })


def test_seed_2023_mean_89_50_tinggi():
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
