"""A final LKjIP is complete: every section the published LKjIP prints has its data, else the run refuses.

A draft (``lkjip run`` without ``--final``) prints a section whose input is absent as one line naming
the file that would fill it. The version for signature (``--final``) may not leave such a section out
silently: :func:`check_final` raises :class:`~lkjip.errors.DataErrors` (exit 2) listing every missing
input before anything runs. The sections are those the published LKjIP prints (Bab I profile,
sarana, tugas and fungsi, wilayah and penduduk, isu strategis, Renstra/cascading, peta proses
bisnis; Bab III C tindak lanjut; the signed PK, and the PK Perubahan when ``targets.csv`` has PK
Perubahan targets for the year; the Berita Acara; the officials' reports). A section the published
LKjIP does not print (staff by rank or education, prestasi) is simply left out of a final version.

>>> [s.judul for s in REQUIRED][:3]
['Bab I A Struktur Organisasi', 'Bab I C Sarana dan Prasarana Kantor', 'Bab I D Tugas Pokok dan Fungsi']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lkjip.document import lampiran_dokumen as ld, pk, profil
from lkjip.document.renstra import renstra
from lkjip.document.sections import Absent, is_absent
from lkjip.errors import DataError, DataErrors
from lkjip.indicators.targets import normalize_targets
from lkjip.inputs.year import load_inputs


@dataclass(frozen=True)
class Required:
    """A section the published LKjIP prints: its heading and the builder of its data."""

    judul: str
    build: Callable[[object], object]
    needed: Callable[[object], bool] = lambda inputs: True


def _pk_perubahan_signed(inputs) -> bool:
    """The year has PK Perubahan targets: the signed PK Perubahan must be reproduced."""
    t = inputs.targets
    if t is None or not len(t):
        return False
    t = normalize_targets(t)
    return bool(((t["dokumen"] == "pk_perubahan") & (t["tahun"] == int(inputs.year))).any())


def _required() -> tuple[Required, ...]:
    return (
        Required("Bab I A Struktur Organisasi", profil.struktur_organisasi),
        Required("Bab I C Sarana dan Prasarana Kantor", profil.sarana),
        Required("Bab I D Tugas Pokok dan Fungsi", profil.tugas_fungsi),
        Required("Bab I D Luas dan Batas Wilayah", profil.wilayah),
        Required("Bab I D Jumlah Penduduk", profil.penduduk),
        Required("Bab I E Isu Strategis", profil.isu_strategis),
        Required("Bab I F Cascading Kinerja (Renstra)", renstra),
        Required("Bab I G Peta Proses Bisnis", profil.proses_bisnis),
        Required("Bab III C Tindak Lanjut Hasil Evaluasi", ld.tindak_lanjut_evaluasi),
        Required("Lampiran Perjanjian Kinerja", lambda i: pk.perjanjian_kinerja(i, "pk")),
        Required("Lampiran Perjanjian Kinerja Perubahan", lambda i: pk.perjanjian_kinerja(i, "pk_perubahan"),
                 _pk_perubahan_signed),
        Required("Lampiran Berita Acara Pengukuran Kinerja", lambda i: pk.penandatanganan(i, "berita_acara")),
        Required("Lampiran Hasil Pengukuran Kinerja Pejabat", ld.laporan_pejabat),
    )


REQUIRED: tuple[Required, ...] = _required()


def missing_sections(inputs) -> list[tuple[str, Absent]]:
    """(heading, Absent) of every section a final LKjIP must print whose data are absent, in report order."""
    out = []
    for section in REQUIRED:
        if not section.needed(inputs):
            continue
        found = section.build(inputs)
        if is_absent(found):
            out.append((section.judul, found))
    return out


def check_final(data_dir, unit: str, year: int) -> None:
    """Raise :class:`~lkjip.errors.DataErrors` (exit 2) naming each missing input of a final LKjIP."""
    missing = missing_sections(load_inputs(data_dir, unit, year))
    if not missing:
        return
    errors = [DataError(a.berkas or a.dataset or judul, None, None,
                        f"versi final: bagian '{judul}' dicetak LKjIP tetapi datanya tidak ada. {a.catatan}")
              for judul, a in missing]
    raise DataErrors(errors)
