"""The unit's identity card: ``data/raw/<unit>/unit.yaml``.

Besides the cover and signature facts it carries two pieces of report logic
that are data, not code: ``sasaran`` (how indicators group under the
strategic goals of Tabel 3.1.1) and ``pembiayaan`` (which budget code
finances which indicator, Tabel 3.2.2). Contract v2 adds two optional keys:
``profil`` (contact lines and the legal bases of Bab I) and ``wilayah``
(location, area in km², the four borders).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip.contract.rules import BandTable, capaian_bands
from lkjip.errors import DataError, display_path
from lkjip.inputs.catalog import unit_dir
from lkjip.inputs.unit_codes import check_kode
from lkjip.inputs.unit_yaml import read_unit_yaml

REQUIRED_KEYS = ("kode", "nama", "kabupaten", "pimpinan")
#: Keys a user may put in unit.yaml for what lives in its own file: refused with where it belongs.
DECLARED_ELSEWHERE = {
    key: "IKU unit dinyatakan di berkas indikator.csv di folder unit (satu baris per IKU: kode, nama, satuan, "
         "polaritas, desimal, rumus), bukan di unit.yaml; lihat docs/data-contract.md bagian 'IKU unit sendiri'"
    for key in ("indikator", "iku", "indikator_kinerja_utama")
}
REQUIRED_HEAD_KEYS = ("nama", "jabatan")
PROFIL_KEYS = ("telepon", "email", "website", "dasar_hukum_organisasi", "dasar_hukum_tugas_fungsi")
WILAYAH_KEYS = ("letak", "luas_km2", "batas")
BATAS_KEYS = ("utara", "timur", "selatan", "barat")


@dataclass(frozen=True)
class Unit:
    """A unit as unit.yaml describes it.

    >>> u = Unit.from_dict({"kode": "x", "nama": "Kecamatan X", "kabupaten": "Kab. Y",
    ...                     "pimpinan": {"nama": "A", "jabatan": "Camat X"}})
    >>> u.nama, u.tampilkan_nip
    ('Kecamatan X', False)
    """

    kode: str
    nama: str
    kabupaten: str
    pimpinan: dict
    provinsi: str = ""
    alamat: str = ""
    kota_penetapan: str = ""
    tampilkan_nama_pegawai: bool = False
    tampilkan_nip: bool = False
    sasaran: list = field(default_factory=list)
    pembiayaan: dict = field(default_factory=dict)
    profil: dict = field(default_factory=dict)
    wilayah: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: dict, source: str = "unit.yaml") -> "Unit":
        if not isinstance(data, dict):
            raise DataError(source, None, None, "isi unit.yaml harus berupa pasangan kunci: nilai")
        for key in REQUIRED_KEYS:
            if not data.get(key):
                raise DataError(source, None, key, f"kunci wajib '{key}' tidak ada atau kosong")
        head = data["pimpinan"]
        if not isinstance(head, dict):
            raise DataError(source, None, "pimpinan", "pimpinan harus berisi nama, jabatan (dan nip)")
        for key in REQUIRED_HEAD_KEYS:
            if not head.get(key):
                raise DataError(source, None, f"pimpinan.{key}", f"kunci wajib 'pimpinan.{key}' tidak ada")
        _check_optional_fields(data, source)
        _check_capaian_rules(data, source)
        for key in DECLARED_ELSEWHERE:
            if key in data:  # never ignored silently: the unit would get the seven kecamatan IKU
                raise DataError(source, None, key, DECLARED_ELSEWHERE[key])
        return cls(
            kode=str(data["kode"]),
            nama=str(data["nama"]),
            kabupaten=str(data["kabupaten"]),
            pimpinan={k: ("" if v is None else str(v)) for k, v in head.items()},
            provinsi=str(data.get("provinsi") or ""),
            alamat=str(data.get("alamat") or ""),
            kota_penetapan=str(data.get("kota_penetapan") or ""),
            tampilkan_nama_pegawai=bool(data.get("tampilkan_nama_pegawai", False)),
            tampilkan_nip=bool(data.get("tampilkan_nip", False)),
            sasaran=list(data.get("sasaran") or []),
            pembiayaan=dict(data.get("pembiayaan") or {}),
            profil=dict(data.get("profil") or {}),
            wilayah=dict(data.get("wilayah") or {}),
            raw=data,
        )

    @property
    def capaian_bands(self) -> BandTable:
        """The capaian categories the unit reports in (``kategori_capaian``; Permendagri 86/2017 by default)."""
        return capaian_bands(self.raw.get("kategori_capaian") if self.raw else None)

    @property
    def capaian_turun(self) -> str:
        """How a lower-is-better capaian is computed: ``selisih`` (default) or ``rasio``."""
        return str((self.raw or {}).get("capaian_turun") or "selisih")

    def as_dict(self) -> dict:
        """The unit.yaml mapping (what the indicator and table builders take)."""
        return dict(self.raw) if self.raw else {
            "kode": self.kode, "nama": self.nama, "kabupaten": self.kabupaten, "pimpinan": self.pimpinan,
            "sasaran": self.sasaran, "pembiayaan": self.pembiayaan,
        }


def _check_capaian_rules(data: dict, source: str) -> None:
    """``capaian_turun`` (selisih/rasio) and ``kategori_capaian`` (a named table or the unit's own bands).

    >>> _check_capaian_rules({"capaian_turun": "terbalik"}, "unit.yaml")
    Traceback (most recent call last):
    ...
    lkjip.errors.DataError: unit.yaml, kolom 'capaian_turun': isi selisih atau rasio (isi: 'terbalik')
    """
    rule = data.get("capaian_turun")
    if rule is not None and rule not in ("selisih", "rasio"):
        raise DataError(source, None, "capaian_turun", "isi selisih atau rasio", rule)
    try:
        capaian_bands(data.get("kategori_capaian"))
    except ValueError as exc:
        key, _, reason = str(exc).partition(": ")
        raise DataError(source, None, key, reason) from None


def _check_optional_fields(data: dict, source: str) -> None:
    """``profil`` and ``wilayah`` (contract v2): known keys only, a positive area.

    >>> _check_optional_fields({"wilayah": {"batas": {"utara": "X", "atas": "Y"}}}, "unit.yaml")
    Traceback (most recent call last):
    ...
    lkjip.errors.DataError: unit.yaml, kolom 'wilayah.batas.atas': kunci tidak dikenal; kunci yang sah: utara, timur, selatan, barat
    """
    for key, allowed in (("profil", PROFIL_KEYS), ("wilayah", WILAYAH_KEYS)):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, dict):
            raise DataError(source, None, key, f"'{key}' harus berisi pasangan kunci: nilai")
        for k in value:
            if k not in allowed:
                raise DataError(source, None, f"{key}.{k}", "kunci tidak dikenal; kunci yang sah: " + ", ".join(allowed))
    wilayah = data.get("wilayah") or {}
    luas = wilayah.get("luas_km2")
    if luas is not None and (isinstance(luas, bool) or not isinstance(luas, (int, float)) or luas <= 0):
        raise DataError(source, None, "wilayah.luas_km2", "luas wilayah harus angka lebih dari 0 (titik desimal)", luas)
    batas = wilayah.get("batas")
    if batas is not None:
        if not isinstance(batas, dict):
            raise DataError(source, None, "wilayah.batas", "batas harus berisi utara, timur, selatan, barat")
        for k in batas:
            if k not in BATAS_KEYS:
                raise DataError(source, None, f"wilayah.batas.{k}", "kunci tidak dikenal; kunci yang sah: "
                                + ", ".join(BATAS_KEYS))


def load_unit(data_dir: Path, unit: str) -> Unit:
    """Read and check ``<data_dir>/<unit>/unit.yaml``."""
    path = unit_dir(data_dir, unit) / "unit.yaml"
    name = display_path(path)
    if not path.exists() and not path.is_symlink():
        raise DataError(name, None, None, "berkas unit.yaml tidak ada")
    # size limit, no tags, aliases bounded, parsed once per content (lkjip.inputs.unit_yaml)
    data = read_unit_yaml(path, name, unit_dir(data_dir, unit))
    info = Unit.from_dict(data, name)
    # the folder name is the unit's code everywhere: a different kode (a copied unit, "../x") is an error
    check_kode(info.kode, Path(unit).name, name)
    return info
