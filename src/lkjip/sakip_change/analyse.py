"""The whole SAKIP change analysis for the notebook: :func:`analyse`.

A year that cannot be analysed gives a clear message instead of an
exception. The only reading helper, :func:`collect_inputs`, takes the reader
functions as arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

import pandas as pd

from lkjip.sakip_change.draft import narrative
from lkjip.sakip_change.factors import Drivers, drivers
from lkjip.sakip_change.score_change import Decomposition, SakipChangeError, decomposition, default_years
from lkjip.sakip_change.stake import PointsAtStake, points_at_stake
from lkjip.contract.fmt import fmt_number, fmt_signed
from lkjip.contract.markup import md_text

# --------------------------------------------------------------------------
# Whole analysis for the notebook
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SakipChangeAnalysis:
    """Everything the notebook shows. ``ok`` False: only ``pesan`` is meaningful."""

    ok: bool
    pesan: str
    tahun_awal: int | None = None
    tahun_akhir: int | None = None
    dekomposisi: Decomposition | None = None
    poin: PointsAtStake | None = None
    pendorong: Drivers | None = None
    narasi: str = ""
    catatan: list[str] = field(default_factory=list)


def collect_inputs(years: Iterable[int], current_year: int,
                   read_current: Callable[[int], Mapping[str, pd.DataFrame]],
                   read_other: Callable[[int], Mapping[str, pd.DataFrame]]
                   ) -> tuple[dict[int, dict[str, pd.DataFrame]], list[str]]:
    """Frames of every year up to ``current_year``, read with the given readers.

    A year that cannot be read is left out with a message (Bahasa
    Indonesia) instead of an exception, so the notebook shows what it can.
    """
    frames: dict[int, dict[str, pd.DataFrame]] = {}
    messages: list[str] = []
    for y in sorted({int(y) for y in years} | {int(current_year)}):
        if y > int(current_year):
            continue
        try:
            got = dict((read_current if y == int(current_year) else read_other)(y) or {})
        except Exception as exc:  # noqa: BLE001 - a broken year must not stop the analysis
            messages.append(f"Data tahun {y} tidak dapat dibaca: {exc}")
            continue
        if not got and y == int(current_year):
            messages.append(f"Data olahan tahun {y} tidak ditemukan; jalankan pembacaan data "
                            "(ingest) lebih dahulu.")
        frames[y] = got
    return frames, messages


def analyse(frames_by_year: Mapping[int, Mapping[str, pd.DataFrame]],
            targets: pd.DataFrame | None = None, year: int | None = None,
            compare_year: int | None = None, unit_name: str | None = None,
            messages: Iterable[str] = ()) -> SakipChangeAnalysis:
    """The whole comparison; never raises for missing years (``ok=False`` + message)."""
    def get(name: str) -> dict[int, pd.DataFrame | None]:
        return {int(y): f.get(name) for y, f in frames_by_year.items()}

    sakip = get("sakip_evaluasi")
    msgs = list(messages)
    try:
        y0, y1 = default_years(sakip, year, compare_year)
    except SakipChangeError as exc:
        return SakipChangeAnalysis(False, md_text(str(exc)), catatan=msgs)
    dec = decomposition(sakip[y0], sakip[y1], y0, y1)
    stake = points_at_stake(sakip[y0], sakip[y1], y0, y1)
    drv = drivers(y0, y1, sakip=sakip, pegawai=get("pegawai"), anggaran=get("anggaran"),
                  targets=targets)
    text = narrative(dec, stake, drv, unit_name)
    msg = (f"Perbandingan nilai SAKIP {y0} dan {y1}: {fmt_number(dec.nilai_awal)} menjadi "
           f"{fmt_number(dec.nilai_akhir)} ({fmt_signed(dec.perubahan)} poin).")
    return SakipChangeAnalysis(True, msg, y0, y1, dec, stake, drv, text,
                               msgs + dec.catatan + drv.catatan)
