"""The data contract as code: every dataset, its columns and their kinds.

This module is the one place that says what a file must hold. The readers
(:mod:`lkjip.inputs.ingest`), the blank templates and the documentation are all
derived from :data:`DATASETS`, so they cannot drift apart.

Processed frames keep the contract's column names and add:

- ``baris``: the row number as the spreadsheet shows it (header = 1), so that
  every later finding can point back at the cell;
- ``adalah_total`` (for datasets with a label column): ``True`` for a row
  whose label is ``JUMLAH``/``TOTAL``, i.e. a total typed into the source.
  Such rows never enter a computation; the audit compares them with the sum
  of the other rows.

Every dataset names its natural key (:attr:`Dataset.key`): the columns that
tell one row from another. Two rows with the same key would be counted twice
(an innovation, a month of services), so the reader refuses them naming both
spreadsheet rows, and the expectation suites hold the same rule. Printed
totals (``adalah_total``) and rows whose key cells are all blank are outside
the key (a honorer without NIP, a survey without respondent ids); text is
compared without regard to case and spacing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip.contract.optional_datasets import OPTIONAL_DATASETS, PEGAWAI_OPTIONAL_COLUMNS
from lkjip.contract.rules.regulation import (
    IKM_UNSUR_NAMES,
    SAKIP_COMPONENTS,
    SAKIP_SUBCOMPONENTS,
    STAFF_STATUSES,
    TARGET_DOCUMENTS,
)

#: Column kinds and the pandas dtype each becomes once read.
KIND_DTYPES = {
    "text": "string",
    "number": "float64",
    "integer": "Int64",
    "date": "datetime64[ns]",
}

MONTHS = ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des")
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
UNSUR = tuple(IKM_UNSUR_NAMES)

#: Labels that mark a row as a total typed into the source document.
TOTAL_LABELS = ("jumlah", "total", "jumlah total", "grand total")

#: Columns that identify a person and must never leave the reader.
PII_COLUMNS = ("nama", "nama_responden", "nik", "no_ktp", "telepon", "no_telepon", "no_hp", "hp",
               "email", "alamat", "no_wa", "whatsapp")


@dataclass(frozen=True)
class Column:
    """One column of a dataset.

    ``description`` is the analyst-facing explanation in Bahasa Indonesia;
    it goes into the blank templates and the documentation.
    """

    name: str
    kind: str
    required: bool = True
    description: str = ""
    example: str = ""


@dataclass(frozen=True)
class Dataset:
    """One file of a year (or of the unit, for ``targets``/``published``)."""

    name: str
    title: str
    one_row_per: str
    columns: tuple[Column, ...]
    #: a label column whose JUMLAH/TOTAL rows are published totals
    label_column: str | None = None
    #: personal-data columns dropped on reading (only where a dataset may carry them)
    drop_pii: bool = False
    per_year: bool = True
    extra: dict = field(default_factory=dict)
    #: contract version that added the dataset; v2 datasets may be absent (the report then
    #: leaves the part they fill out, with ``absent_note``)
    since: int = 1
    #: the one line the report prints where the file is absent ({unit}, {tahun}, {dokumen} filled in)
    absent_note: str = ""
    #: the parts of the report this file fills (documentation)
    fills: str = ""
    #: unit-level period files: (first year, last year) columns; blank = open-ended
    period: tuple[str, ...] = ()
    #: column -> the values it allows (blank allowed in optional columns)
    vocab: dict = field(default_factory=dict)
    #: the natural key: columns whose values identify a row (see the module docstring); a blank
    #: cell counts as a value, a row whose key cells are all blank is outside the key; a key
    #: column the dataset does not have is skipped, so optional columns can be part of it
    key: tuple[str, ...] = ()
    #: False when a file with a header and no rows means "no data" (e.g. a survey without
    #: responses), which is an error like a missing file
    may_be_empty: bool = True

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The key columns this dataset has (optional ones included)."""
        names = {c.name for c in self.columns}
        return tuple(k for k in self.key if k in names)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not c.required)

    def absent_text(self, unit: str, year: int | None = None, **values: str) -> str:
        """The one-line note naming the file that would fill the report's part.

        >>> DATASETS["sarana"].absent_text("gedeg", 2023)
        'Data sarana dan prasarana kantor tidak disajikan: isi berkas data/raw/gedeg/2023/sarana.csv.'
        """
        return self.absent_note.format(unit=unit, tahun="" if year is None else year, **values)

    def file_hint(self, unit: str, year: int | None = None) -> str:
        """Where the file goes: ``data/raw/<unit>/<tahun>/<name>.csv`` (per year) or ``data/raw/<unit>/<name>.csv``."""
        return f"data/raw/{unit}/{year}/{self.name}.csv" if self.per_year else f"data/raw/{unit}/{self.name}.csv"

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name, kind, required=True, description="", example=""):
    return Column(name, kind, required, description, example)


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "ikm_survei",
            "Survei Kepuasan Masyarakat (IKM)",
            "responden",
            (
                _c("tanggal", "date", True, "Tanggal pengisian survei (tahun laporan)", "2023-01-05"),
                *(_c(u, "integer", True, f"Jawaban unsur {u.upper()}: 1, 2, 3 atau 4; kosong = tidak menjawab", "4")
                  for u in UNSUR),
                _c("layanan", "text", False, "Jenis layanan yang diterima", "Kartu Keluarga"),
                _c("jenis_kelamin", "text", False, "Laki-laki / Perempuan", "Perempuan"),
                _c("umur", "integer", False, "Umur responden (tahun)", "35"),
                _c("pendidikan", "text", False, "Pendidikan terakhir", "SMA"),
                _c("pekerjaan", "text", False, "Pekerjaan", "Wiraswasta"),
                _c("id_responden", "text", False,
                   "Nomor kuesioner/responden bila ada (bukan NIK); tiap nomor hanya boleh muncul sekali", "K-0001"),
            ),
            drop_pii=True,
            key=("id_responden",),
            may_be_empty=False,
        ),
        Dataset(
            "paten_layanan",
            "Laporan Layanan PATEN",
            "jenis layanan",
            (
                _c("layanan", "text", True, "Nama jenis layanan; baris JUMLAH dibaca sebagai total tercetak", "Kartu Keluarga"),
                *(_c(m, "integer", True, f"Jumlah layanan bulan {n}", "332") for m, n in zip(MONTHS, MONTH_NAMES)),
                _c("jumlah", "integer", False, "Jumlah setahun seperti tercetak di laporan (diperiksa, tidak dipakai menghitung)", "4057"),
                _c("tidak_sesuai_standar", "integer", False, "Layanan setahun yang tidak sesuai standar pelayanan (kosong = 0)", "0"),
            ),
            label_column="layanan",
            key=("layanan",),
        ),
        Dataset(
            "anggaran",
            "Realisasi Anggaran per Program/Kegiatan/Sub Kegiatan",
            "program, kegiatan atau sub kegiatan",
            (
                _c("kode", "text", True, "Kode program 7.01.01, kegiatan 7.01.01.2.01, sub kegiatan 7.01.01.2.01.0001", "7.01.01.2.01.0001"),
                _c("uraian", "text", True, "Nama program/kegiatan/sub kegiatan", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
                _c("pagu", "number", True, "Pagu anggaran (Rp)", "3.000.000,00"),
                _c("realisasi", "number", True, "Realisasi anggaran (Rp)", "2.990.000,00"),
            ),
            label_column="uraian",
            key=("kode",),
        ),
        Dataset(
            "lra",
            "Laporan Realisasi Anggaran (LRA)",
            "rekening",
            (
                _c("kode_rekening", "text", True, "Kode rekening: 5, 5.1, 5.1.01, ...", "5.1.01"),
                _c("uraian", "text", True, "Nama rekening", "Belanja Pegawai"),
                _c("anggaran", "number", True, "Anggaran (Rp)", "2.149.981.250,00"),
                _c("realisasi", "number", True, "Realisasi tahun laporan (Rp)", "2.013.994.243,00"),
                _c("realisasi_tahun_lalu", "number", False, "Realisasi tahun sebelumnya (Rp)", "2.232.283.615,00"),
            ),
            label_column="uraian",
            key=("kode_rekening",),
        ),
        Dataset(
            "pegawai",
            "Data Pegawai dan IP ASN",
            "pegawai",
            (
                _c("nip", "text", True, "NIP 18 angka (honorer: kosong atau nomor lain)", "197702211995111001"),
                _c("nama", "text", True, "Nama pegawai", "NAMA PEGAWAI"),
                _c("jabatan", "text", True, "Jabatan", "Camat"),
                _c("status", "text", True, "PNS, PPPK atau honorer", "PNS"),
                _c("eselon", "text", False, "Eselon jabatan struktural (III.a, IV.b, ...)", "III.a"),
                _c("mulai", "date", False, "Tanggal mulai bertugas, bila di tengah tahun", ""),
                _c("selesai", "date", False, "Tanggal berhenti/pindah, bila di tengah tahun", ""),
                _c("kualifikasi", "number", False, "Dimensi IP ASN kualifikasi (0-25)", "23"),
                _c("kompetensi", "number", False, "Dimensi IP ASN kompetensi (0-40)", "40"),
                _c("kinerja", "number", False, "Dimensi IP ASN kinerja (0-30)", "25"),
                _c("disiplin", "number", False, "Dimensi IP ASN disiplin (0-5)", "5"),
                *(_c(*c) for c in PEGAWAI_OPTIONAL_COLUMNS),
            ),
            key=("nip",),
        ),
        Dataset(
            "sakip_evaluasi",
            "Hasil Evaluasi SAKIP",
            "komponen atau sub komponen",
            (
                _c("komponen", "text", True, "perencanaan, pengukuran, pelaporan atau evaluasi_internal", "perencanaan"),
                _c("bobot", "number", True, "Bobot (nilai maksimal)", "30"),
                _c("nilai", "number", True, "Nilai hasil evaluasi", "27,03"),
                _c("subkomponen", "text", False, "keberadaan, kualitas atau pemanfaatan; kosong = baris komponen", ""),
            ),
            key=("komponen", "subkomponen"),
        ),
        Dataset(
            "koordinasi",
            "Rekap Fasilitasi, Rekomendasi dan Koordinasi",
            "uraian fasilitasi",
            (
                _c("uraian", "text", True, "Uraian fasilitasi; baris JUMLAH dibaca sebagai total tercetak", "Fasilitasi Dana Desa (DD)"),
                _c("seksi", "text", True, "Seksi pelaksana", "Seksi Pemerintahan"),
                _c("fasilitasi", "integer", True, "Jumlah fasilitasi, rekomendasi dan koordinasi", "42"),
                _c("tindak_lanjut", "integer", True, "Jumlah yang ditindaklanjuti", "42"),
            ),
            label_column="uraian",
            key=("uraian", "seksi"),
        ),
        Dataset(
            "inovasi",
            "Daftar Inovasi",
            "inovasi",
            (
                _c("nama", "text", True, "Nama inovasi", "MANTAP BERDASI"),
                _c("nomor_sk", "text", True, "Nomor SK penetapan", "188/22/416-314/2023"),
                _c("tanggal_sk", "date", True, "Tanggal SK", "2023-01-31"),
                _c("status", "text", False, "aktif (kosong = aktif) atau nonaktif", "aktif"),
            ),
            key=("nama", "nomor_sk"),
        ),
        Dataset(
            "targets",
            "Target Kinerja (Renstra, PK, PK Perubahan)",
            "indikator, dokumen dan tahun",
            (
                _c("indikator", "text", True, "Kode indikator, mis. ikm, sakip", "ikm"),
                _c("dokumen", "text", True, "renstra, renstra_perubahan, pk atau pk_perubahan", "pk_perubahan"),
                _c("tahun", "integer", True, "Tahun target", "2023"),
                _c("target", "number", True, "Nilai target", "94,5"),
                _c("satuan", "text", False, "Satuan", "indeks"),
                _c("berlaku_mulai", "integer", False,
                   "Tahun dokumen ditetapkan atau diusulkan: target dokumen ini dipakai laporan tahun itu dan "
                   "sesudahnya (kosong = semua tahun)", "2023"),
            ),
            per_year=False,
            key=("indikator", "dokumen", "tahun"),
        ),
        Dataset(
            "published",
            "Angka yang Dipublikasikan (untuk rekonsiliasi)",
            "angka dan sumber",
            (
                _c("tahun", "integer", True, "Tahun", "2023"),
                _c("indikator", "text", True, "Kode indikator atau angka, mis. ikm", "ikm"),
                _c("nilai", "number", True, "Angka seperti tercetak", "97,33"),
                _c("sumber", "text", True, "Dokumen dan tabel sumber", "LKjIP 2023 Tabel 3.1.1"),
                _c("ukuran", "text", False, "realisasi (kosong), target atau capaian", "realisasi"),
                # where the figure is printed and what it means: the audit names the place in its findings
                _c("dokumen", "text", False, "Dokumen yang mencetak angka", "LKjIP 2023"),
                _c("lokasi", "text", False, "Tabel, gambar, bagian teks atau lampiran", "Tabel 3.1.1"),
                _c("halaman", "text", False, "Halaman dokumen (kosong bila tidak diketahui)", "20"),
                _c("baris_label", "text", False, "Label baris seperti tercetak", "Nilai IKM"),
                _c("kolom_label", "text", False, "Label kolom seperti tercetak", "Realisasi"),
                _c("teks", "text", False, "Angka persis seperti tercetak, satuan dan salah ketik ikut", "97,33"),
                _c("makna", "text", False, "Arti angka dalam kalimat pendek", "realisasi 2023: Nilai IKM"),
            ),
            per_year=False,
            # A published figure may legitimately repeat in different places of a document:
            # where it was printed is part of the key (columns skipped while the contract lacks them).
            key=("tahun", "indikator", "ukuran", "sumber", "lokasi", "baris_label", "kolom_label"),
        ),
        Dataset(
            "nasional",
            "Realisasi Nasional (pembanding Tabel 3.1.4, opsional)",
            "indikator dan tahun",
            (
                _c("tahun", "integer", True, "Tahun", "2023"),
                _c("indikator", "text", True, "Kode indikator, mis. ikm", "ikm"),
                _c("nilai", "number", True, "Realisasi nasional", "82,5"),
                _c("sumber", "text", False, "Sumber angka nasional", "KemenPAN-RB"),
            ),
            per_year=False,
            key=("tahun", "indikator"),
        ),
    )
}

DATASETS.update({
    d["name"]: Dataset(d["name"], d["title"], d["one_row_per"], tuple(_c(*c) for c in d["columns"]),
                       label_column=d.get("label_column"), per_year=d["per_year"], since=2,
                       absent_note=d["absent_note"], fills=d["fills"], period=d.get("period", ()),
                       vocab=dict(d.get("vocab", {})), key=d["key"])
    for d in OPTIONAL_DATASETS
})

#: Datasets of a year, in the order a report uses them.
YEAR_DATASETS = tuple(name for name, d in DATASETS.items() if d.per_year)
#: Datasets a year must have (v1); the v2 ones are optional.
REQUIRED_YEAR_DATASETS = tuple(name for name, d in DATASETS.items() if d.per_year and d.since == 1)
#: Unit-level files of contract v2 (beside targets.csv), read for the rows valid in the report year.
OPTIONAL_UNIT_DATASETS = tuple(name for name, d in DATASETS.items() if not d.per_year and d.since >= 2)

# The values the contract allows in these columns are regulation constants (lkjip.contract.rules).
__all__ = ["DATASETS", "KIND_DTYPES", "MONTHS", "MONTH_NAMES", "PII_COLUMNS", "SAKIP_COMPONENTS",
           "SAKIP_SUBCOMPONENTS", "STAFF_STATUSES", "TARGET_DOCUMENTS", "TOTAL_LABELS", "UNSUR",
           "REQUIRED_YEAR_DATASETS", "OPTIONAL_UNIT_DATASETS", "YEAR_DATASETS", "Column", "Dataset"]
