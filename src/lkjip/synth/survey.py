"""The IKM survey, generated and written column-wise (a million respondents in seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lkjip.contract.schema import UNSUR
from lkjip.synth.common import _S_SURVEY, _S_UNIT, XLSX_MAX_ROWS, _cells, _rng, _workdays, _write_xlsx
from lkjip.synth.vocabulary import _EDUCATION, _EDUCATION_P, _FEMALE, _JOBS, _JOBS_P, _MALE, _SERVICES, _SURNAMES

# ----------------------------------------------------------------- the survey

@dataclass(frozen=True)
class SurveyProfile:
    """How satisfied a unit's respondents are: ``p4`` per unsur is the chance of a 4
    for a content respondent; ``blank`` the chance a cell is left empty."""

    p4: tuple[float, ...] = (0.8, 0.8, 0.75, 0.95, 0.8, 0.72, 0.78, 0.85, 0.88)
    blank: float = 0.01
    services: tuple[str, ...] = tuple(s for s, _, offered in _SERVICES if offered)
    service_weights: tuple[float, ...] = tuple(float(m) for _, m, offered in _SERVICES if offered)


def _survey_profile(rng: np.random.Generator) -> SurveyProfile:
    base = rng.uniform(0.6, 0.88)
    p4 = np.clip(base + rng.normal(0, 0.05, len(UNSUR)), 0.4, 0.97)
    return SurveyProfile(p4=tuple(round(float(p), 4) for p in p4),
                         blank=round(float(rng.uniform(0.003, 0.015)), 4))


def _survey_columns(n: int, year: int, rng: np.random.Generator, profile: SurveyProfile):
    """The survey as column arrays: (columns dict, answers uint8 (n, 9), blank mask (n, 9))."""
    n = int(n)
    # a respondent's mood: content, neutral or unhappy; each mood has its answer distribution
    mood = rng.choice(3, size=n, p=(0.82, 0.15, 0.03)).astype(np.uint8)
    p4 = np.asarray(profile.p4)
    probs = np.empty((3, len(UNSUR), 4))
    probs[0] = np.stack([np.full_like(p4, 0.002), np.full_like(p4, 0.01), 1 - p4 - 0.012, p4], axis=1)
    probs[1] = np.stack([np.full_like(p4, 0.01), np.full_like(p4, 0.09), 0.9 - p4 * 0.5, p4 * 0.5], axis=1)
    probs[2] = np.stack([np.full_like(p4, 0.12), np.full_like(p4, 0.38), 0.4 + 0 * p4, np.full_like(p4, 0.1)], axis=1)
    cum = np.cumsum(probs, axis=2)[:, :, :3].astype(np.float32)
    draws = rng.random((n, len(UNSUR)), dtype=np.float32)
    answers = np.ones((n, len(UNSUR)), dtype=np.uint8)
    for k in range(3):  # answer = 1 + number of cumulative thresholds below the draw
        answers += draws > np.ascontiguousarray(cum[:, :, k])[mood]
    blank = rng.random((n, len(UNSUR)), dtype=np.float32) < profile.blank
    nobody = blank.all(axis=1)
    blank[nobody, 0] = False  # every respondent answers at least one unsur

    days = _workdays(year)
    tanggal = np.sort(days[rng.integers(0, len(days), n)])
    female = rng.random(n) < 0.52
    first = np.where(female, rng.integers(0, len(_FEMALE), n),
                     len(_FEMALE) + rng.integers(0, len(_MALE), n))
    has_surname = rng.random(n) < 0.6
    surname = rng.integers(0, len(_SURNAMES), n)
    weights = np.asarray(profile.service_weights)
    layanan = rng.choice(len(profile.services), size=n, p=weights / weights.sum())
    umur = np.clip(np.rint(rng.normal(40, 13, n)), 17, 80).astype(np.int16)
    pendidikan = rng.choice(len(_EDUCATION), size=n, p=_EDUCATION_P)
    pekerjaan = rng.choice(len(_JOBS), size=n, p=_JOBS_P)
    columns = {
        "tanggal": tanggal, "female": female, "first": first, "has_surname": has_surname,
        "surname": surname, "layanan": layanan, "umur": umur, "pendidikan": pendidikan,
        "pekerjaan": pekerjaan,
    }
    return columns, answers, blank


def _survey_table(columns: dict, answers: np.ndarray, blank: np.ndarray, profile: SurveyProfile):
    import pyarrow as pa
    import pyarrow.compute as pc

    given = pa.array(_FEMALE + _MALE).take(pa.array(columns["first"]))
    family = pa.array(_SURNAMES).take(pa.array(columns["surname"]))
    full = pc.binary_join_element_wise(given, family, " ")
    nama = pc.if_else(pa.array(columns["has_surname"]), full, given)
    arrays = {"tanggal": pa.array(columns["tanggal"], type=pa.date32()), "nama": nama}
    for j, u in enumerate(UNSUR):
        arrays[u] = pa.array(answers[:, j], mask=blank[:, j])
    arrays["layanan"] = pa.array(profile.services).take(pa.array(columns["layanan"]))
    arrays["jenis_kelamin"] = pc.if_else(pa.array(columns["female"]), "Perempuan", "Laki-laki")
    arrays["umur"] = pa.array(columns["umur"])
    arrays["pendidikan"] = pa.array(_EDUCATION).take(pa.array(columns["pendidikan"]))
    arrays["pekerjaan"] = pa.array(_JOBS).take(pa.array(columns["pekerjaan"]))
    return pa.table(arrays)


def _write_survey(path: Path, n: int, year: int, rng: np.random.Generator,
                  profile: SurveyProfile) -> dict:
    """Write the survey file; return the per-unsur sums and counts (for the published IKM)."""
    columns, answers, blank = _survey_columns(n, year, rng, profile)
    table = _survey_table(columns, answers, blank, profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        if n > XLSX_MAX_ROWS:
            raise ValueError(f"survei .xlsx dibatasi {XLSX_MAX_ROWS} responden; pakai CSV untuk {n}")
        frame = table.to_pandas(date_as_object=True, integer_object_nulls=True)
        _write_xlsx(list(frame.columns), (_cells(r) for r in frame.itertuples(index=False)), path)
    else:
        import pyarrow.csv as pacsv

        options = pacsv.WriteOptions(include_header=True, batch_size=65536, quoting_style="needed")
        pacsv.write_csv(table, str(path), write_options=options)
    answered = ~blank
    sums = np.where(answered, answers, 0).sum(axis=0, dtype=np.int64)
    counts = answered.sum(axis=0, dtype=np.int64)
    return {"sums": sums, "counts": counts, "respondents": int(n)}


def make_survey(path: Path, respondents: int, year: int, seed: int = 1) -> Path:
    """Write one IKM survey of ``respondents`` rows to ``path`` (.csv, or .xlsx when small).

    The data come from ``default_rng([seed, 0, year, survey])``: the same
    arguments give the same bytes. Used by the benchmarks.
    """
    if respondents < 0:
        raise ValueError("respondents harus >= 0")
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(f"{path.name}: format berkas harus .csv atau .xlsx")
    profile = _survey_profile(_rng(seed, 0, 0, _S_UNIT))
    _write_survey(path, respondents, int(year), _rng(seed, 0, year, _S_SURVEY), profile)
    return path
