"""Budget (Tabel 3.2.5) and LRA (Gambar 3.6) of the seed."""

import math

import pandas as pd
import pytest

from lkjip.budget import (
    anggaran_checks,
    budget_hierarchy,
    budget_leaves,
    budget_of,
    budget_totals,
    code_level,
    lra_checks,
    lra_tree,
    realisasi_anggaran,
    spending_by_type,
)
from lkjip.fmt import fmt_pct, fmt_rupiah

#: Tabel 3.2.5, 2023: (kode, uraian, pagu, realisasi); programmes and activities
#: are included as the seed prints them (cross-check only).
ANGGARAN_2023 = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 2483372550, 2334527848),
    ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 9700000, 9660000),
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 3000000, 2990000),
    ("7.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", 6700000, 6670000),
    ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 2122381250, 1987364743),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 2122381250, 1987364743),
    ("7.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", 12400000, 12400000),
    ("7.01.01.2.05.0002", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", 12400000, 12400000),
    ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", 163947500, 156719200),
    ("7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 9870000, 9870000),
    ("7.01.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor", 53840000, 47910000),
    ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", 25662500, 24904700),
    ("7.01.01.2.06.0005", "Penyediaan Barang Cetak dan Penggandaan", 10065000, 10065000),
    ("7.01.01.2.06.0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 4860000, 4860000),
    ("7.01.01.2.06.0007", "Penyediaan Bahan/Material", 33100000, 32659500),
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 26550000, 26450000),
    ("7.01.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", 5840000, 5600000),
    ("7.01.01.2.07.0005", "Pengadaan Mebel", 5840000, 5600000),
    ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 92973800, 86880905),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 54344840, 48251945),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 38628960, 38628960),
    ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 76130000, 75903000),
    ("7.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan", 36150000, 35954000),
    ("7.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya", 4980000, 4950000),
    ("7.01.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 35000000, 34999000),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 28928297, 28533000),
    ("7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", 28928297, 28533000),
    ("7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Nonperizinan", 28928297, 28533000),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", 207788080, 204086300),
    ("7.01.06.2.01", "Fasilitasi Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", 207788080, 204086300),
    ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", 41600000, 41322000),
    ("7.01.06.2.01.0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa", 29834000, 27736300),
    ("7.01.06.2.01.0011", "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", 36951000, 36742200),
    ("7.01.06.2.01.0012", "Fasilitasi Pelaksanaan Tugas, Fungsi dan Kewajiban Lembaga Kemasyarakatan", 99403080, 98285800),
    ("", "JUMLAH", 2720088927, 2567147148),
]

#: Gambar 3.6 (LRA 2023)
LRA_2023 = [
    ("5", "BELANJA DAERAH", 2720088927.00, 2566829648.00, 3133189384.00),
    ("5.1", "BELANJA OPERASI", 2660473927.00, 2513319648.00, 2862577484.00),
    ("5.1.01", "Belanja Pegawai", 2149981250.00, 2013994243.00, 2232283615.00),
    ("5.1.02", "Belanja Barang dan Jasa", 511092677.00, 499325405.00, 584383669.00),
    ("5.1.05", "Belanja Hibah", 0.00, 0.00, 35800000.00),
    ("5.2", "BELANJA MODAL", 59615000.00, 53510000.00, 270531900.00),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", 59615000.00, 53510000.00, 137402000.00),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", 0.00, 0.00, 129889900.00),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya", 0.00, 0.00, 3240000.00),
]


def anggaran_2023(parents: bool = True) -> pd.DataFrame:
    rows = [r for r in ANGGARAN_2023 if parents or code_level(r[0]) == 6 or r[0] == ""]
    return pd.DataFrame({
        "baris": list(range(2, len(rows) + 2)),
        "kode": pd.array([r[0] for r in rows], dtype="string"),
        "uraian": pd.array([r[1] for r in rows], dtype="string"),
        "pagu": [float(r[2]) for r in rows],
        "realisasi": [float(r[3]) for r in rows],
        "adalah_total": [r[1] == "JUMLAH" for r in rows],
    })


def lra_2023() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": list(range(2, len(LRA_2023) + 2)),
        "kode_rekening": pd.array([r[0] for r in LRA_2023], dtype="string"),
        "uraian": pd.array([r[1] for r in LRA_2023], dtype="string"),
        "anggaran": [r[2] for r in LRA_2023],
        "realisasi": [r[3] for r in LRA_2023],
        "realisasi_tahun_lalu": [r[4] for r in LRA_2023],
        "adalah_total": [False] * len(LRA_2023),
    })


def test_levels():
    assert [code_level(c) for c in ("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "")] == [3, 5, 6, 0]
    leaves = budget_leaves(anggaran_2023())
    assert len(leaves) == 22
    assert set(leaves["tingkat"]) == {"sub_kegiatan"}


@pytest.mark.parametrize("parents", [True, False])
def test_seed_totals_from_sub_activities(parents):
    a = anggaran_2023(parents)
    t = budget_totals(a)
    assert (t.pagu, t.realisasi) == (2720088927.0, 2567147148.0)
    assert t.sumber == "sub_kegiatan"
    assert fmt_pct(t.persen) == "94,38%"  # the seed prints 94,37 (the LRA figure)
    assert fmt_rupiah(t.pagu) == "Rp 2.720.088.927"
    h = budget_hierarchy(a).set_index("kode")
    assert (h.loc["7.01.01", "pagu"], h.loc["7.01.01", "realisasi"]) == (2483372550, 2334527848)
    assert (h.loc["7.01.02", "pagu"], h.loc["7.01.02", "realisasi"]) == (28928297, 28533000)
    assert (h.loc["7.01.06", "pagu"], h.loc["7.01.06", "realisasi"]) == (207788080, 204086300)
    assert (h.loc["7.01.01.2.06", "pagu"], h.loc["7.01.01.2.06", "realisasi"]) == (163947500, 156719200)
    assert (h.loc["7.01.01.2.08", "pagu"], h.loc["7.01.01.2.08", "realisasi"]) == (92973800, 86880905)
    assert len(h) == 3 + 9 + 22
    assert h["ada_di_data"].all() == parents


def test_parent_rows_are_only_checked():
    a = anggaran_2023()
    assert anggaran_checks(a)["cocok"].all()
    a.loc[a["kode"] == "7.01.01", "pagu"] = 2483372551.0  # a typo in the programme row
    checks = anggaran_checks(a)
    bad = checks[~checks["cocok"]]
    assert bad[["kode", "kolom", "selisih"]].values.tolist() == [["7.01.01", "pagu", 1.0]]
    assert budget_totals(a).pagu == 2720088927.0  # the total ignores the parent row


def test_budget_of_codes():
    a = anggaran_2023()
    assert budget_of(a, "total").pagu == 2720088927.0
    b = budget_of(a, "7.01.02")
    assert (b.pagu, b.realisasi) == (28928297.0, 28533000.0)
    assert fmt_pct(b.persen) == "98,63%"
    k = budget_of(a, "7.01.01.2.02")
    assert (k.pagu, k.realisasi) == (2122381250.0, 1987364743.0)
    assert budget_of(a, "7.01.01.2.05").pagu == 12400000.0
    none = budget_of(a, None)
    assert (none.pagu, none.realisasi, none.ditemukan) == (0.0, 0.0, False)
    assert math.isnan(none.persen)
    missing = budget_of(a, "7.01.99")
    assert not missing.ditemukan and math.isnan(missing.pagu)


def test_mixed_levels_use_leaves():
    a = pd.DataFrame({"kode": ["7.01.01", "7.01.01.2.01.0001", "7.01.02"],
                      "uraian": ["A", "a1", "B (no children)"],
                      "pagu": [100.0, 40.0, 10.0], "realisasi": [90.0, 30.0, 5.0]})
    t = budget_totals(a)
    assert (t.pagu, t.realisasi, t.sumber) == (50.0, 35.0, "campuran")
    h = budget_hierarchy(a)
    # the implied activity 7.01.01.2.01 is added, blank uraian
    assert h["kode"].tolist() == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.02"]
    assert h.loc[1, "ada_di_data"] == False  # noqa: E712
    assert h.loc[0, "pagu_tercetak"] == 100.0 and h.loc[0, "pagu"] == 40.0


def test_lra_indicator_and_tree():
    l = lra_2023()
    r = realisasi_anggaran(l)
    assert (r.anggaran, r.realisasi) == (2720088927.0, 2566829648.0)
    assert fmt_pct(r.persen) == "94,37%"
    assert r.persen == pytest.approx(2566829648 / 2720088927 * 100)
    assert "rekening 5" in r.sumber
    tree = lra_tree(l).set_index("kode_rekening")
    assert fmt_pct(tree.loc["5.1", "persen"]) == "94,47%"
    assert fmt_pct(tree.loc["5.1.01", "persen"]) == "93,67%"  # the seed prints 93,70
    assert math.isnan(tree.loc["5.1.05", "persen"])
    assert tree.loc["5", "level"] == 1 and tree.loc["5.2.02", "level"] == 3
    # the seed's LRA does not add up: 5.1 is printed 600.000 below its accounts
    # (2.149.981.250 + 511.092.677 = 2.661.073.927), and so is 5
    checks = lra_checks(l)
    bad = checks[~checks["cocok"]]
    assert bad[["kode_rekening", "kolom", "selisih"]].values.tolist() == [
        ["5", "anggaran", -600000.0], ["5", "realisasi_tahun_lalu", 10190200.0],
        ["5.1", "anggaran", -600000.0], ["5.1", "realisasi_tahun_lalu", 10110200.0]]


def test_lra_without_account_5_sums_top_level():
    l = lra_2023().iloc[1:]
    r = realisasi_anggaran(l)
    assert (r.anggaran, r.realisasi) == (2720088927.0, 2566829648.0)
    assert "5.1, 5.2" in r.sumber


def test_spending_by_type():
    s = spending_by_type(lra_2023())
    assert s["kode_rekening"].tolist() == ["5.1", "5.1.01", "5.1.02", "5.1.05", "5.2", "5.2.02",
                                           "5.2.03", "5.2.05"]
    assert s.loc[0, "anggaran"] == 2660473927.0
