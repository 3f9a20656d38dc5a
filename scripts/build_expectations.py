"""Write the Great Expectations suites under ``expectations/`` from the rules below.

The JSON files are what :mod:`lkjip.validation` runs (they are committed); this
script only keeps them consistent and readable. Run it after changing a rule::

    .venv/bin/python scripts/build_expectations.py          # write
    .venv/bin/python scripts/build_expectations.py --check  # fail if out of date

Every expectation carries ``meta``:

- ``id``: a stable rule id (``<dataset>.<kolom>.<aturan>``);
- ``aturan``: the rule in plain Bahasa Indonesia, as users and auditors see it;
- ``tingkat``: ``error`` (the run stops before writing anything of the year) or
  ``peringatan`` (the finding goes into the report);
- ``kolom``: the column(s) of the input file the rule is about.

Every dataset with a natural key (``lkjip.contract.schema.Dataset.key``) gets the rule
``<dataset>.kunci.unik``, the same rule the reader applies (a duplicate is an
error naming both rows).

Columns whose name is listed in a suite's ``meta.kolom_bantu`` are helper
columns that :mod:`lkjip.validation` derives before validating (for example the
number of answered survey items); they never come from the analysts' files.
The report year is the suite parameter ``tahun`` (``{"$PARAMETER": "tahun"}``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lkjip.contract.rules import (  # noqa: E402
    IPASN_DIMENSIONS,
    SAKIP_COMPONENT_WEIGHTS,
    SAKIP_COMPONENTS,
    SAKIP_SUBCOMPONENT_SHARES,
    SAKIP_SUBCOMPONENTS,
    STAFF_STATUSES,
    TARGET_DOCUMENTS,
)
from lkjip.contract.optional_datasets import PENDIDIKAN_PEGAWAI  # noqa: E402
from lkjip.contract.schema import DATASETS, MONTHS, UNSUR  # noqa: E402

OUT = ROOT / "expectations"

#: The seven key indicators every report year needs a target for (domain.md).

# The suites print whole numbers as the regulations do ("perencanaan 30", "0 dan 25").
IP_ASN_MAX = {k: int(v) for k, v in IPASN_DIMENSIONS.items()}
SAKIP_WEIGHTS = {k: int(v) for k, v in SAKIP_COMPONENT_WEIGHTS.items()}

#: Type names accepted by ``expect_column_values_to_be_in_type_list`` per column kind.
TYPE_LISTS = {
    "text": ["StringDtype", "str"],
    "integer": ["Int64Dtype", "int64"],
    "number": ["float64", "Float64Dtype", "int64", "Int64Dtype"],
    "date": ["datetime64[ns]", "datetime64[us]", "datetime64[ms]", "datetime64[s]"],
}
KIND_WORDS = {
    "text": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "date": "tanggal",
}

TAHUN = {"$PARAMETER": "tahun"}


def where(column: str, operator: str, parameter) -> dict:
    """A GX 1.x row condition (serialised ``Column(column) <operator> parameter``)."""
    return {"row_condition": {"type": "comparison", "column": {"name": column}, "operator": operator,
                              "parameter": parameter}}


NOT_TOTAL = where("adalah_total", "==", False)
ASN = where("status", "IN", ["PNS", "PPPK"])
ASN_IN_POST = where("asn_aktif_akhir_tahun", "==", True)
SEVERITY = {"error": "critical", "peringatan": "warning"}


def rule(rid: str, type_: str, kwargs: dict, aturan: str, tingkat: str, kolom: str) -> dict:
    assert tingkat in SEVERITY, tingkat
    return {
        "type": type_,
        "kwargs": kwargs,
        "meta": {"id": rid, "aturan": aturan, "tingkat": tingkat, "kolom": kolom},
        "severity": SEVERITY[tingkat],
    }


def structure(name: str, *, not_null: tuple[str, ...] = (), total_rows: bool = False,
              not_null_condition: dict | None = None) -> list[dict]:
    """Columns present, of the right type, and required cells filled."""
    spec = DATASETS[name]
    required = list(spec.required)
    out = [rule(f"{name}.kolom_wajib.ada", "expect_table_columns_to_match_set",
                {"column_set": required, "exact_match": False},
                "Kolom wajib ada: " + ", ".join(required) + " (kolom lain boleh ada)", "error", ", ".join(required))]
    for col in spec.columns:
        out.append(rule(
            f"{name}.{col.name}.tipe", "expect_column_values_to_be_in_type_list",
            {"column": col.name, "type_list": TYPE_LISTS[col.kind]},
            f"Isi kolom '{col.name}' harus {KIND_WORDS[col.kind]}"
            + ("" if col.required else " (kolom opsional; boleh tidak ada)"),
            "error", col.name))
    for c in not_null:
        cond = not_null_condition if not_null_condition is not None else (NOT_TOTAL if total_rows else {})
        where = " (selain baris JUMLAH)" if total_rows and not_null_condition is None else ""
        out.append(rule(f"{name}.{c}.terisi", "expect_column_values_to_not_be_null", {"column": c, **cond},
                        f"Kolom '{c}' tidak boleh kosong{where}", "error", c))
    return out


def at_least_zero(name: str, cols, what: str, *, total_rows: bool, kolom: str | None = None) -> list[dict]:
    cond = NOT_TOTAL if total_rows else {}
    return [rule(f"{name}.{c}.tidak_negatif", "expect_column_values_to_be_between",
                 {"column": c, "min_value": 0, **cond},
                 f"{what} '{c}' tidak boleh negatif", "error", kolom or c) for c in cols]


def totals_rule(name: str, kolom: str) -> dict:
    return rule(f"{name}.total_tercetak.cocok", "expect_column_values_to_be_null",
                {"column": "total_tidak_cocok"},
                "Baris JUMLAH yang diketik harus sama dengan jumlah baris-baris di atasnya "
                "(selisih dilaporkan, data tidak diubah)", "peringatan", kolom)


def key_rule(name: str) -> dict:
    """The dataset's natural key (``lkjip.contract.schema.Dataset.key``) is unique: a repeated row would count twice.

    Runs on the helper column ``kunci`` (``lkjip.inputs.ingest.natural_key``: the key
    cells as one text, case and spacing ignored, ``<NA>`` for printed totals
    and rows whose key cells are all blank), the same rule the reader applies.
    """
    spec = DATASETS[name]
    columns = spec.key_columns
    return rule(f"{name}.kunci.unik", "expect_column_values_to_be_unique", {"column": "kunci"},
                f"Setiap {spec.one_row_per} hanya boleh tercatat sekali: kunci {' + '.join(columns)} tidak boleh "
                "berulang (huruf besar/kecil dan spasi tidak dibedakan; baris JUMLAH dan kunci kosong tidak diperiksa)",
                "error", ", ".join(columns))


KEY_HELPER = "isi kolom kunci dataset digabung (huruf kecil, spasi tunggal); kosong untuk baris JUMLAH dan kunci kosong"


def suite(name: str, title: str, expectations: list[dict], helpers: dict[str, str] | None = None) -> dict:
    meta = {
        "dataset": name,
        "judul": title,
        "parameter": {"tahun": "tahun laporan (diisi saat validasi)"},
        "kolom_bantu": helpers or {},
        "catatan": "Dibuat oleh scripts/build_expectations.py; jalankan ulang skrip itu setelah mengubah aturan.",
    }
    if DATASETS[name].key_columns:
        if not any(e["meta"]["id"] == f"{name}.kunci.unik" for e in expectations):
            expectations = [*expectations, key_rule(name)]
        meta["kolom_bantu"] = {**meta["kolom_bantu"], "kunci": KEY_HELPER}
    ids = [e["meta"]["id"] for e in expectations]
    dup = {i for i in ids if ids.count(i) > 1}
    assert not dup, dup
    return {"name": name, "meta": meta, "expectations": expectations}


# --------------------------------------------------------------------------- suites


def ikm_survei() -> dict:
    n = "ikm_survei"
    ex = structure(n, not_null=("tanggal",))
    for u in UNSUR:
        ex.append(rule(f"{n}.{u}.nilai_1_4", "expect_column_values_to_be_in_set",
                       {"column": u, "value_set": [1, 2, 3, 4]},
                       f"Jawaban {u} harus 1, 2, 3 atau 4 (kosong boleh)", "error", u))
    ex.append(rule(f"{n}.jumlah_jawaban.minimal_satu", "expect_column_values_to_be_between",
                   {"column": "jumlah_jawaban", "min_value": 1},
                   "Setiap responden harus menjawab paling sedikit satu unsur u1..u9", "error", "u1..u9"))
    ex.append(rule(f"{n}.jumlah_jawaban.lengkap", "expect_column_values_to_be_between",
                   {"column": "jumlah_jawaban", "min_value": 9},
                   "Responden sebaiknya menjawab kesembilan unsur u1..u9 (unsur kosong tidak dihitung)",
                   "peringatan", "u1..u9"))
    ex.append(rule(f"{n}.tanggal.dalam_tahun", "expect_column_values_to_be_between",
                   {"column": "tahun_tanggal", "min_value": TAHUN, "max_value": TAHUN},
                   "Tanggal survei harus di dalam tahun laporan", "error", "tanggal"))
    ex.append(rule(f"{n}.umur.wajar", "expect_column_values_to_be_between",
                   {"column": "umur", "min_value": 10, "max_value": 110},
                   "Umur responden sebaiknya antara 10 dan 110 tahun", "peringatan", "umur"))
    return suite(n, DATASETS[n].title, ex, {
        "jumlah_jawaban": "banyaknya unsur u1..u9 yang dijawab (tidak kosong) oleh responden",
        "tahun_tanggal": "tahun dari kolom tanggal",
    })


def paten_layanan() -> dict:
    n = "paten_layanan"
    ex = structure(n, not_null=("layanan",))
    ex.append(rule(f"{n}.bulan.terisi", "expect_column_values_to_be_null", {"column": "bulan_kosong"},
                   "Jumlah layanan setiap bulan jan..des sebaiknya diisi (kosong dihitung 0)", "peringatan",
                   "jan..des"))
    ex += at_least_zero(n, MONTHS, "Jumlah layanan bulan", total_rows=True)
    ex += at_least_zero(n, ("jumlah", "tidak_sesuai_standar"), "Jumlah layanan", total_rows=True)
    ex.append(rule(f"{n}.hitungan.bulat", "expect_column_values_to_be_null", {"column": "kolom_bukan_bulat"},
                   "Jumlah layanan harus bilangan bulat", "error", "jan..des, jumlah, tidak_sesuai_standar"))
    ex.append(rule(f"{n}.tidak_sesuai_standar.maks_total", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "total_bulan", "column_B": "tidak_sesuai_standar", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing", **NOT_TOTAL},
                   "Layanan tidak sesuai standar tidak boleh lebih dari jumlah layanan setahun (jan..des)",
                   "error", "tidak_sesuai_standar"))
    ex.append(rule(f"{n}.jumlah.sama_dengan_bulan", "expect_column_values_to_be_null",
                   {"column": "jumlah_tidak_cocok"},
                   "Kolom 'jumlah' yang tercetak harus sama dengan jumlah jan..des (selisih dilaporkan)",
                   "peringatan", "jumlah"))
    ex.append(totals_rule(n, "jan..des, jumlah, tidak_sesuai_standar"))
    return suite(n, DATASETS[n].title, ex, {
        "total_bulan": "jumlah jan..des pada baris itu",
        "bulan_kosong": "nama bulan yang kosong pada baris layanan itu",
        "kolom_bukan_bulat": "nama kolom hitungan yang berisi pecahan pada baris itu",
        "jumlah_tidak_cocok": "keterangan bila 'jumlah' berbeda dari jumlah jan..des",
        "total_tidak_cocok": "keterangan bila baris JUMLAH berbeda dari jumlah baris-baris layanan",
    })


def anggaran() -> dict:
    n = "anggaran"
    ex = structure(n, not_null=("kode", "uraian", "pagu", "realisasi"), total_rows=True)
    ex.append(rule(f"{n}.kode.format", "expect_column_values_to_match_regex",
                   {"column": "kode", "regex": r"^\d{1,2}\.\d{2}\.\d{2}(?:\.\d\.\d{2}(?:\.\d{4})?)?$", **NOT_TOTAL},
                   "Kode harus berbentuk program 7.01.01, kegiatan 7.01.01.2.01 atau sub kegiatan 7.01.01.2.01.0001",
                   "error", "kode"))
    ex += at_least_zero(n, ("pagu", "realisasi"), "Nilai", total_rows=True)
    ex.append(rule(f"{n}.realisasi.maks_pagu", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "pagu", "column_B": "realisasi", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing", **NOT_TOTAL},
                   "Realisasi tidak boleh lebih besar dari pagu", "error", "realisasi"))
    ex.append(rule(f"{n}.induk.sama_dengan_anak", "expect_column_values_to_be_null", {"column": "anak_tidak_cocok"},
                   "Pagu dan realisasi program/kegiatan harus sama dengan jumlah kegiatan/sub kegiatan di bawahnya "
                   "(selisih dilaporkan)", "peringatan", "pagu, realisasi"))
    ex.append(totals_rule(n, "pagu, realisasi"))
    return suite(n, DATASETS[n].title, ex, {
        "anak_tidak_cocok": "keterangan bila baris induk berbeda dari jumlah anaknya (tingkat terdekat yang ada)",
        "total_tidak_cocok": "keterangan bila baris JUMLAH berbeda dari jumlah baris tingkat teratas",
    })


def lra() -> dict:
    n = "lra"
    ex = structure(n, not_null=("kode_rekening", "uraian", "anggaran", "realisasi"), total_rows=True)
    ex.append(rule(f"{n}.kode_rekening.format", "expect_column_values_to_match_regex",
                   {"column": "kode_rekening", "regex": r"^\d(?:\.\d{1,4})*$", **NOT_TOTAL},
                   "Kode rekening harus berbentuk 5, 5.1, 5.1.01, ... (angka dipisah titik)", "error",
                   "kode_rekening"))
    ex += at_least_zero(n, ("anggaran", "realisasi", "realisasi_tahun_lalu"), "Nilai", total_rows=True)
    ex.append(rule(f"{n}.realisasi.maks_anggaran", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "anggaran", "column_B": "realisasi", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing", **where("akun_belanja", "==", True)},
                   "Realisasi belanja (rekening 5...) tidak boleh lebih besar dari anggarannya", "error",
                   "realisasi"))
    ex.append(rule(f"{n}.induk.sama_dengan_anak", "expect_column_values_to_be_null", {"column": "anak_tidak_cocok"},
                   "Rekening induk harus sama dengan jumlah rekening di bawahnya (selisih dilaporkan)",
                   "peringatan", "anggaran, realisasi, realisasi_tahun_lalu"))
    ex.append(totals_rule(n, "anggaran, realisasi, realisasi_tahun_lalu"))
    return suite(n, DATASETS[n].title, ex, {
        "akun_belanja": "benar bila kode rekening diawali 5 (belanja)",
        "anak_tidak_cocok": "keterangan bila rekening induk berbeda dari jumlah rekening di bawahnya",
        "total_tidak_cocok": "keterangan bila baris JUMLAH berbeda dari jumlah rekening tingkat teratas",
    })


def pegawai() -> dict:
    n = "pegawai"
    ex = structure(n, not_null=("nama", "jabatan", "status"))
    ex.append(rule(f"{n}.status.pilihan", "expect_column_values_to_be_in_set",
                   {"column": "status", "value_set": list(STAFF_STATUSES)},
                   "Status harus PNS, PPPK atau honorer", "error", "status"))
    ex.append(rule(f"{n}.nip.terisi_asn", "expect_column_values_to_not_be_null", {"column": "nip", **ASN},
                   "NIP wajib diisi untuk ASN (PNS/PPPK)", "error", "nip"))
    ex.append(rule(f"{n}.nip.format_asn", "expect_column_values_to_match_regex",
                   {"column": "nip", "regex": r"^\d{18}$", **ASN},
                   "NIP ASN harus 18 angka tanpa spasi", "error", "nip"))
    for dim, mx in IP_ASN_MAX.items():
        ex.append(rule(f"{n}.{dim}.rentang", "expect_column_values_to_be_between",
                       {"column": dim, "min_value": 0, "max_value": mx},
                       f"Dimensi IP ASN '{dim}' harus antara 0 dan {mx}", "error", dim))
    for dim in IP_ASN_MAX:
        ex.append(rule(f"{n}.{dim}.terisi_asn", "expect_column_values_to_not_be_null", {"column": dim, **ASN_IN_POST},
                       f"Dimensi IP ASN '{dim}' wajib diisi untuk setiap ASN yang masih bertugas di akhir tahun",
                       "error", dim))
    ex.append(rule(f"{n}.selesai.setelah_mulai", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "selesai", "column_B": "mulai", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing"},
                   "Tanggal selesai tidak boleh sebelum tanggal mulai", "error", "mulai, selesai"))
    # contract v2: which year's IP ASN assessment the scores are (blank = the report year)
    ex.append(rule(f"{n}.tahun_penilaian_ip_asn.tidak_setelah_tahun", "expect_column_values_to_be_between",
                   {"column": "tahun_penilaian_ip_asn", "max_value": TAHUN},
                   "Tahun penilaian IP ASN tidak boleh sesudah tahun laporan", "error", "tahun_penilaian_ip_asn"))
    ex.append(rule(f"{n}.tahun_penilaian_ip_asn.satu", "expect_column_values_to_be_null",
                   {"column": "tahun_penilaian_campur"},
                   "Semua nilai IP ASN dalam satu berkas harus dari satu tahun penilaian (kosong = tahun laporan)",
                   "error", "tahun_penilaian_ip_asn"))
    ex.append(rule(f"{n}.pendidikan.pilihan", "expect_column_values_to_be_in_set",
                   {"column": "pendidikan", "value_set": list(PENDIDIKAN_PEGAWAI)},
                   "Pendidikan sebaiknya salah satu dari " + ", ".join(PENDIDIKAN_PEGAWAI) + " (kosong boleh)",
                   "peringatan", "pendidikan"))
    return suite(n, DATASETS[n].title, ex, {
        "asn_aktif_akhir_tahun": "benar bila ASN dan 'selesai' kosong atau sesudah tahun laporan",
        "tahun_penilaian_campur": "keterangan bila baris bernilai IP ASN memakai tahun penilaian yang berbeda-beda",
    })


def sakip_evaluasi() -> dict:
    n = "sakip_evaluasi"
    ex = structure(n, not_null=("komponen", "bobot", "nilai"))
    ex.append(rule(f"{n}.komponen.pilihan", "expect_column_values_to_be_in_set",
                   {"column": "komponen", "value_set": list(SAKIP_COMPONENTS)},
                   "Komponen harus salah satu dari perencanaan, pengukuran, pelaporan, evaluasi_internal",
                   "error", "komponen"))
    ex.append(rule(f"{n}.komponen.lengkap", "expect_column_distinct_values_to_contain_set",
                   {"column": "komponen", "value_set": list(SAKIP_COMPONENTS)},
                   "Keempat komponen (perencanaan, pengukuran, pelaporan, evaluasi_internal) harus ada",
                   "error", "komponen"))
    ex.append(rule(f"{n}.subkomponen.pilihan", "expect_column_values_to_be_in_set",
                   {"column": "subkomponen", "value_set": list(SAKIP_SUBCOMPONENTS)},
                   "Subkomponen harus keberadaan, kualitas atau pemanfaatan (kosong = baris komponen)",
                   "error", "subkomponen"))
    weights = ", ".join(f"{k} {v}" for k, v in SAKIP_WEIGHTS.items())
    shares = ", ".join(f"{k} {round(v * 100)}%" for k, v in SAKIP_SUBCOMPONENT_SHARES.items())
    ex.append(rule(f"{n}.bobot.baku", "expect_column_pair_values_to_be_equal",
                   {"column_A": "bobot", "column_B": "bobot_baku", "ignore_row_if": "either_value_is_missing"},
                   f"Bobot harus sesuai PermenPAN-RB 88/2021: {weights}; subkomponen {shares} dari bobot komponennya",
                   "error", "bobot"))
    ex.append(rule(f"{n}.nilai.tidak_negatif", "expect_column_values_to_be_between",
                   {"column": "nilai", "min_value": 0}, "Nilai tidak boleh negatif", "error", "nilai"))
    ex.append(rule(f"{n}.nilai.maks_bobot", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "bobot", "column_B": "nilai", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing"},
                   "Nilai tidak boleh lebih besar dari bobotnya", "error", "nilai"))
    ex.append(rule(f"{n}.komponen.sama_dengan_sub", "expect_column_values_to_be_null",
                   {"column": "subkomponen_tidak_cocok"},
                   "Nilai baris komponen harus sama dengan jumlah nilai subkomponennya (selisih dilaporkan)",
                   "peringatan", "nilai"))
    return suite(n, DATASETS[n].title, ex, {
        "subkomponen_atau_komponen": "subkomponen, atau '-' untuk baris komponen",
        "bobot_baku": "bobot menurut PermenPAN-RB 88/2021 untuk baris itu",
        "subkomponen_tidak_cocok": "keterangan bila nilai komponen berbeda dari jumlah subkomponennya",
    })


def koordinasi() -> dict:
    n = "koordinasi"
    ex = structure(n, not_null=("uraian", "seksi", "fasilitasi", "tindak_lanjut"), total_rows=True)
    ex += at_least_zero(n, ("fasilitasi", "tindak_lanjut"), "Jumlah", total_rows=True)
    ex.append(rule(f"{n}.hitungan.bulat", "expect_column_values_to_be_null", {"column": "kolom_bukan_bulat"},
                   "Jumlah fasilitasi dan tindak lanjut harus bilangan bulat", "error", "fasilitasi, tindak_lanjut"))
    ex.append(rule(f"{n}.tindak_lanjut.maks_fasilitasi", "expect_column_pair_values_a_to_be_greater_than_b",
                   {"column_A": "fasilitasi", "column_B": "tindak_lanjut", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing", **NOT_TOTAL},
                   "Tindak lanjut tidak boleh lebih banyak dari fasilitasi", "error", "tindak_lanjut"))
    ex.append(totals_rule(n, "fasilitasi, tindak_lanjut"))
    return suite(n, DATASETS[n].title, ex, {
        "kolom_bukan_bulat": "nama kolom hitungan yang berisi pecahan pada baris itu",
        "total_tidak_cocok": "keterangan bila baris JUMLAH berbeda dari jumlah baris-baris uraian",
    })


def inovasi() -> dict:
    n = "inovasi"
    ex = structure(n, not_null=("nama",))  # an SK number/date not recorded (illegible) stays empty
    ex.append(rule(f"{n}.status.pilihan", "expect_column_values_to_match_regex",
                   {"column": "status", "regex": r"(?i)^\s*(?:aktif|nonaktif)\s*$"},
                   "Status harus 'aktif' atau 'nonaktif' (kosong = aktif)", "error", "status"))
    ex.append(rule(f"{n}.tanggal_sk.tidak_setelah_tahun", "expect_column_values_to_be_between",
                   {"column": "tahun_sk", "max_value": TAHUN},
                   "Tanggal SK sebaiknya tidak sesudah tahun laporan", "peringatan", "tanggal_sk"))
    return suite(n, DATASETS[n].title, ex, {"tahun_sk": "tahun dari kolom tanggal_sk"})


def targets() -> dict:
    n = "targets"
    ex = structure(n, not_null=("indikator", "dokumen", "tahun", "target"))
    ex.append(rule(f"{n}.dokumen.pilihan", "expect_column_values_to_be_in_set",
                   {"column": "dokumen", "value_set": list(TARGET_DOCUMENTS)},
                   "Dokumen harus renstra, renstra_perubahan, pk atau pk_perubahan", "error", "dokumen"))
    ex.append(rule(f"{n}.target.bukan_nol", "expect_column_values_to_not_be_in_set",
                   {"column": "target", "value_set": [0]},
                   "Target 0: capaian (realisasi dibanding target) tidak dapat dihitung untuk indikator, dokumen "
                   "dan tahun ini; laporan menuliskannya 'tidak dapat dihitung'", "peringatan", "target"))
    # which IKU need a target follows from the unit's declaration: lkjip.validation.iku
    return suite(n, DATASETS[n].title, ex)


# --------------------------------------------------------------------------- contract v2 (optional files)


def in_vocab(name: str) -> list[dict]:
    """Columns with a controlled vocabulary (schema ``vocab``) hold one of its values; blank allowed when optional."""
    spec = DATASETS[name]
    out = []
    for col, values in spec.vocab.items():
        blank = "" if spec.column(col).required else " (kosong boleh)"
        out.append(rule(f"{name}.{col}.pilihan", "expect_column_values_to_be_in_set",
                        {"column": col, "value_set": list(values)},
                        f"Isi kolom '{col}' harus salah satu dari: " + ", ".join(values) + blank, "error", col))
    return out


def unique_key(name: str) -> dict:
    """The natural-key rule of :func:`key_rule`; a period file compares the rows valid in the report year."""
    out = key_rule(name)
    if DATASETS[name].period:
        out["meta"]["aturan"] += " (di antara baris yang berlaku pada tahun laporan)"
    return out


def v2_suite(name: str, extra: list[dict] | None = None, helpers: dict[str, str] | None = None,
             not_null: tuple[str, ...] | None = None) -> dict:
    """Structure, vocabularies and the natural key of a v2 dataset, plus ``extra`` rules."""
    spec = DATASETS[name]
    required = tuple(c.name for c in spec.columns if c.required and c.kind == "text") if not_null is None else not_null
    ex = structure(name, not_null=required, total_rows=spec.label_column is not None)
    ex += in_vocab(name)
    ex.append(unique_key(name))
    if spec.period:
        first, last = spec.period
        ex.append(rule(f"{name}.periode.urut", "expect_column_values_to_be_null", {"column": "periode_terbalik"},
                       f"'{first}' tidak boleh sesudah '{last}'", "error", f"{first}, {last}"))
    ex += extra or []
    kunci = {"kunci": KEY_HELPER}
    if spec.period:
        kunci["periode_terbalik"] = "keterangan bila tahun awal sesudah tahun akhir"
    return suite(name, spec.title, ex, {**kunci, **(helpers or {})})


def renstra() -> dict:
    n = "renstra"
    return v2_suite(n, [
        rule(f"{n}.visi.satu", "expect_column_values_to_be_null", {"column": "visi_ganda"},
             "Paling banyak satu baris visi per periode Renstra", "error", "jenis"),
        rule(f"{n}.sasaran.ada", "expect_column_values_to_be_null", {"column": "sasaran_tidak_ada"},
             "Kolom 'sasaran' program/indikator harus menunjuk nomor baris sasaran pada periode yang sama",
             "error", "sasaran"),
        rule(f"{n}.kode.format", "expect_column_values_to_match_regex",
             {"column": "kode", "regex": r"^\d{1,2}\.\d{2}\.\d{2}$"},
             "Kode program harus berbentuk 7.01.01 (kosong boleh)", "error", "kode"),
    ], {"visi_ganda": "keterangan bila satu periode punya lebih dari satu visi",
        "sasaran_tidak_ada": "keterangan bila nomor sasaran yang dirujuk tidak ada"})


def organisasi() -> dict:
    n = "organisasi"
    return v2_suite(n, [rule(f"{n}.induk.ada", "expect_column_values_to_be_null", {"column": "induk_tidak_ada"},
                             "Induk harus menunjuk unit_kerja di berkas yang sama", "error", "induk")],
                    {"induk_tidak_ada": "keterangan bila induk tidak ada di kolom unit_kerja"})


def proses_bisnis() -> dict:
    n = "proses_bisnis"
    return v2_suite(n, [
        rule(f"{n}.kode.format", "expect_column_values_to_match_regex",
             {"column": "kode", "regex": r"^P(?:\.\d+)+$"}, "Kode proses harus berbentuk P.1, P.1.5, P.1.5.4 ...",
             "error", "kode"),
        rule(f"{n}.induk.ada", "expect_column_values_to_be_null", {"column": "induk_tidak_ada"},
             "Simpul induk (kode tanpa bagian terakhir) sebaiknya ada", "peringatan", "kode"),
    ], {"induk_tidak_ada": "keterangan bila simpul induk tidak ada"})


def penduduk() -> dict:
    n = "penduduk"
    counts = ("laki_laki", "perempuan", "jumlah", "dusun", "rw", "rt")
    return v2_suite(n, [
        *at_least_zero(n, counts, "Jumlah", total_rows=True),
        rule(f"{n}.jumlah.sama_dengan_lp", "expect_column_values_to_be_null", {"column": "jumlah_tidak_cocok"},
             "Kolom 'jumlah' yang tercetak harus sama dengan laki_laki + perempuan (selisih dilaporkan, data tidak "
             "diubah)", "peringatan", "jumlah"),
        totals_rule(n, "laki_laki, perempuan, jumlah, dusun, rw, rt"),
    ], {"jumlah_tidak_cocok": "keterangan bila 'jumlah' berbeda dari laki_laki + perempuan",
        "total_tidak_cocok": "keterangan bila baris JUMLAH berbeda dari jumlah baris-baris desa"},
        not_null=("desa", "laki_laki", "perempuan"))


def sarana() -> dict:
    return v2_suite("sarana", at_least_zero("sarana", ("jumlah",), "Jumlah", total_rows=False),
                    not_null=("uraian", "jumlah"))


def perjanjian_kinerja() -> dict:
    return v2_suite("perjanjian_kinerja")


def perjanjian_kinerja_anggaran() -> dict:
    n = "perjanjian_kinerja_anggaran"
    return v2_suite(n, [
        *at_least_zero(n, ("anggaran",), "Anggaran", total_rows=False),
        rule(f"{n}.kode_program.format", "expect_column_values_to_match_regex",
             {"column": "kode_program", "regex": r"^\d{1,2}\.\d{2}\.\d{2}$"},
             "Kode program harus berbentuk 7.01.01 (kosong boleh)", "error", "kode_program"),
    ], not_null=("dokumen", "program", "anggaran"))


def dokumen() -> dict:
    n = "dokumen"
    return v2_suite(n, [
        rule(f"{n}.tanggal.terisi", "expect_column_values_to_be_null", {"column": "tanggal_kosong"},
             "Kolom 'tanggal' atau 'tanggal_tercetak' harus terisi", "error", "tanggal, tanggal_tercetak"),
        rule(f"{n}.berita_acara.setelah_tahun", "expect_column_values_to_be_null", {"column": "berita_acara_dini"},
             "Berita Acara pengukuran kinerja sebaiknya bertanggal sesudah tahun laporan berakhir",
             "peringatan", "tanggal"),
    ], {"tanggal_kosong": "keterangan bila tanggal dan tanggal_tercetak kosong",
        "berita_acara_dini": "keterangan bila Berita Acara bertanggal di dalam tahun laporan"})


def _nip_rule(n: str) -> dict:
    return rule(f"{n}.nip.format", "expect_column_values_to_match_regex", {"column": "nip", "regex": r"^\d{18}$"},
                "NIP harus 18 angka tanpa spasi (kosong boleh)", "error", "nip")


def penandatangan() -> dict:
    return v2_suite("penandatangan", [_nip_rule("penandatangan")])


def kinerja_pejabat() -> dict:
    n = "kinerja_pejabat"
    return v2_suite(n, at_least_zero(n, ("capaian",), "Capaian", total_rows=False))


def laporan_pejabat() -> dict:
    n = "laporan_pejabat"
    return v2_suite(n, [_nip_rule(n), *at_least_zero(n, ("anggaran", "realisasi_anggaran", "serapan_pct"),
                                                     "Nilai", total_rows=False)])


def angka_resmi() -> dict:
    n = "angka_resmi"
    return v2_suite(n, at_least_zero(n, ("realisasi_resmi",), "Angka resmi", total_rows=False),
                    not_null=("indikator", "realisasi_resmi", "sumber_resmi"))


def simple_optional(name: str):
    def build() -> dict:
        return v2_suite(name)
    build.__name__ = name
    return build


BUILDERS = (ikm_survei, paten_layanan, anggaran, lra, pegawai, sakip_evaluasi, koordinasi, inovasi, targets,
            renstra, simple_optional("renstra_target"), organisasi, simple_optional("tugas_fungsi"),
            simple_optional("isu_strategis"), proses_bisnis, penduduk, sarana, perjanjian_kinerja,
            perjanjian_kinerja_anggaran, dokumen, penandatangan, kinerja_pejabat, laporan_pejabat,
            simple_optional("tindak_lanjut_evaluasi"), simple_optional("prestasi"), simple_optional("indikator"),
            simple_optional("realisasi"), angka_resmi)


def render(s: dict) -> str:
    return json.dumps(s, indent=2, ensure_ascii=False) + "\n"


def check_with_gx(s: dict) -> None:
    """Every expectation must be accepted by GX (an invalid one is dropped silently)."""
    import great_expectations as gx

    built = gx.ExpectationSuite(name=s["name"], expectations=json.loads(json.dumps(s["expectations"])),
                                  meta=dict(s["meta"]))
    if len(built.expectations) != len(s["expectations"]):
        raise SystemExit(f"{s['name']}: GX rejected {len(s['expectations']) - len(built.expectations)} expectation(s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed files")
    ap.add_argument("--no-gx", action="store_true", help="skip loading the suites in GX")
    args = ap.parse_args(argv)
    stale = []
    for build in BUILDERS:
        s = build()
        if not args.no_gx:
            check_with_gx(s)
        path = OUT / f"{s['name']}.json"
        text = render(s)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(s['expectations'])} aturan")
    if stale:
        print("tidak mutakhir (jalankan scripts/build_expectations.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
