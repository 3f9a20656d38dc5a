"""Category bands: IKM mutu, SAKIP predikat, IP ASN kategori, capaian kategori.

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

from lkjip.contract.rules.printed import EPS


@dataclass(frozen=True)
class Band:
    """One band: ``label`` for values from ``lower`` up to the next band."""

    label: str
    lower: float
    description: str = ""
    range_text: str = ""
    #: the upper edge as the regulation prints it (charts shade the band up to it)
    upper: float | None = None


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
        Band("A", 88.31, "Sangat Baik", "88,31 - 100,00", 100.0),
        Band("B", 76.61, "Baik", "76,61 - 88,30", 88.30),
        Band("C", 65.00, "Kurang Baik", "65,00 - 76,60", 76.60),
        Band("D", 25.00, "Tidak Baik", "25,00 - 64,99", 64.99),
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

#: Capaian category tables a unit may name in unit.yaml ``kategori_capaian`` (the first is the default).
CAPAIAN_KATEGORI_NAMED = {"permendagri_86_2017": CAPAIAN_KATEGORI}


def capaian_bands(spec: object = None) -> BandTable:
    """The capaian category table a unit chose in unit.yaml ``kategori_capaian``.

    ``None`` (key absent) gives Permendagri 86/2017; a name gives a table of
    :data:`CAPAIAN_KATEGORI_NAMED`; a mapping ``{"nama": <the rule it follows>, "kategori":
    [{"label": ..., "min": ...}, ..., {"label": ...}]}`` gives the unit's own bands, highest first:
    each band holds the values from its ``min`` up to the band above, and the last band (without
    ``min``) everything below. Raises :class:`ValueError` with the key and the reason (the unit.yaml
    reader turns it into a data error naming the file).

    >>> capaian_bands().regulation
    'Permendagri Nomor 86 Tahun 2017'
    >>> own = capaian_bands({"nama": "Perbup X 2022", "kategori": [
    ...     {"label": "Sangat Baik", "min": 100}, {"label": "Baik", "min": 85}, {"label": "Kurang"}]})
    >>> own.classify(100), own.classify(99.99), own.classify(12), [b.range_text for b in own.bands]
    ('Sangat Baik', 'Baik', 'Kurang', ['>= 100', '85 - < 100', '< 85'])
    """
    if spec is None:
        return CAPAIAN_KATEGORI
    if isinstance(spec, str):
        if spec not in CAPAIAN_KATEGORI_NAMED:
            raise ValueError(f"kategori_capaian: nama tidak dikenal {spec!r}; yang dikenal: "
                             + ", ".join(CAPAIAN_KATEGORI_NAMED)
                             + ", atau rentang sendiri (nama, kategori: label dan min)")
        return CAPAIAN_KATEGORI_NAMED[spec]
    if not isinstance(spec, dict) or set(spec) - {"nama", "kategori"}:
        raise ValueError("kategori_capaian: isi dengan nama tabel atau pasangan 'nama' dan 'kategori'")
    name, rows = spec.get("nama"), spec.get("kategori")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("kategori_capaian.nama: sebutkan aturan yang menetapkan rentang ini")
    if not isinstance(rows, list) or len(rows) < 2:
        raise ValueError("kategori_capaian.kategori: paling sedikit dua kategori, dari yang tertinggi")
    bands, previous = [], None
    for i, row in enumerate(rows, start=1):
        where = f"kategori_capaian.kategori[{i}]"
        last = i == len(rows)
        if not isinstance(row, dict) or not isinstance(row.get("label"), str) or not row["label"].strip():
            raise ValueError(f"{where}: tiap kategori perlu 'label'")
        if set(row) - {"label", "min"}:
            raise ValueError(f"{where}: kunci yang sah hanya label dan min")
        low = row.get("min")
        if last and low is not None:
            raise ValueError(f"{where}: kategori terakhir tanpa 'min' (memuat semua nilai di bawah kategori di atasnya)")
        if not last and (isinstance(low, bool) or not isinstance(low, (int, float)) or not math.isfinite(low)):
            raise ValueError(f"{where}: 'min' harus angka (titik desimal)")
        if not last and previous is not None and low >= previous:
            raise ValueError(f"{where}: 'min' harus lebih kecil dari 'min' kategori di atasnya ({previous:g})")
        edge = "< " + f"{previous:g}" if previous is not None else ""
        text = (f"< {previous:g}" if last else f">= {low:g}" if previous is None else f"{low:g} - {edge}")
        bands.append(Band(row["label"].strip(), -math.inf if last else float(low), row["label"].strip(), text))
        previous = None if last else float(low)
    return BandTable("Kategori capaian kinerja", tuple(bands), name.strip())
