"""Whole synthetic units (``unit.yaml``, targets, published figures, every dataset of every year).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from lkjip.contract.rules import IKM_SCALE
from lkjip.synth.common import (
    _S_BUDGET,
    _S_COORD,
    _S_INNOV,
    _S_PATEN,
    _S_SAKIP,
    _S_STAFF,
    _S_SURVEY,
    FORMATS,
    XLSX_MAX_ROWS,
    _rng,
    _write_frame,
    parse_years,
)
from lkjip.synth.datasets import _budget, _inovasi, _koordinasi, _paten, _pegawai, _plan, _sakip, _targets, _unit_yaml
from lkjip.synth import story
from lkjip.synth.survey import _write_survey
from lkjip.synth.dinas import is_dinas, make_dinas
from lkjip.synth.sakip_opd import write_sakip_opd


def make_unit(out_dir: Path, index: int, *, years: list[int], respondents: int, seed: int = 1,
              fmt: str = "csv") -> Path:
    """Write the ``index``-th synthetic unit (1-based) under ``out_dir``; return its folder."""
    if fmt not in FORMATS:
        raise ValueError(f"format harus salah satu dari {', '.join(FORMATS)}: {fmt!r}")
    if fmt == "xlsx" and respondents > XLSX_MAX_ROWS:
        raise ValueError(f"survei .xlsx dibatasi {XLSX_MAX_ROWS} responden; pakai CSV untuk {respondents}")
    years = parse_years(years)
    plan = _plan(index, seed, years[0])
    folder = Path(out_dir) / plan.code
    folder.mkdir(parents=True, exist_ok=True)
    text = (f"# {plan.name}: synthetic data written by lkjip.synth (seed {seed}); not a real unit.\n"
            + yaml.safe_dump(_unit_yaml(plan), sort_keys=False, allow_unicode=True, width=120))
    (folder / "unit.yaml").write_text(text, encoding="utf-8")
    _write_frame(_targets(plan, years, seed), folder / f"targets.{fmt}")

    published = []
    for year in years:
        ydir = folder / str(year)
        survey = _write_survey(ydir / f"ikm_survei.{fmt}", respondents, year,
                               _rng(seed, index, year, _S_SURVEY), plan.survey)
        _write_frame(_paten(plan, year, _rng(seed, index, year, _S_PATEN)), ydir / f"paten_layanan.{fmt}")
        anggaran, lra, pagu, real = _budget(plan, year, _rng(seed, index, year, _S_BUDGET), years[0])
        _write_frame(anggaran, ydir / f"anggaran.{fmt}")
        _write_frame(lra, ydir / f"lra.{fmt}")
        pegawai, ip = _pegawai(plan, year, years[0], _rng(seed, index, year, _S_STAFF))
        _write_frame(pegawai, ydir / f"pegawai.{fmt}")
        sakip, sakip_total = _sakip(plan, year, years[0], _rng(seed, index, year, _S_SAKIP))
        _write_frame(sakip, ydir / f"sakip_evaluasi.{fmt}")
        _write_frame(_koordinasi(plan, year, _rng(seed, index, year, _S_COORD)), ydir / f"koordinasi.{fmt}")
        inovasi, active = _inovasi(plan, year, _rng(seed, index, year, _S_INNOV))
        _write_frame(inovasi, ydir / f"inovasi.{fmt}")

        source = f"LKjIP {plan.name} {year}, Tabel 3.1.1 (sintetis)"
        counts = survey["counts"]
        if respondents and (counts > 0).all():
            ikm = float((survey["sums"] / counts).mean() * IKM_SCALE)
            published.append([year, "ikm", story.printed_ikm(ikm, index, year, years[0]), source, "realisasi"])
        published.append([year, "sakip", sakip_total, source, "realisasi"])
        published.append([year, "realisasi_anggaran_pct", round(real / pagu * 100, 2), source, "realisasi"])
        published.append([year, "ip_asn", round(ip, 2), source, "realisasi"])
        published.append([year, "jumlah_inovasi", active, source, "realisasi"])
    for row in published:
        if not isinstance(row[2], str):
            row[2] = str(row[2]) if isinstance(row[2], int) else f"{row[2]:.2f}"
    frame = pd.DataFrame(published, columns=["tahun", "indikator", "nilai", "sumber", "ukuran"])
    _write_frame(frame, folder / f"published.{fmt}")
    return folder


def make_units(out_dir: Path, *, units: int, years: list[int], respondents: int, seed: int = 1,
               fmt: str = "csv", iku_campuran: bool = False) -> list[Path]:
    """Write ``units`` synthetic units (``synth01``, ``synth02``, ...) under ``out_dir``.

    Each unit gets unit.yaml, targets, published and, for every year, the
    eight datasets with ``respondents`` survey rows. With ``iku_campuran`` the
    even-numbered units are dinas declaring their own IKU (:mod:`lkjip.synth.dinas`);
    the odd ones are the same kecamatan as without it. Returns the unit folders.
    """
    if units < 1:
        raise ValueError("units harus >= 1")
    if respondents < 0:
        raise ValueError("respondents harus >= 0")

    folders = [make_dinas(out_dir, i, years=years, seed=seed, fmt=fmt) if iku_campuran and is_dinas(i) else
               make_unit(out_dir, i, years=years, respondents=respondents, seed=seed, fmt=fmt)
               for i in range(1, units + 1)]
    kinds = {f.name: "dinas" if iku_campuran and is_dinas(i) else "kecamatan"
             for i, f in enumerate(folders, start=1)}
    write_sakip_opd(out_dir, folders, parse_years(years), kinds)  # the kabupaten's published SAKIP
    return folders


def synth_main(units: int, years_text: str, respondents: int, out: Path, seed: int = 1,
               fmt: str = "csv", iku_campuran: bool = False) -> list[Path]:
    """What ``lkjip synth --units N --years A-B --respondents R --out DIR --seed S [--iku-campuran]`` runs."""
    return make_units(Path(out), units=int(units), years=parse_years(years_text),
                      respondents=int(respondents), seed=int(seed), fmt=fmt, iku_campuran=bool(iku_campuran))
