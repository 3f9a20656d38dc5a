"""The generated LKjIP for the audit notebook (04): where it prints each published place, and its own findings.

One entry point, :func:`for_audit`, so that the notebook holds one call: the report model as notebook 05
builds it, its places (:mod:`lkjip.document.generated_places`) and its tables checked
(:mod:`lkjip.document.self_audit`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip import document as report
from lkjip.document.data_disagreements import data_disagreements
from lkjip.document.generated_places import generated_places, planned_captions
from lkjip.document.self_audit import self_audit


@dataclass
class ForAudit:
    """What the audit notebook shows of the generated LKjIP: ``places`` (published place -> (place in the
    generated LKjIP as printed, its caption id), for :mod:`lkjip.audit.two_documents`), ``href`` (the
    generated LKjIP's HTML, beside the audit's), ``sendiri`` (its own findings,
    :func:`lkjip.document.self_audit.self_audit`), ``sendiri_places`` (their tables, for the links) and
    ``berbeda`` (facts that disagree inside the data, :func:`lkjip.document.data_disagreements.data_disagreements`)."""

    places: dict[str, tuple[str, str | None]]
    href: str
    sendiri: object
    sendiri_places: dict[str, tuple[str, str | None]]
    berbeda: object


def for_audit(data_dir, unit: str, year: int, processed_dir=None, *, final: bool = False,
              published=None) -> ForAudit:
    """The generated LKjIP of ``unit``/``year`` as notebook 05 builds it (the same report model), its places
    and its own findings, for the audit notebook (04)."""
    laporan = report.build_report(data_dir, unit, year, processed_dir, published=published)
    plan = planned_captions(laporan, final)
    places = {k: (str(p), p.anchor) for k, p in generated_places(laporan, final, plan).items()}
    own = self_audit(laporan, final, plan)
    own_places = {t: (t, a) for t, a in zip(own.iloc[:, 0], own["_anchor"]) if isinstance(a, str)}
    return ForAudit(places, f"lkjip_{unit}_{year}.html", own.drop(columns="_anchor"), own_places,
                    data_disagreements(laporan))
