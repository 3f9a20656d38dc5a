"""An earlier year's frames for the multi-year tables: as published when fresh, else from raw.

The audit, the LKjIP and the SAKIP analysis of a year compare it with the
years before. Those years are usually published already
(``data/processed/<unit>/<year>``, with ``run.json`` beside their reports):
reading their Parquet costs milliseconds, reading and converting their raw
files up to a second each. A published year is used only when it is exactly
what a rerun would publish now (:func:`published_frames`); otherwise the raw
files are read, so the figures are the same either way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lkjip.inputs.catalog import RUN_RECORD, processed_year_dir, reports_year_dir, year_files
from lkjip.inputs.chain import fingerprints, steps_for
from lkjip.inputs.ingest import read_year
from lkjip.inputs.published_state import Published, read_record

@dataclass
class EarlierYear:
    """An earlier year's frames for the multi-year tables, and where they come from.

    ``origin`` is ``"terbitan"`` (the published Parquet, checked fresh) or
    ``"mentah"`` (read from the raw files); ``reason`` says why the published
    data were not used (empty when they were).
    """

    frames: dict
    files: dict
    origin: str
    reason: str = ""


def published_frames(data_dir: Path, unit: str, year: int, published: Published) -> tuple[dict | None, str]:
    """The published Parquet frames of ``unit`` ``year`` when they still describe the raw data now.

    They do when the year's ``run.json`` records the input fingerprint that
    :func:`lkjip.inputs.chain.fingerprints` gives for the raw files, code and
    versions now (so a rerun would publish the same frames), and every
    Parquet file is byte for byte the one that run published (its SHA-256 in
    ``run.json``): a stale, edited, partly copied or half-swapped folder is
    never used. The bytes that are hashed are the bytes that are parsed.
    Returns ``(frames, "")`` or ``(None, why not)``.
    """
    import io

    import pandas as pd

    report = reports_year_dir(Path(published.reports), unit, year)
    folder = processed_year_dir(Path(published.processed), unit, year)
    record = read_record(report)
    if not record or not isinstance(record.get("published"), dict):
        return None, f"{unit} {year} belum terbit (tidak ada {RUN_RECORD})"
    params = record.get("parameters") if isinstance(record.get("parameters"), dict) else {}
    signing = {k: params.get(k) for k in ("final", "tanggal_tanda_tangan", "tempat")}
    now = fingerprints(Path(data_dir), unit, int(year), steps_for(unit, int(year), Path(data_dir)), pdf=False,
                       params=signing)[1]
    if record.get("fingerprint_masukan") != now:
        return None, f"terbitan {unit} {year} usang: data mentah, kode atau versi paket berubah sejak diterbitkan"
    recorded = {k[len("processed/"):]: v for k, v in record["published"].items()
                if k.startswith("processed/") and k.endswith(".parquet")}
    present = sorted(p.name for p in folder.glob("*.parquet")) if folder.is_dir() else []
    if not recorded or sorted(recorded) != present:
        return None, f"berkas Parquet terbitan {unit} {year} tidak sama dengan yang tercatat di {RUN_RECORD}"
    frames = {}
    for name in present:
        try:
            data = (folder / name).read_bytes()
        except OSError as exc:
            return None, f"{folder / name} tidak terbaca: {exc}"
        if hashlib.sha256(data).hexdigest() != recorded[name]:
            return None, f"{folder / name} berubah sejak diterbitkan"
        frames[name[:-len(".parquet")]] = pd.read_parquet(io.BytesIO(data))
    return frames, ""


def read_earlier_year(data_dir: Path, unit: str, year: int, published: Published | None = None) -> EarlierYear:
    """An earlier year's frames: the published ones when fresh (:func:`published_frames`), else the raw files.

    Reading the raw files raises as :func:`lkjip.inputs.ingest.read_year` does; the
    published frames are the frames that reading gave when they were published.
    """
    reason = "tidak ada folder terbitan"
    if published is not None:
        try:
            frames, reason = published_frames(data_dir, unit, year, published)
        except Exception as exc:  # noqa: BLE001 - an unreadable published folder: read the raw files
            frames, reason = None, f"terbitan {unit} {year} tidak terbaca: {type(exc).__name__}: {exc}"
        if frames is not None:
            return EarlierYear(frames, dict(year_files(data_dir, unit, year)), "terbitan")
    frames, files = read_year(data_dir, unit, year)
    return EarlierYear(frames, dict(files), "mentah", reason)
