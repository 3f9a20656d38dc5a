"""Bab I F and Bab II A from contract v2: the Renstra statements and Tabel 2.1 as printed.

:func:`renstra` returns visi, misi, tujuan, sasaran (each with its programmes
and indicators), kebijakan and strategi of the Renstra period that covers the
report year; a kind with no row gets its own one-line note (``catatan``),
never invented text. :func:`renstra_target` is Tabel 2.1 with every Renstra
indicator as printed, one column per year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lkjip.contract.fmt import is_missing
from lkjip.document.sections import Absent, absent, inputs_of

#: The kinds of statement a Renstra section names, in the order Bab II A prints them.
KINDS = ("visi", "misi", "tujuan", "sasaran", "kebijakan", "strategi", "program", "indikator")
_KIND_WORDS = {"visi": "Visi", "misi": "Misi", "tujuan": "Tujuan", "sasaran": "Sasaran", "kebijakan": "Kebijakan",
               "strategi": "Strategi", "program": "Program", "indikator": "Indikator kinerja"}


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


@dataclass(frozen=True)
class Pernyataan:
    """One Renstra statement: its printed number (may be blank), wording and remark."""

    nomor: str
    uraian: str
    keterangan: str = ""
    kode: str = ""
    kode_indikator: str = ""


@dataclass(frozen=True)
class Sasaran:
    nomor: str
    uraian: str
    program: list[Pernyataan] = field(default_factory=list)
    indikator: list[Pernyataan] = field(default_factory=list)


@dataclass(frozen=True)
class Renstra:
    """The statements of the period ``periode_mulai``-``periode_selesai``.

    ``catatan``: one line per kind without any row (e.g. strategi), naming the file.
    """

    periode_mulai: int
    periode_selesai: int
    visi: Pernyataan | None
    misi: list[Pernyataan]
    tujuan: list[Pernyataan]
    sasaran: list[Sasaran]
    kebijakan: list[Pernyataan]
    strategi: list[Pernyataan]
    jenis_kosong: list[str]
    catatan: list[str]


def renstra(source) -> Renstra | Absent:
    inputs = inputs_of(source)
    frame = inputs.table("renstra")
    if frame is None or not len(frame):
        return absent("renstra", inputs.unit.kode, inputs.year)
    # the period covering the report year (rows are already those valid in it); the latest if several
    start = int(pd.to_numeric(frame["periode_mulai"]).max())
    frame = frame[pd.to_numeric(frame["periode_mulai"]) == start]
    end = int(pd.to_numeric(frame["periode_selesai"]).max())

    def items(kind: str) -> list[Pernyataan]:
        rows = frame[frame["jenis"].astype("string").str.strip() == kind]
        return [Pernyataan(_text(r["nomor"]), _text(r["uraian"]), _text(r["keterangan"]), _text(r["kode"]),
                           _text(r["kode_indikator"])) for _, r in rows.iterrows()]

    def under(kind: str, nomor: str) -> list[Pernyataan]:
        rows = frame[(frame["jenis"].astype("string").str.strip() == kind)
                     & (frame["sasaran"].astype("string").str.strip() == nomor).fillna(False)]
        return [Pernyataan(_text(r["nomor"]), _text(r["uraian"]), _text(r["keterangan"]), _text(r["kode"]),
                           _text(r["kode_indikator"])) for _, r in rows.iterrows()]

    sasaran = [Sasaran(s.nomor, s.uraian, under("program", s.nomor), under("indikator", s.nomor))
               for s in items("sasaran")]
    empty = [k for k in KINDS if not (frame["jenis"].astype("string").str.strip() == k).any()]
    path = f"data/raw/{inputs.unit.kode}/renstra.csv"
    notes = [f"{_KIND_WORDS[k]} Renstra {start}-{end} belum tercatat: isi baris berjenis '{k}' di berkas {path}."
             for k in empty]
    visi = items("visi")
    return Renstra(start, end, visi[0] if visi else None, items("misi"), items("tujuan"), sasaran,
                   items("kebijakan"), items("strategi"), empty, notes)


def renstra_target(source, dokumen: str = "renstra") -> pd.DataFrame | Absent:
    """Tabel 2.1 as printed: ``No, Indikator Kinerja`` and one column per year (targets as printed).

    Indicators in the order they first appear in the file; a document with no
    row (e.g. ``renstra_perubahan``) is :class:`Absent` like a missing file.
    """
    inputs = inputs_of(source)
    frame = inputs.table("renstra_target")
    if frame is not None:
        frame = frame[frame["dokumen"].astype("string").str.strip() == dokumen]
    if frame is None or not len(frame):
        return absent("renstra_target", inputs.unit.kode, inputs.year)
    years = sorted({int(y) for y in frame["tahun"].dropna()})
    names = list(dict.fromkeys(_text(i) for i in frame["indikator"]))
    rows = []
    for no, name in enumerate(names, start=1):
        part = frame[frame["indikator"].astype("string").str.strip() == name]
        row = {"No": no, "Indikator Kinerja": name}
        for y in years:
            cell = part.loc[part["tahun"] == y, "target"]
            row[str(y)] = _text(cell.iloc[-1]) if len(cell) else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=["No", "Indikator Kinerja", *[str(y) for y in years]])
