"""Two documents, two columns (issue 25, item 1) on hand-made places and tables: a finding names its place
in the published LKjIP and in the generated one, linked; the generated LKjIP's tables are checked too."""

from __future__ import annotations

import pandas as pd

import lkjip.audit.report as ar
from lkjip.audit.two_documents import (
    GENERATED_PLACE,
    NOT_PRINTED,
    PUBLISHED_PLACE,
    generated_place,
    place_links,
    with_generated_place,
)
from lkjip.document.self_audit import check_table

PLACES = {"Gambar 3.6": ("Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023", "tabel-3-1-12"),
          "Tabel 3.2.1": ("Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", "tabel-3-2-1"),
          "Gambar 3.2": ("Tabel 3.1.7 Laporan PATEN Tahun 2023", "tabel-3-1-7"),
          "Lampiran 7": ("Lampiran 4 Prestasi", None)}


def test_each_place_in_the_generated_lkjip():
    assert generated_place("Gambar 3.2", PLACES) == "Tabel 3.1.7 Laporan PATEN Tahun 2023"
    assert generated_place("Lampiran 1 T-C.27", PLACES) == NOT_PRINTED
    assert generated_place("Bab III A.5.f (teks)", PLACES) == ""
    assert generated_place("Gambar 3.6 (5.1); Tabel 3.2.1 (1); Bab III B (teks)", PLACES) == \
        "Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023; Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja"


def test_the_column_sits_beside_the_published_place_and_links():
    table = pd.DataFrame({PUBLISHED_PLACE: ["Gambar 3.2, Pindah Keluar / JUMLAH", "Lampiran 7"], "Tercetak": ["641", "1"]})
    out = with_generated_place(table, ["Gambar 3.2", "Lampiran 7"], PLACES)
    assert list(out.columns) == [PUBLISHED_PLACE, GENERATED_PLACE, "Tercetak"]
    html = ar.table_block(out, links=place_links(PLACES, "lkjip_gedeg_2023.html"))
    assert '<td><a href="lkjip_gedeg_2023.html#tabel-3-1-7">Tabel 3.1.7 Laporan PATEN Tahun 2023</a></td>' in html
    assert "<td>Lampiran 4 Prestasi</td>" in html  # a Lampiran heading: named, no link
    nan_anchor = place_links({"x": ("Lampiran 2 Berita Acara", float("nan"))}, "a")
    assert nan_anchor(GENERATED_PLACE, "Lampiran 2 Berita Acara") is None
    assert "<th>Tempat di LKjIP yang diterbitkan</th><th>Tempat di LKjIP yang dihasilkan</th>" in html


def test_data_derived_text_stays_escaped_next_to_links():
    places = {"X": ("Tabel 1.1 <b>x</b>", "tabel-1-1")}
    html = ar.table_block(pd.DataFrame({GENERATED_PLACE: ["Tabel 1.1 <b>x</b>"]}), links=place_links(places, "a.html"))
    assert '<a href="a.html#tabel-1-1">Tabel 1.1 &lt;b&gt;x&lt;/b&gt;</a>' in html and "<b>" not in html


def test_a_generated_table_that_copies_a_parent_disagreeing_with_its_children():
    lra = pd.DataFrame({"Kode Rekening": ["5", "5.1", "5.1.01", "5.1.02", "5.1.05", "5.2", "5.2.02"],
                        "Uraian": ["BELANJA DAERAH", "BELANJA OPERASI", "Belanja Pegawai", "Belanja Barang dan Jasa",
                                   "Belanja Hibah", "BELANJA MODAL", "Belanja Modal Perawatan dan Mesin"],
                        "Anggaran (Rp)": [2_720_088_927.0, 2_660_473_927.0, 2_149_981_250.0, 511_092_677.0, 0.0,
                                          59_615_000.0, 59_615_000.0],
                        "Realisasi 2023 (Rp)": [2_566_829_648.0, 2_513_319_648.0, 2_013_994_243.0, 499_325_405.0, 0.0,
                                                53_510_000.0, 53_510_000.0],
                        "%": [94.37, 94.47, 93.67, 97.70, None, 89.76, 89.76]})
    found = check_table(lra)
    assert [(f["Baris"], f["Kolom"], f["tercetak"], f["seharusnya"]) for f in found] == [
        ("5.1 BELANJA OPERASI", "Anggaran (Rp)", 2_660_473_927.0, 2_661_073_927.0)]


def test_totals_rows_and_columns_and_printed_source_figures():
    paten = pd.DataFrame({"No": ["1", "2", None], "Layanan": ["Pindah Datang", "Pindah Keluar", "JUMLAH"],
                          "Jan": [10, 20, 30], "Feb": [5, 5, 11], "Jumlah": [15, 25, 41],
                          "Jumlah Tercetak": [15.0, 641.0, 41.0], "Selisih": [0.0, 616.0, 0.0]})
    found = {(f["Baris"], f["Kolom"]): (f["tercetak"], f["seharusnya"]) for f in check_table(paten)}
    assert found == {("JUMLAH", "Feb"): (11.0, 10.0), ("JUMLAH", "Jumlah"): (41.0, 40.0),
                     ("2 Pindah Keluar", "Jumlah Tercetak"): (641.0, 25.0)}
