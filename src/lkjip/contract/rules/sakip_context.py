"""Rules of the SAKIP change analysis against the kabupaten and the unit's own explanation.

- :data:`KABUPATEN_WIDE_SHARE`: a fall is called kabupaten-wide (a change of assessment rather than a
  local cause) when MORE than this share of the other OPD compared fell on the same component
  (or on the total, when components are not known);
- :data:`KABUPATEN_MIN_UNITS`: fewer other OPD with both years than this: no conclusion is drawn;
- :data:`STATED_CAUSE_KINDS`: words that tell which kind of cause a unit's sentence gives (first match
  wins, in this order): a staffing cause is tested with the posts' timeline, an assessment cause
  with the kabupaten's figures and the sub-components.
"""

from __future__ import annotations

KABUPATEN_WIDE_SHARE = 0.5
KABUPATEN_MIN_UNITS = 3

STATED_CAUSE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kepegawaian", ("pindah", "mutasi", "pensiun", "kekosongan", "kosong", "kasubag", "kepala sub",
                     "pejabat", "sekretaris", "pegawai", "jabatan")),
    ("penilaian", ("penilaian", "evaluator", "metode", "kriteria", "lke", "kualitas", "kelengkapan",
                   "dokumen")),
    ("anggaran", ("anggaran", "dana", "biaya")),
)

#: Words that tie a Saran (recommendation) of the LKjIP to a SAKIP component: the component's own
#: work, or a cause that acts on it (staff: the planning officer drives perencanaan and evaluasi
#: internal; more budget: every component; a budget *cut* is no recovery).
SARAN_COMPONENT_WORDS: dict[str, tuple[str, ...]] = {
    "perencanaan": ("perencanaan", "renstra", "renja", "rencana", "sasaran", "indikator", "cascading",
                    "aparatur", "pegawai", "sdm", "penambahan anggaran"),
    "pengukuran": ("pengukuran", "ukur", "data kinerja", "penambahan anggaran"),
    "pelaporan": ("pelaporan", "laporan", "lkjip", "penambahan anggaran"),
    "evaluasi_internal": ("evaluasi", "monitoring", "akip", "sakip", "aparatur", "pegawai", "sdm", "penambahan anggaran"),
}
