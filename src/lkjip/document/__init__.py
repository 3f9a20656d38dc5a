"""Data assembly for the LKjIP notebook: every table and chart the report shows.

:func:`build_report` loads a unit-year, computes its indicators, reads the
unit's other years (up to the report year) for the multi-year tables, and
returns a :class:`ReportData` holding ready DataFrames for every table of the
published LKjIP, in its order:

- Bab I B: staff in post at 31 December by status and by position group, and
  the staff who joined or left during the year (``pegawai_*``);
- Bab II: Tabel 2.1 (Renstra targets), 2.2 (PK), 2.3 (PK Perubahan, when
  present) (``tabel_2_*``);
- Bab III: Tabel 3.1.1 - 3.1.4, Gambar 3.1 - 3.7, the innovations, and
  Tabel 3.2.1 - 3.2.5 (built by :mod:`lkjip.document.bab3a`).

The frames keep full precision; the notebook formats them with
:func:`lkjip.render.notebook.show`. Display frames have no index (the indicator id
is an internal key). Chart functions (``fig_*``) draw the report's figures
from a :class:`ReportData`. :func:`write_indicators_csv` writes the data
contract's ``indicators.csv``. The lampiran helpers read the validation JSON
and the audit CSV when a run wrote them, and record provenance.

Privacy: employee names appear only when ``unit.yaml`` says
``tampilkan_nama_pegawai: true``; NIPs are masked unless ``tampilkan_nip: true``.

Contract-v2 sections (each builder returns its data or an :class:`Absent`
holding the one line that names the file which would fill it):
:mod:`~lkjip.document.profil` (Bab I: organisation, tasks, staff by golongan and
education, facilities, territory and population, strategic issues, business
processes), :mod:`~lkjip.document.renstra` (Bab I F, Bab II A),
:mod:`~lkjip.document.pk` (PK and PK Perubahan as signed, their budgets and
signing), :mod:`~lkjip.document.lampiran_dokumen` (Bab III C, Berita Acara,
Lampiran 4 and 7), :mod:`~lkjip.document.sections` (:class:`Absent`).

Modules: :mod:`~lkjip.document.data` (:func:`build_report`, :class:`ReportData`),
:mod:`~lkjip.document.staff` (Bab I B), :mod:`~lkjip.document.bab2` (Bab II tables),
:mod:`~lkjip.document.display` (shapes, short headers, display formats),
:mod:`~lkjip.document.figures` (chart adapters), :mod:`~lkjip.document.captions`
(sources and notes) and :mod:`~lkjip.document.lampiran` (appendix readers,
provenance). The notebook uses the names re-exported here.
"""

from lkjip.contract.fmt import fmt_compact
from lkjip.indicators.csv_output import indicators_csv_path, write_indicators_csv
from lkjip.document.bab2 import (
    tabel_2_1,
    tabel_pk,
)
from lkjip.document.captions import (
    catatan_perhitungan,
    renstra_note,
    sumber,
    target_document_note,
)
from lkjip.document.data import (
    ReportData,
    build_report,
)
from lkjip.document.bab3b import (
    koordinasi_rincian,
    predikat_sakip,
)
from lkjip.document.display import (
    formats,
)
from lkjip.contract.rules.bands import SAKIP_PREDIKAT as _SAKIP_PREDIKAT

#: The regulation of the SAKIP predicates (the source line of their table).
SAKIP_REGULATION = _SAKIP_PREDIKAT.regulation
from lkjip.document.numbering import (
    Caption,
    Numbering,
    Sections,
)
from lkjip.document.shown import (
    RULE_TEXT,
    shown_indicators,
)
from lkjip.document.figures import (
    fig_anggaran,
    fig_ikm,
    fig_ipasn,
    fig_paten_bulan,
    fig_paten_layanan,
    fig_sakip,
    fig_target_vs_realisasi,
    fig_tren,
    tren_frame,
)
from lkjip.document.lampiran import (
    audit_summary,
    catatan_teknis,
    provenance_tables,
    report_inputs,
    report_provenance,
    validation_summary,
)
from lkjip.document.lampiran_dokumen import (
    BeritaAcara,
    LaporanPejabat,
    TindakLanjut,
    berita_acara,
    laporan_pejabat,
    prestasi,
    printed_number,
    tindak_lanjut_evaluasi,
)
from lkjip.document.pk import (
    Penandatanganan,
    PerjanjianKinerja,
    PerubahanPK,
    penandatanganan,
    perjanjian_kinerja,
    perubahan_pk,
)
from lkjip.document.profil import (
    Organisasi,
    Penduduk,
    TugasFungsi,
    Wilayah,
    isu_strategis,
    pegawai_golongan,
    pegawai_pendidikan,
    penduduk,
    proses_bisnis,
    sarana,
    struktur_organisasi,
    tugas_fungsi,
    wilayah,
)
from lkjip.document.renstra import Renstra, renstra, renstra_target
from lkjip.document.nips import nip_notes
from lkjip.document.sections import Absent, is_absent
from lkjip.document.staff import (
    HONORER,
    JABATAN_GROUPS,
    jabatan_group,
    staff_in_post,
)

__all__ = [
    "nip_notes",
    "Absent",
    "BeritaAcara",
    "LaporanPejabat",
    "Organisasi",
    "Penandatanganan",
    "Penduduk",
    "PerjanjianKinerja",
    "PerubahanPK",
    "Renstra",
    "TindakLanjut",
    "TugasFungsi",
    "Wilayah",
    "berita_acara",
    "is_absent",
    "isu_strategis",
    "laporan_pejabat",
    "pegawai_golongan",
    "pegawai_pendidikan",
    "penandatanganan",
    "penduduk",
    "perjanjian_kinerja",
    "perubahan_pk",
    "prestasi",
    "printed_number",
    "proses_bisnis",
    "renstra",
    "renstra_target",
    "sarana",
    "struktur_organisasi",
    "tindak_lanjut_evaluasi",
    "tugas_fungsi",
    "wilayah",
    "Caption",
    "HONORER",
    "Numbering",
    "SAKIP_REGULATION",
    "Sections",
    "koordinasi_rincian",
    "predikat_sakip",
    "RULE_TEXT",
    "JABATAN_GROUPS",
    "ReportData",
    "audit_summary",
    "catatan_teknis",
    "build_report",
    "catatan_perhitungan",
    "fig_anggaran",
    "fig_ikm",
    "fig_ipasn",
    "fig_paten_bulan",
    "fig_paten_layanan",
    "fig_sakip",
    "fig_target_vs_realisasi",
    "fig_tren",
    "fmt_compact",
    "formats",
    "indicators_csv_path",
    "jabatan_group",
    "provenance_tables",
    "renstra_note",
    "shown_indicators",
    "report_inputs",
    "report_provenance",
    "staff_in_post",
    "sumber",
    "tabel_2_1",
    "tabel_pk",
    "target_document_note",
    "tren_frame",
    "validation_summary",
    "write_indicators_csv",
]
