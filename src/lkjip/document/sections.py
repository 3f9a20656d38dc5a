"""What a report section builder returns when its input is absent: :class:`Absent`.

Every builder of a contract-v2 section (:mod:`~lkjip.document.profil`,
:mod:`~lkjip.document.renstra`, :mod:`~lkjip.document.pk`,
:mod:`~lkjip.document.lampiran_dokumen`) returns its data, or an :class:`Absent`
holding the one line that says which file would fill the section. The report
prints that line and nothing else in the section's place: it never fills a
section with invented text.

>>> a = absent("sarana", "gedeg", 2023)
>>> a.catatan
'Data sarana dan prasarana kantor tidak disajikan: isi berkas data/raw/gedeg/2023/sarana.csv.'
>>> a.berkas, is_absent(a), is_absent(None)
('data/raw/gedeg/2023/sarana.csv', True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lkjip.contract.schema import DATASETS


@dataclass(frozen=True)
class Absent:
    """A section left out: ``catatan`` is the line the report prints in its place.

    ``dataset`` and ``berkas`` name the input that would fill it (``berkas``
    may name a ``unit.yaml`` key or a column, e.g. ``unit.yaml: wilayah``),
    so that a document that must not show paths can word its own line.
    """

    catatan: str
    dataset: str = ""
    berkas: str = ""

    def __bool__(self) -> bool:  # an absent section is falsy: ``if data:`` reads naturally
        return False


def absent(dataset: str, unit: str, year: int | None = None, **values: str) -> Absent:
    """The :class:`Absent` of a contract dataset, with its note from :mod:`lkjip.contract.schema`."""
    spec = DATASETS[dataset]
    return Absent(spec.absent_text(unit, year, **values), dataset, spec.file_hint(unit, year))


def is_absent(value: Any) -> bool:
    return isinstance(value, Absent)


def inputs_of(source: Any):
    """A :class:`~lkjip.inputs.year.YearInputs` from itself or from a ``ReportData`` (``.inputs``)."""
    return getattr(source, "inputs", source)
