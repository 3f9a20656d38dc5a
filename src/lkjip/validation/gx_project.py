"""A real Great Expectations project: a file Data Context in ``gx/``, one checkpoint per dataset,
Data Docs, and the frames as the suites expect them.

lkjip validates with its own ephemeral context (:mod:`lkjip.validation.suites`); this module gives
Great Expectations users the same rules as a GX 1.x project they can run without lkjip:

- ``gx/`` (``great_expectations.yml``, ``expectations/``, ``validation_definitions/``,
  ``checkpoints/``) at the project's root, made from ``expectations/*.json`` by
  :func:`ensure_project` (``lkjip init``; the suites' only source stays ``expectations/``:
  ``gx/expectations/`` is derived, and each run rewrites it when they changed, :func:`refresh_project`). Data source ``lkjip`` (pandas), one dataframe asset and
  one whole-dataframe batch definition ``semua`` per dataset; validation definition and checkpoint
  ``<dataset>``, whose action updates Data Docs.
- ``data/processed/<unit>/<year>/gx/<dataset>.parquet``: each dataset as validated, with the helper
  columns lkjip derives (``meta.kolom_bantu`` of a suite: ``jumlah_jawaban``, ``kunci``,
  ``total_tidak_cocok``...) and the contract's optional columns (:func:`prepared_frames`), written by
  ``lkjip run``. The suites' one parameter is the report year: ``expectation_parameters={"tahun": 2023}``.
- Data Docs of the unit-year in ``reports/<unit>/<year>/validation/data_docs/`` (:func:`build_data_docs`),
  beside lkjip's own summary ``validasi.html``. GX's pages load their CSS and scripts from CDNs
  (Bootstrap, jQuery...): offline they show unstyled; lkjip's ``validasi.html`` is the offline page.

Plain GX, from the project's root::

    import great_expectations as gx, pandas as pd
    context = gx.get_context(mode="file", project_root_dir=".")
    df = pd.read_parquet("data/processed/gedeg/2023/gx/ikm_survei.parquet")
    result = context.checkpoints.get("ikm_survei").run(
        batch_parameters={"dataframe": df}, expectation_parameters={"tahun": 2023})
    context.open_data_docs()
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd

from lkjip.validation.optional_columns import PREPARE_ALL, prepare_any
from lkjip.validation.suites import _import_gx, default_expectations_dir, load_suite_dict

#: The GX project's folder at the project root (what ``gx.get_context(mode="file")`` makes).
GX_DIR = "gx"
#: Folder of a unit-year's frames as validated, under ``data/processed/<unit>/<year>/``.
FRAMES_DIR = "gx"
#: Folder of a unit-year's Data Docs, under ``reports/<unit>/<year>/validation/``.
DOCS_DIR = "data_docs"
DATASOURCE = "lkjip"
BATCH = "semua"
#: Where GX's Data Docs pages load their scripts and styles from (not lkjip's choice; offline they show unstyled).
CDN_HOSTS = ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "code.jquery.com", "stackpath.bootstrapcdn.com",
             "maxcdn.bootstrapcdn.com", "unpkg.com")
#: The digest of the suites the project was made from (rewritten when ``expectations/`` changes).
STAMP = "lkjip-suites.sha256"


def suite_names(expectations_dir: Path | str | None = None) -> list[str]:
    """Datasets with a suite in ``expectations/`` (and a preparation in lkjip), sorted."""
    folder = Path(expectations_dir or default_expectations_dir())
    return sorted(p.stem for p in folder.glob("*.json") if p.stem in PREPARE_ALL)


def prepared_frames(datasets: dict[str, pd.DataFrame], targets: pd.DataFrame | None, year: int) -> dict:
    """Each dataset of a unit-year as lkjip validates it: helper and optional columns added, rows by ``baris``."""
    frames = {}
    for name, frame in {**datasets, "targets": targets}.items():
        if isinstance(frame, pd.DataFrame) and name in PREPARE_ALL:
            frames[name] = prepare_any(name, frame, int(year)).reset_index(drop=True)
    return frames


def write_frames(frames: dict[str, pd.DataFrame], processed_year: Path) -> Path:
    """``<processed_year>/gx/<dataset>.parquet`` (one file per dataset); returns the folder."""
    folder = Path(processed_year) / FRAMES_DIR
    shutil.rmtree(folder, ignore_errors=True)  # a staging copy of the published year: no file of a dropped dataset
    folder.mkdir(parents=True)
    for name, frame in sorted(frames.items()):
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    return folder


def _suite(gx, name: str, expectations_dir) -> object:
    data = load_suite_dict(name, expectations_dir)["data"]
    chosen = [json.loads(json.dumps(e)) for e in data["expectations"]]
    return gx.ExpectationSuite(name=name, expectations=chosen, meta=dict(data.get("meta", {})))


def configure(context, names: list[str], expectations_dir=None, *, docs_action: bool = True,
              result_format: str = "SUMMARY") -> dict:
    """Data source, suites, validation definitions and checkpoints of ``names`` in ``context`` (each
    checkpoint's action updates Data Docs unless ``docs_action`` is False); returns ``{dataset: checkpoint}``."""
    gx = _import_gx()
    from great_expectations.checkpoint import UpdateDataDocsAction

    source = context.data_sources.add_or_update_pandas(DATASOURCE)
    checkpoints = {}
    for name in names:
        suite = context.suites.add_or_update(_suite(gx, name, expectations_dir))
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(BATCH)
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoints[name] = context.checkpoints.add_or_update(gx.Checkpoint(
            name=name, validation_definitions=[definition], actions=[UpdateDataDocsAction(name="data_docs")] if docs_action else [],
            result_format={"result_format": result_format}))
    return checkpoints


def _digest(names: list[str], expectations_dir) -> str:
    folder = Path(expectations_dir or default_expectations_dir())
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode() + b"\0" + (folder / f"{name}.json").read_bytes())
    return h.hexdigest()


def ensure_project(root: Path, expectations_dir=None):
    """The file Data Context of the project ``root`` (``root/gx``), made or brought up to date with
    ``expectations/`` (nothing is rewritten while the suites are unchanged); returns the context."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    gx = _import_gx()
    from filelock import FileLock

    root = Path(root)
    (root / GX_DIR / "uncommitted").mkdir(parents=True, exist_ok=True)  # GX's own folder of what is not versioned
    names = suite_names(expectations_dir)
    digest = _digest(names, expectations_dir)
    with FileLock(str(root / GX_DIR / "uncommitted" / ".lkjip.lock")):
        context = gx.get_context(mode="file", project_root_dir=str(root))
        stamp = root / GX_DIR / STAMP
        if not stamp.exists() or stamp.read_text(encoding="utf-8").strip() != digest:
            configure(context, names, expectations_dir)
            stable_ids(root / GX_DIR)
            stamp.write_text(digest + "\n", encoding="utf-8")
            context = gx.get_context(mode="file", project_root_dir=str(root))  # read back with the stable ids
    return context


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stable_ids(gx_dir: Path) -> None:
    """Give GX's random object ids (suites, expectations, assets, definitions) stable values, so that
    the same suites make the same ``gx/`` files, byte for byte (a versioned project does not change
    when nothing changed). Each id becomes a name-based UUID of where it first appears, in a sorted
    walk of the project's files; every reference to it gets the same value.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.json").write_text('{"id": "0a1b2c3d-0000-4000-8000-000000000001"}')
    >>> _ = (d / "b.yml").write_text('ref: 0a1b2c3d-0000-4000-8000-000000000001')
    >>> stable_ids(d); stable_ids(d)
    >>> (d / "b.yml").read_text() == "ref: " + json.loads((d / "a.json").read_text())["id"]
    True
    """
    import uuid

    files = sorted(p for p in Path(gx_dir).rglob("*") if p.suffix in (".json", ".yml")
                   and "uncommitted" not in p.relative_to(gx_dir).parts)
    new: dict[str, str] = {}
    for path in files:
        rel = path.relative_to(gx_dir).as_posix()
        text = path.read_text(encoding="utf-8")

        def replace(match: re.Match, rel=rel) -> str:
            old = match.group(0)
            if old not in new:
                new[old] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"lkjip-gx:{rel}#{len(new)}"))
            return new[old]

        path.write_text(_UUID.sub(replace, text), encoding="utf-8")


def refresh_project(root: Path, expectations_dir=None) -> bool:
    """Bring an existing ``root/gx`` up to date with ``expectations/`` (GX is imported only when a suite
    changed); a project without ``gx/`` is left alone (``lkjip init`` makes it). True when rewritten."""
    gx_dir = Path(root) / GX_DIR
    if not (gx_dir / "great_expectations.yml").is_file():
        return False
    stamp = gx_dir / STAMP
    digest = _digest(suite_names(expectations_dir), expectations_dir)
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return False
    ensure_project(root, expectations_dir)
    return True


def docs_context(docs_dir: Path):
    """An ephemeral context whose one Data Docs site is ``docs_dir``."""
    gx = _import_gx()
    from great_expectations.data_context.types.base import (DataContextConfig, InMemoryStoreBackendDefaults,
                                                              ProgressBarsConfig)

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        data_docs_sites={"lkjip": {
            "class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}},
    )
    return gx.get_context(project_config=config, mode="ephemeral")


def run_checkpoints(context, frames: dict[str, pd.DataFrame], year: int, expectations_dir=None, *,
                    docs_action: bool = True, result_format: str = "SUMMARY") -> dict:
    """Each frame through its checkpoint (configured here in ``context``): ``{dataset: CheckpointResult}``."""
    checkpoints = configure(context, [n for n in sorted(frames) if n in suite_names(expectations_dir)],
                            expectations_dir, docs_action=docs_action, result_format=result_format)
    return {name: checkpoint.run(batch_parameters={"dataframe": frames[name]},
                                 expectation_parameters={"tahun": int(year)})
            for name, checkpoint in checkpoints.items()}


def build_data_docs(frames: dict[str, pd.DataFrame], year: int, docs_dir: Path, expectations_dir=None) -> Path:
    """The unit-year's Data Docs in ``docs_dir`` (its ``index.html``), by the project's checkpoints.

    Published, so built from ``BOOLEAN_ONLY`` results: each rule passed or failed, and the rules' own
    text; no cell of the data reaches these pages (failing rows and values are in ``validasi.html``,
    escaped by lkjip). GX's pages load their scripts and styles from :data:`CDN_HOSTS`; its logo, an image
    from its web bucket stamped with the build time, is taken out.
    """
    docs_dir = Path(docs_dir)
    shutil.rmtree(docs_dir, ignore_errors=True)  # only this run's pages (a rerun starts from the published copy)
    docs_dir.mkdir(parents=True)
    context = docs_context(docs_dir)
    run_checkpoints(context, frames, year, expectations_dir, docs_action=False, result_format="BOOLEAN_ONLY")
    context.build_data_docs()  # once for every checkpoint (an action per checkpoint rebuilds the site each time)
    for page in docs_dir.rglob("*.html"):  # GX's logo from its web bucket, stamped with the time: not in a report
        text = page.read_text(encoding="utf-8")
        kept = _REMOTE_IMAGE.sub("", text)
        if kept != text:
            page.write_text(kept, encoding="utf-8")
    return docs_dir / "index.html"


#: A remote image in GX's page template (its logo, ``...amazonaws.com/logo-long.png?d=<time>``).
_REMOTE_IMAGE = re.compile(r"<img\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>", re.IGNORECASE)


def outcomes(results: dict) -> dict[str, bool]:
    """``{rule id: success}`` of checkpoint results (the ids are the suites' ``meta.id``)."""
    found = {}
    for result in results.values():
        for suite_result in result.run_results.values():
            for r in suite_result.results:
                found[r.expectation_config.meta["id"]] = bool(r.success)
    return found
