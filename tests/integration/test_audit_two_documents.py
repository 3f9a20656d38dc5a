"""Two documents, two columns (issue 25, item 1) on the bundled 2023: each finding names its place in the
published LKjIP and, where the generated LKjIP prints the same figure, its place there; the generated
LKjIP's own tables have their findings."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkjip.audit.report as ar
from lkjip.audit.two_documents import GENERATED_PLACE, PUBLISHED_PLACE, place_links
from lkjip.document.audit_view import for_audit

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def view():
    return for_audit(RAW, "gedeg", 2023)


def test_published_places_map_to_the_generated_numbers(view):
    p = view.places
    # the cases: Gambar 3.2 (PATEN) is Tabel 3.1.7, Tabel 1.1 (population) is not the staff table,
    # the published Lampiran 4/7 are Lampiran 3/4
    assert p["Gambar 3.2"] == ("Tabel 3.1.7 Laporan PATEN Tahun 2023", "tabel-3-1-7")
    assert p["Gambar 3.6"] == ("Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023", "tabel-3-1-12")
    assert p["Tabel 1.1"] == ("Tabel 1.4 Jumlah Penduduk Kecamatan Gedeg per 31 Desember 2022", "tabel-1-4")
    assert p["Tabel 3.2.1"] == ("Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", "tabel-3-2-1")
    assert p["Lampiran 4 Sekretaris Kecamatan"] == ("Tabel L.2 Capaian Kinerja Sekretaris Kecamatan", "tabel-l-2")
    assert p["Lampiran 7"] == ("Lampiran 4 Prestasi", None)
    assert p["Lampiran 3"] == ("Lampiran 2 Berita Acara Pengukuran Kinerja", None)
    assert "Gambar 2.1" not in p and "Lampiran 1 T-C.27" not in p  # the TC-27 is not in the generated LKjIP
    assert view.href == "lkjip_gedeg_2023.html"


def test_every_finding_names_both_places_and_links_the_generated_one(gedeg_audit, view):
    groups = ar.temuan_per_penyebab(gedeg_audit, places=view.places)
    for _, _, table in groups:
        assert list(table.columns[:2]) == [PUBLISHED_PLACE, GENERATED_PLACE]
    unknown = dict((h.split(" (")[0], t) for h, _, t in groups)["Tidak diketahui"]
    row = unknown[unknown[PUBLISHED_PLACE] == "Tabel 3.2.1, 1 Belanja Operasi / Realisasi"].iloc[0]
    assert (row[GENERATED_PLACE], row["Tercetak"], row["Dihitung"]) == \
        ("Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", "Rp 2.850.630.840", "Rp 2.513.319.648")
    html = ar.table_block(unknown, widths=ar.WIDTHS["temuan_dua"], links=place_links(view.places, view.href))
    assert '<a href="lkjip_gedeg_2023.html#tabel-3-2-1">Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja</a>' \
        in html
    tc27 = unknown[unknown[PUBLISHED_PLACE].str.startswith("Lampiran 1 T-C.27")]
    assert set(tc27[GENERATED_PLACE]) == {"tidak ada di LKjIP yang dihasilkan"}


def test_the_generated_lkjip_has_its_own_findings(view):
    own = view.sendiri
    assert list(own.columns) == ["Tempat di LKjIP yang dihasilkan", "Baris", "Kolom", "Tercetak", "Pembanding",
                                 "Selisih", "Pemeriksaan"]
    rows = own[["Tempat di LKjIP yang dihasilkan", "Baris", "Kolom", "Tercetak", "Pembanding"]].values.tolist()
    assert ["Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023", "5.1 BELANJA OPERASI", "Anggaran (Rp)",
            "Rp 2.660.473.927", "Rp 2.661.073.927"] in rows
    assert ["Tabel 3.2.1 Anggaran dan Realisasi per Jenis Belanja", "1 5.1 BELANJA OPERASI", "Anggaran (Rp)",
            "Rp 2.660.473.927", "Rp 2.661.073.927"] in rows
    # figures carried from the published LKjIP as printed, beside the recomputed ones
    assert ["Tabel 1.4 Jumlah Penduduk Kecamatan Gedeg per 31 Desember 2022", "Jumlah", "Jumlah tercetak",
            "60.073", "58.314"] in rows
    assert ["Tabel 3.1.7 Laporan PATEN Tahun 2023", "2 Pindah Keluar", "Jumlah Tercetak", "641", "941"] in rows
    # the generated Berita Acara quotes the signed 97,33 (the recomputed 98,31 is a note beside it): no finding
    assert not [r for r in rows if r[0].startswith("Lampiran 2 Berita Acara")]
    # the official's report is quoted as signed (Rp 41.332); the one sub kegiatan of Rp 41.600.000 realised
    # Rp 41.322.000: the quoted figure is a finding, with the note beside it in the LKjIP
    assert ["Tabel L.6 Capaian Kinerja Kepala Seksi Pemerintahan",
            "Kepala Seksi Pemerintahan: anggaran terserap (seperti tertulis dalam laporan jabatan)",
            "Realisasi anggaran (Rp)", "Rp 41.332", "Rp 41.322.000"] in rows
    # the Sekretaris Kecamatan's capaian recomputed against the signed PK's 94 %
    assert ["Tabel L.2 Capaian Kinerja Sekretaris Kecamatan", "2 Persentase realisasi anggaran 90% 94,37",
            "Capaian (%)", "104,85", "100,39"] in rows
    assert len(own) == 16
    assert view.sendiri_places["Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023"][1] == "tabel-3-1-12"
