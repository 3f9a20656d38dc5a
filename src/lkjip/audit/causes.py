"""The likely cause of a difference: small pure functions on numbers.

A printed figure that differs from the value it should equal (the sum of its
parts, the value recomputed from raw data, the same figure printed elsewhere)
gets one cause, the first of these that explains it exactly:

1. ``pembulatan``: the printed figure is the other value cut instead of
   rounded (91,2975 printed 91,29), rounded to fewer decimals and padded
   (93,675 printed 93,70), or within the rounding of a stated alternative
   (an IKM weight of 0,11 instead of 1/9, a difference of two rounded
   figures: 98,43 - 94,01 = 4,42 where the exact figures give 4,43);
2. ``beda_sumber``: the printed figure is, to its printed decimals, another
   year's or another document's value (named): 94,38 is the budget by
   sub-activity where the LRA gives 94,37;
3. ``penjumlahan``: a printed total misses one of its parts (difference =
   minus the part) or counts it twice (difference = the part); the part is
   named;
4. ``salah_ketik_digit``: one digit differs (641 for 941) or two adjacent
   digits are swapped (648 for 684), at the printed decimals, for figures of
   two digits or more;
5. ``beda_sumber`` again when the other value was cut or rounded to fewer
   decimals;
6. ``salah_ketik_digit`` against the same figure printed elsewhere or a
   stated alternative (97,13 printed where the document has 97,33);
7. ``beda_periode``: the figure's own source names a period that is not
   the figure's year (the E-Sukma screen filtered to January 2024);
8. ``tidak_diketahui`` otherwise, with what was tried.

Before 2, two causes that name the figure a difference comes from
(evidence from :mod:`lkjip.audit.explain`): ``turunan`` (the printed figure is
computed from another printed figure that itself differs: efisiensi 8,62 =
printed capaian 102,99 - printed penyerapan 94,37) and ``beda_target`` (a
capaian against another target than the year's: 89,5 / 89,5 instead of
89,5 / 85). A digit slip is never claimed between two figures both round
to the thousands (Rp 10-40 juta gaps between round amounts always differ in
one digit).

Each cause comes with a sentence in Bahasa Indonesia that an auditor can
paste into a follow-up letter. The evidence (parts, alternatives, periods)
is gathered by :mod:`lkjip.audit.explain`; this module only decides.

>>> classify(641, 941, decimals=0).kode
'salah_ketik_digit'
>>> classify(91.29, 91.2975, decimals=2).kode
'pembulatan'
>>> classify(2_660_473_927, 2_661_073_927, decimals=0,
...          parts=[Part("5.1.05 Belanja Hibah", 600_000)]).kode
'penjumlahan'
>>> classify(100, 100, decimals=0) is None
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from lkjip.contract.fmt import fmt_number, is_missing, round_half_up, round_number, truncate_number
from lkjip.contract.rules.printed import EPS, tolerance

SALAH_KETIK = "salah_ketik_digit"
PEMBULATAN = "pembulatan"
PENJUMLAHAN = "penjumlahan"
BEDA_PERIODE = "beda_periode"
BEDA_SUMBER = "beda_sumber"
BEDA_TARGET = "beda_target"
TURUNAN = "turunan"
TIDAK_DIKETAHUI = "tidak_diketahui"

#: Every cause, in the order the report lists them.
CAUSES = (SALAH_KETIK, PEMBULATAN, PENJUMLAHAN, TURUNAN, BEDA_TARGET, BEDA_PERIODE, BEDA_SUMBER, TIDAK_DIKETAHUI)

#: How a reader sees each cause.
CAUSE_LABELS = {
    SALAH_KETIK: "Salah ketik digit",
    PEMBULATAN: "Pembulatan",
    PENJUMLAHAN: "Penjumlahan",
    BEDA_PERIODE: "Beda periode",
    BEDA_SUMBER: "Beda sumber",
    BEDA_TARGET: "Beda target",
    TURUNAN: "Turunan dari angka lain",
    TIDAK_DIKETAHUI: "Tidak diketahui",
}


@dataclass(frozen=True)
class Part:
    """One part of a printed total."""

    label: str
    value: float


@dataclass(frozen=True)
class Candidate:
    """Another value the printed figure may have come from.

    ``cause`` is :data:`PEMBULATAN` (a stated alternative: another weight, a
    rounded intermediate), :data:`BEDA_SUMBER` (another year, another
    document), :data:`BEDA_PERIODE`, :data:`TURUNAN` (computed from printed
    figures that themselves differ) or :data:`BEDA_TARGET` (a capaian against
    another target); ``label`` says what the value is, in Bahasa Indonesia
    ("hasil bobot unsur 0,11"); for the last two, what follows its first
    ``"; "`` is the reason, printed after the value.
    """

    cause: str
    label: str
    value: float


@dataclass(frozen=True)
class Cause:
    """A likely cause and the sentence that explains it."""

    kode: str
    penjelasan: str


# ---------------------------------------------------------------- numbers

# One rounding: half-up as readers see it (lkjip.contract.fmt.round_number, truncate_number), also when
# the audit asks how a printed figure came from its value.


def _same(a: float, b: float, decimals: int) -> bool:
    return not (math.isnan(a) or math.isnan(b)) and abs(a - b) <= tolerance(decimals) + EPS


def rounding_of(printed: float, value: float, decimals: int) -> str | None:
    """How ``printed`` comes from ``value`` by rounding, or None.

    ``"dibulatkan"`` (half-up at the printed decimals), ``"dipotong"`` (cut
    instead of rounded), ``"dibulatkan ke k desimal"`` (rounded to fewer
    decimals, then printed with trailing zeros).

    >>> rounding_of(91.29, 91.2975, 2), rounding_of(93.70, 93.675, 2), rounding_of(94.38, 94.377, 2)
    ('dipotong', 'dibulatkan ke 1 desimal', 'dibulatkan')
    >>> rounding_of(1.64, 1.0635, 2) is None
    True
    """
    if _same(printed, round_number(value, decimals), 12):
        return "dibulatkan"
    if _same(printed, truncate_number(value, decimals), 12):
        return "dipotong"
    for fewer in range(decimals - 1, -1, -1):
        if _same(printed, round_number(value, fewer), 12):
            return f"dibulatkan ke {fewer} desimal" if fewer else "dibulatkan ke bilangan bulat"
    return None


def _digits(value: float, decimals: int) -> str | None:
    if is_missing(value):
        return None
    return format(abs(round_half_up(value, int(decimals))), "f").replace(".", "")


def digit_slip(printed: float, other: float, decimals: int) -> str | None:
    """``"satu digit berbeda"`` or ``"dua digit bersebelahan tertukar"`` when
    ``printed`` differs from ``other`` that way at the printed decimals; None
    otherwise (also for one-digit figures, where any difference is one digit).

    >>> digit_slip(641, 941, 0), digit_slip(3689238648, 3689238684, 0), digit_slip(8, 9, 0)
    ('satu digit berbeda', 'dua digit bersebelahan tertukar', None)
    >>> digit_slip(97.13, 97.33, 2), digit_slip(1.64, 1.06, 2)
    ('satu digit berbeda', None)
    """
    a, b = _digits(printed, decimals), _digits(other, decimals)
    if a is None or b is None or len(a) != len(b) or a == b or len(a.lstrip("0")) < 2:
        return None
    if (printed < 0) != (other < 0) or both_round_thousands(printed, other):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 1:
        return "satu digit berbeda"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
        return "dua digit bersebelahan tertukar"
    return None


def both_round_thousands(a: float, b: float) -> bool:
    """Both figures are whole thousands (Rp 40.000.000 and Rp 10.000.000): any gap between such
    figures changes few digits, so one differing digit says nothing about a typing slip.

    >>> both_round_thousands(40_000_000, 10_000_000), both_round_thousands(641, 941)
    (True, False)
    """
    return all(not is_missing(v) and v != 0 and abs(v) >= 1000 and float(v) % 1000 == 0 for v in (a, b))


def part_slip(difference: float, parts: Iterable[Part], decimals: int) -> tuple[Part, str] | None:
    """The one part a printed total misses (``difference = -part``) or repeats
    (``difference = +part``), or None (also when several parts would fit).
    Zero parts never explain anything.

    >>> part_slip(-600_000, [Part("a", 5), Part("b", 600_000)], 0)
    (Part(label='b', value=600000), 'tidak ikut dijumlahkan')
    >>> part_slip(5, [Part("a", 5)], 0)[1]
    'terhitung dua kali'
    >>> part_slip(5, [Part("a", 5), Part("b", 5)], 0) is None
    True
    """
    if math.isnan(difference) or difference == 0:
        return None
    hits = []
    for part in parts:
        if part.value is None or math.isnan(part.value) or abs(part.value) < EPS:
            continue
        if _same(difference, -part.value, decimals):
            hits.append((part, "tidak ikut dijumlahkan"))
        elif _same(difference, part.value, decimals):
            hits.append((part, "terhitung dua kali"))
    # two parts of the same size could each explain it: then it names none (small counts often repeat)
    return hits[0] if len(hits) == 1 else None


# ---------------------------------------------------------------- sentences

def show(value: float, decimals: int, unit: str = "") -> str:
    """A figure for a sentence: Indonesian marks, ``Rp`` in front of rupiah.

    >>> show(600000, 0, "Rp"), show(97.33, 2), show(94.37, 2, "%")
    ('Rp 600.000', '97,33', '94,37%')
    """
    text = fmt_number(value, max(int(decimals), 0))
    if unit == "Rp":
        return f"Rp {text}" if not text.startswith("-") else f"-Rp {text[1:]}"
    return text + unit


def _computed_text(value: float, decimals: int, unit: str) -> str:
    # the computed value shows two more decimals than printed, so a cut or a rounding can be seen
    extra = decimals + 2 if (not math.isnan(value) and value != round(value)) else decimals
    return show(value, min(extra, 4) if unit != "Rp" else decimals, unit)


def _others_text(cands: Sequence[Candidate], decimals: int, unit: str) -> str:
    return " maupun ".join(f"{c.label} ({show(c.value, decimals, unit)})" for c in cands)


def classify(printed: float, computed: float, *, decimals: int, unit: str = "",
             parts: Sequence[Part] = (), candidates: Sequence[Candidate] = (),
             elsewhere: Sequence[Candidate] = (), periods: Sequence[str] = (),
             computed_label: str = "hasil hitung ulang") -> Cause | None:
    """The likely cause of ``printed`` differing from ``computed`` (None when they match).

    ``decimals``: the printed decimals; ``unit``: ``"Rp"``, ``"%"`` or ``""``
    (only for the sentence); ``parts``: the parts of a printed total;
    ``candidates``: stated alternatives and other sources (see
    :class:`Candidate`); ``elsewhere``: the same figure printed in other
    places, checked for a digit slip only; ``periods``: periods named by the
    figure's own source that differ from its year.
    """
    p, c = float(printed), float(computed)
    if not math.isnan(c) and _same(p, c, decimals):
        return None
    shown_p = show(p, decimals, unit)
    sentence_c = f"{computed_label} {_computed_text(c, decimals, unit)}" if not math.isnan(c) else computed_label
    period_note = (" Sumber angka ini menyebut periode " + "; ".join(periods) + ", bukan periode tahun laporan."
                   if periods else "")

    # 1. rounding: of the computed value itself, then of a stated alternative
    if not math.isnan(c):
        how = rounding_of(p, c, decimals)
        if how is not None:
            return Cause(PEMBULATAN, f"Angka tercetak {shown_p} adalah {sentence_c} yang {how}"
                         + (", bukan dibulatkan ke atas/bawah sesuai aturan" if how == "dipotong" else "")
                         + "." + period_note)
    for cand in candidates:
        if cand.cause in (TURUNAN, BEDA_TARGET) and (rounding_of(p, cand.value, decimals) is not None
                                                     or _same(p, cand.value, decimals)):
            how, _, why = cand.label.partition("; ")
            return Cause(cand.cause, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}, tetapi sama "
                         f"dengan {how} ({_computed_text(cand.value, decimals, unit)})"
                         + (f"; {why}" if why else "") + "." + period_note)
    stated = [x for x in candidates if x.cause == PEMBULATAN]
    for cand in stated:
        how = rounding_of(p, cand.value, decimals) or ("sama" if _same(p, cand.value, decimals) else None)
        if how is not None:
            rest = [x for x in stated if x is not cand and not rounding_of(p, x.value, decimals)]
            not_these = f"{sentence_c}" + (f" maupun {_others_text(rest, decimals, unit)}" if rest else "")
            verb = "sama dengan" if how in ("dibulatkan", "sama") else f"{how} dari"
            return Cause(PEMBULATAN, f"Angka tercetak {shown_p} tidak sama dengan {not_these}, tetapi {verb} "
                         f"{cand.label} ({_computed_text(cand.value, decimals, unit)})." + period_note)

    # 2. another year's or another document's value, to the printed decimals
    others = [x for x in candidates if x.cause not in (PEMBULATAN, TURUNAN, BEDA_TARGET)]
    for cand in others:
        if rounding_of(p, cand.value, decimals) == "dibulatkan":
            return Cause(cand.cause, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}, tetapi sama "
                         f"dengan {cand.label} ({show(cand.value, decimals, unit)})." + period_note)

    # 3. a total that misses or repeats exactly one part
    if parts and not math.isnan(c):
        found = part_slip(p - c, parts, decimals)
        if found is not None:
            part, how = found
            return Cause(PENJUMLAHAN, f"Jumlah tercetak {shown_p} berselisih {show(p - c, decimals, unit)} dari "
                         f"jumlah rinciannya ({show(c, decimals, unit)}); selisih itu sama dengan rincian "
                         f"{part.label} ({show(part.value, decimals, unit)}), yang tampaknya {how}.")

    # 4. a digit typed wrong
    if not math.isnan(c):
        slip = digit_slip(p, c, decimals)
        if slip is not None:
            return Cause(SALAH_KETIK, f"Angka tercetak {shown_p} dan {sentence_c} hanya berbeda karena "
                         f"{slip}; kemungkinan salah ketik." + period_note)

    # 5. another source cut or rounded to fewer decimals
    for cand in others:
        how = rounding_of(p, cand.value, decimals)
        if how is not None:
            return Cause(cand.cause, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}, tetapi sama "
                         f"dengan {cand.label} ({show(cand.value, decimals, unit)}) yang {how}." + period_note)

    # 6. a digit slip against the same figure printed elsewhere or a stated alternative
    for cand in [*elsewhere, *stated]:
        slip = digit_slip(p, cand.value, decimals)
        if slip is not None:
            return Cause(SALAH_KETIK, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}; dibanding "
                         f"{cand.label} ({show(cand.value, decimals, unit)}) hanya {slip}, kemungkinan salah "
                         "ketik." + period_note)

    # 7. the figure's source names another period
    if periods:
        return Cause(BEDA_PERIODE, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}."
                     + period_note.replace(" Sumber", " Kemungkinan berbeda periode: sumber", 1))

    # 8. nothing explains it: say what was tried
    tried = [x for x in candidates if not math.isnan(x.value)]
    tail = f" Juga tidak sama dengan {_others_text(tried[:3], decimals, unit)}." if tried else ""
    if parts and not math.isnan(c):
        tail += " Selisihnya tidak sama dengan satu rincian pun."
    return Cause(TIDAK_DIKETAHUI, f"Angka tercetak {shown_p} tidak sama dengan {sentence_c}; penyebabnya tidak "
                 f"dapat ditentukan dari data.{tail} {tried_text(c, parts, candidates, elsewhere)} "
                 "Mohon dijelaskan dasar angka ini.")


def tried_text(computed: float, parts: Sequence[Part] = (), candidates: Sequence[Candidate] = (),
               elsewhere: Sequence[Candidate] = ()) -> str:
    """What the audit tried before calling a cause unknown, as one sentence.

    >>> tried_text(5.0)
    'Yang sudah dicoba: pembulatan, pemotongan dan salah ketik satu digit terhadap hasil hitung ulang.'
    >>> t = tried_text(5.0, [Part("a", 1)], [Candidate(BEDA_SUMBER, "nilai tahun 2022 menurut data", 4.0)])
    >>> "dua kali (1 rincian); 1 angka lain (tahun lain, dokumen lain)." in t
    True
    """
    steps = [] if math.isnan(computed) else ["pembulatan, pemotongan dan salah ketik satu digit terhadap hasil "
                                             "hitung ulang"]
    alt = [x for x in candidates if x.cause in (PEMBULATAN, TURUNAN, BEDA_TARGET) and not math.isnan(x.value)]
    src = [x for x in candidates if x.cause not in (PEMBULATAN, TURUNAN, BEDA_TARGET) and not math.isnan(x.value)]
    if parts:
        steps.append(f"rincian yang terlewat atau terhitung dua kali ({len(parts)} rincian)")
    if alt:
        steps.append(f"{len(alt)} cara hitung lain (bobot, angka antara yang dibulatkan, angka tercetak di "
                     "dekatnya)")
    if src:
        steps.append(f"{len(src)} angka lain (tahun lain, dokumen lain)")
    if elsewhere:
        steps.append(f"{len(elsewhere)} cetakan angka yang sama di tempat lain")
    return "Yang sudah dicoba: " + "; ".join(steps or ["tidak ada angka pembanding"]) + "."
