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
from lkjip.sakip_change.explanation import Explanation, explanation, explanation_md
from lkjip.sakip_change.lke import LkeChange, lke_change
from lkjip.sakip_change.peer import PeerContext, peer_context, unit_names
from lkjip.sakip_change.recovery import recovery
from lkjip.sakip_change.factors import Drivers, drivers
from lkjip.sakip_change.score_change import Decomposition, SakipChangeError, decomposition, default_years
from lkjip.sakip_change.stake import PointsAtStake, points_at_stake
from lkjip.contract.fmt import fmt_number, fmt_signed
from lkjip.contract.markup import md_text
from lkjip.sakip_change.timeline import post_timeline

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
    #: the unit among the kabupaten's OPD (``sakip_opd.csv``); ``konteks.ada`` False without the file
    konteks: PeerContext | None = None
    #: the unit's own causes (narasi.md ``hambatan.sakip``), each with a verdict
    penjelasan: Explanation | None = None
    #: what an analyst could add to the data: for the draft's analyst notes, never the report
    catatan_analis: list[str] = field(default_factory=list)
    #: the change criterion by criterion (method vs performance) when both years' LKE are given
    lke: LkeChange | None = None
    #: per component, the points a realistic recovery gives back and the Saran that speak to it
    pemulihan: pd.DataFrame | None = None

    @property
    def jawaban(self) -> str:
        """The answer first (Markdown): the change and the unit's causes with their verdicts."""
        if not self.ok or self.penjelasan is None or self.dekomposisi is None:
            return ""
        return explanation_md(self.penjelasan, self.dekomposisi, self.nama_unit)

    nama_unit: str | None = None


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
            messages: Iterable[str] = (), *, stated_causes: str | None = None,
            sakip_opd: pd.DataFrame | None = None, unit_code: str | None = None,
            riwayat_jabatan: pd.DataFrame | None = None,
            sakip_lke: pd.DataFrame | None = None, saran: str | None = None) -> SakipChangeAnalysis:
    """The whole comparison; never raises for missing years (``ok=False`` + message).

    ``stated_causes``: the unit's own explanation (narasi.md ``hambatan.sakip``); ``sakip_opd``:
    the kabupaten's SAKIP of every OPD (``data/raw/_kabupaten/sakip_opd.csv``), matched by
    ``unit_code`` or ``unit_name``; ``riwayat_jabatan``: the unit's post history (who held which
    post, from when to when, definitif or Plt). All optional: without them the analysis says what
    is missing. ``saran``: the Saran of the unit's LKjIP (narasi.md ``saran``), tied to the
    components whose recovery they speak to.
    """
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
    own = dict(zip(dec.komponen["komponen"], dec.komponen["perubahan"]))
    ctx = peer_context(sakip_opd, unit_names(unit_code or "", unit_name), y0, y1, own)
    vac = drv.kekosongan.get(y1)
    lke = None
    if sakip_lke is not None and len(sakip_lke):
        have = {int(t) for t in sakip_lke["tahun"].dropna()}
        if {y0, y1} <= have:
            lke = lke_change(sakip_lke[sakip_lke["tahun"] == y0], sakip_lke[sakip_lke["tahun"] == y1], y0, y1)
        else:
            msgs.append(f"Lembar kerja evaluasi (LKE) tidak ada untuk tahun "
                        f"{' dan '.join(str(y) for y in (y0, y1) if y not in have)}: perubahan per kriteria "
                        "tidak dapat dihitung.")
    exp = explanation(stated_causes, dec, ctx, vac, riwayat_jabatan, lke)
    analyst = [n for v in drv.kekosongan.values() for n in v.catatan_analis]
    if riwayat_jabatan is not None and len(riwayat_jabatan):
        for post in dict.fromkeys(riwayat_jabatan["jabatan"]):
            t = post_timeline(riwayat_jabatan, post, y1)
            if t.tidak_diketahui:  # what the analyst can fill in, never said in the reader's text
                analyst.append(f"Riwayat jabatan {post}: terisi atau kosong pada {t.tidak_diketahui_teks} {y1} "
                               "tidak diketahui; isi kolom mulai dan selesai di riwayat_jabatan.csv dari SK "
                               "pelantikan agar bulan tanpa pejabat definitif dapat dihitung.")
    if sakip_opd is None:
        analyst.append("Data nilai SAKIP OPD kabupaten tidak ada: isi data/raw/_kabupaten/sakip_opd.csv "
                       "agar perubahan unit dapat dibandingkan dengan OPD lain.")
    if not exp.ada:
        analyst.append("Narasi LKjIP (narasi.md, bagian hambatan.sakip) tidak memuat sebab perubahan "
                       "nilai SAKIP menurut unit.")
    return SakipChangeAnalysis(True, msg, y0, y1, dec, stake, drv, text,
                               msgs + dec.catatan + drv.catatan, ctx, exp,
                               list(dict.fromkeys(analyst)), lke, recovery(dec, ctx, saran, sakip_opd),
                               unit_name)
