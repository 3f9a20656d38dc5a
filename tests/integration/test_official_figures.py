"""What the Camat signs (issue 24, items 1, 2 and 7): the official figure beside the recomputed one, signed
documents quoted as signed with a note beside a figure the data give otherwise, facts that disagree
flagged for the analyst and stated once in the document.

Figures are the seed's (LKjIP Kecamatan Gedeg 2023): IKM 97,33 (E-Sukma, Berita Acara l.1413) against the
98,31 the survey gives with the regulation's 1/9 weight; the Kasi Pemerintahan's "terserap Rp.41.332,00
atau 97,64%" (l.1719) against Tabel 3.2.5's Rp 41.322.000 (99,33%); the Sekcam's PK target 94% (l.1481)
against the 90% of its capaian table (l.1499); IP ASN 56 (Tabel 3.1.2, 2022) and 89,50 ("IP ASN tahun 2022").
"""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml

from lkjip import document as rp
from lkjip.cli import main
from lkjip.document import narrative as nr
from lkjip.errors import DataError
from lkjip.indicators.official import official_figures
from lkjip.inputs.unit import Unit

IKM = "Nilai IKM (Indeks Kepuasan Masyarakat)"


@pytest.fixture(scope="module")
def rep(gedeg_report):
    return gedeg_report


def _copy(raw_dir, tmp_path):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    return tmp_path


def _set_unit(tmp_path, **values):
    path = tmp_path / "gedeg" / "unit.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --------------------------------------------------------------------------- item 1: IKM 97,33 and 98,31


def test_the_report_prints_the_official_ikm_and_under_tabel_3_1_1_the_recomputed_one_with_its_cause(rep):
    t = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama")
    assert t.loc[IKM, "Realisasi"] == "97,33"
    assert t.loc[IKM, "% Capaian"] == 102.99  # 97,33 / 94,5, as the seed prints it
    note = nr.resmi.angka_resmi_text(rep)
    assert note.startswith(f"{IKM} tahun 2023 dicetak 97,33, angka resmi menurut Aplikasi E-Sukma Provinsi Jawa "
                           "Timur dan Berita Acara Pengukuran Kinerja Nomor 069/ 44 /416-314/2024;")
    assert ("hitung ulang dari 654 responden survei dengan bobot unsur 1/9 menurut PermenPAN-RB Nomor 14 Tahun "
            "2017 memberi 98,31, selisih 0,98,") in note
    assert "karena angka resmi sama dengan hasil bobot unsur 0,11 (1/9 dibulatkan dua desimal)" in note
    assert "01/01/2024 sampai Tanggal Akhir 30/01/2024" in note
    assert note.count(". ") == 0 and note.endswith(".")  # one sentence an auditor can quote
    # the recomputation is kept, never overwritten (the audit and indicators.csv use it)
    assert rep.hasil_hitung.tabel.set_index("indikator").loc["ikm", "realisasi"] == pytest.approx(98.313795, abs=1e-6)


def test_the_other_figures_of_gedeg_do_not_change(rep):
    printed = rep.results.tabel.set_index("indikator")
    computed = rep.hasil_hitung.tabel.set_index("indikator")
    others = [i for i in printed.index if i != "ikm"]
    pd.testing.assert_frame_equal(printed.loc[others], computed.loc[others])
    assert rep.results.kelas == rep.hasil_hitung.kelas  # 97,33 and 98,31 are both mutu A


def test_berita_acara_quotes_the_signed_97_33_with_the_recomputed_figure_beside_it(rep):
    text = nr.lampiran.berita_acara(rep, rp.berita_acara(rep))
    line = next(l for l in text.splitlines() if l.startswith("1. "))
    assert line.startswith(f"1. {IKM} tahun 2023: 97,33 (A) (catatan: dihitung ulang dari data survei, "
                           "nilainya 98,31;")
    assert "98,31 (A)" not in text
    assert "4. Nilai SAKIP Perangkat Daerah tahun 2023: 86,13 (A)" in text  # unchanged, no note


def test_indicators_csv_keeps_the_recomputed_realisasi_and_adds_the_official_one(raw_dir, tmp_path):
    from lkjip.run.steps import indicator_step

    ctx = SimpleNamespace(data_dir=raw_dir, unit="gedeg", year=2023, processed_dir=tmp_path / "p")
    indicator_step(ctx)
    df = pd.read_csv(tmp_path / "p" / "gedeg" / "2023" / "indicators.csv").set_index("indikator")
    assert list(df.columns)[-2:] == ["realisasi_resmi", "sumber_resmi"]
    assert df.loc["ikm", "realisasi"] == pytest.approx(98.313795, abs=1e-6)
    assert df.loc["ikm", "capaian_pct"] == pytest.approx(98.313795 / 94.5 * 100, abs=1e-4)
    assert df.loc["ikm", "realisasi_resmi"] == 97.33
    assert df.loc["ikm", "sumber_resmi"].startswith("Aplikasi E-Sukma Provinsi Jawa Timur")
    assert df["realisasi_resmi"].drop("ikm").isna().all() and df["sumber_resmi"].drop("ikm").isna().all()


def test_angka_utama_hitung_ulang_prints_the_recomputed_figure_and_names_the_official_one(raw_dir, tmp_path):
    data = _copy(raw_dir, tmp_path)
    _set_unit(data, angka_utama="hitung_ulang")
    r = rp.build_report(data, "gedeg", 2023)
    t = r.tabel_3_1_1.set_index("Indikator Kinerja Utama")
    assert t.loc[IKM, "Realisasi"] == "98,31" and t.loc[IKM, "% Capaian"] == 104.03
    note = nr.resmi.angka_resmi_text(r)
    assert note.startswith(f"{IKM} tahun 2023 dicetak 98,31, hitung ulang dari 654 responden survei")
    assert "adalah 97,33, selisih 0,98, karena angka resmi sama dengan hasil bobot unsur 0,11" in note
    # the Berita Acara is a signed document: still 97,33
    assert f"1. {IKM} tahun 2023: 97,33 (A)" in nr.lampiran.berita_acara(r, rp.berita_acara(r))


def test_without_angka_resmi_the_report_is_as_before(raw_dir, tmp_path):
    data = _copy(raw_dir, tmp_path)
    for year in (2021, 2022, 2023):
        (data / "gedeg" / str(year) / "angka_resmi.csv").unlink()
    r = rp.build_report(data, "gedeg", 2023)
    assert r.tabel_3_1_1.set_index("Indikator Kinerja Utama").loc[IKM, "Realisasi"] == "98,31"
    assert nr.resmi.angka_resmi_text(r) == "" and r.angka_resmi == ()
    assert f"1. {IKM} tahun 2023: 98,31 (A)\n" in nr.lampiran.berita_acara(r, rp.berita_acara(r))


def test_an_unknown_angka_utama_is_a_data_error_naming_unit_yaml(raw_dir, tmp_path, capsys):
    with pytest.raises(DataError) as err:
        Unit.from_dict({"kode": "x", "nama": "X", "kabupaten": "Y", "pimpinan": {"nama": "A", "jabatan": "B"},
                        "angka_utama": "terbaru"})
    assert str(err.value) == "unit.yaml, kolom 'angka_utama': pilihan yang sah: resmi, hitung_ulang (isi: 'terbaru')"
    data = _copy(raw_dir, tmp_path)
    _set_unit(data, angka_utama="terbaru")
    code = main(["validate", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data)])
    assert code == 2
    assert "kolom 'angka_utama': pilihan yang sah: resmi, hitung_ulang" in capsys.readouterr().err


def test_official_figure_of_an_undeclared_code_is_a_validation_error(raw_dir, tmp_path, capsys):
    data = _copy(raw_dir, tmp_path)
    path = data / "gedeg" / "2023" / "angka_resmi.csv"
    path.write_text(path.read_text(encoding="utf-8") + "ikm_kabupaten,\"90,1\",Dinas,\n", encoding="utf-8")
    code = main(["validate", "--unit", "gedeg", "--year", "2023", "--data-dir", str(data)])
    out = capsys.readouterr()
    assert code == 2
    assert "angka_resmi" in out.err and "ikm_kabupaten" in out.err


def test_official_figures_are_read_by_code_without_case():
    frame = pd.DataFrame({"indikator": ["IKM", "sakip"], "realisasi_resmi": [97.33, None],
                          "sumber_resmi": ["E-Sukma", "LHE"], "keterangan": [None, None]})
    assert official_figures(frame) == {"ikm": (97.33, "E-Sukma", "")}


# --------------------------------------------------------------------------- item 2: a typo stays a typo


def _official(rep, jabatan):
    return next(lp for lp in rp.laporan_pejabat(rep) if lp.jabatan == jabatan)


def test_kasi_pemerintahan_budget_is_quoted_as_signed_with_the_typo_noted(rep):
    text = nr.lampiran.pejabat_evaluasi(_official(rep, "Kepala Seksi Pemerintahan"), final=True)
    first = text.split("\n\n")[0]
    assert first.startswith("Anggaran yang tersedia Rp 41.600.000 terserap Rp 41.332 atau 97,64%, seperti "
                            "tertulis dalam laporan jabatan. Catatan: realisasi Rp 41.332 pada laporan jabatan "
                            "diduga salah ketik: rincian anggaran sub kegiatan Fasilitasi Administrasi Tata "
                            "Pemerintahan Desa (Bab III B) mencatat realisasi Rp 41.322.000 dari Rp 41.600.000, "
                            "atau 99,33%")
    assert "atau 0,10% (laporan jabatan mencetak 97,64%)" not in text  # the old "finding"
    assert nr.ANALYST_NOTE not in text  # final: no analyst note
    draft = nr.lampiran.pejabat_evaluasi(_official(rep, "Kepala Seksi Pemerintahan"))
    assert f"*{nr.ANALYST_NOTE} Kepala Seksi Pemerintahan: realisasi anggaran di laporan jabatan (Rp 41.332)" in draft


def test_an_official_whose_figures_agree_gets_no_note(rep):
    text = nr.lampiran.pejabat_evaluasi(_official(rep, "Kepala Seksi Pelayanan"))
    assert text.split("\n\n")[0] == ("Anggaran yang tersedia Rp 28.928.297 terserap Rp 28.533.000 atau 98,63%, "
                                     "seperti tertulis dalam laporan jabatan.")


# --------------------------------------------------------------------------- item 7: facts that disagree


def test_sekcam_pk_target_94_against_90_is_stated_and_flagged(rep):
    sekcam = _official(rep, "Sekretaris Kecamatan")
    assert sekcam.beda_target == (("Persentase realisasi anggaran", "94%", "90%"),)
    note = nr.lampiran.capaian_note(sekcam)
    assert ("Target Persentase realisasi anggaran pada tabel capaian (90%) berbeda dengan Perjanjian Kinerja yang "
            "ditandatangani (94%); Hitung ulang (%) memakai target Perjanjian Kinerja (94%).") in note
    row = nr.lampiran.pejabat_tabel_capaian(sekcam).set_index("Indikator Kinerja").loc["Persentase realisasi anggaran"]
    assert row["Capaian (%)"] == 104.85 and round(row["Hitung ulang (%)"], 2) == 100.39  # printed kept; 94,37 / 94
    draft = nr.lampiran.pejabat_evaluasi(sekcam)
    assert (f"*{nr.ANALYST_NOTE} Sekretaris Kecamatan: target Persentase realisasi anggaran 94% di Perjanjian "
            "Kinerja, 90% di tabel capaian laporan jabatan") in draft
    assert nr.ANALYST_NOTE not in nr.lampiran.pejabat_evaluasi(sekcam, final=True)
    assert _official(rep, "Kepala Seksi Pelayanan").beda_target == ()


def test_ip_asn_2022_is_one_figure_with_its_assessment_year(rep):
    note = nr.tahun_penilaian.catatan_ip_asn(rep)
    assert "tahun 2022 memuat 56,00, hasil pengukuran tahun 2021" in note
    assert "tahun 2023 memuat 89,50, hasil pengukuran tahun 2022" in note
    flag = nr.tahun_penilaian.catatan_analis_ip_asn(rep)
    assert (f"*{nr.ANALYST_NOTE} IP ASN: kolom tahun 2022 Tabel 3.1.2 memuat 56,00 (hasil pengukuran tahun 2021), "
            "sedangkan laporan tahun 2023 memakai hasil pengukuran tahun 2022 sebesar 89,50;") in flag
    assert nr.tahun_penilaian.catatan_analis_ip_asn(rep, final=True) == ""


def test_tabel_nilai_ikm_unit_names_the_recomputation_and_the_official_figure(rep):
    t = rep.gambar_3_1_ringkasan.set_index("Uraian")["Nilai"]
    assert t["Jumlah NRR IKM tertimbang x 25 (hitung ulang)"] == "98,31"
    assert t["Nilai IKM resmi (Aplikasi E-Sukma Provinsi Jawa Timur dan Berita Acara Pengukuran Kinerja Nomor "
             "069/ 44 /416-314/2024)"] == "97,33"
    assert "Jumlah NRR IKM tertimbang x 25 (Nilai IKM)" not in t.index


def test_the_survey_chart_names_its_line_the_recomputation(rep):
    from lkjip.document.figures import fig_ikm

    fig = fig_ikm(rep)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["IKM hitung ulang 98,31", "NRR x 25"]


def test_the_ikm_analysis_says_where_the_other_printed_figures_are_and_which_is_a_typo(rep):
    ikm = nr.analisis_indikator(rep, "ikm")
    assert ("Angka yang tercetak di dokumen resmi tahun ini (97,13 pada Tabel 3.1.2, satu digit berbeda dari 97,33 "
            "(diduga salah ketik); 97,50 pada Tabel 3.2.3) berbeda dengan angka resmi yang dipakai laporan ini "
            "(97,33)") in ikm


def test_the_source_under_tabel_3_1_1_names_the_official_figure(rep):
    from lkjip.document import sumber

    assert sumber(rep, "capaian").endswith("; Nilai IKM (Indeks Kepuasan Masyarakat) tahun 2023: angka resmi "
                                           "Aplikasi E-Sukma Provinsi Jawa Timur dan Berita Acara Pengukuran Kinerja "
                                           "Nomor 069/ 44 /416-314/2024")


def test_a_truncated_percentage_is_said_to_be_truncated_not_a_different_figure(rep):
    text = nr.lampiran.serapan_dikutip(_official(rep, "Kasubag Penyusunan Program dan Keuangan"))
    assert text == ("Anggaran yang tersedia Rp 2.132.081.250 terserap Rp 1.997.024.743 atau 93,66%, seperti tertulis "
                    "dalam laporan jabatan. Catatan: persentase 93,66% adalah hasil bagi Rp 1.997.024.743 dengan "
                    "Rp 2.132.081.250 yang dipotong dua desimal (dibulatkan: 93,67%).")  # 93,6654...
