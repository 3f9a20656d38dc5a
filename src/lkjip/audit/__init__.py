"""Audit: recompute every published total and figure and show each difference.

Official documents are typed by hand; their totals do not always agree with
their own rows, with each other, or with the raw data. :func:`audit_year`
recomputes them all and returns one row per comparison, never changing the
data (input frames are copied, never written to).

Check families (column ``pemeriksaan``):

1. ``total dalam dataset`` (:data:`FAMILY_INTERNAL`): every total typed in a
   dataset against the sum of its rows. PATEN row ``jumlah`` against its 12
   months; the PATEN JUMLAH row (month totals, grand total) against the column
   sums; ``anggaran`` programme/activity rows against the sum of their
   *direct* children (the nearest rows below them), pagu and realisasi, and
   the JUMLAH row against the top-level rows; ``lra`` parent accounts against
   their direct children (anggaran, realisasi, realisasi_tahun_lalu) and a
   JUMLAH row against the top-level accounts; the ``koordinasi`` JUMLAH row
   (fasilitasi, tindak_lanjut) against the sum; a ``sakip_evaluasi``
   component row against its sub-components (bobot, nilai).
2. ``antar dataset`` (:data:`FAMILY_CROSS`): anggaran total (lowest level)
   against LRA account 5 (pagu vs anggaran, realisasi vs realisasi); the
   IP ASN population (ASN with all four dimensions) against the ASN in post
   at 31 December; survey respondents against the Krejcie-Morgan minimum for
   the year's PATEN services (status ``sesuai`` when respondents >= minimum),
   and a published survey population (``populasi_ikm``) against the PATEN
   total; PK programme budgets in ``targets`` (ids ``pagu_program:<kode>``,
   the effective document only: PK Perubahan, else PK, else Renstra) against
   the anggaran programme pagu; LRA ``realisasi_tahun_lalu`` against the
   previous year's LRA ``realisasi`` (when ``previous_datasets`` is given).
   Codes of ``unit['pembiayaan']`` missing from the anggaran are listed in
   :attr:`AuditResult.catatan`.
3. ``publikasi vs hitungan`` (:data:`FAMILY_PUBLISHED`): each ``published``
   row of the year against the value recomputed from raw data. The seven
   indicator ids take ``realisasi``/``capaian_pct``/``target`` of the
   indicator frame according to ``ukuran``. Extra ids (see
   :data:`EXTRA_IDS`): ``pagu_anggaran``, ``realisasi_anggaran_rp`` (LRA
   account 5 when there is an LRA, as for the % indicator, else anggaran),
   ``pagu:<kode>``, ``realisasi:<kode>``, ``penyerapan_pct:<kode>`` (also
   spelled ``pagu_program:<kode>``, ``realisasi_kegiatan:<kode>`` ...; from the
   lowest budget level under the code), ``lra_anggaran:<kode>``,
   ``lra_realisasi:<kode>``, ``lra_realisasi_tahun_lalu:<kode>``,
   ``lra_persen:<kode>``, ``anggaran_indikator:<id>``,
   ``realisasi_anggaran_indikator:<id>``, ``penyerapan_indikator:<id>``,
   ``persen_anggaran_indikator:<id>`` (share of the total pagu),
   ``tingkat_efisiensi:<id>`` (capaian - penyerapan; budget codes from
   ``unit['pembiayaan']``), ``jumlah_layanan`` (and ``jumlah_layanan:<nama>``),
   ``jumlah_layanan_sesuai_standar``, ``jumlah_fasilitasi``,
   ``jumlah_tindak_lanjut``, ``responden_ikm``, ``populasi_ikm`` (the PATEN
   total), ``jumlah_pegawai`` (``jumlah_pegawai:<status>``, in post at 31
   December), ``jumlah_asn``, ``jumlah_asn_diukur``, ``sakip_komponen:<komponen>``.
   An id the audit cannot compute is listed in ``catatan``, not guessed.

Tolerance: the one rule of :mod:`lkjip.rules.printed`. A typed figure
carries only the decimals it was printed with, so ``selisih`` is compared
with half a unit of its last decimal: 0,005 for a two-decimal figure, 0,05
for one decimal, 0,5 for an integer; ``sesuai`` when ``|selisih| <=
toleransi`` (plus a 1e-9 float guard). The decimals are
taken from a ``decimals`` column when the frame has one (not blank); else
from the float's shortest representation (``97.33`` -> 2, ``87.4`` -> 1,
``100.0`` -> 0). A float cannot remember a trailing zero (``87,40`` arrives as
``87.4``), so :func:`audit_unit_year` reads the decimals of ``published``
from the file's own text and passes them as ``decimals``. The same rule
applies to the printed totals of families 1 and 2 (figures already read as
floats, so the shortest representation); the sample check is ``>=``.

``selisih = dipublikasikan - dihitung`` everywhere. In family 2 the first
named dataset plays "dipublikasikan" (e.g. anggaran 2.567.147.148 vs LRA
2.566.829.648 gives selisih 317.500).

Modules: :mod:`~lkjip.audit.result` (rows, counts, ``audit.csv``),
:mod:`~lkjip.audit.frames` (reading the datasets), :mod:`~lkjip.audit.internal`
(family 1), :mod:`~lkjip.audit.cross` (family 2), :mod:`~lkjip.audit.figures` and
:mod:`~lkjip.audit.published` (family 3), :mod:`~lkjip.audit.run` (entry points).
"""

from lkjip.audit.causes import CAUSE_LABELS, CAUSES, Candidate, Cause, Part, classify
from lkjip.audit.coverage import COVERAGE_COLUMNS, coverage
from lkjip.audit.figures import EXTRA_IDS, FIGURES, MEASURE_COLUMNS
from lkjip.audit.frames import minimum_sample
from lkjip.audit.reasons import NOT_CHECKABLE
from lkjip.audit.result import (
    AUDIT_COLUMNS,
    FAMILIES,
    FAMILY_CROSS,
    FAMILY_DOCUMENT,
    FAMILY_INTERNAL,
    FAMILY_PLACES,
    FAMILY_PUBLISHED,
    SELISIH,
    SESUAI,
    SOURCE_COLUMNS,
    STATUSES,
    TIDAK_DIPERIKSA,
    AuditResult,
)
from lkjip.audit.run import audit_unit_year, audit_year
from lkjip.rules.printed import decimals_of, decimals_of_text, tolerance

__all__ = [
    "AUDIT_COLUMNS", "CAUSES", "CAUSE_LABELS", "COVERAGE_COLUMNS", "EXTRA_IDS", "FAMILIES", "FAMILY_CROSS",
    "FAMILY_DOCUMENT", "FAMILY_INTERNAL", "FAMILY_PLACES", "FAMILY_PUBLISHED", "FIGURES", "MEASURE_COLUMNS",
    "NOT_CHECKABLE", "SELISIH", "SESUAI", "SOURCE_COLUMNS", "STATUSES", "TIDAK_DIPERIKSA", "AuditResult",
    "Candidate", "Cause", "Part", "audit_unit_year", "audit_year", "classify", "coverage", "decimals_of",
    "decimals_of_text", "minimum_sample", "tolerance",
]
