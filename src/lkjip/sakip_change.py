"""Why did the SAKIP score change? Decomposition, points at stake, drivers, narrative.

The analysts' first question of the Gedeg report: the SAKIP score fell from
87,43 (2022) to 86,13 (2023) while the target rose to 87,5. The report gives
its own reasons (a changed assessment method, planning documents prepared for
completeness rather than quality, the transfer of the Kasubag Penyusunan
Program dan Keuangan). This module gives the figures that confirm, weigh or
contradict such reasons, for any unit and any pair of years with
``sakip_evaluasi`` data:

- :func:`default_years`: which two years to compare;
- :func:`decomposition`: the change by component (and sub-component where
  both years have them); the component changes add up to the total change;
- :func:`points_at_stake`: the gap of each component to its maximum and a
  what-if table ("component back to last year's level gives +x, total y,
  predicate z");
- :func:`vacancy_by_month` and :func:`drivers`: possible drivers next to the
  component they may drive (association, not proof);
- :func:`narrative`: a drafted narrative in Bahasa Indonesia, chosen by the
  numbers, for an analyst to edit;
- :func:`analyse`: all of the above for a notebook, with a clear message
  instead of an exception when a year cannot be analysed;
- ``tabel_*`` functions: the same results as reader-facing tables
  (Indonesian labels, Indonesian number format).

Everything here is pure: frames in, frames/dataclasses out. The only reading
helper, :func:`collect_inputs`, takes the reader functions as arguments.

Scores and predicates come from :mod:`lkjip.sakip` (:func:`sakip_score`,
:func:`sakip_predicate`); the predicate bands from
:data:`lkjip.rules.SAKIP_PREDIKAT`. No threshold is repeated here.

>>> import pandas as pd
>>> from lkjip.rules import SAKIP_COMPONENT_WEIGHTS as W
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
from typing import Callable, Iterable, Mapping

import pandas as pd

from lkjip.fmt import fmt_number, fmt_pct, fmt_rupiah, is_missing, round_number, style_table
from lkjip.frames import safe_pct
from lkjip.rules import SAKIP_COMPONENT_NAMES, SAKIP_PREDIKAT, SAKIP_SUBCOMPONENT_NAMES
from lkjip.rules import SAKIP_SCORE_DECIMALS
from lkjip.rules.printed import matches
from lkjip.sakip import SakipResult, sakip_predicate, sakip_score
from lkjip.schema import MONTHS

#: The activity that finances planning and performance evaluation
#: (Permendagri 90/2019 nomenclature): "Perencanaan, Penganggaran, dan
#: Evaluasi Kinerja Perangkat Daerah" and its sub-activities.
PLANNING_ACTIVITY = "7.01.01.2.01"

#: Which SAKIP components a driver may plausibly act on. This is an analytic
#: assumption stated openly (the seed report calls the Kasubag Penyusunan
#: Program dan Keuangan the driver of AKIP work: planning and internal
#: evaluation); it links a driver to a component, it proves nothing.
DRIVER_COMPONENTS: dict[str, tuple[str, ...]] = {
    "jabatan": ("perencanaan", "evaluasi_internal"),
    "ipasn": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
    "anggaran": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
    "target": ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"),
}
#: A sub-activity of :data:`PLANNING_ACTIVITY` is linked to components by a
#: word of its name (first match wins).
SUBACTIVITY_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("perencanaan", ("perencanaan",)),
    ("evaluasi", ("pelaporan", "evaluasi_internal")),
    ("laporan", ("pelaporan",)),
    ("pengukuran", ("pengukuran",)),
)

CAUTION = (
    "**Perhatian:** faktor pendorong hanya menunjukkan keterkaitan (asosiasi) "
    "antara suatu keadaan dan komponen SAKIP yang mungkin dipengaruhinya, bukan bukti "
    "sebab-akibat. Hanya dua tahun yang dibandingkan dan banyak hal berubah bersamaan "
    "(termasuk cara penilaian); gunakan sebagai bahan pemeriksaan, bukan kesimpulan."
)

MONTH_SHORT = tuple(m.capitalize() for m in MONTHS)
_TOL = 1e-9


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
    lkjip.sakip_change.SakipChangeError: Perbandingan nilai SAKIP memerlukan data evaluasi SAKIP minimal dua tahun; data yang ada hanya tahun 2023.
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
    (:func:`lkjip.sakip.sakip_score`); the total change is the sum of the
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
        elif abs(wa - wb) > _TOL:
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
    if both.all() and len(comp) and not any(abs(w) > _TOL for w in comp["bobot"] - comp["bobot_awal"]):
        notes.append(f"Bobot semua komponen sama pada {y0} dan {y1}; perubahan metode penilaian, "
                     "bila ada, tidak tampak pada bobot dan tidak dapat diukur dari data ini.")
    comp["porsi_pct"] = [safe_pct(v, total_change) if abs(total_change) >= 0.005 else math.nan
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


# --------------------------------------------------------------------------
# Points at stake
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class NextPredicate:
    """What the later year's total needs for the next predicate up."""

    predikat_sekarang: str | None
    predikat: str | None
    batas: float
    kebutuhan: float  # the total must rise by MORE than this

    @property
    def ada(self) -> bool:
        return self.predikat is not None


@dataclass(frozen=True)
class PointsAtStake:
    """``celah``: per component, its gap to the maximum and to its earlier
    level; ``skenario``: what-if rows ranked by attainable points
    (skenario, komponen, nama_komponen, tambahan, total, predikat,
    naik_predikat, kalimat); ``berikutnya``: the next predicate up."""

    tahun_awal: int | None
    tahun_akhir: int | None
    nilai_akhir: float
    predikat_akhir: str | None
    celah: pd.DataFrame
    skenario: pd.DataFrame
    berikutnya: NextPredicate


def next_predicate(total: float) -> NextPredicate:
    """The next predicate above ``total`` and the points it needs (strictly more).

    >>> n = next_predicate(86.13)
    >>> n.predikat, n.batas, round(n.kebutuhan, 2)
    ('AA', 90.0, 3.87)
    """
    current = sakip_predicate(total)
    bands = SAKIP_PREDIKAT.bands
    labels = [b.label for b in bands]
    if current is None or current not in labels or labels.index(current) == 0:
        return NextPredicate(current, None, math.nan, math.nan)
    up = bands[labels.index(current) - 1]
    return NextPredicate(current, up.label, up.lower, up.lower - total)


def points_at_stake(before: pd.DataFrame, after: pd.DataFrame, before_year: int | None = None,
                    after_year: int | None = None) -> PointsAtStake:
    """Gaps to the maximum and the what-if table (see :class:`PointsAtStake`)."""
    dec = decomposition(before, after, before_year, after_year)
    y0 = _label(before_year, "sebelumnya")
    comp = dec.komponen[dec.komponen["nilai_akhir"].notna()].copy()
    order = {k: i for i, k in enumerate(_component_order(comp["komponen"]))}
    comp = comp.assign(_o=comp["komponen"].map(order)).sort_values("_o").drop(columns="_o")
    celah = pd.DataFrame({
        "komponen": comp["komponen"], "nama_komponen": comp["nama_komponen"],
        "bobot": comp["bobot"], "nilai_akhir": comp["nilai_akhir"],
        "persen_maks_akhir": comp["persen_maks_akhir"],
        "celah_ke_maks": comp["bobot"] - comp["nilai_akhir"],
        "nilai_awal": comp["nilai_awal"],
        "celah_ke_awal": (comp["nilai_awal"] - comp["nilai_akhir"]).clip(lower=0.0),
    }).reset_index(drop=True)
    total = dec.nilai_akhir
    pred0 = dec.predikat_akhir
    rows = []

    def add(kind: str, key: str | None, name: str, gain: float, text: str) -> None:
        new_total = total + gain
        pred = sakip_predicate(new_total)
        rows.append({"skenario": kind, "komponen": key, "nama_komponen": name, "tambahan": gain,
                     "total": new_total, "predikat": pred, "naik_predikat": pred != pred0,
                     "kalimat": f"{text} memberi +{fmt_number(gain)}, total {fmt_number(new_total)}, "
                                f"predikat {pred or '–'}"})

    for _, r in celah.iterrows():
        if pd.notna(r["celah_ke_awal"]) and r["celah_ke_awal"] > _TOL:
            add("kembali_ke_awal", r["komponen"], r["nama_komponen"], float(r["celah_ke_awal"]),
                f"{r['nama_komponen']} kembali ke tingkat {y0} ({fmt_number(r['nilai_awal'])})")
        if r["celah_ke_maks"] > _TOL:
            add("maksimal", r["komponen"], r["nama_komponen"], float(r["celah_ke_maks"]),
                f"{r['nama_komponen']} mencapai nilai maksimal ({fmt_number(r['bobot'])})")
    drops = celah[celah["celah_ke_awal"] > _TOL]
    if len(drops) > 1:
        add("semua_kembali_ke_awal", None, "Semua komponen yang turun",
            math.fsum(drops["celah_ke_awal"]),
            f"Semua komponen yang turun kembali ke tingkat {y0}")
    cols = ["skenario", "komponen", "nama_komponen", "tambahan", "total", "predikat",
            "naik_predikat", "kalimat"]
    sk = pd.DataFrame(rows, columns=cols)
    if len(sk):
        sk = sk.sort_values("tambahan", ascending=False, kind="stable").reset_index(drop=True)
    return PointsAtStake(before_year, after_year, total, pred0, celah, sk, next_predicate(total))


# --------------------------------------------------------------------------
# Vacancies of structural positions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Vacancy:
    """Structural positions of one year, month by month.

    ``status``: jabatan, eselon, bulan (1-12), status (terisi / kosong /
    rangkap / belum ada), jumlah_pejabat; ``bulanan``: per month the number
    of structural positions, filled and vacant, and which are vacant;
    ``per_jabatan``: per position the months vacant and doubly held, exits
    and entries during the year; ``pergantian``: positions whose holders
    changed against the previous year (no names: holders are identified only
    inside this function); ``catatan``: notes.
    """

    tahun: int
    status: pd.DataFrame
    bulanan: pd.DataFrame
    per_jabatan: pd.DataFrame
    pergantian: pd.DataFrame
    catatan: list[str] = field(default_factory=list)

    @property
    def bulan_kosong(self) -> int:
        """Total position-months vacant."""
        return int((self.status["status"] == "kosong").sum())


def _key(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _blank(value: object) -> bool:
    return is_missing(value) or str(value).strip() == ""


def _person(row: pd.Series) -> str:
    nip = row.get("nip")
    if not _blank(nip):
        return "nip:" + "".join(str(nip).split())
    return "nama:" + _key(row.get("nama", ""))


def month_ranges(months: Iterable[int]) -> str:
    """Months as compact ranges: ``[1, 2, 3, 7]`` -> ``"Jan–Mar, Jul"``.

    >>> month_ranges([7, 8, 9, 10, 11, 12]), month_ranges([])
    ('Jul–Des', '')
    """
    ms = sorted(set(int(m) for m in months))
    parts, start, prev = [], None, None
    for m in ms + [None]:
        if start is None:
            start = prev = m
            continue
        if m is not None and m == prev + 1:
            prev = m
            continue
        parts.append(MONTH_SHORT[start - 1] if start == prev
                     else f"{MONTH_SHORT[start - 1]}–{MONTH_SHORT[prev - 1]}")
        start = prev = m
    return ", ".join(parts)


def _dates(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame.columns:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[col], errors="coerce").dt.normalize()


def _fmt_date(d: object) -> str:
    return "" if is_missing(d) else pd.Timestamp(d).strftime("%d-%m-%Y")


def vacancy_by_month(pegawai: pd.DataFrame, year: int,
                     previous: pd.DataFrame | None = None) -> Vacancy:
    """Vacant structural (eselon) positions of ``year``, month by month.

    A person is in post in a month when ``mulai`` is empty or on/before the
    month's last day, and ``selesai`` is empty or on/after its first day. A
    position is identified by its ``jabatan`` (spacing and case ignored) and
    is structural when any row of it, this year or in ``previous`` (the
    previous year's pegawai), has an ``eselon``. It is vacant in a month when
    it existed (in ``previous``, or held in an earlier month of the year) and
    nobody is in post; ``rangkap`` when more than one person is.
    """
    year = int(year)
    cur = pegawai.copy() if pegawai is not None else pd.DataFrame(columns=["jabatan"])
    prev = previous.copy() if previous is not None else None
    notes: list[str] = []
    frames = [f for f in (cur, prev) if f is not None and "jabatan" in f.columns]
    structural: dict[str, dict] = {}
    for f in frames:
        if "eselon" not in f.columns:
            continue
        for _, r in f.iterrows():
            if _blank(r["jabatan"]) or _blank(r["eselon"]):
                continue
            k = _key(r["jabatan"])
            structural.setdefault(k, {"jabatan": " ".join(str(r["jabatan"]).split()),
                                      "eselon": str(r["eselon"]).strip()})
    prev_keys = set() if prev is None or "jabatan" not in prev.columns else \
        {_key(j) for j in prev["jabatan"] if not _blank(j)}
    if prev is None:
        notes.append(f"Data pegawai tahun {year - 1} tidak tersedia: jabatan yang sudah kosong sejak "
                     "awal tahun tidak dapat dikenali.")
    cur = cur[[not _blank(j) for j in cur.get("jabatan", pd.Series(dtype=object))]] if len(cur) else cur
    if len(cur):
        cur = cur.assign(_k=[_key(j) for j in cur["jabatan"]], _m=_dates(cur, "mulai"),
                         _s=_dates(cur, "selesai"))
    starts = [pd.Timestamp(year, m, 1) for m in range(1, 13)]
    ends = [s + pd.offsets.MonthEnd(0) for s in starts]
    status_rows, per_rows, change_rows = [], [], []
    for k, info in structural.items():
        holders = cur[cur["_k"] == k] if len(cur) else cur
        existed = k in prev_keys
        months: dict[str, list[int]] = {"kosong": [], "rangkap": [], "terisi": [], "belum ada": []}
        for m, (s, e) in enumerate(zip(starts, ends), start=1):
            n = 0
            for _, h in holders.iterrows():
                if (pd.isna(h["_m"]) or h["_m"] <= e) and (pd.isna(h["_s"]) or h["_s"] >= s):
                    n += 1
            if n:
                existed = True
            st = "rangkap" if n > 1 else "terisi" if n == 1 else "kosong" if existed else "belum ada"
            months[st].append(m)
            status_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"], "bulan": m,
                                "status": st, "jumlah_pejabat": n})
        exits = [d for d in holders["_s"] if pd.notna(d) and d.year == year] if len(holders) else []
        entries = [d for d in holders["_m"] if pd.notna(d) and d.year == year] if len(holders) else []
        remarks = []
        if months["kosong"]:
            remarks.append(f"kosong {len(months['kosong'])} bulan ({month_ranges(months['kosong'])})")
        if months["rangkap"]:
            undated = int(holders["_m"].isna().sum()) if exits else 0
            remarks.append(f"tercatat lebih dari satu pejabat {len(months['rangkap'])} bulan "
                           f"({month_ranges(months['rangkap'])})"
                           + ("; pejabat pengganti tanpa tanggal mulai dianggap menjabat sejak Januari"
                              if undated else ""))
        per_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"],
                         "bulan_terisi": len(months["terisi"]) + len(months["rangkap"]),
                         "bulan_kosong": len(months["kosong"]),
                         "bulan_kosong_teks": month_ranges(months["kosong"]),
                         "bulan_rangkap": len(months["rangkap"]),
                         "bulan_rangkap_teks": month_ranges(months["rangkap"]),
                         "keluar": ", ".join(_fmt_date(d) for d in sorted(exits)),
                         "masuk": ", ".join(_fmt_date(d) for d in sorted(entries)),
                         "keterangan": "; ".join(remarks)})
        # holder change against the previous year
        if prev is not None and "jabatan" in prev.columns:
            ph = prev[[_key(j) == k if not _blank(j) else False for j in prev["jabatan"]]]
            before_ids = {_person(r) for _, r in ph.iterrows()}
            now_ids = {_person(r) for _, r in holders.iterrows()} if len(holders) else set()
            # a holder who left during the previous year is not a holder at its end
            if "selesai" in ph.columns:
                ps = _dates(ph, "selesai")
                before_ids = {_person(r) for (_, r), s in zip(ph.iterrows(), ps)
                              if pd.isna(s) or s >= pd.Timestamp(year - 1, 12, 31)}
            new_ids = now_ids - before_ids
            if not len(ph) and not exits:
                new_ids = set()  # a position not in last year's data: nothing to compare
            if new_ids or exits or (before_ids and not now_ids):
                origins = []
                for pid in new_ids:
                    was = prev[[_person(r) == pid for _, r in prev.iterrows()]]
                    origins.append(" ".join(str(was["jabatan"].iloc[0]).split()) if len(was)
                                   else "dari luar unit")
                new_rows = holders[[_person(r) in new_ids for _, r in holders.iterrows()]]
                undated = int(new_rows["_m"].isna().sum()) if len(new_rows) else 0
                text = []
                if exits:
                    text.append(f"pejabat lama berhenti {', '.join(_fmt_date(d) for d in sorted(exits))}")
                if new_ids:
                    text.append(f"{len(new_ids)} pejabat baru (sebelumnya: {', '.join(sorted(origins))})")
                if undated:
                    text.append("tanggal mulai pejabat baru tidak diisi; isi kolom `mulai` bila "
                                "pergantian terjadi di tengah tahun agar kekosongan terlihat")
                if not now_ids:
                    text.append("tidak ada pejabat tercatat tahun ini; jabatan kosong sepanjang tahun "
                                "menurut data pegawai")
                change_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"],
                                    "pejabat_tahun_lalu": len(before_ids),
                                    "pejabat_tahun_ini": len(now_ids),
                                    "pejabat_baru": len(new_ids),
                                    "berhenti": ", ".join(_fmt_date(d) for d in sorted(exits)),
                                    "mulai_pejabat_baru": ", ".join(
                                        _fmt_date(d) if pd.notna(d) else "tidak diisi"
                                        for d in new_rows["_m"]) if len(new_rows) else "",
                                    "keterangan": "; ".join(text)})
    status = pd.DataFrame(status_rows, columns=["jabatan", "eselon", "bulan", "status", "jumlah_pejabat"])
    bul = []
    for m in range(1, 13):
        s = status[status["bulan"] == m]
        exist = s[s["status"] != "belum ada"]
        vac = exist[exist["status"] == "kosong"]
        bul.append({"bulan": m, "nama_bulan": MONTH_SHORT[m - 1], "jabatan_struktural": len(exist),
                    "terisi": int((exist["status"] != "kosong").sum()), "kosong": len(vac),
                    "jabatan_kosong": "; ".join(vac["jabatan"])})
    per = pd.DataFrame(per_rows, columns=["jabatan", "eselon", "bulan_terisi", "bulan_kosong",
                                          "bulan_kosong_teks", "bulan_rangkap", "bulan_rangkap_teks",
                                          "keluar", "masuk", "keterangan"])
    if len(per):
        per = per.sort_values(["bulan_kosong", "bulan_rangkap"], ascending=False,
                              kind="stable").reset_index(drop=True)
    changes = pd.DataFrame(change_rows, columns=["jabatan", "eselon", "pejabat_tahun_lalu",
                                                 "pejabat_tahun_ini", "pejabat_baru", "berhenti",
                                                 "mulai_pejabat_baru", "keterangan"])
    if not structural:
        notes.append(f"Data pegawai tahun {year} tidak memuat jabatan struktural (kolom eselon kosong); "
                     "kekosongan jabatan tidak dapat dihitung.")
    return Vacancy(year, status, pd.DataFrame(bul), per, changes, notes)


# --------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Drivers:
    """Possible drivers of the change, each next to the component(s) it may drive.

    ``kaitan``: faktor, temuan, komponen_terkait, perubahan_komponen (text),
    arah (:func:`direction_label`: did the factor move with the linked score?);
    ``kekosongan``: :class:`Vacancy` per year analysed; ``ipasn``: per year
    the IP ASN mean, category and dimension means; ``anggaran``: the planning
    and evaluation activity and its sub-activities per year; ``target``:
    SAKIP against its effective target and the predicate bands over every
    year with data; ``peringatan``: the association-not-proof caution.
    """

    tahun_awal: int
    tahun_akhir: int
    kaitan: pd.DataFrame
    kekosongan: dict[int, Vacancy]
    ipasn: pd.DataFrame
    anggaran: pd.DataFrame
    target: pd.DataFrame
    catatan: list[str] = field(default_factory=list)
    peringatan: str = CAUTION


def _components_text(keys: Iterable[str]) -> str:
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return "Semua komponen (nilai total)"
    return "; ".join(SAKIP_COMPONENT_NAMES.get(k, k) for k in keys)


def _changes_text(dec: Decomposition | None, keys: Iterable[str]) -> str:
    if dec is None:
        return ""
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return f"total {_signed(dec.perubahan)}"
    k = dec.komponen.set_index("komponen")
    return "; ".join(f"{SAKIP_COMPONENT_NAMES.get(c, c)} {_signed(k.loc[c, 'perubahan'])}"
                     for c in keys if c in k.index)


def _linked_change(dec: Decomposition | None, keys: Iterable[str]) -> float:
    if dec is None:
        return math.nan
    keys = list(keys)
    if set(keys) >= set(SAKIP_COMPONENT_NAMES):
        return dec.perubahan
    k = dec.komponen.set_index("komponen")
    vals = [k.loc[c, "perubahan"] for c in keys if c in k.index]
    return math.fsum(vals) if vals else math.nan


def direction_label(improvement: float, linked_change: float) -> str:
    """``"sejalan"`` when a factor improved where the linked score rose (or
    worsened where it fell), ``"berlawanan"`` otherwise; '' when unknown.

    >>> direction_label(2.0, -0.5), direction_label(-1.0, -0.5), direction_label(0.0, -0.5)
    ('berlawanan', 'sejalan', 'faktor tidak berubah')
    """
    if is_missing(improvement) or is_missing(linked_change):
        return ""
    if abs(improvement) < 0.005:
        return "faktor tidak berubah"
    if abs(linked_change) < 0.005:
        return "nilai komponen tidak berubah"
    return "sejalan" if improvement * linked_change > 0 else "berlawanan"


def _signed(v: float) -> str:
    if is_missing(v):
        return "–"
    s = fmt_number(v)
    return s if s.startswith("-") or s == "0,00" else "+" + s


def ipasn_by_year(pegawai_by_year: Mapping[int, pd.DataFrame | None],
                  years: Iterable[int]) -> pd.DataFrame:
    """IP ASN mean, category, number measured and dimension means per year."""
    from lkjip.ipasn import ipasn_summary

    rows = []
    for y in years:
        p = pegawai_by_year.get(y)
        if p is None or not len(p):
            continue
        r = ipasn_summary(p)
        row = {"tahun": int(y), "nilai": r.nilai, "kategori": r.kategori,
               "jumlah_diukur": r.jumlah_diukur, "tidak_diukur": len(r.tidak_diukur)}
        for _, d in r.rata_dimensi.iterrows():
            row[f"rata_{d['dimensi']}"] = d["rata_rata"]
        rows.append(row)
    return pd.DataFrame(rows)


def planning_budget(anggaran_by_year: Mapping[int, pd.DataFrame | None], years: Iterable[int],
                    code: str = PLANNING_ACTIVITY) -> pd.DataFrame:
    """The activity ``code`` and its sub-activities per year (budget hierarchy rows)."""
    from lkjip.budget import budget_hierarchy, is_descendant

    parts = []
    for y in years:
        a = anggaran_by_year.get(y)
        if a is None or not len(a):
            continue
        h = budget_hierarchy(a)
        sel = h[[(k == code) or is_descendant(k, code) for k in h["kode"]]].copy()
        if len(sel):
            sel.insert(0, "tahun", int(y))
            parts.append(sel[["tahun", "kode", "uraian", "tingkat", "pagu", "realisasi", "persen"]])
    cols = ["tahun", "kode", "uraian", "tingkat", "pagu", "realisasi", "persen"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def target_history(sakip_by_year: Mapping[int, pd.DataFrame | None],
                   targets: pd.DataFrame | None) -> pd.DataFrame:
    """SAKIP against its effective target and the predicate bands, every year with data.

    Columns: tahun, nilai, predikat, target, dokumen, capaian_pct,
    selisih_target, batas_bawah (lower edge of its predicate, exclusive),
    jarak_batas_bawah, predikat_berikutnya, kebutuhan_berikutnya.
    """
    from lkjip.targets import multi_year

    years = sakip_years(sakip_by_year)
    real = {y: sakip_score(sakip_by_year[y]).nilai for y in years}
    t = multi_year(targets if targets is not None else pd.DataFrame(), "sakip", real, years=years)
    bands = {b.label: b.lower for b in SAKIP_PREDIKAT.bands}
    t["predikat"] = [sakip_predicate(v) for v in t["realisasi"]]
    t["selisih_target"] = t["realisasi"] - t["target"]
    t["batas_bawah"] = [max(bands.get(p, math.nan), 0.0) if p else math.nan for p in t["predikat"]]
    t["jarak_batas_bawah"] = t["realisasi"] - t["batas_bawah"]
    nxt = [next_predicate(v) for v in t["realisasi"]]
    t["predikat_berikutnya"] = [n.predikat for n in nxt]
    t["kebutuhan_berikutnya"] = [n.kebutuhan for n in nxt]
    return t.rename(columns={"realisasi": "nilai"})[
        ["tahun", "nilai", "predikat", "target", "dokumen", "capaian_pct", "selisih_target",
         "batas_bawah", "jarak_batas_bawah", "predikat_berikutnya", "kebutuhan_berikutnya"]]


def drivers(before_year: int, after_year: int, *,
            sakip: Mapping[int, pd.DataFrame | None],
            pegawai: Mapping[int, pd.DataFrame | None] | None = None,
            anggaran: Mapping[int, pd.DataFrame | None] | None = None,
            targets: pd.DataFrame | None = None,
            activity: str = PLANNING_ACTIVITY) -> Drivers:
    """Possible drivers of the change between ``before_year`` and ``after_year``.

    ``sakip``, ``pegawai`` and ``anggaran`` map a year to its frame (years
    may be missing; what cannot be computed is said in ``catatan``).
    """
    y0, y1 = int(before_year), int(after_year)
    pegawai = pegawai or {}
    anggaran = anggaran or {}
    notes: list[str] = []
    dec = None
    if _has_sakip(sakip.get(y0)) and _has_sakip(sakip.get(y1)):
        dec = decomposition(sakip[y0], sakip[y1], y0, y1)
    kaitan = []

    # structural positions
    vac: dict[int, Vacancy] = {}
    for y in (y0, y1):
        if pegawai.get(y) is not None:
            vac[y] = vacancy_by_month(pegawai[y], y, pegawai.get(y - 1))
        else:
            notes.append(f"Data pegawai tahun {y} tidak ada: kekosongan jabatan dan IP ASN tahun itu "
                         "tidak dapat dihitung.")
    if vac:
        parts = []
        for y, v in vac.items():
            vacant = v.per_jabatan[v.per_jabatan["bulan_kosong"] > 0]
            if len(vacant):
                parts.append(f"{y}: {v.bulan_kosong} bulan-jabatan kosong ("
                             + "; ".join(f"{j} {t}" for j, t in
                                         zip(vacant["jabatan"], vacant["bulan_kosong_teks"])) + ")")
            else:
                parts.append(f"{y}: tidak ada jabatan struktural yang kosong menurut data pegawai")
            for _, c in v.pergantian.iterrows():
                parts.append(f"{y}: pergantian {c['jabatan']} ({c['keterangan']})")
        keys = DRIVER_COMPONENTS["jabatan"]
        better = (vac[y0].bulan_kosong - vac[y1].bulan_kosong) if (y0 in vac and y1 in vac) else math.nan
        kaitan.append({"faktor": "Kekosongan dan pergantian jabatan struktural",
                       "temuan": "; ".join(parts), "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(better, _linked_change(dec, keys))})

    # IP ASN
    ip = ipasn_by_year(pegawai, (y0, y1))
    if len(ip):
        got = {int(r["tahun"]): r for _, r in ip.iterrows()}
        d = math.nan
        if y0 in got and y1 in got:
            d = got[y1]["nilai"] - got[y0]["nilai"]
            text = (f"rata-rata IP ASN {fmt_number(got[y0]['nilai'])} ({got[y0]['kategori']}, {y0}) "
                    f"menjadi {fmt_number(got[y1]['nilai'])} ({got[y1]['kategori']}, {y1}), "
                    f"perubahan {_signed(d)}")
        else:
            y = next(iter(got))
            text = (f"hanya tahun {y}: rata-rata IP ASN {fmt_number(got[y]['nilai'])} "
                    f"({got[y]['kategori']})")
        keys = DRIVER_COMPONENTS["ipasn"]
        kaitan.append({"faktor": "Indeks Profesionalitas ASN", "temuan": text,
                       "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(d, _linked_change(dec, keys))})

    # planning and evaluation budget
    bud = planning_budget(anggaran, (y0, y1), activity)
    for y in (y0, y1):
        if anggaran.get(y) is None:
            notes.append(f"Data anggaran tahun {y} tidak ada.")
        elif not (bud["tahun"] == y).any():
            notes.append(f"Kegiatan {activity} tidak ada pada data anggaran tahun {y}.")
    if len(bud):
        act = bud[bud["kode"] == activity]
        text = "; ".join(f"{int(r['tahun'])}: penyerapan {fmt_pct(r['persen'])} "
                         f"({fmt_rupiah(r['realisasi'])} dari {fmt_rupiah(r['pagu'])})"
                         for _, r in act.iterrows())
        name = act["uraian"].dropna().iloc[0] if act["uraian"].notna().any() else activity
        keys = DRIVER_COMPONENTS["anggaran"]
        kaitan.append({"faktor": f"Anggaran kegiatan {activity} {name}", "temuan": text,
                       "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys),
                       "arah": direction_label(_absorption_change(act, y0, y1),
                                               _linked_change(dec, keys))})
        subs = bud[bud["kode"] != activity]
        for code, g in subs.groupby("kode", sort=False):
            uraian = g["uraian"].dropna().iloc[0] if g["uraian"].notna().any() else code
            keys = next((c for w, c in SUBACTIVITY_KEYWORDS if w in str(uraian).lower()),
                        DRIVER_COMPONENTS["anggaran"])
            text = "; ".join(f"{int(r['tahun'])}: penyerapan {fmt_pct(r['persen'])} "
                             f"({fmt_rupiah(r['realisasi'])} dari {fmt_rupiah(r['pagu'])})"
                             for _, r in g.iterrows())
            kaitan.append({"faktor": f"Sub kegiatan {code} {uraian}", "temuan": text,
                           "komponen_terkait": _components_text(keys),
                           "perubahan_komponen": _changes_text(dec, keys),
                           "arah": direction_label(_absorption_change(g, y0, y1),
                                                   _linked_change(dec, keys))})

    # target and predicate bands
    tgt = target_history(sakip, targets)
    row = tgt[tgt["tahun"] == y1]
    if len(row) and pd.notna(row["target"].iloc[0]):
        r = row.iloc[0]
        text = (f"{y1}: nilai {fmt_number(r['nilai'])} terhadap target {fmt_number(r['target'])} "
                f"({_doc_label(r['dokumen'])}), capaian {fmt_pct(r['capaian_pct'])}, "
                f"selisih {_signed(r['selisih_target'])}")
        prev = tgt[tgt["tahun"] == y0]
        if len(prev) and pd.notna(prev["target"].iloc[0]):
            p = prev.iloc[0]
            text += (f"; {y0}: nilai {fmt_number(p['nilai'])} terhadap target "
                     f"{fmt_number(p['target'])}, selisih {_signed(p['selisih_target'])}")
        keys = DRIVER_COMPONENTS["target"]
        kaitan.append({"faktor": "Target nilai SAKIP (target efektif)", "temuan": text,
                       "komponen_terkait": _components_text(keys),
                       "perubahan_komponen": _changes_text(dec, keys), "arah": ""})
    elif targets is None or not len(targets):
        notes.append("Data target tidak ada: nilai SAKIP tidak dapat dibandingkan dengan targetnya.")
    else:
        notes.append(f"Target nilai SAKIP tahun {y1} tidak ada pada data target.")
    for v in vac.values():
        notes.extend(v.catatan)
    kt = pd.DataFrame(kaitan, columns=["faktor", "temuan", "komponen_terkait", "perubahan_komponen",
                                       "arah"])
    return Drivers(y0, y1, kt, vac, ip, bud, tgt, list(dict.fromkeys(notes)))


def _absorption_change(rows: pd.DataFrame, y0: int, y1: int) -> float:
    by = {int(t): p for t, p in zip(rows["tahun"], rows["persen"])}
    return by[y1] - by[y0] if (y0 in by and y1 in by) else math.nan


def _doc_label(doc: object) -> str:
    from lkjip.rules import DOCUMENT_LABELS

    return DOCUMENT_LABELS.get(str(doc), str(doc)) if not is_missing(doc) else "–"


# --------------------------------------------------------------------------
# Narrative
# --------------------------------------------------------------------------


_ARAH_TEXT = {
    "sejalan": "arahnya sejalan dengan perubahan nilai komponen terkait",
    "berlawanan": "arahnya berlawanan dengan perubahan nilai komponen terkait, sehingga angka "
                  "ini tidak mendukung faktor ini sebagai penjelasan",
}


def _direction(change: float) -> str:
    if abs(change) < 0.005:
        return "tetap"
    return "naik" if change > 0 else "turun"


def narrative(dec: Decomposition, stake: PointsAtStake | None = None,
              drv: Drivers | None = None, unit_name: str | None = None) -> str:
    """A drafted narrative in Bahasa Indonesia (Markdown), chosen by the figures.

    It is a draft for an analyst to edit, not a conclusion: every sentence
    comes from a number above, and drivers carry the association caution.
    """
    y0, y1 = _label(dec.tahun_awal, "tahun awal"), _label(dec.tahun_akhir, "tahun akhir")
    who = f"{unit_name} " if unit_name else ""
    paras = []
    d = _direction(dec.perubahan)
    head = (f"Nilai SAKIP {who}{y1} adalah {fmt_number(dec.nilai_akhir)} (predikat "
            f"{dec.predikat_akhir or '–'}), ")
    if d == "tetap":
        head += f"sama dengan {y0} ({fmt_number(dec.nilai_awal)})."
    else:
        head += (f"{d} {fmt_number(abs(dec.perubahan))} poin dari {fmt_number(dec.nilai_awal)} "
                 f"(predikat {dec.predikat_awal or '–'}) pada {y0}.")
        if dec.predikat_awal != dec.predikat_akhir:
            head += f" Predikat berubah dari {dec.predikat_awal} menjadi {dec.predikat_akhir}."
    if drv is not None:
        t = drv.target[drv.target["tahun"] == dec.tahun_akhir]
        if len(t) and pd.notna(t["target"].iloc[0]):
            r = t.iloc[0]
            reached = r["nilai"] >= r["target"] - _TOL
            head += (f" Target {y1} ({_doc_label(r['dokumen'])}) sebesar {fmt_number(r['target'])} "
                     + ("tercapai" if reached else "tidak tercapai")
                     + f", dengan capaian {fmt_pct(r['capaian_pct'])}.")
    paras.append(head)

    comp = dec.komponen.dropna(subset=["perubahan"])
    if len(comp) and d != "tetap":
        same = comp[comp["perubahan"] * dec.perubahan > 0].copy()
        same = same.reindex(same["perubahan"].abs().sort_values(ascending=False).index)
        opposite = comp[comp["perubahan"] * dec.perubahan < 0]
        word = "penurunan" if d == "turun" else "kenaikan"
        if len(same):
            top = same.iloc[0]
            s = (f"{word.capitalize()} terbesar terjadi pada komponen {top['nama_komponen']} "
                 f"({_signed(top['perubahan'])} poin, dari {fmt_pct(top['persen_maks_awal'])} menjadi "
                 f"{fmt_pct(top['persen_maks_akhir'])} dari nilai maksimalnya), yang menjelaskan "
                 f"{fmt_pct(top['porsi_pct'], 1)} dari {word} total")
            rest = same.iloc[1:]
            if len(rest):
                s += "; disusul " + ", ".join(
                    f"{r['nama_komponen']} ({_signed(r['perubahan'])}; {fmt_pct(r['porsi_pct'], 1)})"
                    for _, r in rest.iterrows())
            s += "."
            if len(same) == len(comp):
                s += f" Semua komponen {d}."
            paras.append(s)
        if len(opposite):
            paras.append("Sebaliknya, " + ", ".join(
                f"{r['nama_komponen']} {'naik' if r['perubahan'] > 0 else 'turun'} "
                f"{fmt_number(abs(r['perubahan']))}" for _, r in opposite.iterrows())
                + f", sehingga {word} total lebih kecil dari jumlah {word} komponen lainnya.")
        weakest = comp.sort_values("persen_maks_akhir").iloc[0]
        paras.append(f"Pada {y1}, komponen dengan capaian terendah terhadap nilai maksimalnya adalah "
                     f"{weakest['nama_komponen']} ({fmt_pct(weakest['persen_maks_akhir'])}).")

    subt = subcomponent_totals(dec)
    if subt is not None and len(subt):
        by = subt.set_index("subkomponen")
        pp = by["persen_maks_akhir"] - by["persen_maks_awal"]
        parts = [f"{by.loc[k, 'nama_subkomponen'].lower()} {_signed(by.loc[k, 'perubahan'])} poin "
                 f"({_signed(pp[k])} poin persentase dari maksimalnya)"
                 for k in SAKIP_SUBCOMPONENT_NAMES if k in by.index]
        s = "Menurut sub komponen (dijumlah atas semua komponen): " + ", ".join(parts) + "."
        if {"keberadaan", "kualitas"} <= set(by.index) and d == "turun":
            if pp["kualitas"] < pp["keberadaan"] - 0.005:
                s += (" Relatif terhadap nilai maksimalnya, kualitas turun lebih banyak daripada "
                      "keberadaan dokumen: angka ini sejalan dengan dugaan bahwa dokumen disiapkan "
                      "untuk kelengkapan, bukan mutunya.")
            else:
                s += (" Relatif terhadap nilai maksimalnya, kualitas tidak turun lebih banyak daripada "
                      "keberadaan dokumen: angka ini tidak mendukung dugaan bahwa dokumen hanya "
                      "disiapkan untuk kelengkapan.")
        paras.append(s)
    else:
        missing = [y for y, r in ((y0, dec.hasil_awal), (y1, dec.hasil_akhir))
                   if r is None or r.subkomponen is None]
        s = (f"Rincian sub komponen (keberadaan, kualitas, pemanfaatan) tidak tersedia untuk tahun "
             f"{' dan '.join(missing)}, sehingga dugaan bahwa dokumen disiapkan hanya untuk "
             "kelengkapan (keberadaan) dan bukan mutunya (kualitas) tidak dapat diuji dengan data ini.")
        for y, r in ((y0, dec.hasil_awal), (y1, dec.hasil_akhir)):
            if r is not None and r.subkomponen is not None:
                g = r.subkomponen.groupby("subkomponen")[["nilai", "bobot"]].sum()
                prof = [f"{SAKIP_SUBCOMPONENT_NAMES.get(k, k).lower()} "
                        f"{fmt_pct(safe_pct(g.loc[k, 'nilai'], g.loc[k, 'bobot']))}"
                        for k in SAKIP_SUBCOMPONENT_NAMES if k in g.index]
                s += f" Sebagai gambaran, pada {y} capaian terhadap maksimal: " + ", ".join(prof) + "."
        paras.append(s)
    method = [n for n in dec.catatan if n.startswith("Bobot")]
    if method:
        paras.append(method[0])

    if stake is not None and len(stake.skenario):
        sk = stake.skenario
        back = sk[sk["skenario"] == "kembali_ke_awal"]
        parts = []
        if len(back):
            parts.append(back.iloc[0]["kalimat"])
        allback = sk[sk["skenario"] == "semua_kembali_ke_awal"]
        if len(allback):
            parts.append(allback.iloc[0]["kalimat"])
        best = sk[sk["skenario"] == "maksimal"]
        if len(best):
            parts.append(best.iloc[0]["kalimat"])
        s = "Poin yang dapat diraih: " + "; ".join(parts) + "."
        n = stake.berikutnya
        if n.ada:
            enough = stake.celah[stake.celah["celah_ke_maks"] > n.kebutuhan + 0.005]
            s += (f" Untuk predikat {n.predikat} nilai total harus melebihi {fmt_number(n.batas)}, "
                  f"yaitu naik lebih dari {fmt_number(n.kebutuhan)} poin")
            s += (("; celah satu komponen yang cukup besar untuk itu: "
                   + ", ".join(enough["nama_komponen"]) + ".") if len(enough)
                  else "; tidak ada satu komponen pun yang celahnya cukup, sehingga perlu "
                       "perbaikan di beberapa komponen.")
        paras.append(s)

    if drv is not None and len(drv.kaitan):
        lines = [f"- **{r['faktor']}** (terkait {r['komponen_terkait']}"
                 + (f"; perubahan {r['perubahan_komponen']}" if r["perubahan_komponen"] else "")
                 + f"): {r['temuan']}"
                 + (f" — {_ARAH_TEXT.get(r['arah'], r['arah'])}" if r["arah"] else "")
                 + "." for _, r in drv.kaitan.iterrows()
                 if not r["faktor"].startswith("Target")]
        if lines:
            paras.append("Faktor yang mungkin berkaitan:\n\n" + "\n".join(lines))
        paras.append(drv.peringatan)
    paras.append("*Draf ini disusun otomatis dari angka di atas; analis perlu memeriksa, "
                 "melengkapi penjelasan, dan menyuntingnya sebelum dipakai dalam laporan.*")
    return "\n\n".join(paras)


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
        return SakipChangeAnalysis(False, str(exc), catatan=msgs)
    dec = decomposition(sakip[y0], sakip[y1], y0, y1)
    stake = points_at_stake(sakip[y0], sakip[y1], y0, y1)
    drv = drivers(y0, y1, sakip=sakip, pegawai=get("pegawai"), anggaran=get("anggaran"),
                  targets=targets)
    text = narrative(dec, stake, drv, unit_name)
    msg = (f"Perbandingan nilai SAKIP {y0} dan {y1}: {fmt_number(dec.nilai_awal)} menjadi "
           f"{fmt_number(dec.nilai_akhir)} ({_signed(dec.perubahan)} poin).")
    return SakipChangeAnalysis(True, msg, y0, y1, dec, stake, drv, text,
                               msgs + dec.catatan + drv.catatan)


# --------------------------------------------------------------------------
# Reader-facing tables (Indonesian labels and number format)
# --------------------------------------------------------------------------


def tabel_ringkasan(an: SakipChangeAnalysis) -> pd.DataFrame:
    """Score, predicate, target and capaian of the two years, and the change."""
    dec, drv = an.dekomposisi, an.pendorong
    t = drv.target.set_index("tahun")
    rows = []
    for y, v, p in ((an.tahun_awal, dec.nilai_awal, dec.predikat_awal),
                    (an.tahun_akhir, dec.nilai_akhir, dec.predikat_akhir)):
        tr = t.loc[y] if y in t.index else None
        rows.append({"Tahun": str(y), "Nilai SAKIP": fmt_number(v), "Predikat": p or "–",
                     "Target": fmt_number(tr["target"]) if tr is not None else "–",
                     "Dokumen target": _doc_label(tr["dokumen"]) if tr is not None else "–",
                     "Capaian": fmt_pct(tr["capaian_pct"]) if tr is not None else "–"})
    rows.append({"Tahun": "Perubahan", "Nilai SAKIP": _signed(dec.perubahan), "Predikat": "",
                 "Target": "", "Dokumen target": "", "Capaian": ""})
    return pd.DataFrame(rows)


def _pct_tables(df: pd.DataFrame, y0: object, y1: object, extra: dict) -> pd.DataFrame:
    out = pd.DataFrame({**extra,
                        "Bobot": df["bobot"],
                        f"Nilai {y0}": df["nilai_awal"], f"Nilai {y1}": df["nilai_akhir"],
                        "Perubahan": df["perubahan"],
                        f"% maks {y0}": df["persen_maks_awal"], f"% maks {y1}": df["persen_maks_akhir"],
                        "Perubahan % maks (poin)": df["perubahan_persen_maks"]})
    return out


def tabel_komponen(dec: Decomposition) -> pd.DataFrame:
    """Component table: values, change, % of maximum, share of the total change."""
    y0, y1 = _label(dec.tahun_awal, "awal"), _label(dec.tahun_akhir, "akhir")
    k = dec.komponen
    out = _pct_tables(k, y0, y1, {"Komponen": k["nama_komponen"]})
    out["Porsi dari perubahan total"] = k["porsi_pct"]
    total = pd.DataFrame([{"Komponen": "Jumlah", "Bobot": k["bobot"].sum(),
                           f"Nilai {y0}": dec.nilai_awal, f"Nilai {y1}": dec.nilai_akhir,
                           "Perubahan": dec.perubahan,
                           f"% maks {y0}": safe_pct(dec.nilai_awal, k["bobot_awal"].sum()),
                           f"% maks {y1}": safe_pct(dec.nilai_akhir, k["bobot"].sum()),
                           "Perubahan % maks (poin)": safe_pct(dec.nilai_akhir, k["bobot"].sum())
                           - safe_pct(dec.nilai_awal, k["bobot_awal"].sum()),
                           "Porsi dari perubahan total": 100.0 if abs(dec.perubahan) >= 0.005
                           else math.nan}])
    out = pd.concat([out, total], ignore_index=True)
    return style_table(out, {"Perubahan": _signed, "Perubahan % maks (poin)": _signed,
                             "Porsi dari perubahan total": "pct:1",
                             f"% maks {y0}": "pct", f"% maks {y1}": "pct"}, default="number")


def tabel_subkomponen(dec: Decomposition) -> pd.DataFrame | None:
    """Sub-component table, or ``None`` when either year lacks sub-components."""
    if dec.subkomponen is None:
        return None
    y0, y1 = _label(dec.tahun_awal, "awal"), _label(dec.tahun_akhir, "akhir")
    s = dec.subkomponen
    out = _pct_tables(s, y0, y1, {"Komponen": s["nama_komponen"], "Sub komponen": s["nama_subkomponen"]})
    return style_table(out, {"Perubahan": _signed, "Perubahan % maks (poin)": _signed,
                             f"% maks {y0}": "pct", f"% maks {y1}": "pct"}, default="number")


def tabel_celah(stake: PointsAtStake) -> pd.DataFrame:
    """Per component: the later year's value, its gap to the maximum and to the earlier level."""
    y0, y1 = _label(stake.tahun_awal, "awal"), _label(stake.tahun_akhir, "akhir")
    c = stake.celah
    out = pd.DataFrame({"Komponen": c["nama_komponen"], "Bobot (maks)": c["bobot"],
                        f"Nilai {y1}": c["nilai_akhir"], "% maks": c["persen_maks_akhir"],
                        "Celah ke maksimal": c["celah_ke_maks"], f"Nilai {y0}": c["nilai_awal"],
                        f"Celah ke tingkat {y0}": c["celah_ke_awal"]})
    return style_table(out, {"% maks": "pct"}, default="number")


def tabel_skenario(stake: PointsAtStake) -> pd.DataFrame:
    """The what-if scenarios ranked by attainable points."""
    s = stake.skenario
    out = pd.DataFrame({"Skenario": s["kalimat"], "Tambahan": s["tambahan"], "Total": s["total"],
                        "Predikat": s["predikat"],
                        "Predikat naik": ["ya" if v else "tidak" for v in s["naik_predikat"]]})
    return style_table(out, {"Tambahan": _signed}, default="number")


def tabel_kaitan(drv: Drivers) -> pd.DataFrame:
    """Drivers next to the component(s) they may drive."""
    return drv.kaitan.rename(columns={"faktor": "Faktor", "temuan": "Temuan",
                                      "komponen_terkait": "Komponen yang mungkin terpengaruh",
                                      "perubahan_komponen": "Perubahan komponen",
                                      "arah": "Arah terhadap nilai"})


def tabel_kekosongan(drv: Drivers) -> pd.DataFrame:
    """Structural positions per year: months vacant, doubly held, exits, entries."""
    parts = []
    for y, v in sorted(drv.kekosongan.items()):
        p = v.per_jabatan.copy()
        p.insert(0, "tahun", y)
        parts.append(p)
    if not parts:
        return pd.DataFrame()
    p = pd.concat(parts, ignore_index=True)
    return pd.DataFrame({"Tahun": p["tahun"].astype(str), "Jabatan": p["jabatan"],
                         "Eselon": p["eselon"], "Bulan terisi": p["bulan_terisi"],
                         "Bulan kosong": p["bulan_kosong"], "Kosong pada": p["bulan_kosong_teks"],
                         "Keluar": p["keluar"], "Masuk": p["masuk"], "Keterangan": p["keterangan"]})


def tabel_kekosongan_bulanan(drv: Drivers, year: int | None = None) -> pd.DataFrame:
    """Month by month: structural positions, filled, vacant (the later year by default)."""
    y = int(year if year is not None else drv.tahun_akhir)
    if y not in drv.kekosongan:
        return pd.DataFrame()
    b = drv.kekosongan[y].bulanan
    return pd.DataFrame({"Bulan": b["nama_bulan"], "Jabatan struktural": b["jabatan_struktural"],
                         "Terisi": b["terisi"], "Kosong": b["kosong"],
                         "Jabatan kosong": b["jabatan_kosong"]})


def tabel_pergantian(drv: Drivers) -> pd.DataFrame:
    """Structural positions whose holder changed against the previous year (no names)."""
    parts = []
    for y, v in sorted(drv.kekosongan.items()):
        p = v.pergantian.copy()
        p.insert(0, "tahun", y)
        parts.append(p)
    p = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["tahun"])
    if not len(p):
        return pd.DataFrame()
    return pd.DataFrame({"Tahun": p["tahun"].astype(str), "Jabatan": p["jabatan"], "Eselon": p["eselon"],
                         "Berhenti": p["berhenti"], "Mulai pejabat baru": p["mulai_pejabat_baru"],
                         "Keterangan": p["keterangan"]})


def tabel_ipasn(drv: Drivers) -> pd.DataFrame:
    """IP ASN per year with dimension means."""
    ip = drv.ipasn
    if not len(ip):
        return pd.DataFrame()
    out = pd.DataFrame({"Tahun": ip["tahun"].astype(str), "Rata-rata IP ASN": ip["nilai"],
                        "Kategori": ip["kategori"], "ASN diukur": ip["jumlah_diukur"]})
    for d in ("kualifikasi", "kompetensi", "kinerja", "disiplin"):
        if f"rata_{d}" in ip.columns:
            out[f"Rata-rata {d}"] = ip[f"rata_{d}"]
    return style_table(out, {"ASN diukur": "int"}, default="number")


def tabel_anggaran(drv: Drivers) -> pd.DataFrame:
    """The planning and evaluation activity and its sub-activities per year."""
    b = drv.anggaran
    if not len(b):
        return pd.DataFrame()
    out = pd.DataFrame({"Tahun": b["tahun"].astype(str), "Kode": b["kode"], "Uraian": b["uraian"],
                        "Pagu": b["pagu"], "Realisasi": b["realisasi"], "Penyerapan": b["persen"]})
    return style_table(out, {"Pagu": "rupiah", "Realisasi": "rupiah", "Penyerapan": "pct"})


def tabel_target(drv: Drivers) -> pd.DataFrame:
    """SAKIP against its target and the predicate bands, every year with data."""
    t = drv.target
    out = pd.DataFrame({"Tahun": t["tahun"].astype(str), "Nilai SAKIP": t["nilai"],
                        "Predikat": t["predikat"], "Target": t["target"],
                        "Dokumen target": [_doc_label(d) for d in t["dokumen"]],
                        "Capaian": t["capaian_pct"], "Selisih dari target": t["selisih_target"],
                        "Di atas batas bawah predikat": t["jarak_batas_bawah"],
                        "Predikat berikutnya": t["predikat_berikutnya"],
                        "Kenaikan yang diperlukan (lebih dari)": t["kebutuhan_berikutnya"]})
    return style_table(out, {"Capaian": "pct", "Selisih dari target": _signed}, default="number")


def waterfall_figure(dec: Decomposition):
    """The decomposition as a waterfall chart (:func:`lkjip.charts.waterfall`)."""
    from lkjip.charts import waterfall

    return waterfall(f"SAKIP {_label(dec.tahun_awal, 'awal')}", dec.nilai_awal, dec.steps(),
                     f"SAKIP {_label(dec.tahun_akhir, 'akhir')}", ylabel="Nilai SAKIP")


def catatan_md(an: SakipChangeAnalysis) -> str:
    """The notes as a Markdown list ('' when there are none)."""
    notes = list(dict.fromkeys(an.catatan))
    return "" if not notes else "**Catatan:**\n\n" + "\n".join(f"- {n}" for n in notes)
