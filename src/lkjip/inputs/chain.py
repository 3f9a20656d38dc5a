"""The notebook chain of a unit-year: its steps, where their notebooks live, and the fingerprint of
everything a unit-year's reports depend on.

The chain is declared here, below every stage, because more than the orchestrator needs it: a
published year is reused as an earlier year only when its recorded fingerprint is the one the
chain gives now (:mod:`lkjip.inputs.earlier_years`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from lkjip.inputs import provenance, snapshot
from lkjip.errors import DataError, DataErrors
from lkjip.inputs.catalog import list_years, project_root
from lkjip.inputs.narasi import parse_narasi
from lkjip.inputs.project import project_files

#: Environment variable naming another notebooks folder (tests, a customised project).
NOTEBOOK_DIR_ENV = "LKJIP_NOTEBOOKS"


@dataclass(frozen=True)
class Step:
    """One notebook of the chain and what to make of it.

    ``report`` names the rendered document (``None`` = only the executed
    notebook is kept); ``needs_previous_year`` skips the step for the first
    year of a unit; ``needs_dataset`` skips it for a unit-year without that dataset (and, with
    ``needs_previous_year``, without it in an earlier year too): a dinas without SAKIP evaluation
    data has no SAKIP change to analyse. ``ignores`` names the unit's files (any year) the step
    never reads: editing only those does not rerun it (:func:`step_fingerprints`); every other input
    file, its own notebook, the package's code and the parameters are what it reads. ``narasi_sections``
    names the sections of ``narasi.md`` a step reads when it reads only some: editing another section
    does not rerun it. ``landscape`` prints the PDF on A4 landscape pages throughout.
    """

    notebook: str
    title: str
    report: str | None = None
    pdf: bool = False
    needs_previous_year: bool = False
    ignores: tuple[str, ...] = ()
    needs_dataset: str | None = None
    narasi_sections: tuple[str, ...] = ()
    landscape: bool = False


#: The analyst's narrative: read by the LKjIP step only, which also checks its sections and records that
#: check in the run's validation report (lkjip.run.narasi_check); ``lkjip validate`` checks it too.
NARASI = "narasi.md"

STEPS: tuple[Step, ...] = (
    Step("01_ingest.ipynb", "Pembacaan Data", ignores=(NARASI,)),
    Step("02_validasi.ipynb", "Validasi Data", report="validasi", ignores=(NARASI,)),
    Step("03_indikator.ipynb", "Indikator Kinerja Utama", report="indikator", ignores=(NARASI,)),
    # The audit runs before the report, whose appendix summarises it.
    # The auditor's working paper: landscape, so that its findings tables (both documents' places, three
    # amounts, an explanation) hold every amount unbroken.
    Step("04_audit.ipynb", "Audit Angka yang Dipublikasikan", report="audit", pdf=True, ignores=(NARASI,),
         landscape=True),
    Step("05_lkjip.ipynb", "Laporan Kinerja Instansi Pemerintah", report="lkjip", pdf=True),
    # quotes the unit's causes (hambatan.sakip) and ties its recommendations to the LKjIP's Saran
    Step("06_analisis_sakip.ipynb", "Analisis Perubahan Nilai SAKIP", report="analisis_sakip", pdf=True,
         needs_previous_year=True, needs_dataset="sakip_evaluasi", narasi_sections=("hambatan.sakip", "saran")),
)


def _sections_hash(path: str, file_hash: str, keys: tuple[str, ...]) -> str:
    """The hash of the ``keys`` sections of the narrative at ``path`` (relative to ``/``, as a snapshot names
    it): their text and draft mark. The whole file's hash when it cannot be read or parsed (the step then
    reruns on any edit, and meets the error itself)."""
    try:
        narasi = parse_narasi(Path("/", path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, DataError, DataErrors):
        return file_hash
    chosen = {k: [narasi.get(k), narasi.is_draft(k)] for k in keys}
    return "sections:" + hashlib.sha256(json.dumps(chosen, sort_keys=True).encode("utf-8")).hexdigest()


def notebooks_dir() -> Path:
    """Where the chain's notebooks are: ``$LKJIP_NOTEBOOKS``, the project's ``notebooks/``, or the
    packaged copy (:func:`lkjip.inputs.project.project_files`; also used by ``lkjip kabupaten``)."""
    env = os.environ.get(NOTEBOOK_DIR_ENV)
    return Path(env) if env else project_files("notebooks", project_root())


def steps_for(unit: str, year: int, data_dir: Path) -> list[Step]:
    """The steps that apply to a unit-year, whether or not their notebook exists: a missing
    notebook is never skipped, the run refuses it (:func:`lkjip.run.environment.check_notebooks`)."""
    years = list_years(data_dir, unit)
    return [step for step in STEPS if _applies(step, data_dir, unit, year, years)]


def _applies(step: Step, data_dir: Path, unit: str, year: int, years: list[int]) -> bool:
    earlier = [y for y in years if y < year]
    if step.needs_previous_year and not earlier:
        return False
    if step.needs_dataset is None:
        return True
    if not _has_dataset(data_dir, unit, year, step.needs_dataset):
        return False
    return not step.needs_previous_year or any(_has_dataset(data_dir, unit, y, step.needs_dataset) for y in earlier)


def _has_dataset(data_dir: Path, unit: str, year: int, dataset: str) -> bool:
    """Whether the unit-year folder holds ``dataset`` as .csv or .xlsx (names without case, as the reader
    takes them; whether the file is readable is the reader's business)."""
    folder = Path(data_dir) / unit / str(year)
    return folder.is_dir() and any(p.is_file() and p.stem.lower() == dataset and p.suffix.lower() in (".csv", ".xlsx")
                                   for p in folder.iterdir())


def fingerprint(data_dir: Path, unit: str, year: int, steps: list[Step], *, pdf: bool | None,
                params: dict | None = None) -> str:
    """A digest of everything a unit-year's reports depend on.

    The unit's raw files (every year: the report compares years), the
    notebooks of its steps, the package's code and the expectation suites,
    the parameters (``params``: draft or final, signing date and place), and the
    versions of Python and of the packages that shape
    the output (:func:`lkjip.inputs.provenance.package_versions`: an upgraded pandas
    or WeasyPrint may change a figure or a page). Equal digests mean an
    unchanged run can be skipped. ``pdf=None`` leaves the PDF flag out: the
    digest of the inputs alone, which tells ``--no-pdf`` whether the earlier
    PDFs still describe the data.
    """
    return fingerprints(data_dir, unit, year, steps, pdf=bool(pdf), params=params)[0 if pdf is not None else 1]


def fingerprints(data_dir: Path, unit: str, year: int, steps: list[Step], *, pdf: bool,
                 params: dict | None = None) -> tuple[str, str]:
    """(:func:`fingerprint` with ``pdf``, the same without the PDF flag), the files hashed once."""
    return digests(input_snapshot(data_dir, unit, steps), unit, year, pdf=pdf, params=params)


def input_snapshot(data_dir: Path, unit: str, steps: list[Step]) -> snapshot.Snapshot:
    """Every file the unit-year's reports depend on, hashed one by one (:mod:`lkjip.inputs.snapshot`)."""
    return snapshot.take(snapshot.input_files(data_dir, unit, [notebooks_dir() / s.notebook for s in steps]))


def digests(taken: snapshot.Snapshot, unit: str, year: int, *, pdf: bool,
            params: dict | None = None) -> tuple[str, str]:
    """The fingerprints (with and without the PDF flag) of a snapshot of the inputs, the unit-year,
    the package versions and the parameters."""
    content = taken.digest()
    inputs = {"unit": unit, "year": int(year), "versions": provenance.package_versions(),
              **{k: v for k, v in (params or {}).items() if v not in (None, False)}}
    out = []
    for values in ({**inputs, "pdf": bool(pdf)}, inputs):
        text = json.dumps(values, sort_keys=True)
        out.append(hashlib.sha256(f"{content}|{text}".encode()).hexdigest())
    return out[0], out[1]


def step_fingerprints(taken: snapshot.Snapshot, steps: list[Step], unit: str, year: int, *, pdf: bool,
                      params: dict | None = None) -> dict[str, str]:
    """Per step, the fingerprint of what it reads: every input of ``taken`` but the unit's files it
    ignores and the other steps' notebooks, with the unit-year, versions, parameters and PDF flag.

    A step whose fingerprint is the one its published run recorded, and whose earlier steps are
    unchanged in what it reads, gives the same outputs: ``lkjip run`` reuses them instead of running it
    again (editing ``narasi.md`` reruns the LKjIP step and its export only, not ingest, validation,
    indicators, audit and analysis).
    """
    others = {s.notebook for s in steps}
    out = {}
    for step in steps:
        skip = set(step.ignores) | (others - {step.notebook})
        kept = {path: h for path, h in taken.hashes.items() if Path(path).name not in skip}
        if step.narasi_sections:
            kept = {path: _sections_hash(path, h, step.narasi_sections) if Path(path).name == NARASI else h
                    for path, h in kept.items()}
        out[step.notebook] = digests(snapshot.Snapshot(kept), unit, year, pdf=pdf,
                                     params={**(params or {}), "step": step.notebook})[0]
    return out
