"""The parameters cell of every notebook, defined once.

Each numbered notebook opens with a cell tagged ``parameters`` (papermill injects
the run's values after it). The cell is not typed by hand: ``make notebooks``
(``scripts/sync_notebooks.py``) writes :func:`parameters_cell` into the jupytext
source ``notebooks/NN_name.py`` and its ``.ipynb``, and fails a notebook whose
cell differs. Every line is ``name: type = default  # help``, the form papermill
reads, so ``papermill --help-notebook notebooks/05_lkjip.ipynb`` shows the type
and the help of each parameter. A type is a name papermill's pattern accepts
(letters, ``[``, ``]``, ``,``: ``Optional[str]``, never ``str | None``), which is
why the cell imports ``Optional``; the help never holds ``=`` (papermill skips
such a line).

>>> print(parameters_cell("07_kabupaten").splitlines()[1])
year: int = 2023  # tahun laporan; dibandingkan dengan tahun sebelumnya
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KABUPATEN_NOTEBOOKS", "Parameter", "parameters", "parameters_cell"]


@dataclass(frozen=True)
class Parameter:
    """One parameter: its name, its type as papermill shows it, its default (Python source) and its help."""

    name: str
    type: str
    default: str
    help: str

    def __post_init__(self):
        if not re.fullmatch(r"\w[\w\[\], ]*", self.type):
            raise ValueError(f"{self.name}: tipe {self.type!r} tidak terbaca papermill")
        if "=" in self.help or "\n" in self.help:
            raise ValueError(f"{self.name}: bantuan tidak boleh memuat '=' atau baris baru")


#: The parameters of every unit-year notebook (01-06), in order.
UNIT_YEAR = (
    Parameter("unit", "str", '"gedeg"', "kode unit (folder di data/raw)"),
    Parameter("year", "int", "2023", "tahun laporan"),
    Parameter("data_dir", "Optional[str]", "None", "bawaan: data/raw"),
    Parameter("processed_dir", "Optional[str]", "None", "bawaan: data/processed"),
    Parameter("report_dir", "Optional[str]", "None", "bawaan: reports/<unit>/<year>"),
    Parameter("run_started", "Optional[str]", "None", "waktu mulai (ISO 8601); diisi oleh `lkjip run`"),
    Parameter("final", "bool", "False", "True: versi untuk ditandatangani (`lkjip run --final`)"),
    Parameter("tanggal_tanda_tangan", "Optional[str]", "None", "bawaan: dari data (dokumen.csv baris lkjip)"),
    Parameter("tempat", "Optional[str]", "None", "bawaan: dari data (dokumen.csv, lalu kota_penetapan)"),
    Parameter("published_processed_dir", "Optional[str]", "None",
              "bawaan: data/processed (tahun-tahun lalu yang sudah terbit)"),
    Parameter("published_reports_dir", "Optional[str]", "None", "bawaan: reports"),
)

#: The parameters of the notebooks over every unit of a kabupaten.
KABUPATEN = (
    Parameter("year", "int", "2023", "tahun laporan; dibandingkan dengan tahun sebelumnya"),
    Parameter("units", "Optional[str]", "None",
              'bawaan: semua unit dengan data tahun ini dan tahun lalu; mis. "gedeg,synth01"'),
    Parameter("data_dir", "Optional[str]", "None", "bawaan: data/raw (hanya unit.yaml, untuk nama unit)"),
    Parameter("processed_dir", "Optional[str]", "None",
              "bawaan: data/processed (data terbitan unit-unit, hanya dibaca)"),
    Parameter("output_dir", "Optional[str]", "None", "bawaan: data/processed/_kabupaten/<year>"),
    Parameter("report_dir", "Optional[str]", "None", "bawaan: reports/_kabupaten/<year>"),
    Parameter("run_started", "Optional[str]", "None", "waktu mulai (ISO 8601); diisi oleh `lkjip kabupaten`"),
)

#: The notebooks that take :data:`KABUPATEN` instead of :data:`UNIT_YEAR`.
KABUPATEN_NOTEBOOKS = frozenset({"07_kabupaten"})

#: The IKM weighting (PermenPAN-RB 14/2017: 1/9 per unsur), shared by the notebooks that compute the IKM.
IKM_WEIGHT = Parameter("ikm_weight", "str", '"exact"', 'bobot NRR IKM: "exact" (1/9) atau "rounded" (0,111)')

#: Parameters a notebook adds after its standard ones.
EXTRA = {
    "03_indikator": (IKM_WEIGHT,),
    "05_lkjip": (IKM_WEIGHT,),
    "06_analisis_sakip": (
        Parameter("compare_year", "Optional[int]", "None", "bawaan: tahun sebelumnya yang punya data SAKIP"),
    ),
    "07_kabupaten": (
        Parameter("names", "Optional[dict]", "None", "kode unit -> nama; bawaan: dibaca dari unit.yaml setiap unit"),
        Parameter("kabupaten_name", "Optional[str]", "None", "bawaan: kabupaten yang disebut unit.yaml semua unit"),
        Parameter("published_reports_dir", "Optional[str]", "None",
                  "bawaan: reports (run.json tiap unit: hash setiap berkas yang dibaca)"),
    ),
}


def parameters(stem: str = "") -> tuple[Parameter, ...]:
    """The parameters of notebook ``stem`` (``05_lkjip``): the standard ones, then its own."""
    standard = KABUPATEN if stem in KABUPATEN_NOTEBOOKS else UNIT_YEAR
    return standard + EXTRA.get(stem, ())


def parameters_cell(stem: str = "") -> str:
    """The source of notebook ``stem``'s parameters cell (no trailing newline)."""
    lines = ["from typing import Optional  # untuk anotasi tipe yang dibaca `papermill --help-notebook`"]
    lines += [f"{p.name}: {p.type} = {p.default}  # {p.help}" for p in parameters(stem)]
    return "\n".join(lines)
