"""The checks that read the officials' LKjIP (tests/helpers/document_text.py) catch what they should."""

from __future__ import annotations

from helpers.document_text import contradictions, forbidden


def test_the_contradiction_patterns_catch_what_the_issue_saw():
    seen = ("Indikator Persentase Realisasi Anggaran Perangkat Daerah tahun 2022 terealisasi 90,00% dari "
            "target 90%, sehingga capaiannya 100,00% (kategori capaian Sangat Tinggi). Target belum tercapai; "
            "realisasi masih 0,00 di bawah target. Dibandingkan tahun 2021 (90,00%), realisasi turun 0,00 poin "
            "persentase.\n6. Indeks Profesionalitas ASN: realisasi 56,00 dari target 57, capaian 98,25% "
            "(kategori Sangat Tinggi); kategori Sangat Rendah.\nPenyerapan anggaran mencapai 94,37% "
            "(Rp 1 dari Rp 2).\nDari pagu anggaran unit, realisasi sebesar Rp 3 atau 94,38%.")
    found = "\n".join(contradictions(seen))
    for what in ("missed with realisasi >= target", "a gap of 0,00", "a change of 0,00",
                 "a category without its name", "penyerapan printed as [94.37, 94.38]"):
        assert what in found, what
    assert contradictions("Indikator Nilai SAKIP Perangkat Daerah tahun 2023 terealisasi 86,13 dari target "
                          "87,5, sehingga capaiannya 98,43% (kategori capaian Sangat Tinggi). Target belum "
                          "tercapai; realisasi masih 1,37 poin di bawah target.") == []


def test_the_forbidden_words_are_recognised():
    found = "\n".join(forbidden("Gagal tingkat error; Kode Anggaran `kode`; data/raw/gedeg/2023/lra.csv; "
                                "Notebook ini; SHA-256 a3f9; commit 353dcb8eb8ee54afc0ff986582fcf15a2b0e397f; "
                                "pandas 3.1.1; realisasi_anggaran_pct; nan"))
    for what in ("English error levels", "backticked", "paths", "file names", "notebook", "hashes", "git",
                 "package names", "Python names", "Python values"):
        assert what in found, what
    assert forbidden("Laporan Realisasi Anggaran Kecamatan Gedeg tahun 2023: 94,37% dari Rp 2.720.088.927.") == []
