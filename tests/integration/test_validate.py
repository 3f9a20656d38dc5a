"""Validation with Great Expectations: one bad frame per rule family, clean frames, reports.

Frames are built by hand in the shape :mod:`lkjip.inputs.ingest` produces (typed
columns, ``baris`` = spreadsheet row, ``adalah_total`` for JUMLAH rows). The
GX context is built once per process inside :mod:`lkjip.validation`.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from lkjip.errors import DataErrors
from lkjip.contract.rules import INDICATOR_IDS, SAKIP_COMPONENT_WEIGHTS, SAKIP_SUBCOMPONENT_SHARES
from lkjip.contract.schema import MONTHS, REQUIRED_YEAR_DATASETS, OPTIONAL_UNIT_DATASETS, UNSUR, YEAR_DATASETS
from lkjip.validation import (
    ERROR,
    WARNING,
    default_expectations_dir,
    validate_frame,
    validate_year,
    write_validation_report,
)
from lkjip.validation import suites

YEAR = 2023
KEY_INDICATORS = INDICATOR_IDS


def S(values):
    return pd.array(values, dtype="string")


def I(values):
    return pd.array(values, dtype="Int64")


def rows(n: int, start: int = 2) -> list[int]:
    return list(range(start, start + n))


# --------------------------------------------------------------------------- clean frames


def ikm(n: int = 5) -> pd.DataFrame:
    df = pd.DataFrame({"baris": rows(n)})
    df["tanggal"] = pd.date_range(f"{YEAR}-01-02", periods=n, freq="12h").astype("datetime64[ns]")
    for k, u in enumerate(UNSUR):
        df[u] = I([(k + r) % 2 + 3 for r in range(n)])
    df["layanan"] = S(["Kartu Keluarga"] * n)
    for c in ("jenis_kelamin", "pendidikan", "pekerjaan"):
        df[c] = S([None] * n)
    df["umur"] = I([35] * n)
    return df


def paten() -> pd.DataFrame:
    df = pd.DataFrame({"baris": [2, 3, 4], "layanan": S(["Kartu Keluarga", "KTP", "JUMLAH"])})
    for k, m in enumerate(MONTHS):
        df[m] = I([10 + k, 5, 15 + k])
    df["jumlah"] = I([sum(10 + k for k in range(12)), 60, sum(15 + k for k in range(12))])
    df["tidak_sesuai_standar"] = I([0, 1, 1])
    df["adalah_total"] = [False, False, True]
    return df


def anggaran() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4, 5, 6],
        "kode": S(["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002", None]),
        "uraian": S(["Program Penunjang", "Perencanaan", "Penyusunan Renstra", "Penyusunan LKjIP", "JUMLAH"]),
        "pagu": [300.0, 300.0, 100.0, 200.0, 300.0],
        "realisasi": [290.0, 290.0, 95.0, 195.0, 290.0],
        "adalah_total": [False, False, False, False, True],
    })


def lra() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4, 5],
        "kode_rekening": S(["5", "5.1", "5.1.01", "5.1.02"]),
        "uraian": S(["Belanja", "Belanja Operasi", "Belanja Pegawai", "Belanja Barang dan Jasa"]),
        "anggaran": [1000.0, 1000.0, 600.0, 400.0],
        "realisasi": [900.0, 900.0, 550.0, 350.0],
        "realisasi_tahun_lalu": [850.0, 850.0, 500.0, 350.0],
        "adalah_total": [False] * 4,
    })


def pegawai() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4, 5],
        "nip": S(["197702211995111001", "198001012005011002", "199001012020121003", None]),
        "nama": S(["A", "B", "C", "D"]),
        "jabatan": S(["Camat", "Sekcam", "Staf", "Staf"]),
        "status": S(["PNS", "PNS", "PPPK", "honorer"]),
        "eselon": S(["III.a", "III.b", None, None]),
        "mulai": pd.to_datetime([None, None, None, None]).astype("datetime64[ns]"),
        "selesai": pd.to_datetime([None, None, None, None]).astype("datetime64[ns]"),
        "kualifikasi": [23.0, 20.0, 15.0, None],
        "kompetensi": [40.0, 35.0, 30.0, None],
        "kinerja": [25.0, 27.0, 28.0, None],
        "disiplin": [5.0, 5.0, 4.0, None],
    })


def sakip(with_subs: bool = True) -> pd.DataFrame:
    nilai = {"perencanaan": 27.03, "pengukuran": 25.74, "pelaporan": 12.65, "evaluasi_internal": 20.71}
    recs = []
    for k, v in nilai.items():
        w = SAKIP_COMPONENT_WEIGHTS[k]
        recs.append((k, None, w, v))
        if with_subs:
            parts = [round(w * 0.2, 2), round(w * 0.3, 2)]
            parts.append(round(v - parts[0] - parts[1], 2))
            for (s, share), val in zip(SAKIP_SUBCOMPONENT_SHARES.items(), parts):
                recs.append((k, s, w * share, val))
    df = pd.DataFrame(recs, columns=["komponen", "subkomponen", "bobot", "nilai"])
    df.insert(0, "baris", rows(len(df)))
    df["komponen"] = df["komponen"].astype("string")
    df["subkomponen"] = df["subkomponen"].astype("string")
    return df


def koordinasi() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4],
        "uraian": S(["Fasilitasi Dana Desa (DD)", "Rekomendasi IMB", "JUMLAH"]),
        "seksi": S(["Seksi Pemerintahan", "Seksi Trantib", None]),
        "fasilitasi": I([42, 10, 52]),
        "tindak_lanjut": I([42, 9, 51]),
        "adalah_total": [False, False, True],
    })


def inovasi() -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3],
        "nama": S(["MANTAP BERDASI", "SI CEPAT"]),
        "nomor_sk": S(["188/22/416-314/2023", "188/10/416-314/2022"]),
        "tanggal_sk": pd.to_datetime(["2023-01-31", "2022-03-01"]).astype("datetime64[ns]"),
        "status": S(["aktif", None]),
    })


def targets(year: int = YEAR) -> pd.DataFrame:
    recs = [(i, "pk", year, 90.0, None) for i in KEY_INDICATORS]
    recs += [(i, "renstra", year + 1, 91.0, None) for i in KEY_INDICATORS]
    df = pd.DataFrame(recs, columns=["indikator", "dokumen", "tahun", "target", "satuan"])
    df.insert(0, "baris", rows(len(df)))
    for c in ("indikator", "dokumen", "satuan"):
        df[c] = df[c].astype("string")
    df["tahun"] = df["tahun"].astype("Int64")
    return df


CLEAN = {
    "ikm_survei": ikm,
    "paten_layanan": paten,
    "anggaran": anggaran,
    "lra": lra,
    "pegawai": pegawai,
    "sakip_evaluasi": sakip,
    "koordinasi": koordinasi,
    "inovasi": inovasi,
}


def all_clean() -> dict[str, pd.DataFrame]:
    return {name: build() for name, build in CLEAN.items()}


def check(name: str, df: pd.DataFrame):
    return validate_frame(name, df, YEAR)


def failed(findings, rule_id: str):
    hits = [f for f in findings if f.rule_id == rule_id]
    assert hits, f"no rule {rule_id}"
    f = hits[0]
    assert f.success is False, f"{rule_id} passed"
    return f


def failed_ids(findings) -> set[str]:
    return {f.rule_id for f in findings if f.success is False}


# --------------------------------------------------------------------------- clean cases


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_dataset_passes(name):
    findings = check(name, CLEAN[name]())
    assert findings
    assert failed_ids(findings) == set()
    assert all(f.success is True for f in findings), [(f.rule_id, f.detail) for f in findings if not f.success]


def test_clean_targets_pass():
    findings = check("targets", targets())
    assert failed_ids(findings) == set()


def test_clean_year_is_ok_and_lists_every_dataset():
    result = validate_year(all_clean(), targets(), YEAR)
    assert result.ok and result.errors == [] and result.warnings == []
    assert result.datasets() == [*REQUIRED_YEAR_DATASETS, "targets"]
    s = result.summary()
    assert s["aturan"] == s["lulus"] > 100 and s["gagal"] == 0
    result.raise_for_errors()  # no exception


def test_sakip_component_rows_only_pass():
    assert failed_ids(check("sakip_evaluasi", sakip(with_subs=False))) == set()


# --------------------------------------------------------------------------- ikm_survei


def test_survey_answer_outside_1_4_is_error_at_its_spreadsheet_row():
    df = ikm()
    df.index = [10, 11, 12, 13, 14]  # the DataFrame index must not leak into the message
    df.loc[12, "u3"] = 5  # baris 4
    f = failed(check("ikm_survei", df), "ikm_survei.u3.nilai_1_4")
    assert f.severity == ERROR and f.rows == [4] and f.values == ["5"] and f.column == "u3"
    assert f.rule == "Jawaban u3 harus 1, 2, 3 atau 4 (kosong boleh)"


def test_respondent_without_any_answer_is_error_and_blank_answers_are_allowed():
    df = ikm()
    for u in UNSUR:
        df.loc[1, u] = pd.NA  # baris 3
    df.loc[2, "u5"] = pd.NA  # baris 4: one blank answer is fine
    findings = check("ikm_survei", df)
    f = failed(findings, "ikm_survei.jumlah_jawaban.minimal_satu")
    assert f.severity == ERROR and f.rows == [3]
    assert "ikm_survei.u5.nilai_1_4" not in failed_ids(findings)
    w = failed(findings, "ikm_survei.jumlah_jawaban.lengkap")
    assert w.severity == WARNING and w.rows == [3, 4]


def test_survey_date_outside_report_year_is_error():
    df = ikm()
    df.loc[3, "tanggal"] = pd.Timestamp("2024-01-02")  # baris 5
    findings = check("ikm_survei", df)
    f = failed(findings, "ikm_survei.tanggal.dalam_tahun")
    assert f.severity == ERROR and f.rows == [5] and f.values == ["2024-01-02"] and f.column == "tanggal"
    # the same suite works for another year
    assert "ikm_survei.tanggal.dalam_tahun" in failed_ids(validate_frame("ikm_survei", ikm(), 2024))


def test_survey_missing_required_column_and_wrong_type():
    df = ikm().drop(columns="u9")
    df["u1"] = df["u1"].astype("float64") + 0.5
    findings = check("ikm_survei", df)
    f = failed(findings, "ikm_survei.kolom_wajib.ada")
    assert f.severity == ERROR and f.column == "u9" and f.values == ["u9"] and f.rows == []
    skipped = [f for f in findings if f.rule_id == "ikm_survei.u9.nilai_1_4"][0]
    assert skipped.success is None and skipped.status == "dilewati"
    t = failed(findings, "ikm_survei.u1.tipe")
    assert "float64" in t.detail
    assert failed(findings, "ikm_survei.u1.nilai_1_4").rows == [2, 3, 4, 5, 6]


# --------------------------------------------------------------------------- paten_layanan


def test_negative_service_count_is_error():
    df = paten()
    df.loc[1, "mar"] = -3  # baris 3
    f = failed(check("paten_layanan", df), "paten_layanan.mar.tidak_negatif")
    assert f.severity == ERROR and f.rows == [3] and f.values == ["-3"]


def test_non_integer_service_count_is_error_with_row():
    df = paten()
    df["feb"] = df["feb"].astype("float64")
    df.loc[0, "feb"] = 2.5  # baris 2
    findings = check("paten_layanan", df)
    f = failed(findings, "paten_layanan.hitungan.bulat")
    assert f.severity == ERROR and f.rows == [2] and f.values == ["feb"]
    assert failed(findings, "paten_layanan.feb.tipe").severity == ERROR


def test_blank_month_is_a_warning():
    df = paten()
    df.loc[1, ["mei", "jun"]] = pd.NA  # baris 3
    w = failed(check("paten_layanan", df), "paten_layanan.bulan.terisi")
    assert w.severity == WARNING and w.rows == [3] and w.values == ["mei, jun"]


def test_missing_month_column_is_error():
    findings = check("paten_layanan", paten().drop(columns="agu"))
    f = failed(findings, "paten_layanan.kolom_wajib.ada")
    assert f.severity == ERROR and f.column == "agu"
    assert [f.rule_id for f in findings if f.success is None] == ["paten_layanan.agu.tipe",
                                                                  "paten_layanan.agu.tidak_negatif"]


def test_printed_jumlah_disagreeing_with_months_is_only_a_warning():
    df = paten()
    df.loc[0, "jumlah"] = 999  # baris 2
    result = validate_year({**all_clean(), "paten_layanan": df}, targets(), YEAR)
    assert result.ok and result.errors == []
    # the row's printed total, and so the JUMLAH row's 'jumlah' column: two warnings
    assert {f.rule_id for f in result.warnings} == {"paten_layanan.jumlah.sama_dengan_bulan",
                                                    "paten_layanan.total_tercetak.cocok"}
    w = [f for f in result.warnings if f.rule_id == "paten_layanan.jumlah.sama_dengan_bulan"][0]
    assert w.severity == WARNING
    assert w.rows == [2] and "tercetak 999" in w.values[0]
    result.raise_for_errors()  # warnings never raise
    frame = result.to_frame()
    row = frame[frame["aturan"] == w.rule].iloc[0]
    assert row["tingkat"] == "peringatan" and row["baris"] == "2" and row["berkas"] == "paten_layanan.csv"


def test_jumlah_row_disagreeing_with_rows_is_a_warning():
    df = paten()
    df.loc[2, "jan"] = 99  # baris 4 is the JUMLAH row
    findings = check("paten_layanan", df)
    w = failed(findings, "paten_layanan.total_tercetak.cocok")
    assert w.severity == WARNING and w.rows == [4] and "jan: tercetak 99, jumlah baris 15" in w.values[0]


def test_total_rows_are_excluded_from_value_rules():
    df = paten()
    df.loc[2, "layanan"] = "JUMLAH"
    df.loc[2, "tidak_sesuai_standar"] = 10**6  # would break 'not above the year's services' on a normal row
    df.loc[2, "jumlah"] = pd.NA
    assert "paten_layanan.tidak_sesuai_standar.maks_total" not in failed_ids(check("paten_layanan", df))


# --------------------------------------------------------------------------- anggaran, lra


def test_realisasi_above_pagu_is_error():
    df = anggaran()
    df.loc[2, "realisasi"] = 150.0  # baris 4, pagu 100
    findings = check("anggaran", df)
    f = failed(findings, "anggaran.realisasi.maks_pagu")
    assert f.severity == ERROR and f.rows == [4] and f.values == ["pagu=100, realisasi=150"]
    # the parent no longer equals its children: a warning, reported at the parent's row
    w = failed(findings, "anggaran.induk.sama_dengan_anak")
    assert w.severity == WARNING and w.rows == [3]


def test_malformed_and_duplicate_kode_are_errors():
    df = anggaran()
    df.loc[1, "kode"] = "7.01.01.2"  # baris 3: four segments is no level
    df.loc[3, "kode"] = "7.01.01.2.01.0001"  # baris 5 repeats baris 4
    findings = check("anggaran", df)
    f = failed(findings, "anggaran.kode.format")
    assert f.severity == ERROR and f.rows == [3] and f.values == ["7.01.01.2"]
    d = failed(findings, "anggaran.kunci.unik")
    assert d.severity == ERROR and d.rows == [4, 5]


def test_negative_pagu_is_error():
    df = anggaran()
    df.loc[3, "pagu"] = -1.0
    assert failed(check("anggaran", df), "anggaran.pagu.tidak_negatif").rows == [5]


def test_lra_realisasi_above_anggaran_malformed_and_duplicate_codes():
    df = lra()
    df.loc[2, "realisasi"] = 700.0  # baris 4, anggaran 600
    df.loc[3, "kode_rekening"] = "5.1.0x"  # baris 5
    df.loc[1, "kode_rekening"] = "5"  # baris 3 repeats baris 2
    findings = check("lra", df)
    assert failed(findings, "lra.realisasi.maks_anggaran").rows == [4]
    assert failed(findings, "lra.kode_rekening.format").rows == [5]
    assert failed(findings, "lra.kunci.unik").rows == [2, 3]


def test_lra_parent_disagreeing_with_children_is_warning():
    df = lra()
    df.loc[0, "anggaran"] = 1200.0  # baris 2: '5' != '5.1'
    findings = check("lra", df)
    w = failed(findings, "lra.induk.sama_dengan_anak")
    assert w.severity == WARNING and w.rows == [2]
    assert failed_ids(findings) == {"lra.induk.sama_dengan_anak"}


# --------------------------------------------------------------------------- pegawai


def test_ip_asn_dimension_above_maximum_is_error():
    df = pegawai()
    df.loc[1, "kompetensi"] = 41.0  # baris 3
    f = failed(check("pegawai", df), "pegawai.kompetensi.rentang")
    assert f.severity == ERROR and f.rows == [3] and f.values == ["41"]


def test_missing_dimension_for_asn_in_post_is_error_but_not_for_leavers_or_honorer():
    df = pegawai()
    df.loc[2, "disiplin"] = None  # baris 4: PPPK in post
    f = failed(check("pegawai", df), "pegawai.disiplin.terisi_asn")
    assert f.severity == ERROR and f.rows == [4]
    df.loc[2, "selesai"] = pd.Timestamp(f"{YEAR}-06-30")  # left during the year: no score needed
    assert "pegawai.disiplin.terisi_asn" not in failed_ids(check("pegawai", df))


def test_nip_of_17_digits_and_duplicate_nip_are_errors():
    df = pegawai()
    df.loc[0, "nip"] = "19770221199511100"  # baris 2: 17 digits
    df.loc[2, "nip"] = "198001012005011002"  # baris 4 repeats baris 3
    df.loc[3, "nip"] = "123"  # baris 5 is honorer: any number goes
    findings = check("pegawai", df)
    f = failed(findings, "pegawai.nip.format_asn")
    assert f.severity == ERROR and f.rows == [2] and f.values == ["19770221199511100"]
    d = failed(findings, "pegawai.kunci.unik")
    assert d.severity == ERROR and d.rows == [3, 4]


def test_leaving_before_joining_is_error():
    df = pegawai()
    df.loc[1, "mulai"] = pd.Timestamp(f"{YEAR}-05-01")
    df.loc[1, "selesai"] = pd.Timestamp(f"{YEAR}-03-01")  # baris 3
    f = failed(check("pegawai", df), "pegawai.selesai.setelah_mulai")
    assert f.rows == [3] and f.values == [f"selesai={YEAR}-03-01, mulai={YEAR}-05-01"]


def test_unknown_staff_status_is_error():
    df = pegawai()
    df.loc[3, "status"] = "kontrak"
    assert failed(check("pegawai", df), "pegawai.status.pilihan").rows == [5]


# --------------------------------------------------------------------------- sakip_evaluasi


def test_fifth_sakip_component_is_error():
    df = sakip(with_subs=False)
    extra = pd.DataFrame({"baris": [6], "komponen": S(["inovasi"]), "subkomponen": S([None]),
                          "bobot": [10.0], "nilai": [5.0]})
    f = failed(check("sakip_evaluasi", pd.concat([df, extra], ignore_index=True)), "sakip_evaluasi.komponen.pilihan")
    assert f.severity == ERROR and f.rows == [6] and f.values == ["inovasi"]


def test_missing_sakip_component_is_error():
    df = sakip(with_subs=False).iloc[:3]
    f = failed(check("sakip_evaluasi", df), "sakip_evaluasi.komponen.lengkap")
    assert f.severity == ERROR and f.values == ["evaluasi_internal"]


def test_missing_components_are_named_in_the_rules_order_whatever_the_hash_seed():
    # GX gathers the missing values in a set, whose order follows the interpreter's hash seed
    df = sakip(with_subs=False).iloc[[1]]  # pengukuran only
    f = failed(check("sakip_evaluasi", df), "sakip_evaluasi.komponen.lengkap")
    assert f.values == ["perencanaan", "pelaporan", "evaluasi_internal"]
    assert f.detail == "tidak ada: perencanaan, pelaporan, evaluasi_internal"


def test_sakip_weight_35_and_nilai_above_bobot_are_errors():
    df = sakip(with_subs=False)
    df.loc[0, "bobot"] = 35.0  # baris 2
    df.loc[2, "nilai"] = 16.0  # baris 4, bobot 15
    findings = check("sakip_evaluasi", df)
    f = failed(findings, "sakip_evaluasi.bobot.baku")
    assert f.severity == ERROR and f.rows == [2] and f.values == ["bobot=35, bobot_baku=30"]
    n = failed(findings, "sakip_evaluasi.nilai.maks_bobot")
    assert n.severity == ERROR and n.rows == [4]


def test_sakip_subcomponent_weight_and_sum_warning():
    df = sakip()
    sub = df.index[(df["komponen"] == "pelaporan") & (df["subkomponen"] == "kualitas")][0]
    df.loc[sub, "bobot"] = 5.0  # should be 30 % of 15 = 4.5
    comp = df.index[(df["komponen"] == "pengukuran") & df["subkomponen"].isna()][0]
    df.loc[comp, "nilai"] = 26.0  # sub-components sum to 25.74
    findings = check("sakip_evaluasi", df)
    assert failed(findings, "sakip_evaluasi.bobot.baku").rows == [int(df.loc[sub, "baris"])]
    w = failed(findings, "sakip_evaluasi.komponen.sama_dengan_sub")
    assert w.severity == WARNING and w.rows == [int(df.loc[comp, "baris"])]


def test_negative_sakip_nilai_is_error():
    df = sakip(with_subs=False)
    df.loc[1, "nilai"] = -1.0
    assert failed(check("sakip_evaluasi", df), "sakip_evaluasi.nilai.tidak_negatif").rows == [3]


# --------------------------------------------------------------------------- koordinasi, inovasi


def test_tindak_lanjut_above_fasilitasi_is_error():
    df = koordinasi()
    df.loc[1, "tindak_lanjut"] = 11  # baris 3, fasilitasi 10
    findings = check("koordinasi", df)
    f = failed(findings, "koordinasi.tindak_lanjut.maks_fasilitasi")
    assert f.severity == ERROR and f.rows == [3] and f.values == ["fasilitasi=10, tindak_lanjut=11"]
    # and the typed JUMLAH row (51) no longer matches the rows (53): a warning
    assert failed(findings, "koordinasi.total_tercetak.cocok").rows == [4]


def test_negative_koordinasi_count_is_error():
    df = koordinasi()
    df.loc[0, "fasilitasi"] = -1
    assert failed(check("koordinasi", df), "koordinasi.fasilitasi.tidak_negatif").rows == [2]


def test_inovasi_sk_not_recorded_is_allowed_a_name_is_not():
    # an SK number or date that is not recorded (illegible in the source) stays empty: never invented
    df = inovasi()
    df.loc[1, "nomor_sk"] = pd.NA  # baris 3
    df.loc[0, "tanggal_sk"] = pd.NaT  # baris 2
    assert failed_ids(check("inovasi", df)) == set()
    df.loc[1, "nama"] = pd.NA
    assert failed(check("inovasi", df), "inovasi.nama.terisi").rows == [3]


# --------------------------------------------------------------------------- targets


def _iku_checks(df):
    from lkjip.indicators.declared import default_declaration
    from lkjip.validation.iku import iku_findings

    return iku_findings(default_declaration(), {}, df, YEAR, {})


def test_missing_target_for_the_year_is_error():
    df = targets()
    df = df[~((df["indikator"] == "sakip") & (df["tahun"] == YEAR))]
    f = failed(_iku_checks(df), "targets.indikator.tahun_laporan_lengkap")
    assert f.severity == ERROR and f.values == ["sakip"]
    # any document will do
    df2 = targets()
    df2.loc[df2["indikator"] == "sakip", "dokumen"] = "renstra_perubahan"
    assert failed_ids(_iku_checks(df2)) == set()


def test_unknown_target_document_is_error():
    df = targets()
    df.loc[0, "dokumen"] = "rpjmd"
    assert failed(check("targets", df), "targets.dokumen.pilihan").rows == [2]


def test_missing_targets_or_dataset_is_error():
    data = all_clean()
    del data["inovasi"]
    result = validate_year(data, None, YEAR)
    assert {f.rule_id for f in result.errors} == {"inovasi.berkas.ada", "targets.berkas.ada"}


# --------------------------------------------------------------------------- result API


@pytest.fixture(scope="module")
def bad_year():
    data = all_clean()
    df = ikm()
    df.loc[[1, 3], "u3"] = 5  # baris 3 and 5
    data["ikm_survei"] = df
    p = paten().iloc[:2]  # without its JUMLAH row
    p.loc[0, "jumlah"] = 1  # a warning
    data["paten_layanan"] = p
    return validate_year(data, targets(), YEAR, sources={"ikm_survei": "ikm_survei.xlsx"})


def test_raise_for_errors_names_file_row_column_and_rule(bad_year):
    result = bad_year
    assert not result.ok and len(result.errors) == 1 and len(result.warnings) == 1
    with pytest.raises(DataErrors) as info:
        result.raise_for_errors()
    errs = info.value.errors
    assert [(e.file, e.row, e.column, e.value) for e in errs] == [
        ("ikm_survei.xlsx", 3, "u3", "5"), ("ikm_survei.xlsx", 5, "u3", "5")]
    assert "ikm_survei.xlsx, baris 3, kolom 'u3': Jawaban u3 harus 1, 2, 3 atau 4 (kosong boleh) (isi: '5')" \
        in str(info.value)


def test_to_frame_summary_and_json(tmp_path, bad_year):
    result = bad_year
    frame = result.to_frame()
    assert list(frame.columns)[:8] == ["dataset", "berkas", "aturan", "tingkat", "status", "kolom", "baris",
                                       "contoh nilai"]
    bad = frame[(frame["status"] == "gagal") & (frame["tingkat"] == "error")].iloc[0]
    assert bad["baris"] == "3, 5" and bad["contoh nilai"] == "5" and bad["berkas"] == "ikm_survei.xlsx"
    s = result.summary()
    assert s["error"] == 1 and s["peringatan"] == 1 and s["baris_error"] == 2
    assert s["aturan"] == s["lulus"] + s["gagal"] + s["dilewati"]
    a = result.to_json(tmp_path / "a.json")
    b = result.to_json(tmp_path / "b.json")
    assert a.read_text() == b.read_text()  # deterministic
    data = json.loads(a.read_text())
    assert data["ok"] is False and "dibuat" not in data
    assert list(data) == sorted(data)
    assert json.loads(result.to_json(tmp_path / "c.json", generated_at="2024-02-01T10:00:00")
                      .read_text())["dibuat"] == "2024-02-01T10:00:00"


def test_rows_are_truncated_with_a_count():
    df = ikm(300)
    df["u1"] = I([7] * 300)
    f = failed(check("ikm_survei", df), "ikm_survei.u1.nilai_1_4")
    assert f.rows_total == 300 and len(f.rows) <= 200 and f.rows == sorted(f.rows)
    assert f.rows_text().endswith("(+280 baris lain)")


def test_html_report_is_self_contained(tmp_path, bad_year):
    result = bad_year
    path = write_validation_report(result, tmp_path / "validasi.html", "Kecamatan Gedeg <uji>", YEAR)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'lang="id"' in text
    assert "Kecamatan Gedeg &lt;uji&gt;" in text
    assert "Jawaban u3 harus 1, 2, 3 atau 4 (kosong boleh)" in text and "3, 5" in text
    assert "ikm_survei.xlsx" in text and "peringatan" in text.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<script" not in text.lower() and "@import" not in text


# --------------------------------------------------------------------------- suites on disk


def test_every_expectation_has_indonesian_meta():
    folder = default_expectations_dir()
    names = sorted(p.stem for p in folder.glob("*.json"))
    assert names == sorted([*YEAR_DATASETS, *OPTIONAL_UNIT_DATASETS, "targets"])
    for name in names:
        suite = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert suite["name"] == name and suite["expectations"]
        for e in suite["expectations"]:
            meta = e["meta"]
            assert meta["tingkat"] in ("error", "peringatan") and meta["aturan"] and meta["kolom"] and meta["id"]


def test_committed_suites_match_the_builder():
    import subprocess
    import sys

    from lkjip.validation import default_expectations_dir as d

    script = d().parent / "scripts" / "build_expectations.py"
    done = subprocess.run([sys.executable, str(script), "--check", "--no-gx"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_explicit_expectations_dir_is_used(tmp_path):
    suite = json.loads((default_expectations_dir() / "inovasi.json").read_text(encoding="utf-8"))
    suite["expectations"] = [e for e in suite["expectations"] if e["meta"]["id"] == "inovasi.nama.terisi"]
    (tmp_path / "inovasi.json").write_text(json.dumps(suite), encoding="utf-8")
    findings = validate_frame("inovasi", inovasi(), YEAR, expectations_dir=tmp_path)
    assert [f.rule_id for f in findings] == ["inovasi.nama.terisi"]


def test_validation_writes_no_gx_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check("inovasi", inovasi())
    assert list(tmp_path.iterdir()) == []


def test_importing_gx_in_a_kernel_without_ipywidgets_leaves_no_notice_in_a_cell():
    """GX imports ``tqdm.auto``; inside a Jupyter kernel without ipywidgets, tqdm's ``autonotebook``
    warns "IProgress not found" (attributed to ``tqdm.auto``, the module importing it). The kernel's
    prefetch thread imports GX while the first cells run, so the notice landed in a cell of the
    executed notebook (CI saw it in 07_kabupaten). Wherever GX is imported, that notice is dropped;
    tqdm's own text and category are used, so a tqdm that rewords it fails here."""
    import warnings

    from tqdm.notebook import WARN_NOIPYW
    from tqdm.std import TqdmWarning

    suites._import_gx()
    with warnings.catch_warnings(record=True) as seen:
        warnings.warn_explicit(WARN_NOIPYW, TqdmWarning, "tqdm/auto.py", 21, module="tqdm.auto")
        warnings.warn_explicit("another notice", TqdmWarning, "tqdm/auto.py", 22, module="tqdm.auto")
    assert [str(w.message) for w in seen] == ["another notice"]
