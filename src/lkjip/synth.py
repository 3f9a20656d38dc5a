"""Synthetic units: contract-valid raw data of any size, for tests, demos and benchmarks.

:func:`make_units` writes whole units (``unit.yaml``, ``targets.csv``,
``published.csv`` and the eight datasets of every year) that pass every rule
of the data contract; :func:`make_survey` writes one (possibly huge) IKM
survey file; :func:`synth_main` is what ``lkjip synth`` calls.

Every number comes from :func:`numpy.random.default_rng` seeded with
``[seed, unit index, year, dataset]``, so

- the same arguments give byte-identical files (CSV, and XLSX whose zip
  timestamps and document properties are pinned);
- each unit and each dataset of a year is independent of the others: units
  can be generated in any order or in parallel, and changing the number of
  respondents changes the survey only.

The survey is generated and written column-wise (numpy + ``pyarrow.csv``):
a million respondents take a few seconds. Names in the survey (``nama``) and
the staff list are synthetic, built from common Indonesian given names; the
reader drops the survey's ``nama`` column as personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .rules import (
    INDICATOR_IDS,
    IPASN_DIMENSIONS,
    SAKIP_COMPONENT_WEIGHTS,
    SAKIP_COMPONENTS,
    SAKIP_SUBCOMPONENT_SHARES,
    SAKIP_SUBCOMPONENTS,
)
from .schema import MONTHS, UNSUR

__all__ = ["make_units", "make_unit", "make_survey", "synth_main", "parse_years", "unit_code"]

FORMATS = ("csv", "xlsx")
#: Above this many respondents an .xlsx survey is refused (openpyxl is slow; use CSV).
XLSX_MAX_ROWS = 100_000

# Stream ids of the seed sequence ``[seed, unit, year, stream]``.
_S_UNIT, _S_SURVEY, _S_PATEN, _S_BUDGET, _S_STAFF, _S_SAKIP, _S_COORD, _S_INNOV, _S_TARGETS = range(9)

_SATUAN = {"ikm": "indeks", "layanan_sesuai_standar_pct": "persen",
           "koordinasi_ditindaklanjuti_pct": "persen", "sakip": "nilai",
           "realisasi_anggaran_pct": "persen", "ip_asn": "indeks", "jumlah_inovasi": "inovasi"}

SASARAN = [
    {"sasaran": "Terwujudnya Pelayanan Publik yang Optimal", "indikator": ["ikm"]},
    {"sasaran": "Terselenggaranya pelayanan PATEN sesuai standar pelayanan",
     "indikator": ["layanan_sesuai_standar_pct"]},
    {"sasaran": "Terselenggaranya fasilitasi dan koordinasi pemerintahan",
     "indikator": ["koordinasi_ditindaklanjuti_pct"]},
    {"sasaran": "Meningkatnya Tata Kelola Birokrasi Pemerintahan yang efektif, efisien dan akuntabel",
     "indikator": ["sakip", "realisasi_anggaran_pct", "ip_asn"]},
    {"sasaran": "Optimalnya kualitas pelayanan melalui pembangunan inovasi yang mempunyai nilai tambah",
     "indikator": ["jumlah_inovasi"]},
]
PEMBIAYAAN = {
    "ikm": "total",
    "layanan_sesuai_standar_pct": "7.01.02",
    "koordinasi_ditindaklanjuti_pct": "7.01.06",
    "sakip": "7.01.01",
    "realisasi_anggaran_pct": "7.01.01.2.02",
    "ip_asn": "7.01.01.2.05",
    "jumlah_inovasi": None,
}

# ----------------------------------------------------------------- vocabularies

_FEMALE = ("Siti", "Sri", "Dewi", "Sulistyowati", "Suhartini", "Sumarsih", "Suwarni", "Sukesi",
           "Rina", "Lestari", "Wahyuni", "Indah", "Nur", "Yuliana", "Endang", "Tri", "Ratna",
           "Puji", "Ani", "Mariyam", "Kartini", "Eka", "Fitri", "Anik", "Lilik", "Umi")
_MALE = ("Budi", "Agus", "Imron", "Khoirul", "Slamet", "Bambang", "Joko", "Heru", "Eko",
         "Wahyu", "Hadi", "Sugeng", "Teguh", "Rudi", "Dwi", "Arif", "Bagus", "Yusuf", "Ahmad",
         "Moch.", "Didik", "Hari", "Sutrisno", "Kukuh", "Imam", "Dimas")
_SURNAMES = ("Santoso", "Wijaya", "Setiawan", "Hidayat", "Prasetyo", "Susanto", "Wibowo",
             "Kurniawan", "Rahayu", "Handayani", "Saputra", "Purnomo", "Utomo", "Hartono",
             "Nugroho", "Maulana", "Fauziah", "Rohmah", "Hasanah", "Anggraini", "Pratama",
             "Mahmudah", "Lestari", "Sulistyo", "Yulianto", "Firmansyah")
_DEGREES = ("S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.STP.", "S.AP.", "S.Pd.", "A.Md.")

# PATEN services: (name, typical monthly count, offered in the survey)
_SERVICES = (
    ("Pindah Datang", 60, True), ("Pindah Keluar", 70, True), ("Akte Kelahiran", 100, True),
    ("Akte Kematian", 55, True), ("Kartu Keluarga", 320, True),
    ("Kartu Tanda Penduduk (KTP)", 180, True), ("Kartu Identitas Anak (KIA)", 15, True),
    ("KTP Digital", 40, True), ("Legalisasi Surat", 30, True), ("Izin Keramaian", 8, False),
    ("Dispensasi Nikah", 4, False), ("Rekomendasi Pembelian BBM Tertentu", 6, False),
    ("Surat Keterangan Waris", 10, True),
    ("Evaluasi Rancangan Perdes APBDes", 1, False),
)
_EDUCATION = ("SD", "SMP", "SMA", "D3", "S1", "S2")
_EDUCATION_P = (0.12, 0.2, 0.42, 0.08, 0.16, 0.02)
_JOBS = ("Wiraswasta", "Petani", "Ibu Rumah Tangga", "Karyawan Swasta", "Buruh", "PNS",
         "Pelajar/Mahasiswa", "Lainnya")
_JOBS_P = (0.25, 0.15, 0.2, 0.15, 0.1, 0.04, 0.06, 0.05)

# Budget: (activity code, activity name, [(sub code, name, LRA account, share weight, optional)])
_PROGRAMS = (
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", (
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", (
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "5.1.02", 4, False),
            ("0007", "Evaluasi Kinerja Perangkat Daerah", "5.1.02", 6, True))),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", (
            ("0001", "Penyediaan Gaji dan Tunjangan ASN", "5.1.01", 0, False),
            ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "5.1.02", 15, True))),
        ("2.05", "Administrasi Kepegawaian Perangkat Daerah", (
            ("0002", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", "5.1.02", 12, False),
            ("0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "5.1.02", 8, True))),
        ("2.06", "Administrasi Umum Perangkat Daerah", (
            ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "5.1.02", 10, True),
            ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor", "5.1.02", 50, False),
            ("0004", "Penyediaan Bahan Logistik Kantor", "5.1.02", 25, False),
            ("0005", "Penyediaan Barang Cetakan dan Penggandaan", "5.1.02", 10, True),
            ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "5.1.02", 27, False))),
        ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", (
            ("0005", "Pengadaan Mebel", "5.2.02", 15, False),
            ("0006", "Pengadaan Peralatan dan Mesin Lainnya", "5.2.02", 40, True))),
        ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", (
            ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "5.1.02", 55, False),
            ("0004", "Penyediaan Jasa Pelayanan Umum Kantor", "5.1.02", 40, False))),
        ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", (
            ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan", "5.1.02", 36, False),
            ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "5.1.02", 35, True))),
    )),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", (
        ("2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", (
            ("0001", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Perizinan", "5.1.02", 10, True),
            ("0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Nonperizinan", "5.1.02", 29, False))),
    )),
    ("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", (
        ("2.01", "Fasilitasi Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", (
            ("0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", "5.1.02", 42, False),
            ("0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa", "5.1.02", 30, True),
            ("0011", "Fasilitasi Penyelenggaraan Ketentraman dan Ketertiban Umum", "5.1.02", 37, False),
            ("0012", "Fasilitasi Pelaksanaan Tugas, Fungsi dan Kewajiban Lembaga Kemasyarakatan", "5.1.02", 99, True))),
    )),
)
_LRA_ACCOUNTS = (
    ("5", "BELANJA DAERAH"), ("5.1", "BELANJA OPERASI"), ("5.1.01", "Belanja Pegawai"),
    ("5.1.02", "Belanja Barang dan Jasa"), ("5.2", "BELANJA MODAL"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin"),
)
_LRA_LEAVES = ("5.1.01", "5.1.02", "5.2.02")

_COORDINATION = (
    ("Seksi Pemerintahan", ("Fasilitasi Alokasi Dana Desa (ADD)", "Fasilitasi Dana Desa (DD)",
                            "Fasilitasi Peraturan Desa (PERDES) dan Peraturan Kepala Desa (PERKADES)",
                            "Fasilitasi dan Pembinaan Badan Permusyawaratan Desa (BPD)",
                            "Fasilitasi dan Pembinaan Operator Siskeudes")),
    ("Seksi Pembangunan", ("Fasilitasi Musyawarah Perencanaan Pembangunan Desa",
                           "Monitoring Pembangunan Fisik Desa",
                           "Fasilitasi Sinkronisasi Perencanaan Pembangunan Desa")),
    ("Seksi Kemasyarakatan", ("Fasilitasi Lembaga Kemasyarakatan Desa", "Pembinaan Tim Penggerak PKK",
                              "Fasilitasi Penyaluran Bantuan Sosial", "Pembinaan Karang Taruna")),
    ("Seksi Trantib", ("Koordinasi Ketenteraman dan Ketertiban Umum", "Pembinaan Satlinmas Desa",
                       "Penanganan Gangguan Ketenteraman dan Ketertiban Umum")),
)

_INNOVATIONS = (
    "SIGAP DESA", "LAYAN CEPAT", "KAMPUNG TERTIB", "SAPA WARGA", "PATEN KELILING", "SI CANTIK",
    "E-SURAT DESA", "JEMPUT BOLA KTP", "GERAI ADMINDUK", "LAPOR CAMAT", "DESA DIGITAL",
    "ANTRIAN PINTAR", "KLINIK SISKEUDES", "SEMPATI", "MANTAB", "GEMA PKK",
)

_STAFF_POSTS = (
    # jabatan, eselon, degree likely
    ("Camat", "III.a"), ("Sekretaris Kecamatan", "III.b"),
    ("Kepala Sub Bagian Umum dan Kepegawaian", "IV.b"),
    ("Kepala Sub Bagian Penyusunan Program dan Keuangan", "IV.b"),
    ("Kepala Seksi Pemerintahan", "IV.a"), ("Kepala Seksi Pelayanan", "IV.a"),
    ("Kepala Seksi Pembangunan", "IV.a"), ("Kepala Seksi Kemasyarakatan", "IV.a"),
    ("Kepala Seksi Ketenteraman, Ketertiban Umum dan Perlindungan Masyarakat", "IV.a"),
)
_HONORARY_POSTS = ("Tenaga Honorer (Pengemudi)", "Tenaga Honorer (Operator Pelayanan)",
                   "Tenaga Honorer (Pramu Kantor)", "Tenaga Honorer (Petugas Keamanan)",
                   "Tenaga Honorer (Administrasi)")
_RANKS = ("Pembina", "Pembina Tingkat I", "Penata Tingkat I")


# ----------------------------------------------------------------- helpers

def unit_code(index: int) -> str:
    """Code of the ``index``-th synthetic unit (1-based).

    >>> unit_code(1), unit_code(12)
    ('synth01', 'synth12')
    """
    return f"synth{index:02d}"


def _unit_name(index: int) -> str:
    return f"Kecamatan Sintetis {index:02d}"


def parse_years(text: str | int | list) -> list[int]:
    """``"2021-2023"``, ``"2023"``, ``"2021,2023"`` (or a list) as a sorted list of years.

    >>> parse_years("2021-2023"), parse_years("2022,2021"), parse_years(2023)
    ([2021, 2022, 2023], [2021, 2022], [2023])
    """
    if isinstance(text, (list, tuple)):
        years = [int(y) for y in text]
    else:
        years = []
        for part in str(text).replace(" ", "").split(","):
            if not part:
                continue
            if "-" in part:
                a, b = (int(t) for t in part.split("-", 1))
                if b < a:
                    raise ValueError(f"rentang tahun terbalik: {part!r}")
                years.extend(range(a, b + 1))
            else:
                years.append(int(part))
    if not years:
        raise ValueError(f"tahun tidak valid: {text!r} (contoh: 2023 atau 2021-2023)")
    for y in years:
        if not 1900 <= y <= 2999:
            raise ValueError(f"tahun tidak valid: {y}")
    return sorted(set(years))


def _rng(seed: int, unit: int, year: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), int(unit), int(year), int(stream)])


def _workdays(year: int) -> np.ndarray:
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    return days[np.is_busday(days)]


def _random_date(rng: np.random.Generator, year: int, first_month: int = 1, last_month: int = 12) -> str:
    days = _workdays(year)
    months = days.astype("datetime64[M]").astype(int) % 12 + 1
    days = days[(months >= first_month) & (months <= last_month)]
    return str(days[rng.integers(0, len(days))])


def _ribuan(value: float, decimals: int = 0) -> str:
    """Indonesian number form of the seed documents (``2.720.088.927,00``)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _nip(rng: np.random.Generator, status: str, first_year: int, taken: set[str]) -> str:
    """An 18-digit NIP: birth date, appointment year-month, sex digit, sequence."""
    while True:
        born = dt.date(int(rng.integers(1966, 1998)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        start = min(first_year - 1, born.year + int(rng.integers(20, 31)))
        if status == "PPPK":
            start = int(rng.integers(2019, max(2020, first_year)))
        month = int(rng.choice([1, 3, 4, 11, 12]))
        nip = f"{born:%Y%m%d}{start:04d}{month:02d}{int(rng.integers(1, 3))}{int(rng.integers(1, 20)):03d}"
        if len(nip) == 18 and nip not in taken:
            taken.add(nip)
            return nip


def _person(rng: np.random.Generator, *, degree: bool = True) -> str:
    female = rng.random() < 0.45
    first = str(rng.choice(_FEMALE if female else _MALE))
    last = str(rng.choice(_SURNAMES))
    name = f"{first} {last}".upper()
    if degree:
        name += ", " + str(rng.choice(_DEGREES))
    return name


# ----------------------------------------------------------------- writing

def _write_frame(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        _write_xlsx(list(frame.columns), (_cells(row) for row in frame.itertuples(index=False)), path)
    else:
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def _cells(row) -> list:
    out = []
    for v in row:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, np.integer):
            out.append(int(v))
        elif isinstance(v, np.floating):
            out.append(float(v))
        else:
            out.append(v)
    return out


def _write_xlsx(header: list[str], rows, path: Path) -> None:
    """Write one sheet with openpyxl, with pinned timestamps so the bytes are reproducible."""
    from openpyxl import Workbook

    from .workbook import save_reproducible

    book = Workbook(write_only=True)
    book.properties.creator = "lkjip synth"
    sheet = book.create_sheet("data")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    save_reproducible(book, path)


# ----------------------------------------------------------------- the survey

@dataclass(frozen=True)
class SurveyProfile:
    """How satisfied a unit's respondents are: ``p4`` per unsur is the chance of a 4
    for a content respondent; ``blank`` the chance a cell is left empty."""

    p4: tuple[float, ...] = (0.8, 0.8, 0.75, 0.95, 0.8, 0.72, 0.78, 0.85, 0.88)
    blank: float = 0.01
    services: tuple[str, ...] = tuple(s for s, _, offered in _SERVICES if offered)
    service_weights: tuple[float, ...] = tuple(float(m) for _, m, offered in _SERVICES if offered)


def _survey_profile(rng: np.random.Generator) -> SurveyProfile:
    base = rng.uniform(0.6, 0.88)
    p4 = np.clip(base + rng.normal(0, 0.05, len(UNSUR)), 0.4, 0.97)
    return SurveyProfile(p4=tuple(round(float(p), 4) for p in p4),
                         blank=round(float(rng.uniform(0.003, 0.015)), 4))


def _survey_columns(n: int, year: int, rng: np.random.Generator, profile: SurveyProfile):
    """The survey as column arrays: (columns dict, answers uint8 (n, 9), blank mask (n, 9))."""
    n = int(n)
    # a respondent's mood: content, neutral or unhappy; each mood has its answer distribution
    mood = rng.choice(3, size=n, p=(0.82, 0.15, 0.03)).astype(np.uint8)
    p4 = np.asarray(profile.p4)
    probs = np.empty((3, len(UNSUR), 4))
    probs[0] = np.stack([np.full_like(p4, 0.002), np.full_like(p4, 0.01), 1 - p4 - 0.012, p4], axis=1)
    probs[1] = np.stack([np.full_like(p4, 0.01), np.full_like(p4, 0.09), 0.9 - p4 * 0.5, p4 * 0.5], axis=1)
    probs[2] = np.stack([np.full_like(p4, 0.12), np.full_like(p4, 0.38), 0.4 + 0 * p4, np.full_like(p4, 0.1)], axis=1)
    cum = np.cumsum(probs, axis=2)[:, :, :3].astype(np.float32)
    draws = rng.random((n, len(UNSUR)), dtype=np.float32)
    answers = np.ones((n, len(UNSUR)), dtype=np.uint8)
    for k in range(3):  # answer = 1 + number of cumulative thresholds below the draw
        answers += draws > np.ascontiguousarray(cum[:, :, k])[mood]
    blank = rng.random((n, len(UNSUR)), dtype=np.float32) < profile.blank
    nobody = blank.all(axis=1)
    blank[nobody, 0] = False  # every respondent answers at least one unsur

    days = _workdays(year)
    tanggal = np.sort(days[rng.integers(0, len(days), n)])
    female = rng.random(n) < 0.52
    first = np.where(female, rng.integers(0, len(_FEMALE), n),
                     len(_FEMALE) + rng.integers(0, len(_MALE), n))
    has_surname = rng.random(n) < 0.6
    surname = rng.integers(0, len(_SURNAMES), n)
    weights = np.asarray(profile.service_weights)
    layanan = rng.choice(len(profile.services), size=n, p=weights / weights.sum())
    umur = np.clip(np.rint(rng.normal(40, 13, n)), 17, 80).astype(np.int16)
    pendidikan = rng.choice(len(_EDUCATION), size=n, p=_EDUCATION_P)
    pekerjaan = rng.choice(len(_JOBS), size=n, p=_JOBS_P)
    columns = {
        "tanggal": tanggal, "female": female, "first": first, "has_surname": has_surname,
        "surname": surname, "layanan": layanan, "umur": umur, "pendidikan": pendidikan,
        "pekerjaan": pekerjaan,
    }
    return columns, answers, blank


def _survey_table(columns: dict, answers: np.ndarray, blank: np.ndarray, profile: SurveyProfile):
    import pyarrow as pa
    import pyarrow.compute as pc

    given = pa.array(_FEMALE + _MALE).take(pa.array(columns["first"]))
    family = pa.array(_SURNAMES).take(pa.array(columns["surname"]))
    full = pc.binary_join_element_wise(given, family, " ")
    nama = pc.if_else(pa.array(columns["has_surname"]), full, given)
    arrays = {"tanggal": pa.array(columns["tanggal"], type=pa.date32()), "nama": nama}
    for j, u in enumerate(UNSUR):
        arrays[u] = pa.array(answers[:, j], mask=blank[:, j])
    arrays["layanan"] = pa.array(profile.services).take(pa.array(columns["layanan"]))
    arrays["jenis_kelamin"] = pc.if_else(pa.array(columns["female"]), "Perempuan", "Laki-laki")
    arrays["umur"] = pa.array(columns["umur"])
    arrays["pendidikan"] = pa.array(_EDUCATION).take(pa.array(columns["pendidikan"]))
    arrays["pekerjaan"] = pa.array(_JOBS).take(pa.array(columns["pekerjaan"]))
    return pa.table(arrays)


def _write_survey(path: Path, n: int, year: int, rng: np.random.Generator,
                  profile: SurveyProfile) -> dict:
    """Write the survey file; return the per-unsur sums and counts (for the published IKM)."""
    columns, answers, blank = _survey_columns(n, year, rng, profile)
    table = _survey_table(columns, answers, blank, profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        if n > XLSX_MAX_ROWS:
            raise ValueError(f"survei .xlsx dibatasi {XLSX_MAX_ROWS} responden; pakai CSV untuk {n}")
        frame = table.to_pandas(date_as_object=True, integer_object_nulls=True)
        _write_xlsx(list(frame.columns), (_cells(r) for r in frame.itertuples(index=False)), path)
    else:
        import pyarrow.csv as pacsv

        options = pacsv.WriteOptions(include_header=True, batch_size=65536, quoting_style="needed")
        pacsv.write_csv(table, str(path), write_options=options)
    answered = ~blank
    sums = np.where(answered, answers, 0).sum(axis=0, dtype=np.int64)
    counts = answered.sum(axis=0, dtype=np.int64)
    return {"sums": sums, "counts": counts, "respondents": int(n)}


def make_survey(path: Path, respondents: int, year: int, seed: int = 1) -> Path:
    """Write one IKM survey of ``respondents`` rows to ``path`` (.csv, or .xlsx when small).

    The data come from ``default_rng([seed, 0, year, survey])``: the same
    arguments give the same bytes. Used by the benchmarks.
    """
    if respondents < 0:
        raise ValueError("respondents harus >= 0")
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(f"{path.name}: format berkas harus .csv atau .xlsx")
    profile = _survey_profile(_rng(seed, 0, 0, _S_UNIT))
    _write_survey(path, respondents, int(year), _rng(seed, 0, year, _S_SURVEY), profile)
    return path


# ----------------------------------------------------------------- one unit

@dataclass
class _UnitPlan:
    """What stays the same across a unit's years."""

    index: int
    code: str
    name: str
    survey: SurveyProfile
    services: list
    service_scale: float
    budget_leaves: list
    salary: float
    staff: list
    villages: int
    coordination: list
    subcomponents: bool
    sakip_level: float
    head_rank: str


def _plan(index: int, seed: int, first_year: int) -> _UnitPlan:
    rng = _rng(seed, index, 0, _S_UNIT)
    survey = _survey_profile(rng)
    services = [s for s in _SERVICES if (s[1] >= 30 or rng.random() < 0.7)]
    scale = float(rng.uniform(0.5, 1.6))
    leaves = []
    for prog, prog_name, activities in _PROGRAMS:
        for act, act_name, subs in activities:
            for sub, sub_name, account, weight, optional in subs:
                if optional and rng.random() < 0.35:
                    continue
                leaves.append((prog, prog_name, act, act_name, sub, sub_name, account,
                               weight * float(rng.uniform(0.6, 1.5))))
    taken: set[str] = set()
    staff = []
    for jabatan, eselon in _STAFF_POSTS:
        staff.append({"nip": _nip(rng, "PNS", first_year, taken), "nama": _person(rng),
                      "jabatan": jabatan, "status": "PNS", "eselon": eselon})
    for _ in range(int(rng.integers(4, 10))):
        staff.append({"nip": _nip(rng, "PNS", first_year, taken), "nama": _person(rng, degree=rng.random() < 0.5),
                      "jabatan": "Pelaksana", "status": "PNS", "eselon": None})
    for _ in range(int(rng.integers(1, 4))):
        staff.append({"nip": _nip(rng, "PPPK", first_year, taken), "nama": _person(rng, degree=rng.random() < 0.3),
                      "jabatan": "Pelaksana (PPPK)", "status": "PPPK", "eselon": None})
    for j in rng.choice(len(_HONORARY_POSTS), size=int(rng.integers(2, 5)), replace=False):
        staff.append({"nip": None, "nama": _person(rng, degree=False), "jabatan": _HONORARY_POSTS[j],
                      "status": "honorer", "eselon": None})
    for s in staff:
        s["base"] = (float(rng.uniform(0.7, 1.0)), float(rng.uniform(0.65, 1.0)),
                     float(rng.uniform(0.7, 1.0)), float(rng.uniform(0.7, 1.0)))
    coordination = [(seksi, line) for seksi, lines in _COORDINATION for line in lines
                    if rng.random() < 0.85]
    return _UnitPlan(
        index=index, code=unit_code(index), name=_unit_name(index), survey=survey,
        services=services, service_scale=scale, budget_leaves=leaves,
        salary=float(rng.uniform(1.6e9, 3.2e9)), staff=staff, villages=int(rng.integers(8, 20)),
        coordination=coordination, subcomponents=index % 2 == 1,
        sakip_level=float(rng.uniform(0.72, 0.9)), head_rank=str(rng.choice(_RANKS)),
    )


def _unit_yaml(plan: _UnitPlan) -> dict:
    head = plan.staff[0]
    return {
        "kode": plan.code,
        "nama": plan.name,
        "kabupaten": "Kabupaten Sintetis",
        "provinsi": "Provinsi Sintetis",
        "alamat": f"Jl. Raya Sintetis No. {plan.index}",
        "pimpinan": {"nama": head["nama"], "jabatan": f"Camat Sintetis {plan.index:02d}",
                     "pangkat": plan.head_rank, "nip": head["nip"]},
        "kota_penetapan": "Sintetis",
        "tampilkan_nama_pegawai": False,
        "tampilkan_nip": False,
        "sasaran": [dict(s, indikator=list(s["indikator"])) for s in SASARAN],
        "pembiayaan": dict(PEMBIAYAAN),
    }


def _paten(plan: _UnitPlan, year: int, rng: np.random.Generator) -> pd.DataFrame:
    season = 1 + 0.25 * np.sin(np.linspace(0, 2 * np.pi, 12, endpoint=False) + rng.uniform(0, 6.3))
    miss_rate = float(rng.choice([0.0, 0.0, rng.uniform(0.0005, 0.01)]))
    rows = []
    for name, mean, _ in plan.services:
        counts = rng.poisson(mean * plan.service_scale * season)
        total = int(counts.sum())
        rows.append([name, *map(int, counts), total, int(rng.binomial(total, miss_rate))])
    frame = pd.DataFrame(rows, columns=["layanan", *MONTHS, "jumlah", "tidak_sesuai_standar"])
    total = ["JUMLAH", *(int(frame[c].sum()) for c in [*MONTHS, "jumlah", "tidak_sesuai_standar"])]
    frame.loc[len(frame)] = total
    return frame


def _budget(plan: _UnitPlan, year: int, rng: np.random.Generator):
    """anggaran and lra frames (amounts in whole rupiah) and the totals."""
    growth = 1 + 0.04 * (year - 2020)
    other = 0.18 * plan.salary * growth * float(rng.uniform(0.9, 1.1))
    weights = np.array([leaf[7] for leaf in plan.budget_leaves])
    non_salary = weights > 0
    shares = np.where(non_salary, weights * rng.uniform(0.8, 1.25, len(weights)), 0.0)
    shares = shares / shares.sum()
    pagu = np.where(non_salary, np.round(other * shares / 1000) * 1000,
                    np.round(plan.salary * growth * float(rng.uniform(0.95, 1.05)) / 250) * 250)
    pagu = np.maximum(pagu, 1_000_000).astype(np.int64)
    rate = np.where(rng.random(len(pagu)) < 0.3, 1.0, rng.uniform(0.82, 1.0, len(pagu)))
    rate = np.where(non_salary, rate, rng.uniform(0.88, 0.99, len(pagu)))
    real = np.minimum(pagu, np.floor(pagu * rate / 100) * 100).astype(np.int64)

    rows: dict[str, list] = {}
    for (prog, prog_name, act, act_name, sub, sub_name, account, _), p, r in zip(plan.budget_leaves, pagu, real):
        for code, name in ((prog, prog_name), (f"{prog}.{act}", act_name),
                           (f"{prog}.{act}.{sub}", sub_name)):
            row = rows.setdefault(code, [code, name, 0, 0])
            row[2] += int(p)
            row[3] += int(r)
    anggaran = pd.DataFrame(list(rows.values()), columns=["kode", "uraian", "pagu", "realisasi"])
    anggaran.loc[len(anggaran)] = [None, "JUMLAH", int(pagu.sum()), int(real.sum())]

    accounts = {k: [0, 0, 0] for k, _ in _LRA_ACCOUNTS}
    for leaf, p, r in zip(plan.budget_leaves, pagu, real):
        account = leaf[6]
        last = int(round(r * float(rng.uniform(0.85, 1.12)) / 1000) * 1000)
        for k in accounts:
            if account == k or account.startswith(k + "."):
                accounts[k][0] += int(p)
                accounts[k][1] += int(r)
                accounts[k][2] += last
    lra = pd.DataFrame(
        [[k, name, _ribuan(accounts[k][0], 2), _ribuan(accounts[k][1], 2), _ribuan(accounts[k][2], 2)]
         for k, name in _LRA_ACCOUNTS],
        columns=["kode_rekening", "uraian", "anggaran", "realisasi", "realisasi_tahun_lalu"])
    return anggaran, lra, int(pagu.sum()), int(real.sum())


def _pegawai(plan: _UnitPlan, year: int, first_year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, float]:
    lift = 0.01 * (year - first_year)
    dims = tuple(IPASN_DIMENSIONS)
    maxima = tuple(int(v) for v in IPASN_DIMENSIONS.values())
    rows = []
    taken = {s["nip"] for s in plan.staff if s["nip"]}
    movers = []
    if rng.random() < 0.5:
        candidates = [i for i, s in enumerate(plan.staff) if s["status"] == "PNS" and i > 0]
        movers = [int(rng.choice(candidates))]
    for i, s in enumerate(plan.staff):
        row = {"nip": s["nip"], "nama": s["nama"], "jabatan": s["jabatan"], "status": s["status"],
               "eselon": s["eselon"], "mulai": None, "selesai": None}
        if i in movers:
            row["selesai"] = _random_date(rng, year, 3, 10)
        if s["status"] != "honorer":
            for dim, base, top in zip(dims, s["base"], maxima):
                noise = float(rng.normal(0, 0.04))
                row[dim] = int(np.clip(round(top * min(1.0, base + lift + noise)), 0, top))
        rows.append(row)
    for left in movers:
        start = pd.Timestamp(rows[left]["selesai"]) + pd.Timedelta(days=1)
        row = {"nip": _nip(rng, "PNS", year, taken), "nama": _person(rng), "jabatan": plan.staff[left]["jabatan"],
               "status": "PNS", "eselon": plan.staff[left]["eselon"], "mulai": f"{start:%Y-%m-%d}",
               "selesai": None}
        for dim, top in zip(dims, maxima):
            row[dim] = int(np.clip(round(top * float(rng.uniform(0.7, 1.0))), 0, top))
        rows.insert(left + 1, row)
    frame = pd.DataFrame(rows, columns=["nip", "nama", "jabatan", "status", "eselon", "mulai", "selesai", *dims])
    for dim in dims:
        frame[dim] = frame[dim].astype("Int64")
    asn = frame[frame["status"] != "honorer"]
    ip = float(asn[list(dims)].sum(axis=1).astype(float).mean())
    return frame, ip


def _sakip(plan: _UnitPlan, year: int, first_year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, float]:
    rows = []
    total = 0.0
    level = min(0.97, plan.sakip_level + 0.01 * (year - first_year))
    for comp in SAKIP_COMPONENTS:
        weight = SAKIP_COMPONENT_WEIGHTS[comp]
        if plan.subcomponents:
            subs = []
            for sub in SAKIP_SUBCOMPONENTS:
                bobot = weight * SAKIP_SUBCOMPONENT_SHARES[sub]
                pct = float(np.clip(level + rng.normal(0, 0.05) + (0.08 if sub == "keberadaan" else 0), 0.3, 1.0))
                nilai = min(bobot, round(bobot * pct, 2))
                subs.append((sub, bobot, nilai))
            comp_value = round(sum(v for _, _, v in subs), 2)
            rows.append([comp, f"{weight:.2f}".replace(".", ","), f"{comp_value:.2f}".replace(".", ","), None])
            rows.extend([comp, f"{b:.2f}".replace(".", ","), f"{v:.2f}".replace(".", ","), s] for s, b, v in subs)
        else:
            comp_value = min(weight, round(weight * float(np.clip(level + rng.normal(0, 0.04), 0.3, 1.0)), 2))
            rows.append([comp, f"{weight:.2f}".replace(".", ","), f"{comp_value:.2f}".replace(".", ","), None])
        total += comp_value
    return pd.DataFrame(rows, columns=["komponen", "bobot", "nilai", "subkomponen"]), round(total, 2)


def _koordinasi(plan: _UnitPlan, year: int, rng: np.random.Generator) -> pd.DataFrame:
    miss = float(rng.choice([0.0, 0.0, rng.uniform(0.005, 0.06)]))
    rows = []
    for seksi, line in plan.coordination:
        fas = int(plan.villages * rng.integers(1, 4) + rng.integers(0, 5))
        rows.append([line, seksi, fas, fas - int(rng.binomial(fas, miss))])
    frame = pd.DataFrame(rows, columns=["uraian", "seksi", "fasilitasi", "tindak_lanjut"])
    frame.loc[len(frame)] = ["JUMLAH", None, int(frame["fasilitasi"].sum()), int(frame["tindak_lanjut"].sum())]
    return frame


def _inovasi(plan: _UnitPlan, year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, int]:
    count = int(rng.integers(1, 4))
    names = rng.choice(len(_INNOVATIONS), size=count, replace=False)
    rows = []
    for k, j in enumerate(sorted(int(x) for x in names)):
        date = _random_date(rng, year, 1, 11)
        status = "nonaktif" if (count > 1 and k == count - 1 and rng.random() < 0.25) else "aktif"
        rows.append([_INNOVATIONS[j], f"188/{int(rng.integers(5, 120))}/416-{300 + plan.index}/{year}", date, status])
    frame = pd.DataFrame(rows, columns=["nama", "nomor_sk", "tanggal_sk", "status"]).sort_values(
        "tanggal_sk", kind="stable").reset_index(drop=True)
    return frame, int((frame["status"] == "aktif").sum())


def _targets(plan: _UnitPlan, years: list[int], seed: int) -> pd.DataFrame:
    rng = _rng(seed, plan.index, 0, _S_TARGETS)
    first, last = years[0], max(years[-1], years[0] + 5)
    start = {"ikm": float(rng.integers(80, 88)), "layanan_sesuai_standar_pct": float(rng.integers(85, 96)),
             "koordinasi_ditindaklanjuti_pct": float(rng.integers(85, 96)), "sakip": float(rng.integers(75, 84)),
             "realisasi_anggaran_pct": 90.0, "ip_asn": float(rng.integers(70, 82)), "jumlah_inovasi": 1.0}
    step = {"ikm": 1.0, "layanan_sesuai_standar_pct": 1.0, "koordinasi_ditindaklanjuti_pct": 1.0,
            "sakip": 0.5, "realisasi_anggaran_pct": 0.5, "ip_asn": 1.0, "jumlah_inovasi": 0.34}
    rows = []
    for ind in INDICATOR_IDS:
        for year in range(first, last + 1):
            value = start[ind] + step[ind] * (year - first)
            value = min(value, 100.0)
            value = float(int(value)) if ind == "jumlah_inovasi" else round(value, 2)
            rows.append([ind, "renstra", year, value, _SATUAN[ind]])
        for year in years:
            value = min(100.0, start[ind] + step[ind] * (year - first))
            value = float(int(value)) if ind == "jumlah_inovasi" else round(value, 2)
            rows.append([ind, "pk", year, value, _SATUAN[ind]])
    frame = pd.DataFrame(rows, columns=["indikator", "dokumen", "tahun", "target", "satuan"])
    frame["target"] = frame["target"].map(lambda v: f"{v:g}")
    return frame


def make_unit(out_dir: Path, index: int, *, years: list[int], respondents: int, seed: int = 1,
              fmt: str = "csv") -> Path:
    """Write the ``index``-th synthetic unit (1-based) under ``out_dir``; return its folder."""
    if fmt not in FORMATS:
        raise ValueError(f"format harus salah satu dari {', '.join(FORMATS)}: {fmt!r}")
    if fmt == "xlsx" and respondents > XLSX_MAX_ROWS:
        raise ValueError(f"survei .xlsx dibatasi {XLSX_MAX_ROWS} responden; pakai CSV untuk {respondents}")
    years = parse_years(years)
    plan = _plan(index, seed, years[0])
    folder = Path(out_dir) / plan.code
    folder.mkdir(parents=True, exist_ok=True)
    text = (f"# {plan.name}: synthetic data written by lkjip.synth (seed {seed}); not a real unit.\n"
            + yaml.safe_dump(_unit_yaml(plan), sort_keys=False, allow_unicode=True, width=120))
    (folder / "unit.yaml").write_text(text, encoding="utf-8")
    _write_frame(_targets(plan, years, seed), folder / f"targets.{fmt}")

    published = []
    for year in years:
        ydir = folder / str(year)
        survey = _write_survey(ydir / f"ikm_survei.{fmt}", respondents, year,
                               _rng(seed, index, year, _S_SURVEY), plan.survey)
        _write_frame(_paten(plan, year, _rng(seed, index, year, _S_PATEN)), ydir / f"paten_layanan.{fmt}")
        anggaran, lra, pagu, real = _budget(plan, year, _rng(seed, index, year, _S_BUDGET))
        _write_frame(anggaran, ydir / f"anggaran.{fmt}")
        _write_frame(lra, ydir / f"lra.{fmt}")
        pegawai, ip = _pegawai(plan, year, years[0], _rng(seed, index, year, _S_STAFF))
        _write_frame(pegawai, ydir / f"pegawai.{fmt}")
        sakip, sakip_total = _sakip(plan, year, years[0], _rng(seed, index, year, _S_SAKIP))
        _write_frame(sakip, ydir / f"sakip_evaluasi.{fmt}")
        _write_frame(_koordinasi(plan, year, _rng(seed, index, year, _S_COORD)), ydir / f"koordinasi.{fmt}")
        inovasi, active = _inovasi(plan, year, _rng(seed, index, year, _S_INNOV))
        _write_frame(inovasi, ydir / f"inovasi.{fmt}")

        source = f"LKjIP {plan.name} {year}, Tabel 3.1.1 (sintetis)"
        counts = survey["counts"]
        if respondents and (counts > 0).all():
            ikm = float((survey["sums"] / counts).mean() * 25)
            published.append([year, "ikm", round(ikm, 2), source, "realisasi"])
        published.append([year, "sakip", sakip_total, source, "realisasi"])
        published.append([year, "realisasi_anggaran_pct", round(real / pagu * 100, 2), source, "realisasi"])
        published.append([year, "ip_asn", round(ip, 2), source, "realisasi"])
        published.append([year, "jumlah_inovasi", active, source, "realisasi"])
    for row in published:
        row[2] = str(row[2]) if isinstance(row[2], int) else f"{row[2]:.2f}"
    frame = pd.DataFrame(published, columns=["tahun", "indikator", "nilai", "sumber", "ukuran"])
    _write_frame(frame, folder / f"published.{fmt}")
    return folder


def make_units(out_dir: Path, *, units: int, years: list[int], respondents: int, seed: int = 1,
               fmt: str = "csv") -> list[Path]:
    """Write ``units`` synthetic units (``synth01``, ``synth02``, ...) under ``out_dir``.

    Each unit gets unit.yaml, targets, published and, for every year, the
    eight datasets with ``respondents`` survey rows. Returns the unit folders.
    """
    if units < 1:
        raise ValueError("units harus >= 1")
    if respondents < 0:
        raise ValueError("respondents harus >= 0")
    return [make_unit(out_dir, i, years=years, respondents=respondents, seed=seed, fmt=fmt)
            for i in range(1, units + 1)]


def synth_main(units: int, years_text: str, respondents: int, out: Path, seed: int = 1,
               fmt: str = "csv") -> list[Path]:
    """What ``lkjip synth --units N --years A-B --respondents R --out DIR --seed S`` runs."""
    return make_units(Path(out), units=int(units), years=parse_years(years_text),
                      respondents=int(respondents), seed=int(seed), fmt=fmt)
