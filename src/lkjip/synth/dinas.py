"""Synthetic units of another kind than a kecamatan: a *dinas* that declares its own IKU (``indikator.csv``).

``lkjip synth --iku-campuran`` makes every even-numbered unit a dinas (the odd ones stay kecamatan with
the seven kecamatan IKU), so a synthetic kabupaten has units with different IKU sets side by side. A
dinas declares

- ``realisasi_anggaran_pct`` (the built-in calculation, from ``lra.csv``): shared with every kecamatan;
- ``sakip`` (built-in, from ``sakip_evaluasi.csv``) only when its index is a multiple of four, so the
  kabupaten view also meets units without a SAKIP evaluation;
- ``indeks_kinerja``: a weighted composite, ``0.5*realisasi_anggaran_pct + 0.5*capaian_output``;
- ``ikm_upt``: the mean over sub-units, ``rata_rata(ikm_per_upt)`` (one row per UPT);
- ``cakupan_layanan_pct``: a ratio, ``100 * jumlah_terlayani / jumlah_sasaran``;
- ``angka_kasus``: reported (``dilaporkan``), lower is better (``turun``).

Its targets.csv holds Renstra and PK targets of exactly those codes, and each year gets ``realisasi.csv``
and ``lra.csv`` (plus ``sakip_evaluasi.csv`` when declared). Every number comes from the seeded streams
of :mod:`lkjip.synth.common` (``[seed, unit, year, stream]``): the same arguments give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from lkjip.synth.common import _S_BUDGET, _S_SAKIP, _rng, _write_frame, parse_years, unit_code
from lkjip.synth.datasets import _budget, _plan, _sakip

#: Stream ids of a dinas's own figures (after those of :mod:`lkjip.synth.common`).
_S_REPORTED, _S_OWN_TARGETS = 11, 12
#: The sub-units whose IKM a dinas averages.
UPT = ("UPT Wilayah Utara", "UPT Wilayah Selatan", "UPT Wilayah Timur")

#: kode, nama, satuan, polaritas, desimal, rumus, sumber
_OWN_IKU = (
    ("realisasi_anggaran_pct", "Persentase realisasi anggaran", "persen", "naik", 2, "realisasi_anggaran_pct",
     "LRA"),
    ("indeks_kinerja", "Indeks kinerja dinas", "indeks", "naik", 2,
     "0.5*realisasi_anggaran_pct + 0.5*capaian_output", "LRA dan e-Monev (sintetis)"),
    ("ikm_upt", "Indeks Kepuasan Masyarakat UPT", "indeks", "naik", 2, "rata_rata(ikm_per_upt)",
     "Survei IKM tiap UPT (sintetis)"),
    ("cakupan_layanan_pct", "Cakupan layanan", "persen", "naik", 2, "100 * jumlah_terlayani / jumlah_sasaran",
     "Laporan layanan (sintetis)"),
    ("angka_kasus", "Angka kasus per 10.000 penduduk", "per 10.000 penduduk", "turun", 2, "dilaporkan",
     "Laporan surveilans (sintetis)"),
)
_SAKIP_IKU = ("sakip", "Nilai SAKIP", "nilai", "naik", 2, "sakip", "LHE SAKIP (sintetis)")


def is_dinas(index: int) -> bool:
    """With ``--iku-campuran``, even-numbered units are dinas.

    >>> [is_dinas(i) for i in (1, 2, 3, 4)]
    [False, True, False, True]
    """
    return index % 2 == 0


def has_sakip(index: int) -> bool:
    """A dinas whose index is a multiple of four has a SAKIP evaluation (and the ``sakip`` IKU)."""
    return index % 4 == 0


def declared_iku(index: int) -> tuple[tuple, ...]:
    """The rows of the ``index``-th dinas's indikator.csv."""
    return (*_OWN_IKU[:1], *((_SAKIP_IKU,) if has_sakip(index) else ()), *_OWN_IKU[1:])


def _targets(index: int, years: list[int], seed: int) -> pd.DataFrame:
    rng = _rng(seed, index, 0, _S_OWN_TARGETS)
    start = {"realisasi_anggaran_pct": 90.0, "sakip": float(rng.integers(70, 80)),
             "indeks_kinerja": float(rng.integers(86, 92)), "ikm_upt": float(rng.integers(78, 85)),
             "cakupan_layanan_pct": float(rng.integers(80, 90)), "angka_kasus": float(rng.integers(30, 40))}
    step = {"realisasi_anggaran_pct": 0.5, "sakip": 1.0, "indeks_kinerja": 0.5, "ikm_upt": 1.0,
            "cakupan_layanan_pct": 1.0, "angka_kasus": -1.0}
    first, last = years[0], max(years[-1], years[0] + 4)
    rows = []
    for kode, *_rest in declared_iku(index):
        satuan = _rest[1]
        for doc, span in (("renstra", range(first, last + 1)), ("pk", years)):
            for year in span:
                value = min(100.0, start[kode] + step[kode] * (year - first))
                rows.append([kode, doc, year, f"{value:g}", satuan])
    return pd.DataFrame(rows, columns=["indikator", "dokumen", "tahun", "target", "satuan"])


def _number(value: float) -> str:
    """Two decimals in the Indonesian form (``92,35``)."""
    return f"{value:.2f}".replace(".", ",")


def _realisasi(index: int, year: int, first_year: int, seed: int) -> pd.DataFrame:
    rng = _rng(seed, index, year, _S_REPORTED)
    lift = year - first_year
    sasaran = int(rng.integers(4_000, 9_000))
    rows = [["capaian_output", None, _number(float(rng.uniform(85, 99))), "e-Monev (sintetis)"]]
    rows += [["ikm_per_upt", upt, _number(float(rng.uniform(76, 90)) + lift), f"Survei IKM {upt} (sintetis)"]
             for upt in UPT]
    rows += [["jumlah_terlayani", None, str(int(sasaran * float(rng.uniform(0.78, 0.97)))),
              "Laporan layanan (sintetis)"],
             ["jumlah_sasaran", None, str(sasaran), "Data sasaran (sintetis)"],
             ["angka_kasus", None, _number(float(rng.uniform(25, 42)) - lift), "Laporan surveilans (sintetis)"]]
    return pd.DataFrame(rows, columns=["besaran", "subunit", "nilai", "sumber"])


def make_dinas(out_dir: Path, index: int, *, years: list[int], seed: int = 1, fmt: str = "csv") -> Path:
    """Write the ``index``-th unit as a synthetic dinas (see module docstring); return its folder."""
    years = parse_years(years)
    plan = _plan(index, seed, years[0])
    folder = Path(out_dir) / unit_code(index)
    folder.mkdir(parents=True, exist_ok=True)
    head = plan.staff[0]
    unit = {"kode": unit_code(index), "nama": f"Dinas Sintetis {index:02d}", "kabupaten": "Kabupaten Sintetis",
            "provinsi": "Provinsi Sintetis", "alamat": f"Jl. Dinas Sintetis No. {index}",
            "pimpinan": {"nama": head["nama"], "jabatan": f"Kepala Dinas Sintetis {index:02d}",
                         "pangkat": plan.head_rank, "nip": head["nip"]},
            "kota_penetapan": "Sintetis", "tampilkan_nama_pegawai": False, "tampilkan_nip": False,
            "sasaran": [{"sasaran": "Meningkatnya kinerja layanan dinas",
                         "indikator": [row[0] for row in declared_iku(index)]}]}
    text = (f"# {unit['nama']}: synthetic data written by lkjip.synth --iku-campuran (seed {seed}); "
            "not a real unit.\n" + yaml.safe_dump(unit, sort_keys=False, allow_unicode=True, width=120))
    (folder / "unit.yaml").write_text(text, encoding="utf-8")
    declaration = pd.DataFrame([list(r) for r in declared_iku(index)],
                               columns=["kode", "nama", "satuan", "polaritas", "desimal", "rumus", "sumber"])
    _write_frame(declaration, folder / f"indikator.{fmt}")
    _write_frame(_targets(index, years, seed), folder / f"targets.{fmt}")
    published = []
    for year in years:
        ydir = folder / str(year)
        _anggaran, lra, pagu, real = _budget(plan, year, _rng(seed, index, year, _S_BUDGET), years[0])
        _write_frame(lra, ydir / f"lra.{fmt}")
        reported = _realisasi(index, year, years[0], seed)
        _write_frame(reported, ydir / f"realisasi.{fmt}")
        sakip_total = None
        if has_sakip(index):
            sakip, sakip_total = _sakip(plan, year, years[0], _rng(seed, index, year, _S_SAKIP))
            _write_frame(sakip, ydir / f"sakip_evaluasi.{fmt}")
        published += _published(reported, real / pagu * 100, sakip_total, f"LKjIP {unit['nama']} {year}, "
                                "Tabel 3.1.1 (sintetis)", year)
    _write_frame(pd.DataFrame(published, columns=["tahun", "indikator", "nilai", "sumber", "ukuran"]),
                 folder / f"published.{fmt}")
    return folder


def _published(reported: pd.DataFrame, absorption: float, sakip_total: float | None, source: str,
               year: int) -> list[list]:
    """The realisations the dinas printed (two decimals, as its LKjIP would), for the audit of its own IKU."""
    values: dict[str, list[float]] = {}
    for name, text in zip(reported["besaran"], reported["nilai"]):
        values.setdefault(name, []).append(float(str(text).replace(",", ".")))
    printed = {"realisasi_anggaran_pct": absorption,
               "indeks_kinerja": 0.5 * absorption + 0.5 * values["capaian_output"][0],
               "ikm_upt": sum(values["ikm_per_upt"]) / len(values["ikm_per_upt"]),
               "cakupan_layanan_pct": 100 * values["jumlah_terlayani"][0] / values["jumlah_sasaran"][0],
               "angka_kasus": values["angka_kasus"][0]}
    if sakip_total is not None:
        printed["sakip"] = sakip_total
    return [[year, kode, f"{value:.2f}", source, "realisasi"] for kode, value in printed.items()]
