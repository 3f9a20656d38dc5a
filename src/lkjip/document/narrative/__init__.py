"""Drafted report text in Bahasa Indonesia, composed from the figures (no language model).

Every function takes a :class:`lkjip.document.ReportData` and returns Markdown.
Sentences are templates chosen by the numbers (met or missed target, rise or
fall, adequate sample or not, ...); every number goes through
:mod:`lkjip.contract.fmt`, so the text shows ``98,31`` and ``94,37%``, never a raw
float. The same data always give the same text.

The text is a draft for the analyst: a draft LKjIP carries one notice
(:func:`draft_notice`, with :data:`DRAFT_MARK`) and "DRAF" at the top of
every printed page; the final version carries neither. Where the analyst
wrote a section in the unit-year's narrative file, :func:`section` prints the
analyst's text instead of the drafted one; the analyst's factors of success
and obstacles are added after an indicator's computed analysis. Missing data
or a missing target never raise: the sentence says what is missing instead.

Modules by chapter: :mod:`~lkjip.document.narrative.front` (title, Ikhtisar, Bab I,
signature), :mod:`~lkjip.document.narrative.capaian` (Bab III A),
:mod:`~lkjip.document.narrative.anggaran` (Bab III B), :mod:`~lkjip.document.narrative.penutup`
(Bab IV); :mod:`~lkjip.document.narrative.common` holds what they share.
"""

from lkjip.contract.markup import md_text
from lkjip.document.narrative import lampiran, profil, resmi, tahun_penilaian
from lkjip.document.narrative.profil import ANALYST_NOTE
from lkjip.document.narrative.anggaran import (
    efisiensi,
    efisiensi_sumber_daya,
    program_pendukung,
    realisasi_anggaran,
    selisih_sub_kegiatan,
)
from lkjip.document.narrative.capaian import (
    analisis_indikator,
    capaian_kinerja_unit_text,
    iku_for,
    iku_section,
    own_iku,
    own_iku_sections,
    pengukuran,
    tabel_3_1_1_text,
    tabel_3_1_2_text,
    tabel_3_1_3_text,
)
from lkjip.document.narrative.common import (
    DRAFT_MARK,
    analyst_text,
    fmt_value,
    section,
)
from lkjip.document.narrative.front import (
    bab1_pegawai,
    draft_notice,
    ikhtisar_capaian,
    ikhtisar_pembuka,
    judul,
    kata_pengantar,
    sistematika,
    tanda_tangan,
    tanggal_indonesia,
)
from lkjip.document.narrative.penutup import (
    kesimpulan,
    saran,
)
from lkjip.document.narrative.signable import (
    kemajuan_renstra,
    kesimpulan_bab4,
    target_tidak_tercapai,
)

__all__ = [
    "ANALYST_NOTE",
    "DRAFT_MARK",
    "analisis_indikator",
    "capaian_kinerja_unit_text",
    "iku_for",
    "iku_section",
    "own_iku",
    "own_iku_sections",
    "analyst_text",
    "bab1_pegawai",
    "draft_notice",
    "efisiensi",
    "efisiensi_sumber_daya",
    "fmt_value",
    "ikhtisar_capaian",
    "ikhtisar_pembuka",
    "judul",
    "kata_pengantar",
    "kesimpulan",
    "kesimpulan_bab4",
    "kemajuan_renstra",
    "target_tidak_tercapai",
    "lampiran",
    "md_text",
    "profil",
    "resmi",
    "tahun_penilaian",
    "pengukuran",
    "program_pendukung",
    "realisasi_anggaran",
    "saran",
    "section",
    "selisih_sub_kegiatan",
    "sistematika",
    "tanggal_indonesia",
    "tabel_3_1_1_text",
    "tabel_3_1_2_text",
    "tabel_3_1_3_text",
    "tanda_tangan",
]
