"""The expectation suites and the Great Expectations context.

The rules live in ``expectations/<dataset>.json`` (one GX suite per dataset,
plus ``targets``), written by ``scripts/build_expectations.py``. GX is imported
lazily (it costs seconds); the ephemeral, in-memory context is built once per
process, with analytics and progress bars off, and writes nothing to disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from pathlib import Path

from lkjip.contract.lean_imports import import_lean
from lkjip.errors import ConfigError
from lkjip.inputs.project import project_files
from lkjip.validation import gx_speed
from lkjip.validation.results import ERROR, WARNING

# --------------------------------------------------------------------------- suites


def default_expectations_dir() -> Path:
    """``expectations/`` of the project, else the packaged suites (env ``LKJIP_EXPECTATIONS_DIR`` overrides;
    none is an incomplete install, :func:`lkjip.inputs.project.project_files`)."""
    env = os.environ.get("LKJIP_EXPECTATIONS_DIR")
    if env:
        return Path(env)

    return project_files("expectations")


_SUITE_CACHE: dict[Path, dict] = {}


def load_suite_dict(name: str, expectations_dir: Path | str | None = None) -> dict:
    """The suite ``expectations/<name>.json`` as a plain dict (cached by path and mtime)."""
    path = Path(expectations_dir or default_expectations_dir()) / f"{name}.json"
    if not path.exists():
        raise ConfigError(f"suite Great Expectations tidak ditemukan: {path}")
    key = path.resolve()
    mtime = path.stat().st_mtime_ns
    cached = _SUITE_CACHE.get(key)
    if cached is None or cached["mtime"] != mtime:
        data = json.loads(path.read_text(encoding="utf-8"))
        for e in data.get("expectations", []):
            meta = e.setdefault("meta", {})
            missing = {"id", "aturan", "tingkat"} - set(meta)
            if missing or meta["tingkat"] not in (ERROR, WARNING):
                raise ConfigError(f"{path}: expectation {e.get('type')} tanpa meta id/aturan/tingkat yang sah")
        # the suite's content, for keys of results computed from it (lkjip.validation.run)
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()
        cached = {"mtime": mtime, "data": data, "suites": {}, "digest": digest}
        _SUITE_CACHE[key] = cached
    return cached


def _gx_suite(cached: dict, keep: tuple[str, ...]):
    """A GX ExpectationSuite of the expectations whose ids are in ``keep`` (cached)."""
    suite = cached["suites"].get(keep)
    if suite is None:
        gx = _gx()["gx"]
        data = cached["data"]
        chosen = [json.loads(json.dumps(e)) for e in data["expectations"] if e["meta"]["id"] in keep]
        suite = gx.ExpectationSuite(name=data["name"], expectations=chosen, meta=dict(data.get("meta", {})))
        if len(suite.expectations) != len(chosen):  # GX drops an invalid expectation with a log line only
            raise ConfigError(f"suite {data['name']}: {len(chosen) - len(suite.expectations)} expectation tidak sah")
        cached["suites"][keep] = suite
    return suite


_GX_STATE: dict | None = None
_GX_LOCK = threading.Lock()


def _import_gx():
    """``great_expectations``, imported without what it never uses (:mod:`lkjip.contract.lean_imports`),
    its expectations reading their configuration once per lookup of their arguments (:mod:`lkjip.validation.gx_speed`).

    GX imports ``tqdm.auto``, which in a Jupyter kernel without ipywidgets warns "IProgress not
    found". The context's progress bars are off, so the notice is not for the reader; and when the
    import runs in the kernel's prefetch thread the notice lands in whichever cell is executing
    then. It is silenced by its message only, in the process that imports GX."""
    warnings.filterwarnings("ignore", message="IProgress not found", module="tqdm")
    gx = import_lean("great_expectations")
    from great_expectations.expectations.expectation import Expectation

    gx_speed.install(Expectation)
    return gx


def _gx() -> dict:
    """The process-wide ephemeral GX context (built on first use, once, also across threads)."""
    global _GX_STATE
    if _GX_STATE is not None:
        return _GX_STATE
    with _GX_LOCK:
        if _GX_STATE is None:
            os.environ["GX_ANALYTICS_ENABLED"] = "false"
            gx = _import_gx()
            from great_expectations.data_context.types.base import (
                DataContextConfig,
                InMemoryStoreBackendDefaults,
                ProgressBarsConfig,
            )

            config = DataContextConfig(
                store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                analytics_enabled=False,
                progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
            )
            context = gx.get_context(project_config=config, mode="ephemeral")
            source = context.data_sources.add_pandas("lkjip")
            _GX_STATE = {"gx": gx, "context": context, "source": source, "batches": {}}
    return _GX_STATE


_PREFETCH: threading.Thread | None = None


def prefetch() -> threading.Thread:
    """Start importing GX and building its context in a background thread (once per process).

    For a kernel or worker that will validate later: the import overlaps work that
    leaves the interpreter free (reading files, pandas and Arrow kernels). The
    first :func:`_gx` waits for it; an error in the thread is raised there again.
    """
    global _PREFETCH
    with _GX_LOCK:
        if _PREFETCH is None:
            def run():
                try:
                    _gx()
                except Exception:  # noqa: BLE001 - the caller's own _gx() raises it again
                    pass

            _PREFETCH = threading.Thread(target=run, name="lkjip-gx-prefetch", daemon=True)
            _PREFETCH.start()
    return _PREFETCH


def _batch_definition(name: str):
    state = _gx()
    bd = state["batches"].get(name)
    if bd is None:
        asset = state["source"].add_dataframe_asset(name)
        bd = asset.add_batch_definition_whole_dataframe("semua")
        state["batches"][name] = bd
    return bd


def _validator(name: str, data):
    """A GX validator of one in-memory batch of ``data`` (the dataset's whole-frame batch definition).

    What ``Batch.validate`` builds, made once: the batch is fetched (and GX
    fingerprints it) when the validator first runs, and reused by later runs.
    """
    from great_expectations.validator.v1_validator import Validator

    return Validator(batch_definition=_batch_definition(name), batch_parameters={"dataframe": data})
