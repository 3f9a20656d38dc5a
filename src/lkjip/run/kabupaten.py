"""``lkjip kabupaten``: run ``notebooks/07_kabupaten`` and publish the view atomically.

One run for one year:

1. check the parameters before anything runs (the processed folder exists,
   the units asked for exist, at least one unit has the year and the year
   before): a :class:`lkjip.errors.ConfigError` otherwise; then, under the
   view's lock, repair a publish a crash interrupted
   (:func:`lkjip.inputs.published_state.repair`, the same as ``lkjip run``) and check that
   every file the view will read has the SHA-256 its unit-year's ``run.json``
   lists (:func:`lkjip.kabupaten.load.check_published`): a file edited after its run fails
   the whole view with a :class:`lkjip.errors.DataError` naming it (exit 2);
2. read each unit's ``unit.yaml`` once for its name (:func:`~lkjip.kabupaten.display.unit_names`)
   and pass the names to the notebook, which reads the units' published
   processed data once (:func:`lkjip.kabupaten.load_kabupaten`, each file
   checked against its ``run.json`` again as it is read);
3. execute the notebook with papermill in one kernel (:class:`lkjip.run.kernels.KernelSession`)
   into staging folders beside the published ones, export it (HTML without
   code, ``_lengkap`` HTML with code, A4 PDF: :mod:`lkjip.render.export`);
4. publish both folders together, through the journal ``lkjip run`` uses
   (:func:`lkjip.inputs.files.publish` with :func:`lkjip.inputs.published_state.journal_path`):
   a kill at any moment leaves the whole old view or the whole new one:
   ``<processed>/_kabupaten/<year>/ringkasan.csv`` and
   ``<reports>/_kabupaten/<year>/kabupaten_<year>.{html,pdf}`` (+ ``_lengkap.html``,
   the executed notebook and ``run.json``).

A failed run publishes nothing: the earlier view stays byte-identical and the
failed executed notebook is kept under ``<reports>/_kabupaten/_gagal/<year>/``.
The notebook folder, the failure folder, the run record's name and the error
line are those of :mod:`lkjip.run.pipeline`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.inputs import published_state as publishing
from lkjip.errors import ConfigError, LkjipError, OutputError, display_path
from lkjip.inputs.files import LockHeld, exclusive_lock, publish, write_text_atomic
from lkjip.inputs.catalog import KABUPATEN_DIR, RUN_RECORD
from lkjip.run.pipeline import FAILED_DIR, notebooks_dir, short_error
from lkjip.run.step_failures import disk_full, disk_full_reason, keep_failure
from lkjip.kabupaten.load import list_processed_units
from lkjip.render.export import export_html, print_pdf
from lkjip.render.layout_memory import chapters_recorded

NOTEBOOK = "07_kabupaten.ipynb"
TITLE = "Kinerja Perangkat Daerah"


class KabupatenRunFailed(LkjipError):
    """The notebook or an export failed; the message names the kept notebook."""

    exit_code = 2


@dataclass(frozen=True)
class KabupatenRun:
    """A published kabupaten view: where its report and ringkasan.csv are."""

    year: int
    units: list[str]
    report_dir: Path
    ringkasan: Path
    seconds: float
    #: what the run repaired before it ran, in words (also given to ``progress``)
    notes: list[str] = field(default_factory=list)


def final_dirs(year: int, processed_dir: Path, reports_dir: Path) -> tuple[Path, Path]:
    """``(<processed>/_kabupaten/<year>, <reports>/_kabupaten/<year>)``."""
    return (Path(processed_dir) / KABUPATEN_DIR / str(int(year)),
            Path(reports_dir) / KABUPATEN_DIR / str(int(year)))


def plan_units(year: int, processed_dir: Path, units: Iterable[str] | None = None) -> list[str]:
    """The units the view compares: those with published processed data for
    ``year`` and ``year - 1`` (folder listing only, nothing is read).

    A missing folder, an unknown unit or no comparable unit is a
    :class:`ConfigError` that says what exists.
    """
    year = int(year)
    root = Path(processed_dir)
    if not root.is_dir():
        raise ConfigError(f"Folder data olahan {display_path(root)} tidak ada; jalankan dulu "
                          "`lkjip run` untuk setiap unit.")
    found = list_processed_units(root)
    if units is not None:
        wanted = sorted({u.strip() for u in units if u.strip()})
        unknown = [u for u in wanted if u not in found]
        if unknown:
            raise ConfigError(f"Unit {', '.join(unknown)} tidak ada di {display_path(root)}. "
                              f"Unit yang ada: {', '.join(found) or '(tidak ada)'}")
        found = {u: found[u] for u in wanted}
    chosen = [u for u, years in found.items() if year in years and year - 1 in years]
    if not chosen:
        have = "; ".join(f"{u}: {', '.join(map(str, y)) or '-'}" for u, y in found.items()) or "(tidak ada unit)"
        raise ConfigError(f"Tidak ada unit dengan data olahan tahun {year} dan {year - 1} di "
                          f"{display_path(root)} (tahun yang ada: {have}). Jalankan dulu `lkjip run`.")
    return chosen


def run_kabupaten(year: int, *, data_dir: Path, processed_dir: Path, reports_dir: Path,
                  units: Iterable[str] | None = None, pdf: bool = True,
                  progress: Callable[[str], None] | None = None) -> KabupatenRun:
    """Run the kabupaten view of ``year`` and publish it (see the module docstring)."""
    from lkjip.kabupaten.display import unit_names  # deferred: imports matplotlib
    from lkjip.run.kernels import KernelSession  # deferred: looked up per call (tests/e2e replace it)

    say = progress or (lambda message: None)
    started = time.perf_counter()
    started_at = dt.datetime.now().astimezone().replace(microsecond=0)
    year = int(year)
    data_dir, processed_dir, reports_dir = (Path(p).resolve() for p in (data_dir, processed_dir, reports_dir))
    wanted = None if units is None else list(units)
    compared = plan_units(year, processed_dir, wanted)
    found = sorted(set(compared) | set(wanted or []))
    names, kabupaten_name = unit_names(data_dir, found)
    final_out, final_report = final_dirs(year, processed_dir, reports_dir)
    for folder in (final_out.parent, final_report.parent):
        folder.mkdir(parents=True, exist_ok=True)
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(exclusive_lock(final_report.parent / f".{year}.lock"))
    except LockHeld:
        raise ConfigError(f"kabupaten {year}: sedang dijalankan oleh proses lain") from None
    # Fixed staging names (under the lock) keep the paths the notebook records
    # the same from run to run, so the same data give the same report.
    stage_report = final_report.parent / f".{year}-staging"
    stage_out = final_out.parent / f".{year}-staging"
    try:
        try:  # an interrupted publish first: the whole old view or the whole new one, no leftovers
            notes = [f"kabupaten {year}: {n}" for n in publishing.repair(final_report, final_out)]
        except OSError as exc:
            raise OutputError.from_os_error(exc) from None
        for note in notes:
            say(note)
        from lkjip.kabupaten.load import check_published  # deferred: looked up per call (tests/e2e replace it)

        check_published(processed_dir, reports_dir, compared, year)
        for folder in (stage_report, stage_out):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        (stage_report / "notebooks").mkdir()
        parameters = {
            "year": year, "units": ",".join(wanted) if wanted is not None else None,
            "data_dir": str(data_dir), "processed_dir": str(processed_dir),
            "published_reports_dir": str(reports_dir),
            "output_dir": str(stage_out), "report_dir": str(stage_report),
            "run_started": started_at.isoformat(), "names": names, "kabupaten_name": kabupaten_name,
        }
        executed = stage_report / "notebooks" / NOTEBOOK
        say(f"kabupaten {year}: {len(compared)} unit ({', '.join(compared)})")
        try:
            with KernelSession(notebooks_dir()) as session:
                session.execute(notebooks_dir() / NOTEBOOK, executed, parameters,
                                shown_folders={str(stage_out): str(final_out), str(stage_report): str(final_report)})
            say(f"kabupaten {year}: ekspor")
            # the chapters the last published view printed unchanged keep their page decisions
            # (lkjip.render.layout_memory), as in `lkjip run`; the PDF is the one a print without them makes
            last = publishing.layout_records(publishing.read_record(final_report))
            layouts = _export(executed, stage_report, year, kabupaten_name, pdf=pdf, memory=last)
        except Exception as exc:
            failed_dir = final_report.parent / FAILED_DIR / str(year)
            kept, not_kept = keep_failure(stage_report, failed_dir)
            where = (f"notebook yang gagal: {kept}" if kept is not None else
                     f"notebook yang gagal tidak dapat disimpan di {display_path(failed_dir)}: "
                     + (disk_full_reason(display_path(failed_dir.parent)) if disk_full(not_kept)
                        else short_error(not_kept)))
            raise KabupatenRunFailed(f"kabupaten {year}: GAGAL: {short_error(exc)}\n  {where}") from None
        record = {"year": year, "units": compared, "pdf": pdf, "run_started": started_at.isoformat(),
                  # the PDF's page count and the layout rules it breaks (lkjip.render.printcheck.findings)
                  "tata_letak_pdf": layouts,
                  # what this run publishes, file by file (as `lkjip run` records it)
                  "published": publishing.published_digest(stage_report, stage_out),
                  "parameters": {k: v for k, v in parameters.items()
                                 if k not in ("output_dir", "report_dir", "names", "published_reports_dir")}}
        write_text_atomic(stage_report / RUN_RECORD, json.dumps(record, indent=2, sort_keys=True) + "\n")
        # both folders change together, in the journaled publish of `lkjip run`
        publish([(stage_out, final_out), (stage_report, final_report)],
                journal=publishing.journal_path(final_report))
    finally:
        shutil.rmtree(stage_report, ignore_errors=True)
        shutil.rmtree(stage_out, ignore_errors=True)
        lock.close()
    return KabupatenRun(year, compared, final_report, final_out / "ringkasan.csv",
                        time.perf_counter() - started, notes)


def _export(executed: Path, stage_report: Path, year: int, kabupaten_name: str | None, *,
            pdf: bool, memory: dict | None = None) -> dict[str, dict]:
    """Write the view's HTML (without and with code) and, with ``pdf``, its PDF; return
    ``{PDF file name: layout record}``. ``memory`` holds the layout records of the last print
    (``{PDF file name: record}``, run.json ``tata_letak_pdf``)."""
    where = kabupaten_name or "Kabupaten"
    title = f"{TITLE} {where} {year}"
    base = stage_report / f"kabupaten_{year}"
    html = export_html(executed, base.with_suffix(".html"), include_code=False, title=title)
    export_html(executed, base.with_name(base.name + "_lengkap.html"), include_code=True, title=title)
    if pdf:
        cover = {"document": "Kinerja Perangkat Daerah", "year": year, "unit": where}
        pdf_path = base.with_suffix(".pdf")
        printed = print_pdf(html, pdf_path, title=title, cover=cover,
                            running_title=f"Kinerja Perangkat Daerah · {where} {year}",
                            memory=chapters_recorded(memory, pdf_path.name))
        return {printed.path.name: printed.layout}
    return {}
