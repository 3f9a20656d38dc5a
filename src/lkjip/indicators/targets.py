"""Targets and achievement: effective target, capaian, kemajuan, efisiensi.

- Effective target of a year: PK Perubahan, else PK, else Renstra
  Perubahan, else Renstra (:data:`TARGET_PRECEDENCE`); the result names the
  document used.
- Capaian (%): ``r / t x 100`` when higher is better,
  ``(2t - r) / t x 100`` when lower is better; NaN when the target is 0 or
  missing.
- Capaian category: Permendagri 86/2017 (:data:`CAPAIAN_KATEGORI`).
- Tingkat kemajuan: realisasi against the Renstra *end* target (the last
  year's target of ``renstra_perubahan`` if present, else ``renstra``),
  with the same polarity rule (for higher-is-better that is
  ``realisasi / target akhir x 100``).
- A target document counts for a report only from the year it was adopted
  (``targets.csv`` column ``berlaku_mulai``, blank = every year): an
  *usulan perubahan* Renstra first proposed in 2023 is neither a 2021 target
  nor the 2021 report's Renstra end target (:func:`in_force`).
- Tingkat efisiensi: capaian (%) - penyerapan anggaran (%).

>>> round(capaian(98.31, 94.5), 4), capaian(8, 10, "lower")
(104.0317, 120.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.contract.rules import CAPAIAN_KATEGORI, BandTable, DOCUMENT_LABELS, TARGET_PRECEDENCE

RENSTRA_DOCS = ("renstra_perubahan", "renstra")

#: What readers see where a capaian cannot be computed (target 0 or missing, realisasi missing).
CAPAIAN_UNDEFINED = "tidak dapat dihitung"


@dataclass(frozen=True)
class Target:
    """A target value, the document it comes from and its year."""

    indikator: str
    tahun: int | None
    target: float
    dokumen: str | None

    @property
    def dokumen_label(self) -> str:
        return DOCUMENT_LABELS.get(self.dokumen or "", "")


def normalize_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """Lower-cased, stripped ``indikator``/``dokumen``, numeric ``tahun``/``target``."""
    df = targets.copy()
    # codes are matched without case in every file (the contract): ``IKM`` is ``ikm``
    df["indikator"] = df["indikator"].astype("string").str.strip().str.lower()
    df["dokumen"] = df["dokumen"].astype("string").str.strip().str.lower().str.replace(" ", "_")
    df["tahun"] = pd.to_numeric(df["tahun"], errors="coerce").astype("Int64")
    df["target"] = pd.to_numeric(df["target"], errors="coerce").astype(float)
    return df


def in_force(df: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The target rows whose document was adopted by ``year`` (``berlaku_mulai`` blank or at most
    ``year``); every row when ``year`` is ``None`` or the column is absent.

    >>> t = pd.DataFrame({"indikator": ["ikm", "ikm"], "dokumen": ["renstra", "renstra_perubahan"],
    ...                   "tahun": [2026, 2026], "target": [88.0, 97.5], "berlaku_mulai": [None, 2023]})
    >>> list(in_force(t, 2021)["target"]), list(in_force(t, 2023)["target"])
    ([88.0], [88.0, 97.5])
    """
    if df is None or year is None or "berlaku_mulai" not in df.columns:
        return df
    since = pd.to_numeric(df["berlaku_mulai"], errors="coerce")
    return df[since.isna() | (since <= int(year))]


def _missing(indikator: str, year: int | None) -> Target:
    return Target(indikator, year, float("nan"), None)


def effective_target(targets: pd.DataFrame, indikator: str, year: int) -> Target:
    """The target that counts for ``year`` (see module docstring).

    >>> t = pd.DataFrame({"indikator": ["ikm"] * 3, "dokumen": ["renstra", "pk", "pk_perubahan"],
    ...                   "tahun": [2023] * 3, "target": [85.0, 85.0, 94.5]})
    >>> r = effective_target(t, "ikm", 2023)
    >>> r.target, r.dokumen
    (94.5, 'pk_perubahan')
    """
    if targets is None or len(targets) == 0:
        return _missing(indikator, year)
    return effective_target_normalized(normalize_targets(targets), indikator, year)


def effective_target_normalized(df: pd.DataFrame, indikator: str, year: int) -> Target:
    """:func:`effective_target` of targets already passed through :func:`normalize_targets`
    (a loop over indicators and years normalises once)."""
    return effective_targets_of_year(df, year).get(indikator) or _missing(indikator, year)


def effective_targets_of_year(df: pd.DataFrame | None, year: int) -> dict[str, Target]:
    """``{indikator: Target}``: :func:`effective_target_normalized` of every indicator of ``year`` in one
    pass over the normalised targets (an indicator without a target is absent).

    >>> t = normalize_targets(pd.DataFrame({"indikator": ["ikm"] * 3 + ["sakip"],
    ...     "dokumen": ["renstra", "pk_perubahan", "pk", "renstra"], "tahun": [2023] * 4,
    ...     "target": [85.0, 94.5, 90.0, 84.0]}))
    >>> {k: (v.target, v.dokumen) for k, v in effective_targets_of_year(t, 2023).items()}
    {'ikm': (94.5, 'pk_perubahan'), 'sakip': (84.0, 'renstra')}
    """
    if df is None or len(df) == 0:
        return {}
    df = in_force(df, year)
    sel = df[(df["tahun"] == int(year)) & df["target"].notna()]
    rank = {doc: i for i, doc in enumerate(TARGET_PRECEDENCE)}
    best: dict[str, tuple[int, float, str]] = {}
    for ind, doc, target in zip(sel["indikator"].tolist(), sel["dokumen"].tolist(), sel["target"].tolist()):
        if not isinstance(ind, str) or not isinstance(doc, str) or doc not in rank:
            continue
        # the first document of the precedence that has the indicator; its last row
        if ind not in best or rank[doc] <= best[ind][0]:
            best[ind] = (rank[doc], target, doc)
    return {ind: Target(ind, int(year), float(target), doc) for ind, (_, target, doc) in best.items()}


def renstra_end_target(targets: pd.DataFrame, indikator: str, year: int | None = None) -> Target:
    """The Renstra end target: the last year's target of ``renstra_perubahan``
    when that document exists for the indicator, else of ``renstra``; with
    ``year``, only the documents in force in that year (:func:`in_force`).

    >>> t = pd.DataFrame({"indikator": ["ikm"] * 3,
    ...                   "dokumen": ["renstra", "renstra", "renstra_perubahan"],
    ...                   "tahun": [2025, 2026, 2026], "target": [87.0, 88.0, 97.5]})
    >>> renstra_end_target(t, "ikm").target
    97.5
    """
    if targets is None or len(targets) == 0:
        return _missing(indikator, None)
    df = in_force(normalize_targets(targets), year)
    sel = df[(df["indikator"] == indikator) & df["target"].notna() & df["tahun"].notna()]
    for doc in RENSTRA_DOCS:
        rows = sel[sel["dokumen"] == doc]
        if len(rows):
            last = rows[rows["tahun"] == rows["tahun"].max()]
            return Target(indikator, int(last["tahun"].iloc[-1]), float(last["target"].iloc[-1]), doc)
    return _missing(indikator, None)


def capaian(realisasi: float, target: float, polarity: str = "higher", lower_rule: str = "selisih") -> float:
    """Achievement in % (see module docstring).

    Lower-is-better indicators use ``(2t - r) / t x 100`` (``lower_rule="selisih"``, the default of
    Permendagri 86/2017's worked examples) or ``t / r x 100`` (``"rasio"``, chosen in unit.yaml by
    ``capaian_turun: rasio``). A target of 0 (or a realisation of 0 under ``rasio``) has no capaian.

    >>> round(capaian(86.13, 87.5), 4)
    98.4343
    >>> round(capaian(88.5, 92.0, "lower"), 2), round(capaian(88.5, 92.0, "lower", "rasio"), 2)
    (103.8, 103.95)
    """
    if realisasi is None or target is None or pd.isna(realisasi) or pd.isna(target) or target == 0:
        return float("nan")
    r, t = float(realisasi), float(target)
    if polarity == "higher":
        return r / t * 100.0
    if polarity == "lower":
        if lower_rule == "rasio":
            return t / r * 100.0 if r != 0 else float("nan")
        if lower_rule != "selisih":
            raise ValueError(f"capaian_turun tidak dikenal: {lower_rule!r} (selisih/rasio)")
        return (2.0 * t - r) / t * 100.0
    raise ValueError(f"polaritas tidak dikenal: {polarity!r} (higher/lower)")


def capaian_category_text(value: float, bands: BandTable | None = None) -> str:
    """The category as readers see it: :data:`CAPAIAN_UNDEFINED` instead of an empty one.

    >>> capaian_category_text(104.0), capaian_category_text(float("nan"))
    ('Sangat Tinggi', 'tidak dapat dihitung')
    """
    return capaian_category(value, bands) or CAPAIAN_UNDEFINED


def capaian_category(value: float, bands: BandTable | None = None) -> str | None:
    """The category of a capaian %: by ``bands`` (the unit's ``kategori_capaian``), Permendagri
    86/2017 by default.

    >>> capaian_category(90), capaian_category(90.5), capaian_category(91), capaian_category(50)
    ('Tinggi', 'Tinggi', 'Sangat Tinggi', 'Sangat Rendah')
    """
    return (bands or CAPAIAN_KATEGORI).classify(value)


def tingkat_kemajuan(realisasi: float, end_target: float, polarity: str = "higher") -> float:
    """Progress towards the Renstra end target, in %.

    >>> round(tingkat_kemajuan(86.13, 88), 4)
    97.875
    """
    return capaian(realisasi, end_target, polarity)


def tingkat_efisiensi(capaian_pct: float, penyerapan_pct: float) -> float:
    """Capaian kinerja (%) minus penyerapan anggaran (%); NaN if either is missing.

    >>> round(tingkat_efisiensi(102.99, 94.37), 2)
    8.62
    """
    if capaian_pct is None or penyerapan_pct is None or pd.isna(capaian_pct) or pd.isna(penyerapan_pct):
        return float("nan")
    return float(capaian_pct) - float(penyerapan_pct)


def target_years(targets: pd.DataFrame) -> list[int]:
    """All years that have a target, ascending."""
    if targets is None or not len(targets):
        return []
    return sorted(int(y) for y in normalize_targets(targets)["tahun"].dropna().unique())


def multi_year(targets: pd.DataFrame, indikator: str, realisasi: dict[int, float],
               polarity: str = "higher", years=None) -> pd.DataFrame:
    """Target, realisasi and capaian per year for one indicator.

    ``realisasi`` maps a year to its realisation (years without one get NaN);
    ``years`` defaults to every year with a target or a realisation.
    Columns: ``tahun, target, dokumen, realisasi, capaian_pct``.

    >>> t = pd.DataFrame({"indikator": ["sakip"] * 2, "dokumen": ["renstra", "pk_perubahan"],
    ...                   "tahun": [2022, 2023], "target": [84.1, 87.5]})
    >>> multi_year(t, "sakip", {2022: 87.43, 2023: 86.13})["capaian_pct"].round(2).tolist()
    [103.96, 98.43]
    """
    if years is None:
        years = sorted(set(target_years(targets)) | {int(y) for y in realisasi})
    rows = []
    for y in years:
        t = effective_target(targets, indikator, y)
        r = realisasi.get(int(y), float("nan"))
        rows.append({"tahun": int(y), "target": t.target, "dokumen": t.dokumen, "realisasi": r,
                     "capaian_pct": capaian(r, t.target, polarity)})
    return pd.DataFrame(rows, columns=["tahun", "target", "dokumen", "realisasi", "capaian_pct"])
