"""Bab I from contract v2: organisation, tasks, staff by rank and education, office
facilities, territory and population, strategic issues, business process map.

Each builder takes a :class:`~lkjip.inputs.year.YearInputs` (or a ``ReportData``)
and returns its data, or :class:`~lkjip.document.sections.Absent` with the one
line naming the file that would fill the section. Printed figures are kept
beside the computed ones and never corrected (``penduduk``: the JUMLAH row as
typed, the sums of the desa rows, their difference).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lkjip.contract.optional_datasets import ISU_CATEGORIES, PENDIDIKAN_PEGAWAI
from lkjip.contract.fmt import is_missing
from lkjip.indicators.ipasn import in_post_at_year_end, is_asn
from lkjip.document.sections import Absent, absent, inputs_of

#: Golongan ruang of PNS in order (PP 99/2000); others (PPPK grades) follow in file order.
GOLONGAN = tuple(f"{g}/{r}" for g in ("I", "II", "III", "IV") for r in ("a", "b", "c", "d", "e")
                 if not (g != "IV" and r == "e"))


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _rows(frame: pd.DataFrame, **where) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    for col, value in where.items():
        col_text = frame[col].astype("string").str.strip()
        keep &= col_text.isna() if value is None else (col_text == value).fillna(False)
    return frame[keep]


# --------------------------------------------------------------------------- Bab I A organisation


@dataclass(frozen=True)
class Organisasi:
    """``tabel``: ``unit_kerja, induk, tingkat`` (0 = top of the list) in file order."""

    dasar_hukum: str | None
    tabel: pd.DataFrame


def struktur_organisasi(source) -> Organisasi | Absent:
    inputs = inputs_of(source)
    frame = inputs.table("organisasi")
    if frame is None or not len(frame):
        return absent("organisasi", inputs.unit.kode, inputs.year)
    parent = {_text(u): _text(p) for u, p in zip(frame["unit_kerja"], frame["induk"])}

    def depth(name: str, seen: tuple = ()) -> int:
        up = parent.get(name, "")
        return 0 if not up or up in seen else 1 + depth(up, (*seen, name))

    names = [_text(u) for u in frame["unit_kerja"]]
    tabel = pd.DataFrame({"unit_kerja": names, "induk": [parent[n] for n in names],
                          "tingkat": [depth(n) for n in names]})
    profil = inputs.unit.profil
    return Organisasi(_text(profil.get("dasar_hukum_organisasi")) or None, tabel)


# --------------------------------------------------------------------------- Bab I D tasks


@dataclass(frozen=True)
class TugasFungsi:
    """Items in file order; ``tugas_fungsi`` holds lists printed as one 'Tugas Pokok dan Fungsi'."""

    dasar_hukum: str | None
    tugas: list[str] = field(default_factory=list)
    fungsi: list[str] = field(default_factory=list)
    tugas_fungsi: list[str] = field(default_factory=list)


def tugas_fungsi(source, jabatan: str | None = None) -> TugasFungsi | Absent:
    """The unit's tasks and functions (``jabatan`` None) or one official's (Lampiran 4)."""
    inputs = inputs_of(source)
    frame = inputs.table("tugas_fungsi")
    if frame is not None:
        frame = _rows(frame, jabatan=jabatan)
    if frame is None or not len(frame):
        return absent("tugas_fungsi", inputs.unit.kode, inputs.year)
    lists = {k: [_text(u) for u in _rows(frame, jenis=k)["uraian"]] for k in ("tugas", "fungsi", "tugas_fungsi")}
    profil = inputs.unit.profil
    dasar = _text(profil.get("dasar_hukum_tugas_fungsi")) or None if jabatan is None else None
    return TugasFungsi(dasar, **lists)


# --------------------------------------------------------------------------- Bab I B staff


def _asn_in_post(inputs) -> pd.DataFrame | None:
    peg = inputs.table("pegawai")
    if peg is None:
        return None
    return peg[is_asn(peg["status"]) & in_post_at_year_end(peg, inputs.year)]


def _staff_absent(inputs, column: str, what: str) -> Absent:
    return Absent(f"Rekap pegawai menurut {what} tidak disajikan: kolom {column} di berkas "
                  f"data/raw/{inputs.unit.kode}/{inputs.year}/pegawai.csv belum diisi untuk semua ASN.",
                  "pegawai", f"data/raw/{inputs.unit.kode}/{inputs.year}/pegawai.csv: {column}")


def pegawai_golongan(source) -> pd.DataFrame | Absent:
    """ASN in post at 31 December by golongan (``Golongan, Jumlah (orang)`` and a total row).

    Absent unless every such ASN has ``golongan`` (contract v2 column).
    """
    inputs = inputs_of(source)
    asn = _asn_in_post(inputs)
    if asn is None or not len(asn) or "golongan" not in asn or asn["golongan"].isna().any():
        return _staff_absent(inputs, "golongan", "pangkat/golongan")
    values = [_golongan(g) for g in asn["golongan"]]
    counts = pd.Series(values, dtype=object).value_counts()
    order = [g for g in GOLONGAN if g in counts.index] + [g for g in dict.fromkeys(values) if g not in GOLONGAN]
    return _count_table("Golongan", order, counts, len(asn))


def _golongan(value: object) -> str:
    """``iv/b`` and ``IV / b`` read as ``IV/b``; other forms are kept as typed.

    >>> _golongan(" iv / B "), _golongan("IX")
    ('IV/b', 'IX')
    """
    text = _text(value).replace(" ", "")
    if "/" in text:
        room, grade = text.split("/", 1)
        return f"{room.upper()}/{grade.lower()}"
    return text


def pegawai_pendidikan(source) -> pd.DataFrame | Absent:
    """ASN in post at 31 December by education (``Pendidikan, Jumlah (orang)`` and a total row).

    Absent unless every such ASN has ``pendidikan`` (contract v2 column).
    """
    inputs = inputs_of(source)
    asn = _asn_in_post(inputs)
    if asn is None or not len(asn) or "pendidikan" not in asn or asn["pendidikan"].isna().any():
        return _staff_absent(inputs, "pendidikan", "pendidikan")
    values = [_text(p).upper() for p in asn["pendidikan"]]
    counts = pd.Series(values, dtype=object).value_counts()
    order = [p for p in PENDIDIKAN_PEGAWAI if p in counts.index] + [p for p in dict.fromkeys(values)
                                                                   if p not in PENDIDIKAN_PEGAWAI]
    return _count_table("Pendidikan", order, counts, len(asn))


def _count_table(label: str, order: list[str], counts: pd.Series, total: int) -> pd.DataFrame:
    rows = [{"No": i, label: k, "Jumlah (orang)": int(counts[k])} for i, k in enumerate(order, start=1)]
    rows.append({"No": "", label: "Jumlah", "Jumlah (orang)": int(total)})
    return pd.DataFrame(rows, columns=["No", label, "Jumlah (orang)"])


# --------------------------------------------------------------------------- Bab I C facilities


def sarana(source) -> pd.DataFrame | Absent:
    """``No, Uraian, Jumlah, Satuan, Keterangan`` in file order."""
    inputs = inputs_of(source)
    frame = inputs.table("sarana")
    if frame is None or not len(frame):
        return absent("sarana", inputs.unit.kode, inputs.year)
    return pd.DataFrame({
        "No": range(1, len(frame) + 1),
        "Uraian": [_text(v) for v in frame["uraian"]],
        "Jumlah": frame["jumlah"].astype(float).values,
        "Satuan": [_text(v) for v in frame["satuan"]],
        "Keterangan": [_text(v) for v in frame["keterangan"]],
    })


# --------------------------------------------------------------------------- Bab I D territory


@dataclass(frozen=True)
class Wilayah:
    letak: str | None
    luas_km2: float | None
    batas: dict[str, str]


def wilayah(source) -> Wilayah | Absent:
    """Location, area and borders from ``unit.yaml`` ``wilayah`` (checked by :mod:`lkjip.inputs.unit`)."""
    inputs = inputs_of(source)
    data = inputs.unit.wilayah
    if not data:
        return Absent("Luas dan batas wilayah tidak disajikan: isi kunci wilayah di "
                      f"data/raw/{inputs.unit.kode}/unit.yaml.", "unit.yaml", f"data/raw/{inputs.unit.kode}/unit.yaml: wilayah")
    luas = data.get("luas_km2")
    return Wilayah(_text(data.get("letak")) or None, None if luas is None else float(luas),
                   {k: _text(v) for k, v in (data.get("batas") or {}).items()})


@dataclass(frozen=True)
class Penduduk:
    """Tabel 1.1 and the figures of the Bab I D sentence.

    ``tabel``: one row per desa (``No, Desa, Laki-laki, Perempuan, Jumlah``
    computed as L + P, ``Jumlah tercetak`` as typed, and ``Dusun, RW, RT``
    when present) and a last row ``Jumlah`` with the sums of the desa rows.
    ``dihitung``/``tercetak``: sums of the desa rows / the typed JUMLAH row
    (None without one), per column; ``selisih``: tercetak - dihitung where
    they differ (empty = consistent). Nothing is corrected.
    """

    tabel: pd.DataFrame
    jumlah_desa: int
    dihitung: dict[str, float]
    tercetak: dict[str, float] | None
    selisih: dict[str, float]
    per_tanggal: pd.Timestamp | None
    sumber: str | None

    @property
    def jumlah_penduduk(self) -> int:
        return int(self.dihitung["jumlah"])

    @property
    def cocok(self) -> bool:
        return not self.selisih


_COUNTS = (("laki_laki", "Laki-laki"), ("perempuan", "Perempuan"))
_ADMIN = (("dusun", "Dusun"), ("rw", "RW"), ("rt", "RT"))


def penduduk(source) -> Penduduk | Absent:
    inputs = inputs_of(source)
    frame = inputs.table("penduduk")
    if frame is None or not len(frame):
        return absent("penduduk", inputs.unit.kode, inputs.year)
    totals = frame[frame["adalah_total"].astype(bool)]
    desa = frame[~frame["adalah_total"].astype(bool)]
    num = {c: pd.to_numeric(desa[c], errors="coerce") for c in ("laki_laki", "perempuan", "jumlah", *dict(_ADMIN))}
    computed = num["laki_laki"] + num["perempuan"]
    tabel = pd.DataFrame({"No": range(1, len(desa) + 1), "Desa": [_text(d) for d in desa["desa"]],
                          "Laki-laki": num["laki_laki"].values, "Perempuan": num["perempuan"].values,
                          "Jumlah": computed.values, "Jumlah tercetak": num["jumlah"].values})
    admin = [(c, label) for c, label in _ADMIN if num[c].notna().any()]
    for c, label in admin:
        tabel[label] = num[c].values
    dihitung = {"laki_laki": float(num["laki_laki"].sum()), "perempuan": float(num["perempuan"].sum()),
                "jumlah": float(computed.sum())}
    dihitung.update({c: float(num[c].sum()) for c, _ in admin})
    total_row = {"No": "", "Desa": "Jumlah", "Laki-laki": dihitung["laki_laki"], "Perempuan": dihitung["perempuan"],
                 "Jumlah": dihitung["jumlah"], "Jumlah tercetak": float("nan"),
                 **{label: dihitung[c] for c, label in admin}}
    tercetak = None
    selisih: dict[str, float] = {}
    if len(totals):
        row = totals.iloc[-1]
        tercetak = {c: float(row[c]) for c in ("laki_laki", "perempuan", "jumlah", *dict(_ADMIN)) if pd.notna(row[c])}
        total_row["Jumlah tercetak"] = tercetak.get("jumlah", float("nan"))
        for c in dihitung:
            if c in tercetak and tercetak[c] != dihitung[c]:
                selisih[c] = tercetak[c] - dihitung[c]
        # counts printed only in the JUMLAH row are the only source: keep them as printed
        for c, label in _ADMIN:
            if c in tercetak and c not in dihitung:
                dihitung[c] = tercetak[c]
    tabel = pd.concat([tabel, pd.DataFrame([total_row])], ignore_index=True)
    dates = pd.to_datetime(desa["per_tanggal"], errors="coerce").dropna().unique()
    sources = [s for s in dict.fromkeys(_text(s) for s in desa["sumber"]) if s]
    return Penduduk(tabel, len(desa), dihitung, tercetak, selisih,
                    pd.Timestamp(dates[0]) if len(dates) else None, sources[0] if sources else None)


# --------------------------------------------------------------------------- Bab I E, G


def isu_strategis(source) -> dict[str, list[str]] | Absent:
    """``{kekuatan: [...], kelemahan: [...], peluang: [...], ancaman: [...]}`` in file order."""
    inputs = inputs_of(source)
    frame = inputs.table("isu_strategis")
    if frame is None or not len(frame):
        return absent("isu_strategis", inputs.unit.kode, inputs.year)
    return {k: [_text(u) for u in _rows(frame, kategori=k)["uraian"]] for k in ISU_CATEGORIES}


def proses_bisnis(source) -> pd.DataFrame | Absent:
    """``kode, uraian, level`` in file order. Level as the Peta Proses Bisnis names it: P.1 is level 0,
    P.1.5 level 1, P.1.5.4 level 2 (LKjIP 2023 Bab I G), i.e. the number of dots less one."""
    inputs = inputs_of(source)
    frame = inputs.table("proses_bisnis")
    if frame is None or not len(frame):
        return absent("proses_bisnis", inputs.unit.kode, inputs.year)
    codes = [_text(k) for k in frame["kode"]]
    return pd.DataFrame({"kode": codes, "uraian": [_text(u) for u in frame["uraian"]],
                         "level": [process_level(k) for k in codes]})


def process_level(kode: str) -> int:
    """The level of a process code: one less than its dots (the top process P.1 is level 0).

    >>> process_level("P.1"), process_level("P.1.5"), process_level("P.1.5.4.1.1")
    (0, 1, 4)
    """
    return max(str(kode).count(".") - 1, 0)
