"""One generator per dataset of a unit-year, from the unit's plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lkjip.contract.rules import (
    INDICATOR_IDS,
    IPASN_DIMENSIONS,
    SAKIP_COMPONENT_WEIGHTS,
    SAKIP_COMPONENTS,
    SAKIP_SUBCOMPONENT_SHARES,
    SAKIP_SUBCOMPONENTS,
)
from lkjip.contract.schema import MONTHS
from lkjip.synth.common import _S_TARGETS, _S_UNIT, _nip, _person, _random_date, _ribuan, _rng, _unit_name, unit_code
from lkjip.synth import story
from lkjip.synth.survey import SurveyProfile, _survey_profile
from lkjip.synth.vocabulary import (
    _COORDINATION,
    _HONORARY_POSTS,
    _INNOVATIONS,
    _LRA_ACCOUNTS,
    _PROGRAMS,
    _RANKS,
    _SATUAN,
    _SERVICES,
    _STAFF_POSTS,
    PEMBIAYAAN,
    SASARAN,
)

# ----------------------------------------------------------------- one unit

@dataclass
class _UnitPlan:
    """What stays the same across a unit's years."""

    index: int
    code: str
    name: str
    survey: SurveyProfile
    services: list
    service_scale: float
    budget_leaves: list
    salary: float
    staff: list
    villages: int
    coordination: list
    subcomponents: bool
    sakip_level: float
    head_rank: str
    seed: int = 1


def _plan(index: int, seed: int, first_year: int) -> _UnitPlan:
    rng = _rng(seed, index, 0, _S_UNIT)
    survey = _survey_profile(rng)
    services = [s for s in _SERVICES if (s[1] >= 30 or rng.random() < 0.7)]
    scale = float(rng.uniform(0.5, 1.6))
    leaves = []
    for prog, prog_name, activities in _PROGRAMS:
        for act, act_name, subs in activities:
            for sub, sub_name, account, weight, optional in subs:
                if optional and rng.random() < 0.35:
                    continue
                leaves.append((prog, prog_name, act, act_name, sub, sub_name, account,
                               weight * float(rng.uniform(0.6, 1.5))))
    taken: set[str] = set()
    staff = []
    for jabatan, eselon in _STAFF_POSTS:
        staff.append({"nip": _nip(rng, "PNS", first_year, taken), "nama": _person(rng),
                      "jabatan": jabatan, "status": "PNS", "eselon": eselon})
    for _ in range(int(rng.integers(4, 10))):
        staff.append({"nip": _nip(rng, "PNS", first_year, taken), "nama": _person(rng, degree=rng.random() < 0.5),
                      "jabatan": "Pelaksana", "status": "PNS", "eselon": None})
    for _ in range(int(rng.integers(1, 4))):
        staff.append({"nip": _nip(rng, "PPPK", first_year, taken), "nama": _person(rng, degree=rng.random() < 0.3),
                      "jabatan": "Pelaksana (PPPK)", "status": "PPPK", "eselon": None})
    for j in rng.choice(len(_HONORARY_POSTS), size=int(rng.integers(2, 5)), replace=False):
        staff.append({"nip": None, "nama": _person(rng, degree=False), "jabatan": _HONORARY_POSTS[j],
                      "status": "honorer", "eselon": None})
    for s in staff:
        s["base"] = (float(rng.uniform(0.7, 1.0)), float(rng.uniform(0.65, 1.0)),
                     float(rng.uniform(0.7, 1.0)), float(rng.uniform(0.7, 1.0)))
    coordination = [(seksi, line) for seksi, lines in _COORDINATION for line in lines
                    if rng.random() < 0.85]
    return _UnitPlan(
        index=index, code=unit_code(index), name=_unit_name(index), survey=survey,
        services=services, service_scale=scale, budget_leaves=leaves,
        salary=float(rng.uniform(1.6e9, 3.2e9)), staff=staff, villages=int(rng.integers(8, 20)),
        coordination=coordination, subcomponents=index % 2 == 1,
        sakip_level=float(rng.uniform(0.72, 0.9)), head_rank=str(rng.choice(_RANKS)), seed=int(seed),
    )


def _unit_yaml(plan: _UnitPlan) -> dict:
    head = plan.staff[0]
    return {
        "kode": plan.code,
        "nama": plan.name,
        "kabupaten": "Kabupaten Sintetis",
        "provinsi": "Provinsi Sintetis",
        "alamat": f"Jl. Raya Sintetis No. {plan.index}",
        "pimpinan": {"nama": head["nama"], "jabatan": f"Camat Sintetis {plan.index:02d}",
                     "pangkat": plan.head_rank, "nip": head["nip"]},
        "kota_penetapan": "Sintetis",
        "tampilkan_nama_pegawai": False,
        "tampilkan_nip": False,
        "sasaran": [dict(s, indikator=list(s["indikator"])) for s in SASARAN],
        "pembiayaan": dict(PEMBIAYAAN),
    }


def _paten(plan: _UnitPlan, year: int, rng: np.random.Generator) -> pd.DataFrame:
    season = 1 + 0.25 * np.sin(np.linspace(0, 2 * np.pi, 12, endpoint=False) + rng.uniform(0, 6.3))
    miss_rate = float(rng.choice([0.0, 0.0, rng.uniform(0.0005, 0.01)]))
    rows = []
    for name, mean, _ in plan.services:
        counts = rng.poisson(mean * plan.service_scale * season)
        total = int(counts.sum())
        rows.append([name, *map(int, counts), total, int(rng.binomial(total, miss_rate))])
    frame = pd.DataFrame(rows, columns=["layanan", *MONTHS, "jumlah", "tidak_sesuai_standar"])
    total = ["JUMLAH", *(int(frame[c].sum()) for c in [*MONTHS, "jumlah", "tidak_sesuai_standar"])]
    frame.loc[len(frame)] = total
    return frame


def _budget(plan: _UnitPlan, year: int, rng: np.random.Generator, first_year: int | None = None):
    """anggaran and lra frames (amounts in whole rupiah) and the totals.

    In the year a unit loses its planning officer it absorbs less of its
    non-salary budget (:func:`lkjip.synth.story.absorption_factor`).
    """
    growth = 1 + 0.04 * (year - 2020)
    other = 0.18 * plan.salary * growth * float(rng.uniform(0.9, 1.1))
    weights = np.array([leaf[7] for leaf in plan.budget_leaves])
    non_salary = weights > 0
    shares = np.where(non_salary, weights * rng.uniform(0.8, 1.25, len(weights)), 0.0)
    shares = shares / shares.sum()
    pagu = np.where(non_salary, np.round(other * shares / 1000) * 1000,
                    np.round(plan.salary * growth * float(rng.uniform(0.95, 1.05)) / 250) * 250)
    pagu = np.maximum(pagu, 1_000_000).astype(np.int64)
    rate = np.where(rng.random(len(pagu)) < 0.3, 1.0, rng.uniform(0.82, 1.0, len(pagu)))
    rate = np.where(non_salary, rate, rng.uniform(0.88, 0.99, len(pagu)))
    if first_year is not None:
        rate = np.where(non_salary, rate * story.absorption_factor(plan.index, year, first_year), rate)
    real = np.minimum(pagu, np.floor(pagu * rate / 100) * 100).astype(np.int64)

    rows: dict[str, list] = {}
    for (prog, prog_name, act, act_name, sub, sub_name, account, _), p, r in zip(plan.budget_leaves, pagu, real):
        for code, name in ((prog, prog_name), (f"{prog}.{act}", act_name),
                           (f"{prog}.{act}.{sub}", sub_name)):
            row = rows.setdefault(code, [code, name, 0, 0])
            row[2] += int(p)
            row[3] += int(r)
    anggaran = pd.DataFrame(list(rows.values()), columns=["kode", "uraian", "pagu", "realisasi"])
    anggaran.loc[len(anggaran)] = [None, "JUMLAH", int(pagu.sum()), int(real.sum())]

    accounts = {k: [0, 0, 0] for k, _ in _LRA_ACCOUNTS}
    for leaf, p, r in zip(plan.budget_leaves, pagu, real):
        account = leaf[6]
        last = int(round(r * float(rng.uniform(0.85, 1.12)) / 1000) * 1000)
        for k in accounts:
            if account == k or account.startswith(k + "."):
                accounts[k][0] += int(p)
                accounts[k][1] += int(r)
                accounts[k][2] += last
    lra = pd.DataFrame(
        [[k, name, _ribuan(accounts[k][0], 2), _ribuan(accounts[k][1], 2), _ribuan(accounts[k][2], 2)]
         for k, name in _LRA_ACCOUNTS],
        columns=["kode_rekening", "uraian", "anggaran", "realisasi", "realisasi_tahun_lalu"])
    return anggaran, lra, int(pagu.sum()), int(real.sum())


def _pegawai(plan: _UnitPlan, year: int, first_year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, float]:
    lift = 0.01 * (year - first_year)
    dims = tuple(IPASN_DIMENSIONS)
    maxima = tuple(int(v) for v in IPASN_DIMENSIONS.values())
    rows = []
    taken = {s["nip"] for s in plan.staff if s["nip"]}
    # The unit's planning officer leaves in the event year; a successor holds the post from then on.
    planner = next(i for i, s in enumerate(plan.staff) if s["jabatan"] == story.PLANNER_POST)
    after = story.role(plan.index) == "planner" and year >= story.event_year(first_year)
    heir = story.successor(plan.seed, plan.index, first_year, maxima, set(taken)) if after else None
    if heir is not None:
        taken.add(heir.nip)
    movers, position = [], {}
    if rng.random() < 0.5:
        candidates = [i for i, s in enumerate(plan.staff) if s["status"] == "PNS" and i > 0
                      and not (after and i == planner)]
        movers = [int(rng.choice(candidates))]
    for i, s in enumerate(plan.staff):
        row = {"nip": s["nip"], "nama": s["nama"], "jabatan": s["jabatan"], "status": s["status"],
               "eselon": s["eselon"], "mulai": None, "selesai": None}
        if i in movers:
            row["selesai"] = _random_date(rng, year, 3, 10)
        if s["status"] != "honorer":
            for dim, base, top in zip(dims, s["base"], maxima):
                noise = float(rng.normal(0, 0.04))
                row[dim] = int(np.clip(round(top * min(1.0, base + lift + noise)), 0, top))
        if heir is not None and i == planner:
            successor = {**row, "nip": heir.nip, "nama": heir.nama, **dict(zip(dims, heir.scores))}
            if story.loses_planner(plan.index, year, first_year):
                rows.append({**row, "selesai": heir.left})
                rows.append({**successor, "mulai": heir.came})
            else:
                rows.append(successor)
            continue
        position[i] = len(rows)
        rows.append(row)
    for left in movers:
        start = pd.Timestamp(rows[position[left]]["selesai"]) + pd.Timedelta(days=1)
        row = {"nip": _nip(rng, "PNS", year, taken), "nama": _person(rng), "jabatan": plan.staff[left]["jabatan"],
               "status": "PNS", "eselon": plan.staff[left]["eselon"], "mulai": f"{start:%Y-%m-%d}",
               "selesai": None}
        for dim, top in zip(dims, maxima):
            row[dim] = int(np.clip(round(top * float(rng.uniform(0.7, 1.0))), 0, top))
        rows.insert(position[left] + 1, row)
    frame = pd.DataFrame(rows, columns=["nip", "nama", "jabatan", "status", "eselon", "mulai", "selesai", *dims])
    for dim in dims:
        frame[dim] = frame[dim].astype("Int64")
    asn = frame[frame["status"] != "honorer"]
    ip = float(asn[list(dims)].sum(axis=1).astype(float).mean())
    return frame, ip


def _sakip(plan: _UnitPlan, year: int, first_year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, float]:
    """The SAKIP evaluation: the unit's level (:mod:`lkjip.synth.story`) per component, with noise."""
    rows = []
    total = 0.0
    level = story.level(plan.sakip_level, plan.index, year, first_year, plan.seed)
    offsets = story.profile(plan.seed, plan.index, SAKIP_COMPONENTS)
    for comp in SAKIP_COMPONENTS:
        weight = SAKIP_COMPONENT_WEIGHTS[comp]
        shift = offsets[comp] + story.component_shift(comp, plan.index, year, first_year)
        if plan.subcomponents:
            subs = []
            for sub in SAKIP_SUBCOMPONENTS:
                bobot = weight * SAKIP_SUBCOMPONENT_SHARES[sub]
                pct = float(np.clip(level + shift + rng.normal(0, 0.02) + (0.08 if sub == "keberadaan" else 0),
                                    0.3, 1.0))
                nilai = min(bobot, round(bobot * pct, 2))
                subs.append((sub, bobot, nilai))
            comp_value = round(sum(v for _, _, v in subs), 2)
            rows.append([comp, f"{weight:.2f}".replace(".", ","), f"{comp_value:.2f}".replace(".", ","), None])
            rows.extend([comp, f"{b:.2f}".replace(".", ","), f"{v:.2f}".replace(".", ","), s] for s, b, v in subs)
        else:
            comp_value = min(weight, round(weight * float(np.clip(level + shift + rng.normal(0, 0.015), 0.3, 1.0)),
                                                 2))
            rows.append([comp, f"{weight:.2f}".replace(".", ","), f"{comp_value:.2f}".replace(".", ","), None])
        total += comp_value
    return pd.DataFrame(rows, columns=["komponen", "bobot", "nilai", "subkomponen"]), round(total, 2)


#: Range of the share of coordination results left without follow-up in a year that has some
#: (a random parameter, not a tolerance: 5e-3 is the same float as the decimal written out).
_MISSED_FOLLOW_UP = (5e-3, 0.06)


def _koordinasi(plan: _UnitPlan, year: int, rng: np.random.Generator) -> pd.DataFrame:
    miss = float(rng.choice([0.0, 0.0, rng.uniform(*_MISSED_FOLLOW_UP)]))
    rows = []
    for seksi, line in plan.coordination:
        fas = int(plan.villages * rng.integers(1, 4) + rng.integers(0, 5))
        rows.append([line, seksi, fas, fas - int(rng.binomial(fas, miss))])
    frame = pd.DataFrame(rows, columns=["uraian", "seksi", "fasilitasi", "tindak_lanjut"])
    frame.loc[len(frame)] = ["JUMLAH", None, int(frame["fasilitasi"].sum()), int(frame["tindak_lanjut"].sum())]
    return frame


def _inovasi(plan: _UnitPlan, year: int, rng: np.random.Generator) -> tuple[pd.DataFrame, int]:
    count = int(rng.integers(1, 4))
    names = rng.choice(len(_INNOVATIONS), size=count, replace=False)
    rows = []
    for k, j in enumerate(sorted(int(x) for x in names)):
        date = _random_date(rng, year, 1, 11)
        status = "nonaktif" if (count > 1 and k == count - 1 and rng.random() < 0.25) else "aktif"
        rows.append([_INNOVATIONS[j], f"188/{int(rng.integers(5, 120))}/416-{300 + plan.index}/{year}", date, status])
    frame = pd.DataFrame(rows, columns=["nama", "nomor_sk", "tanggal_sk", "status"]).sort_values(
        "tanggal_sk", kind="stable").reset_index(drop=True)
    return frame, int((frame["status"] == "aktif").sum())


def _targets(plan: _UnitPlan, years: list[int], seed: int) -> pd.DataFrame:
    rng = _rng(seed, plan.index, 0, _S_TARGETS)
    first, last = years[0], max(years[-1], years[0] + 5)
    start = {"ikm": float(rng.integers(80, 88)), "layanan_sesuai_standar_pct": float(rng.integers(85, 96)),
             "koordinasi_ditindaklanjuti_pct": float(rng.integers(85, 96)), "sakip": float(rng.integers(75, 84)),
             "realisasi_anggaran_pct": 90.0, "ip_asn": float(rng.integers(70, 82)), "jumlah_inovasi": 1.0}
    step = {"ikm": 1.0, "layanan_sesuai_standar_pct": 1.0, "koordinasi_ditindaklanjuti_pct": 1.0,
            "sakip": 0.5, "realisasi_anggaran_pct": 0.5, "ip_asn": 1.0, "jumlah_inovasi": 0.34}
    rows = []
    for ind in INDICATOR_IDS:
        for year in range(first, last + 1):
            value = start[ind] + step[ind] * (year - first)
            value = min(value, 100.0)
            value = float(int(value)) if ind == "jumlah_inovasi" else round(value, 2)
            rows.append([ind, "renstra", year, value, _SATUAN[ind]])
        for year in years:
            value = min(100.0, start[ind] + step[ind] * (year - first))
            value = float(int(value)) if ind == "jumlah_inovasi" else round(value, 2)
            rows.append([ind, "pk", year, value, _SATUAN[ind]])
    frame = pd.DataFrame(rows, columns=["indikator", "dokumen", "tahun", "target", "satuan"])
    frame["target"] = frame["target"].map(lambda v: f"{v:g}")
    return frame
