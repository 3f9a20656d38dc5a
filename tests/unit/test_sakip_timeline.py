"""Issue 26: staffing as a timeline from ``riwayat_jabatan.csv``; an unknown start is "tidak diketahui",
never January. Hand-worked months; files only in tmp."""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.errors import DataErrors
from lkjip.inputs.riwayat_jabatan import parse_bound, read_riwayat_jabatan
from lkjip.sakip_change.timeline import post_timeline

PPK = "Kepala Sub Bagian Penyusunan Program dan Keuangan"


def history(*rows) -> pd.DataFrame:
    """rows: (mulai, selesai, status)."""
    return pd.DataFrame({"jabatan": [PPK] * len(rows), "status": [r[2] for r in rows],
                         "mulai": [parse_bound(r[0]) for r in rows], "selesai": [parse_bound(r[1]) for r in rows]})


def test_successor_after_three_vacant_months():
    t = post_timeline(history((None, "2023-06-30", "definitif"), ("2023-10-02", None, "definitif")), PPK, 2023)
    assert t.bulan == ("definitif",) * 6 + ("kosong",) * 3 + ("definitif",) * 3
    assert (t.tanpa_definitif, t.tanpa_definitif_teks, t.tidak_diketahui) == (3, "Jul–Sep", 0)


def test_acting_holder_counts_as_without_a_definitive_one():
    t = post_timeline(history((None, "2023-04-15", "definitif"), ("2023-05-01", "2023-08-31", "plt"),
                              ("2023-09-01", None, "definitif")), PPK, 2023)
    assert t.bulan[3:9] == ("definitif", "plt", "plt", "plt", "plt", "definitif")
    assert (t.tanpa_definitif, t.tanpa_definitif_teks) == (4, "Mei–Agu")


def test_successor_without_start_is_unknown_never_january():
    t = post_timeline(history((None, "2023-06-30", "definitif"), (None, None, "definitif")), PPK, 2023)
    assert t.bulan[:6] == ("definitif",) * 6 and t.bulan[6:] == ("tidak diketahui",) * 6
    assert (t.tanpa_definitif, t.tidak_diketahui_teks) == (0, "Jul–Des")


def test_bundled_gedeg_history_says_only_the_year(raw_dir):
    r = read_riwayat_jabatan(raw_dir, "gedeg")
    t = post_timeline(r, PPK, 2023)
    # left "in 2023" (seed l.719, no day), successor's start not printed: January surely filled, then unknown
    assert t.bulan[0] == "definitif" and t.tidak_diketahui_teks == "Feb–Des" and t.tanpa_definitif == 0


def test_reader_errors_name_row_and_column(tmp_path):
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "riwayat_jabatan.csv").write_text(
        "jabatan,mulai,selesai,status\nKasubag,2023-13-01,,definitif\nKasubag,2023-05-01,2023-04-01,pj\n",
        encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        read_riwayat_jabatan(tmp_path, "u")
    text = str(e.value)
    assert "riwayat_jabatan.csv, baris 2, kolom 'mulai'" in text
    assert "baris 3, kolom 'status': harus definitif atau plt (isi: 'pj')" in text
    assert "baris 3, kolom 'selesai': sebelum tanggal mulai" in text
    assert read_riwayat_jabatan(tmp_path, "none") is None
