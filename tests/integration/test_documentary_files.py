"""Contract v2 files: reading (same cell rules as v1), period rows, validation rules and checks across files,
and the IP ASN assessment year."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from lkjip.errors import DataError, DataErrors
from lkjip.inputs.ingest import read_dataset, read_unit_table, read_year
from lkjip.indicators.ipasn import IpAsnResult, ipasn_category, ipasn_penilaian, ipasn_summary
from lkjip.document import build_report
from lkjip.run.steps import load_inputs, validate_inputs


@pytest.fixture
def unit(raw_dir, tmp_path):
    """A writable copy of the bundled unit."""
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules_failed(result, dataset):
    return {f.rule_id: f for f in result.findings if f.failed and f.dataset == dataset}


# --------------------------------------------------------------------------- reading


def test_bad_cells_of_a_new_file_are_reported_at_once_with_file_row_column(unit):
    path = unit / "gedeg" / "2023" / "perjanjian_kinerja_anggaran.csv"
    edit(path, '"35.000.000,00"', "tiga puluh lima juta")
    edit(path, "207.788.080", "2O7.788.080")
    with pytest.raises(DataErrors) as caught:
        read_year(unit, "gedeg", 2023)
    found = sorted((e.row, e.column) for e in caught.value.errors)
    assert found == [(2, "anggaran"), (6, "anggaran")]
    assert all(e.file.endswith("perjanjian_kinerja_anggaran.csv") for e in caught.value.errors)


def test_indonesian_forms_in_new_files(raw_dir):
    frame = read_dataset(raw_dir / "gedeg" / "2023" / "penduduk.csv", "penduduk")
    assert frame.loc[0, "laki_laki"] == 1958 and frame.loc[0, "per_tanggal"] == pd.Timestamp("2022-12-31")
    dok = read_dataset(raw_dir / "gedeg" / "2023" / "dokumen.csv", "dokumen").set_index("dokumen")
    assert dok.loc["berita_acara", "dasar_tanggal"] == pd.Timestamp("2023-12-29")


def test_period_files_keep_the_rows_valid_in_the_report_year(unit):
    path = unit / "gedeg" / "organisasi.csv"
    text = path.read_text(encoding="utf-8").replace("Seksi Pelayanan,,,", "Seksi Pelayanan,,2021,2022")
    path.write_text(text + "Seksi Pelayanan Terpadu,,2023,\n", encoding="utf-8")
    names = lambda year: read_unit_table(unit, "gedeg", "organisasi", year)["unit_kerja"].tolist()  # noqa: E731
    assert "Seksi Pelayanan" in names(2022) and "Seksi Pelayanan Terpadu" not in names(2022)
    assert "Seksi Pelayanan" not in names(2023) and "Seksi Pelayanan Terpadu" in names(2023)
    assert len(read_unit_table(unit, "gedeg", "organisasi")) == 10  # without a year: the whole file


def test_unit_yaml_v2_keys_are_checked(unit):
    from lkjip.errors import DataError
    from lkjip.inputs.unit import load_unit

    path = unit / "gedeg" / "unit.yaml"
    assert load_unit(unit, "gedeg").wilayah["luas_km2"] == 24.85
    edit(path, "luas_km2: 24.85", "luas_km2: -3")
    with pytest.raises(DataError, match="luas wilayah harus angka lebih dari 0") as caught:
        load_unit(unit, "gedeg")
    assert caught.value.column == "wilayah.luas_km2"
    edit(path, "luas_km2: -3", "luas_km2: 24.85")
    edit(path, "    barat: Kecamatan Kemlagi", "    barat_laut: Kecamatan Kemlagi")
    with pytest.raises(DataError) as caught:
        load_unit(unit, "gedeg")
    assert caught.value.column == "wilayah.batas.barat_laut" and "utara, timur, selatan, barat" in caught.value.rule


# --------------------------------------------------------------------------- validation


def test_bundled_2023_passes_with_the_population_total_as_a_warning(raw_dir):
    result = validate_inputs(load_inputs(raw_dir, "gedeg", 2023))
    assert result.ok
    warn = {f.rule_id: f for f in result.warnings if f.dataset == "penduduk"}
    assert list(warn) == ["penduduk.total_tercetak.cocok"] and warn["penduduk.total_tercetak.cocok"].rows == [16]
    ran = {f.dataset for f in result.findings}
    assert {"renstra", "organisasi", "perjanjian_kinerja", "kinerja_pejabat", "prestasi"} <= ran


def test_v2_rules_and_cross_file_checks_stop_the_run(unit):
    y = unit / "gedeg" / "2023"
    edit(y / "kinerja_pejabat.csv", "Kepala Seksi Pelayanan,", "Kasi Pelayanan,")
    edit(y / "penandatangan.csv", "rekap_koordinasi,penandatangan", "rekap,penandatangan")
    edit(y / "perjanjian_kinerja.csv", 'ikm,"94,5","94,5"', 'ikm,"94,5",95')
    edit(y / "sarana.csv", "Gedung Kantor,1,unit", "Gedung Kantor,-1,unit")
    edit(y / "dokumen.csv", "lkjip,LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP),,Mojokerto,,Januari 2024",
         "lkjip,LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP),,Mojokerto,,")
    edit(unit / "gedeg" / "renstra.csv", "2021,2026,indikator,,IKM Kecamatan,2,", "2021,2026,indikator,,IKM Kecamatan,9,")
    result = validate_inputs(load_inputs(unit, "gedeg", 2023))
    assert not result.ok
    kp = rules_failed(result, "kinerja_pejabat")["kinerja_pejabat.jabatan.ada_di_laporan"]
    assert kp.values == ["Kasi Pelayanan"] and kp.rows == [26]
    assert rules_failed(result, "penandatangan")["penandatangan.dokumen.ada_di_dokumen"].values == ["rekap"]
    pk = rules_failed(result, "perjanjian_kinerja")["perjanjian_kinerja.target_angka.sama_dengan_targets"]
    assert pk.rows == [9] and "targets.csv 94,50" in pk.values[0] and "targets.csv" in pk.rule
    assert rules_failed(result, "sarana")["sarana.jumlah.tidak_negatif"].rows == [2]
    assert rules_failed(result, "dokumen")["dokumen.tanggal.terisi"].rows == [5]
    assert rules_failed(result, "renstra")["renstra.sasaran.ada"].rows == [18]
    messages = [str(e) for e in result.data_errors()]
    assert any("kinerja_pejabat.csv, baris" in m and "kolom 'jabatan'" in m for m in messages)


def test_vocabulary_and_natural_key(unit):
    y = unit / "gedeg" / "2023"
    edit(y / "perjanjian_kinerja.csv", "pk_perubahan,kinerja_lainnya,1,", "pk_perubahan,lainnya,1,")
    text = (y / "prestasi.csv").read_text(encoding="utf-8")
    (y / "prestasi.csv").write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    # the reader refuses the repeated key naming both rows (issue 11) ...
    with pytest.raises(DataError, match="baris 6, kolom 'uraian': baris ini mengulang baris 2"):
        load_inputs(unit, "gedeg", 2023)
    # ... and `lkjip validate` reports it with the suites' findings, in one pass
    from lkjip.validation.raw import read_and_validate

    result, _, _ = read_and_validate(unit, "gedeg", 2023, targets=read_unit_table(unit, "gedeg", "targets"))
    assert rules_failed(result, "perjanjian_kinerja")["perjanjian_kinerja.jenis.pilihan"].values == ["lainnya"]
    assert rules_failed(result, "prestasi")["prestasi.baca"].rows == [6]
    # the suites hold the same rule (on frames that did not come through the reader)
    from lkjip.validation import validate_frame

    frame = read_dataset(y / "prestasi.csv", "prestasi", collect=[])
    assert {f.rule_id: f for f in validate_frame("prestasi", frame, 2023) if f.failed}["prestasi.kunci.unik"].rows == [2, 6]


def test_pk_budget_of_the_last_pk_against_the_anggaran_is_a_warning(unit):
    edit(unit / "gedeg" / "2023" / "perjanjian_kinerja_anggaran.csv", "pk_perubahan,Program Pembinaan dan Pengawasan "
         "Pemerintahan Desa,7.01.06,207.788.080", "pk_perubahan,Program Pembinaan dan Pengawasan Pemerintahan Desa,"
         "7.01.06,207.788.000")
    result = validate_inputs(load_inputs(unit, "gedeg", 2023))
    assert result.ok
    f = {w.rule_id: w for w in result.warnings}["perjanjian_kinerja_anggaran.anggaran.sama_dengan_pagu"]
    assert f.rows == [6] and "207.788.000" in f.values[0] and "207.788.080" in f.values[0]


# --------------------------------------------------------------------------- IP ASN assessment year


def test_assessment_year_rules(unit):
    path = unit / "gedeg" / "2023" / "pegawai.csv"
    edit(path, "Camat,PNS,III.a,,,23,40,25,5,Pembina Tingkat I,,,2022", "Camat,PNS,III.a,,,23,40,25,5,Pembina Tingkat I,,,2024")
    result = validate_inputs(load_inputs(unit, "gedeg", 2023))
    failed = rules_failed(result, "pegawai")
    assert failed["pegawai.tahun_penilaian_ip_asn.tidak_setelah_tahun"].rows == [2]
    mixed = failed["pegawai.tahun_penilaian_ip_asn.satu"]
    assert len(mixed.rows) == 18 and "2022, 2024" in mixed.row_values[2]
    with pytest.raises(ValueError, match="beberapa tahun penilaian: 2022, 2024"):
        ipasn_summary(read_year(unit, "gedeg", 2023)[0]["pegawai"], 2023)


def test_bundled_years_compare_assessment_with_assessment(raw_dir):
    p = build_report(raw_dir, "gedeg", 2023).ip_asn_penilaian
    assert (p.tahun_laporan, p.tahun_penilaian, p.nilai, p.kategori) == (2023, 2022, 89.5, "Tinggi")
    assert p.pengganti and p.penilaian_baru
    assert (p.pembanding_tahun_penilaian, p.pembanding_tahun_laporan, p.pembanding_nilai) == (2021, 2022, 56.0)
    assert p.selisih == 33.5
    first = build_report(raw_dir, "gedeg", 2021).ip_asn_penilaian
    assert first.tahun_penilaian == 2020 and first.pembanding_tahun_penilaian is None
    res = build_report(raw_dir, "gedeg", 2023).results
    assert "nilai dari penilaian IP ASN tahun 2022, dipakai untuk tahun 2023" in res.catatan["ip_asn"]


def _result(value, assessed):
    return IpAsnResult(value, ipasn_category(value), 1, *[pd.DataFrame()] * 4, assessed)


def test_no_new_assessment_is_not_a_change():
    p = ipasn_penilaian({2021: _result(80.0, 2021), 2022: _result(85.0, 2022), 2023: _result(85.0, 2022)}, 2023)
    assert not p.penilaian_baru and p.pengganti
    # compared with the assessment before 2022, not with the 2022 report (the same assessment)
    assert (p.pembanding_tahun_penilaian, p.pembanding_nilai, p.selisih) == (2021, 80.0, 5.0)


def test_the_report_year_s_own_assessment_is_not_a_stand_in():
    p = ipasn_penilaian({2022: _result(80.0, None), 2023: _result(82.5, None)}, 2023)
    assert p.tahun_penilaian == 2023 and not p.pengganti and p.penilaian_baru
    assert (p.pembanding_tahun_penilaian, p.pembanding_tahun_laporan, p.selisih) == (2022, 2022, 2.5)
    assert ipasn_penilaian({2022: _result(80.0, None)}, 2023) is None


def test_blank_assessment_year_means_the_report_year(raw_dir):
    peg = read_dataset(raw_dir / "gedeg" / "2023" / "pegawai.csv", "pegawai")
    assert ipasn_summary(peg, 2023).tahun_penilaian == 2022
    assert ipasn_summary(peg.drop(columns="tahun_penilaian_ip_asn"), 2023).tahun_penilaian == 2023
    assert ipasn_summary(peg).tahun_penilaian == 2022  # the column alone says it
