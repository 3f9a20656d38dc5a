"""lkjip.document.narrative: drafted Indonesian text from the bundled Gedeg 2023 figures."""

from __future__ import annotations

import re
import shutil

import pytest

from lkjip.document import narrative as nr
from lkjip import document as rp
from lkjip.contract.rules import INDICATOR_IDS

RAW_FLOAT = re.compile(r"\d\.\d{4,}|\de[+-]\d")  # 98.31379..., 2.7e+09 (thousands groups are 3 digits)


def _ikhtisar(rep) -> str:
    """The Ikhtisar Eksekutif as notebook 05 prints it: the opening paragraph, then the computed part."""
    return nr.ikhtisar_pembuka(rep) + "\n\n" + nr.ikhtisar_capaian(rep)


@pytest.fixture(scope="module")
def rep(gedeg_report):
    return gedeg_report  # built once per session (conftest)


def _all_text(rep) -> str:
    parts = [_ikhtisar(rep), nr.bab1_pegawai(rep), nr.tabel_3_1_1_text(rep),
             nr.tabel_3_1_2_text(rep), nr.tabel_3_1_3_text(rep), nr.efisiensi(rep),
             nr.realisasi_anggaran(rep), nr.kesimpulan(rep), nr.saran(rep)]
    parts += [nr.analisis_indikator(rep, i) for i in INDICATOR_IDS]
    return "\n".join(parts)


def test_ikhtisar(rep):
    text = _ikhtisar(rep)
    assert nr.DRAFT_MARK not in text  # one draft notice for the whole document, not one per block
    assert nr.DRAFT_MARK in nr.draft_notice(rep) and 'content: "DRAF"' in nr.draft_notice(rep)
    assert "Nilai IKM (Indeks Kepuasan Masyarakat): realisasi 97,33 dari target 94,5, capaian 102,99%" in text
    assert "(kategori capaian Sangat Tinggi); kategori IP ASN Tinggi" in text
    assert "Nilai SAKIP Perangkat Daerah: realisasi 86,13 dari target 87,5, capaian 98,43%" in text
    assert "predikat SAKIP A (Memuaskan)" in text
    assert "3 program, 9 kegiatan dan 22 sub kegiatan" in text
    assert "Rp 2.720.088.927" in text and "Rp 2.566.829.648" in text and "94,37%" in text


def test_bab1_staff(rep):
    text = nr.bab1_pegawai(rep)
    assert "berjumlah 21 orang, terdiri dari 18 orang ASN dan 3 orang tenaga honorer" in text
    assert "keluar atau pindah tugas" not in text  # no invented departure (data/raw/gedeg/README.md)
    assert "BAGUS" not in text


def test_analysis_per_indicator(rep):
    ikm = nr.analisis_indikator(rep, "ikm")
    assert "terealisasi 97,33 dari target 94,5" in ikm and "102,99%" in ikm  # official 97,33 / 94,5
    assert "naik 3,12 poin" in ikm  # 97,33 - 94,21 as printed
    assert "mutu pelayanan A (Sangat Baik)" in ikm
    assert "memenuhi sampel minimum Krejcie-Morgan sebanyak 372 responden" in ikm
    assert "(97,13 pada Tabel 3.1.2, satu digit berbeda dari 97,33 (diduga salah ketik); 97,50 pada Tabel 3.2.3)" in ikm
    sakip = nr.analisis_indikator(rep, "sakip")
    assert "terealisasi 86,13 dari target 87,5" in sakip and "Target belum tercapai" in sakip
    assert "realisasi masih 1,37 poin di bawah target" in sakip
    assert "turun 1,30 poin" in sakip
    assert "Evaluasi Akuntabilitas Kinerja Internal: 20,71 dari 25,00 (82,84%)" in sakip
    assert "penurunan terbesar pada Evaluasi Akuntabilitas Kinerja Internal (−0,59)" in sakip
    ang = nr.analisis_indikator(rep, "realisasi_anggaran_pct")
    assert "terealisasi 94,37% dari target 90%" in ang
    assert "Penyediaan Gaji dan Tunjangan ASN (Rp 135.016.507" in ang
    lay = nr.analisis_indikator(rep, "layanan_sesuai_standar_pct")
    # the claim the data support: 11.139 by month (the printed JUMLAH row says 11.119), none recorded
    # as not meeting the standard
    assert "tercatat 11.139 layanan PATEN" in lay and "mencetak 11.119 layanan (selisih 20)" in lay
    assert "Tidak ada layanan yang dicatat tidak sesuai standar" in lay
    assert "seluruhnya terlayani sesuai standar" not in lay
    koo = nr.analisis_indikator(rep, "koordinasi_ditindaklanjuti_pct")
    assert "451 fasilitasi" in koo and "Seluruh 4 seksi" in koo
    ip = nr.analisis_indikator(rep, "ip_asn")
    assert "89,50" in ip and "8 orang Sangat Tinggi, 8 orang Tinggi dan 2 orang Sedang" in ip
    ino = nr.analisis_indikator(rep, "jumlah_inovasi")
    assert "GAMIS JUBAH" in ino and "MANTAP BERDASI" in ino


def test_efficiency_conclusion_and_suggestions(rep):
    eff = nr.efisiensi(rep)
    assert "bernilai positif" in eff and "11,22" in eff  # 104,86 - 93,64 as printed
    kes = nr.kesimpulan(rep)
    assert "6 indikator mencapai atau melampaui target" in kes
    assert "1 indikator belum mencapai target: Nilai SAKIP (realisasi 86,13 dari target 87,5" in kes
    sar = nr.saran(rep)
    assert "1. Nilai SAKIP:" in sar and "Evaluasi Akuntabilitas Kinerja Internal" in sar
    # the SAKIP analysis cannot test "completeness rather than quality" with 2023's data
    assert "kelengkapan" not in sar


def test_numbers_are_formatted_and_text_is_deterministic(rep):
    text = _all_text(rep)
    assert not RAW_FLOAT.search(text), RAW_FLOAT.search(text)
    assert "nan" not in re.findall(r"\bnan\b", text.lower())
    assert text == _all_text(rep)
    assert nr.DRAFT_MARK not in text


def test_title_profile_signature(rep):
    assert "KECAMATAN GEDEG" in nr.judul(rep) and "TAHUN 2023" in nr.judul(rep)
    assert "<h1" not in nr.judul(rep)
    ttd = nr.tanda_tangan(rep)
    assert "NIP. 19770221 199511 1 001" in ttd and "Mojokerto, ................ 2024" in ttd
    final = nr.tanda_tangan(rep, place="Mojokerto", date="2024-01-10", final=True)
    assert "Mojokerto, 10 Januari 2024" in final and "...." not in final


def test_missing_dataset_and_missing_target_still_render(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    (tmp_path / "gedeg" / "2023" / "sakip_evaluasi.csv").unlink()
    targets = tmp_path / "gedeg" / "targets.csv"
    lines = targets.read_text(encoding="utf-8").splitlines()
    targets.write_text("\n".join(l for l in lines if not l.startswith(("ikm,pk,2023", "ikm,pk_perubahan,2023",
                                                                       "ikm,renstra,2023"))) + "\n",
                       encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    assert r.gambar_3_5 is None
    sakip = nr.analisis_indikator(r, "sakip")
    assert "tidak dapat diukur karena data hasil evaluasi SAKIP tidak tersedia" in sakip
    ikm = nr.analisis_indikator(r, "ikm")
    assert "terealisasi 97,33; target tahun ini belum ditetapkan" in ikm
    kes = nr.kesimpulan(r)
    assert "2 indikator belum dapat dinilai" in kes
    sar = nr.saran(r)
    assert "melengkapi data hasil evaluasi SAKIP" in sar and "menetapkan target tahunan" in sar
    ikh = _ikhtisar(r)
    assert "Nilai SAKIP Perangkat Daerah: realisasi tidak dapat dihitung" in ikh
    assert "realisasi 97,33; target belum ditetapkan" in ikh
    for text in (nr.efisiensi(r), nr.tabel_3_1_1_text(r), nr.tabel_3_1_2_text(r), nr.tabel_3_1_3_text(r)):
        assert not RAW_FLOAT.search(text)


def test_fmt_value():
    assert nr.fmt_value("realisasi_anggaran_pct", 94.36565) == "94,37%"
    assert nr.fmt_value("sakip", 87.5, compact=True) == "87,5"
    assert nr.fmt_value("jumlah_inovasi", 2.0) == "2 inovasi"
    assert nr.fmt_value("ikm", float("nan")) == "–"


def _copy_unit(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    return tmp_path / "gedeg" / "2023"


def test_sentences_follow_a_changed_service_figure(tmp_path, raw_dir):
    """One service marked as not meeting the standard: every sentence about it changes."""
    folder = _copy_unit(tmp_path, raw_dir)
    path = folder / "paten_layanan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [l[:-2] + ",5" if l.startswith("Kartu Keluarga,") else l for l in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    lay = nr.analisis_indikator(r, "layanan_sesuai_standar_pct")
    assert "Sebanyak 5 layanan dicatat tidak sesuai standar pelayanan" in lay
    assert "yang sesuai standar 11.134 dari 11.139 layanan" in lay
    assert "terealisasi 99,96% dari target 100%" in lay and "Target belum tercapai" in lay
    assert "realisasi masih 0,04 poin persentase di bawah target" in lay
    assert "Tidak ada layanan yang dicatat" not in lay
    assert "Layanan tidak sesuai standar terbanyak pada Kartu Keluarga (5)" in lay
    assert "2 indikator belum mencapai target: Persentase pelayanan sesuai standar" in nr.kesimpulan(r)
    assert "Persentase pelayanan sesuai standar (realisasi 99,96% dari target 100%" in nr.kesimpulan(r)
    assert "Menelusuri penyebab 5 layanan yang tidak sesuai standar" in nr.saran(r)


def test_sentences_follow_a_lower_sakip(tmp_path, raw_dir):
    folder = _copy_unit(tmp_path, raw_dir)
    path = folder / "sakip_evaluasi.csv"
    # ten points less on the internal evaluation component (20,71 -> 10,71)
    path.write_text(path.read_text(encoding="utf-8").replace('"20,71"', '"10,71"'), encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    sakip = nr.analisis_indikator(r, "sakip")
    assert "terealisasi 76,13 dari target 87,5, sehingga capaiannya 87,01% (kategori capaian Tinggi)" in sakip
    assert "realisasi masih 11,37 poin di bawah target" in sakip and "turun 11,30 poin" in sakip
    assert "Predikat SAKIP BB" in sakip
    assert "Nilai SAKIP Perangkat Daerah: realisasi 76,13 dari target 87,5, capaian 87,01% " \
           "(kategori capaian Tinggi); predikat SAKIP BB" in _ikhtisar(r)
    assert "Evaluasi Akuntabilitas Kinerja Internal yang capaiannya terendah terhadap bobotnya (42,84%)" \
        in nr.saran(r)


def test_a_printed_figure_equal_to_its_target_meets_it(tmp_path, raw_dir):
    """2022: realisasi 89,99999...% is printed 90,00% and meets the 90% target."""
    r = rp.build_report(raw_dir, "gedeg", 2022)
    full = r.results.tabel.set_index("indikator").loc["realisasi_anggaran_pct"]
    assert full["realisasi"] < 90 and full["capaian_pct"] < 100  # the computed figures, full precision
    ang = nr.analisis_indikator(r, "realisasi_anggaran_pct")
    assert "terealisasi 90,00% dari target 90%, sehingga capaiannya 100,00%" in ang
    assert "Target tercapai." in ang and "belum tercapai" not in ang
    assert "Realisasi sama dengan tahun 2021 (90,00%)" in ang and "turun 0,00" not in ang
    assert "6 indikator mencapai atau melampaui target" in nr.kesimpulan(r)
    assert "(90,00% menjadi 90,00%)" not in nr.tabel_3_1_2_text(r)


def test_the_analysts_text_wins_section_by_section(rep):
    import copy

    r = copy.copy(rep)
    r.narasi = {"kesimpulan": "Teks **analis** untuk kesimpulan.", "faktor_keberhasilan.ikm": "Survei harian."}
    assert nr.section(r, "kesimpulan", nr.kesimpulan) == "Teks **analis** untuk kesimpulan."
    assert nr.section(r, "saran", nr.saran) == nr.saran(rep)  # no analyst section: drafted
    # the analyst's factors follow the sentence on the target, the details after them
    assert "Target terlampaui.\n\nSurvei harian.\n\nDibandingkan tahun 2022" in nr.analisis_indikator(r, "ikm")
    r.narasi = {}
    assert nr.section(r, "kesimpulan", nr.kesimpulan) == nr.kesimpulan(rep)  # no narrative file: drafted
    # the bundled 2023 narrative file holds the published LKjIP's conclusion as the analyst's text
    assert nr.section(rep, "kesimpulan", nr.kesimpulan).startswith("Keberhasilan pencapaian target kinerja")
