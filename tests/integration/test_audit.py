"""Audit: every published total and figure recomputed, each difference shown, data untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip.audit import (
    AUDIT_COLUMNS,
    FAMILY_CROSS,
    FAMILY_INTERNAL,
    FAMILY_PUBLISHED,
    FAMILIES,
    audit_unit_year,
    audit_year,
    decimals_of,
    decimals_of_text,
    minimum_sample,
    tolerance,
)
from lkjip.contract.rules import INDICATOR_IDS
from lkjip.contract.schema import MONTHS

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "raw"


# ---------------------------------------------------------------- hand-made frames

def paten(rows, total=None):
    """rows: (layanan, 12 months, printed jumlah or None); total: (12 months, grand) or None."""
    recs = [{"layanan": name, **dict(zip(MONTHS, months)), "jumlah": jumlah, "tidak_sesuai_standar": 0,
             "adalah_total": False} for name, months, jumlah in rows]
    if total is not None:
        months, grand = total
        recs.append({"layanan": "JUMLAH", **dict(zip(MONTHS, months)), "jumlah": grand,
                     "tidak_sesuai_standar": None, "adalah_total": True})
    df = pd.DataFrame(recs)
    df.insert(0, "baris", range(2, len(df) + 2))
    for c in [*MONTHS, "jumlah", "tidak_sesuai_standar"]:
        df[c] = pd.array(df[c], dtype="Int64")
    df["layanan"] = df["layanan"].astype("string")
    return df


PINDAH_DATANG = [51, 44, 55, 32, 68, 81, 84, 84, 67, 70, 82, 76]  # sums to 794, printed 754
KK = [1] * 12


def anggaran(rows):
    df = pd.DataFrame(rows, columns=["kode", "uraian", "pagu", "realisasi"])
    df.insert(0, "baris", range(2, len(df) + 2))
    df["kode"] = df["kode"].astype("string")
    df["uraian"] = df["uraian"].astype("string")
    df["pagu"] = df["pagu"].astype(float)
    df["realisasi"] = df["realisasi"].astype(float)
    df["adalah_total"] = df["uraian"].str.upper().eq("JUMLAH").fillna(False).astype(bool)
    return df


def lra(rows, with_last_year=True):
    cols = ["kode_rekening", "uraian", "anggaran", "realisasi", "realisasi_tahun_lalu"]
    df = pd.DataFrame([list(r) + [None] * (5 - len(r)) for r in rows], columns=cols)
    df.insert(0, "baris", range(2, len(df) + 2))
    for c in ("anggaran", "realisasi", "realisasi_tahun_lalu"):
        df[c] = df[c].astype(float)
    df["kode_rekening"] = df["kode_rekening"].astype("string")
    df["uraian"] = df["uraian"].astype("string")
    df["adalah_total"] = False
    if not with_last_year:
        df["realisasi_tahun_lalu"] = float("nan")
    return df


def koordinasi(rows, total=None):
    recs = [{"uraian": u, "seksi": s, "fasilitasi": f, "tindak_lanjut": t, "adalah_total": False}
            for u, s, f, t in rows]
    if total is not None:
        recs.append({"uraian": "Jumlah", "seksi": None, "fasilitasi": total[0], "tindak_lanjut": total[1],
                     "adalah_total": True})
    df = pd.DataFrame(recs)
    df.insert(0, "baris", range(2, len(df) + 2))
    df["fasilitasi"] = pd.array(df["fasilitasi"], dtype="Int64")
    df["tindak_lanjut"] = pd.array(df["tindak_lanjut"], dtype="Int64")
    return df


def sakip(rows):
    df = pd.DataFrame(rows, columns=["komponen", "subkomponen", "bobot", "nilai"])
    df.insert(0, "baris", range(2, len(df) + 2))
    df["subkomponen"] = df["subkomponen"].astype("string")
    return df


def pegawai(rows):
    cols = ["nip", "nama", "jabatan", "status", "selesai", "kualifikasi", "kompetensi", "kinerja", "disiplin"]
    df = pd.DataFrame(rows, columns=cols)
    df.insert(0, "baris", range(2, len(df) + 2))
    df["selesai"] = pd.to_datetime(df["selesai"])
    for c in ("kualifikasi", "kompetensi", "kinerja", "disiplin"):
        df[c] = df[c].astype(float)
    return df


def survey(n):
    df = pd.DataFrame({u: pd.array([4] * n, dtype="Int64") for u in (f"u{i}" for i in range(1, 10))})
    df.insert(0, "tanggal", pd.Timestamp("2023-03-01"))
    df.insert(0, "baris", range(2, n + 2))
    return df


def published(rows):
    df = pd.DataFrame(rows, columns=["tahun", "indikator", "nilai", "sumber", "ukuran"])
    df.insert(0, "baris", range(2, len(df) + 2))
    df["nilai"] = df["nilai"].astype(float)
    df["ukuran"] = df["ukuran"].astype("string")
    return df


def indicators(**realisasi):
    ids = list(INDICATOR_IDS)
    targets = {"ikm": 94.5, "sakip": 87.5, "realisasi_anggaran_pct": 90.0}
    rows = []
    for i in ids:
        r = realisasi.get(i, float("nan"))
        t = targets.get(i, float("nan"))
        rows.append({"indikator": i, "nama": i, "satuan": "", "target": t, "realisasi": r,
                     "capaian_pct": r / t * 100 if t == t else float("nan"), "kategori": None})
    return pd.DataFrame(rows)


def the_row(result, family, needle):
    f = result.frame
    sel = f[(f["pemeriksaan"] == family) & f["item"].str.contains(needle, regex=False)]
    assert len(sel) == 1, (needle, f[["pemeriksaan", "item"]].to_string())
    return sel.iloc[0]


def clean_datasets():
    return {
        "paten_layanan": paten([("Kartu Keluarga", KK, 12), ("KTP", [2] * 12, 24)],
                               total=([3] * 12, 36)),
        "anggaran": anggaran([
            ("7.01.01", "PROGRAM PENUNJANG", 100.0, 90.0),
            ("7.01.01.2.01", "Perencanaan", 100.0, 90.0),
            ("7.01.01.2.01.0001", "Penyusunan", 40.0, 35.0),
            ("7.01.01.2.01.0007", "Evaluasi", 60.0, 55.0),
            (None, "JUMLAH", 100.0, 90.0),
        ]),
        "lra": lra([("5", "BELANJA DAERAH", 100.0, 90.0, 80.0),
                    ("5.1", "BELANJA OPERASI", 70.0, 65.0, 50.0),
                    ("5.2", "BELANJA MODAL", 30.0, 25.0, 30.0)]),
        "koordinasi": koordinasi([("ADD", "Pem", 10, 10), ("DD", "Pem", 5, 4)], total=(15, 14)),
        "sakip_evaluasi": sakip([("perencanaan", None, 30.0, 27.03),
                                 ("perencanaan", "keberadaan", 6.0, 6.0),
                                 ("perencanaan", "kualitas", 9.0, 8.03),
                                 ("perencanaan", "pemanfaatan", 15.0, 13.0)]),
        "pegawai": pegawai([("1", "A", "Camat", "PNS", None, 23, 40, 25, 5),
                            ("2", "B", "Sekcam", "PNS", None, 20, 40, 25, 5),
                            ("", "C", "Pelaksana", "honorer", None, None, None, None, None)]),
        "ikm_survei": survey(40),
    }


# ---------------------------------------------------------------- numbers

def test_tolerance_follows_the_printed_decimals():
    assert (decimals_of(97.33), decimals_of(87.4), decimals_of(100.0)) == (2, 1, 0)
    assert (tolerance(2), tolerance(1), tolerance(0)) == (0.005, 0.05, 0.5)
    assert decimals_of_text("87,40") == 2
    assert decimals_of_text("Rp. 2.720.088.927,00") == 2
    assert decimals_of_text("Rp 2.720.088.927") == 0
    assert decimals_of_text("94,37%") == 2
    assert decimals_of_text("94.37") == 2
    assert decimals_of_text("100 %") == 0
    assert minimum_sample(11119) == 372


# ---------------------------------------------------------------- family 1

def test_paten_row_total_against_its_months():
    df = paten([("Pindah Datang", PINDAH_DATANG, 754), ("Kartu Keluarga", KK, 12),
                ("Tanpa jumlah", KK, None)])
    r = audit_year({"paten_layanan": df}, year=2023, sources={"paten_layanan": "x/paten_layanan.csv"})
    row = the_row(r, FAMILY_INTERNAL, "Pindah Datang: jumlah setahun")
    assert (row["dipublikasikan"], row["dihitung"], row["selisih"]) == (754, 794, -40)
    assert row["status"] == "selisih"
    assert row["baris"] == 2 and row["berkas"] == "paten_layanan.csv" and row["dataset"] == "paten_layanan"
    assert the_row(r, FAMILY_INTERNAL, "Kartu Keluarga: jumlah setahun")["status"] == "sesuai"
    assert not r.frame["item"].str.contains("Tanpa jumlah").any()  # no printed total, nothing to check


def test_paten_jumlah_row_against_column_sums():
    months = [52, 45, 56, 33, 69, 82, 85, 85, 68, 71, 83, 100]  # December printed 100, rows give 77
    df = paten([("Pindah Datang", PINDAH_DATANG, 794), ("Kartu Keluarga", KK, 12)], total=(months, 800))
    r = audit_year({"paten_layanan": df}, year=2023)
    dec = the_row(r, FAMILY_INTERNAL, "JUMLAH: Desember")
    assert (dec["dipublikasikan"], dec["dihitung"], dec["selisih"], dec["status"]) == (100, 77, 23, "selisih")
    assert the_row(r, FAMILY_INTERNAL, "JUMLAH: Januari")["status"] == "sesuai"
    grand = the_row(r, FAMILY_INTERNAL, "JUMLAH: jumlah setahun (semua layanan)")
    assert (grand["dipublikasikan"], grand["dihitung"], grand["selisih"]) == (800, 806, -6)
    assert grand["baris"] == 4


def test_anggaran_parents_against_children_and_jumlah_against_programmes():
    df = anggaran([
        ("7.01.01", "PROGRAM PENUNJANG", 105.0, 90.0),          # pagu printed 105, children 100
        ("7.01.01.2.01", "Perencanaan", 100.0, 90.0),
        ("7.01.01.2.01.0001", "Penyusunan", 40.0, 35.0),
        ("7.01.01.2.01.0007", "Evaluasi", 60.0, 55.0),
        ("7.01.02", "PROGRAM PELAYANAN", 20.0, 19.0),
        ("7.01.02.2.04.0002", "Nonperizinan", 20.0, 19.0),      # kegiatan row absent: direct child
        (None, "JUMLAH", 125.0, 110.0),                          # realisasi printed 110, programmes 109
    ])
    r = audit_year({"anggaran": df}, year=2023)
    prog = the_row(r, FAMILY_INTERNAL, "7.01.01 PROGRAM PENUNJANG: pagu")
    assert (prog["dipublikasikan"], prog["dihitung"], prog["selisih"], prog["status"]) == (105, 100, 5, "selisih")
    assert prog["baris"] == 2
    assert the_row(r, FAMILY_INTERNAL, "7.01.01 PROGRAM PENUNJANG: realisasi")["status"] == "sesuai"
    assert the_row(r, FAMILY_INTERNAL, "7.01.01.2.01 Perencanaan: pagu")["status"] == "sesuai"
    assert the_row(r, FAMILY_INTERNAL, "7.01.02 PROGRAM PELAYANAN: pagu")["status"] == "sesuai"
    total = the_row(r, FAMILY_INTERNAL, "JUMLAH: realisasi")
    assert (total["dipublikasikan"], total["dihitung"], total["selisih"]) == (110, 109, 1)
    assert the_row(r, FAMILY_INTERNAL, "JUMLAH: pagu")["status"] == "sesuai"  # 105 + 20 as printed


def test_lra_parents_against_children():
    df = lra([("5", "BELANJA DAERAH", 2720088927.0, 2566829648.0, 3133189384.0),
              ("5.1", "BELANJA OPERASI", 2660473927.0, 2513319648.0, 2862577484.0),
              ("5.1.01", "Belanja Pegawai", 2149981250.0, 2013994243.0, 2232283615.0),
              ("5.1.02", "Belanja Barang dan Jasa", 511092677.0, 499325405.0, 584383669.0),
              ("5.1.05", "Belanja Hibah", 0.0, 0.0, 35800000.0),
              ("5.2", "BELANJA MODAL", 59615000.0, 53510000.0, 270531900.0)])
    r = audit_year({"lra": df}, year=2023)
    five = the_row(r, FAMILY_INTERNAL, "5 BELANJA DAERAH: anggaran")
    assert five["status"] == "sesuai" and five["dihitung"] == 2660473927.0 + 59615000.0
    op = the_row(r, FAMILY_INTERNAL, "5.1 BELANJA OPERASI: anggaran")
    assert (op["selisih"], op["status"]) == (-600000.0, "selisih")
    last5 = the_row(r, FAMILY_INTERNAL, "5 BELANJA DAERAH: realisasi_tahun_lalu")
    assert (last5["selisih"], last5["status"]) == (80000.0, "selisih")
    assert the_row(r, FAMILY_INTERNAL, "5 BELANJA DAERAH: realisasi (")["status"] == "sesuai"


def test_lra_five_against_its_two_children():
    df = lra([("5", "BELANJA DAERAH", 100.0, 95.0), ("5.1", "OP", 70.0, 60.0), ("5.2", "MODAL", 30.0, 30.0)],
             with_last_year=False)
    r = audit_year({"lra": df}, year=2023)
    row = the_row(r, FAMILY_INTERNAL, "5 BELANJA DAERAH: realisasi")
    assert (row["dipublikasikan"], row["dihitung"], row["selisih"], row["status"]) == (95, 90, 5, "selisih")
    assert not r.frame["item"].str.contains("realisasi_tahun_lalu").any()  # blank column: not checked


def test_koordinasi_jumlah_row():
    rows = [("ADD", "Pemerintahan", 28, 28), ("DD", "Pemerintahan", 42, 42), ("Lain", "Trantib", 380, 381)]
    r = audit_year({"koordinasi": koordinasi(rows, total=(451, 451))}, year=2023)
    fas = the_row(r, FAMILY_INTERNAL, "Jumlah: fasilitasi")
    assert (fas["dipublikasikan"], fas["dihitung"], fas["selisih"], fas["status"]) == (451, 450, 1, "selisih")
    assert the_row(r, FAMILY_INTERNAL, "Jumlah: tindak_lanjut")["status"] == "sesuai"


def test_sakip_component_against_subcomponents():
    df = sakip([("perencanaan", None, 30.0, 27.03),
                ("perencanaan", "keberadaan", 6.0, 6.0),
                ("perencanaan", "kualitas", 9.0, 8.0),
                ("perencanaan", "pemanfaatan", 15.0, 13.0),     # 27.00, printed 27.03
                ("pengukuran", None, 30.0, 25.74)])             # no sub-components: nothing to check
    r = audit_year({"sakip_evaluasi": df}, year=2023)
    row = the_row(r, FAMILY_INTERNAL, "perencanaan: nilai")
    assert row["selisih"] == pytest.approx(0.03) and row["status"] == "selisih"
    assert the_row(r, FAMILY_INTERNAL, "perencanaan: bobot")["status"] == "sesuai"
    assert not r.frame["item"].str.contains("pengukuran").any()


# ---------------------------------------------------------------- family 2

def test_anggaran_total_against_lra_account_5():
    a = anggaran([("7.01.01", "PROGRAM", 2720088927.0, 2567147148.0),
                  ("7.01.01.2.01.0001", "Sub A", 2000000000.0, 1900000000.0),
                  ("7.01.01.2.01.0002", "Sub B", 720088927.0, 667147148.0)])
    l = lra([("5", "BELANJA DAERAH", 2720088927.0, 2566829648.0)], with_last_year=False)
    r = audit_year({"anggaran": a, "lra": l}, year=2023)
    real = the_row(r, FAMILY_CROSS, "Total realisasi anggaran")
    assert (real["dipublikasikan"], real["dihitung"]) == (2567147148.0, 2566829648.0)
    assert (real["selisih"], real["status"]) == (317500.0, "selisih")
    assert real["dataset"] == "anggaran/lra"
    assert the_row(r, FAMILY_CROSS, "Total pagu anggaran")["status"] == "sesuai"


def test_staff_ip_asn_population_against_asn_in_post():
    peg = pegawai([("1", "A", "Camat", "PNS", None, 23, 40, 25, 5),
                   ("2", "B", "Kasubag", "PNS", "2023-06-30", 20, 40, 25, 5),   # left, yet measured
                   ("3", "C", "Kasi", "PPPK", None, 20, 40, 25, 5),
                   ("", "D", "Pelaksana", "honorer", None, None, None, None, None)])
    r = audit_year({"pegawai": peg}, year=2023)
    row = the_row(r, FAMILY_CROSS, "ASN yang diukur IP ASN")
    assert (row["dipublikasikan"], row["dihitung"], row["selisih"], row["status"]) == (3, 2, 1, "selisih")


def test_survey_sample_against_krejcie_morgan_minimum():
    services = paten([("KK", [927] * 12, None)])  # 11124 users
    ok = audit_year({"paten_layanan": services, "ikm_survei": survey(654)}, year=2023)
    row = the_row(ok, FAMILY_CROSS, "sampel minimum Krejcie-Morgan")
    assert (row["dipublikasikan"], row["dihitung"], row["status"]) == (654, 372, "sesuai")
    short = audit_year({"paten_layanan": services, "ikm_survei": survey(300)}, year=2023)
    assert the_row(short, FAMILY_CROSS, "sampel minimum Krejcie-Morgan")["status"] == "selisih"


def test_survey_population_published_against_paten_total():
    services = paten([("KK", [100] * 12, None)])
    pub = published([(2023, "populasi_ikm", 1000.0, "Gambar 3.1", None)])
    r = audit_year({"paten_layanan": services}, year=2023, published=pub)
    row = the_row(r, FAMILY_CROSS, "Populasi survei IKM")
    assert (row["dipublikasikan"], row["dihitung"], row["selisih"]) == (1000, 1200, -200)


def test_pk_programme_budget_against_anggaran_effective_document():
    a = anggaran([("7.01.02", "PROGRAM PELAYANAN", 28928297.0, 28533000.0),
                  ("7.01.02.2.04.0002", "Nonperizinan", 28928297.0, 28533000.0),
                  ("7.01.06.2.01.0002", "Desa", 207788080.0, 204086300.0)])
    targets = pd.DataFrame({
        "indikator": ["pagu_program:7.01.02", "pagu_program:7.01.02", "pagu_program:7.01.06"],
        "dokumen": ["pk", "pk_perubahan", "pk_perubahan"],
        "tahun": [2023, 2023, 2023],
        "target": [35000000.0, 28928297.0, 207788000.0],
        "baris": [2, 3, 4],
    })
    r = audit_year({"anggaran": a}, year=2023, targets=targets)
    assert the_row(r, FAMILY_CROSS, "Anggaran 7.01.02 di pk_perubahan")["status"] == "sesuai"
    desa = the_row(r, FAMILY_CROSS, "Anggaran 7.01.06 di pk_perubahan")
    assert (desa["selisih"], desa["status"], desa["baris"]) == (-80.0, "selisih", 4)
    assert not r.frame["item"].str.contains(" di pk ").any()  # the superseded PK is not the year's budget


def test_lra_last_year_against_previous_lra():
    cur = lra([("5", "BELANJA DAERAH", 10.0, 9.0, 3133189384.0), ("5.1", "OP", 10.0, 9.0, 2862577484.0)])
    prev = lra([("5", "BELANJA DAERAH", 1.0, 3133109384.0), ("5.1", "OP", 1.0, 2862577484.0)],
               with_last_year=False)
    r = audit_year({"lra": cur}, year=2023, previous_datasets={"lra": prev})
    five = the_row(r, FAMILY_CROSS, "5 BELANJA DAERAH: realisasi tahun lalu terhadap LRA 2022")
    assert (five["selisih"], five["status"]) == (80000.0, "selisih")
    assert the_row(r, FAMILY_CROSS, "5.1 OP: realisasi tahun lalu")["status"] == "sesuai"


def test_pembiayaan_code_missing_from_anggaran_is_noted():
    a = anggaran([("7.01.02.2.04.0002", "Nonperizinan", 10.0, 9.0)])
    r = audit_year({"anggaran": a}, year=2023, unit={"kode": "x", "pembiayaan": {
        "layanan_sesuai_standar_pct": "7.01.02", "koordinasi_ditindaklanjuti_pct": "7.01.06",
        "ikm": "total", "jumlah_inovasi": None}})
    assert any("7.01.06" in n for n in r.catatan)
    assert not any("7.01.02" in n for n in r.catatan)


# ---------------------------------------------------------------- family 3

def test_published_against_computed_with_printed_decimals():
    ind = indicators(ikm=98.31380, sakip=87.43, realisasi_anggaran_pct=94.366)
    pub = published([
        (2023, "ikm", 97.33, "Tabel 3.1.1", "realisasi"),
        (2023, "sakip", 87.4, "Tabel 3.1.2", None),                 # one decimal: 0,05 tolerance
        (2023, "realisasi_anggaran_pct", 94.37, "Tabel 3.1.1", "realisasi"),
        (2023, "ikm", 94.5, "PK Perubahan", "target"),
        (2023, "ikm", 102.99, "Tabel 3.1.1", "capaian"),
        (2022, "ikm", 94.21, "Tabel 3.1.2", "realisasi"),          # another year: not this audit
    ])
    r = audit_year({}, year=2023, indicators=ind, published=pub, sources={"published": "d/published.csv"})
    ikm = the_row(r, FAMILY_PUBLISHED, "ikm (realisasi) - Tabel 3.1.1")
    assert ikm["status"] == "selisih" and ikm["selisih"] == pytest.approx(97.33 - 98.3138)
    assert (ikm["baris"], ikm["berkas"], ikm["sumber"], ikm["dataset"]) == (2, "published.csv", "Tabel 3.1.1",
                                                                          "published")
    sk = the_row(r, FAMILY_PUBLISHED, "sakip (realisasi)")
    assert sk["status"] == "sesuai" and sk["toleransi"] == 0.05
    ra = the_row(r, FAMILY_PUBLISHED, "realisasi_anggaran_pct")
    assert ra["status"] == "sesuai" and ra["toleransi"] == 0.005
    assert the_row(r, FAMILY_PUBLISHED, "ikm (target)")["status"] == "sesuai"
    cap = the_row(r, FAMILY_PUBLISHED, "ikm (capaian)")
    assert cap["status"] == "selisih" and cap["dihitung"] == pytest.approx(98.3138 / 94.5 * 100)
    assert len(r.frame[r.frame["pemeriksaan"] == FAMILY_PUBLISHED]) == 5


def test_decimals_column_overrides_the_float():
    pub = published([(2023, "sakip", 87.4, "Lampiran 7", None)])
    pub["decimals"] = pd.array([2], dtype="Int64")          # typed "87,40": two decimals
    r = audit_year({}, year=2023, indicators=indicators(sakip=87.43), published=pub)
    row = the_row(r, FAMILY_PUBLISHED, "sakip")
    assert row["status"] == "selisih" and row["toleransi"] == 0.005


def test_published_extra_budget_and_count_ids():
    a = anggaran([("7.01.01.2.02", "Administrasi Keuangan", 2122381250.0, 1987364743.0),
                  ("7.01.01.2.02.0001", "Gaji", 2122381250.0, 1987364743.0),
                  ("7.01.02.2.04.0002", "Nonperizinan", 597707677.0, 579782405.0)])
    l = lra([("5", "BELANJA DAERAH", 2720088927.0, 2566829648.0)], with_last_year=False)
    pub = published([
        (2023, "pagu_anggaran", 2720088927.0, "Ikhtisar", None),
        (2023, "realisasi_anggaran_rp", 2567147148.0, "Tabel 3.2.5", None),
        (2023, "penyerapan_pct:7.01.01.2.02", 93.63, "Tabel 3.2.3", None),
        (2023, "penyerapan_pct:7.01.01.2.02", 93.64, "Tabel 3.2.5", None),
        (2023, "pagu_program:7.01.02", 597707677.0, "Tabel 3.2.5", None),
        (2023, "persen_anggaran_indikator:layanan_sesuai_standar_pct", 21.97, "Tabel 3.2.2", None),
        (2023, "jumlah_layanan", 11119.0, "Gambar 3.2", None),
        (2023, "angka_tak_dikenal", 1.0, "x", None),
    ])
    unit = {"kode": "gedeg", "pembiayaan": {"layanan_sesuai_standar_pct": "7.01.02"}}
    services = paten([("KK", [927] * 12, None)])  # 11124
    r = audit_year({"anggaran": a, "lra": l, "paten_layanan": services}, year=2023, published=pub, unit=unit)
    assert the_row(r, FAMILY_PUBLISHED, "pagu_anggaran")["status"] == "sesuai"
    rp = the_row(r, FAMILY_PUBLISHED, "realisasi_anggaran_rp")
    assert (rp["dihitung"], rp["selisih"], rp["status"]) == (2566829648.0, 317500.0, "selisih")
    assert the_row(r, FAMILY_PUBLISHED, "7.01.01.2.02 (realisasi) - Tabel 3.2.3")["status"] == "selisih"
    assert the_row(r, FAMILY_PUBLISHED, "7.01.01.2.02 (realisasi) - Tabel 3.2.5")["status"] == "sesuai"
    assert the_row(r, FAMILY_PUBLISHED, "pagu_program:7.01.02")["status"] == "sesuai"
    assert the_row(r, FAMILY_PUBLISHED, "persen_anggaran_indikator")["status"] == "sesuai"
    jl = the_row(r, FAMILY_PUBLISHED, "jumlah_layanan")
    assert (jl["selisih"], jl["status"]) == (-5.0, "selisih")
    assert any("angka_tak_dikenal" in n for n in r.catatan)
    assert not r.frame["item"].str.contains("angka_tak_dikenal").any()


# ---------------------------------------------------------------- whole result

def test_clean_data_has_no_difference():
    d = clean_datasets()
    ind = indicators(ikm=100.0, sakip=27.03, realisasi_anggaran_pct=90.0)
    pub = published([(2023, "ikm", 100, "Tabel", None), (2023, "realisasi_anggaran_pct", 90.0, "Tabel", None),
                     (2023, "pagu_anggaran", 100.0, "Tabel", None),
                     # the same figure in a second place, and a printed table that adds up (families 4, 5)
                     (2023, "ikm", 100, "Ikhtisar", None),
                     (2022, "penduduk:a:laki_laki", 10, "Tabel 1.1", None),
                     (2022, "penduduk:a:perempuan", 12, "Tabel 1.1", None),
                     (2022, "penduduk:a:jumlah", 22, "Tabel 1.1", None)])
    pub["lokasi"] = ["Tabel 3.1.1", "Tabel 3.1.1", "Tabel 3.2.5", "Ikhtisar Eksekutif", "Tabel 1.1", "Tabel 1.1",
                     "Tabel 1.1"]
    pub["dokumen"] = "LKjIP 2023"
    prev = {"lra": lra([("5", "BELANJA DAERAH", 1.0, 80.0), ("5.1", "OP", 1.0, 50.0),
                        ("5.2", "MODAL", 1.0, 30.0)], with_last_year=False)}
    r = audit_year(d, year=2023, indicators=ind, published=pub, previous_datasets=prev)
    counts = r.counts()
    assert list(counts.index) == list(FAMILIES)
    assert (counts["diperiksa"] > 0).all()
    assert (counts["selisih"] == 0).all(), r.differences().to_string()
    assert r.differences().empty
    assert list(r.frame.columns[:len(AUDIT_COLUMNS)]) == list(AUDIT_COLUMNS)
    # the population figures cannot be recomputed from data: reported, not a difference
    assert set(r.frame["status"]) == {"sesuai", "tidak_dapat_diperiksa"}
    assert r.frame["kemungkinan_penyebab"].isna().all()


def test_counts_and_differences():
    r = audit_year({"paten_layanan": paten([("Pindah Datang", PINDAH_DATANG, 754), ("KK", KK, 12)])},
                   year=2023)
    c = r.counts()
    assert c.loc[FAMILY_INTERNAL].tolist() == [2, 1, 1]
    assert c.loc[FAMILY_CROSS].tolist() == [0, 0, 0]
    assert len(r.differences()) == 1 and (r.differences()["status"] == "selisih").all()


def test_input_frames_are_not_modified():
    d = clean_datasets()
    d["paten_layanan"] = paten([("Pindah Datang", PINDAH_DATANG, 754)], total=([1] * 12, 1))
    pub = published([(2023, "ikm", 97.33, "Tabel 3.1.1", None)])
    ind = indicators(ikm=98.31)
    targets = pd.DataFrame({"indikator": ["pagu_program:7.01.01"], "dokumen": ["pk"], "tahun": [2023],
                            "target": [1.0]})
    unit = {"kode": "x", "pembiayaan": {"ikm": "total"}}
    before = {k: v.copy(deep=True) for k, v in d.items()}
    copies = [x.copy(deep=True) for x in (pub, ind, targets)]
    audit_year(d, year=2023, indicators=ind, published=pub, targets=targets, unit=unit)
    for k in d:
        pd.testing.assert_frame_equal(d[k], before[k])
    for x, y in zip((pub, ind, targets), copies):
        pd.testing.assert_frame_equal(x, y)
    assert unit == {"kode": "x", "pembiayaan": {"ikm": "total"}}


def test_write_csv_columns_plain_decimals_and_deterministic(tmp_path):
    ind = indicators(ikm=98.3138)
    pub = published([(2023, "ikm", 97.33, "Tabel 3.1.1", None)])
    a = anggaran([("7.01.01.2.01.0001", "Sub", 2720088927.0, 2567147148.0)])
    l = lra([("5", "BELANJA DAERAH", 2720088927.0, 2566829648.0)], with_last_year=False)
    r = audit_year({"anggaran": a, "lra": l}, year=2023, indicators=ind, published=pub)
    out = r.write_csv(tmp_path / "gedeg" / "2023")
    assert out == tmp_path / "gedeg" / "2023" / "audit.csv"
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(AUDIT_COLUMNS)
    assert "2567147148,2566829648,317500,selisih" in text
    assert "97.33,98.3138,-0.9838,selisih" in text
    assert "e+" not in text and "e-" not in text
    first = out.read_bytes()
    r2 = audit_year({"anggaran": a, "lra": l}, year=2023, indicators=ind, published=pub)
    assert r2.write_csv(tmp_path / "again.csv").read_bytes() == first


# ---------------------------------------------------------------- files

def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _small_unit(root: Path) -> Path:
    unit = root / "raw" / "kec"
    (unit / "2023").mkdir(parents=True)
    (unit / "unit.yaml").write_text(
        "kode: kec\nnama: Kecamatan Kec\nkabupaten: Kab\npimpinan: {nama: A, jabatan: Camat}\n"
        "pembiayaan: {layanan_sesuai_standar_pct: 7.01.02}\n", encoding="utf-8")
    header = "layanan," + ",".join(MONTHS) + ",jumlah"
    (unit / "2023" / "paten_layanan.csv").write_text(
        header + "\nPindah Datang," + ",".join(map(str, PINDAH_DATANG)) + ",754\n"
        "JUMLAH," + ",".join(map(str, PINDAH_DATANG)) + ",794\n", encoding="utf-8")
    (unit / "2023" / "anggaran.csv").write_text(
        "kode,uraian,pagu,realisasi\n7.01.02,PROGRAM,\"2.720.088.927,00\",\"2.567.147.148,00\"\n"
        "7.01.02.2.04.0002,Sub,\"2.720.088.927,00\",\"2.567.147.148,00\"\n", encoding="utf-8")
    (unit / "2023" / "lra.csv").write_text(
        "kode_rekening,uraian,anggaran,realisasi\n5,BELANJA DAERAH,\"2.720.088.927,00\",\"2.566.829.648,00\"\n",
        encoding="utf-8")
    (unit / "published.csv").write_text(
        "tahun,indikator,nilai,sumber\n2023,realisasi_anggaran_pct,\"94,37\",Tabel 3.1.1\n"
        "2023,realisasi_anggaran_pct,\"94,40\",Ikhtisar\n2023,jumlah_layanan,794,Gambar 3.2\n",
        encoding="utf-8")
    return root / "raw"


def test_audit_unit_year_reads_files_and_leaves_them_untouched(tmp_path):
    raw = _small_unit(tmp_path)
    before = _digest(raw)
    r = audit_unit_year(raw, "kec", 2023, processed_dir=tmp_path / "processed")
    assert _digest(raw) == before
    assert (tmp_path / "processed" / "kec" / "2023" / "audit.csv").exists()
    row = the_row(r, FAMILY_INTERNAL, "Pindah Datang: jumlah setahun")
    assert (row["selisih"], row["berkas"], row["baris"]) == (-40, "paten_layanan.csv", 2)
    assert the_row(r, FAMILY_CROSS, "Total realisasi anggaran")["selisih"] == 317500.0
    assert the_row(r, FAMILY_PUBLISHED, "Tabel 3.1.1")["status"] == "sesuai"
    # "94,40" typed with two decimals: 94.40 vs 94.3658 is a difference, not a rounding
    ikh = the_row(r, FAMILY_PUBLISHED, "Ikhtisar")
    assert ikh["toleransi"] == 0.005 and ikh["status"] == "selisih"
    assert the_row(r, FAMILY_PUBLISHED, "jumlah_layanan")["status"] == "sesuai"


@pytest.mark.skipif(not (BUNDLED / "gedeg" / "2023").is_dir(), reason="bundled data not present")
def test_bundled_2023_discrepancies_on_a_copy(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(BUNDLED, raw)
    before = _digest(raw)
    r = audit_unit_year(raw, "gedeg", 2023, processed_dir=tmp_path / "processed")
    assert _digest(raw) == before
    assert _digest(raw) == _digest(BUNDLED)
    row = the_row(r, FAMILY_INTERNAL, "Pindah Datang: jumlah setahun")
    assert (row["dipublikasikan"], row["dihitung"], row["selisih"]) == (754, 794, -40)
    assert the_row(r, FAMILY_INTERNAL, "5.1 BELANJA OPERASI: anggaran")["selisih"] == -600000.0
    assert the_row(r, FAMILY_CROSS, "Total realisasi anggaran")["selisih"] == 317500.0
    ikm = r.frame[(r.frame["pemeriksaan"] == FAMILY_PUBLISHED) & r.frame["item"].str.startswith("ikm (realisasi)")
                  & (r.frame["tahun"] == 2023)]  # the LKjIP 2023 also prints 2021 and 2022, which agree
    assert set(ikm["dipublikasikan"]) >= {97.33, 97.13, 97.5}
    assert (ikm["status"] == "selisih").all()
    assert ikm["dihitung"].round(2).eq(98.31).all()
    text = (tmp_path / "processed" / "gedeg" / "2023" / "audit.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(AUDIT_COLUMNS)


def test_every_documented_extra_id_has_a_figure():
    from lkjip.audit import EXTRA_IDS, FIGURES

    names = {i.split(":")[0] for i in EXTRA_IDS}
    assert names <= set(FIGURES)
    assert FIGURES["sakip_komponen"].argument == "required" and FIGURES["jumlah_layanan"].argument == "optional"
