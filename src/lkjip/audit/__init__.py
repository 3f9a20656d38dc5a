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
3. ``publikasi vs hitungan`` (:data:`FAMILY_PUBLISHED`): every figure of the
   published document against the value recomputed from raw data. The audit
   of year *Y* covers every ``published`` row whose ``dokumen`` names *Y*
   (``LKjIP 2023``: also the 2021 and 2022 columns it prints, recomputed from
   those years' data, and the 2024-2026 targets, from targets.csv) and every
   other row with ``tahun`` = *Y*. The seven indicator ids take
   ``realisasi``/``capaian_pct`` of the year's indicator frame and the
   effective ``target`` of targets.csv according to ``ukuran``; the other
   families (docs/published-ids.md) are in :data:`FIGURES` (e.g.
   ``pagu_anggaran``, ``realisasi_anggaran_rp``, ``pagu:<kode>``,
   ``penyerapan_pct:<kode>``, ``lra_anggaran:<kode>``, ``lra_persen:<kode>``,
   ``persen_anggaran_indikator:<id>``, ``tingkat_efisiensi:<id>``,
   ``jumlah_layanan:<nama>``, ``layanan_bulan:<nama>:<bulan>``,
   ``nrr_tertimbang:<unsur>``, ``ipasn_pegawai:<nip>:<dimensi>``,
   ``kemajuan:<id>``, ``renstra_target:<id>``, ``tc27_target:<kunci>``,
   ``jumlah_kegiatan``; see :data:`EXTRA_IDS`). A family the data cannot
   recompute is in :data:`NOT_CHECKABLE` with its reason in Bahasa Indonesia:
   its figures get status ``tidak_dapat_diperiksa`` and the reason in
   ``keterangan``. An id in neither table is listed in
   :attr:`AuditResult.catatan`, not guessed.
4. ``dalam dokumen`` (:data:`FAMILY_DOCUMENT`): for figures the data cannot
   recompute, a printed total or ratio against the printed figures of the same
   table (population L + P and JUMLAH rows, the Renstra funding tables'
   parents and end-of-period columns, the officials' capaian).
5. ``antar tempat`` (:data:`FAMILY_PLACES`): the same figure (id, year,
   measure) printed in several places; values that disagree at their printed
   decimals are one finding listing every place.

Every ``selisih`` row gets ``kemungkinan_penyebab`` (:mod:`~lkjip.audit.causes`:
``salah_ketik_digit``, ``pembulatan``, ``penjumlahan``, ``turunan``, ``beda_target``,
``beda_periode``, ``beda_sumber``, ``tidak_diketahui``) and ``penjelasan``, a sentence in Bahasa
Indonesia for a follow-up letter; the evidence is gathered by
:mod:`~lkjip.audit.explain`. :meth:`AuditResult.coverage` counts the printed
figures: printed, checked, equal, different, not checkable (overall, per
chapter, per place).

Tolerance: the one rule of :mod:`lkjip.contract.rules.printed`. A typed figure
carries only the decimals it was printed with, so ``selisih`` is compared
with half a unit of its last decimal: 0,005 for a two-decimal figure, 0,05
for one decimal, 0,5 for an integer; ``sesuai`` when ``|selisih| <=
toleransi`` (plus ``EPS``, the float guard of the same module). The decimals are
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
:mod:`~lkjip.audit.frames` and :mod:`~lkjip.audit.context` (reading the datasets),
:mod:`~lkjip.audit.internal` (family 1), :mod:`~lkjip.audit.cross` (family 2),
:mod:`~lkjip.audit.figures`, :mod:`~lkjip.audit.figures_detail`, :mod:`~lkjip.audit.reasons`
and :mod:`~lkjip.audit.published` (family 3), :mod:`~lkjip.audit.document` (family 4),
:mod:`~lkjip.audit.places` (family 5), :mod:`~lkjip.audit.causes` and
:mod:`~lkjip.audit.explain` (likely causes), :mod:`~lkjip.audit.coverage`,
:mod:`~lkjip.audit.labels` and :mod:`~lkjip.audit.report` (the auditor's report),
:mod:`~lkjip.audit.run` (entry points).
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
from lkjip.contract.rules.printed import decimals_of, decimals_of_text, tolerance

__all__ = [
    "AUDIT_COLUMNS", "CAUSES", "CAUSE_LABELS", "COVERAGE_COLUMNS", "EXTRA_IDS", "FAMILIES", "FAMILY_CROSS",
    "FAMILY_DOCUMENT", "FAMILY_INTERNAL", "FAMILY_PLACES", "FAMILY_PUBLISHED", "FIGURES", "MEASURE_COLUMNS",
    "NOT_CHECKABLE", "SELISIH", "SESUAI", "SOURCE_COLUMNS", "STATUSES", "TIDAK_DIPERIKSA", "AuditResult",
    "Candidate", "Cause", "Part", "audit_unit_year", "audit_year", "classify", "coverage", "decimals_of",
    "decimals_of_text", "minimum_sample", "tolerance",
]
