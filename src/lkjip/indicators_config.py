"""The rules that are data: the seven key indicators and every category band.

Everything a regulation fixes (names, units, polarity, band edges and which
regulation says so) lives here, in one place, so that code elsewhere never
hard-codes a threshold.

How a value is put in a band
----------------------------
Each band has a *lower bound*; bands are contiguous and listed from the
highest down. A value belongs to the first band whose lower bound it reaches:

- ``inclusive`` bands (IKM mutu, IP ASN, capaian): ``value >= lower``;
- ``exclusive`` bands (SAKIP predicates, "> 80 - 90"): ``value > lower``.

The value is compared at **full precision**, not rounded first. For the bands
the regulations print with integer edges ("Tinggi 81-90, Sangat Tinggi
91-100") the gap between 90 and 91 is closed by taking the printed lower
bound of the upper band as the edge: 90,5 is *Tinggi*, 91 is *Sangat
Tinggi*. The same rule holds for the two-decimal IKM edges: 88,305 is *B*
(its display, rounded half-up, reads "88,31": a known and documented edge
case). A tolerance of 1e-9 absorbs binary floating-point noise, so a SAKIP
total summed to 80.00000000000001 is still BB.

>>> IKM_MUTU.classify(88.31), IKM_MUTU.classify(88.30)
('A', 'B')
>>> SAKIP_PREDIKAT.classify(90.0), SAKIP_PREDIKAT.classify(90.01)
('A', 'AA')
>>> IPASN_KATEGORI.classify(90.5), CAPAIAN_KATEGORI.classify(91)
('Tinggi', 'Sangat Tinggi')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

#: Tolerance for binary floating-point noise when comparing with a band edge.
EPS = 1e-9


@dataclass(frozen=True)
class Band:
    """One band: ``label`` for values from ``lower`` up to the next band."""

    label: str
    lower: float
    description: str = ""
    range_text: str = ""


@dataclass(frozen=True)
class BandTable:
    """Contiguous bands, highest first, with the regulation that sets them."""

    name: str
    bands: tuple[Band, ...]
    regulation: str
    inclusive: bool = True

    def band(self, value: float | None) -> Band | None:
        """The band of ``value``; ``None`` for a missing value or one below every band."""
        if value is None or pd.isna(value):
            return None
        v = float(value)
        for b in self.bands:
            if self.inclusive and v >= b.lower - EPS:
                return b
            if not self.inclusive and v > b.lower + EPS:
                return b
        return None

    def classify(self, value: float | None) -> str | None:
        """The label of ``value``'s band (``None`` if missing/out of range)."""
        b = self.band(value)
        return None if b is None else b.label

    def describe(self, value: float | None) -> str | None:
        """The description of ``value``'s band, e.g. ``'Sangat Baik'``."""
        b = self.band(value)
        return None if b is None else b.description

    def as_frame(self) -> pd.DataFrame:
        """The table as readers see it (Kategori, Rentang, Keterangan)."""
        return pd.DataFrame(
            {
                "Kategori": [b.label for b in self.bands],
                "Rentang": [b.range_text for b in self.bands],
                "Keterangan": [b.description for b in self.bands],
            }
        )


#: IKM quality (mutu pelayanan), on the IKM x 25 scale.
IKM_MUTU = BandTable(
    "Mutu pelayanan IKM",
    (
        Band("A", 88.31, "Sangat Baik", "88,31 - 100,00"),
        Band("B", 76.61, "Baik", "76,61 - 88,30"),
        Band("C", 65.00, "Kurang Baik", "65,00 - 76,60"),
        Band("D", 25.00, "Tidak Baik", "25,00 - 64,99"),
    ),
    "PermenPAN-RB Nomor 14 Tahun 2017",
)

#: SAKIP predicates: "> lower bound" (90,00 is A, 90,01 is AA); D is 0-30.
SAKIP_PREDIKAT = BandTable(
    "Predikat SAKIP",
    (
        Band("AA", 90.0, "Sangat Memuaskan", "> 90 - 100"),
        Band("A", 80.0, "Memuaskan", "> 80 - 90"),
        Band("BB", 70.0, "Sangat Baik", "> 70 - 80"),
        Band("B", 60.0, "Baik", "> 60 - 70"),
        Band("CC", 50.0, "Cukup", "> 50 - 60"),
        Band("C", 30.0, "Kurang", "> 30 - 50"),
        Band("D", -EPS * 10, "Sangat Kurang", "0 - 30"),
    ),
    "PermenPAN-RB Nomor 88 Tahun 2021",
    inclusive=False,
)

#: IP ASN categories (contiguous lower bounds 91, 81, 71, 61).
IPASN_KATEGORI = BandTable(
    "Kategori IP ASN",
    (
        Band("Sangat Tinggi", 91.0, "Sangat Tinggi", "91 - 100"),
        Band("Tinggi", 81.0, "Tinggi", "81 - 90"),
        Band("Sedang", 71.0, "Sedang", "71 - 80"),
        Band("Rendah", 61.0, "Rendah", "61 - 70"),
        Band("Sangat Rendah", -math.inf, "Sangat Rendah", "<= 60"),
    ),
    "PermenPAN-RB Nomor 38 Tahun 2018",
)

#: Capaian (achievement %) categories (contiguous lower bounds 91, 76, 66, 51).
CAPAIAN_KATEGORI = BandTable(
    "Kategori capaian kinerja",
    (
        Band("Sangat Tinggi", 91.0, "Sangat Tinggi", ">= 91"),
        Band("Tinggi", 76.0, "Tinggi", "76 - 90"),
        Band("Sedang", 66.0, "Sedang", "66 - 75"),
        Band("Rendah", 51.0, "Rendah", "51 - 65"),
        Band("Sangat Rendah", -math.inf, "Sangat Rendah", "<= 50"),
    ),
    "Permendagri Nomor 86 Tahun 2017",
)

BAND_TABLES = {
    "ikm_mutu": IKM_MUTU,
    "sakip_predikat": SAKIP_PREDIKAT,
    "ipasn_kategori": IPASN_KATEGORI,
    "capaian_kategori": CAPAIAN_KATEGORI,
}


@dataclass(frozen=True)
class Indicator:
    """One key indicator (IKU) of the report.

    ``polarity`` is ``"higher"`` (higher is better) or ``"lower"``;
    ``decimals`` is how many decimals a reader sees.
    """

    id: str
    nama: str
    satuan: str
    polarity: str
    decimals: int
    regulation: str
    formula: str
    source: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator("ikm", "Nilai IKM (Indeks Kepuasan Masyarakat)", "indeks", "higher", 2,
              "PermenPAN-RB Nomor 14 Tahun 2017",
              "IKM = jumlah NRR tertimbang x 25", "ikm_survei"),
    Indicator("layanan_sesuai_standar_pct",
              "Persentase pelayanan yang terlayani sesuai standar pelayanan", "%", "higher", 2,
              "Standar Pelayanan PATEN (Permendagri Nomor 4 Tahun 2010)",
              "layanan sesuai standar / seluruh layanan x 100", "paten_layanan"),
    Indicator("koordinasi_ditindaklanjuti_pct",
              "Persentase hasil koordinasi yang ditindaklanjuti", "%", "higher", 2,
              "Renstra Kecamatan",
              "jumlah tindak lanjut / jumlah fasilitasi x 100", "koordinasi"),
    Indicator("sakip", "Nilai SAKIP Perangkat Daerah", "nilai", "higher", 2,
              "PermenPAN-RB Nomor 88 Tahun 2021",
              "jumlah nilai komponen evaluasi", "sakip_evaluasi"),
    Indicator("realisasi_anggaran_pct", "Persentase Realisasi Anggaran Perangkat Daerah", "%",
              "higher", 2, "Laporan Realisasi Anggaran (LRA)",
              "realisasi belanja / anggaran belanja x 100", "lra"),
    Indicator("ip_asn", "Indeks Profesionalitas ASN", "indeks", "higher", 2,
              "PermenPAN-RB Nomor 38 Tahun 2018",
              "rata-rata nilai IP ASN pegawai", "pegawai"),
    Indicator("jumlah_inovasi",
              "Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan",
              "inovasi", "higher", 0, "Keputusan Camat tentang inovasi",
              "jumlah inovasi aktif tahun berjalan", "inovasi"),
)

INDICATOR_IDS: tuple[str, ...] = tuple(i.id for i in INDICATORS)
_BY_ID = {i.id: i for i in INDICATORS}


def get_indicator(indicator_id: str) -> Indicator:
    """The :class:`Indicator` of an id.

    >>> get_indicator("sakip").nama
    'Nilai SAKIP Perangkat Daerah'
    """
    try:
        return _BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"indikator tidak dikenal: {indicator_id!r}") from None


def polarity_of(indicator_id: str, default: str = "higher") -> str:
    """Polarity of an id; unknown ids (added by a unit) get ``default``."""
    return _BY_ID[indicator_id].polarity if indicator_id in _BY_ID else default


# --- IKM -------------------------------------------------------------------
IKM_UNSUR_NAMES = {
    "u1": "Persyaratan",
    "u2": "Sistem, Mekanisme, dan Prosedur",
    "u3": "Waktu Penyelesaian",
    "u4": "Biaya/Tarif",
    "u5": "Produk Spesifikasi Jenis Pelayanan",
    "u6": "Kompetensi Pelaksana",
    "u7": "Perilaku Pelaksana",
    "u8": "Penanganan Pengaduan, Saran dan Masukan",
    "u9": "Sarana dan Prasarana",
}
#: Krejcie-Morgan constants used by PermenPAN-RB 14/2017.
KREJCIE_MORGAN = {"chi2": 3.841, "p": 0.5, "d": 0.05}

# --- SAKIP -----------------------------------------------------------------
SAKIP_COMPONENT_NAMES = {
    "perencanaan": "Perencanaan Kinerja",
    "pengukuran": "Pengukuran Kinerja",
    "pelaporan": "Pelaporan Kinerja",
    "evaluasi_internal": "Evaluasi Akuntabilitas Kinerja Internal",
}
SAKIP_COMPONENT_WEIGHTS = {"perencanaan": 30.0, "pengukuran": 30.0, "pelaporan": 15.0,
                           "evaluasi_internal": 25.0}
SAKIP_SUBCOMPONENT_NAMES = {"keberadaan": "Keberadaan", "kualitas": "Kualitas",
                            "pemanfaatan": "Pemanfaatan"}
#: Share of a component's weight that each sub-component carries.
SAKIP_SUBCOMPONENT_SHARES = {"keberadaan": 0.2, "kualitas": 0.3, "pemanfaatan": 0.5}

# --- IP ASN ----------------------------------------------------------------
IPASN_DIMENSIONS = {"kualifikasi": 25.0, "kompetensi": 40.0, "kinerja": 30.0, "disiplin": 5.0}
ASN_STATUSES = ("PNS", "PPPK")

# --- targets ---------------------------------------------------------------
#: Documents in order of precedence for a year's effective target.
TARGET_PRECEDENCE = ("pk_perubahan", "pk", "renstra_perubahan", "renstra")
DOCUMENT_LABELS = {
    "renstra": "Renstra",
    "renstra_perubahan": "Renstra Perubahan",
    "pk": "Perjanjian Kinerja",
    "pk_perubahan": "Perjanjian Kinerja Perubahan",
}


# --- frame helpers shared by the indicator modules --------------------------
def drop_totals(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not typed-in totals (``adalah_total`` False or absent).

    >>> df = pd.DataFrame({"uraian": ["a", "JUMLAH"], "adalah_total": [False, True]})
    >>> list(drop_totals(df)["uraian"])
    ['a']
    """
    if "adalah_total" not in df.columns:
        return df.copy()
    mask = df["adalah_total"].fillna(False).astype(bool)
    return df.loc[~mask].copy()


def total_rows(df: pd.DataFrame) -> pd.DataFrame:
    """The typed-in total rows (for cross-checks only)."""
    if "adalah_total" not in df.columns:
        return df.iloc[0:0].copy()
    return df.loc[df["adalah_total"].fillna(False).astype(bool)].copy()


def require_columns(df: pd.DataFrame, columns, dataset: str) -> None:
    """Raise :class:`lkjip.errors.DataError` naming the first missing column."""
    from lkjip.errors import DataError

    for c in columns:
        if c not in df.columns:
            raise DataError(dataset, None, c, "kolom wajib tidak ada")


def safe_pct(part: float, whole: float) -> float:
    """``part / whole x 100``; NaN when ``whole`` is 0 or missing.

    >>> safe_pct(1, 4)
    25.0
    >>> import math; math.isnan(safe_pct(1, 0))
    True
    """
    if whole is None or part is None or pd.isna(whole) or pd.isna(part) or whole == 0:
        return float("nan")
    return float(part) / float(whole) * 100.0
