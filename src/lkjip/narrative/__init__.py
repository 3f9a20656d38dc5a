"""Drafted report text in Bahasa Indonesia, composed from the figures (no language model).

Every function takes a :class:`lkjip.report.ReportData` and returns Markdown.
Sentences are templates chosen by the numbers (met or missed target, rise or
fall, adequate sample or not, ...); every number goes through
:mod:`lkjip.fmt`, so the text shows ``98,31`` and ``94,37%``, never a raw
float. The same data always give the same text.

The text is a draft for the analyst: each block starts with
:data:`DRAFT_MARK` ("Draf narasi — sunting sebelum ditandatangani").
Missing data or a missing target never raise: the sentence says what is
missing instead.

Modules by chapter: :mod:`~lkjip.narrative.front` (title, Ikhtisar, Bab I,
signature), :mod:`~lkjip.narrative.capaian` (Bab III A),
:mod:`~lkjip.narrative.anggaran` (Bab III B), :mod:`~lkjip.narrative.penutup`
(Bab IV); :mod:`~lkjip.narrative.common` holds what they share.
"""

from lkjip.narrative.anggaran import (
    efisiensi,
    realisasi_anggaran,
)
from lkjip.narrative.capaian import (
    analisis_indikator,
    tabel_3_1_1_text,
    tabel_3_1_2_text,
    tabel_3_1_3_text,
)
from lkjip.narrative.common import (
    DRAFT_MARK,
    fmt_value,
)
from lkjip.narrative.front import (
    bab1_pegawai,
    ikhtisar_eksekutif,
    judul,
    profil_unit,
    tanda_tangan,
)
from lkjip.narrative.penutup import (
    kesimpulan,
    saran,
)

__all__ = [
    "DRAFT_MARK",
    "analisis_indikator",
    "bab1_pegawai",
    "efisiensi",
    "fmt_value",
    "ikhtisar_eksekutif",
    "judul",
    "kesimpulan",
    "profil_unit",
    "realisasi_anggaran",
    "saran",
    "tabel_3_1_1_text",
    "tabel_3_1_2_text",
    "tabel_3_1_3_text",
    "tanda_tangan",
]
