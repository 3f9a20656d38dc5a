"""What happens to synthetic units over the years, so that a kabupaten view has something to find.

Real units do not move together by chance alone. Three things shape every
synthetic unit's years after the first (``first_year``, the first year of the
range given to :func:`lkjip.synth.make_units`):

- **its own profile and drift**: each component sits at the unit's level plus
  a persistent offset (N(0; 0,04) of its weight, stream ``[seed, unit, 0,
  _S_TREND]``) and a small yearly wobble; each year the level moves by +0,005
  plus a seeded N(0; 0,01) step (stream ``[seed, unit, year, _S_TREND]``), so
  some units improve and some slip;
- **a kabupaten-wide reform** (:data:`REFORM_COMPONENT`): from
  ``first_year + 1`` the evaluation of "evaluasi internal" is stricter in
  every unit (:data:`REFORM_PENALTY` of its weight), the shared reason most
  drops have; units with ``index % 3 == 0`` improve their planning and
  reporting that year (:data:`IMPROVER_LIFT`) and rise despite it;
- **a lost planning officer**: in units with ``index % 3 == 1`` the Kepala Sub
  Bagian Penyusunan Program dan Keuangan leaves in May or June of
  ``first_year + 1`` and the post stays vacant for three or four months; that
  year the unit's planning scores lower (:data:`PLANNER_PENALTY`) and it
  absorbs less of its non-salary budget (:data:`PLANNER_ABSORPTION`). From
  the next year the successor holds the post.

And one unit in five (``index % 5 == 2``) prints a typo in the IKM it
publishes for ``first_year + 1`` (its two decimals swapped, :func:`printed_ikm`),
the kind of difference the audit finds.

Everything is a function of ``(seed, unit index, year, first_year)``, so units
stay independent of each other and of the last year of the range.

>>> [role(i) for i in range(1, 7)]
['planner', 'drift', 'improver', 'planner', 'drift', 'improver']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lkjip.synth.common import _S_EVENT, _S_TREND, _nip, _person, _random_date, _rng

#: The component whose evaluation becomes stricter kabupaten-wide, and by how
#: much (share of its weight).
REFORM_COMPONENT = "evaluasi_internal"
REFORM_PENALTY = 0.07
#: The components a unit that loses its planning officer scores lower on, and by how much.
PLANNER_COMPONENTS = ("perencanaan",)
PLANNER_PENALTY = 0.08
#: Share of the planned absorption of non-salary spending in the year of the vacancy.
PLANNER_ABSORPTION = 0.8
#: Lift of an improving unit's level in the reform year.
IMPROVER_LIFT = 0.035
#: The yearly drift of every unit's SAKIP level (half a point of the maximum per year; a random
#: parameter, not a tolerance: 5e-3 is the same float as the decimal written out).
YEARLY_DRIFT = 5e-3
#: The planning officer's post (vocabulary._STAFF_POSTS[3]).
PLANNER_POST = "Kepala Sub Bagian Penyusunan Program dan Keuangan"


def role(index: int) -> str:
    """``'planner'`` (loses its planning officer), ``'improver'`` or ``'drift'``."""
    return {1: "planner", 0: "improver"}.get(index % 3, "drift")


def event_year(first_year: int) -> int:
    """The year of the reform and of the planning officers' departure."""
    return int(first_year) + 1


def level(base: float, index: int, year: int, first_year: int, seed: int) -> float:
    """The unit's SAKIP level (share of the maximum) in ``year``, before the component effects."""
    value = float(base)
    for y in range(int(first_year) + 1, int(year) + 1):
        value += YEARLY_DRIFT + float(_rng(seed, index, y, _S_TREND).normal(0, 0.01))
        if y == event_year(first_year) and role(index) == "improver":
            value += IMPROVER_LIFT
    return min(0.97, value)


def profile(seed: int, index: int, components) -> dict[str, float]:
    """The unit's persistent offset of each component from its level (share of the weight)."""
    rng = _rng(seed, index, 0, _S_TREND)
    return {c: float(rng.normal(0, 0.04)) for c in components}


def component_shift(component: str, index: int, year: int, first_year: int) -> float:
    """Change of a component's score (share of its weight) from the reform and the vacancy."""
    shift = 0.0
    if component == REFORM_COMPONENT and int(year) >= event_year(first_year):
        shift -= REFORM_PENALTY
    if component in PLANNER_COMPONENTS and loses_planner(index, year, first_year):
        shift -= PLANNER_PENALTY
    return shift


def loses_planner(index: int, year: int, first_year: int) -> bool:
    """True in the year the unit's planning officer leaves."""
    return role(index) == "planner" and int(year) == event_year(first_year)


def absorption_factor(index: int, year: int, first_year: int) -> float:
    """Factor on the absorption of non-salary spending (1 in ordinary years)."""
    return PLANNER_ABSORPTION if loses_planner(index, year, first_year) else 1.0


def printed_ikm(value: float, index: int, year: int, first_year: int) -> str:
    """The IKM as the unit's report prints it (two decimals), with the typo of
    the units that make one.

    >>> printed_ikm(91.614, 2, 2023, 2022), printed_ikm(91.614, 1, 2023, 2022), printed_ikm(90.55, 2, 2023, 2022)
    ('91.16', '91.61', '90.65')
    """
    text = f"{value:.2f}"
    if index % 5 == 2 and int(year) == event_year(first_year):
        head, a, b = text[:-2], text[-2], text[-1]
        text = head + b + a if a != b else f"{value + 0.1:.2f}"
    return text


@dataclass(frozen=True)
class Successor:
    """The planning officer who takes the post after the vacancy."""

    nip: str
    nama: str
    left: str
    came: str
    scores: tuple[int, ...]


def successor(seed: int, index: int, first_year: int, maxima: tuple[int, ...], taken: set[str]) -> Successor:
    """Who leaves when and who comes when, drawn once per unit (stream ``_S_EVENT``)."""
    import pandas as pd

    year = event_year(first_year)
    rng = _rng(seed, index, year, _S_EVENT)
    left = pd.Timestamp(_random_date(rng, year, 5, 6))
    gap = int(rng.integers(4, 6))
    came = (left + pd.offsets.MonthBegin(gap)).normalize()
    while came.weekday() >= 5:
        came += pd.Timedelta(days=1)
    nip = _nip(rng, "PNS", first_year, taken)
    nama = _person(rng)
    scores = tuple(int(np.clip(round(top * float(rng.uniform(0.7, 0.95))), 0, top)) for top in maxima)
    return Successor(nip, nama, f"{left:%Y-%m-%d}", f"{came:%Y-%m-%d}", scores)
