"""Which two years to compare, and the change of the SAKIP score by component.

:func:`default_years` picks the years; :func:`decomposition` gives the change
by component (and sub-component where both years have them): the component
changes add up to the total change.

>>> import pandas as pd
>>> from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS as W
>>> def frame(values):
...     return pd.DataFrame({"komponen": list(W), "subkomponen": pd.array([None] * 4, dtype="string"),
...                          "bobot": list(W.values()), "nilai": values})
>>> d = decomposition(frame([27.45, 25.98, 12.7, 21.3]), frame([27.03, 25.74, 12.65, 20.71]), 2022, 2023)
>>> round(d.perubahan, 2), d.komponen["komponen"].iloc[0]
(-1.3, 'evaluasi_internal')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

from lkjip.contract.fmt import fmt_number, round_number
from lkjip.indicators.frames import safe_pct
from lkjip.contract.rules import SAKIP_COMPONENT_NAMES, SAKIP_SCORE_DECIMALS, SAKIP_SUBCOMPONENT_NAMES
from lkjip.contract.rules.printed import EPS, matches, tolerance
from lkjip.indicators.sakip import SakipResult, sakip_score



class SakipChangeError(ValueError):
    """The comparison cannot be made (e.g. fewer than two years of SAKIP data).

    The message is in Bahasa Indonesia and meant for the reader.
    """


# --------------------------------------------------------------------------
# Years
# --------------------------------------------------------------------------


def _has_sakip(frame: pd.DataFrame | None) -> bool:
    if frame is None or not isinstance(frame, pd.DataFrame) or not len(frame):
        return False
    if "nilai" not in frame.columns:
        return False
    return bool(pd.to_numeric(frame["nilai"], errors="coerce").notna().any())


def sakip_years(sakip_by_year: Mapping[int, pd.DataFrame | None]) -> list[int]:
    """Years whose ``sakip_evaluasi`` frame holds at least one score, ascending."""
    return sorted(int(y) for y, f in sakip_by_year.items() if _has_sakip(f))


def default_years(sakip_by_year: Mapping[int, pd.DataFrame | None], year: int | None = None,
                  compare_year: int | None = None) -> tuple[int, int]:
    """``(before, after)``: by default the last two years with SAKIP data.

    ``year`` fixes the later year (it must have data); ``compare_year`` the
    earlier one (default: the latest year before ``year`` with data).
    Raises :class:`SakipChangeError` with a reader-facing message otherwise.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"komponen": ["perencanaan"], "bobot": [30.0], "nilai": [27.0]})
    >>> default_years({2021: f, 2022: f, 2023: f})
    (2022, 2023)
    >>> default_years({2023: f})
    Traceback (most recent call last):
    ...
    lkjip.sakip_change.score_change.SakipChangeError: Perbandingan nilai SAKIP memerlukan data evaluasi SAKIP minimal dua tahun; data yang ada hanya tahun 2023.
    """
    years = sakip_years(sakip_by_year)
    have = ", ".join(map(str, years)) if years else "tidak ada"
    if year is not None and int(year) not in years:
        raise SakipChangeError(
            f"Data evaluasi SAKIP tahun {int(year)} tidak ada (tahun yang punya data: {have}); "
            "perubahan nilai SAKIP tidak dapat dianalisis.")
    if compare_year is not None:
        compare_year = int(compare_year)
        if compare_year not in years:
            raise SakipChangeError(
                f"Data evaluasi SAKIP tahun pembanding {compare_year} tidak ada "
                f"(tahun yang punya data: {have}).")
    candidates = [y for y in years if year is None or y <= int(year)]
    if len(candidates) < 2 and compare_year is None:
        raise SakipChangeError(
            "Perbandingan nilai SAKIP memerlukan data evaluasi SAKIP minimal dua tahun; "
            f"data yang ada hanya tahun {have}.")
    after = int(year) if year is not None else candidates[-1]
    if compare_year is None:
        earlier = [y for y in candidates if y < after]
        if not earlier:
            raise SakipChangeError(
                f"Tidak ada tahun sebelum {after} yang punya data evaluasi SAKIP "
                f"(tahun yang punya data: {have}).")
        compare_year = earlier[-1]
    if compare_year == after:
        raise SakipChangeError(f"Tahun pembanding sama dengan tahun laporan ({after}).")
    before, after = sorted((compare_year, after))
    return before, after


# --------------------------------------------------------------------------
# Decomposition
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Decomposition:
    """The change of the SAKIP score between two years.

    ``komponen``: komponen, nama_komponen, bobot_awal, bobot, nilai_awal,
    nilai_akhir, perubahan, persen_maks_awal, persen_maks_akhir,
    perubahan_persen_maks (percentage points), porsi_pct (share of the total
    change, %), sorted by ``perubahan`` (largest loss first).
    ``subkomponen``: the same per (komponen, subkomponen) when both years
    have sub-components, else ``None``. ``catatan``: notes in Bahasa
    Indonesia on what could not be analysed or differs between years.
    """

    tahun_awal: int | None
    tahun_akhir: int | None
    nilai_awal: float
    nilai_akhir: float
    perubahan: float
    predikat_awal: str | None
    predikat_akhir: str | None
    komponen: pd.DataFrame
    subkomponen: pd.DataFrame | None
    catatan: list[str] = field(default_factory=list)
    hasil_awal: SakipResult | None = field(default=None, repr=False)
    hasil_akhir: SakipResult | None = field(default=None, repr=False)

    @property
    def notes(self) -> list[str]:
        """Alias of :attr:`catatan`."""
        return self.catatan

    def steps(self) -> list[tuple[str, float]]:
        """(component name, change) in the table's order, for a waterfall chart."""
        k = self.komponen[self.komponen["perubahan"].notna()]
        return [(str(n), float(v)) for n, v in zip(k["nama_komponen"], k["perubahan"])]


def _label(y: int | None, default: str) -> str:
    return str(y) if y is not None else default


def _component_order(keys: Iterable[str]) -> list[str]:
    keys = list(dict.fromkeys(keys))
    known = [k for k in SAKIP_COMPONENT_NAMES if k in keys]
    return known + [k for k in keys if k not in SAKIP_COMPONENT_NAMES]


def _printed_notes(res: SakipResult, y: str) -> list[str]:
    notes = []
    if res.sumber != "subkomponen":
        return notes
    for _, r in res.komponen.iterrows():
        printed = r["nilai_tercetak"]
        if pd.notna(printed) and not matches(printed, r["nilai"], decimals=SAKIP_SCORE_DECIMALS):
            notes.append(
                f"Tahun {y}: nilai komponen {r['nama_komponen']} yang tercetak ({fmt_number(printed)}) "
                f"berbeda dari jumlah sub komponennya ({fmt_number(r['nilai'])}); analisis memakai "
                "jumlah sub komponen.")
    return notes


def decomposition(before: pd.DataFrame, after: pd.DataFrame, before_year: int | None = None,
                  after_year: int | None = None) -> Decomposition:
    """Change by component (and sub-component when both years have them).

    Each year's component score is computed from its lowest level present
    (:func:`lkjip.indicators.sakip.sakip_score`); the total change is the sum of the
    component changes (exactly, up to floating-point noise, which is checked).
    """
    y0, y1 = _label(before_year, "awal"), _label(after_year, "akhir")
    rb, ra = sakip_score(before), sakip_score(after)
    kb = rb.komponen.set_index("komponen")
    ka = ra.komponen.set_index("komponen")
    notes: list[str] = []
    rows = []
    for k in _component_order(list(kb.index) + list(ka.index)):
        b = kb.loc[k] if k in kb.index else None
        a = ka.loc[k] if k in ka.index else None
        name = (a if a is not None else b)["nama_komponen"]
        nb_, na_ = (float(b["nilai"]) if b is not None else math.nan,
                    float(a["nilai"]) if a is not None else math.nan)
        wb, wa = (float(b["bobot"]) if b is not None else math.nan,
                  float(a["bobot"]) if a is not None else math.nan)
        if b is None or a is None:
            missing = y0 if b is None else y1
            notes.append(f"Komponen {name} tidak ada pada data tahun {missing}; perubahannya tidak "
                         "dapat dihitung dan tidak ikut dalam uraian.")
        elif abs(wa - wb) > EPS:
            notes.append(f"Bobot komponen {name} berbeda: {fmt_number(wb)} ({y0}) dan "
                         f"{fmt_number(wa)} ({y1}); perubahan cara penilaian ikut memengaruhi "
                         "perbandingan nilainya.")
        pb, pa = safe_pct(nb_, wb), safe_pct(na_, wa)
        rows.append({"komponen": k, "nama_komponen": name, "bobot_awal": wb,
                     "bobot": wa if not math.isnan(wa) else wb,
                     "nilai_awal": nb_, "nilai_akhir": na_, "perubahan": na_ - nb_,
                     "persen_maks_awal": pb, "persen_maks_akhir": pa,
                     "perubahan_persen_maks": pa - pb})
    comp = pd.DataFrame(rows, columns=["komponen", "nama_komponen", "bobot_awal", "bobot",
                                       "nilai_awal", "nilai_akhir", "perubahan", "persen_maks_awal",
                                       "persen_maks_akhir", "perubahan_persen_maks"])
    both = comp["perubahan"].notna()
    total_change = math.fsum(comp.loc[both, "perubahan"])
    direct = ra.nilai - rb.nilai
    if both.all() and not (math.isnan(direct) or abs(direct - total_change) < 1e-6):
        notes.append("Jumlah perubahan komponen tidak sama dengan perubahan nilai total; "
                     "periksa data evaluasi SAKIP.")  # pragma: no cover - defensive
    if both.all() and len(comp) and not any(abs(w) > EPS for w in comp["bobot"] - comp["bobot_awal"]):
        notes.append(f"Bobot semua komponen sama pada {y0} dan {y1}; perubahan metode penilaian, "
                     "bila ada, tidak tampak pada bobot dan tidak dapat diukur dari data ini.")
    comp["porsi_pct"] = [safe_pct(v, total_change) if abs(total_change) >= tolerance(SAKIP_SCORE_DECIMALS) else math.nan
                         for v in comp["perubahan"]]
    comp = comp.sort_values("perubahan", kind="stable", na_position="last").reset_index(drop=True)
    shown = [round_number(v) for v in comp.loc[comp["perubahan"].notna(), "perubahan"]]
    if shown and abs(sum(shown) - round_number(total_change)) > 0.001:
        notes.append("Karena pembulatan dua desimal, jumlah perubahan komponen yang ditampilkan dapat "
                     "berbeda 0,01 dari perubahan total.")

    sub = None
    no_sub = [y for y, r in ((y0, rb), (y1, ra)) if r.subkomponen is None]
    if no_sub:
        which = " dan ".join(no_sub)
        notes.append(
            f"Data tahun {which} tidak memuat rincian sub komponen (keberadaan, kualitas, "
            "pemanfaatan); perubahan hanya dapat diuraikan per komponen, sehingga pergeseran antara "
            "kelengkapan dokumen (keberadaan) dan mutunya (kualitas) tidak dapat diuji.")
    else:
        sub = _sub_decomposition(rb.subkomponen, ra.subkomponen, y0, y1, notes)
    for r, y in ((rb, y0), (ra, y1)):
        notes.extend(_printed_notes(r, y))
    return Decomposition(before_year, after_year, rb.nilai, ra.nilai,
                         total_change if both.all() else direct, rb.predikat, ra.predikat,
                         comp, sub, notes, rb, ra)


def _sub_decomposition(sb: pd.DataFrame, sa: pd.DataFrame, y0: str, y1: str,
                       notes: list[str]) -> pd.DataFrame:
    keys = ["komponen", "subkomponen"]
    m = sb.merge(sa, on=keys, how="outer", suffixes=("_awal", "_akhir"))
    missing = m[m["nilai_awal"].isna() | m["nilai_akhir"].isna()]
    if len(missing):
        notes.append("Sebagian sub komponen hanya ada pada salah satu tahun: "
                     + ", ".join(f"{SAKIP_COMPONENT_NAMES.get(k, k)}/{s}"
                                 for k, s in zip(missing["komponen"], missing["subkomponen"]))
                     + ".")
    out = pd.DataFrame({
        "komponen": m["komponen"],
        "nama_komponen": m["komponen"].map(SAKIP_COMPONENT_NAMES).fillna(m["komponen"]),
        "subkomponen": m["subkomponen"],
        "nama_subkomponen": m["subkomponen"].map(SAKIP_SUBCOMPONENT_NAMES).fillna(m["subkomponen"]),
        "bobot_awal": m["bobot_awal"].astype(float),
        "bobot": m["bobot_akhir"].fillna(m["bobot_awal"]).astype(float),
        "nilai_awal": m["nilai_awal"].astype(float),
        "nilai_akhir": m["nilai_akhir"].astype(float),
    })
    out["perubahan"] = out["nilai_akhir"] - out["nilai_awal"]
    out["persen_maks_awal"] = [safe_pct(n, b) for n, b in zip(out["nilai_awal"], out["bobot_awal"])]
    out["persen_maks_akhir"] = [safe_pct(n, b) for n, b in zip(out["nilai_akhir"], out["bobot"])]
    out["perubahan_persen_maks"] = out["persen_maks_akhir"] - out["persen_maks_awal"]
    return out.sort_values("perubahan", kind="stable", na_position="last").reset_index(drop=True)


def subcomponent_totals(dec: Decomposition) -> pd.DataFrame | None:
    """Change summed per sub-component kind (keberadaan/kualitas/pemanfaatan)
    across components, or ``None`` without sub-components. This is what
    weighs the "completeness rather than quality" explanation."""
    if dec.subkomponen is None:
        return None
    s = dec.subkomponen.dropna(subset=["perubahan"])
    g = s.groupby("subkomponen", sort=False)
    out = pd.DataFrame({"bobot": g["bobot"].sum(), "nilai_awal": g["nilai_awal"].sum(),
                        "nilai_akhir": g["nilai_akhir"].sum(), "perubahan": g["perubahan"].sum()})
    out = out.reset_index()
    out["nama_subkomponen"] = out["subkomponen"].map(SAKIP_SUBCOMPONENT_NAMES).fillna(out["subkomponen"])
    out["persen_maks_awal"] = [safe_pct(n, b) for n, b in zip(out["nilai_awal"], out["bobot"])]
    out["persen_maks_akhir"] = [safe_pct(n, b) for n, b in zip(out["nilai_akhir"], out["bobot"])]
    order = {k: i for i, k in enumerate(SAKIP_SUBCOMPONENT_NAMES)}
    out = out.assign(_o=out["subkomponen"].map(lambda k: order.get(k, 99))).sort_values("_o")
    return out.drop(columns="_o")[["subkomponen", "nama_subkomponen", "bobot", "nilai_awal",
                                   "nilai_akhir", "perubahan", "persen_maks_awal",
                                   "persen_maks_akhir"]].reset_index(drop=True)
