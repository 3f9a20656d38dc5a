"""Indeks Kepuasan Masyarakat (IKM) by PermenPAN-RB 14/2017.

- NRR per unsur = sum of the answers to that unsur / number of answers to it
  (a blank is left out of that unsur only);
- NRR tertimbang = NRR x weight; the weight is exactly 1/9 by default, or the
  rounded 0,111 many tools use (``weight="0.111"``); the result says which;
- IKM = sum of NRR tertimbang (1..4); nilai IKM unit = IKM x 25; mutu from
  :data:`lkjip.contract.rules.IKM_MUTU`.

>>> import pandas as pd
>>> s = pd.DataFrame({f"u{i}": pd.array([4, 3], dtype="Int64") for i in range(1, 10)})
>>> r = compute_ikm(s)
>>> round(r.ikm, 10), round(r.ikm_x25, 10), r.mutu
(3.5, 87.5, 'B')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lkjip.errors import DataError
from lkjip.contract.rules import EPS, IKM_MUTU, IKM_SCALE, IKM_UNSUR_NAMES, KREJCIE_MORGAN
from lkjip.contract.schema import MONTH_NAMES, UNSUR

#: Optional demographic columns a breakdown is made for, when present.
DEMOGRAPHICS = ("layanan", "jenis_kelamin", "kelompok_umur", "pendidikan", "pekerjaan")
AGE_BINS = (0, 20, 30, 40, 50, 60, 200)
AGE_LABELS = ("< 20", "20 - 29", "30 - 39", "40 - 49", "50 - 59", ">= 60")


@dataclass(frozen=True)
class IkmResult:
    """IKM of one survey.

    ``unsur`` has one row per unsur: ``unsur, nama_unsur, jumlah_nilai,
    jumlah_jawaban, nrr, nrr_x25, nrr_tertimbang``.
    """

    unsur: pd.DataFrame
    responden: int
    bobot: float
    bobot_label: str
    ikm: float
    ikm_x25: float
    mutu: str | None
    kinerja: str | None


@dataclass(frozen=True)
class SampleCheck:
    """Krejcie-Morgan minimum sample against the actual respondents."""

    populasi: int
    minimum: int
    responden: int
    cukup: bool


def resolve_weight(weight: str | float = "exact") -> tuple[float, str]:
    """The NRR weight and how it is described.

    >>> resolve_weight("exact")[1], resolve_weight("0.111")
    ('1/9 (eksak)', (0.111, '0,111 (dibulatkan)'))
    """
    if weight in ("exact", "1/9", None):
        return 1.0 / 9.0, "1/9 (eksak)"
    if weight in ("0.111", "0,111", "rounded") or weight == 0.111:
        return 0.111, "0,111 (dibulatkan)"
    if isinstance(weight, (int, float)):
        return float(weight), f"{weight}"
    raise ValueError(f"bobot tidak dikenal: {weight!r} (pakai 'exact' atau '0.111')")


def check_answers(survey: pd.DataFrame) -> None:
    """Raise :class:`DataError` for a respondent with no answer at all or an
    answer outside 1..4 (validation catches these too; this is the last guard).
    """
    for u in UNSUR:
        if u not in survey.columns:
            raise DataError("ikm_survei", None, u, "kolom unsur tidak ada")
    answers = survey[list(UNSUR)]
    empty = answers.isna().all(axis=1)
    if empty.any():
        pos = empty.to_numpy().nonzero()[0][0]
        row = _row_number(survey, pos)
        raise DataError("ikm_survei", row, None,
                        "responden tidak menjawab satu unsur pun (u1..u9 kosong semua)")
    for u in UNSUR:
        col = pd.to_numeric(survey[u], errors="coerce")
        bad = col.notna() & ~col.isin([1, 2, 3, 4])
        if bad.any():
            pos = bad.to_numpy().nonzero()[0][0]
            raise DataError("ikm_survei", _row_number(survey, pos), u,
                            "nilai harus bilangan bulat 1..4", col.iloc[pos])


def _row_number(df: pd.DataFrame, pos: int) -> int | None:
    if "baris" in df.columns:
        return int(df["baris"].iloc[pos])
    return None


def nrr_per_unsur(survey: pd.DataFrame, weight: str | float = "exact") -> pd.DataFrame:
    """One row per unsur: sum, answers, NRR, NRR x 25, NRR tertimbang.

    >>> s = pd.DataFrame({f"u{i}": pd.array([4, None], dtype="Int64") for i in range(1, 10)})
    >>> s.loc[1, "u1"] = 2
    >>> nrr_per_unsur(s).loc[0, ["jumlah_nilai", "jumlah_jawaban", "nrr"]].tolist()
    [6.0, 2.0, 3.0]
    """
    w, _ = resolve_weight(weight)
    rows = []
    for u in UNSUR:
        col = pd.to_numeric(survey[u], errors="coerce").dropna().astype(float)
        n = int(col.size)
        total = float(col.sum())
        nrr = total / n if n else float("nan")
        rows.append({
            "unsur": u.upper(),
            "nama_unsur": IKM_UNSUR_NAMES[u],
            "jumlah_nilai": total,
            "jumlah_jawaban": n,
            "nrr": nrr,
            "nrr_x25": nrr * IKM_SCALE,
            "nrr_tertimbang": nrr * w,
        })
    return pd.DataFrame(rows)


def compute_ikm(survey: pd.DataFrame, weight: str | float = "exact") -> IkmResult:
    """IKM of a survey frame (``u1``..``u9``; blanks allowed, not a whole blank row).

    An unsur nobody answered makes the IKM NaN rather than silently
    re-weighting the others.
    """
    check_answers(survey)
    w, label = resolve_weight(weight)
    table = nrr_per_unsur(survey, weight)
    ikm = float(table["nrr_tertimbang"].sum(skipna=False)) if len(survey) else float("nan")
    x25 = ikm * IKM_SCALE
    return IkmResult(
        unsur=table,
        responden=int(len(survey)),
        bobot=w,
        bobot_label=label,
        ikm=ikm,
        ikm_x25=x25,
        mutu=IKM_MUTU.classify(x25),
        kinerja=IKM_MUTU.describe(x25),
    )


def minimum_sample(population: int, chi2: float = KREJCIE_MORGAN["chi2"],
                   p: float = KREJCIE_MORGAN["p"], d: float = KREJCIE_MORGAN["d"]) -> int:
    """Krejcie-Morgan minimum sample, rounded up.

    s = X² N P (1-P) / (d² (N-1) + X² P (1-P))

    >>> minimum_sample(11119), minimum_sample(10), minimum_sample(0)
    (372, 10, 0)
    """
    n = int(population)
    if n <= 0:
        return 0
    s = chi2 * n * p * (1 - p) / (d * d * (n - 1) + chi2 * p * (1 - p))
    return int(math.ceil(s - EPS))


def sample_adequacy(population: int, respondents: int) -> SampleCheck:
    """Whether the survey reached the minimum sample for ``population`` users.

    >>> sample_adequacy(11119, 654).cukup
    True
    """
    m = minimum_sample(population)
    return SampleCheck(int(population), m, int(respondents), int(respondents) >= m)


def _answers(survey: pd.DataFrame) -> pd.DataFrame:
    """The checked answers u1..u9 as floats (blank = NaN)."""
    check_answers(survey)
    return survey[list(UNSUR)].apply(pd.to_numeric, errors="coerce").astype(float)


def _group_ikm(answers: pd.DataFrame, key: pd.Series, weight) -> list[tuple[object, int, float]]:
    """``(group, respondents, IKM)`` per value of ``key`` (sorted, blank keys left out).

    The same arithmetic as :func:`compute_ikm` on each group, on all groups at
    once: the per-unsur sums of answers 1..4 are exact in floating point
    whatever the order, the division and weighting are the same operations,
    and the nine weighted NRR of a group are added as :func:`compute_ikm`
    adds them (a Series of nine), so every figure is bit-for-bit the one a
    group-by-group computation gives.
    """
    w, _ = resolve_weight(weight)
    grouped = answers.groupby(key, sort=True)
    totals, counts = grouped.sum(), grouped.count()
    sizes = grouped.size().reindex(totals.index)
    with np.errstate(invalid="ignore", divide="ignore"):
        nrr = np.where(counts.to_numpy() > 0, totals.to_numpy() / counts.to_numpy(), np.nan)
    weighted = nrr * w
    return [(k, int(n), float(pd.Series(weighted[i]).sum(skipna=False)))
            for i, (k, n) in enumerate(zip(totals.index, sizes.to_numpy()))]


def _summary_rows(groups: list[tuple[object, int, float]]) -> list[dict]:
    rows = []
    for key, responden, ikm in groups:
        x25 = ikm * IKM_SCALE
        rows.append({"kelompok": key, "responden": responden, "ikm": ikm, "ikm_x25": x25,
                     "mutu": IKM_MUTU.classify(x25)})
    return rows


def ikm_by_month(survey: pd.DataFrame, weight: str | float = "exact", *,
                 _checked: pd.DataFrame | None = None) -> pd.DataFrame:
    """IKM per month of ``tanggal``: ``bulan, nama_bulan, responden, ikm, ikm_x25, mutu``.

    Months without respondents are left out.
    """
    month = pd.to_datetime(survey["tanggal"]).dt.month
    answers = _answers(survey) if _checked is None else _checked
    rows = []
    for r in _summary_rows(_group_ikm(answers, month, weight)):
        m = int(r.pop("kelompok"))
        rows.append({"bulan": m, "nama_bulan": MONTH_NAMES[m - 1], **r})
    return pd.DataFrame(rows, columns=["bulan", "nama_bulan", "responden", "ikm", "ikm_x25", "mutu"])


def age_group(umur: pd.Series) -> pd.Series:
    """Age in years to the groups of :data:`AGE_LABELS`.

    >>> age_group(pd.Series([19, 20, 61])).tolist()
    ['< 20', '20 - 29', '>= 60']
    """
    cut = pd.cut(pd.to_numeric(umur, errors="coerce"), bins=list(AGE_BINS), right=False,
                 labels=list(AGE_LABELS))
    return cut.astype("string")


def ikm_by(survey: pd.DataFrame, column: str, weight: str | float = "exact", *,
           _checked: pd.DataFrame | None = None) -> pd.DataFrame:
    """IKM per value of ``column``: ``<column>, responden, ikm, ikm_x25, mutu``.

    Respondents who left ``column`` blank are grouped as ``"(tidak diisi)"``.
    """
    if column == "kelompok_umur":
        key = age_group(survey["umur"])
    else:
        key = survey[column].astype("string").str.strip()
    key = key.fillna("(tidak diisi)")
    answers = _answers(survey) if _checked is None else _checked
    rows = _summary_rows(_group_ikm(answers, key, weight))
    out = pd.DataFrame(rows, columns=["kelompok", "responden", "ikm", "ikm_x25", "mutu"])
    return out.rename(columns={"kelompok": column})


def ikm_breakdowns(survey: pd.DataFrame, weight: str | float = "exact") -> dict[str, pd.DataFrame]:
    """IKM by month and by every optional demographic column present.

    Keys: ``"bulan"`` (when ``tanggal`` is present) and each of
    :data:`DEMOGRAPHICS` whose source column exists (``kelompok_umur`` from
    ``umur``).
    """
    out: dict[str, pd.DataFrame] = {}
    answers = _answers(survey)  # checked and converted once for every breakdown
    if "tanggal" in survey.columns:
        out["bulan"] = ikm_by_month(survey, weight, _checked=answers)
    for col in DEMOGRAPHICS:
        source = "umur" if col == "kelompok_umur" else col
        if source in survey.columns and survey[source].notna().any():
            out[col] = ikm_by(survey, col, weight, _checked=answers)
    return out
