"""Issue 25, item 2 on the bundled 2023 audit: each cause named under "What was seen" no longer holds."""

from __future__ import annotations

import pytest

import lkjip.audit.report as ar
from lkjip.audit import FAMILY_INTERNAL, FAMILY_PUBLISHED, SELISIH, SESUAI, TIDAK_DIPERIKSA


@pytest.fixture(scope="module")
def frame(gedeg_audit):
    return gedeg_audit.frame


def _row(frame, indikator, lokasi, tahun=2023, ukuran="realisasi"):
    sel = frame[(frame["pemeriksaan"] == FAMILY_PUBLISHED) & (frame["indikator"] == indikator)
                & (frame["lokasi"] == lokasi) & (frame["tahun"] == tahun) & (frame["ukuran"] == ukuran)]
    assert len(sel) == 1, (indikator, lokasi, len(sel))
    return sel.iloc[0]


def test_a_parent_account_is_compared_with_its_own_row_and_named_as_disagreeing(frame):
    # Gambar 3.6, 5.1 BELANJA OPERASI (%): 94,47 is right, 2.513.319.648 / 2.660.473.927 = 94,469%
    row = _row(frame, "lra_persen:5.1", "Gambar 3.6")
    assert row["status"] == SESUAI and row["dihitung"] == pytest.approx(2_513_319_648 / 2_660_473_927 * 100)
    assert row["sumber_hitungan"] == ("2023/lra.csv baris 3 (baris induk 5.1; baris induk ini sendiri tidak sama "
                                      "dengan jumlah rinciannya 2.661.073.927, lihat temuan total dalam dataset)")
    assert _row(frame, "lra_anggaran:5.1", "Gambar 3.6")["status"] == SESUAI
    # the disagreement is the LRA's own, reported once, naming the parent
    parent = frame[(frame["pemeriksaan"] == FAMILY_INTERNAL)
                   & (frame["item"] == "5.1 BELANJA OPERASI: anggaran (jumlah 3 rincian)")]
    assert parent[["dipublikasikan", "dihitung", "status"]].values.tolist() == [[2_660_473_927.0, 2_661_073_927.0,
                                                                                   SELISIH]]
    # no finding calls the right 94,47 a typo
    diff = frame[frame["status"] == SELISIH]
    assert not ((diff["dipublikasikan"] == 94.47) & (diff["kemungkinan_penyebab"] == "salah_ketik_digit")).any()


def test_ip_asn_capaian_against_another_target_is_beda_target(frame):
    row = _row(frame, "ip_asn", "Bab III A.5.f (teks)", ukuran="capaian")
    assert (row["dipublikasikan"], round(row["dihitung"], 2)) == (100.0, 105.29)
    assert row["kemungkinan_penyebab"] == "beda_target"
    assert "target 89,5 yang tercetak di tempat yang sama bukan target tahun 2023 (85)" in row["penjelasan"]


def test_cells_that_do_not_apply_are_not_findings(frame, gedeg_audit):
    for ind in ("surplus_defisit_persen", "sisa_lebih_pembiayaan_persen"):
        row = _row(frame, ind, "Gambar 3.6")
        assert row["status"] == TIDAK_DIPERIKSA and row["keterangan"].startswith("sel tidak berlaku")
    poin = ar.terbesar(gedeg_audit, "poin")
    assert not poin["Tempat di LKjIP yang diterbitkan"].str.contains("SURPLUS|SISA LEBIH").any()


def test_efisiensi_carries_the_ikm_difference_through(frame):
    row = _row(frame, "tingkat_efisiensi:ikm", "Tabel 3.2.4")
    assert row["kemungkinan_penyebab"] == "turunan"
    assert "sama dengan capaian tercetak 102,99 dikurangi penyerapan tercetak 94,37 (8,6200%)" in row["penjelasan"]
    assert "capaian tercetak 102,99 sendiri berbeda dari hasil hitung ulang 104,04" in row["penjelasan"]


def test_no_digit_slip_between_round_thousands(frame):
    diff = frame[(frame["status"] == SELISIH) & (frame["kemungkinan_penyebab"] == "salah_ketik_digit")]
    round_pairs = diff[(diff["dipublikasikan"].abs() >= 1000) & (diff["dipublikasikan"] % 1000 == 0)
                       & (diff["dihitung"] % 1000 == 0) & (diff["dihitung"] != 0)]
    assert round_pairs.empty, round_pairs[["item", "dipublikasikan", "dihitung"]].values.tolist()
    tc27 = frame[(frame["item"] == "tc27_pagu:7.01.06 (realisasi) - Lampiran 1 T-C.27: jumlah rincian tahun 2023")]
    assert tc27[["dipublikasikan", "dihitung", "kemungkinan_penyebab"]].values.tolist() == \
        [[360_000_000.0, 340_000_000.0, "tidak_diketahui"]]


def test_every_unknown_cause_says_what_was_tried(frame):
    unknown = frame[(frame["status"] == SELISIH) & (frame["kemungkinan_penyebab"] == "tidak_diketahui")]
    assert len(unknown) == 98
    assert unknown["penjelasan"].str.contains("Yang sudah dicoba: ", regex=False).all()


def test_the_most_material_rupiah_difference_leads(gedeg_audit):
    rupiah = ar.terbesar(gedeg_audit, "rupiah")
    # Tabel 3.2.1's Belanja Operasi (Rp 337 juta of Rp 2,85 miliar) before the T-C.27 planning cell (Rp 1,87 miliar)
    assert rupiah["Selisih"].tolist()[:4] == ["Rp 337.311.192", "Rp 284.476.757", "Rp 283.801.192",
                                              "Rp 1.870.000.000"]


def test_findings_of_each_cause_are_ranked_by_materiality(gedeg_audit):
    groups = {h.split(" (")[0]: t for h, _, t in ar.temuan_per_penyebab(gedeg_audit)}
    first = {k: (t.iloc[0]["Tercetak"], t.iloc[0]["Dihitung"]) for k, t in groups.items()}
    # 641 for 941 (a third of the figure) before the one-digit slips of large counts
    assert first["Salah ketik digit"] == ("641", "941")
    assert first["Tidak diketahui"] == ("1.100", "11.000")
    # Tabel 3.2.1's Belanja Operasi (Rp 337 juta of Rp 2,85 miliar) before the T-C.27 planning cells
    unknown = groups["Tidak diketahui"]
    rupiah = unknown[unknown["Tercetak"].str.startswith("Rp")]
    assert rupiah.iloc[0]["Selisih"] == "Rp 337.311.192"
