"""The seven key indicators (IKU): names, units, polarity, regulation, source dataset.

The source dataset of an indicator is :attr:`Indicator.source`; every other
map from an indicator to its data (:data:`INDICATOR_DATASETS`, the narrative's
"dihitung dari ..." phrases) is derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One key indicator (IKU) of the report.

    ``polarity`` is ``"higher"`` (higher is better) or ``"lower"``;
    ``decimals`` is how many decimals a reader sees; ``source`` the dataset it
    is computed from, described to readers as ``source_label``; ``nama_pendek``
    the short name the narrative uses.
    """

    id: str
    nama: str
    satuan: str
    polarity: str
    decimals: int
    regulation: str
    formula: str
    source: str
    nama_pendek: str = ""
    source_label: str = ""

    @property
    def source_text(self) -> str:
        """``'survei kepuasan masyarakat (ikm_survei)'``: the data as readers are told."""
        return f"{self.source_label} ({self.source})"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("ikm", "Nilai IKM (Indeks Kepuasan Masyarakat)", "indeks", "higher", 2,
              "PermenPAN-RB Nomor 14 Tahun 2017",
              "IKM = jumlah NRR tertimbang x 25", "ikm_survei",
              "Nilai IKM", "survei kepuasan masyarakat"),
    Indicator("layanan_sesuai_standar_pct",
              "Persentase pelayanan yang terlayani sesuai standar pelayanan", "%", "higher", 2,
              "Standar Pelayanan PATEN (Permendagri Nomor 4 Tahun 2010)",
              "layanan sesuai standar / seluruh layanan x 100", "paten_layanan",
              "Persentase pelayanan sesuai standar", "laporan layanan PATEN"),
    Indicator("koordinasi_ditindaklanjuti_pct",
              "Persentase hasil koordinasi yang ditindaklanjuti", "%", "higher", 2,
              "Renstra Kecamatan",
              "jumlah tindak lanjut / jumlah fasilitasi x 100", "koordinasi",
              "Persentase hasil koordinasi yang ditindaklanjuti", "rekap fasilitasi dan koordinasi"),
    Indicator("sakip", "Nilai SAKIP Perangkat Daerah", "nilai", "higher", 2,
              "PermenPAN-RB Nomor 88 Tahun 2021",
              "jumlah nilai komponen evaluasi", "sakip_evaluasi",
              "Nilai SAKIP", "hasil evaluasi SAKIP"),
    Indicator("realisasi_anggaran_pct", "Persentase Realisasi Anggaran Perangkat Daerah", "%",
              "higher", 2, "Laporan Realisasi Anggaran (LRA)",
              "realisasi belanja / anggaran belanja x 100", "lra",
              "Persentase realisasi anggaran", "Laporan Realisasi Anggaran"),
    Indicator("ip_asn", "Indeks Profesionalitas ASN", "indeks", "higher", 2,
              "PermenPAN-RB Nomor 38 Tahun 2018",
              "rata-rata nilai IP ASN pegawai", "pegawai",
              "Indeks Profesionalitas ASN", "data pegawai dan IP ASN"),
    Indicator("jumlah_inovasi",
              "Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan",
              "inovasi", "higher", 0, "Keputusan Camat tentang inovasi",
              "jumlah inovasi aktif tahun berjalan", "inovasi",
              "Jumlah inovasi", "daftar inovasi"),
)

INDICATOR_IDS: tuple[str, ...] = tuple(i.id for i in INDICATORS)
#: Indicator id -> the dataset it is computed from.
INDICATOR_DATASETS: dict[str, str] = {i.id: i.source for i in INDICATORS}
_BY_ID = {i.id: i for i in INDICATORS}


def get_indicator(indicator_id: str) -> Indicator:
    """The :class:`Indicator` of an id.

    >>> get_indicator("sakip").nama
    'Nilai SAKIP Perangkat Daerah'
    >>> get_indicator("ikm").source_text
    'survei kepuasan masyarakat (ikm_survei)'
    """
    try:
        return _BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"indikator tidak dikenal: {indicator_id!r}") from None


def polarity_of(indicator_id: str, default: str = "higher") -> str:
    """Polarity of an id; unknown ids (added by a unit) get ``default``."""
    return _BY_ID[indicator_id].polarity if indicator_id in _BY_ID else default
