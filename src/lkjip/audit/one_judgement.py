"""One judgement per fact across years: a printed figure gets the same cause in every audit that covers it.

The LKjIP 2023 prints 2022 figures (Tabel 3.1.2's 2022 column, Gambar 3.7's "IP ASN TAHUN 2022"), so the
audit of 2022 and the audit of 2023 both check them. A figure's cause must not depend on which audit
looks: the 2022 audit once called Gambar 3.7's 89,50 "sama dengan target akhir Renstra" where the 2023
audit called it "sama dengan nilai tahun 2023". A figure is therefore judged by the audit of the document
that prints it, with that document's evidence: the figures printed beside it and elsewhere in the same
document (:class:`~lkjip.audit.explain.Explainer` over the document's rows) and the data of every year
that document prints (:func:`document_years_needed`). Every audit that covers the figure then stores the
same cause and sentence; the document's own audit is where it belongs.
"""

from __future__ import annotations

import pandas as pd

from lkjip.audit.explain import Explainer
from lkjip.audit.frames import _text
from lkjip.audit.published import document_year, records, rows_of_audit


def documents_of(rows: list[dict], year: int) -> set[int]:
    """The years of the documents (``LKjIP 2023`` -> 2023) that print the rows, other than ``year``."""
    out = {document_year(r.get("dokumen")) for r in rows}
    return {int(d) for d in out if d is not None and int(d) != int(year)}


def document_years_needed(published: pd.DataFrame | None, year: int) -> set[int]:
    """The years whose data the audit of ``year`` needs to judge its figures as their documents' audits do:
    the years printed by every document that prints a figure of the audit."""
    if published is None or not len(published):
        return set()
    years: set[int] = set()
    docs = {year} | documents_of(records(published, year), year)
    for d in docs:
        rows = rows_of_audit(published, d)
        years |= {int(y) for y in pd.to_numeric(rows["tahun"], errors="coerce").dropna()}
    return years


class PerDocument:
    """The evidence of a figure from the audit of its own document (callable like an :class:`Explainer`).

    ``rows`` are the audit's rows (:func:`~lkjip.audit.published.records`); a row of another year's document
    is explained with that document's rows, found by its position in ``published`` (``_pos``).
    """

    def __init__(self, published: pd.DataFrame, rows: list[dict], year: int, years):
        self.year = int(year)
        self.own = Explainer(rows, years)
        self._by_doc: dict[int, tuple[Explainer, dict]] = {}
        for d in sorted(documents_of(rows, year)):
            doc_rows = records(published, d)
            self._by_doc[d] = (Explainer(doc_rows, years), {r["_pos"]: r for r in doc_rows})

    def __call__(self, r: dict, computed, ctx):
        d = document_year(_text(r.get("dokumen")))
        hit = self._by_doc.get(d) if d is not None else None
        if hit is not None and r.get("_pos") in hit[1]:
            explainer, by_pos = hit
            return explainer(by_pos[r["_pos"]], computed, ctx)
        return self.own(r, computed, ctx)
